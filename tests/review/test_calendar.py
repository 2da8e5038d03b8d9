"""The .ics export: parses with icalendar, recurs at the SLA's cadence, updates rather than duplicates."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from workshop.cli import main
from workshop.model import ActionItem, Review, SlaClause, WorkshopContent, WorkshopInfo
from workshop.review.calendar import calendar_ics

NOW = datetime(2027, 1, 2, 9, 0)


def _content(cadence: str, held_on: str) -> WorkshopContent:
    return WorkshopContent(
        info=WorkshopInfo(title="Offsite", uid="abc-123"),
        reviews=[Review(id=1, held_on=held_on)],
        sla_clauses=[
            SlaClause(
                id=1,
                key="reviews",
                wording="The heads review this agreement {review_cadence}.",
                parameters=json.dumps({"review_cadence": cadence}),
            )
        ],
        actions=[ActionItem(id=4, what="Publish the definition", owner="Amira", due="2027-02-15")],
    )


def _dates(data: bytes, count: int) -> list[date]:
    calendar = Calendar.from_ical(data)
    series = next(e for e in calendar.walk("VEVENT") if "RRULE" in e)
    start = series.decoded("DTSTART")
    raw = series["RRULE"].to_ical()
    rule = raw.decode() if isinstance(raw, bytes) else str(raw)
    return [d.date() for d in list(rrulestr(rule, dtstart=start))[:count]]


@pytest.mark.parametrize(
    ("cadence", "held_on", "expected"),
    [
        ("weekly", "2027-01-05", ["2027-01-05", "2027-01-12", "2027-01-19"]),
        ("every two weeks", "2027-01-05", ["2027-01-05", "2027-01-19", "2027-02-02"]),
        ("every month", "2027-01-15", ["2027-01-15", "2027-02-15", "2027-03-15"]),
        ("quarterly", "2027-01-15", ["2027-01-15", "2027-04-15", "2027-07-15"]),
        # a monthly review on 31 January: the last day of shorter months, none skipped
        ("monthly", "2027-01-31", ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"]),
        ("monthly", "2027-01-30", ["2027-01-30", "2027-02-28", "2027-03-30"]),
        ("every quarter", "2027-01-31", ["2027-01-31", "2027-04-30", "2027-07-31", "2027-10-31"]),
        ("on the first Tuesday of every month", "2027-01-05", ["2027-01-05", "2027-02-02", "2027-03-02"]),
    ],
)
def test_the_review_series_recurs_on_the_right_dates(cadence: str, held_on: str, expected: list[str]) -> None:
    data = calendar_ics(_content(cadence, held_on), NOW)
    assert _dates(data, len(expected)) == [date.fromisoformat(d) for d in expected]


def test_action_due_dates_are_all_day_events() -> None:
    calendar = Calendar.from_ical(calendar_ics(_content("monthly", "2027-01-05"), NOW))
    action = next(e for e in calendar.walk("VEVENT") if "RRULE" not in e)
    assert action.decoded("DTSTART") == date(2027, 2, 15)
    assert "Publish the definition" in str(action["SUMMARY"])


def test_a_re_export_keeps_uids_and_raises_the_sequence_of_what_changed() -> None:
    content = _content("monthly", "2027-01-05")
    first = calendar_ics(content, NOW)
    changed = dataclasses.replace(
        content, actions=[dataclasses.replace(content.actions[0], due="2027-03-01")]
    )
    second = calendar_ics(changed, NOW, first)
    before = {str(e["UID"]): int(str(e["SEQUENCE"])) for e in Calendar.from_ical(first).walk("VEVENT")}
    after = {str(e["UID"]): int(str(e["SEQUENCE"])) for e in Calendar.from_ical(second).walk("VEVENT")}
    assert set(before) == set(after)
    action_uid = next(u for u in after if "action-4" in u)
    review_uid = next(u for u in after if "reviews" in u)
    assert after[action_uid] == before[action_uid] + 1
    assert after[review_uid] == before[review_uid]
    again = calendar_ics(changed, NOW, second)  # nothing changed since: the sequence stays
    assert {str(e["UID"]): int(str(e["SEQUENCE"])) for e in Calendar.from_ical(again).walk("VEVENT")} == after


def test_export_ics_from_the_command_line(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "reviews.ics"
    assert main(["export", str(demo_file), "--ics", str(out)]) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids)) > 1
    assert main(["export", str(demo_file), "--ics", str(out)]) == 0
    assert [str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")] == uids


def test_the_meetings_start_at_the_review_time_in_the_workshops_zone() -> None:
    content = _content("monthly", "2027-01-31")
    content.info = dataclasses.replace(content.info, time_zone="Europe/Berlin", review_time="14:30")
    data = calendar_ics(content, NOW)
    calendar = Calendar.from_ical(data)
    series = next(e for e in calendar.walk("VEVENT") if "RRULE" in e)
    assert series["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert [z["TZID"] for z in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    start = series.decoded("DTSTART")
    assert (start.hour, start.minute, start.utcoffset()) == (14, 30, timedelta(hours=1))
    # The recurrence keeps the wall-clock time: 14:30 in Berlin in summer is 12:30 UTC.
    raw = series["RRULE"].to_ical()
    rule = raw.decode() if isinstance(raw, bytes) else str(raw)
    dates = list(rrulestr(rule, dtstart=start))[:5]
    assert [d.date() for d in dates] == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
    ]
    assert dates[3].astimezone(ZoneInfo("UTC")).hour == 12


def test_without_a_review_time_the_meetings_start_at_the_days_start() -> None:
    content = _content("weekly", "2027-01-05")
    content.info = dataclasses.replace(
        content.info, time_zone="America/New_York", review_time="", day_start="08:15"
    )
    calendar = Calendar.from_ical(calendar_ics(content, NOW))
    series = next(e for e in calendar.walk("VEVENT") if "RRULE" in e)
    start = series.decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (8, 15, "America/New_York")
