"""The kinds of goal statement the checker misread on statements gathered outside the project (issue 15).

One test per kind of miss: spans and relative periods, completion goals, numbers
without "by", ranks without a source, comparison periods, implausible steps, past
deadlines, recurring standards, and FAST on the command line.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from workshop.cli import main
from workshop.goals.checker import check_goal, check_statement
from workshop.model import Goal

TODAY = date(2027, 6, 1)  # a Tuesday in Q2


def finding(text: str, key: str, today: date = TODAY) -> tuple[str, str]:
    c = check_statement(text, today).smart[key]
    return c.status, c.reason


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Run the partner webinar series for three months", "2027-09-01"),
        ("Cut churn by 10% within a two-week period", "2027-06-15"),
        ("Grow ARR by 20% next calendar year", "2028-12-31"),
        ("Grow ARR by 20% during the next calendar year", "2028-12-31"),
        ("Sign 12 new resellers over a six-week period", "2027-07-13"),
        ("Add 300 MQLs for the rest of the year", "2027-12-31"),
    ],
)
def test_spans_and_relative_periods_are_deadlines_shown_as_dates(text: str, due: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["time_bound"].status == "pass", check.smart["time_bound"]
    assert check.deadline == date.fromisoformat(due)
    shown = date.fromisoformat(due)
    assert f"{shown.day} {shown:%B %Y}" in check.smart["time_bound"].reason


@pytest.mark.parametrize(
    "text",
    [
        "Produce the first working prototype of the lead-scoring tool in 3 months",
        "Distribute signed contracts to all new resellers by 8/1",
        "Finish the new pricing page by 30 September",
    ],
)
def test_a_deliverable_done_by_a_date_is_measurable(text: str) -> None:
    measurable = check_statement(text, TODAY).smart["measurable"]
    assert measurable.status == "pass", measurable
    assert "done or not done" in measurable.reason.lower()
    assert finding(text, "time_bound")[0] == "pass"


def test_a_deliverable_with_no_date_is_still_not_measurable_as_done() -> None:
    assert finding("Launch a new product", "time_bound")[0] == "fail"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Reduce paperwork errors 20% by the end of the fiscal year", "paperwork errors"),
        ("Cut invoice disputes 15% in Q3", "invoice disputes"),
        ("Lift trial activations 25 percent by Q4", "trial activations"),
    ],
)
def test_a_number_right_after_the_thing_counted_is_measurable(text: str, metric: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert check.metric == metric


@pytest.mark.parametrize(
    "text",
    [
        "Be the number one consultant in my niche by the end of 2027",
        "Become the #1 CRM vendor for dental clinics by Q4",
        "Be the top-ranked agency in the region by December",
        "Become the leading provider of payroll software in Ohio by 2028",
    ],
)
def test_a_rank_with_no_ranking_source_is_not_measurable(text: str) -> None:
    status, reason = finding(text, "measurable")
    assert status == "fail"
    assert "rank" in reason.lower()
    assert check_statement(text, TODAY).smart["measurable"].hint


def test_a_rank_with_a_named_source_is_measurable() -> None:
    status, _ = finding("Reach the top 3 of G2's mid-market CRM grid by Q4", "measurable")
    assert status == "pass"


def test_a_comparison_period_is_not_a_deadline() -> None:
    alone = check_statement("Grow bookings 15% compared to Q1 of the previous year", TODAY)
    assert alone.smart["time_bound"].status == "fail"
    assert alone.deadline is None
    assert "compar" in alone.smart["time_bound"].reason.lower()
    both = check_statement("Grow bookings 15% by Q4 versus Q4 of last year", TODAY)
    assert both.deadline == date(2027, 12, 31)
    same = check_statement("Raise win rate from 20% to 24% by Q3, compared with Q3 2026", TODAY)
    assert same.deadline == date(2027, 9, 30)


def test_an_implausible_absolute_target_in_a_short_period_is_questioned() -> None:
    status, reason = finding("Become a billion-dollar company in 6 months", "attainable")
    assert status == "fail"
    assert "1,000,000,000" in reason or "billion" in reason
    assert "6 months" in reason or "183 days" in reason


def test_a_tenfold_step_in_a_quarter_is_questioned_with_the_numbers() -> None:
    goal = replace(Goal(), statement="Grow ARR by Q3", metric="ARR", baseline="$2M", target="$20M")
    attainable = check_goal(goal, TODAY, owner_required=False).smart["attainable"]
    assert attainable.status == "fail"
    assert "10.0x" in attainable.reason


def test_without_baseline_and_target_the_finding_says_what_would_make_it_judgeable() -> None:
    attainable = check_statement("Add 50 SQLs by Q3", TODAY).smart["attainable"]
    assert attainable.status == "unknown"
    assert "today's figure" in attainable.hint


def test_a_past_deadline_is_time_bound_with_a_warning() -> None:
    check = check_statement("Increase sales 10% by 30 June 2017", TODAY)
    time_bound = check.smart["time_bound"]
    assert time_bound.status == "pass"
    assert time_bound.warning == "The deadline 30 June 2017 is before the workshop (1 June 2027)."
    assert check.warnings() == [time_bound.warning]
    assert "-" not in check.smart["attainable"].reason  # no negative day counts
    assert check.as_json()["criteria"]["time_bound"]["warning"] == time_bound.warning


@pytest.mark.parametrize(
    "text",
    ["Every inbound call answered on the 2nd ring", "Respond to each demo request within 4 business hours"],
)
def test_a_recurring_standard_has_its_own_finding(text: str) -> None:
    status, reason = finding(text, "time_bound")
    assert status == "pass"
    assert reason.startswith("A standing standard")


def test_a_growth_rate_still_needs_an_end() -> None:
    assert finding("Grow MQLs by 250 a month", "time_bound")[0] == "fail"


def test_check_goal_prints_smart_and_fast(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check-goal", "Raise the win rate by Q3", "--today", "2027-06-01"]
    fields = ["--cadence", "monthly", "--shared-with", "Sales", "--baseline", "20%", "--target", "25%"]
    assert main([*args, *fields, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["smart"] is True
    assert {k: v["status"] for k, v in data["fast"].items()} == {
        "frequent": "pass",
        "ambitious": "pass",
        "specific": "fail",
        "transparent": "pass",
    }
    assert data["fast"]["specific"]["hint"]
    assert main([*args, *fields]) == 0
    out = capsys.readouterr().out
    assert "FAST" in out and "✓ F Frequent" in out and "Reviewed monthly." in out
    assert main([*args, "--baseline", "20%"]) == 1
    assert "--baseline and --target go together" in capsys.readouterr().err


def test_the_other_teams_verdict_decides_and_the_doubt_stays_as_a_warning() -> None:
    goal = replace(
        Goal(), statement="Grow ARR from $2M to $20M by Q3", verdict="stretch", verdict_comment="New channel"
    )
    attainable = check_goal(goal, TODAY, other_team="Sales", owner_required=False).smart["attainable"]
    assert attainable.status == "pass"
    assert attainable.reason == "Sales says stretch: “New channel”."
    assert attainable.warning.startswith("The checker questions it: A change of 10.0x in 121 days")
    refused = check_goal(
        replace(goal, verdict="not attainable"), TODAY, other_team="Sales", owner_required=False
    )
    assert refused.smart["attainable"].status == "fail"


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Close 5 deals before Christmas", "2027-12-25"),
        ("Hire 2 SDRs by summer 2028", "2028-08-31"),
        ("Grow ARR 20% by mid-2028", "2028-06-30"),
        ("Sign 3 partners by the 15th", "2027-06-15"),
        ("Send the proposal tomorrow", "2027-06-02"),
        ("Reduce churn to 3% by the close of the fiscal year", "2027-12-31"),
        ("Close 20 deals in the first 90 days", "2027-08-30"),
        ("Raise my GPA from 2.8 to 3.2 this semester", "2027-08-31"),
        ("By the end of Q3, 80% of new hires will complete onboarding within 30 days", "2027-09-30"),
    ],
)
def test_more_ways_of_saying_when(text: str, due: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["time_bound"].status == "pass", check.smart["time_bound"]
    assert check.deadline == date.fromisoformat(due)


def test_a_start_date_is_not_a_deadline() -> None:
    status, reason = finding("Book 10 demos a week starting in July", "time_bound")
    assert status == "fail" and "when it starts" in reason


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Raise my grade from a C to a B by the end of the semester", "A grade"),
        ("Meet with my advisor twice a month until December", "A frequency: 2 times a month"),
        ("New website live by 15 September", "Done or not done by 15 September 2027"),
        ("Pass the CPA exam by next year", "Done or not done"),
        ("Save $200 by June", "An amount: $200"),
        ("Maintain a GPA of 3.5 this semester", "gpa: 3.5"),
        ("Reduce employee turnover by one-third over the next 18 months", "employee turnover: 33%"),
        ("Lose 10 pounds by June 30", "pounds: 10"),
    ],
)
def test_what_people_count_besides_sales_metrics(text: str, said: str) -> None:
    status, reason = finding(text, "measurable")
    assert status == "pass" and said in reason


def test_three_times_a_week_is_a_frequency_not_a_tripling() -> None:
    attainable = check_statement("Lose 10 pounds in three months by exercising three times a week", TODAY)
    assert "3.0x" not in attainable.smart["attainable"].reason


@pytest.mark.parametrize(
    "text", ["Build a stronger brand by Q4", "Create a great onboarding experience by June"]
)
def test_a_vague_deliverable_is_not_measurable_just_because_it_has_a_date(text: str) -> None:
    assert finding(text, "measurable")[0] == "fail"


def test_a_forward_period_after_over_is_a_deadline_not_a_comparison() -> None:
    check = check_statement("Increase revenue in the new product division by 12% over the next year", TODAY)
    assert check.smart["time_bound"].status == "pass" and check.deadline == date(2028, 6, 1)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Lose 25 pounds in 2 days", "25 pounds (11.3 kg) in 2 days is 39.7 kg a week"),
        ("Lose 10 kg in the next 2 weeks", "10 kg in 14 days is 5.0 kg a week"),
        ("Become a millionaire this month", "Becoming a millionaire in 29 days"),
    ],
)
def test_a_pace_nobody_keeps_is_questioned_with_its_numbers(text: str, said: str) -> None:
    attainable = check_statement(text, TODAY).smart["attainable"]
    assert attainable.status == "fail", attainable
    assert attainable.reason.startswith(said)
    assert attainable.hint


def test_a_steady_pace_looks_plausible_and_the_other_teams_verdict_still_decides() -> None:
    steady = check_statement("Lose 20 pounds in the next three months", TODAY).smart["attainable"]
    assert steady.status == "pass"
    assert "0.7 kg a week" in steady.reason
    goal = replace(Goal(), statement="Lose 10 kg in the next 2 weeks", verdict="stretch")
    attainable = check_goal(goal, TODAY, other_team="Sales", owner_required=False).smart["attainable"]
    assert attainable.status == "pass"
    assert attainable.warning.startswith("The checker questions it: 10 kg in 14 days")
