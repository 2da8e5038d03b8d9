"""The live run's event log: every timer action and speaker change, in order.

Times are milliseconds of *running* time (the clock stops while the run is
paused), so totals are sums of differences between events, whatever the wall
clock did. A checkpoint, written about once a second while running, records how
far the run got, so a crash loses at most that second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

# Event kinds and what their value holds.
START = "start"  # agenda item id the run starts on
PAUSE = "pause"  # "" or "interrupted" (added on reopening after a crash)
RESUME = "resume"
ITEM = "item"  # agenda item id now current ("" when the agenda is finished)
SPEAKER = "speaker"  # speaker key: sales, marketing, facilitator, p:<participant id>, "" (nobody)
EXTEND = "extend"  # minutes added to the current item (may be negative)
CORRECT = "correct"  # the current item's elapsed time, set to this many ms


class RunEvent(NamedTuple):
    seq: int
    at_ms: int
    kind: str
    value: str
    wall: str  # local wall-clock time, ISO 8601, for people reading the log


Persist = Callable[[RunEvent], None]


EventRow = tuple[int, int, str, str, str]
"""An event as a plain row (seq, at_ms, kind, value, wall), as the file gives it."""


class RunLog:
    """The events of one workshop's run, and how far the run got (the checkpoint).

    A log read from a file may hold its events as plain rows (:meth:`from_rows`): folding
    them (:attr:`rows`) needs nothing more, and they are made :class:`RunEvent` records only
    when :attr:`events` is first read (a report, a chart, an export), not on every opening.
    """

    def __init__(self, events: list[RunEvent], checkpoint_ms: int) -> None:
        self._events: list[RunEvent] | list[EventRow] = events
        self._made = True  # every entry of _events is a RunEvent
        self.checkpoint_ms = max(checkpoint_ms, events[-1][1] if events else 0)
        self.on_append: list[Persist] = []
        self.on_checkpoint: list[Callable[[int], None]] = []

    @classmethod
    def from_rows(cls, rows: list[EventRow], checkpoint_ms: int) -> RunLog:
        """A log over rows already checked (in order, seq 1, 2, 3...); records made when first read."""
        log = cls([], checkpoint_ms)
        log._events, log._made = rows, False
        log.checkpoint_ms = max(checkpoint_ms, rows[-1][1] if rows else 0)
        return log

    @property
    def events(self) -> list[RunEvent]:
        """Every event, in order."""
        if not self._made:
            self._events = list(map(RunEvent._make, self._events))
            self._made = True
        return self._events  # type: ignore[return-value]  # made just above

    @property
    def rows(self) -> Sequence[EventRow]:
        """Every event as a row (seq, at_ms, kind, value, wall), for folding: nothing is made."""
        return self._events

    def __len__(self) -> int:
        return len(self._events)

    def append(self, at_ms: int, kind: str, value: str, wall: str) -> RunEvent:
        event = RunEvent(len(self._events) + 1, at_ms, kind, value, wall)
        self._events.append(event)  # a RunEvent is a row too
        self.checkpoint_ms = max(self.checkpoint_ms, at_ms)
        for persist in self.on_append:
            persist(event)
        return event

    def checkpoint(self, at_ms: int) -> None:
        if at_ms > self.checkpoint_ms:
            self.checkpoint_ms = at_ms
            for persist in self.on_checkpoint:
                persist(at_ms)
