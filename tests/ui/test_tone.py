"""Hints, warnings and errors take their colour from the widget's palette, not a style sheet each."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ui.common.palette import roles
from ui.common.tone import set_tone, tone_of
from ui.main_window import MainWindow


def text_colour(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.WindowText)


def test_a_tone_colours_the_text_and_none_gives_the_parents_colour_back(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    label = QLabel("Shorten items or end the day later", parent)
    plain = text_colour(label)
    set_tone(label, "warning", bold=True)
    assert text_colour(label) == QColor(roles().warning) and label.font().bold()
    assert tone_of(label) == "warning" and label.styleSheet() == ""
    set_tone(label, "error")
    assert text_colour(label) == QColor(roles().error) and label.font().bold()  # bold left as it was
    set_tone(label, None, bold=False)
    assert text_colour(label) == plain and not label.font().bold() and tone_of(label) == ""


def test_the_pages_hints_and_notes_carry_no_style_sheet_of_their_own(window: MainWindow) -> None:
    assert window.view is not None
    for stage in ("setup", "agenda", "goals", "funnel", "leads", "sla"):
        window.show_stage(stage)
        page = window.view.page(stage)
        styled = [label.text()[:40] for label in page.findChildren(QLabel) if label.styleSheet()]
        assert styled == [], stage
    hints = [label for label in window.view.page("setup").findChildren(QLabel) if tone_of(label) == "hint"]
    assert hints and all(text_colour(label) == QColor(roles().hint) for label in hints)
