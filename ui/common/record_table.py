"""A table model over one list of the workshop's records (participants, actions, ...).

The model holds no data of its own: it reads the document's records and turns
each edit into a document operation, so every change is saved and undoable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from ui.common.document_signals import DocumentSignals
from ui.common.palette import roles
from ui.common.row_signals import RowSignals
from workshop.document import WorkshopDocument
from workshop.edits import Change, Delete, Insert, Move, Operation, Update
from workshop.model import Record, Team, column_types, team_name

Index = QModelIndex | QPersistentModelIndex


def tone_colour(tone: str) -> QColor | None:
    """A cell's text in a tone: 'muted' secondary text, 'overdue' the error colour (both 4.5:1 or more)."""
    theme = roles()
    colour = {"muted": theme.secondary, "overdue": theme.error}.get(tone)
    return QColor(colour) if colour else None


def problem_tint(severity: str) -> QColor:
    """The background of a cell with a problem (text on it stays the theme's text colour)."""
    return QColor(roles().error_tint if severity == "error" else roles().warning_tint)


SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
LONG_TEXT = 40  # a cell's text longer than this also shows as its tooltip

Kind = Literal["auto", "text", "date", "choice", "team", "number", "check"]
# A field's type -> the kinds of column that can show and edit it, the one "auto" picks first.
KINDS_OF_TYPE: dict[type, tuple[Kind, ...]] = {
    str: ("text", "date", "choice", "team"),
    int: ("number",),
    bool: ("check",),
}


@dataclass(frozen=True)
class Column:
    """One column of a record table: the field it shows, its header, and how it is edited and aligned.

    ``kind`` says how a value shows and is edited: "text" (a line edit), "date" (an ISO
    date picker), "choice" (one of ``options``, shown through ``label``), "team" (one of
    ``options``, team keys, shown by their team names with the team's colour), "number"
    (a spin box up to ``maximum``, ``unit`` after the value, right-aligned) or "check"
    (a check box). Left "auto", it follows the field's type: str is text, int a number,
    bool a check box. A column with ``compute`` shows a read-only value worked out from
    the record; its ``field`` only names it. ``width`` is the starting width in pixels
    (0: the view's default); ``stretch`` columns share the room left.
    """

    field: str
    header: str
    kind: Kind = "auto"
    options: tuple[str, ...] = ()  # the stored values a choice or team column offers, in order
    label: Callable[[str], str] = str  # how a choice column shows a stored value
    tip: str = ""
    width: int = 0
    stretch: bool = False
    unit: str = ""
    maximum: int = 1_000_000
    compute: Callable[[WorkshopDocument, Record], str] | None = None

    @property
    def alignment(self) -> Qt.AlignmentFlag | None:
        if self.kind == "number":
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


def resolve_columns(record_type: type[Record], columns: Sequence[Column]) -> tuple[Column, ...]:
    """The columns with their kinds worked out from ``record_type``'s fields and types.

    Raises ValueError for a field the record type does not have, a kind that cannot
    edit the field's type, a choice or team column without options, or a computed
    column named like a field.
    """
    types = column_types(record_type)
    name = record_type.__name__
    resolved = []
    for column in columns:
        if column.compute is not None:
            if column.field in types or column.kind not in ("auto", "text"):
                raise ValueError(f"{name}: the computed column {column.field!r} must be text named apart")
            resolved.append(replace(column, kind="text"))
            continue
        if column.field not in types:
            raise ValueError(f"{name} has no field {column.field!r}")
        allowed = KINDS_OF_TYPE[types[column.field]]
        kind = allowed[0] if column.kind == "auto" else column.kind
        if kind not in allowed:
            raise ValueError(f"{name}.{column.field} is {types[column.field].__name__}: not a {kind} column")
        if (kind in ("choice", "team")) != bool(column.options):
            raise ValueError(
                f"{name}.{column.field}: only a choice or team column has options, and needs them"
            )
        resolved.append(replace(column, kind=kind))
    return tuple(resolved)


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
        self.columns = resolve_columns(record_type, columns)
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
                return column.header
            if role == Qt.ItemDataRole.ToolTipRole and column.tip:
                return column.tip
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def choices(self, column: Column) -> list[tuple[str, str]]:
        """(stored value, what it shows as) for each option of a choice or team column."""
        return [(value, self.label(column, value)) for value in column.options]

    def label(self, column: Column, value: Any) -> str:
        """A stored value as the column shows it."""
        if column.kind == "team":
            return team_name(self.document.typed(Team), str(value))
        if column.kind == "choice":
            return column.label(str(value))
        return str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        record = self.record(index.row())
        if role == RECORD_ID_ROLE:
            return record.id
        column = self.columns[index.column()]
        if column.compute is not None:
            return self._computed(column, record, role)
        read = _READERS.get(role)
        return None if read is None else read(self, column, record)

    def _computed(self, column: Column, record: Record, role: int) -> Any:
        assert column.compute is not None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return column.compute(self.document, record)
        return QColor(roles().secondary) if role == Qt.ItemDataRole.ForegroundRole else None

    def _display(self, column: Column, record: Record) -> Any:
        return None if column.kind == "check" else self.label(column, getattr(record, column.field))

    def _edit(self, column: Column, record: Record) -> Any:
        return None if column.kind == "check" else getattr(record, column.field)

    def _check_state(self, column: Column, record: Record) -> Any:
        if column.kind != "check":
            return None
        return Qt.CheckState.Checked if getattr(record, column.field) else Qt.CheckState.Unchecked

    def _sort_key(self, column: Column, record: Record) -> Any:
        value = getattr(record, column.field)
        if column.kind in ("check", "number"):
            return int(value)
        if column.kind == "choice":
            return column.options.index(value) if value in column.options else len(column.options)
        return self.label(column, value).casefold()

    def _decoration(self, column: Column, record: Record) -> Any:
        if column.kind != "team":
            return None
        try:
            return colour_icon(self.document.team(str(getattr(record, column.field))).colour)
        except KeyError:
            return colour_icon(roles().neutral)

    def _tooltip(self, column: Column, record: Record) -> Any:
        problem = self.problems.get((record.id, column.field), ("", ""))[1]
        if problem:
            return problem
        text = self._display(column, record) or ""
        return text if len(text) > LONG_TEXT else None

    def _background(self, column: Column, record: Record) -> Any:
        severity, problem = self.problems.get((record.id, column.field), ("", ""))
        return problem_tint(severity) if problem else None

    def _foreground(self, column: Column, record: Record) -> Any:
        tone = self.tone(record, column.field) if self.tone is not None else None
        return tone_colour(tone) if tone else None

    def _alignment(self, column: Column, record: Record) -> Any:
        return column.alignment

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
        editing = Qt.ItemDataRole.CheckStateRole if column.kind == "check" else Qt.ItemDataRole.EditRole
        if column.compute is not None or role != editing:
            return False
        new = self._parse(column, value)
        if new is None:
            return False
        record = self.record(index.row())
        text = f"Change {self.noun} {column.header.lower()}"
        merge = (self.table, record.id, column.field) if column.kind == "text" else None
        self.document.apply(text, [Update.of(record, **{column.field: new})], merge_key=merge)
        return True

    @staticmethod
    def _parse(column: Column, value: Any) -> str | int | bool | None:
        """What to store for a value the user gave, or None when the column cannot take it."""
        if column.kind == "check":
            return Qt.CheckState(value) == Qt.CheckState.Checked
        if column.kind == "number":
            try:
                number = int(str(value).strip() or "0")
            except ValueError:
                return None
            return number if 0 <= number <= column.maximum else None
        text = "" if value is None else str(value)
        if column.kind in ("choice", "team") and text not in column.options:
            return None
        return text

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

    def refresh_computed(self) -> None:
        """Show the computed columns again, after a change they depend on."""
        computed = [i for i, c in enumerate(self.columns) if c.compute is not None]
        if computed and self.rowCount():
            self.dataChanged.emit(
                self.index(0, min(computed)), self.index(self.rowCount() - 1, max(computed))
            )

    def _about_to_change(self, change: Change) -> None:
        self.rows.before(change)

    def _changed(self, change: Change) -> None:
        if change.table == Team.TABLE and any(c.kind == "team" for c in self.columns) and self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        if change.table != self.table or self.rows.after(change):
            return
        if change.kind == "update":
            columns = [i for i, c in enumerate(self.columns) if c.field in change.fields]
            if columns:
                self.dataChanged.emit(
                    self.index(change.index, min(columns)), self.index(change.index, max(columns))
                )


_Reader = Callable[[RecordTableModel, Column, Record], Any]
_READERS: dict[int, _Reader] = {  # what RecordTableModel.data answers for each role of a field's cell
    Qt.ItemDataRole.DisplayRole: RecordTableModel._display,
    Qt.ItemDataRole.EditRole: RecordTableModel._edit,
    Qt.ItemDataRole.CheckStateRole: RecordTableModel._check_state,
    SORT_ROLE: RecordTableModel._sort_key,
    Qt.ItemDataRole.DecorationRole: RecordTableModel._decoration,
    Qt.ItemDataRole.ToolTipRole: RecordTableModel._tooltip,
    Qt.ItemDataRole.BackgroundRole: RecordTableModel._background,
    Qt.ItemDataRole.ForegroundRole: RecordTableModel._foreground,
    Qt.ItemDataRole.TextAlignmentRole: RecordTableModel._alignment,
}
