"""The Qt binding must not leak references when signals are emitted.

PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit()``; the Run
page emits several signals five times a second, so such a build aborts the app
("bool_dealloc") within minutes. This test fails on any build with that fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


class Emitter(QObject):
    ping = Signal()
    value = Signal(object)


def test_emitting_signals_keeps_reference_counts(qtbot: QtBot) -> None:
    emitter = Emitter()
    received: list[object] = []
    emitter.ping.connect(lambda: received.append(None))
    emitter.value.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(200):
        emitter.ping.emit()
        emitter.value.emit(number)
    assert len(received) == 400
    assert abs(sys.getrefcount(True) - before) <= 5


def test_void_calls_do_not_release_none(qtbot: QtBot) -> None:
    """PySide6 6.12.0 also released a reference to None on every call returning void."""
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
