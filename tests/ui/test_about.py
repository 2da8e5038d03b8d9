"""Help ▸ About: the build a facilitator runs, its licence, and everyone else's."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit
from pytestqt.qtbot import QtBot

from ui.about import AboutDialog
from ui.main_window import MainWindow
from workshop import __version__
from workshop.build import build_info


def _about_action(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == "Help":
            menu = action.menu()
            assert isinstance(menu, QMenu)
            return menu
    raise AssertionError("no Help menu")


def test_help_about_shows_version_build_and_commit_and_the_qt_source_offer(
    window: MainWindow, qtbot: QtBot
) -> None:
    help_menu = _about_action(window)
    about = next(a for a in help_menu.actions() if a.text().replace("&", "").startswith("About"))
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    summary = dialog.findChild(QLabel, "aboutSummary")
    assert summary is not None
    text = summary.text()
    assert f"Smarketing Workshop {__version__}" in text
    assert build_info().commit in text
    assert "MIT licence" in text
    assert "LGPL" in text and "download.qt.io" in text  # the Qt source offer

    notices = dialog.findChild(QPlainTextEdit, "thirdPartyNotices")
    assert notices is not None and notices.toPlainText() == ""  # read only when asked for
    dialog.tabs.setCurrentWidget(notices)
    shown = notices.toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown
    assert "Bitstream Vera" in shown
    assert "numpy" in shown and "reportlab" in shown
    dialog.close()
