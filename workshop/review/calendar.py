"""The review meetings and the action items' due dates as an iCalendar (.ics) file.

The review meetings are one recurring event whose rule follows the SLA's review cadence as
worded ("weekly", "every two weeks", "monthly", "quarterly", "on the first Tuesday of every
month"). A monthly or quarterly series on the 29th, 30th or 31st falls on the month's last day
in shorter months (``BYMONTHDAY=28,…,31;BYSETPOS=-1``) rather than skipping them, as a plain
``BYMONTHDAY=31`` would. The meetings start at the workshop's review time (by default its day's
start) in its time zone: a ``TZID`` with the zone's ``VTIMEZONE``, so a calendar elsewhere shows
the meeting at the right moment, daylight saving included. Every event has a UID made from the
workshop's own identifier, so a calendar that imports the file again updates the events instead
of adding copies; writing over an earlier export raises the ``SEQUENCE`` of each event that
changed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from workshop.model import ActionItem, WorkshopContent, WorkshopInfo, team_name
from workshop.review.hours import read_clock, workshop_zone
from workshop.sla import agreement as sla

Adder = Callable[[str, str, "date | datetime", "date | datetime", dict[str, object]], None]
PRODID = "-//Smarketing Workshop//Reviews//EN"
MEETING_MINUTES = 60
_WEEKDAYS = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": -1,
}
_NTH_WEEKDAY = re.compile(
    r"\b(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(" + "|".join(_WEEKDAYS) + r")\b"
)
# Over the agreement's usual year: how many meetings a series holds.
_COUNTS = {"WEEKLY1": 52, "WEEKLY2": 26, "MONTHLY1": 12, "MONTHLY3": 4}


@dataclass(frozen=True)
class Cadence:
    """A recurrence: frequency and interval, and for monthly ones the n-th weekday if worded so."""

    freq: str  # WEEKLY or MONTHLY
    interval: int = 1
    nth: int = 0  # 1..4 or -1 (last); 0 when the series keeps the start's day of the month
    weekday: str = ""  # MO..SU with nth

    def rule(self, start: date) -> dict[str, object]:
        """The RRULE's parts for a series starting on ``start``."""
        parts: dict[str, object] = {"FREQ": self.freq}
        if self.interval > 1:
            parts["INTERVAL"] = self.interval
        if self.freq == "MONTHLY":
            if self.nth:
                parts["BYDAY"] = f"{self.nth}{self.weekday}"
            elif start.day > 28:
                parts["BYMONTHDAY"] = list(range(28, start.day + 1))
                parts["BYSETPOS"] = -1
        parts["COUNT"] = _COUNTS.get(f"{self.freq}{self.interval}", 12)
        return parts


def cadence_of(text: str) -> Cadence | None:
    """The recurrence a cadence's wording means; None when it names none we know."""
    words = text.casefold()
    months = 3 if "quarter" in words else 1
    match = _NTH_WEEKDAY.search(words)
    if match and ("month" in words or "quarter" in words):
        return Cadence("MONTHLY", months, _ORDINALS[match[1]], _WEEKDAYS[match[2]])
    if any(w in words for w in ("fortnight", "two weeks", "2 weeks", "biweekly", "bi-weekly")):
        return Cadence("WEEKLY", 2)
    if "week" in words:
        return Cadence("WEEKLY")
    if "quarter" in words:
        return Cadence("MONTHLY", 3)
    if "month" in words:
        return Cadence("MONTHLY")
    return None


def review_cadence(content: WorkshopContent) -> str:
    """The SLA's review cadence as worded, "" when the SLA names none."""
    for clause in content.sla_clauses:
        for blank in sla.blanks(clause, content):
            if blank.spec.name == "review_cadence":
                return blank.value
    return ""


def _first_meeting(content: WorkshopContent, cadence: Cadence) -> date | None:
    for text in [r.held_on for r in content.reviews] + [content.info.end_date, content.info.start_date]:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            continue
        if text in (content.info.end_date, content.info.start_date):
            day += timedelta(days=7 * cadence.interval if cadence.freq == "WEEKLY" else 28)
        return day
    return None


def _uid(content: WorkshopContent, what: str) -> str:
    base = content.info.uid or hashlib.sha256(content.info.title.encode()).hexdigest()[:16]
    return f"{base}-{what}@smarketing-workshop"


def _digest(parts: list[object]) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def previous_sequences(data: bytes | None) -> dict[str, tuple[int, str]]:
    """UID -> (SEQUENCE, content digest) of an earlier export; empty when there is none."""
    if not data:
        return {}
    from icalendar import Calendar  # noqa: PLC0415

    try:
        calendar = Calendar.from_ical(data)
    except ValueError:
        return {}
    found = {}
    for event in calendar.walk("VEVENT"):
        found[str(event.get("UID"))] = (int(event.get("SEQUENCE", 0)), str(event.get("X-SMW-DIGEST", "")))
    return found


def calendar_ics(content: WorkshopContent, now: datetime, previous: bytes | None = None) -> bytes:
    """The review series and every dated action item as an .ics file (see the module's notes)."""
    from icalendar import Calendar, Event  # noqa: PLC0415

    before = previous_sequences(previous)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    title = content.info.title.strip() or "Smarketing workshop"

    def add(
        uid: str, summary: str, start: date | datetime, end: date | datetime, extra: dict[str, object]
    ) -> None:
        event = Event()
        digest = _digest([summary, start, end, sorted(extra.items(), key=lambda kv: kv[0])])
        old_sequence, old_digest = before.get(uid, (0, digest))
        event.add("uid", uid)
        event.add("dtstamp", now)
        event.add("summary", summary)
        event.add("dtstart", start)
        event.add("dtend", end)
        for key, value in extra.items():
            event.add(key, value)
        event.add("sequence", old_sequence + (1 if old_digest != digest else 0))
        event.add("x-smw-digest", digest)
        calendar.add_component(event)

    wording = review_cadence(content)
    cadence = cadence_of(wording)
    first = _first_meeting(content, cadence) if cadence else None
    if cadence is not None and first is not None:
        zone, _why = workshop_zone(content.info)
        start = datetime.combine(first, meeting_time(content.info), tzinfo=zone)
        add(
            _uid(content, "reviews"),
            f"SLA review: {title}",
            start,
            start + timedelta(minutes=MEETING_MINUTES),
            {"rrule": cadence.rule(first), "description": f"The SLA's review cadence: {wording}."},
        )
    for action in content.actions:
        add_action(content, action, add)
    calendar.add_missing_timezones()  # a VTIMEZONE for the meetings' TZID, so any calendar reads it
    return bytes(calendar.to_ical())


def meeting_time(info: WorkshopInfo) -> time:
    """When the review meetings start: the workshop's review time, else its day's start, else 9:00."""
    return read_clock(info.review_time) or read_clock(info.day_start) or time(9, 0)


def add_action(content: WorkshopContent, action: ActionItem, add: Adder) -> None:
    """An action item's due date as an all-day event (none when it has no valid date or is done)."""
    try:
        due = date.fromisoformat(action.due)
    except ValueError:
        return
    who = action.owner.strip() or team_name(content.teams, action.team)
    summary = f"Due: {action.what.strip() or '(untitled action)'} ({who})"
    extra: dict[str, object] = {"description": f"Status: {action.status}", "status": _status(action.status)}
    add(_uid(content, f"action-{action.id}"), summary, due, due + timedelta(days=1), extra)


def _status(status: str) -> str:
    return {"done": "CONFIRMED", "dropped": "CANCELLED"}.get(status, "TENTATIVE")
