"""A deadline already before the workshop: the goal is time-bound, and the card and the check panel warn."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pytestqt.qtbot import QtBot

from ui.goals.board import check_tooltip
from ui.goals.card import due_text
from ui.goals.check_panel import CheckPanel
from workshop.goals.checker import check_statement
from workshop.model import Goal

TODAY = date(2027, 6, 1)
PAST = "Raise the win rate from 20% to 24% by 30 June 2017"


def test_the_check_panel_shows_the_warning_beside_a_passing_time_bound(qtbot: QtBot) -> None:
    panel = CheckPanel()
    qtbot.addWidget(panel)
    panel.show_check(check_statement(PAST, TODAY))
    row = panel.row_text("time_bound")
    assert row.startswith("Time-bound: pass.")
    assert "Warning: The deadline 30 June 2017 is before the workshop (1 June 2027)." in row
    assert "⚠ The deadline 30 June 2017" in panel.rows["time_bound"].text()


def test_the_card_says_the_deadline_is_before_the_workshop() -> None:
    check = check_statement(PAST, TODAY)
    goal = replace(Goal(), statement=PAST)
    assert due_text(goal, check) == "due 30 Jun 2017 ⚠ before the workshop"
    assert "⚠ The deadline 30 June 2017 is before the workshop" in check_tooltip(check)
    assert (
        due_text(goal, check_statement("Raise the win rate from 20% to 24% by Q3", TODAY))
        == "due 30 Sep 2027"
    )
