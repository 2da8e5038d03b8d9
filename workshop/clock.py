"""Where time comes from: a monotonic clock in the app, a fake one in tests.

Durations are always differences of this clock, never of the wall clock, so an
NTP correction, a time-zone change or daylight saving changes no timing.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a clock that never jumps; only differences mean anything."""
        ...


class MonotonicClock:
    """The system's monotonic clock."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to: for tests and simulations."""

    def __init__(self, start: float = 1000.0) -> None:
        self.seconds = start

    def now(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
