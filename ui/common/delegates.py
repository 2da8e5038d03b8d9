"""Cell editors that save as the user types and offer the right control per column."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.common.record_table import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
NO_DATE = QDate(2000, 1, 1)


class RecordDelegate(QStyledItemDelegate):
    """Line edits that commit each keystroke, combo boxes for choices, date pickers for dates.

    Committing while typing means a word on screen is a word in the file, even if
    the app is killed before the user leaves the cell.
    """

    def __init__(
        self,
        model: RecordTableModel,
        completions: Callable[[str], list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.completions = completions

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.model.columns[index.column()]
        if column.kind in ("choice", "team"):
            combo = QComboBox(parent)
            combo.setAccessibleName(column.header)
            for key, label in self.model.choices(column):
                combo.addItem(label, key)
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            return combo
        if column.kind == "number":
            spin = QSpinBox(parent)
            spin.setRange(0, column.maximum)
            spin.setSuffix(column.unit)
            spin.setAccessibleName(column.header)
            return spin
        if column.kind == "date":
            date_edit = QDateEdit(parent)
            date_edit.setCalendarPopup(True)
            date_edit.setDisplayFormat("yyyy-MM-dd")
            date_edit.setMinimumDate(NO_DATE)
            date_edit.setSpecialValueText("No date")
            date_edit.setAccessibleName(column.header)
            return date_edit
        line = QLineEdit(parent)
        line.setAccessibleName(column.header)
        line.setFrame(False)
        line.textEdited.connect(lambda _t, e=line: self.commitData.emit(e))
        if self.completions is not None:
            words = self.completions(column.field)
            if words:
                completer = QCompleter(words, line)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                line.setCompleter(completer)
        return line

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            date = QDate.fromString(str(value or ""), Qt.DateFormat.ISODate)
            editor.setDate(date if date.isValid() else NO_DATE)
        elif isinstance(editor, QLineEdit):
            text = "" if value is None else str(value)
            if editor.text() != text:  # keep the cursor and the field's own undo while typing
                editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            date = editor.date()
            text = "" if date == NO_DATE else date.toString(Qt.DateFormat.ISODate)
            model.setData(index, text, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        self.model.document.seal_undo()  # the typing run in this cell is one undo step
        super().destroyEditor(editor, index)
