"""MQL to SQL and to won by monthly cohort, the young cohorts marked, each rate worked out with ``csv``."""

from __future__ import annotations

import csv
import random
from datetime import date
from fractions import Fraction
from pathlib import Path

from workshop.leads.reader import read_table
from workshop.model import FunnelSettings
from workshop.review.cohorts import FunnelRates, conversion_cohorts, funnel_rates
from workshop.review.scorecard import MET, MISSED, NO_DATA

MAPPING = {"handoff": "MQL Date", "crm_mql": "Stage"}
STAGES = ["Lead", "MQL", "SQL", "Opportunity", "Customer"]


def _export(tmp_path: Path) -> Path:
    rng = random.Random(11)
    path = tmp_path / "crm.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["MQL Date", "Stage"])
        for _ in range(400):
            writer.writerow([f"2027-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}", rng.choice(STAGES)])
    return path


def _by_hand(path: Path) -> dict[str, tuple[int, int, int]]:
    out: dict[str, list[int]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Stage"] == "Lead":
                continue
            counts = out.setdefault(row["MQL Date"][:7], [0, 0, 0])
            counts[0] += 1
            counts[1] += row["Stage"] in ("SQL", "Opportunity", "Customer")
            counts[2] += row["Stage"] == "Customer"
    return {k: (a, b, c) for k, (a, b, c) in out.items()}


def test_each_cohort_and_which_are_too_young(tmp_path: Path) -> None:
    path = _export(tmp_path)
    rates = FunnelRates(Fraction(1, 2), Fraction(1, 5), 45)
    result = conversion_cohorts(read_table(path), MAPPING, rates, date(2027, 1, 1), date(2027, 4, 30))
    expected = _by_hand(path)
    assert [c["month"] for c in result["cohorts"]] == sorted(expected)
    for cohort in result["cohorts"]:
        assert (cohort["mqls"], cohort["sqls"], cohort["won"]) == expected[cohort["month"]]
    # a 45-day cycle: January and February ended long enough before 30 April; March and April did not
    assert [c["comparable"] for c in result["cohorts"]] == [True, True, False, False]
    old = [expected["2027-01"], expected["2027-02"]]
    assert result["actual"]["mql_sql"] == sum(o[1] for o in old) / sum(o[0] for o in old)
    # about 3/4 of MQLs reach SQL against a plan of 1/2; about 1/3 of SQLs are won against 1/5
    assert result["period"]["verdict"] == MET


def test_below_plan_is_missed_and_without_rates_no_data(tmp_path: Path) -> None:
    path = _export(tmp_path)
    high = FunnelRates(Fraction(9, 10), Fraction(9, 10), 0)
    result = conversion_cohorts(read_table(path), MAPPING, high, date(2027, 1, 1), date(2027, 4, 30))
    assert result["period"]["verdict"] == MISSED
    none = funnel_rates(FunnelSettings(mql_sql="", sql_won="", use_sal=False, use_opportunity=False))
    result = conversion_cohorts(read_table(path), MAPPING, none, date(2027, 1, 1), date(2027, 4, 30))
    assert result["period"]["verdict"] == NO_DATA
    assert any("no MQL to SQL or SQL to won rate" in why for why in result["cannot"])


def test_without_a_stage_column_it_says_so(tmp_path: Path) -> None:
    path = _export(tmp_path)
    rates = FunnelRates(Fraction(1, 2), Fraction(1, 5), 45)
    result = conversion_cohorts(
        read_table(path), {"handoff": "MQL Date"}, rates, date(2027, 1, 1), date(2027, 4, 30)
    )
    assert result["cohorts"] == []
    assert result["period"]["verdict"] == NO_DATA
    assert any("lifecycle stage" in why for why in result["cannot"])


def test_the_funnels_rates_through_sal_and_opportunity() -> None:
    settings = FunnelSettings(
        mql_sal="80",
        sal_sql="50",
        sql_opportunity="50",
        opportunity_won="40",
        cycle_days="30",
        use_sal=True,
        use_opportunity=True,
    )
    rates = funnel_rates(settings)
    assert rates == FunnelRates(Fraction(2, 5), Fraction(1, 5), 30)


def test_a_time_with_an_offset_joins_the_cohort_of_the_workshops_month(tmp_path: Path) -> None:
    from zoneinfo import ZoneInfo

    path = tmp_path / "crm.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["MQL Date", "Stage"])
        writer.writerow(["2027-01-31T23:30:00Z", "SQL"])  # 1 February, 00:30 in Berlin
        writer.writerow(["2027-01-10T10:00:00+01:00", "MQL"])
    rates = funnel_rates(FunnelSettings(cycle_days="30"))
    table = read_table(path)
    berlin = conversion_cohorts(
        table, MAPPING, rates, date(2027, 1, 1), date(2027, 6, 30), ZoneInfo("Europe/Berlin")
    )
    assert [(c["month"], c["mqls"], c["sqls"]) for c in berlin["cohorts"]] == [
        ("2027-01", 1, 0),
        ("2027-02", 1, 1),
    ]
    utc = conversion_cohorts(table, MAPPING, rates, date(2027, 1, 1), date(2027, 6, 30), ZoneInfo("UTC"))
    assert [(c["month"], c["mqls"], c["sqls"]) for c in utc["cohorts"]] == [("2027-01", 2, 1)]
