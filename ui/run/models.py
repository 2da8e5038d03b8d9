"""Table models of the live run: the agenda with its minutes, and each person's airtime."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon
from PySide6.QtWidgets import QHeaderView, QTableView

from ui.common.palette import roles
from ui.common.record_table import colour_icon
from ui.run.session import RunSession
from workshop.agenda.plan import format_clock, schedule
from workshop.model import NEXT_DAY, AgendaItem, Participant, Team, team_name
from workshop.run.airtime import FACILITATOR, NOBODY, SILENCE, group_of, group_totals, person_key

Index = QModelIndex | QPersistentModelIndex


# The roles as plain numbers, read once: a view asks a cell for seven roles at each paint, and an
# enum member looked up (or two or-ed) at each question is most of answering it.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
FONT = int(Qt.ItemDataRole.FontRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FIGURES = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

WIDEST_FIGURE = "88:88:88"
"""Wider than any figure the run's tables show (times up to 99 hours, minutes, clock times)."""


def fit_columns(view: QTableView) -> None:
    """The first column takes the room left; each other gets a fixed width fitting any figure.

    Fixed, not sized to contents: a header sized to its contents re-reads every cell of its
    column whenever one changes, which on a large agenda is most of a key press's cost.
    """
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    bold = QFont(view.font())
    bold.setBold(True)
    figures = QFontMetrics(bold)
    titles = header.fontMetrics()
    model = view.model()
    widest = getattr(model, "WIDEST", ())
    for column in range(1, model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        figure = figures.horizontalAdvance(widest[column] if column < len(widest) else WIDEST_FIGURE)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, max(figure, titles.horizontalAdvance(title)) + 2 * CELL_PADDING)


CELL_PADDING = 10


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
        self._bold: QFont | None = None
        self._icons: dict[str, QIcon] = {}

    def bold(self) -> QFont:
        """The bold font of a marked row, made once."""
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

    def icon(self, colour: str) -> QIcon:
        """A colour's swatch, made once per colour (not at every paint of its cell)."""
        icon = self._icons.get(colour)
        if icon is None:
            icon = self._icons[colour] = colour_icon(colour)
        return icon

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def multiData(self, index: Index, span: QModelRoleDataSpan | QModelRoleData, /) -> None:
        """Every role a view paints a cell with, in one call from Qt rather than one per role.

        A cell's paint asks for seven roles; each a call from C++ into Python costs more than
        answering it, and a speaker key repaints a few cells of the people's table.
        """
        data = self.data
        # a span iterates over its roles (PySide's stubs do not say so)
        each = cast("Iterable[QModelRoleData]", span) if isinstance(span, QModelRoleDataSpan) else (span,)
        for role_data in each:
            value = data(index, role_data.role())
            if value is None:
                role_data.clearData()  # Qt reuses the span from cell to cell: a role not given is cleared
            else:
                role_data.setData(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class RunAgendaModel(_RunTable):
    """One row per agenda item: start, planned, re-planned, allotted and actual minutes."""

    HEADERS = ("Item", "Start", "Plan", "Re-plan", "Allotted", "Actual")
    WIDEST = ("", "88:88", "888", "888", "888", "8:88:88")  # a clock, minutes, an item's time run

    def __init__(self, session: RunSession) -> None:
        super().__init__(lambda: len(self._items))
        self.session = session
        self._items: list[AgendaItem] = []
        self._starts: dict[int, int] = {}
        self._current: int | None = None
        self._shown: dict[int, tuple[object, ...]] = {}  # row -> what the views were last told of it
        self.refresh(structure=True)

    def refresh(self, structure: bool = False) -> None:
        """Tell the views what changed: everything on an edit of the agenda, else a row or two.

        A key press or a tick touches only the current item's row (its time, its extension)
        and, when the current item moved, the row it left; the other rows are not re-read.
        """
        document = self.session.document
        everything = document.typed(AgendaItem)
        items = [i for i in everything if i.kind != NEXT_DAY]
        current = self.session.runner.item_id
        if structure or [i.id for i in items] != [i.id for i in self._items]:
            self._starts = {s.item.id: s.start for s in schedule(everything, document.info.day_start)}
            self.beginResetModel()
            self._items = items
            self.endResetModel()
        elif items != self._items:
            self._starts = {s.item.id: s.start for s in schedule(everything, document.info.day_start)}
            self._items = items
            self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, len(self.HEADERS) - 1))
        else:
            rows = {i for i, item in enumerate(items) if item.id in (current, self._current)}
            for row in sorted(rows):
                shown = self._row_view(row)
                if self._shown.get(row) != shown:  # a key or tick repaints a row only when it shows otherwise
                    self._shown[row] = shown
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            self._current = current
            return
        self._shown = {}  # every row was told to the views: each is read afresh
        self._current = current

    REPLAN, ALLOTTED = 3, 4

    def columns_with_news(self) -> tuple[bool, bool]:
        """Whether the Re-plan and the Allotted columns say anything the Plan does not.

        Re-plan, only once an item was re-planned; Allotted, only once an item was given more
        or less time. Otherwise they repeat the Plan, and the titles need the room more.
        """
        replanned = any(item.replanned_minutes for item in self._items)
        extended = any(self.session.runner.extra_minutes.values())
        return replanned, extended

    def _row_view(self, row: int) -> tuple[object, ...]:
        """What a key or a tick can change in a row: its allotted and actual minutes, being current."""
        allotted, actual = (self.data(self.index(row, column)) for column in (4, 5))
        return allotted, actual, self._items[row].id == self.session.runner.item_id

    def item_at(self, row: int) -> AgendaItem:
        return self._items[row]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._items):
            return None
        item = self._items[row]
        runner = self.session.runner
        current = item.id == runner.item_id
        if role == DISPLAY:
            column = index.column()
            if column == 0:
                return f"{row + 1}  {item.title}"  # the number G takes
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
        if role == FONT and current:
            return self.bold()
        if role == BACKGROUND and current:
            return QColor(roles().info_tint)
        if role == ALIGNMENT and index.column() > 0:
            return FIGURES
        if role == TOOLTIP and index.column() == 0:
            number = row + 1
            return f"{number}. {item.title}\nG {number} or double-click: make this the current item"
        return None


class PeopleAirtimeModel(_RunTable):
    """Who spoke how long: each team as a whole, each person, the facilitator, silence."""

    HEADERS = ("Who", "Today", "This item")

    def __init__(self, session: RunSession) -> None:
        super().__init__(lambda: len(self._rows))
        self.session = session
        self._rows: list[tuple[str, str, str]] = []  # (label, speaker key or group, colour)
        self._row_of: dict[str, int] = {}  # the row of each speaker key or group
        self._shown: tuple[str, int | None] = ("", None)  # the speaker and item the views show
        self._totals: dict[int, dict[str, int]] = {}  # column -> speaker key or group -> ms
        self._told: dict[int, tuple[str, str, bool]] = {}  # row -> what the views were last told of it
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
        """Tell the views what changed: every row when people, teams or the item change.

        Otherwise only the speaker's time moves: of the rows of the speaker before and now (and
        of their teams, the facilitator and silence), those that now show something else.
        """
        runner = self.session.runner
        self._read_totals()
        if structure:
            rows = self._build_rows()
            if rows != self._rows:
                self.beginResetModel()
                self._rows = rows
                self._row_of = {key: row for row, (_, key, _) in enumerate(rows)}
                self.endResetModel()
            elif rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 2))
            self._told = {}
        elif runner.item_id != self._shown[1] and self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 2))
            self._told = {}
        else:
            people = self.session.team_of_person()
            keys = {FACILITATOR, NOBODY}
            for speaker in {runner.speaker, self._shown[0]}:
                keys |= {speaker, f"group:{group_of(speaker, people)}"}
            for row in sorted(self._row_of[key] for key in keys if key in self._row_of):
                shown = self._row_view(row)
                if self._told.get(row) != shown:
                    self._told[row] = shown
                    self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
        self._shown = (runner.speaker, runner.item_id)

    def _row_view(self, row: int) -> tuple[str, str, bool]:
        """What a key or a tick can change in a row: its two times, and whether it is the speaker."""
        key = self._rows[row][1]
        runner = self.session.runner
        item = "" if runner.item_id is None else clock_text(self._ms(key, 2))
        return clock_text(self._ms(key, 1)), item, bool(key) and key == runner.speaker

    def _read_totals(self) -> None:
        """Each row's milliseconds, today and in the current item, read once per refresh."""
        runner = self.session.runner
        people = self.session.team_of_person()
        for column, item_id in ((1, None), (2, runner.item_id)):
            current = column == 1 or item_id is not None
            totals = runner.speaker_totals(item_id) if current else {}
            groups = runner.group_totals(item_id) if current else group_totals(totals, people)
            ms = {f"group:{group}": value for group, value in groups.items()}
            ms.update(totals)
            ms[NOBODY] = groups[SILENCE]
            self._totals[column] = ms

    def _ms(self, key: str, column: int) -> int:
        return self._totals.get(column, {}).get(key, 0)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        label, key, colour = self._rows[row]
        if role == DISPLAY:
            column = index.column()
            if column == 0:
                return label
            if column == 2 and self.session.runner.item_id is None:
                return ""
            return clock_text(self._ms(key, column))
        if role == DECORATION and colour and index.column() == 0:
            return self.icon(colour)
        if role == FONT and key.startswith("group:"):
            return self.bold()
        if role == ALIGNMENT and index.column() > 0:
            return FIGURES
        if role == BACKGROUND and key and key == self.session.runner.speaker:
            return QColor(roles().info_tint)
        return None
