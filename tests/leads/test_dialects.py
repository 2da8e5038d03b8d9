"""Hand-made CRM exports of each dialect, scored from the command line.

Every expected figure below was worked out by hand from the rows in the test (the points of
each row are noted beside it), never by the app's own readers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workshop.cli import main

# A lead with Score >= 2.5 earns 20, with Visits >= 1000 another 20; a blank Lead Source
# costs 10. MQL at 20 points.
DEFINITION = {
    "threshold": 20,
    "fit": [{"field": "Score", "operator": "at_least", "min": 2.5, "points": 20}],
    "engagement": [{"field": "Visits", "operator": "at_least", "min": 1000, "points": 20}],
    "negative": [{"field": "Lead Source", "operator": "is_empty", "points": 10}],
}


def score(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, *extra: str) -> dict[str, Any]:
    (tmp_path / "d.json").write_text(json.dumps(DEFINITION), encoding="utf-8")
    (tmp_path / "leads.csv").write_bytes(data)
    code = main(
        ["score-leads", str(tmp_path / "leads.csv"), "--definition", str(tmp_path / "d.json"), *extra]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    result: dict[str, Any] = json.loads(captured.out) if "--json" in extra else {"text": captured.out}
    return result


def figures(result: dict[str, Any]) -> tuple[int, ...]:
    keys = ("leads", "bad_rows", "qualified", "converted")
    return tuple(result[k] for k in keys)


# Semicolons with decimal POINTS (R's write.csv2 is not the only source of semicolons).
# Score has 4.12, -0.1 and 0.5: a decimal point. Visits decides nothing by itself
# (1.500 and 1.313 could be either) and follows the file: 1.5 and 1.313.
SEMICOLON_POINT = (
    "Lead Source;Score;Visits;Converted\n"
    "Web;1.313;1.500;yes\n"  # 1.313 < 2.5, 1.5 < 1000: 0 points, converted
    "Web;4.12;2000;yes\n"  # 20 + 20 = 40: MQL, converted
    "Fair;-0.1;1200;no\n"  # 0 + 20 = 20: MQL
    ";2.5;10;no\n"  # 20 - 10 = 10
    "Web;3.000;999;no\n"  # 3.0: 20: MQL
    "Web;0.5;1.313;yes\n"  # 0 points, converted
)


def test_semicolons_with_decimal_points(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = score(tmp_path, capsys, SEMICOLON_POINT.encode(), "--json")
    assert figures(result) == (6, 0, 3, 3)
    assert result["mql_conversion"] == pytest.approx(1 / 3)  # one of the 3 MQLs converted
    assert result["other_conversion"] == pytest.approx(2 / 3)
    assert result["lift"] == pytest.approx((1 / 3) / (3 / 6))
    assert result["recall"] == pytest.approx(1 / 3)
    readings = result["number_readings"]
    assert readings["Score"]["decimal"] == "point" and readings["Score"]["how"] == "evidence"
    assert readings["Visits"]["decimal"] == "point" and readings["Visits"]["how"] == "file"
    assert readings["Visits"]["example"] == "1.500 → 1.5"


def test_the_decimal_can_be_chosen_for_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Read with a decimal comma, 4.12, -0.1, 2.5 and 0.5 are not numbers: four rows are bad,
    # and 1.313 is 1313, 1.500 1500, 3.000 3000.
    result = score(tmp_path, capsys, SEMICOLON_POINT.encode(), "--json", "--decimal", "comma")
    # left: row 1 (1313 + 1500: 40, converted), row 5 (3000: 20)
    assert figures(result) == (2, 4, 2, 1)
    (bad,) = result["bad_reasons"]
    assert bad["reason"] == "“Score” is not a number (read with a decimal comma)"
    assert bad["count"] == 4 and bad["lines"] == [3, 4, 5, 7]
    assert bad["examples"] == ["4.12", "-0.1", "2.5"]


SEMICOLON_COMMA = (
    "Lead Source;Score;Visits;Converted\n"
    "Web;1,5;1.500;yes\n"  # 1.5: 0; 1500: 20 -> MQL, converted
    "Web;2,75;999;no\n"  # 20 -> MQL
    ";12,5;1.234,5;no\n"  # -10 + 20 + 20 = 30 -> MQL
    "Web;0,25;2.000;yes\n"  # 2000: 20 -> MQL, converted
    "Web;1.234;10;yes\n"  # 1234: 20 -> MQL, converted
    "Fair;2;5;no\n"  # 0
)


def test_semicolons_with_decimal_commas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = score(tmp_path, capsys, SEMICOLON_COMMA.encode(), "--json")
    assert figures(result) == (6, 0, 5, 3)
    assert result["mql_conversion"] == pytest.approx(3 / 5)
    assert result["other_conversion"] == 0
    assert result["lift"] == pytest.approx((3 / 5) / (3 / 6))
    assert result["recall"] == 1
    assert result["number_readings"]["Visits"]["example"] == "1.500 → 1500"


COMMA_THOUSANDS = (
    "Lead Source,Score,Visits,Outcome\n"
    'Web,2.5,"1,200",Won\n'  # 20 + 20: MQL, won
    'Web,1.75,"12,000",Lost\n'  # 20: MQL
    ",3.25,950,Lost\n"  # -10 + 20 = 10
    'Fair,0.5,"1,000",Won\n'  # 20: MQL, won
    'Web,"1,234.5",80,Open\n'  # an open deal: left out
    "Web,2,1000.5,Won\n"  # 20: MQL, won
)


def test_commas_with_thousands_separators_and_open_deals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = score(tmp_path, capsys, COMMA_THOUSANDS.encode(), "--json")
    assert figures(result) == (5, 0, 4, 3)
    assert result["mql_conversion"] == pytest.approx(3 / 4)
    assert result["other_conversion"] == 0
    assert result["left_out"] == {"Open": 1}  # counted by value, not a bad row
    assert result["outcomes"] == {"column": "Outcome", "won": ["Won"], "lost": ["Lost"]}


def test_outcome_values_chosen_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "Open" counted as not converted, as a team may decide for an old export
    result = score(tmp_path, capsys, COMMA_THOUSANDS.encode(), "--json", "--won", "won")
    assert figures(result) == (6, 0, 5, 3)  # row 5: 0 points (Score 1234.5 is 20!) -> see below
    # row 5: Score 1,234.5 = 1234.5 >= 2.5: 20 points, an MQL that did not convert
    assert result["mql_conversion"] == pytest.approx(3 / 5)
    assert result["left_out"] == {}


TAB_UTF16 = (
    "Lead Source\tScore\tVisits\tLifecycle Stage\n"
    "Web\t3\t1500\tcustomer\n"  # 40: MQL, converted
    "\t3\t10\tlead\n"  # 10: not converted
    "Events\t1\t1000\tsalesqualifiedlead\n"  # 20: MQL, not converted
    "Web\t2.5\t0\tevangelist\n"  # 20: MQL, converted
    "Web\t9\t9\topportunity\n"  # open: left out
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_tabs_with_hubspot_lifecycle_stages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    result = score(tmp_path, capsys, TAB_UTF16.encode(encoding), "--json")
    assert figures(result) == (4, 0, 3, 2)
    assert result["left_out"] == {"opportunity": 1}
    assert result["outcomes"]["column"] == "Lifecycle Stage"


CP1252 = (
    "Lead Source;Score;Visits;Lead Status;Notes\r\n"
    "Salon Café;2,5;€ 1.000;Closed - Converted;Très bien\r\n"  # 40: MQL, converted
    "Salon Café;1,5;€ 999,99;Closed - Not Converted;\r\n"  # 0
    "Web;3;€ 50;Open - Not Contacted;\r\n"  # left out
    "Web;7;€ 1.200;Closed - Not Converted;déjà vu\r\n"  # 40: MQL
)


def test_windows_1252_with_salesforce_lead_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = score(tmp_path, capsys, CP1252.encode("cp1252"), "--json")
    assert figures(result) == (3, 0, 2, 1)
    assert result["mql_conversion"] == 0.5 and result["recall"] == 1
    assert result["left_out"] == {"Open - Not Contacted": 1}


def test_an_undecidable_column_is_flagged_not_guessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"Lead Source;Score;Visits;Converted\nWeb;3;1.500;1\nWeb;3;2.250;0\n"
    (tmp_path / "d.json").write_text(json.dumps(DEFINITION), encoding="utf-8")
    (tmp_path / "leads.csv").write_bytes(data)
    args = ["score-leads", str(tmp_path / "leads.csv"), "--definition", str(tmp_path / "d.json"), "--json"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "“Visits” (1.500)" in err and "--decimal point or --decimal comma" in err
    assert main([*args, "--decimal", "comma"]) == 0
    assert figures(json.loads(capsys.readouterr().out)) == (2, 0, 2, 1)  # 1500 and 2250: both MQLs
    assert main([*args, "--decimal", "point"]) == 0
    assert figures(json.loads(capsys.readouterr().out)) == (2, 0, 2, 1)  # Score 3: both MQLs too


def test_unmapped_fields_stop_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = b"Source,Score,Converted\nWeb,3,1\n,1,0\n"  # no Visits column
    (tmp_path / "d.json").write_text(json.dumps(DEFINITION), encoding="utf-8")
    (tmp_path / "leads.csv").write_bytes(data)
    args = ["score-leads", str(tmp_path / "leads.csv"), "--definition", str(tmp_path / "d.json")]
    assert main(args) == 1
    assert "not mapped to a column of the file: Visits" in capsys.readouterr().err
    assert main([*args, "--allow-unmapped", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["partial"] and result["unmapped"] == ["Visits"]
    # Source (an alias of Lead Source) is mapped: row 2 is blank there but earns nothing
    assert figures(result) == (2, 0, 1, 1)
    assert main([*args, "--allow-unmapped"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("PARTIAL FIGURES")
    assert "MQL conversion:    100.0% (partial)" in text and "Lift:              2.00× (partial)" in text


@pytest.mark.parametrize(
    "name",
    [
        "Converted",
        "IsConverted",
        "won",
        "y",
        "outcome",
        "deal_stage",
        "Stage",
        "Lifecycle Stage",
        "Lead Status",
    ],
)
def test_the_outcome_column_is_found_by_its_usual_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data = f"Lead Source,Score,Visits,{name}\nWeb,3,1000,Won\nWeb,1,1,Lost\n".encode()
    result = score(tmp_path, capsys, data, "--json")
    assert result["outcomes"]["column"] == name
    assert figures(result) == (2, 0, 1, 1)


def test_bad_rows_are_summarised_by_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"Web,abc,{i},yes\n" for i in range(8)) + "Web,3,1\nWeb,3,1000,no\n"
    result = score(tmp_path, capsys, f"Lead Source,Score,Visits,Converted\n{rows}".encode(), "--json")
    assert figures(result) == (1, 9, 1, 0)
    assert [(b["reason"], b["count"], b["lines"]) for b in result["bad_reasons"]] == [
        ("“Score” is not a number (read with a decimal point)", 8, [2, 3, 4, 5, 6]),
        ("3 cells where the header has 4", 1, [10]),
    ]


# Day-first dates (25/03 can only be the 25th of March), a sales cycle of 30 days before the
# newest lead (30/04/2027): leads created after 31/03/2027 have not had time to convert.
COHORTS = (
    "Lead Source,Score,Visits,Converted,Created Date\n"
    "Web,3,1000,yes,02/03/2027 09:15\n"  # 2 March: 40 points, converted
    "Web,3,10,no,25/03/2027 17:00\n"  # 25 March: 20, MQL
    "Web,1,10,yes,31/03/2027 08:00\n"  # 31 March, exactly 30 days before: kept; 0 points
    "Web,3,1000,no,01/04/2027 10:00\n"  # 1 April: too young, left out
    "Web,3,1000,no,30/04/2027 12:00\n"  # 30 April, the newest: too young
    "Web,1,1,no,\n"  # no date: kept (its age is unknown); 0 points
)


def test_fair_cohorts_leave_out_leads_younger_than_the_sales_cycle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = score(tmp_path, capsys, COHORTS.encode(), "--json", "--sales-cycle-days", "30")
    assert figures(result) == (4, 0, 2, 2)
    assert result["mql_conversion"] == 0.5 and result["recall"] == 0.5
    assert result["cohort"] == {
        "column": "Created Date",
        "cycle_days": 30,
        "dates": "day first",
        "newest": "2027-04-30",
        "too_young": 2,
        "undated": 1,
    }
    text = score(tmp_path, capsys, COHORTS.encode(), "--sales-cycle-days", "30")["text"]
    assert "2 leads created after 2027-03-31 left out" in text
    assert "day/month/year; 25/03/2027 17:00 → 2027-03-25" in text


def test_month_first_dates_are_read_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = COHORTS.replace("02/03/2027", "03/02/2027").replace("25/03", "03/25").replace("31/03", "03/31")
    data = data.replace("01/04/2027", "04/01/2027").replace("30/04", "04/30")
    result = score(tmp_path, capsys, data.encode(), "--json", "--sales-cycle-days", "30")
    assert result["cohort"]["dates"] == "month first" and result["cohort"]["too_young"] == 2
    assert figures(result) == (4, 0, 2, 2)
    # only 01/02-style dates: nothing decides; the user says which
    undecided = (
        "Lead Source,Score,Visits,Converted,Created Date\nWeb,3,1,yes,01/02/2027\nWeb,3,1,no,03/04/2027\n"
    )
    result = score(
        tmp_path, capsys, undecided.encode(), "--json", "--sales-cycle-days", "30", "--dates", "day-first"
    )
    assert result["cohort"]["newest"] == "2027-04-03" and result["cohort"]["too_young"] == 1
    result = score(
        tmp_path, capsys, undecided.encode(), "--json", "--sales-cycle-days", "30", "--dates", "month-first"
    )
    assert result["cohort"]["newest"] == "2027-03-04" and result["cohort"]["too_young"] == 1
