"""The Setup page: details, teams and participants, edited as a facilitator would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from workshop.document import WorkshopDocument
from workshop.model import Participant


def stored(path: Path) -> WorkshopDocument:
    return WorkshopDocument.open(path, read_only=True)


def test_participants_model_passes_qt_model_checks(window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.view is not None
    page = window.view.setup_page
    qtmodeltester.check(page.participants_model)
    qtmodeltester.check(page.participants.proxy)
    # and keeps passing while rows come and go
    page.participants.add()
    page.participants.select_id(page.participants_model.record(0).id)
    page.participants.move_selected(1)
    page.participants.remove()
    window.undo()
    window.redo()


def test_the_demo_shows_its_people_and_teams(window: MainWindow) -> None:
    assert window.view is not None
    model = window.view.setup_page.participants_model
    assert model.rowCount() == 8
    assert model.index(0, 0).data() == "Dana Whitfield"
    assert model.index(0, 2).data() == "Sales"
    assert model.index(0, 3).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "Q3 alignment offsite" in window.windowTitle() and "demo.smw" in window.windowTitle()
    assert window.view.setup_page.findings.item(0).text().startswith("Ready for sign-off")


def test_typing_a_title_saves_each_keystroke_and_undoes_as_one(window: MainWindow, qtbot: QtBot) -> None:
    assert window.view is not None and window.document is not None
    field = window.view.setup_page.fields["workshop.title"]
    assert isinstance(field, QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, "Q3 kick-off")
    assert stored(window.document.path).info.title == "Q3 kick-off"
    assert "Q3 kick-off" in window.windowTitle()
    field.editingFinished.emit()
    window.undo_action.trigger()
    assert field.text() == "Q3 alignment offsite"
    assert stored(window.document.path).info.title == "Q3 alignment offsite"
    window.redo_action.trigger()
    assert field.text() == "Q3 kick-off"


def test_editing_a_name_in_the_table(window: MainWindow, qtbot: QtBot) -> None:
    assert window.view is not None and window.document is not None
    editor = window.view.setup_page.participants
    index = editor.proxy.index(1, 0)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    line = editor.view.indexWidget(index) or editor.view.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "Marcus O.")
    # saved while the cell editor is still open
    assert stored(window.document.path).typed(Participant)[1].name == "Marcus O."
    qtbot.keyClick(line, Qt.Key.Key_Return)
    window.undo()
    assert editor.model.index(1, 0).data() == "Marcus Oyelaran"


def test_a_second_signatory_is_flagged_inline(window: MainWindow) -> None:
    assert window.view is not None
    page = window.view.setup_page
    model = page.participants_model
    model.setData(model.index(1, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    texts = [page.findings.item(i).text() for i in range(page.findings.count())]
    assert any("Sales has 2 signatories (Dana Whitfield, Marcus Oyelaran)" in t for t in texts)
    assert model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole).startswith("Sales has 2 signatories")
    assert model.index(1, 3).data(Qt.ItemDataRole.BackgroundRole) is not None
    window.undo()
    assert page.findings.item(0).text().startswith("Ready for sign-off")


def test_add_reorder_remove_and_undo(window: MainWindow) -> None:
    assert window.view is not None and window.document is not None
    editor = window.view.setup_page.participants
    editor.select_id(editor.model.record(2).id)
    editor.add()
    new = editor.model.record(3)
    assert isinstance(new, Participant)
    assert new.name == ""
    texts = [editor.model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)]
    assert texts[0] == "Row 4: a participant needs a name."
    editor.model.setData(editor.model.index(3, 0), "Lena Fischer")
    editor.select_id(new.id)
    editor.move_selected(-1)
    assert [p.name for p in stored(window.document.path).typed(Participant)][2] == "Lena Fischer"
    editor.select_id(new.id)
    editor.remove()
    assert "Lena Fischer" not in [p.name for p in stored(window.document.path).typed(Participant)]
    window.undo()
    assert editor.model.index(2, 0).data() == "Lena Fischer"


def test_renaming_a_team_shows_everywhere(window: MainWindow, qtbot: QtBot) -> None:
    assert window.view is not None
    page = window.view.setup_page
    field = page.fields["teams.name"]
    assert isinstance(field, QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, "Growth")
    assert page.participants_model.index(4, 2).data() == "Growth"
    assert window.view.actions_page.team_filter.count() == 4


def test_team_colour_is_undoable(window: MainWindow) -> None:
    assert window.view is not None and window.document is not None
    page = window.view.setup_page
    page.set_team_colour("sales", "#123456")
    assert window.document.team("sales").colour == "#123456"
    assert page.participants_model.index(0, 2).data(Qt.ItemDataRole.DecorationRole) is not None
    window.undo()
    assert window.document.team("sales").colour == "#1f6fb2"


def test_a_read_only_workshop_cannot_be_edited(
    window: MainWindow, make_window: object, demo_file: Path
) -> None:
    second = make_window(str(demo_file))  # type: ignore[operator]
    assert second.document.read_only
    assert second.view.banner.isVisibleTo(second)
    assert "open in another window" in second.view.banner.text.text()
    model = second.view.setup_page.participants_model
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not second.view.setup_page.participants.add_action.isEnabled()
    field = second.view.setup_page.fields["workshop.title"]
    assert field.isReadOnly()
