"""Make the app's icons from ``resources/icons/app.svg``: PNG sizes, a Windows .ico, a macOS .icns.

    python packaging/icons.py OUT_FOLDER

Qt (offscreen) draws the SVG at each size, so the icons match the one the window shows;
Pillow packs the .ico and the .icns. Prints the files it wrote.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the freedesktop hicolor sizes
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
NAME = "smarketing-workshop"


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at ``size`` x ``size`` pixels, as a Pillow image with alpha."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def make_icons(out: Path) -> list[Path]:
    """Write ``png/NAME-SIZE.png`` for each size, ``NAME.ico`` and ``NAME.icns`` into ``out``."""
    _app = QApplication.instance() or QApplication([])  # a widgets one: a test run may need it after
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    images = {size: render(renderer, size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    written = []
    (out / "png").mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        path = out / "png" / f"{NAME}-{size}.png"
        images[size].save(path)
        written.append(path)
    ico = out / f"{NAME}.ico"
    images[256].save(ico, sizes=[(s, s) for s in ICO_SIZES], append_images=[images[s] for s in ICO_SIZES])
    icns = out / f"{NAME}.icns"
    images[1024].save(icns, append_images=[images[s] for s in ICNS_SIZES])
    return [*written, ico, icns]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for path in make_icons(Path(sys.argv[1])):
        print(path)
