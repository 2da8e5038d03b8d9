"""The MQL clause against hand-made CRM exports, each figure worked out again with ``csv``."""

from __future__ import annotations

import csv
import random
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from workshop.leads.definition import definition_from_json
from workshop.leads.reader import read_table
from workshop.review.scorecard import CLOSE, MET, MISSED, NO_DATA, month_target, mql_delivery, verdict

DEFINITION = definition_from_json(
    {
        "threshold": 50,
        "fit": [
            {"field": "Job Title", "operator": "contains", "value": "director", "points": 30},
            {"field": "Employees", "operator": "at_least", "min": 50, "points": 30},
        ],
    }
)
STAGES = ["Lead", "MQL", "SQL", "Opportunity", "Customer", "Subscriber"]
TITLES = ["Director of IT", "Engineer", "Sales Director", "Intern", "CTO"]
MAPPING = {
    "handoff": "MQL Date",
    "created": "Created",
    "crm_mql": "Lifecycle Stage",
    "Job Title": "Job Title",
    "Employees": "Employees",
}


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Id", "Created", "MQL Date", "Lifecycle Stage", "Job Title", "Employees"])
        writer.writerows(rows)
    return path


def _export(tmp_path: Path, seed: int = 7) -> Path:
    """Leads in January and March 2027 only (February has none), some undated or outside."""
    rng = random.Random(seed)
    rows = []
    for i in range(300):
        month = rng.choice([1, 3, 3, 4])  # April is outside a Jan..Mar period
        day = rng.randint(1, 28)
        handoff = f"2027-{month:02d}-{day:02d} {rng.randint(8, 18):02d}:15" if rng.random() < 0.8 else ""
        created = f"2027-{month:02d}-{max(1, day - 3):02d}" if rng.random() < 0.9 else ""
        employees = f"{rng.choice([5, 49, 50, 1200, 25000]):,}"
        rows.append([str(i), created, handoff, rng.choice(STAGES), rng.choice(TITLES), employees])
    return _write(tmp_path / "crm.csv", rows)


def _expected(path: Path, start: date, end: date) -> tuple[Counter[str], Counter[str], Counter[str], int]:
    rows, by_crm, by_definition = Counter[str](), Counter[str](), Counter[str]()
    disagreements = 0
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = row["MQL Date"][:10] or row["Created"][:10]
            if not text:
                continue
            day = date.fromisoformat(text)
            if not start <= day <= end:
                continue
            month = text[:7]
            crm = row["Lifecycle Stage"] in ("MQL", "SQL", "Opportunity", "Customer")
            meets = "director" in row["Job Title"].lower() and int(row["Employees"].replace(",", "")) >= 50
            rows[month] += 1
            by_crm[month] += crm
            by_definition[month] += meets
            disagreements += crm != meets
    return rows, by_crm, by_definition, disagreements


def test_each_month_counts_by_crm_and_by_definition_with_the_disagreements(tmp_path: Path) -> None:
    path = _export(tmp_path)
    start, end = date(2027, 1, 1), date(2027, 3, 31)
    rows, by_crm, by_definition, disagreements = _expected(path, start, end)
    result = mql_delivery(read_table(path), MAPPING, DEFINITION, 20, start, end)

    months = {m["month"]: m for m in result["months"]}
    assert list(months) == ["2027-01", "2027-02", "2027-03"]
    for key in months:
        assert months[key]["rows"] == rows[key]
        assert months[key]["by_crm"] == by_crm[key]
        assert months[key]["by_definition"] == by_definition[key]
        assert months[key]["target"] == 20
        assert months[key]["verdict"] == verdict(by_definition[key], 20, rows[key])
    assert months["2027-02"]["verdict"] == NO_DATA  # no lead at all that month
    assert result["period"]["target"] == 60
    assert result["period"]["by_definition"] == sum(by_definition.values())
    assert result["disagreement_count"] == disagreements > 0
    listed = result["disagreements"]
    assert all(d["crm_mql"] != d["meets_definition"] for d in listed)
    assert result["basis"] == "definition"


def test_without_a_crm_flag_column_only_the_definition_counts_and_says_so(tmp_path: Path) -> None:
    path = _export(tmp_path, seed=3)
    start, end = date(2027, 1, 1), date(2027, 1, 31)
    _rows, _crm, by_definition, _d = _expected(path, start, end)
    mapping = {k: v for k, v in MAPPING.items() if k != "crm_mql"}
    result = mql_delivery(read_table(path), mapping, DEFINITION, 1000, start, end)
    january = result["months"][0]
    assert january["by_crm"] is None
    assert january["by_definition"] == by_definition["2027-01"]
    assert january["verdict"] == MISSED
    assert result["disagreements"] == []


def test_without_a_definition_the_crm_flag_counts(tmp_path: Path) -> None:
    path = _export(tmp_path, seed=5)
    start, end = date(2027, 3, 1), date(2027, 3, 31)
    _rows, by_crm, _def, _d = _expected(path, start, end)
    result = mql_delivery(read_table(path), MAPPING, None, by_crm["2027-03"], start, end)
    assert result["basis"] == "crm"
    assert result["period"]["verdict"] == MET
    assert result["period"]["by_definition"] is None


def test_no_date_column_and_no_commitment_give_no_data_with_reasons(tmp_path: Path) -> None:
    path = _export(tmp_path)
    start, end = date(2027, 1, 1), date(2027, 3, 31)
    mapping = {"crm_mql": "Lifecycle Stage"}
    result = mql_delivery(read_table(path), mapping, None, None, start, end)
    assert result["period"]["verdict"] == NO_DATA
    assert all(m["verdict"] == NO_DATA for m in result["months"])
    text = " ".join(result["cannot"])
    assert "hand-off or created date" in text
    assert "no agreed number of MQLs per month" in text


def test_definition_fields_missing_from_the_export_are_named(tmp_path: Path) -> None:
    path = _export(tmp_path)
    mapping = {k: v for k, v in MAPPING.items() if k != "Employees"}
    result = mql_delivery(read_table(path), mapping, DEFINITION, 10, date(2027, 1, 1), date(2027, 1, 31))
    assert any("Employees" in line for line in result["cannot"])
    assert result["period"]["by_definition"] == 0  # the size rule can never fire


def test_verdicts_and_part_months() -> None:
    assert verdict(20, 20, 5) == MET
    assert verdict(18, 20, 5) == CLOSE
    assert verdict(17, 20, 5) == MISSED
    assert verdict(0, 20, 0) == NO_DATA
    assert verdict(5, None, 5) == NO_DATA
    # 15 of January's 31 days: 31 MQLs a month -> 15
    assert month_target(31, 2027, 1, date(2027, 1, 17), date(2027, 3, 31)) == 15
    assert month_target(28, 2027, 2, date(2027, 1, 1), date(2027, 2, 14)) == 14


def test_a_period_that_ends_before_it_starts_is_refused(tmp_path: Path) -> None:
    path = _export(tmp_path)
    with pytest.raises(ValueError, match="before it starts"):
        mql_delivery(read_table(path), MAPPING, None, 10, date(2027, 3, 1), date(2027, 1, 1))
