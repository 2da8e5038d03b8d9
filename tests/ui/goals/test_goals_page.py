"""The Goals page: the board by team, the New goal wizard with live checks, agreeing a goal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.goals.page import GoalsPage
from ui.goals.wizard import GoalWizard
from ui.main_window import MainWindow
from workshop.document import WorkshopDocument
from workshop.model import Goal


def stored_goals(path: Path) -> list[Goal]:
    document = WorkshopDocument.open(path, read_only=True)
    try:
        return document.typed(Goal)
    finally:
        document.close()


def goals_page(window: MainWindow) -> GoalsPage:
    assert window.view is not None
    page = window.view.goals_page
    page.open_wizard = lambda wizard: wizard.show()  # not modal in tests
    page.ask_text = lambda _title, _label: None  # the facilitator cancels unless a test says otherwise
    return page


def statements(page: GoalsPage, team: str) -> list[str]:
    column = page.columns[team]
    return [str(column.index(row, 0).data()) for row in range(column.rowCount())]


def test_ctrl_4_shows_the_board_grouped_by_team(window: MainWindow, qtbot: QtBot) -> None:
    assert window.view is not None
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.view.current_stage() == "goals"
    page = goals_page(window)
    assert statements(page, "sales")[2] == "Improve pipeline quality"
    assert len(statements(page, "marketing")) == 3 and len(statements(page, "joint")) == 1
    assert page.boxes["marketing"].title() == "Marketing  ·  3 goals, 2 agreed"
    tip = page.columns["sales"].index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "S  fail: “improve” says which way" in tip
    assert page.summary.text() == "7 goals · 3 pass SMART"


def test_board_model_passes_qt_model_checks(window: MainWindow, qtmodeltester: ModelTester) -> None:
    page = goals_page(window)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.columns["sales"])
    page.select_goal(7)
    page.duplicate()
    page.move_goal(-1)
    page.remove()
    window.undo()


def type_into(qtbot: QtBot, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_the_wizard_creates_a_goal_end_to_end_with_live_checks(window: MainWindow, qtbot: QtBot) -> None:
    assert window.document is not None
    page = goals_page(window)
    wizard = page.new_goal("marketing")
    assert isinstance(wizard, GoalWizard)
    assert wizard.goal_id == 0  # nothing is created before the first keystroke
    aim = wizard.fields["accomplish"]
    assert isinstance(aim, QPlainTextEdit)
    type_into(qtbot, aim, "More demo requests from the webinar series")
    assert wizard.goal_id and stored_goals(window.document.path)[-1].accomplish.startswith("More demo")
    wizard.next()
    initiatives = wizard.fields["initiatives"]
    assert isinstance(initiatives, QPlainTextEdit)
    type_into(qtbot, initiatives, "Monthly webinar")
    wizard.next()
    wizard.blocker_boxes["budget"].setChecked(True)
    wizard.next()
    assert wizard.currentPage().title() == "4. How can Sales help?"
    wizard.next()
    statement = wizard.fields["statement"]
    assert isinstance(statement, QPlainTextEdit)
    type_into(qtbot, statement, "Grow demo requests from 80 to 120 soon")
    assert "“soon” is not a deadline" in wizard.panel.row_text("time_bound")
    assert "Say when, for example 'by 30 September 2027'" in wizard.panel.row_text("time_bound")
    deadline = wizard.fields["deadline"]
    assert isinstance(deadline, QLineEdit)
    type_into(qtbot, deadline, "within 90 days")
    assert (
        wizard.deadline_shown.text().startswith("→ ")
        and "(from “within 90 days”)" in wizard.deadline_shown.text()
    )
    assert wizard.panel.row_text("time_bound").startswith("Time-bound: pass.")
    wizard.fields["owner"].setCurrentText("Zoë Łukasik")  # type: ignore[attr-defined]
    assert wizard.panel.row_text("specific").startswith("Specific: pass.")
    wizard.share_boxes["sales"].setChecked(True)
    assert wizard.panel.row_text("transparent").startswith("Transparent: pass.")
    wizard.next()
    wizard.verdict_group.button(2).click()  # stretch
    wizard.accept()
    saved = stored_goals(window.document.path)[-1]
    assert saved.team == "marketing" and saved.status == "draft"
    assert saved.statement == "Grow demo requests from 80 to 120 soon"
    assert saved.blockers == "budget" and saved.owner == "Zoë Łukasik" and saved.verdict == "stretch"
    assert saved.deadline == "within 90 days" and saved.deadline_date
    assert page.current_goal() is not None and page.current_goal().id == saved.id  # type: ignore[union-attr]
    assert statements(page, "marketing")[-1] == saved.statement


def test_a_cancelled_wizard_keeps_the_draft_and_an_untouched_one_leaves_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.document is not None
    page = goals_page(window)
    before = len(stored_goals(window.document.path))
    untouched = page.new_goal("sales")
    assert untouched is not None
    untouched.reject()
    assert len(stored_goals(window.document.path)) == before
    wizard = page.new_goal("sales")
    assert wizard is not None
    aim = wizard.fields["accomplish"]
    assert isinstance(aim, QPlainTextEdit)
    type_into(qtbot, aim, "Shorter sales cycle")
    wizard.reject()
    goals = stored_goals(window.document.path)
    assert len(goals) == before + 1 and goals[-1].accomplish == "Shorter sales cycle"
    assert goals[-1].status == "draft" and goals[-1].team == "sales"


def test_edit_opens_on_the_goal_and_typing_is_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    assert window.document is not None
    page = goals_page(window)
    page.select_goal(7)
    wizard = page.edit()
    assert wizard is not None and wizard.currentPage() is wizard.page_for("goal")
    statement = wizard.fields["statement"]
    assert isinstance(statement, QPlainTextEdit)
    statement.selectAll()
    type_into(qtbot, statement, "Raise pipeline by 20% by end of Q1")
    wizard.accept()
    assert stored_goals(window.document.path)[-1].statement == "Raise pipeline by 20% by end of Q1"
    window.undo()
    assert stored_goals(window.document.path)[-1].statement == "Improve pipeline quality"


def test_duplicate_reorder_remove_and_undo(window: MainWindow) -> None:
    assert window.document is not None
    page = goals_page(window)
    page.select_goal(6)
    page.duplicate()
    assert statements(page, "sales")[2] == statements(page, "sales")[1]
    copy = page.current_goal()
    assert copy is not None and copy.id == 8 and copy.status == "draft" and copy.verdict == ""
    page.move_goal(-1)
    page.move_goal(-1)
    sales = [g for g in stored_goals(window.document.path) if g.team == "sales"]
    assert sales[0].id == 8 and page.current_goal() == sales[0]  # the copy is now the first sales goal
    page.remove()
    assert len(statements(page, "sales")) == 3
    window.undo()
    assert len(statements(page, "sales")) == 4


def test_removing_a_joint_goal_unlinks_the_goals_that_served_it(window: MainWindow) -> None:
    assert window.document is not None
    page = goals_page(window)
    page.select_goal(1)
    page.remove()
    assert all(g.serves_goal == 0 for g in stored_goals(window.document.path))
    window.undo()
    assert stored_goals(window.document.path)[1].serves_goal == 1


def test_agreeing_needs_passing_smart_letters_or_a_reason(window: MainWindow) -> None:
    assert window.document is not None
    page = goals_page(window)
    page.select_goal(7)  # "Improve pipeline quality": S, M and T fail
    assert not page.mark_agreed()
    assert stored_goals(window.document.path)[-1].status == "draft"
    page.ask_text = lambda _title, _label: "The CRO wants it on the list; numbers follow next week."
    assert page.mark_agreed()
    agreed = stored_goals(window.document.path)[-1]
    assert agreed.status == "agreed" and agreed.override_reason.startswith("The CRO")
    page.back_to_draft()
    page.select_goal(5)  # the win-rate goal passes SMART: no reason asked
    page.ask_text = lambda _title, _label: (_ for _ in ()).throw(AssertionError("asked"))
    assert page.mark_agreed()
    assert next(g for g in stored_goals(window.document.path) if g.id == 5).override_reason == ""


def test_a_read_only_workshop_shows_goals_but_does_not_edit(
    window: MainWindow, make_window: object, demo_file: Path
) -> None:
    second = make_window(str(demo_file))  # type: ignore[operator]
    page = goals_page(second)
    assert second.document.read_only
    assert not page.new_action.isEnabled()
    assert page.new_goal() is None
    page.select_goal(2)
    assert not page.duplicate_action.isEnabled() and page.edit() is None
