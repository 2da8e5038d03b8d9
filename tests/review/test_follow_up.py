"""First contact in working hours and the accept/reject clause, checked against figures worked out by hand."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from workshop.leads.reader import read_table
from workshop.review.hours import WorkingHours, read_datetime
from workshop.review.scorecard import CLOSE, MET, MISSED, NO_DATA, describe_clause, sales_follow_up

HEADER = ["Id", "MQL Date", "First Contact", "Attempts", "Sales Status", "Rejection Reason", "Decided At"]
MAPPING = {
    "handoff": "MQL Date",
    "first_contact": "First Contact",
    "attempts": "Attempts",
    "status": "Sales Status",
    "reason": "Rejection Reason",
    "decided": "Decided At",
}
# 2027-01-08 is a Friday, 2027-01-11 a Monday.
ROWS = [
    # hand-off Friday 16:30, contact Monday 9:30: 1 working hour
    ["1", "2027-01-08 16:30", "2027-01-11 09:30", "2", "Accepted", "", "2027-01-11 10:00"],
    # hand-off Saturday, contact Monday 11:00: the clock starts Monday 9:00 -> 2 h
    ["2", "2027-01-09 10:00", "2027-01-11 11:00", "3", "Rejected", "Student", "2027-01-11 12:00"],
    # hand-off Monday 10:00, contact Tuesday 12:00: 7 + 3 = 10 h
    ["3", "2027-01-11 10:00", "2027-01-12 12:00", "1", "Rejected", "Student", "2027-01-13 10:00"],
    # hand-off Monday 9:00, contact same day 9:45: 0.75 h
    ["4", "2027-01-11 09:00", "2027-01-11 09:45", "1", "Open", "", ""],
    # never contacted, handed off 4 Jan: long past the limit by the period's end
    ["5", "2027-01-04 09:00", "", "", "Rejected", "", "2027-01-05 09:00"],
    # outside the period
    ["6", "2026-12-20 09:00", "2026-12-21 09:00", "1", "Accepted", "", "2026-12-21 10:00"],
]


def _export(tmp_path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    path = tmp_path / "crm.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_working_hours_start_at_the_hand_off_and_skip_nights_and_weekends() -> None:
    hours = WorkingHours()
    assert hours.between(datetime(2027, 1, 8, 16, 30), datetime(2027, 1, 11, 9, 30)) == 1.0
    assert hours.between(datetime(2027, 1, 9, 10, 0), datetime(2027, 1, 11, 11, 0)) == 2.0
    assert hours.between(datetime(2027, 1, 11, 10, 0), datetime(2027, 1, 12, 12, 0)) == 10.0
    assert hours.between(datetime(2027, 1, 11, 12, 0), datetime(2027, 1, 11, 11, 0)) == 0.0
    assert read_datetime("05/01/2027 2:30 PM", "day first") == datetime(2027, 1, 5, 14, 30)


def test_first_contact_share_median_worst_and_the_uncontacted(tmp_path: Path) -> None:
    table = read_table(_export(tmp_path, ROWS))
    contact, decision = sales_follow_up(table, MAPPING, 4, 24, date(2027, 1, 1), date(2027, 1, 31))
    # measured: 1, 2, 10, 0.75 h; one MQL never contacted and past 4 h
    assert contact["measured"] == 4
    assert contact["within"] == 3
    assert contact["not_done"] == 1
    assert contact["share_within"] == 0.6
    assert contact["median_hours"] == 1.5
    assert contact["worst_hours"] == 10.0
    assert contact["period"]["verdict"] == MISSED
    assert contact["attempts_median"] == 1.5  # 2, 3, 1, 1
    # decisions: 1 accepted, 3 rejected (two "Student", one without reason), 1 pending
    assert (decision["accepted"], decision["rejected"], decision["pending"]) == (1, 3, 1)
    assert decision["share_accepted"] == 0.25
    assert decision["reasons"] == {"Student": 2, "no reason given": 1}
    # decision hours (wall clock): 65.5, 50, 48, 24 -> only the last within 24 h
    assert decision["within"] == 1
    assert decision["period"]["verdict"] == MISSED


def test_all_in_time_is_met_and_nine_in_ten_is_close(tmp_path: Path) -> None:
    rows = [
        [str(i), "2027-01-11 09:00", "2027-01-11 10:00", "1", "Accepted", "", "2027-01-11 10:00"]
        for i in range(9)
    ]
    table = read_table(_export(tmp_path, rows))
    contact, _decision = sales_follow_up(table, MAPPING, 4, 24, date(2027, 1, 1), date(2027, 1, 31))
    assert contact["period"]["verdict"] == MET
    late = [*rows, ["9", "2027-01-11 09:00", "2027-01-12 09:00", "1", "Accepted", "", ""]]
    table = read_table(_export(tmp_path, late))
    contact, _decision = sales_follow_up(table, MAPPING, 4, 24, date(2027, 1, 1), date(2027, 1, 31))
    assert contact["period"]["verdict"] == CLOSE  # 9 of 10


def test_missing_columns_say_what_cannot_be_worked_out(tmp_path: Path) -> None:
    rows = [[r[0], r[1]] for r in ROWS]
    table = read_table(_export(tmp_path, rows, ["Id", "MQL Date"]))
    contact, decision = sales_follow_up(
        table, {"handoff": "MQL Date"}, 4, None, date(2027, 1, 1), date(2027, 1, 31)
    )
    assert contact["period"]["verdict"] == NO_DATA
    assert any("first contact time" in why for why in contact["cannot"])
    assert decision["period"]["verdict"] == NO_DATA
    assert decision["accepted"] is None
    assert any("no agreed number of hours" in why for why in decision["cannot"])
    # the month has MQLs, but without the columns no month gets a verdict either
    assert [(m["mqls"], m["verdict"]) for m in contact["months"]] == [(5, NO_DATA)]
    assert [(m["mqls"], m["verdict"], m["accepted"]) for m in decision["months"]] == [(5, NO_DATA, None)]


def _independent_by_month(path: Path, limit: float) -> dict[str, tuple[int, int, float | None]]:
    """Per month from the file itself (csv module): MQLs, contacted in time, median hours.

    The rows below hand off and are contacted on the same weekday inside 9:00-17:00, so the
    working hours are simply the difference of the two times.
    """
    import statistics

    found: dict[str, list[float]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            start = datetime.fromisoformat(row["MQL Date"])
            end = datetime.fromisoformat(row["First Contact"])
            found.setdefault(start.strftime("%Y-%m"), []).append((end - start).total_seconds() / 3600)
    return {
        month: (len(hours), sum(h <= limit for h in hours), statistics.median(hours))
        for month, hours in found.items()
    }


def test_first_contact_and_decisions_month_by_month_with_an_empty_month(tmp_path: Path) -> None:
    rows = []
    for i, (day, hand, contact) in enumerate(
        [
            ("2027-01-05", "09:00", "10:00"),
            ("2027-01-06", "09:00", "14:00"),  # 5 h: late
            ("2027-01-07", "10:00", "10:30"),
            ("2027-03-02", "09:00", "12:00"),
            ("2027-03-03", "11:00", "16:00"),  # 5 h: late
        ]
    ):
        status = "Accepted" if i % 2 == 0 else "Rejected"
        rows.append([str(i), f"{day} {hand}", f"{day} {contact}", "1", status, "Student", f"{day} {contact}"])
    path = _export(tmp_path, rows)
    expected = _independent_by_month(path, 4)
    table = read_table(path)
    contact_clause, decision = sales_follow_up(table, MAPPING, 4, 24, date(2027, 1, 1), date(2027, 3, 31))
    months = {m["month"]: m for m in contact_clause["months"]}
    assert list(months) == ["2027-01", "2027-02", "2027-03"]
    for key, (mqls, within, median) in expected.items():
        assert (months[key]["mqls"], months[key]["within"], months[key]["median_hours"]) == (
            mqls,
            within,
            median,
        )
    assert months["2027-01"]["verdict"] == MISSED  # 2 of 3: below 90 %
    assert months["2027-02"] == {**months["2027-02"], "mqls": 0, "verdict": NO_DATA, "median_hours": None}
    decided = {m["month"]: m for m in decision["months"]}
    assert (decided["2027-01"]["accepted"], decided["2027-01"]["rejected"]) == (2, 1)
    assert (decided["2027-03"]["accepted"], decided["2027-03"]["rejected"]) == (1, 1)
    assert decided["2027-03"]["verdict"] == MET  # decided within 3 and 5 hours of a 24-hour limit
    assert decided["2027-02"]["verdict"] == NO_DATA
    text = "\n".join(describe_clause(contact_clause))
    assert "2027-02: no data" in text
    assert "2027-01: missed — 67% within 4.0 h" in text
