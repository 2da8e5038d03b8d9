"""A goal agreed over the checker shows its reason only while the checker still fails a letter."""

from __future__ import annotations

import dataclasses
from datetime import date

from ui.goals.card import due_text, override_note
from workshop.goals.checker import check_statement
from workshop.model import Goal

TODAY = date(2027, 6, 1)


def agreed(statement: str) -> Goal:
    return dataclasses.replace(
        Goal(), statement=statement, status="agreed", override_reason="The SLA sets the dates."
    )


def test_the_note_shows_while_a_letter_fails() -> None:
    goal = agreed("Grow MQLs by 250 a month")  # a growth rate with no end fails time-bound
    note = override_note(goal, check_statement(goal.statement, TODAY))
    assert note == "* agreed over the checker: The SLA sets the dates."


def test_no_note_once_the_checker_passes_the_goal() -> None:
    goal = agreed("Deliver 250 MQLs a month")  # a quota bounded by its month: nothing to excuse
    assert override_note(goal, check_statement(goal.statement, TODAY)) == ""


def test_no_note_on_a_draft() -> None:
    goal = dataclasses.replace(agreed("Grow MQLs by 250 a month"), status="draft")
    assert override_note(goal, check_statement(goal.statement, TODAY)) == ""


def test_a_goal_bounded_by_its_period_does_not_read_as_having_no_deadline() -> None:
    quota = check_statement("Deliver 250 MQLs a month", TODAY)
    assert quota.smart["time_bound"].status == "pass"
    assert due_text(Goal(), quota) == "when: “a month”"
    vague = check_statement("Improve pipeline quality", TODAY)
    assert due_text(Goal(), vague) == "no deadline"
