"""The live run's event log: every timer action and speaker change, in order.

Times are milliseconds of *running* time (the clock stops while the run is
paused), so totals are sums of differences between events, whatever the wall
clock did. A checkpoint, written about once a second while running, records how
far the run got, so a crash loses at most that second.
"""

from __future__ import annotations

from collections.abc import Callable
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


class RunLog:
    """The events of one workshop's run, and how far the run got (the checkpoint)."""

    def __init__(self, events: list[RunEvent], checkpoint_ms: int) -> None:
        self.events = events
        self.checkpoint_ms = max(checkpoint_ms, events[-1].at_ms if events else 0)
        self.on_append: list[Persist] = []
        self.on_checkpoint: list[Callable[[int], None]] = []

    def append(self, at_ms: int, kind: str, value: str, wall: str) -> RunEvent:
        event = RunEvent(len(self.events) + 1, at_ms, kind, value, wall)
        self.events.append(event)
        self.checkpoint_ms = max(self.checkpoint_ms, at_ms)
        for persist in self.on_append:
            persist(event)
        return event

    def checkpoint(self, at_ms: int) -> None:
        if at_ms > self.checkpoint_ms:
            self.checkpoint_ms = at_ms
            for persist in self.on_checkpoint:
                persist(at_ms)
