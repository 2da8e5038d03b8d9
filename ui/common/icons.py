"""The app's SVG icons, loaded once each, with a light variant for selected items.

Both variants are SVG files that Qt renders lazily at whatever size is painted: the
light one is written once to a cache folder (the temporary folder, by content hash),
so start-up renders nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from workshop.resources import resource_path


@cache
def _stroke() -> bytes:
    """The stroke attribute the grey line icons are drawn with."""
    from ui.common.palette import ICON_SOURCE_STROKE  # noqa: PLC0415 - see above

    return f'stroke="{ICON_SOURCE_STROKE}"'.encode()


def _light_variant(name: str, data: bytes) -> Path | None:
    """A white-stroked copy of an icon, written once; None if it cannot be written."""
    import hashlib  # noqa: PLC0415 - only for a stroked icon, never the window's own
    import tempfile  # noqa: PLC0415

    from ui.common.palette import WHITE  # noqa: PLC0415 - the colours: after the window shows

    light = data.replace(_stroke(), f'stroke="{WHITE}"'.encode())
    digest = hashlib.sha1(light, usedforsecurity=False).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / "smarketing-workshop-icons" / f"{name}-{digest}.svg"
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(light)
            temporary.replace(path)
    except OSError:
        return None  # selected items then keep the grey icon
    return path


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/NAME.svg``; grey line icons turn white when selected."""
    path = resource_path("icons", f"{name}.svg")
    result = QIcon(str(path))
    data = path.read_bytes()
    if b"stroke=" in data and _stroke() in data:  # the app's own icon has none: no palette to start
        light = _light_variant(name, data)
        if light is not None:
            result.addFile(str(light), QSize(), QIcon.Mode.Selected)
    return result
