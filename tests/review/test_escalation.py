"""The escalation clause: runs of missed weeks, worked out by hand on a made-up export."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from workshop.leads.reader import read_table
from workshop.review.escalation import escalations, weeks_in
from workshop.review.scorecard import MET, MISSED, NO_DATA

MAPPING = {"handoff": "MQL Date", "created": "Created", "crm_mql": "Stage", "first_contact": "First Contact"}
# Weeks of 2027: Mondays 4, 11, 18, 25 January. 52 MQLs a month = 12 a week.
DELIVERED = {date(2027, 1, 4): 12, date(2027, 1, 11): 5, date(2027, 1, 18): 6, date(2027, 1, 25): 13}


def _export(tmp_path: Path, late_weeks: set[date]) -> Path:
    path = tmp_path / "crm.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Created", "MQL Date", "Stage", "First Contact"])
        for monday, count in DELIVERED.items():
            for i in range(count):
                day = monday + timedelta(days=i % 5)
                contact = day + timedelta(days=2) if monday in late_weeks and i == 0 else day
                writer.writerow(
                    [day.isoformat(), f"{day.isoformat()} 10:00", "MQL", f"{contact.isoformat()} 11:00"]
                )
            writer.writerow([monday.isoformat(), "", "Lead", ""])  # not an MQL: not counted
    return path


def test_two_missed_weeks_in_a_row_trigger_marketing(tmp_path: Path) -> None:
    table = read_table(_export(tmp_path, set()))
    result = escalations(table, MAPPING, None, 52, 4, 2, date(2027, 1, 1), date(2027, 1, 31))
    assert [w["mqls"] for w in result["weeks"]] == list(DELIVERED.values())
    assert [w["marketing_missed"] for w in result["weeks"]] == [False, True, True, False]
    assert result["triggered"]["marketing"] == [{"from": "2027-01-11", "to": "2027-01-24", "weeks": 2}]
    assert result["triggered"]["sales"] == []
    assert result["period"]["verdict"] == MISSED


def test_late_first_contacts_mark_sales_weeks(tmp_path: Path) -> None:
    table = read_table(_export(tmp_path, {date(2027, 1, 4), date(2027, 1, 18)}))
    result = escalations(table, MAPPING, None, 20, 4, 2, date(2027, 1, 1), date(2027, 1, 31))
    assert [w["sales_missed"] for w in result["weeks"]] == [True, False, True, False]
    assert result["triggered"]["sales"] == []  # never two in a row
    single = escalations(table, MAPPING, None, 20, 4, 1, date(2027, 1, 1), date(2027, 1, 31))
    assert len(single["triggered"]["sales"]) == 2


def test_no_agreed_weeks_or_no_whole_week_is_no_data(tmp_path: Path) -> None:
    table = read_table(_export(tmp_path, set()))
    unset = escalations(table, MAPPING, None, 52, 4, None, date(2027, 1, 1), date(2027, 1, 31))
    assert unset["period"]["verdict"] == NO_DATA
    short = escalations(table, MAPPING, None, 52, 4, 2, date(2027, 1, 5), date(2027, 1, 9))
    assert short["period"]["verdict"] == NO_DATA
    assert any("no whole week" in why for why in short["cannot"])
    assert weeks_in(date(2027, 1, 1), date(2027, 1, 31)) == list(DELIVERED)


def test_a_month_of_met_weeks_is_met(tmp_path: Path) -> None:
    table = read_table(_export(tmp_path, set()))
    result = escalations(table, MAPPING, None, 20, 4, 2, date(2027, 1, 1), date(2027, 1, 31))
    assert result["period"]["verdict"] == MET


def test_the_escalation_names_the_teams_as_the_workshop_does(tmp_path: Path) -> None:
    from workshop.review.scorecard import describe_clause

    table = read_table(_export(tmp_path, {date(2027, 1, 4), date(2027, 1, 11)}))
    names = {"sales": "Field Sales", "marketing": "Growth"}
    result = escalations(table, MAPPING, None, 52, 4, 2, date(2027, 1, 1), date(2027, 1, 31), None, names)
    text = "\n".join(describe_clause(result))
    assert "Growth missed 2 weeks in a row: 2027-01-11 to 2027-01-24" in text
    assert "Field Sales missed 2 weeks in a row: 2027-01-04 to 2027-01-17" in text
    assert "Marketing missed" not in text and "  Sales missed" not in text
    renamed = "\n".join(describe_clause(result, {"sales": "Closers"}))
    assert "Closers missed 2 weeks" in renamed
