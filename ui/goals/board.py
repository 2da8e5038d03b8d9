"""The goals as an item model for the board: one row per goal, with its checks, and a team filter.

The model reads the document's goals and keeps each goal's SMART and FAST
findings up to date as goals, teams or the workshop date change; the board
shows one :class:`TeamGoals` filter per column.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)

from ui.common.document_signals import DocumentSignals
from ui.common.row_signals import RowSignals
from workshop.edits import Change
from workshop.goals.checker import FAST_KEYS, FAST_LETTERS, SMART_KEYS, SMART_LETTERS, GoalCheck
from workshop.goals.records import check_in_workshop
from workshop.goals.room_results import check_details, checks_of, room_line
from workshop.model import DotVote, Goal, RoomCheck, Team, WorkshopInfo

Index = QModelIndex | QPersistentModelIndex
GOAL_ROLE = Qt.ItemDataRole.UserRole + 10
CHECK_ROLE = Qt.ItemDataRole.UserRole + 11
TEAM_ROLE = Qt.ItemDataRole.UserRole + 12
ROOM_ROLE = Qt.ItemDataRole.UserRole + 13  # what the room said from their phones, one line ("" for nothing)
SIZE_ROLE = Qt.ItemDataRole.UserRole + 14  # what a card's height follows: (statement, has a room line)
WATCHED = (Goal.TABLE, Team.TABLE, WorkshopInfo.TABLE, RoomCheck.TABLE, DotVote.TABLE)


def check_tooltip(check: GoalCheck) -> str:
    """Every letter's finding on its own line, for a card's tooltip."""
    lines = [f"{SMART_LETTERS[k]}  {check.smart[k].status}: {check.smart[k].reason}" for k in SMART_KEYS]
    lines.append("")
    lines += [f"{FAST_LETTERS[k]}  {check.fast[k].status}: {check.fast[k].reason}" for k in FAST_KEYS]
    lines += [f"\n⚠ {warning}" for warning in check.warnings()]
    return "\n".join(lines)


CHECK_NOW_AT_MOST = 24
"""Goals left unchecked that :meth:`GoalBoardModel.smart_count` checks at once; more wait."""
CHECKS_PER_STEP = 12
"""Goals checked per turn of the event loop while the rest wait, so the window stays responsive."""
CHECK_STEP_MS = 10
"""Milliseconds between two steps of counting the goals that pass SMART (a step takes about 8)."""


class GoalBoardModel(QAbstractListModel):
    """All goals in list order; ``data`` gives the goal, its checks and a tooltip.

    Signal ``checksReady()``: every goal's checks are known again (after :meth:`smart_count`
    answered None and checked the rest a few at a time).
    """

    checksReady = Signal()

    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__()
        self.signals = signals
        self.document = signals.document
        self._checks: dict[int, GoalCheck] = {}
        self._rooms: dict[int, str] = {}  # goal id -> the room's line, once per change
        self._goals: list[Goal] | None = None  # the goals the checks read, once per change
        self._pending = QTimer(self)
        # Between steps the event loop breathes: the board's first frame, keys and scrolling go
        # first, and a visit to the page is not held up by counting what is off screen.
        self._pending.setInterval(CHECK_STEP_MS)
        self._pending.timeout.connect(self._check_some)
        self._wanted = False  # a count is waiting for the board's first frame
        self.rows = RowSignals(self, Goal.TABLE)
        signals.aboutToChange.connect(self._about_to_change)
        signals.changed.connect(self._changed)

    def goals(self) -> list[Goal]:
        if self._goals is None:
            self._goals = self.document.typed(Goal)
        return self._goals

    def smart_count(self) -> int | None:
        """How many goals pass SMART; None while many are still to check (then checksReady)."""
        unchecked = [g for g in self.goals() if g.id not in self._checks]
        if len(unchecked) > CHECK_NOW_AT_MOST:
            self._wanted = True  # counted in steps once the board has painted its cards
            return None
        return sum(self.check(g).is_smart for g in self.goals())

    def painted(self) -> None:
        """A card was painted: the first frame is out, so the count of the rest may begin."""
        if self._wanted and not self._pending.isActive():
            self._pending.start()

    def _check_some(self) -> None:
        unchecked = [g for g in self.goals() if g.id not in self._checks]
        for goal in unchecked[:CHECKS_PER_STEP]:
            self.check(goal)
        if len(unchecked) <= CHECKS_PER_STEP:
            self._pending.stop()
            self._wanted = False
            self.checksReady.emit()

    def goal(self, row: int) -> Goal:
        goal = self.document.records(Goal.TABLE)[row]  # the document's own list: no copy per cell
        assert isinstance(goal, Goal)
        return goal

    def row_of(self, goal_id: int) -> int:
        return self.document.find(Goal.TABLE, goal_id)[0]

    def check(self, goal: Goal) -> GoalCheck:
        """The findings for ``goal``, computed once per change."""
        if goal.id not in self._checks:
            document = self.document
            self._checks[goal.id] = check_in_workshop(goal, document.info, document.typed(Team), self.goals())
        return self._checks[goal.id]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.document.records(Goal.TABLE))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        goals = self.document.records(Goal.TABLE)  # the document's own list: no copy per cell
        row = index.row()
        if not index.isValid() or not 0 <= row < len(goals):
            return None
        goal = goals[row]
        assert isinstance(goal, Goal)
        if role == SIZE_ROLE:  # a card's size is asked for every card, twice on a first visit: one call
            return (goal.statement or "(no statement yet)", bool(self.room(goal)))
        if role == Qt.ItemDataRole.DisplayRole:
            return goal.statement or "(no statement yet)"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            check = self.check(goal)
            letters = ", ".join(f"{SMART_LETTERS[k]} {check.smart[k].status}" for k in SMART_KEYS)
            return f"{goal.statement or 'Untitled goal'}; {goal.status}; {letters}"
        if role == GOAL_ROLE:
            return goal
        if role == CHECK_ROLE:
            return self.check(goal)
        if role == TEAM_ROLE:
            return goal.team
        if role == ROOM_ROLE:
            return self.room(goal)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(goal)
        return None

    def room(self, goal: Goal) -> str:
        """The room's line on ``goal``, read once per change."""
        line = self._rooms.get(goal.id)
        if line is None:
            typed = self.document.typed
            line = self._rooms[goal.id] = room_line(typed(RoomCheck), typed(DotVote), typed(Team), goal.id)
        return line

    def tooltip(self, goal: Goal) -> str:
        """The letters' findings, then the room's latest check with every reason (as plain text)."""
        text = check_tooltip(self.check(goal))
        checks = checks_of(self.document.typed(RoomCheck), goal.id)
        if not checks:
            return text
        lines = [*text.split("\n"), "", f"The room's check ({checks[-1].held_at[:16].replace('T', ' ')}):"]
        lines += check_details(checks[-1], self.document.typed(Team))
        import html  # noqa: PLC0415 - its table of entities: for a tooltip, not with the board

        # typed reasons may look like markup: escaped, so the tooltip shows them as written
        return (
            "<qt>" + "<br>".join(html.escape(line).replace("  ", "&nbsp;&nbsp;") for line in lines) + "</qt>"
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _about_to_change(self, change: Change) -> None:
        if change.table == Goal.TABLE:
            self._goals = None
        self.rows.before(change)

    def _changed(self, change: Change) -> None:
        if change.table not in WATCHED:
            return
        self._goals = None
        self._checks.clear()  # a goal's checks depend on the joint goals, teams and workshop date
        self._rooms.clear()
        self.rows.after(change)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))


class TeamGoals(QSortFilterProxyModel):
    """One column of the board: the goals of one team, in the list's order."""

    def __init__(self, model: GoalBoardModel, team: str) -> None:
        super().__init__()
        self.team = team
        self.board = model
        self.setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self.board.goal(source_row).team == self.team
