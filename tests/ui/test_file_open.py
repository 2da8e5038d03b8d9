"""macOS sends a .smw opened from the Finder while the app runs as a QFileOpenEvent: it opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.app import open_in_front, watch_file_open
from ui.file_open import FileOpenHandler
from ui.main_window import MainWindow
from workshop.cli import main as cli


def test_a_file_sent_by_the_system_opens_in_the_window(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    other = tmp_path / "Berlin kickoff.smw"
    assert cli(["demo", str(other)]) == 0
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    handler = FileOpenHandler(app, lambda path: open_in_front(window, path))
    try:
        assert window.document is not None and window.document.path != other
        QApplication.sendEvent(app, QFileOpenEvent(str(other)))
        assert window.document is not None and window.document.path == other
        assert "Berlin kickoff" in window.windowTitle()

        # The Finder may send a file URL rather than a path.
        first = tmp_path / "Lisbon offsite.smw"
        assert cli(["demo", str(first)]) == 0
        QApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(first))))
        assert window.document.path == first
    finally:
        app.removeEventFilter(handler)
        handler.deleteLater()


def test_other_events_pass_through(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opened: list[Path] = []
    handler = FileOpenHandler(app, opened.append)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(""))
        assert opened == []
    finally:
        app.removeEventFilter(handler)
        handler.deleteLater()


def test_only_macos_gets_the_catcher_elsewhere_no_filter_sees_every_event(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # Linux and Windows pass a file on the command line: no filter on every event of the app.
    assert watch_file_open(app, window, platform="linux") is None
    assert watch_file_open(app, window, platform="win32") is None
    other = tmp_path / "Porto kickoff.smw"
    assert cli(["demo", str(other)]) == 0
    handler = watch_file_open(app, window, platform="darwin")
    assert handler is not None
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(other)))
        assert window.document is not None and window.document.path == other
    finally:
        app.removeEventFilter(handler)
        handler.deleteLater()
