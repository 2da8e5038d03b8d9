"""The workshop's time zone and working hours: CRM times with and without offsets, across a DST change.

Known answers, worked out by hand (2027: Europe/Berlin moves from CET, UTC+1, to CEST, UTC+2,
on Sunday 28 March; America/New_York is UTC-5 in January).
"""

from __future__ import annotations

import csv
import dataclasses
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from workshop.leads.reader import read_table
from workshop.model import WorkshopInfo
from workshop.review.hours import WorkingHours, read_datetime, working_hours_of
from workshop.review.scorecard import mql_delivery, sales_follow_up

BERLIN = ZoneInfo("Europe/Berlin")
HEADER = ["Id", "MQL Date", "First Contact", "Sales Status", "Decided At", "Stage"]
MAPPING = {
    "handoff": "MQL Date",
    "first_contact": "First Contact",
    "status": "Sales Status",
    "decided": "Decided At",
    "crm_mql": "Stage",
}


def _export(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "crm.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_offsets_are_read_and_kept() -> None:
    assert read_datetime("2027-01-05T14:03:00+01:00") == datetime(
        2027, 1, 5, 14, 3, tzinfo=ZoneInfo("Etc/GMT-1")
    )
    assert read_datetime("2027-01-05T13:03:00Z") == datetime(2027, 1, 5, 13, 3, tzinfo=ZoneInfo("UTC"))
    assert read_datetime("2027-01-05 08:03:00-0500") == datetime(2027, 1, 5, 13, 3, tzinfo=ZoneInfo("UTC"))
    assert read_datetime("2027-01-05 14:03").tzinfo is None  # type: ignore[union-attr]


def test_first_contact_across_the_spring_change_counts_in_the_workshops_zone(tmp_path: Path) -> None:
    # Friday 26 March 15:00 CET hand-off; first contact 08:30 UTC on Monday 29 March = 10:30 CEST.
    # Working hours: Friday 15:00-17:00 (2 h) + Monday 9:00-10:30 (1.5 h) = 3.5 h.
    rows = [["1", "2027-03-26T15:00:00+01:00", "2027-03-29T08:30:00Z", "Accepted", "", "MQL"]]
    table = read_table(_export(tmp_path, rows))
    working = WorkingHours(zone=BERLIN)
    contact, _decision = sales_follow_up(table, MAPPING, 4, 48, date(2027, 3, 1), date(2027, 3, 31), working)
    assert contact["median_hours"] == 3.5
    assert contact["within"] == 1


def test_naive_times_are_the_workshops_wall_clock_and_elapsed_hours_are_real(tmp_path: Path) -> None:
    # Saturday 27 March 12:00 to Sunday 28 March 12:00, Berlin wall clock: 23 real hours (clocks
    # go forward that night). Monday 29 March 9:00 to 10:00 for first contact: 1 working hour.
    rows = [["1", "2027-03-27 12:00", "2027-03-29 10:00", "Rejected", "2027-03-28 12:00", "MQL"]]
    table = read_table(_export(tmp_path, rows))
    _contact, decision = sales_follow_up(
        table, MAPPING, 4, 23, date(2027, 3, 1), date(2027, 3, 31), WorkingHours(zone=BERLIN)
    )
    assert decision["median_hours"] == 23.0
    assert decision["within"] == 1  # exactly at the limit: in time
    autumn = [["1", "2027-10-30 12:00", "2027-11-01 10:00", "Accepted", "2027-10-31 12:00", "MQL"]]
    table = read_table(_export(tmp_path, autumn))
    _contact, decision = sales_follow_up(
        table, MAPPING, 4, 24, date(2027, 10, 1), date(2027, 11, 30), WorkingHours(zone=BERLIN)
    )
    assert decision["median_hours"] == 25.0  # clocks go back on 31 October: 25 real hours
    assert decision["within"] == 0


def test_an_offset_moves_a_lead_into_the_workshops_month(tmp_path: Path) -> None:
    # 23:30 UTC on 31 January is 00:30 on 1 February in Berlin: a February MQL there.
    rows = [
        ["1", "2027-01-31T23:30:00Z", "2027-02-01T08:00:00Z", "Accepted", "", "MQL"],
        ["2", "2027-01-15T10:00:00+01:00", "2027-01-15T11:00:00+01:00", "Accepted", "", "MQL"],
    ]
    table = read_table(_export(tmp_path, rows))
    delivered = mql_delivery(table, MAPPING, None, 1, date(2027, 1, 1), date(2027, 2, 28), BERLIN)
    assert [m["by_crm"] for m in delivered["months"]] == [1, 1]
    contact, _decision = sales_follow_up(
        table, MAPPING, 4, 48, date(2027, 1, 1), date(2027, 2, 28), WorkingHours(zone=BERLIN)
    )
    assert [m["mqls"] for m in contact["months"]] == [1, 1]
    # Monday 1 February 00:30 hand-off, contact 09:00 Berlin: the clock starts at 9:00 -> 0 h.
    assert contact["months"][1]["median_hours"] == 0.0
    assert contact["months"][0]["median_hours"] == 1.0


def test_working_hours_in_another_zone(tmp_path: Path) -> None:
    # 21:00 UTC on Tuesday 5 January is 16:00 in New York; 15:00 UTC next day is 10:00 there:
    # 1 h on Tuesday + 1 h on Wednesday = 2 working hours (in UTC it would be 6).
    rows = [["1", "2027-01-05T21:00:00Z", "2027-01-06T15:00:00Z", "Accepted", "", "MQL"]]
    table = read_table(_export(tmp_path, rows))
    new_york = WorkingHours(zone=ZoneInfo("America/New_York"))
    contact, _ = sales_follow_up(table, MAPPING, 4, 48, date(2027, 1, 1), date(2027, 1, 31), new_york)
    assert contact["median_hours"] == 2.0
    in_utc, _ = sales_follow_up(table, MAPPING, 4, 48, date(2027, 1, 1), date(2027, 1, 31), WorkingHours())
    assert in_utc["median_hours"] == 6.0


def test_the_workshops_settings_make_its_working_hours() -> None:
    info = WorkshopInfo(
        time_zone="Asia/Dubai", work_days="sun,mon,tue,wed,thu", work_start="08:00", work_end="16:00"
    )
    working, notes = working_hours_of(info)
    assert notes == []
    assert working.zone == ZoneInfo("Asia/Dubai")
    assert working.days == frozenset({6, 0, 1, 2, 3})
    assert (working.start, working.end) == (time(8, 0), time(16, 0))
    # Thursday 7 January 15:00 to Sunday 10 January 09:00: 1 h + 1 h (Friday and Saturday off).
    assert working.between(datetime(2027, 1, 7, 15), datetime(2027, 1, 10, 9)) == 2.0
    assert "Sunday, Monday" not in working.describe()


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"time_zone": "Mars/Olympus"}, "time zone"),
        ({"work_days": "funday"}, "working days"),
        ({"work_start": "18:00"}, "working day"),
    ],
)
def test_a_setting_that_cannot_be_used_says_so_and_takes_the_default(
    change: dict[str, Any], said: str
) -> None:
    info = dataclasses.replace(WorkshopInfo(time_zone="Europe/Berlin"), **change)
    working, notes = working_hours_of(info)
    assert len(notes) == 1
    assert said in notes[0]
    assert working.between(datetime(2027, 1, 4, 9), datetime(2027, 1, 4, 17)) == 8.0


def test_the_working_days_read_as_people_say_them() -> None:
    from workshop.review.hours import days_words

    assert days_words(frozenset(range(5))) == "Monday to Friday"
    assert days_words(frozenset({5, 6, 0})) == "Saturday to Monday"
    assert days_words(frozenset({6, 0, 1, 2, 3})) == "Sunday to Thursday"
    assert days_words(frozenset({0, 2})) == "Monday, Wednesday"
    assert days_words(frozenset(range(7))) == "every day"


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2027-01-05T14:03:00+01:00", True),
        ("2027-01-05T13:03:00Z", True),
        ("2027-01-05 08:03 -0500", True),
        ("2027-01-05 14:03", False),
        ("2027-01-05", False),  # a date: "-05" is its day, not an offset
        ("05/01/2027 2:30 PM", False),
    ],
)
def test_an_offset_is_told_from_a_plain_date(text: str, offset: bool) -> None:
    from workshop.review.hours import has_offset

    assert has_offset(text) is offset
    moment = read_datetime(text, "day first")
    assert moment is not None and (moment.tzinfo is not None) is offset
