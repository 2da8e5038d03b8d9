"""The MQL rules table from the keyboard: Tab moves on after an edit; a rule missing its value says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from tests.ui.keys import put_cursor_in
from tests.ui.leads.test_leads_page import leads_page
from ui.leads.rules_model import VALUE_COLUMN
from ui.main_window import MainWindow


def test_tab_after_typing_in_a_rule_goes_to_the_next_cell_of_that_rule(
    window: MainWindow, qtbot: QtBot
) -> None:
    editor = leads_page(window).editor
    view = editor.view
    put_cursor_in(qtbot, view)
    row = next(i for i, rule in enumerate(editor.rules.rows) if i > 0 and rule.operator == "equals")
    view.setCurrentIndex(editor.rules.index(row, VALUE_COLUMN))
    QTest.keyClick(view, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, "Partner")
    QTest.keyClick(field, Qt.Key.Key_Tab)  # a Qt warning here fails the test
    QApplication.processEvents()
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row, VALUE_COLUMN + 1)
    assert editor.rules.rows[row].value == "Partner"


def test_a_rule_without_a_value_is_marked_and_explained(window: MainWindow) -> None:
    editor = leads_page(window).editor
    editor.add_rule("fit")
    model = editor.rules
    row = next(i for i, rule in enumerate(model.rows) if rule.value == "" and rule.operator == "equals")
    cell = model.index(row, VALUE_COLUMN)
    assert cell.data() == "⚠ type a value"
    assert "no value yet" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.EditRole) == ""  # typing starts from empty, not from the warning
    assert model.setData(cell, "Google")
    assert model.index(row, VALUE_COLUMN).data() == "Google"


def test_the_starting_template_says_it_is_one(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    assert not leads_page(window).editor.template_note.isVisibleTo(leads_page(window))  # the demo's own rules
    dialogs.paths.append(tmp_path / "new.smw")
    window.new_workshop()
    page = leads_page(window)
    assert page.editor.template_note.isVisibleTo(page)
    page.editor.rules.setData(page.editor.rules.index(0, VALUE_COLUMN), "Partner")
    assert not page.editor.template_note.isVisibleTo(page)
