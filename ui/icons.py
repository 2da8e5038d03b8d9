"""The app's SVG icons, loaded once each, with a light variant for selected items."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QIcon, QImageReader, QPixmap

from workshop.resources import resource_path

_STROKE = b'stroke="#64748b"'


def _render(data: bytes, size: int) -> QPixmap:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(size, size))
    return QPixmap.fromImage(reader.read())


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/NAME.svg``; grey line icons turn white when selected."""
    path = resource_path("icons", f"{name}.svg")
    result = QIcon(str(path))
    data = path.read_bytes()
    if _STROKE in data:
        light = data.replace(_STROKE, b'stroke="#ffffff"')
        for size in (16, 20, 24, 32, 40, 48):
            result.addPixmap(_render(light, size), QIcon.Mode.Selected)
    return result
