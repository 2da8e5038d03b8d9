"""The Qt binding keeps Python's books: calls that return nothing must not use up None.

PySide6 6.12.0 released one reference to None on every call of a method that
returns void; on Python 3.11 (where None is not immortal) the app then crashes
after a few thousand calls, within seconds of painting the Goals board. The
dependency excludes that version; this test catches a binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_do_not_release_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            label.setText("x")
            painter.drawRect(QRect(0, 0, 10, 10))
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after - before > -50
