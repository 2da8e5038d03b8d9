"""Working hours between two moments, and date-times read as CRMs write them.

The SLA words first contact "within N business hours of its hand-off": the clock starts at
the hand-off and runs only inside working hours (default Monday to Friday, 9:00 to 17:00, in
the workshop's local time). A hand-off at 16:30 on a Friday answered at 9:30 on Monday took
one working hour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from workshop.leads.dates import read_date

_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?")


@dataclass(frozen=True)
class WorkingHours:
    """The days (0 Monday … 6 Sunday) and the hours of the working day."""

    days: frozenset[int] = frozenset(range(5))
    start: time = time(9, 0)
    end: time = time(17, 0)

    def between(self, begin: datetime, finish: datetime) -> float:
        """Working hours from ``begin`` to ``finish`` (0 when ``finish`` is not after ``begin``)."""
        if finish <= begin:
            return 0.0
        seconds = 0.0
        day = begin.date()
        while day <= finish.date():
            if day.weekday() in self.days:
                opens = datetime.combine(day, self.start)
                closes = datetime.combine(day, self.end)
                low, high = max(begin, opens), min(finish, closes)
                if high > low:
                    seconds += (high - low).total_seconds()
            day += timedelta(days=1)
        return seconds / 3600


def read_datetime(text: str, order: str = "") -> datetime | None:
    """A cell's date and time of day ("2027-01-05 14:30", "05/01/2027 2:30 PM"); midnight when no time."""
    day = read_date(text, order)
    if day is None:
        return None
    rest = text.strip()[10:] if re.match(r"\d{4}-\d{2}-\d{2}", text.strip()) else text.strip()
    match = _TIME.search(rest)
    if not match:
        return datetime.combine(day, time(0, 0))
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    meridiem = (match[4] or "").casefold()
    if meridiem == "pm" and hour < 12:
        hour += 12
    if meridiem == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return datetime.combine(day, time(hour, minute, second))


def as_date(moment: datetime | None) -> date | None:
    return moment.date() if moment else None
