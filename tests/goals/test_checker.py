"""The SMART/FAST checker on the cases the issue names: deadlines, numbers in words, vocabulary."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from workshop.goals.checker import SMART_KEYS, check_goal, check_statement, resolve_deadline
from workshop.goals.deadlines import find_deadlines, main_deadline
from workshop.goals.numbers import find_quantities, words_to_digits
from workshop.model import Goal

TODAY = date(2027, 6, 1)  # a Tuesday in Q2


def status(text: str, key: str, today: date = TODAY) -> str:
    return check_statement(text, today).smart[key].status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by 30 September", "2027-09-30"),
        ("by September 30th, 2027", "2027-09-30"),
        ("by 2027-09-30", "2027-09-30"),
        ("by 9/30/2027", "2027-09-30"),
        ("by 30/09/2027", "2027-09-30"),
        ("by the end of July", "2027-07-31"),
        ("in March", "2028-03-31"),
        ("Q3", "2027-09-30"),
        ("end of Q3", "2027-09-30"),
        ("Q1", "2028-03-31"),
        ("Q3 2028", "2028-09-30"),
        ("Q4 FY27", "2027-12-31"),
        ("the third quarter", "2027-09-30"),
        ("FY2027", "2027-12-31"),
        ("FY28", "2028-12-31"),
        ("end of the fiscal year", "2027-12-31"),
        ("H2", "2027-12-31"),
        ("the first half of 2028", "2028-06-30"),
        ("within 90 days", "2027-08-30"),
        ("in six months", "2027-12-01"),
        ("over the next 12 weeks", "2027-08-24"),
        ("within a year", "2028-06-01"),
        ("next quarter", "2027-09-30"),
        ("this quarter", "2027-06-30"),
        ("by the end of the quarter", "2027-06-30"),
        ("this year", "2027-12-31"),
        ("next year", "2028-12-31"),
        ("by year end", "2027-12-31"),
        ("before the new year", "2027-12-31"),
        ("next month", "2027-07-31"),
        ("by Friday", "2027-06-04"),
        ("by 2028", "2028-12-31"),
    ],
)
def test_deadlines_resolve_against_the_workshop_date(text: str, expected: str) -> None:
    assert resolve_deadline(text, TODAY) == date.fromisoformat(expected)


def test_a_fiscal_year_that_starts_in_april() -> None:
    assert resolve_deadline("FY2028", TODAY, fiscal_start_month=4) == date(2028, 3, 31)
    assert resolve_deadline("Q1 FY28", TODAY, fiscal_start_month=4) == date(2027, 6, 30)
    assert resolve_deadline("end of Q3", TODAY, fiscal_start_month=4) == date(2027, 12, 31)


@pytest.mark.parametrize("vague", ["soon", "ASAP", "ongoing", "eventually", "as soon as possible", "TBD"])
def test_vague_time_words_fail_time_bound(vague: str) -> None:
    check = check_statement(f"Increase MQLs by 20% {vague}", TODAY)
    assert check.smart["time_bound"].status == "fail"
    assert "not a deadline" in check.smart["time_bound"].reason
    assert check.deadline is None


def test_a_rate_is_not_a_deadline_and_a_duration_is_not_one_either() -> None:
    assert (
        status("Increase MQLs by 10% a month", "time_bound") == "fail"
    )  # a quota alone is bounded by its period
    assert status("Grow monthly recurring revenue from $10K to $25K", "time_bound") == "fail"
    assert status("Cut response time from 48 hours to 24 hours", "time_bound") == "fail"
    assert status("Cut 90-day churn by 10% by Q4", "time_bound") == "pass"
    assert check_statement("Cut 90-day churn by 10% by Q4", TODAY).deadline == date(2027, 12, 31)


def test_the_latest_date_is_the_deadline_and_earlier_ones_are_milestones() -> None:
    found = main_deadline(find_deadlines("150 MQLs by July and 200 by 30 September", TODAY))
    assert found is not None and found.date == date(2027, 9, 30)


def test_a_past_deadline_passes_with_a_warning() -> None:
    check = check_statement("Increase MQLs by 20% by 31 March 2027", TODAY)
    assert check.smart["time_bound"].status == "pass"
    assert (
        check.smart["time_bound"].warning
        == "The deadline 31 March 2027 is before the workshop (1 June 2027)."
    )
    assert check.deadline == date(2027, 3, 31)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("five percent", "5 percent"),
        ("twenty-five new customers", "25 new customers"),
        ("a hundred demos", "100 demos"),
        ("one hundred and fifty MQLs", "150 MQLs"),
        ("cut churn by a third", "cut churn by 33%"),
        ("cut churn by half", "cut churn by 50%"),
        ("in a quarter", "in a quarter"),
    ],
)
def test_numbers_in_words(text: str, digits: str) -> None:
    assert words_to_digits(text) == digits


def test_multipliers_money_and_ranges() -> None:
    kinds: dict[str, tuple[str, float]] = {
        q.text: (q.kind, q.value)
        for q in find_quantities("double pipeline to $1.2m, 3x demos, 80-90 percent")
    }
    assert kinds == {
        "double": ("multiplier", 2),
        "$1.2m": ("money", 1_200_000),
        "3x": ("multiplier", 3),
        "80": ("count", 80),
        "90 percent": ("percent", 90),
    }


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Grow MQLs by 20% by Q3", "MQLs"),
        ("Add 40 SQLs by Q3", "SQLs"),
        ("Raise the SAL rate... 120 sales-accepted leads by Q3", "SALs"),
        ("Grow pipeline to $2M by Q3", "pipeline"),
        ("Grow ARR by 15% this year", "ARR"),
        ("MRR from $80K to $95K by Q4", "MRR"),
        ("Cut CAC by 10% by Q4", "CAC"),
        ("Lift win rate from 20% to 25% by Q4", "win rate"),
        ("Raise the lead-to-MQL conversion rate by five percent next quarter", "lead-to-MQL conversion rate"),
        ("Reduce churn from 3% to 2% by Q4", "churn"),
        ("Raise NPS from 30 to 40 by Q4", "NPS"),
        ("Get 120 demo requests by Q3", "demo requests"),
        ("Raise the open rate from 20% to 25% by Q3", "open rate"),
        ("Generate 500 leads by Q3", "leads"),
        ("Create 60 opportunities by Q3", "opportunities"),
    ],
)
def test_sales_and_marketing_vocabulary(text: str, metric: str) -> None:
    check = check_statement(text, TODAY)
    assert check.metric == metric
    assert check.smart["measurable"].status == "pass"


def test_a_number_alone_is_not_measurable() -> None:
    check = check_statement("Increase by 20% by Q3", TODAY)
    assert check.smart["measurable"].status == "fail"
    assert "of what" in check.smart["measurable"].reason
    assert status("Reach 500 by June", "measurable") == "fail"


def test_a_metric_without_a_number_is_not_measurable() -> None:
    check = check_statement("Improve the win rate by Q3", TODAY)
    assert check.smart["measurable"].status == "fail"
    assert "from 12% to 17%" in check.smart["measurable"].hint


@pytest.mark.parametrize(
    "text", ["Improve our marketing", "Boost sales", "Optimise the funnel", "Get more leads", "Better leads"]
)
def test_vague_verbs_with_no_number_are_not_specific(text: str) -> None:
    finding = check_statement(text, TODAY).smart["specific"]
    assert finding.status == "fail"
    assert finding.hint.startswith("Name one outcome")


def test_vague_verb_with_a_number_is_specific_enough() -> None:
    assert status("Improve the win rate from 20% to 25% by Q4", "specific") == "pass"


@pytest.mark.parametrize("text", ["TBD", "n/a", "Increase MQLs by XX% by Q3", "[goal here]"])
def test_placeholders_are_not_goals(text: str) -> None:
    finding = check_statement(text, TODAY).smart["specific"]
    assert finding.status == "fail"
    assert "placeholder" in finding.reason


def test_several_goals_bundled_into_one() -> None:
    finding = check_statement("Increase MQLs by 20% and cut CAC by 10% by Q3", TODAY).smart["specific"]
    assert finding.status == "fail" and "2 goals in one" in finding.reason
    # an initiative joined to one outcome is still one goal
    assert status("Launch the webinar series and increase MQLs by 20% by Q3", "specific") == "pass"


def test_attainability_from_baseline_and_target() -> None:
    assert status("Grow ARR from $2M to $9M by end of Q3", "attainable") == "fail"  # 4.5x in a quarter
    assert status("Grow ARR from $2M to $9M by 2030", "attainable") == "pass"
    sandbag = check_statement("Raise the open rate from 20% to 20.2% by Q3", TODAY).smart["attainable"]
    assert sandbag.status == "fail" and "sandbagging" in sandbag.reason
    assert status("100% close rate on all opportunities by Q4", "attainable") == "fail"
    assert status("Add 40 SQLs by Q3", "attainable") == "unknown"


def test_the_other_teams_verdict_is_part_of_attainable() -> None:
    goal = Goal(
        statement="Add 40 SQLs by Q3", owner="Dana", verdict="not attainable", verdict_comment="No SDRs"
    )
    finding = check_goal(goal, TODAY, other_team="Marketing").smart["attainable"]
    assert finding.status == "fail"
    assert finding.reason == "Marketing says not attainable: “No SDRs”."
    stretch = check_goal(replace(goal, verdict="stretch"), TODAY, other_team="Marketing").smart["attainable"]
    assert stretch.status == "pass" and "stretch" in stretch.reason


def test_relevant_needs_a_link_or_is_unknown() -> None:
    assert status("Grow pipeline by 20% by Q3", "relevant") == "pass"
    assert status("Publish 10 blog posts by Q3", "relevant") == "unknown"
    goal = Goal(statement="Publish 10 blog posts by Q3", serves_goal=3)
    assert (
        check_goal(goal, TODAY, joint_title="Grow pipeline", owner_required=False).smart["relevant"].status
        == "pass"
    )


def test_the_fields_of_the_wizard_count_too() -> None:
    goal = Goal(
        team="marketing",
        statement="Lead-to-MQL conversion",
        metric="lead-to-MQL conversion rate",
        baseline="12%",
        target="17%",
        deadline="end of Q3",
        owner="Zoë",
        review_cadence="monthly",
        shared_with="sales",
        milestones="14% by July",
    )
    check = check_goal(goal, TODAY, other_team="Sales", other_key="sales")
    assert check.is_smart, check.smart
    assert check.deadline == date(2027, 9, 30)
    assert all(check.fast[key].status == "pass" for key in check.fast)
    assert check_goal(replace(goal, owner=""), TODAY).smart["specific"].status == "fail"


def test_fast_letters() -> None:
    bare = check_goal(
        Goal(team="sales", statement="Add 40 SQLs by Q3", owner="Dana"), TODAY, other_key="marketing"
    )
    assert {k: f.status for k, f in bare.fast.items()} == {
        "frequent": "fail",
        "ambitious": "unknown",
        "specific": "fail",
        "transparent": "fail",
    }
    small = check_statement("Raise the win rate from 20% to 20.6% by Q3", TODAY).fast["ambitious"]
    assert small.status == "fail"


def test_check_goal_json_shape() -> None:
    data = json.loads(
        json.dumps(check_statement("Increase MQLs by twenty percent by end of Q3", TODAY).as_json())
    )
    assert set(data) == {"text", "deadline", "metric", "criteria", "smart", "fast", "fast_ok", "warnings"}
    assert data["deadline"] == "2027-09-30" and data["metric"] == "MQLs" and data["smart"] is True
    assert list(data["criteria"]) == list(SMART_KEYS)
    for finding in [*data["criteria"].values(), *data["fast"].values()]:
        assert set(finding) == {"status", "reason", "hint", "warning"}
        assert finding["status"] in ("pass", "fail", "unknown")


def test_every_failure_says_how_to_fix_it() -> None:
    for text in ("", "Improve our marketing soon", "Increase by 20%", "Grow ARR from $1M to $10M by Q3"):
        for finding in check_statement(text, TODAY).smart.values():
            if finding.status == "fail":
                assert finding.hint, (text, finding)
