"""Where time comes from: a monotonic clock for durations, the local wall clock for records.

Durations are always differences of this clock, never of the wall clock, so an
NTP correction, a time-zone change or daylight saving changes no timing.
"""

from __future__ import annotations

import time
from datetime import date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a clock that never jumps; only differences mean anything."""
        ...


class MonotonicClock:
    """The system's monotonic clock."""

    def now(self) -> float:
        return time.monotonic()


class StoppedClock:
    """A clock that stands still: a stored run replayed as it was where its log ends."""

    def now(self) -> float:
        return 0.0


def local_now() -> datetime:
    """The wall clock in the computer's time zone, with its offset: for records people read."""
    return datetime.now().astimezone()


def local_today() -> date:
    """Today's date where the computer is (the workshop's room)."""
    return local_now().date()
