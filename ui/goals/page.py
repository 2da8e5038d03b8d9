"""Goals (Ctrl+4): the board of every goal by team, and the New goal wizard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ui.common import icons
from ui.common.page_context import PageContext
from ui.common.tone import set_tone
from ui.common.tool_buttons import add_tool_buttons
from ui.goals.board import GoalBoardModel, TeamGoals
from ui.goals.card import GoalCardDelegate, make_board_view
from workshop.edits import Delete, Insert, Move, Update
from workshop.goals.records import agree_problem, copy_of
from workshop.model import GOAL_TEAMS, JOINT, Goal, Team, team_name

if TYPE_CHECKING:
    from ui.goals.wizard import GoalWizard  # imported when a goal is first opened, not with the board

AskText = Callable[[str, str], str | None]


def count_of(number: int, noun: str) -> str:
    """'1 goal', '3 goals', '0 goals'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


class GoalsPage(QWidget):
    """Three columns of goal cards (Sales, Marketing, Joint) with the actions on a goal."""

    title = "Goals"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.signals = context.signals
        self.document = context.document
        self.report = context.report
        self.ask_text: AskText = self._ask_text
        self.open_wizard: Callable[[GoalWizard], None] = lambda wizard: wizard.open()
        self.model = GoalBoardModel(self.signals)
        self.model.checksReady.connect(self._update)
        self.columns: dict[str, TeamGoals] = {}
        self.views: dict[str, QListView] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.wizard: GoalWizard | None = None

        board = QHBoxLayout()
        for team in GOAL_TEAMS:
            proxy = TeamGoals(self.model, team)
            view = make_board_view(self)
            view.setModel(proxy)
            view.setItemDelegate(GoalCardDelegate(view, self.document, painted=self.model.painted))
            view.setAccessibleName(f"{team_name(self.document.typed(Team), team)} goals")
            view.doubleClicked.connect(lambda _i: self.edit())
            view.activated.connect(lambda _i: self.edit())
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, t=team: self._focus_column(t, current)
            )
            box = QGroupBox(self)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(4, 8, 4, 4)
            box_layout.addWidget(view)
            self.columns[team], self.views[team], self.boxes[team] = proxy, view, box
            board.addWidget(box, 1)
            proxy.rowsInserted.connect(lambda *_: self._update())
            proxy.rowsRemoved.connect(lambda *_: self._update())
            proxy.modelReset.connect(self._update)

        self.new_action = self._action("New goal…", "add", "Ctrl+Shift+N", lambda: self.new_goal())  # noqa: PLW0108 - drops triggered(checked)
        self.edit_action = self._action("Edit…", "setup", "Return", lambda: self.edit())  # noqa: PLW0108
        self.duplicate_action = self._action("Duplicate", "duplicate", "Ctrl+D", self.duplicate)
        self.remove_action = self._action("Remove", "remove", "Delete", self.remove)
        self.up_action = self._action("Move up", "up", "Alt+Up", lambda: self.move_goal(-1))
        self.down_action = self._action("Move down", "down", "Alt+Down", lambda: self.move_goal(1))
        self.agree_action = self._action("Mark agreed…", "ok", "Ctrl+Shift+A", lambda: self.mark_agreed())  # noqa: PLW0108
        self.draft_action = self._action("Back to draft", "warning", "Ctrl+Shift+D", self.back_to_draft)
        toolbar = QHBoxLayout()
        add_tool_buttons(
            toolbar,
            self,
            (
                self.new_action,
                self.edit_action,
                self.duplicate_action,
                self.remove_action,
                self.up_action,
                self.down_action,
                self.agree_action,
                self.draft_action,
            ),
        )
        toolbar.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Goals summary")
        toolbar.addWidget(self.summary)
        legend = QLabel(
            "Letters: filled = passes (green) or fails (red); outlined lower case = not known yet. "
            "SMART must not fail to agree a goal; FAST says how it will be lived with.",
            self,
        )
        legend.setWordWrap(True)
        set_tone(legend, "hint")  # legible: not a disabled grey

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(board, 1)
        layout.addWidget(legend)
        self.signals.changed.connect(self._document_changed)
        self._update()

    def _action(self, text: str, icon: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(icons.icon(icon), text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.rstrip('…')} ({native})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- selection ---------------------------------------------------------------------------

    def _focus_column(self, team: str, current: QModelIndex) -> None:
        if current.isValid():
            for other, view in self.views.items():
                if other != team:
                    view.selectionModel().clearSelection()
        self._update()

    def current_goal(self) -> Goal | None:
        for team, view in self.views.items():
            index = view.currentIndex()
            if index.isValid() and view.selectionModel().isSelected(index):
                source = self.columns[team].mapToSource(index)
                return self.model.goal(source.row())
        return None

    def select_goal(self, goal_id: int) -> None:
        """Select a goal's card (and only it)."""
        goal = self.document.find(Goal.TABLE, goal_id)[1]
        assert isinstance(goal, Goal)
        for team, view in self.views.items():
            view.selectionModel().clearSelection()
            if team == goal.team:
                index = self.columns[team].mapFromSource(self.model.index(self.model.row_of(goal_id), 0))
                view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                view.scrollTo(index)
                view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update()

    def _selected_team(self) -> str:
        for team, view in self.views.items():
            if view.hasFocus() or view.selectionModel().hasSelection():
                return team
        return "sales"

    # -- what the user does ------------------------------------------------------------------

    def new_goal(self, team: str | None = None) -> GoalWizard | None:
        """Open the wizard on a new draft for ``team`` (the selected column by default)."""
        if self.document.read_only:
            return None
        from ui.goals.wizard import GoalWizard  # noqa: PLC0415 - on first use, not with the board

        return self._show_wizard(GoalWizard(self.signals, team or self._selected_team(), parent=self))

    def edit(self, goal_id: int | None = None) -> GoalWizard | None:
        goal = self.current_goal() if goal_id is None else self.document.find(Goal.TABLE, goal_id)[1]
        if not isinstance(goal, Goal) or self.document.read_only:
            return None
        from ui.goals.wizard import GoalWizard  # noqa: PLC0415 - on first use, not with the board

        wizard = GoalWizard(self.signals, goal.team, goal.id, parent=self)
        wizard.go_to("goal")
        return self._show_wizard(wizard)

    def _show_wizard(self, wizard: GoalWizard) -> GoalWizard:
        self.wizard = wizard
        wizard.finished.connect(lambda _r: self._wizard_closed(wizard))
        self.open_wizard(wizard)
        return wizard

    def _wizard_closed(self, wizard: GoalWizard) -> None:
        if wizard.goal_id:
            self.select_goal(wizard.goal_id)
            self.report("The goal is saved." if wizard.result() else "The goal is kept as a draft.")
        wizard.deleteLater()
        if self.wizard is wizard:
            self.wizard = None

    def duplicate(self) -> None:
        goal = self.current_goal()
        if goal is None or self.document.read_only:
            return
        row = self.model.row_of(goal.id)
        done = self.document.apply("Duplicate goal", [Insert(copy_of(goal), row + 1)])
        inserted = done[0]
        assert isinstance(inserted, Insert)
        self.select_goal(inserted.record.id)

    def remove(self) -> None:
        goal = self.current_goal()
        if goal is None or self.document.read_only:
            return
        team_goals = [g for g in self.document.typed(Goal) if g.team == goal.team]
        place = team_goals.index(goal)
        changes: list[Delete | Update] = [
            Update.of(g, serves_goal=0) for g in self.document.typed(Goal) if g.serves_goal == goal.id
        ]
        self.document.apply("Remove goal", [*changes, Delete(Goal.TABLE, goal.id)])
        rest = [g for g in team_goals if g.id != goal.id]
        if rest:
            self.select_goal(rest[min(place, len(rest) - 1)].id)

    def move_goal(self, step: int) -> None:
        """Move the selected goal up or down among its team's goals."""
        goal = self.current_goal()
        if goal is None or self.document.read_only:
            return
        team_goals = [g for g in self.document.typed(Goal) if g.team == goal.team]
        place = team_goals.index(goal) + step
        if 0 <= place < len(team_goals):
            target = self.model.row_of(team_goals[place].id)
            self.document.apply("Move goal", [Move(Goal.TABLE, goal.id, target)])
            self.select_goal(goal.id)

    def mark_agreed(self, override_reason: str | None = None) -> bool:
        """Agree the selected goal; with a failing SMART letter this needs a reason (asked for)."""
        goal = self.current_goal()
        if goal is None or self.document.read_only or goal.status == "agreed":
            return False
        check = self.model.check(goal)
        problem = agree_problem(check, "")
        reason = ""
        if problem is not None:
            reason = (
                override_reason
                if override_reason is not None
                else self.ask_text(
                    "Agree despite the checks?",
                    f"{problem}\n\nWhy does the room agree this goal as it is?",
                )
                or ""
            ).strip()
            if not reason:
                self.report("Not agreed: " + problem)
                return False
        self.document.apply("Mark goal agreed", [Update.of(goal, status="agreed", override_reason=reason)])
        self.select_goal(goal.id)
        self.report("Agreed" + (" over the checker, with a reason." if reason else "."))
        return True

    def back_to_draft(self) -> None:
        goal = self.current_goal()
        if goal is None or self.document.read_only or goal.status == "draft":
            return
        self.document.apply("Goal back to draft", [Update.of(goal, status="draft", override_reason="")])
        self.select_goal(goal.id)

    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    # -- what the user sees ------------------------------------------------------------------

    def _document_changed(self, _change: object) -> None:
        self._update()

    def _update(self) -> None:
        teams = self.document.typed(Team)
        goals = self.document.typed(Goal)
        for team, box in self.boxes.items():
            mine = [g for g in goals if g.team == team]
            agreed = sum(g.status == "agreed" for g in mine)
            name = "Joint goals" if team == JOINT else team_name(teams, team)
            box.setTitle(f"{name}  ·  {count_of(len(mine), 'goal')}, {agreed} agreed")
        smart = self.model.smart_count()  # None while a large board is still being checked
        passing = "checking SMART…" if smart is None else f"{smart} pass SMART"
        self.summary.setText(f"{count_of(len(goals), 'goal')} · {passing}")
        goal = self.current_goal()
        editable = not self.document.read_only
        has = goal is not None and editable
        self.new_action.setEnabled(editable)
        for action in (
            self.edit_action,
            self.duplicate_action,
            self.remove_action,
            self.up_action,
            self.down_action,
        ):
            action.setEnabled(has)
        self.agree_action.setEnabled(has and goal is not None and goal.status != "agreed")
        self.draft_action.setEnabled(has and goal is not None and goal.status == "agreed")
