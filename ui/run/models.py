"""Table models of the live run: the agenda with its minutes, and each person's airtime."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ui.common.palette import roles
from ui.common.record_table import colour_icon
from ui.run.session import RunSession
from workshop.agenda.plan import format_clock, schedule
from workshop.model import NEXT_DAY, AgendaItem, Participant, Team, team_name
from workshop.run.airtime import FACILITATOR, NOBODY, group_of, person_key

Index = QModelIndex | QPersistentModelIndex


def clock_text(ms: int) -> str:
    """'m:ss' (or 'h:mm:ss') for a duration."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class _RunTable(QAbstractTableModel):
    """A read-only table with fixed column headers; subclasses say how many rows."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, count: Callable[[], int]) -> None:
        super().__init__()
        self._count = count

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class RunAgendaModel(_RunTable):
    """One row per agenda item: start, planned, re-planned, allotted and actual minutes."""

    HEADERS = ("Item", "Start", "Plan", "Re-plan", "Allotted", "Actual")

    def __init__(self, session: RunSession) -> None:
        super().__init__(lambda: len(self._items))
        self.session = session
        self._items: list[AgendaItem] = []
        self._starts: dict[int, int] = {}
        self._current: int | None = None
        self.refresh(structure=True)

    def refresh(self, structure: bool = False) -> None:
        document = self.session.document
        everything = document.typed(AgendaItem)
        self._starts = {s.item.id: s.start for s in schedule(everything, document.info.day_start)}
        items = [i for i in everything if i.kind != NEXT_DAY]
        current = self.session.runner.item_id
        if structure or [i.id for i in items] != [i.id for i in self._items]:
            self.beginResetModel()
            self._items = items
            self.endResetModel()
        elif items != self._items or current != self._current:
            self._items = items
            self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, len(self.HEADERS) - 1))
        elif current is not None and self.session.runner.running:  # only the running item's time moves
            row = [i.id for i in items].index(current) if current in [i.id for i in items] else -1
            if row >= 0:
                self.dataChanged.emit(self.index(row, 5), self.index(row, 5))
        self._current = current

    def item_at(self, row: int) -> AgendaItem:
        return self._items[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        runner = self.session.runner
        current = item.id == runner.item_id
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return f"{index.row() + 1}  {item.title}"  # the number G takes
            if column == 1:
                return format_clock(self._starts.get(item.id, 0))
            if column == 2:
                return f"{item.minutes}"
            if column == 3:
                return f"{item.replanned_minutes}" if item.replanned_minutes else "–"
            if column == 4:
                return f"{runner.allotted_ms(item) // 60_000}"
            elapsed = runner.elapsed_ms(item.id)
            return clock_text(elapsed) if elapsed else ""
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return QColor(roles().info_tint)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            number = index.row() + 1
            return f"{number}. {item.title}\nG {number} or double-click: make this the current item"
        return None


class PeopleAirtimeModel(_RunTable):
    """Who spoke how long: each team as a whole, each person, the facilitator, silence."""

    HEADERS = ("Who", "Today", "This item")

    def __init__(self, session: RunSession) -> None:
        super().__init__(lambda: len(self._rows))
        self.session = session
        self._rows: list[tuple[str, str, str]] = []  # (label, speaker key or group, colour)
        self.refresh(structure=True)

    def _build_rows(self) -> list[tuple[str, str, str]]:
        document = self.session.document
        teams = document.typed(Team)
        rows = [(team_name(teams, t.key), f"group:{t.key}", t.colour) for t in teams]
        rows += [
            (p.name or "(no name)", person_key(p.id), document.team(p.team).colour)
            for p in document.typed(Participant)
        ]
        rows += [("Facilitator", FACILITATOR, roles().neutral), ("Silence", NOBODY, "")]
        return rows

    def refresh(self, structure: bool = False) -> None:
        rows = self._build_rows()
        if structure or rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(rows) - 1, 2))

    def _ms(self, key: str, item_id: int | None) -> int:
        runner = self.session.runner
        if key.startswith("group:"):
            return runner.group_totals(item_id)[key[6:]]
        totals = runner.speaker_totals(item_id)
        if key == NOBODY:
            people = self.session.team_of_person()
            return sum(ms for s, ms in totals.items() if group_of(s, people) == "silence")
        return totals.get(key, 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        label, key, colour = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return label
            item_id = None if index.column() == 1 else self.session.runner.item_id
            if index.column() == 2 and item_id is None:
                return ""
            return clock_text(self._ms(key, item_id))
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and colour:
            return colour_icon(colour)
        if role == Qt.ItemDataRole.FontRole and key.startswith("group:"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and key == self.session.runner.speaker and key:
            return QColor(roles().info_tint)
        return None
