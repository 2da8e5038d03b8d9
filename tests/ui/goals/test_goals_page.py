"""The Goals page: the board by team, the New goal wizard with live checks, agreeing a goal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.keys import CTRL, SHIFT, put_cursor_in
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
    assert page.summary.text() == "7 goals · 4 pass SMART"  # "250 MQLs a month" is bounded by its month


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


def stored_goal(window: MainWindow, goal_id: int) -> Goal:
    assert window.document is not None
    return next(g for g in stored_goals(window.document.path) if g.id == goal_id)


def test_the_wizard_shows_what_undo_and_redo_bring_back(window: MainWindow, qtbot: QtBot) -> None:
    page = goals_page(window)
    page.select_goal(7)
    wizard = page.edit()
    assert wizard is not None
    statement, metric = wizard.fields["statement"], wizard.fields["metric"]
    assert isinstance(statement, QPlainTextEdit) and isinstance(metric, QLineEdit)
    statement.selectAll()
    type_into(qtbot, statement, "Raise pipeline by 20% by end of Q1")
    type_into(qtbot, metric, "pipeline value")
    wizard.share_boxes["marketing"].setChecked(True)
    window.undo_action.trigger()
    assert not wizard.share_boxes["marketing"].isChecked()
    window.undo_action.trigger()
    assert metric.text() == "" and stored_goal(window, 7).metric == ""
    window.undo_action.trigger()
    assert statement.toPlainText() == "Improve pipeline quality"
    assert wizard.panel.row_text("measurable").startswith("Measurable: fail.")
    window.redo_action.trigger()
    assert statement.toPlainText() == "Raise pipeline by 20% by end of Q1"
    assert wizard.panel.row_text("measurable").startswith("Measurable: pass.")
    wizard.accept()


def test_ctrl_z_in_a_wizard_field_undoes_the_document(window: MainWindow, qtbot: QtBot) -> None:
    page = goals_page(window)
    page.select_goal(7)
    wizard = page.edit()
    assert wizard is not None
    statement, metric = wizard.fields["statement"], wizard.fields["metric"]
    assert isinstance(statement, QPlainTextEdit) and isinstance(metric, QLineEdit)
    put_cursor_in(qtbot, statement)
    statement.selectAll()
    qtbot.keyClicks(statement, "Raise pipeline by 20% by end of Q1")
    qtbot.keyClick(statement, Qt.Key.Key_Z, CTRL)
    assert statement.toPlainText() == "Improve pipeline quality" == stored_goal(window, 7).statement
    qtbot.keyClick(statement, Qt.Key.Key_Z, CTRL | SHIFT)
    assert statement.toPlainText() == "Raise pipeline by 20% by end of Q1" == stored_goal(window, 7).statement
    metric.setFocus()
    qtbot.waitUntil(metric.hasFocus)
    qtbot.keyClicks(metric, "pipeline value")
    qtbot.keyClick(metric, Qt.Key.Key_Z, CTRL)
    assert metric.text() == "" == stored_goal(window, 7).metric
    assert window.redo_action.text() == "&Redo Change goal metric"  # undone, not typed back as a new edit
    qtbot.keyClick(metric, Qt.Key.Key_Y, CTRL)
    assert metric.text() == "pipeline value" == stored_goal(window, 7).metric
    wizard.accept()


def test_ctrl_z_works_anywhere_in_the_wizard(window: MainWindow, qtbot: QtBot) -> None:
    page = goals_page(window)
    page.select_goal(7)
    wizard = page.edit()
    assert wizard is not None
    box = wizard.share_boxes["sales"]
    put_cursor_in(qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and stored_goal(window, 7).shared_with == "sales"
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)  # Edit > Undo is out of reach: the wizard is modal
    assert not box.isChecked() and stored_goal(window, 7).shared_with == ""
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL | SHIFT)
    assert box.isChecked() and stored_goal(window, 7).shared_with == "sales"
    wizard.accept()


def test_undoing_a_new_draft_empties_the_wizard_and_typing_starts_another(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.document is not None
    page = goals_page(window)
    before = len(stored_goals(window.document.path))
    wizard = page.new_goal("sales")
    assert wizard is not None
    aim = wizard.fields["accomplish"]
    assert isinstance(aim, QPlainTextEdit)
    type_into(qtbot, aim, "Shorter cycle")
    window.undo_action.trigger()  # the typing after the first keystroke
    assert aim.toPlainText() == "S"
    window.undo_action.trigger()  # the draft itself
    assert aim.toPlainText() == "" and wizard.goal_id == 0
    assert len(stored_goals(window.document.path)) == before
    window.redo_action.trigger()
    assert wizard.goal_id and aim.toPlainText() == "S"
    window.undo_action.trigger()
    type_into(qtbot, aim, "Faster hand-offs")
    wizard.reject()
    goals = stored_goals(window.document.path)
    assert len(goals) == before + 1 and goals[-1].accomplish == "Faster hand-offs"


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


def test_the_wizard_opens_with_the_cursor_where_typing_makes_sense(window: MainWindow, qtbot: QtBot) -> None:
    page = goals_page(window)
    window.show()
    window.activateWindow()
    wizard = page.new_goal("marketing")
    assert isinstance(wizard, GoalWizard)
    qtbot.waitUntil(wizard.fields["accomplish"].hasFocus)  # not the "Whose goal" combo box


def test_the_verdict_with_the_keyboard_on_it_shows_a_ring_in_the_accent_colour(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QRadioButton, QWidget

    from ui.common.palette import roles

    page = goals_page(window)
    page.select_goal(7)
    wizard = page.edit()
    assert wizard is not None
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    wizard.setCurrentId(wizard.pageIds()[-1])  # the verdict page
    buttons = wizard.verdict_group.buttons()
    assert all(isinstance(b, QRadioButton) for b in buttons)
    accent = QColor(roles().accent)

    def accent_pixels(button: QWidget) -> int:
        image = button.grab().toImage()
        return sum(
            1
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).rgb() == accent.rgb()
        )

    unfocused = accent_pixels(buttons[1])
    buttons[1].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(buttons[1].hasFocus)
    assert accent_pixels(buttons[1]) > unfocused + 20  # a ring, not the style's faint dotted line
    wizard.reject()


def test_the_verdict_page_shows_the_rooms_check_beside_the_verdict(window: MainWindow, qtbot: QtBot) -> None:
    page = goals_page(window)  # the demo: sales checked goal 2 from their phones
    page.select_goal(2)
    wizard = page.edit()
    assert wizard is not None
    wizard.setCurrentId(wizard.pageIds()[-1])  # the verdict page
    text = wizard.room_evidence.text()
    assert text.startswith("The room's check from their phones (")
    assert "Sales (4 answered): 3 attainable, 1 stretch, 0 not attainable" in text
    assert "Marcus Oyelaran — stretch: 17% needs the paid search plan live by week 3." in text
    wizard.close()
    page.select_goal(7)  # never checked from the phones: nothing shown
    other = page.edit()
    assert other is not None and other.room_evidence.text() == ""
    other.close()
