"""The live run of one open workshop, shared by the Run page and the projector window."""

from __future__ import annotations

from typing import assert_never

from PySide6.QtCore import QObject, QTimer, Signal

from ui.run.keys import RunAction
from workshop.clock import Clock, MonotonicClock
from workshop.document import WorkshopDocument
from workshop.edits import Change
from workshop.model import AgendaItem, Participant
from workshop.run.airtime import NOBODY, person_key
from workshop.run.runner import AgendaRunner, Cue, CueKind

TICK_MS = 200


class RunSession(QObject):
    """Owns the :class:`AgendaRunner` and the repaint tick.

    Signals: ``ticked()`` about five times a second (repaint only: all timing
    comes from the runner's clock), ``cue(Cue)`` when 2 minutes are left or time
    is up, ``changed()`` after each action of the facilitator.
    """

    ticked = Signal()
    cue = Signal(object)
    changed = Signal()

    def __init__(
        self, document: WorkshopDocument, clock: Clock | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self._people: dict[int, str] | None = None  # team_of_person, until the people change
        document.changed.connect(self._document_changed)
        self.runner = AgendaRunner(
            document.run_log,
            lambda: document.typed(AgendaItem),
            self.team_of_person,
            clock or MonotonicClock(),
            read_only=document.read_only,
        )
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def team_of_person(self) -> dict[int, str]:
        """Each person's team, by id (for reading: the same dict until the people change).

        A speaker key asks for it several times (the runner's totals, the people's table)."""
        if self._people is None:
            self._people = {p.id: p.team for p in self.document.typed(Participant)}
        return self._people

    def _document_changed(self, change: Change) -> None:
        if change.table == Participant.TABLE:
            self._people = None

    def tick(self) -> None:
        info = self.document.info
        for cue in self.runner.tick(info.balance_low, info.balance_delay):
            self.cue.emit(cue)
        self.ticked.emit()

    def act(self, action: RunAction, value: int | str = 0) -> None:
        """Do one of the facilitator's actions, then tell the views."""
        runner = self.runner
        match action:
            case RunAction.TOGGLE:
                runner.toggle()
            case RunAction.NEXT:
                runner.next_item()
            case RunAction.PREVIOUS:
                runner.previous_item()
            case RunAction.EXTEND:
                runner.extend(int(value))
            case RunAction.CORRECT:
                runner.correct_elapsed(int(value))
            case RunAction.SPEAKER:
                runner.set_speaker(str(value))
            case RunAction.SLOT:  # digit keys 1-9: the people in Setup's order; 0: nobody
                people = self.document.typed(Participant)
                if int(value) == 0:
                    runner.set_speaker(NOBODY)
                elif 1 <= int(value) <= min(9, len(people)):
                    runner.set_speaker(person_key(people[int(value) - 1].id))
            case RunAction.START_AT:
                runner.start(int(value))
            case _:
                assert_never(action)
        self.changed.emit()

    def stop(self) -> None:
        """Stop ticking: the workshop is closing, so a running timer pauses (and says so in the log)."""
        self.timer.stop()
        self.runner.pause()


def cue_text(cue: Cue, item: AgendaItem | None) -> str:
    title = item.title if item else "this item"
    match cue.kind:
        case CueKind.TWO_MINUTES:
            return f"2 minutes left for {title}"
        case CueKind.TIME_UP:
            return f"Time is up for {title}"
        case _:
            assert_never(cue.kind)
