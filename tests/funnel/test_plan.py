"""The workshop's funnel as typed: numbers people type, messages per field, quota, export, CLI."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction

import pytest

from workshop.cli import main
from workshop.demo.content import demo_content
from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.funnel.plan import funnel_plan, marketing_mql_quota, parse_amount, period_label
from workshop.model import FunnelSettings
from workshop.report.json_export import workshop_json

BASIC = FunnelSettings(revenue_target="1,000,000", other_revenue="100k", deal_size="€25,000", cycle_days="0",
                       visitor_lead="2", lead_mql="20%", mql_sql="40", sql_won="25")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,200,000", 1_200_000), ("1.2m", 1_200_000), ("€250k", 250_000), (" 18 000 ", 18_000),
     ("2.5", Fraction(5, 2)), ("-5", -5), ("3bn", 3 * 10**9)],
)  # fmt: skip
def test_amounts_as_people_type_them(text: str, value: Fraction) -> None:
    assert parse_amount(text, "Target") == value


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "12e5", "NaN", "inf", "9" * 60, "🙂", "١٢٣"])
def test_what_is_not_a_number_gets_a_message(text: str) -> None:
    message = parse_amount(text, "Target")
    assert isinstance(message, str) and message.startswith("Target:")


def test_the_plan_matches_the_hand_calculation() -> None:
    plan = funnel_plan(BASIC)
    assert plan.errors == {}
    assert plan.result is not None
    assert plan.result.period == {"visitor": 90_000, "lead": 1_800, "mql": 360, "sql": 144, "won": 36}
    assert plan.mql_quota() == 120


def test_each_bad_field_has_its_own_message() -> None:
    bad = FunnelSettings(revenue_target="-1", deal_size="0", visitor_lead="0", lead_mql="150", mql_sql="x",
                         sql_won="25", cycle_days="2.5")  # fmt: skip
    plan = funnel_plan(bad)
    assert plan.result is None
    assert "cannot be negative" in plan.errors["revenue_target"]
    assert "more than 0" in plan.errors["deal_size"]
    assert "0% means nobody moves on" in plan.errors["visitor_lead"]
    assert "above 100%" in plan.errors["lead_mql"]
    assert "not a number" in plan.errors["mql_sql"]
    assert "whole days" in plan.errors["cycle_days"]


def test_the_period_names_its_months() -> None:
    settings = FunnelSettings(period_start="2027-07-01", cycle_days="30")
    plan = funnel_plan(settings)
    assert period_label(settings) == "Q3 2027"
    assert [plan.month_label(m) for m in (0, 1, 3)] == ["Jun 2027", "Jul 2027", "Sep 2027"]
    year = FunnelSettings(period="year", period_start="2027-11-01")
    assert period_label(year) == "Year from Nov 2027"
    assert funnel_plan(year).month_label(12) == "Oct 2028"


def test_the_demo_funnel_is_marketings_quota_and_is_exported() -> None:
    content = demo_content(date(2027, 6, 1))
    # 548 MQLs (see test_funnel) over 3 months: 183, 183, 182; the SLA takes the busiest month.
    assert marketing_mql_quota(content) == 183
    funnel = workshop_json(content)["funnel"]
    assert funnel["period_label"] == "Q3 2027"
    assert funnel["result"]["period"]["mql"] == 548
    assert funnel["result"]["months"][0]["label"] == "May 2027"  # 45-day cycle: two months earlier
    assert funnel["marketing_mql_quota_per_month"] == 183
    assert {q["what"] for q in workshop_json(content)["quotas"]} >= {"blog posts", "calls"}


def test_an_edit_to_the_funnel_is_saved_and_undoable(document: WorkshopDocument) -> None:
    settings = document.typed(FunnelSettings)[0]
    document.apply("Change deal size", [Update.of(settings, deal_size="0")])
    assert marketing_mql_quota(document) is None
    reopened = WorkshopDocument.open(document.path, read_only=True)
    assert reopened.typed(FunnelSettings)[0].deal_size == "0"
    reopened.close()
    document.undo()
    assert marketing_mql_quota(document) == 183


def test_cli_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["funnel", "--revenue", "90000", "--deal-size", "10000", "--rate", "visitor-lead=0.03",
            "--rate", "lead-mql=0.3", "--rate", "mql-sql=0.3", "--rate", "sql-won=0.3", "--json"]  # fmt: skip
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == {"visitor": 11_134, "lead": 334, "mql": 100, "sql": 30, "won": 9}
    assert [m["mql"] for m in data["months"]] == [34, 33, 33]
    assert data["months"][0]["month"] == 1


def test_cli_with_sal_and_a_sales_cycle(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["funnel", "--revenue", "1200000", "--other-revenue", "350000", "--deal-size", "18000",
            "--rate", "visitor-lead=0.022", "--rate", "lead-mql=0.28", "--rate", "mql-sal=0.8",
            "--rate", "sal-sql=0.5", "--rate", "sql-won=0.22", "--cycle-days", "30"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "SALs" in out and "89,000" in out and "1 month(s) earlier" in out
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"]["sal"] == 438
    assert [m["month"] for m in data["months"]] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("rate", "words"),
    [("sql-won=0", "above 0 and at most 1"), ("sql-won=1.5", "above 0 and at most 1"),
     ("sql-won=abc", "must be a number"), ("won=0.2", "expected STEP=X")],
)  # fmt: skip
def test_cli_refuses_a_bad_rate_on_one_line(
    rate: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["funnel", "--revenue", "1000", "--deal-size", "10", "--rate", "visitor-lead=0.02",
            "--rate", "lead-mql=0.2", "--rate", "mql-sql=0.4", "--rate", rate]  # fmt: skip
    assert main(args) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_cli_names_missing_rates_and_bad_amounts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["funnel", "--revenue", "1000", "--deal-size", "10", "--rate", "visitor-lead=0.02"]) == 1
    assert "missing --rate lead-mql=X, --rate mql-sql=X, --rate sql-won=X" in capsys.readouterr().err
    rates = [
        "--rate",
        "visitor-lead=0.02",
        "--rate",
        "lead-mql=0.2",
        "--rate",
        "mql-sql=0.4",
        "--rate",
        "sql-won=0.25",
    ]
    assert main(["funnel", "--revenue", "-5", "--deal-size", "0", *rates]) == 1
    err = capsys.readouterr().err
    assert "cannot be negative" in err and "more than 0" in err and err.count("\n") == 1
