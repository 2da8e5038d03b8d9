"""Run (Ctrl+3): the live console — countdown, who speaks, the balance, the day's projection."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common.page_context import PageContext
from ui.common.palette import roles, text_on
from ui.run.airtime_summary import AirtimeSummary
from ui.run.balance_bar import BalanceBar
from ui.run.keys import RunAction, RunKey, WindowKey, install_run_keys, key_help_html
from ui.run.models import PeopleAirtimeModel, RunAgendaModel, clock_text, fit_columns
from ui.run.session import RunSession, cue_text
from ui.run.speaker_chips import SpeakerChips
from ui.run.steady_tabs import SteadyTabWidget
from ui.run.timer_state import TimerKind, timer_view
from workshop.edits import Change
from workshop.model import (
    MARKETING,
    SALES,
    AgendaItem,
    Participant,
    Team,
    WorkshopInfo,
    team_colours,
    team_name,
)
from workshop.run.airtime import NOBODY, Balance, describe_minutes
from workshop.run.replan import replan_for_run
from workshop.run.runner import Cue, CueKind

GO_TO_WAIT_MS = 1500  # after G and a digit: how long to wait for a second digit


def countdown_colour(kind: TimerKind) -> str:
    """The console countdown's colour in a state ('' for ordinary text): the words say the state too."""
    theme = roles()
    if kind in (TimerKind.LAST, TimerKind.OVERRUN):
        return theme.error
    if kind is TimerKind.WARNING:
        return theme.warning
    if kind in (TimerKind.WAITING, TimerKind.PAUSED):
        return theme.secondary
    return ""


class RunPage(QWidget):
    """Everything the facilitator needs while the room talks, reachable from the keyboard."""

    title = "Run"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document = context.document
        shared = context.sessions(context.document) if context.sessions else None
        # The window shares one live run between the console and the projector.
        self.session = (
            shared if isinstance(shared, RunSession) else RunSession(context.document, parent=context.window)
        )
        self.runner = self.session.runner

        self.item_title = QLabel(self)
        self.item_title.setWordWrap(True)
        self._scale(self.item_title, 1.6, bold=True)
        self.state_label = QLabel(self)
        self._scale(self.state_label, 1.1, bold=True)
        self.countdown = QLabel("–:––", self)
        self.countdown.setAccessibleName("Time left in this item")
        self._size_countdown()
        self.item_detail = QLabel(self)
        self.day_label = QLabel(self)
        self.day_label.setWordWrap(True)
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.cue_label = QLabel(self)
        self.cue_label.setWordWrap(True)
        self._scale(self.cue_label, 1.15, bold=True)
        self._countdown_style = ""
        self._plans: dict[int | None, int] = {}  # current item -> the planned end of its day, minutes
        self.flash_timer = QTimer(self)
        self.flash_timer.setSingleShot(True)
        self.flash_timer.timeout.connect(lambda: self.countdown.setStyleSheet(self._countdown_style))
        self.go_to_number: str | None = None  # the digits typed after G, while waiting for more
        self.go_to_timer = QTimer(self)
        self.go_to_timer.setSingleShot(True)
        self.go_to_timer.setInterval(GO_TO_WAIT_MS)
        self.go_to_timer.timeout.connect(self._go_to_typed)

        # Two rows (the timer's keys, then the tools): one row of eight made the page's left half
        # so wide that the agenda's titles were cut to a few letters at 1280 and 1366 wide.
        buttons = QVBoxLayout()
        timer_row, tools_row = QHBoxLayout(), QHBoxLayout()
        buttons.addLayout(timer_row)
        buttons.addLayout(tools_row)
        self.toggle_button = self._button("Start (Space)", lambda: self.act(RunAction.TOGGLE), timer_row)
        self._button("◀ Previous (P)", lambda: self.act(RunAction.PREVIOUS), timer_row)
        self._button("Next ▶ (N)", lambda: self.act(RunAction.NEXT), timer_row)
        self._button("+1 min (+)", lambda: self.act(RunAction.EXTEND, 1), timer_row)
        self._button("+5 min (*)", lambda: self.act(RunAction.EXTEND, 5), timer_row)
        self._button("Correct time… (C)", self.correct_time, tools_row)
        self._button("Re-plan… (R)", self.replan, tools_row)
        self._button("Keys (?)", self.show_keys, tools_row)
        timer_row.addStretch(1)
        tools_row.addStretch(1)

        self.chips = SpeakerChips(self.document, self)
        self.chips.speakerChosen.connect(lambda key: self.act(RunAction.SPEAKER, key))
        self.item_bar = BalanceBar("This item", self)
        self.day_bar = BalanceBar("Whole workshop", self)
        self.owed_label = QLabel(self)
        self.totals_label = QLabel(self)

        airtime = QGroupBox("Airtime", self)
        air = QGridLayout(airtime)
        air.addWidget(self.chips, 0, 0, 1, 2)
        air.addWidget(QLabel("This item", airtime), 1, 0)
        air.addWidget(self.item_bar, 1, 1)
        air.addWidget(QLabel("Workshop", airtime), 2, 0)
        air.addWidget(self.day_bar, 2, 1)
        air.addWidget(self.owed_label, 3, 0, 1, 2)
        air.addWidget(self.cue_label, 4, 0, 1, 2)
        air.addWidget(self.totals_label, 5, 0, 1, 2)

        left = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.item_title, 1)
        head.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignTop)
        left.addLayout(head)
        left.addWidget(self.countdown)
        left.addWidget(self.item_detail)
        left.addWidget(self.day_label)
        left.addWidget(self.next_label)
        left.addLayout(buttons)
        left.addWidget(airtime)
        left.addStretch(1)

        self.agenda_model = RunAgendaModel(self.session)
        self.agenda_view = self._table(self.agenda_model, "Agenda: planned, re-planned and actual minutes")
        self.agenda_view.doubleClicked.connect(self._start_at)
        self.people_model = PeopleAirtimeModel(self.session)
        self.people_view = self._table(self.people_model, "Speaking time per team and person")
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>Agenda</b>  (G and an item's number, or double-click, runs it)", self))
        right.addWidget(self.agenda_view, 3)
        right.addWidget(QLabel("<b>Speaking time</b>", self))
        right.addWidget(self.people_view, 2)

        live = QWidget(self)
        live.setAutoFillBackground(True)  # opaque: a key's repaint starts here, not at the window
        live_layout = QHBoxLayout(live)
        live_layout.setContentsMargins(0, 0, 0, 0)
        live_layout.addLayout(left, 3)  # the chips' names whole, and room for the agenda's titles
        live_layout.addLayout(right, 2)  # at 1280 and 1366 wide
        self.summary = AirtimeSummary(self.session, self)
        self.tabs = SteadyTabWidget(self)  # a key press repaints what changed, not the page
        self.tabs.addTab(live, "Live")
        self.tabs.addTab(self.summary, "Airtime summary (A)")
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.window_keys = {
            WindowKey.HELP: self.show_keys,
            WindowKey.REPLAN: self.replan,
            WindowKey.CORRECT: self.correct_time,
            WindowKey.GO_TO: self.start_go_to,
            WindowKey.SUMMARY: self.toggle_summary,
        }
        # On the page: they act only while it is shown, and go with it when the view is rebuilt.
        self.shortcuts = install_run_keys(self, self.act, self.window_keys)
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)  # only while this page is shown

        self.session.ticked.connect(self.refresh)
        self.session.changed.connect(self.refresh)  # at once, so the key press shows
        self.session.cue.connect(self.on_cue)
        context.signals.changed.connect(self._document_changed)
        self.refresh()

    # -- building ----------------------------------------------------------------------

    def _scale(self, label: QLabel, factor: float, bold: bool = False) -> None:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(bold)
        label.setFont(font)

    def _button(self, text: str, slot: object, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the timer's key
        button.clicked.connect(slot)
        button.setEnabled(not self.document.read_only)
        row.addWidget(button)
        return button

    def _table(self, model: RunAgendaModel | PeopleAirtimeModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 'Kick-off … rules': both ends stay readable
        fit_columns(view)  # figure columns sized once from the font; the title takes the rest
        return view

    def _size_countdown(self) -> None:
        """The countdown grows with the window: a sixth of its height, within the left column."""
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(56, min(int(self.height() * 0.17), int(self.width() * 0.6 / 4.2))))
        self.countdown.setFont(font)
        title = QFont(self.item_title.font())
        title.setPixelSize(max(20, min(int(self.height() * 0.035), 40)))
        title.setBold(True)
        self.item_title.setFont(title)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._size_countdown()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        for shortcut in self.shortcuts:
            shortcut.setEnabled(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
        super().hideEvent(event)

    # -- acting ------------------------------------------------------------------------

    def act(self, action: RunAction, value: int | str = 0) -> None:
        if self.go_to_number is not None and self._going_to(action, value):
            return
        if self.document.read_only:
            self.context.report("This workshop is read-only: the timer cannot run.")
            return
        if action in (RunAction.SPEAKER, RunAction.SLOT) and not self.runner.running and value != NOBODY:
            self.context.report("Start the timer (Space) first: airtime counts only while it runs.")
            return
        self.session.act(action, value)

    # -- G and a number: run that item ------------------------------------------------------

    def start_go_to(self) -> None:
        """G: the next digits name the agenda item to run (as numbered in the agenda list)."""
        if self.document.read_only:
            self.context.report("This workshop is read-only: the timer cannot run.")
            return
        self.go_to_number = ""
        self.go_to_timer.start()
        count = self.agenda_model.rowCount()
        self.context.report(f"Go to item: type its number (1–{count}); Esc cancels.")

    def _going_to(self, action: RunAction, value: int | str) -> bool:
        """Digits after G make the item's number; Esc cancels; any other key ends the wait. True: used."""
        number = self.go_to_number or ""
        if action is RunAction.SLOT:
            number += str(value)
            self.go_to_number = number
            if int(number) * 10 > self.agenda_model.rowCount():
                self._go_to_typed()  # no item has a longer number: go at once
            else:
                self.go_to_timer.start()
            return True
        self.go_to_number = None
        self.go_to_timer.stop()
        if action is RunAction.SPEAKER and value == NOBODY:
            self.context.report("Go to item: cancelled.")
            return True
        return False

    def _go_to_typed(self) -> None:
        number, self.go_to_number = self.go_to_number, None
        self.go_to_timer.stop()
        if not number:
            self.context.report("Go to item: no number typed.")
            return
        row = int(number) - 1
        if not 0 <= row < self.agenda_model.rowCount():
            self.context.report(f"There is no item {number}: the agenda has {self.agenda_model.rowCount()}.")
            return
        item = self.agenda_model.item_at(row)
        self.session.act(RunAction.START_AT, item.id)
        self.context.report(f"Now running item {number}: {item.title}")

    def perform(self, entry: RunKey) -> None:
        """Do what a key of the table does (the Run menu's lines)."""
        if isinstance(entry.action, RunAction):
            self.act(entry.action, entry.value)
        elif entry.action in self.window_keys:
            self.window_keys[entry.action]()
        elif entry.action is WindowKey.PROJECTOR:
            toggle = getattr(self.context.window, "toggle_projector", None)
            if callable(toggle):
                toggle()

    def toggle_summary(self) -> None:
        """A: the airtime summary, or back to the live view."""
        self.tabs.setCurrentIndex(1 if self.tabs.currentIndex() == 0 else 0)

    def _start_at(self, index: QModelIndex) -> None:
        if index.isValid() and not self.document.read_only:
            self.session.act(RunAction.START_AT, self.agenda_model.item_at(index.row()).id)

    def correct_time(self) -> None:
        item = self.runner.item()
        if item is None:
            self.context.report("Start the agenda first: there is no current item to correct.")
            return
        minutes = self.context.dialogs.ask_minutes(
            self.context.window,
            "Correct the time",
            f"How many minutes has “{item.title}” really been running?",
            round(self.runner.elapsed_ms() / 60_000, 1),
        )
        if minutes is not None:
            self.act(RunAction.CORRECT, int(minutes * 60_000))

    def replan(self) -> None:
        info = self.document.info
        proposal = replan_for_run(self.document.typed(AgendaItem), self.runner, info)
        if proposal.error:
            choices = [("push", f"Push the end to {proposal.push_to}")]
        else:
            choices = [
                ("shrink", "Shrink the remaining items"),
                ("push", f"Push the end to {proposal.push_to}"),
            ]
        choice = self.context.dialogs.ask_choice(
            self.context.window, "Re-plan the rest of the day", proposal.text, choices
        )
        if choice == "shrink" and proposal.changes:
            self.document.apply("Re-plan remaining items", proposal.changes)
        elif choice == "push":
            self.document.apply("Push the end of the day", [proposal.push_end])
        self.refresh()

    def show_keys(self) -> None:
        """The "?" key: every key of the run, listed from the key table with the workshop's team names."""
        teams = self.document.typed(Team)
        names = {team: team_name(teams, team) for team in (SALES, MARKETING)}
        self.context.dialogs.inform(self.context.window, "Run keys", key_help_html(names))

    def on_cue(self, cue: Cue) -> None:
        item = self.runner.item(cue.item_id)
        self.context.report(cue_text(cue, item))
        colour = roles().error if cue.kind is CueKind.TIME_UP else roles().warning
        self.countdown.setStyleSheet(f"background: {colour}; color: {text_on(colour)}; border-radius: 8px;")
        self.flash_timer.start(1500)

    def _document_changed(self, change: Change) -> None:
        self._plans.clear()
        if change.table in (AgendaItem.TABLE, WorkshopInfo.TABLE):
            self.agenda_model.refresh(structure=change.kind != "update")
        if change.table in (Participant.TABLE, Team.TABLE):
            self.chips.rebuild()
            self.people_model.refresh(structure=True)
        self.refresh()

    # -- showing -----------------------------------------------------------------------

    def refresh(self) -> None:
        runner, info = self.runner, self.document.info
        item = runner.item()
        if not runner.started:
            state, title = "Not started", "Press Space to start the agenda"
        elif item is None:
            state, title = "Finished", "The agenda is complete"
        else:
            state, title = ("Running" if runner.running else "Paused"), item.title
        view = timer_view(runner)
        if view.words and view.kind not in (TimerKind.NORMAL, TimerKind.WAITING):
            state = view.words  # '2 min left', 'OVER +1:23', 'PAUSED': in words as well as colour
        self.state_label.setText(state)
        if self.item_title.text() != title:  # a tooltip set tells the widget even when unchanged
            self.item_title.setText(title)
            self.item_title.setToolTip(title)
        self.toggle_button.setText(
            "Pause (Space)" if runner.running else ("Resume (Space)" if runner.started else "Start (Space)")
        )
        colour = countdown_colour(view.kind)
        self._countdown_style = f"color: {colour};" if colour else ""
        if self.state_label.styleSheet() != self._countdown_style:
            self.state_label.setStyleSheet(
                self._countdown_style
            )  # restyling relays the page out: only on change
        self.countdown.setText(view.digits or "–:––")
        if item is None or view.kind is TimerKind.WAITING:
            first = runner.upcoming()
            waiting = first is not None and view.kind is TimerKind.WAITING
            minutes = runner.allotted_ms(first) // 60_000 if first else 0
            self.item_detail.setText(f"The first item's {minutes} min" if first and waiting else "")
        else:
            allotted = runner.allotted_ms(item)
            extra = runner.extra_minutes[item.id]
            extended = f" (+{extra} min)" if extra > 0 else f" ({extra} min)" if extra < 0 else ""
            over = view.kind is TimerKind.OVERRUN
            self.item_detail.setText(
                f"{'Over time' if over else 'Left'} of {allotted // 60_000} min{extended} · "
                f"{clock_text(runner.elapsed_ms())} run"
            )
        if not self.flash_timer.isActive() and self.countdown.styleSheet() != self._countdown_style:
            self.countdown.setStyleSheet(self._countdown_style)  # restyling is costly: only on change
        self.day_label.setText(self._day_text())
        self.next_label.setText(self._next_text())
        self._show_airtime(item, info)
        self.chips.show_speaker(runner.speaker)
        self.agenda_model.refresh()
        self.people_model.refresh()
        self._show_columns_with_news()

    def _show_columns_with_news(self) -> None:
        """The Re-plan and Allotted columns only while they differ from the Plan (room for titles)."""
        replanned, extended = self.agenda_model.columns_with_news()
        view, model = self.agenda_view, self.agenda_model
        for column, shown in ((model.REPLAN, replanned), (model.ALLOTTED, extended)):
            if view.isColumnHidden(column) == shown:
                view.setColumnHidden(column, not shown)

    def _day_text(self) -> str:
        from workshop.agenda.plan import format_clock, parse_clock, planned_end, schedule  # noqa: PLC0415

        info = self.document.info
        if not self.runner.started:
            return self._before_start_text()
        projected = self.runner.projected_end()
        midnight = self.runner.wall().replace(hour=0, minute=0, second=0, microsecond=0)
        end_min = (
            projected - midnight
        ).total_seconds() / 60  # may pass midnight: compare as minutes of today
        planned = self._plans.get(self.runner.item_id)
        if planned is None:  # the plan changes with the agenda, not with a key: read once per item
            items = self.document.typed(AgendaItem)
            day = next(
                (s.day for s in schedule(items, info.day_start) if s.item.id == self.runner.item_id), 1
            )
            planned = self._plans[self.runner.item_id] = planned_end(items, info.day_start, day)
        delta = round(end_min - planned)
        versus = "on plan" if delta == 0 else f"{abs(delta)} min {'behind' if delta > 0 else 'ahead of'} plan"
        day_end = parse_clock(info.day_end, 17 * 60)
        past = (
            f" · <span style='color:{roles().error}'>{round(end_min - day_end)} min past {info.day_end}: "
            "re-plan?</span>"
            if end_min > day_end + 0.5
            else f" · day ends {info.day_end}"
        )
        return f"Projected end <b>{format_clock(end_min)}</b> · {versus}{past}"

    def _before_start_text(self) -> str:
        """Before the first start: when the day is planned to start and how far off that is."""
        from workshop.agenda.plan import format_duration, parse_clock  # noqa: PLC0415

        info = self.document.info
        now = self.runner.wall()
        now_min = now.hour * 60 + now.minute + now.second / 60
        start_min = parse_clock(info.day_start, 9 * 60)
        gap = round(start_min - now_min)
        when = (
            "now" if gap == 0 else f"in {format_duration(gap)}" if gap > 0 else f"{format_duration(-gap)} ago"
        )
        return f"The day is planned to start at <b>{info.day_start}</b> ({when}) · ends {info.day_end}"

    def _next_text(self) -> str:
        upcoming = self.runner.upcoming()
        return f"Next: {upcoming.title} ({upcoming.effective_minutes} min)" if upcoming else "Next: —"

    def _show_airtime(self, item: AgendaItem | None, info: WorkshopInfo) -> None:
        runner = self.runner
        teams = self.document.typed(Team)
        names = (team_name(teams, SALES), team_name(teams, MARKETING))
        team_colour = team_colours(teams)
        colours = (team_colour[SALES], team_colour[MARKETING])
        cue = runner.imbalance_cue()
        item_balance = runner.balance(runner.item_id, info.balance_low)
        totals = runner.group_totals()  # the day's: its balance and the totals line below
        day_balance = Balance(totals[SALES], totals[MARKETING], info.balance_low)
        self.item_bar.show_balance(item_balance, colours, names, cue)
        self.day_bar.show_balance(day_balance, colours, names, False)
        team, owed = day_balance.owed
        other = MARKETING if team == SALES else SALES
        self.owed_label.setText(
            f"Today {team_name(teams, other)} owes {team_name(teams, team)} {describe_minutes(owed)}"
            if owed >= 30_000
            else "Today neither team owes the other time"
        )
        if cue:
            under, diff = item_balance.owed
            over = MARKETING if under == SALES else SALES
            self.cue_label.setText(
                f"<span style='color:{roles().warning}'>⚠ {team_name(teams, over)} has had "
                f"{describe_minutes(diff)} more; invite {team_name(teams, under)}</span>"
            )
        else:
            self.cue_label.setText("")
        self.totals_label.setText(
            f"{names[0]} {clock_text(totals['sales'])} · {names[1]} {clock_text(totals['marketing'])} · "
            f"Facilitator {clock_text(totals['facilitator'])} · Silence {clock_text(totals['silence'])}"
        )
