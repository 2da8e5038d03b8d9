"""Pick lists for a rule's kind and test; plain text for the rest."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.leads.rules_model import FIELD_COLUMN, KIND_COLUMN, KINDS, TEST_COLUMN
from workshop.leads.definition import OPERATOR_TITLES

Index = QModelIndex | QPersistentModelIndex


class RuleDelegate(QStyledItemDelegate):
    """Combo boxes for the Kind and Test columns, line edits elsewhere.

    The Field editor completes from ``field_names()``: the definition's fields and the
    columns of the lead history on the test bench.
    """

    def __init__(self, field_names: Callable[[], list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.field_names = field_names

    def _choices(self, column: int) -> dict[str, str] | None:
        if column == KIND_COLUMN:
            return KINDS
        if column == TEST_COLUMN:
            return OPERATOR_TITLES
        return None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = self._choices(index.column())
        if choices is None:
            editor = QLineEdit(parent)
            editor.setMaxLength(2000)
            if index.column() == FIELD_COLUMN:
                completer = QCompleter(self.field_names(), editor)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                editor.setCompleter(completer)
            return editor
        combo = QComboBox(parent)
        for key, title in choices.items():
            combo.addItem(title, key)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
