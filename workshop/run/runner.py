"""The live run of the agenda: start, pause, items, extensions, speakers, cues.

The runner's state is a fold over the run's event log, kept up to date as each
event is added, so every query costs the same whether the log holds ten events
or twenty thousand. Time comes from an injected monotonic clock; the wall clock
is used only to label events and to say when the day will end.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from workshop.clock import Clock
from workshop.model import FACILITATOR_OWNER, JOINT, NEXT_DAY, AgendaItem
from workshop.run.airtime import NOBODY, AirtimeLedger, Balance, group_of, group_totals
from workshop.run_log import CORRECT, EXTEND, ITEM, PAUSE, RESUME, SPEAKER, START, EventRow, RunEvent, RunLog

MIN_TEAM_MS_FOR_CUE = 60_000
CHECKPOINT_MS = 750


class CueKind(Enum):
    """What a countdown cue says; each one chimes and flashes the countdown."""

    TWO_MINUTES = "two_minutes"  # 2 minutes of the item are left
    TIME_UP = "time_up"  # the item's time has run out


@dataclass(frozen=True)
class Cue:
    """Something the facilitator should notice now: 2 minutes left, or time up."""

    kind: CueKind
    item_id: int


class AgendaRunner:
    """Runs one workshop's agenda over its :class:`RunLog`."""

    def __init__(
        self,
        log: RunLog,
        agenda: Callable[[], Sequence[AgendaItem]],
        team_of_person: Callable[[], dict[int, str]],
        clock: Clock,
        wall: Callable[[], datetime] = datetime.now,
        read_only: bool = False,
    ) -> None:
        self.log, self.agenda, self.team_of_person = log, agenda, team_of_person
        self.clock, self.wall = clock, wall
        self.read_only = read_only
        self.started = False
        self.running = False
        self.item_id: int | None = None
        self.speaker = NOBODY
        self.ledger = AirtimeLedger()
        self.elapsed: defaultdict[int, int] = defaultdict(int)
        self.extra_minutes: defaultdict[int, int] = defaultdict(int)
        self._last_ms = 0
        self._remaining_seen: dict[int, int] = {}
        self._outside_since: int | None = None
        self._delay_ms = 180_000
        self._group_totals: dict[int | None, tuple[int, dict[int, str], dict[str, int]]] = {}
        self._replay(log.rows)  # plain rows: a long log is folded without making a record per event
        self._base_ms = log.checkpoint_ms
        self._resumed_at = clock.now()
        self.interrupted = self.running
        if self.running:  # the app stopped while the run was going: pause where it got to
            if read_only:
                self._advance(log.checkpoint_ms)
                self.running, self.speaker = False, NOBODY
            else:
                self._record(PAUSE, "interrupted", at_ms=log.checkpoint_ms)

    # -- the clock ---------------------------------------------------------------------

    def now_ms(self) -> int:
        """Milliseconds of running time so far (frozen while paused)."""
        if not self.running:
            return self._base_ms
        return self._base_ms + int((self.clock.now() - self._resumed_at) * 1000)

    # -- folding events ----------------------------------------------------------------

    def _advance(self, to_ms: int) -> None:
        delta = to_ms - self._last_ms
        if self.running and delta > 0:
            self.ledger.add(self.speaker, self.item_id, delta)
            if self.item_id is not None:
                self.elapsed[self.item_id] += delta
        self._last_ms = max(self._last_ms, to_ms)

    def _apply(self, event: RunEvent) -> None:
        self._advance(event.at_ms)
        kind, value = event.kind, event.value
        if kind == START:
            self.started, self.running, self.item_id = True, True, _int(value)
        elif kind == RESUME:
            self.running = self.item_id is not None
        elif kind == PAUSE:
            self.running, self.speaker = False, NOBODY
        elif kind == ITEM:
            self.item_id = _int(value)
            self.running = self.running and self.item_id is not None
        elif kind == SPEAKER:
            self.speaker = value
        elif self.item_id is not None:
            self._adjust(self.item_id, kind, value)

    def _adjust(self, item_id: int, kind: str, value: str) -> None:
        """An extension of the current item, or a correction of its elapsed time."""
        if kind == EXTEND:
            self.extra_minutes[item_id] += int(value)
        elif kind == CORRECT:
            self.elapsed[item_id] = max(0, int(value))

    def _replay(self, events: Sequence[EventRow]) -> None:
        """Fold a whole log at once: exactly :meth:`_apply` event by event, with the state held in
        local variables (opening a workshop replays its run; 100,000 events take a third as long)."""
        started, running, item_id, speaker, last = (
            self.started,
            self.running,
            self.item_id,
            self.speaker,
            self._last_ms,
        )
        by_speaker, by_item = self.ledger.by_speaker, self.ledger.by_item
        elapsed = self.elapsed
        item_ledger = None  # by_item[item_id], looked up when first needed (it creates the entry)
        for _seq, at_ms, kind, value, _wall in events:
            if at_ms > last:
                if running:
                    delta = at_ms - last
                    by_speaker[speaker] += delta
                    if item_id is not None:
                        if item_ledger is None:
                            item_ledger = by_item[item_id]
                        item_ledger[speaker] += delta
                        elapsed[item_id] += delta
                last = at_ms
            if kind == SPEAKER:
                speaker = value
            elif kind == START:
                started, running, item_id, item_ledger = True, True, _int(value), None
            elif kind == RESUME:
                running = item_id is not None
            elif kind == PAUSE:
                running, speaker = False, NOBODY
            elif kind == ITEM:
                item_id, item_ledger = _int(value), None
                running = running and item_id is not None
            elif item_id is not None:
                self._adjust(item_id, kind, value)
        self.started, self.running, self.item_id, self.speaker, self._last_ms = (
            started,
            running,
            item_id,
            speaker,
            last,
        )

    def _record(self, kind: str, value: str = "", at_ms: int | None = None) -> None:
        at = self.now_ms() if at_ms is None else at_ms
        was_running = self.running
        event = self.log.append(at, kind, value, self.wall().isoformat(timespec="seconds"))
        self._apply(event)
        if self.running and not was_running:
            self._base_ms, self._resumed_at = at, self.clock.now()
        elif was_running and not self.running:
            self._base_ms = at

    # -- what the facilitator does -----------------------------------------------------

    def _items(self) -> list[AgendaItem]:
        return list(self.agenda())

    def toggle(self) -> None:
        """Space: start the day, pause, or resume."""
        if self.read_only or (self.started and self.item_id is None):
            return  # the agenda is finished: go back with P to run an item again
        if not self.started:
            self.start()
        elif self.running:
            self._record(PAUSE)
        else:
            self._record(RESUME)

    def start(self, item_id: int | None = None) -> None:
        items = self._items()
        if self.read_only or not items:
            return
        first = item_id if item_id is not None else items[0].id
        if self.started:
            self._record(ITEM, str(first))
            if not self.running:
                self._record(RESUME)
        else:
            self._record(START, str(first))
        self._remaining_seen.pop(first, None)

    def pause(self) -> None:
        if self.running and not self.read_only:
            self._record(PAUSE)

    def go_to(self, item_id: int | None) -> None:
        if self.read_only or not self.started or item_id == self.item_id:
            return
        self._record(ITEM, "" if item_id is None else str(item_id))
        if item_id is not None:
            self._remaining_seen.pop(item_id, None)

    def next_item(self) -> None:
        """N: the next item; after the last one, the agenda is finished."""
        items = self._items()
        ids = [item.id for item in items]
        if not self.started:
            return
        if self.item_id not in ids:
            self.go_to(ids[0] if ids else None)
            return
        index = ids.index(self.item_id)
        self.go_to(ids[index + 1] if index + 1 < len(ids) else None)

    def previous_item(self) -> None:
        ids = [item.id for item in self._items()]
        if self.started and self.item_id in ids and ids.index(self.item_id) > 0:
            self.go_to(ids[ids.index(self.item_id) - 1])
        elif self.started and self.item_id is None and ids:
            self.go_to(ids[-1])

    def extend(self, minutes: int) -> None:
        """Give the current item more (or, negative, fewer) minutes."""
        if self.item_id is not None and minutes and not self.read_only:
            self._record(EXTEND, str(minutes))

    def correct_elapsed(self, ms: int) -> None:
        """Set how long the current item has run (the timer was started late)."""
        if self.item_id is not None and not self.read_only:
            self._record(CORRECT, str(max(0, int(ms))))
            self._remaining_seen.pop(self.item_id, None)

    def set_speaker(self, speaker: str) -> None:
        """Who speaks now: a team, the facilitator, a person (``p:<id>``) or nobody."""
        if self.read_only or speaker == self.speaker:
            return
        if not self.running and speaker != NOBODY:
            return  # time is not running: nobody's airtime can grow
        self._record(SPEAKER, speaker)

    def checkpoint(self, every_ms: int = CHECKPOINT_MS) -> None:
        """Note how far the run has got, at most every ``every_ms`` of running time.

        With the UI ticking every 200 ms, a crash then loses at most about a second.
        """
        now = self.now_ms()
        if self.running and not self.read_only and now - self.log.checkpoint_ms >= every_ms:
            self.log.checkpoint(now)

    # -- what the facilitator sees -----------------------------------------------------

    def item(self, item_id: int | None = None) -> AgendaItem | None:
        wanted = self.item_id if item_id is None else item_id
        return next((item for item in self._items() if item.id == wanted), None)

    def upcoming(self) -> AgendaItem | None:
        """The item after the current one (the first item before the start)."""
        items = [i for i in self._items() if i.kind != NEXT_DAY]
        if not self.started:
            return items[0] if items else None
        ids = [i.id for i in items]
        if self.item_id not in ids:
            return None
        index = ids.index(self.item_id)
        return items[index + 1] if index + 1 < len(items) else None

    def allotted_ms(self, item: AgendaItem) -> int:
        return max(0, item.effective_minutes + self.extra_minutes[item.id]) * 60_000

    def elapsed_ms(self, item_id: int | None = None) -> int:
        wanted = self.item_id if item_id is None else item_id
        if wanted is None:
            return 0
        pending = self.now_ms() - self._last_ms if self.running and wanted == self.item_id else 0
        return self.elapsed[wanted] + pending

    def remaining_ms(self) -> int | None:
        """Time left in the current item (negative in overrun); None with no current item."""
        item = self.item()
        return None if item is None else self.allotted_ms(item) - self.elapsed_ms()

    def speaker_totals(self, item_id: int | None = None) -> dict[str, int]:
        """Milliseconds per speaker, for the whole run or one item, up to now."""
        base: Mapping[str, int] = (
            self.ledger.by_speaker if item_id is None else self.ledger.by_item.get(item_id, {})
        )
        totals = dict(base)
        if self.running and (item_id is None or item_id == self.item_id):
            totals[self.speaker] = totals.get(self.speaker, 0) + self.now_ms() - self._last_ms
        return totals

    def group_totals(self, item_id: int | None = None) -> dict[str, int]:
        """Milliseconds per group (teams, facilitator, silence), for the whole run or one item.

        The totals up to the last event are summed once per event (and when the people
        change), and the running speaker's time since then is added to their group: the Run
        page asks for them several times for each key press and tick.
        """
        people = self.team_of_person()
        known = self._group_totals.get(item_id)
        if known is None or known[0] != len(self.log) or known[1] != people:
            base: Mapping[str, int] = (
                self.ledger.by_speaker if item_id is None else self.ledger.by_item.get(item_id, {})
            )
            known = (len(self.log), people, group_totals(base, people))
            self._group_totals[item_id] = known
        totals = dict(known[2])
        if self.running and (item_id is None or item_id == self.item_id):
            totals[group_of(self.speaker, people)] += self.now_ms() - self._last_ms
        return totals

    def balance(self, item_id: int | None = None, low: int = 45) -> Balance:
        totals = self.group_totals(item_id)
        return Balance(totals["sales"], totals["marketing"], low)

    def minutes_to_end(self) -> float:
        """Minutes of agenda left from now: the current item's rest and every later item."""
        items = self._items()
        ids = [item.id for item in items]
        if not self.started:
            first_day = []
            for item in items:
                if item.kind == NEXT_DAY:
                    break
                first_day.append(item)
            return sum(self.allotted_ms(i) for i in first_day) / 60_000
        if self.item_id not in ids:
            return 0.0
        index = ids.index(self.item_id)
        rest = max(0, self.remaining_ms() or 0)
        today = []
        for item in items[index + 1 :]:
            if item.kind == NEXT_DAY:
                break
            today.append(item)
        return (rest + sum(self.allotted_ms(i) for i in today)) / 60_000

    def projected_end(self) -> datetime:
        return self.wall() + timedelta(minutes=self.minutes_to_end())

    def tick(self, balance_low: int = 45, balance_delay_minutes: int = 3) -> list[Cue]:
        """Called by the UI's repaint timer: checkpoints, and returns cues that just fell due."""
        self.checkpoint()
        self._track_balance(balance_low, balance_delay_minutes)
        item = self.item()
        remaining = self.remaining_ms()
        if item is None or remaining is None or not self.running:
            return []
        previous = self._remaining_seen.get(item.id)
        self._remaining_seen[item.id] = remaining
        if previous is None:
            return []
        cues = []
        if previous > 120_000 >= remaining:
            cues.append(Cue(CueKind.TWO_MINUTES, item.id))
        if previous > 0 >= remaining:
            cues.append(Cue(CueKind.TIME_UP, item.id))
        return cues

    def _track_balance(self, low: int, delay_minutes: int) -> None:
        balance = self.balance(self.item_id, low)
        if self.balance_expected() and balance.outside and balance.team_ms >= MIN_TEAM_MS_FOR_CUE:
            if self._outside_since is None:
                self._outside_since = self.now_ms()
        else:
            self._outside_since = None
        self._delay_ms = delay_minutes * 60_000

    def balance_expected(self) -> bool:
        """Equal airtime is expected in joint and facilitated items, not in a team's own slot."""
        item = self.item()
        return item is not None and item.owner in (JOINT, FACILITATOR_OWNER)

    def imbalance_cue(self) -> bool:
        """True once the current item has been out of balance for longer than the set delay."""
        since = self._outside_since
        return since is not None and self.now_ms() - since >= self._delay_ms


def _int(value: str) -> int | None:
    return int(value) if value.lstrip("-").isdigit() else None
