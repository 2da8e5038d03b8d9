"""Where time comes from: a monotonic clock for durations, the local wall clock for records.

Durations are always differences of this clock, never of the wall clock, so an
NTP correction, a time-zone change or daylight saving changes no timing.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # datetime and zoneinfo are imported when first asked for, not to start the window
    from datetime import date, datetime
    from zoneinfo import ZoneInfo


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
    from datetime import datetime  # noqa: PLC0415 - see above

    return datetime.now().astimezone()


def local_today() -> date:
    """Today's date where the computer is (the workshop's room)."""
    return local_now().date()


def local_zone_name() -> str:
    """The computer's time zone as an IANA name ("Europe/Berlin"); "UTC" when it cannot be told."""
    try:
        import tzlocal  # noqa: PLC0415

        name = tzlocal.get_localzone_name()
    except Exception:  # noqa: BLE001 - an unusual system set-up: fall back rather than fail to start
        name = None
    return name if name and zone_or_none(name) is not None else "UTC"


def zone_or_none(name: str) -> ZoneInfo | None:
    """The time zone an IANA name names, None when it names none this computer knows."""
    if not name or name != name.strip() or name.startswith("/") or ".." in name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415 - see above

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
