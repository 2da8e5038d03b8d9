"""Working hours between two moments, and date-times read as CRMs write them.

The SLA words first contact "within N business hours of its hand-off": the clock starts at
the hand-off and runs only inside working hours (a workshop setting: by default Monday to
Friday, 9:00 to 17:00) in the workshop's time zone (a setting too: an IANA name such as
"Europe/Berlin"). A hand-off at 16:30 on a Friday answered at 9:30 on Monday took one
working hour.

A CRM writes its times either with their offset from UTC ("2027-01-05T14:03:00+01:00",
"…Z") or without ("05/01/2027 14:03"). One with an offset is the moment it names, turned
into the workshop's zone before it is counted; one without is read as the workshop's own
wall-clock time (with daylight saving as the zone has it that day). Elapsed hours (the
accept/reject clause's "within 48 hours") are real hours, so a night when the clocks
change counts 23 or 25.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from workshop.clock import local_zone_name, zone_or_none
from workshop.leads.dates import read_date
from workshop.model import WEEKDAY_KEYS, WorkshopInfo

_TIME = re.compile(
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*([AaPp]\.?[Mm]\.?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?(?![\d:])"
)
_OFFSET_TAIL = re.compile(r"\d\s*(Z|UTC|GMT|[+-]\d{2}(:?\d{2})?)\s*$", re.IGNORECASE)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class WorkingHours:
    """The days (0 Monday … 6 Sunday), the hours of the working day, and the zone they are in."""

    days: frozenset[int] = frozenset(range(5))
    start: time = time(9, 0)
    end: time = time(17, 0)
    zone: tzinfo = field(default=UTC)

    def local(self, moment: datetime) -> datetime:
        """``moment`` in the workshop's zone: a naive one is read as the zone's wall-clock time."""
        if moment.tzinfo is None:
            return moment.replace(tzinfo=self.zone)
        return moment.astimezone(self.zone)

    def between(self, begin: datetime, finish: datetime) -> float:
        """Working hours from ``begin`` to ``finish`` (0 when ``finish`` is not after ``begin``)."""
        low_end, high_end = self.local(begin), self.local(finish)
        first, last = low_end.astimezone(UTC), high_end.astimezone(UTC)
        if last <= first:
            return 0.0
        seconds = 0.0
        day = low_end.date()
        while day <= high_end.date():
            if day.weekday() in self.days:
                opens, closes = _day_bounds(day, self.start, self.end, self.zone)
                low, high = max(first, opens), min(last, closes)
                if high > low:
                    seconds += (high - low).total_seconds()
            day += timedelta(days=1)
        return seconds / 3600

    def elapsed(self, begin: datetime, finish: datetime) -> float:
        """Real hours from ``begin`` to ``finish`` (negative when ``finish`` is earlier)."""
        return (self.local(finish).astimezone(UTC) - self.local(begin).astimezone(UTC)).total_seconds() / 3600

    def describe(self) -> str:
        """ "Monday to Friday, 09:00 to 17:00 (Europe/Berlin)"; a run over the weekend reads so too."""
        return f"{days_words(self.days)}, {self.start:%H:%M} to {self.end:%H:%M} ({self.zone})"


@functools.lru_cache(maxsize=4096)
def _day_bounds(day: date, start: time, end: time, zone: tzinfo) -> tuple[datetime, datetime]:
    """When a working day opens and closes, in UTC (kept: an export's leads share their days)."""
    opens = datetime.combine(day, start, tzinfo=zone).astimezone(UTC)
    return opens, datetime.combine(day, end, tzinfo=zone).astimezone(UTC)


def days_words(days: frozenset[int]) -> str:
    """{0..4} -> "Monday to Friday"; {5, 6, 0} -> "Saturday to Monday"; {0, 2} -> "Monday, Wednesday"."""
    if len(days) == 7:
        return "every day"
    firsts = [d for d in sorted(days) if (d - 1) % 7 not in days]
    if len(firsts) == 1 and len(days) > 2:
        first = firsts[0]
        return f"{WEEKDAY_NAMES[first]} to {WEEKDAY_NAMES[(first + len(days) - 1) % 7]}"
    return ", ".join(WEEKDAY_NAMES[d] for d in sorted(days)) or "no day"


def read_clock(text: str) -> time | None:
    """ "09:00" -> 09:00; None when it is not a time of day."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return time(int(match[1]), int(match[2]))


def read_days(text: str) -> frozenset[int] | None:
    """ "mon,tue,wed" -> {0, 1, 2}; None when a word is not a day (an empty text is no day)."""
    words = [w.strip().casefold()[:3] for w in (text or "").split(",") if w.strip()]
    if any(w not in WEEKDAY_KEYS for w in words):
        return None
    return frozenset(WEEKDAY_KEYS.index(w) for w in words)


def days_text(days: frozenset[int]) -> str:
    """{0, 1, 2} -> "mon,tue,wed" (the stored form)."""
    return ",".join(WEEKDAY_KEYS[d] for d in sorted(days))


def workshop_zone(info: WorkshopInfo) -> tuple[tzinfo, str]:
    """The workshop's time zone and, when its setting names none this computer knows, why not."""
    zone = zone_or_none(info.time_zone)
    if zone is not None:
        return zone, ""
    fallback = local_zone_name()
    said = f"“{info.time_zone}”" if info.time_zone else "no time zone"
    return zone_or_none(fallback) or UTC, (
        f"the workshop's time zone is {said}, which names none this computer knows: "
        f"counted in this computer's zone ({fallback}); set it on the Review page"
    )


def working_hours_of(info: WorkshopInfo) -> tuple[WorkingHours, list[str]]:
    """The workshop's working hours; a setting that cannot be used takes the default, and says so."""
    notes: list[str] = []
    zone, why = workshop_zone(info)
    if why:
        notes.append(why)
    days = read_days(info.work_days)
    if not days:
        notes.append(f"the working days “{info.work_days}” name no day: counted Monday to Friday")
        days = frozenset(range(5))
    start, end = read_clock(info.work_start), read_clock(info.work_end)
    if start is None or end is None or end <= start:
        notes.append(
            f"the working day “{info.work_start}” to “{info.work_end}” is not a span of time: "
            "counted 09:00 to 17:00"
        )
        start, end = time(9, 0), time(17, 0)
    return WorkingHours(days, start, end, zone), notes


def _offset(text: str) -> tzinfo | None:
    if not text:
        return None
    if text.upper() in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def has_offset(text: str) -> bool:
    """Whether a date-time cell ends with an offset from UTC ("…+01:00", "…Z"): a quick look."""
    return _OFFSET_TAIL.search(text) is not None and _TIME.search(text) is not None


def read_datetime(text: str, order: str = "") -> datetime | None:
    """A cell's date and time of day ("2027-01-05 14:30", "05/01/2027 2:30 PM"); midnight when no time.

    With an offset from UTC ("…T14:30:00+01:00", "…Z") the result carries it (an aware
    date-time); without, it is naive: the wall-clock time of the workshop's zone.
    """
    day = read_date(text, order)
    if day is None:
        return None
    rest = text.strip()[10:] if re.match(r"\d{4}-\d{2}-\d{2}", text.strip()) else text.strip()
    match = _TIME.search(rest)
    if not match:
        return datetime.combine(day, time(0, 0))
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    meridiem = (match[4] or "").replace(".", "").casefold()
    if meridiem == "pm" and hour < 12:
        hour += 12
    if meridiem == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    offset = _offset(match[5] or "")
    if match[5] and offset is None:
        return None
    return datetime.combine(day, time(hour, minute, second), tzinfo=offset)


def as_date(moment: datetime | None) -> date | None:
    return moment.date() if moment else None
