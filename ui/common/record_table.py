"""A table model over one list of the workshop's records (participants, actions, ...).

The model holds no data of its own: it reads the document's records and turns
each edit into a document operation, so every change is saved and undoable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from ui.common.document_signals import DocumentSignals
from ui.common.row_signals import RowSignals
from workshop.edits import Change, Delete, Insert, Move, Operation, Update
from workshop.model import Record, Team, team_name

Index = QModelIndex | QPersistentModelIndex
JOINT_COLOUR = "#8a8f98"
TONES = {"muted": QColor(128, 128, 128), "overdue": QColor(200, 40, 40)}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    """How one field of the records shows as a column."""

    field: str
    title: str
    kind: Literal["text", "check", "choice", "date", "number"] = "text"
    choices: Callable[[], Sequence[tuple[str, str]]] | None = None  # (stored value, label)
    is_team: bool = False
    tip: str = ""
    compute: Callable[[Record], str] | None = None  # a read-only column worked out from the record
    maximum: int = 24 * 60  # for numbers


def colour_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class RecordTableModel(QAbstractTableModel):
    """Rows are the records of one table, in list order; columns are :class:`Column` s."""

    def __init__(
        self,
        signals: DocumentSignals,
        record_type: type[Record],
        columns: Sequence[Column],
        noun: str,
    ) -> None:
        super().__init__()
        self.signals = signals
        self.document = signals.document
        self.record_type = record_type
        self.table = record_type.TABLE
        self.columns = list(columns)
        self.noun = noun
        self.problems: dict[tuple[int, str], tuple[str, str]] = {}  # (id, field) -> (severity, text)
        self.tone: Callable[[Record, str], str | None] | None = None
        self.rows = RowSignals(self, self.table)
        signals.aboutToChange.connect(self._about_to_change)
        signals.changed.connect(self._changed)

    # -- reading ---------------------------------------------------------------------------

    def records(self) -> Sequence[Record]:
        return self.document.records(self.table)

    def record(self, row: int) -> Record:
        return self.records()[row]

    def row_of(self, record_id: int) -> int:
        return self.document.find(self.table, record_id)[0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.ToolTipRole and column.tip:
                return column.tip
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def _label(self, column: Column, value: Any) -> str:
        if column.is_team:
            return team_name(self.document.typed(Team), str(value))
        if column.choices is not None:
            return dict(column.choices()).get(str(value), str(value))
        return str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        column = self.columns[index.column()]
        record = self.record(index.row())
        if column.compute is not None:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return column.compute(record)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(128, 128, 128)
            return record.id if role == RECORD_ID_ROLE else None
        value = getattr(record, column.field)
        severity, problem = self.problems.get((record.id, column.field), ("", ""))
        if role == RECORD_ID_ROLE:
            return record.id
        if column.kind == "check":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == SORT_ROLE:
                return int(bool(value))
        elif role == Qt.ItemDataRole.DisplayRole:
            return self._label(column, value)
        elif role == Qt.ItemDataRole.EditRole:
            return value
        elif role == SORT_ROLE:
            if column.choices is not None and not column.is_team:
                keys = [key for key, _ in column.choices()]
                return keys.index(value) if value in keys else len(keys)
            return self._label(column, value).casefold()
        if role == Qt.ItemDataRole.DecorationRole and column.is_team:
            try:
                return colour_icon(self.document.team(str(value)).colour)
            except KeyError:
                return colour_icon(JOINT_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem:
                return problem
            text = self._label(column, value) if column.kind != "check" else ""
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QColor(220, 60, 60, 70) if severity == "error" else QColor(230, 160, 20, 60)
        if role == Qt.ItemDataRole.ForegroundRole and self.tone is not None:
            tone = self.tone(record, column.field)
            return TONES.get(tone) if tone else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.document.read_only:
            return flags
        if self.draggable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if self.columns[index.column()].compute is not None:
            return flags
        if self.columns[index.column()].kind == "check":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    # -- editing ---------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.document.read_only:
            return False
        column = self.columns[index.column()]
        record = self.record(index.row())
        if column.kind == "check":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and column.kind == "number":
            try:
                new = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= new <= column.maximum:
                return False
        elif role == Qt.ItemDataRole.EditRole and type(getattr(record, column.field)) is int:
            try:
                new = int(str(value).strip() or "0")
            except ValueError:
                return False
            if not 0 <= new <= 1_000_000:
                return False
        elif role == Qt.ItemDataRole.EditRole:
            new = "" if value is None else str(value)
            if column.choices is not None and new not in {key for key, _ in column.choices()}:
                return False
        else:
            return False
        text = f"Change {self.noun} {column.title.lower()}"
        merge = (self.table, record.id, column.field) if column.kind == "text" else None
        self.document.apply(text, [Update.of(record, **{column.field: new})], merge_key=merge)
        return True

    def insert_record(self, record: Record, row: int = -1) -> int:
        """Add a record at ``row`` (at the end when -1); return its row."""
        done = self.document.apply(f"Add {self.noun}", [Insert(record, row)])
        inserted = done[0]
        assert isinstance(inserted, Insert)
        return self.row_of(inserted.record.id)

    def remove_ids(self, record_ids: Sequence[int]) -> None:
        if not record_ids:
            return
        noun = self.noun if len(record_ids) == 1 else f"{len(record_ids)} {self.noun}s"
        self.document.apply(f"Remove {noun}", [Delete(self.table, i) for i in record_ids])

    def move_id(self, record_id: int, row: int) -> None:
        self.document.apply(f"Move {self.noun}", [Move(self.table, record_id, row)])

    def duplicate_id(self, record_id: int) -> int:
        row, record = self.document.find(self.table, record_id)
        from dataclasses import replace  # noqa: PLC0415

        return self.insert_record(replace(record, id=0), row + 1)

    # -- drag and drop to reorder ----------------------------------------------------------

    draggable = False
    MIME = "application/x-smarketing-workshop-record-ids"

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted({self.record(i.row()).id for i in indexes if i.isValid()}, key=self.row_of)
        data = QMimeData()
        data.setData(self.MIME, QByteArray(" ".join(str(i) for i in ids).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.draggable and not self.document.read_only and data.hasFormat(self.MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = row if row >= 0 else parent.row() if parent.isValid() else self.rowCount()
        ids = [int(part) for part in bytes(data.data(self.MIME).data()).decode().split() if part.isdigit()]
        moves: list[Operation] = []
        order = [r.id for r in self.records()]
        for record_id in ids:
            if record_id not in order:
                continue
            current = order.index(record_id)
            order.pop(current)
            if current < target:
                target -= 1
            order.insert(target, record_id)
            moves.append(Move(self.table, record_id, target))
            target += 1
        if moves:
            self.document.apply(f"Move {self.noun}", moves)
        return False  # the move is done; the view must not also remove the dragged rows

    # -- following the document ------------------------------------------------------------

    def set_problems(self, problems: Mapping[tuple[int, str], tuple[str, str]]) -> None:
        """Mark cells (record id, field) that have a problem; shown as tint and tooltip."""
        if problems != self.problems:
            self.problems = dict(problems)
            if self.rowCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
                )

    def _about_to_change(self, change: Change) -> None:
        self.rows.before(change)

    def _changed(self, change: Change) -> None:
        if change.table == Team.TABLE and any(c.is_team for c in self.columns) and self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        if change.table != self.table or self.rows.after(change):
            return
        if change.kind == "update":
            columns = [i for i, c in enumerate(self.columns) if c.field in change.fields]
            if columns:
                self.dataChanged.emit(
                    self.index(change.index, min(columns)), self.index(change.index, max(columns))
                )
