"""A table of records with Add, Duplicate, Remove, Move up and Move down.

Used for participants, action items and the parking lot alike. Sorting by a
column is a view of the list; moving rows works on the list's own order, so
Move is offered only while no column sort is applied.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common import icons
from ui.common.delegates import RecordDelegate
from ui.common.record_table import SORT_ROLE, RecordTableModel
from ui.common.tool_buttons import add_tool_buttons
from workshop.model import Record


class RecordTableEditor(QWidget):
    """Edits one list of records through a :class:`RecordTableModel`."""

    def __init__(
        self,
        model: RecordTableModel,
        new_record: Callable[[], Record],
        proxy: QSortFilterProxyModel | None = None,
        completions: Callable[[str], list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.new_record = new_record
        self.proxy = proxy or QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(RecordDelegate(model, completions, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setSortingEnabled(True)
        if model.draggable:
            self.view.setDragEnabled(True)
            self.view.setAcceptDrops(True)
            self.view.setDropIndicatorShown(True)
            self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
            self.view.setDragDropOverwriteMode(False)
        header = self.view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(not any(c.stretch for c in model.columns))
        for number, column in enumerate(model.columns):
            if column.width:
                self.view.setColumnWidth(number, column.width)
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        header.sortIndicatorChanged.connect(lambda *_: self._update_buttons())
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.setAccessibleName(model.noun.capitalize() + "s")

        noun = model.noun
        self.add_action = self._action(f"Add {noun}", "add", "Ctrl+Shift+N", self.add)
        self.duplicate_action = self._action(f"Duplicate {noun}", "duplicate", "Ctrl+D", self.duplicate)
        self.remove_action = self._action(f"Remove {noun}", "remove", "Delete", self.remove)
        self.up_action = self._action("Move up", "up", "Alt+Up", lambda: self.move_selected(-1))
        self.down_action = self._action("Move down", "down", "Alt+Down", lambda: self.move_selected(1))

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        add_tool_buttons(
            buttons,
            self,
            (self.add_action, self.duplicate_action, self.remove_action, self.up_action, self.down_action),
        )
        buttons.addStretch(1)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view)

        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        model.rowsInserted.connect(lambda *_: self._update_buttons())
        model.rowsRemoved.connect(lambda *_: self._update_buttons())
        model.rowsMoved.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _action(self, text: str, icon: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setIcon(icons.icon(icon))
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- what the user does ----------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.record(r).id for r in rows]

    def current_id(self) -> int | None:
        ids = self.selected_ids()
        if ids:
            return ids[0]
        index = self.view.currentIndex()
        return self.model.record(self.proxy.mapToSource(index).row()).id if index.isValid() else None

    def select_id(self, record_id: int, edit_column: int | None = None) -> None:
        source = self.model.index(self.model.row_of(record_id), edit_column or 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        if edit_column is not None:
            self.view.edit(index)

    def add(self) -> None:
        current = self.current_id()
        row = self.model.row_of(current) + 1 if current is not None and self._manual_order() else -1
        new_row = self.model.insert_record(self.new_record(), row)
        self.view.setFocus()
        self.select_id(self.model.record(new_row).id, edit_column=0)

    def duplicate(self) -> None:
        current = self.current_id()
        if current is not None:
            row = self.model.duplicate_id(current)
            self.select_id(self.model.record(row).id)

    def remove(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        first_row = self.proxy.mapFromSource(self.model.index(self.model.row_of(ids[0]), 0)).row()
        self.model.remove_ids(ids)
        remaining = self.proxy.rowCount()
        if remaining:
            index = self.proxy.index(min(first_row, remaining - 1), 0)
            self.select_id(self.model.record(self.proxy.mapToSource(index).row()).id)

    def move_selected(self, step: int) -> None:
        current = self.current_id()
        if current is None or not self._manual_order():
            return
        row = self.model.row_of(current) + step
        if 0 <= row < self.model.rowCount():
            self.model.move_id(current, row)
            self.select_id(current)

    def _manual_order(self) -> bool:
        return self.view.horizontalHeader().sortIndicatorSection() < 0

    def _update_buttons(self) -> None:
        editable = not self.model.document.read_only
        has_selection = self.current_id() is not None and self.view.selectionModel().hasSelection()
        manual = self._manual_order()
        self.add_action.setEnabled(editable)
        self.duplicate_action.setEnabled(editable and has_selection)
        self.remove_action.setEnabled(editable and has_selection)
        self.up_action.setEnabled(editable and has_selection and manual)
        self.down_action.setEnabled(editable and has_selection and manual)
        tip = (
            ""
            if manual
            else " (clear the column sort to reorder: click the sorted header until the arrow goes)"
        )
        self.up_action.setStatusTip("Move the selected row up" + tip)

    def current_source_index(self) -> QModelIndex:
        return self.proxy.mapToSource(self.view.currentIndex())
