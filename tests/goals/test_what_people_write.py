"""Issue 15, second round: deadlines, quotas and deliverables as people write them.

Phrasings gathered from how English states a time ("six months from now", "by
mid-March", "over the course of the year"), a quota per period ("60 calls per day",
bounded by its period) and a deliverable whose verb is not first ("Within the next 30
days I will have set up ..."). None of them is taken from the corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from workshop.goals.checker import check_statement

TODAY = date(2027, 6, 1)  # a Tuesday in Q2


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Increase newsletter subscribers by 500 six months from now", "2027-12-01"),
        ("Sign 10 new clients 90 days from today", "2027-08-30"),
        ("Grow revenue 15% by this time next year", "2028-06-01"),
        ("Publish 12 blog posts over the course of the year", "2027-12-31"),
        ("Cut churn to 3% by the end of my first year", "2028-06-01"),
        ("Close 40 deals by the end of year two", "2029-06-01"),
        ("Hire three account executives by mid-March", "2028-03-15"),
        ("Reach $2M ARR by early 2028", "2028-03-31"),
        ("Launch the new pricing page by late 2027", "2027-12-31"),
        ("Walk 10,000 steps a day for 30 consecutive days", "2027-07-01"),
        ("Save $5,000 for an emergency fund by next December", "2027-12-31"),
        ("Publish 20 posts in the upcoming quarter", "2027-09-30"),
        ("Grow ARR 30% by Q1 next year", "2028-03-31"),
        ("Add 40 resellers within half a year", "2027-12-01"),
        ("Reach 5,000 subscribers by the year 2028", "2028-12-31"),
        ("Book 300 demos throughout 2027", "2027-12-31"),
    ],
)
def test_a_time_said_in_other_words_is_a_deadline_shown_as_a_date(text: str, due: str) -> None:
    check = check_statement(text, TODAY)
    time_bound = check.smart["time_bound"]
    assert time_bound.status == "pass", time_bound
    assert check.deadline == date.fromisoformat(due)
    shown = date.fromisoformat(due)
    assert f"{shown.day} {shown:%B %Y}" in time_bound.reason
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Make 60 calls per day", "day"),
        ("Publish 2 blog posts a week", "week"),
        ("Deliver 250 MQLs a month", "month"),
        ("Book 20 qualified meetings monthly", "month"),
        ("Send three proposals every week", "week"),
    ],
)
def test_a_quota_per_period_is_bounded_by_its_period_and_says_so(text: str, period: str) -> None:
    time_bound = check_statement(text, TODAY).smart["time_bound"]
    assert time_bound.status == "pass", time_bound
    assert time_bound.reason.startswith(f"A quota per {period}"), time_bound.reason
    assert "bounded by its period" in time_bound.reason
    assert time_bound.hint  # from when, and until when


@pytest.mark.parametrize(
    "text",
    [
        "Increase sales by 5% every month",
        "Grow monthly recurring revenue from $10K to $25K",
        "Raise calls to 60 per day",
    ],
)
def test_a_change_with_only_a_rate_still_needs_an_end(text: str) -> None:
    assert check_statement(text, TODAY).smart["time_bound"].status == "fail"


@pytest.mark.parametrize(
    "text",
    [
        "Within the next 30 days I will have set up a CRM dashboard for the sales team",
        "Write and publish an e-book on lead scoring by the end of the second quarter",
        "Start a company podcast by the end of Q3",
    ],
)
def test_a_deliverable_is_measurable_wherever_its_verb_stands(text: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert "done or not done" in check.smart["measurable"].reason.lower()
    assert check.smart["time_bound"].status == "pass"


@pytest.mark.parametrize(
    "text",
    [
        "Become fluent in Spanish by 2028",
        "Develop my leadership skills by the end of Q3",
        "Build a strong personal brand on LinkedIn by December",
        "Establish our company as a thought leader in fintech by 2028",
        "Build brand awareness through social media over the next 6 months",
        "Create engaging content for our blog this quarter",
    ],
)
def test_a_deliverable_nobody_can_see_done_is_not_measurable_for_having_a_date(text: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["time_bound"].status == "pass"
    measurable = check.smart["measurable"]
    assert measurable.status == "fail", measurable
    assert measurable.hint


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Score at least 85 on the final exam by 15 December", "score on exam"),
        ("Sign a dozen new customers by the end of Q3", "customers"),
        ("Have zero customer complaints about delivery this quarter", ""),
        ("Cut the time to first response in half by the end of the year", "50%"),
        ("Answer all support tickets within one business day by the end of Q3", "within 1 business day"),
        ("Stay under budget on all projects this fiscal year", "under budget"),
    ],
)
def test_numbers_and_standards_in_other_words_are_measurable(text: str, said: str) -> None:
    check = check_statement(text, TODAY)
    measurable = check.smart["measurable"]
    assert measurable.status == "pass", measurable
    assert said in f"{measurable.reason} {check.metric}"


def test_a_perfect_score_is_questioned_as_perfection() -> None:
    attainable = check_statement("Get 100% on every test this semester", TODAY).smart["attainable"]
    assert attainable.status == "fail"
    assert "perfection" in attainable.reason


def test_one_of_the_top_is_a_rank_that_needs_a_named_ranking() -> None:
    measurable = check_statement("Be one of the top companies in our market by 2028", TODAY).smart[
        "measurable"
    ]
    assert measurable.status == "fail"
    assert "rank" in measurable.reason


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Lower A1C to below 7 within 3 months", "a1c"),
        ("Get an 85 or higher on my next chemistry test", "score on chemistry test"),
    ],
)
def test_the_thing_measured_is_found_around_its_number(text: str, metric: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert check.metric == metric


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("On the last Monday of every month, send the pipeline report to the sales leads", "month"),
        ("Each week, publish the partner newsletter", "week"),
    ],
)
def test_a_routine_each_period_is_done_or_not_each_period(text: str, period: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert f"done or not done each {period}" in check.smart["measurable"].reason.lower()
    time_bound = check.smart["time_bound"]
    assert time_bound.status == "pass", time_bound
    assert time_bound.reason.startswith(f"A routine each {period}, bounded by its period")


def test_year_on_year_is_a_comparison_not_a_recurrence() -> None:
    reason = check_statement("Cut the bounce rate 20% year-on-year", TODAY).smart["time_bound"].reason
    assert "what it is compared with" in reason


@pytest.mark.parametrize("text", ["I will arrive at work early each day", "Keep the price list up-to-date"])
def test_a_vague_adverb_is_not_specific(text: str) -> None:
    assert check_statement(text, TODAY).smart["specific"].status == "fail"


def test_launching_a_campaign_is_a_means_not_a_measure() -> None:
    measurable = check_statement("Launch a new social media campaign by 30 September", TODAY).smart[
        "measurable"
    ]
    assert measurable.status == "fail"
    assert "means" in measurable.reason
    assert "brings" in measurable.hint


@pytest.mark.parametrize(
    "text",
    [
        "Get conversational in Spanish by completing the Duolingo Spanish course within 9 months",
        "Build a stronger bond with marketing by attending their weekly pipeline call for the next quarter",
    ],
)
def test_a_named_thing_done_by_way_of_is_measurable(text: str) -> None:
    measurable = check_statement(text, TODAY).smart["measurable"]
    assert measurable.status == "pass", measurable
    assert measurable.reason.startswith("Done or not done")


def test_doing_things_in_general_is_not_a_deliverable() -> None:
    assert (
        check_statement("Grow my network by attending events this year", TODAY).smart["measurable"].status
        == "fail"
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Process all payroll runs error-free through December", "error-free"),
        ("Never miss a deadline for client deliverables this year", "never miss"),
        ("Log all sales calls in the CRM the same day throughout Q3", "same day"),
        (
            "Follow up with every trade-show lead within two business days of the event",
            "within 2 business days",
        ),
        ("Go to bed by 10 pm on weeknights for 30 days", "10 pm"),
        ("Floss every night for the next 60 days", "each night"),
    ],
)
def test_a_standard_or_a_habit_anyone_can_check_is_measurable(text: str, said: str) -> None:
    measurable = check_statement(text, TODAY).smart["measurable"]
    assert measurable.status == "pass", measurable
    assert said in measurable.reason


def test_a_vague_habit_is_still_not_measurable() -> None:
    assert check_statement("Be happier every day for a month", TODAY).smart["measurable"].status == "fail"


def test_a_rate_is_judged_in_points_with_the_numbers() -> None:
    far = check_statement("Raise the email open rate from 20% to 60% by 31 August", TODAY).smart["attainable"]
    assert far.status == "fail"
    assert "40 points (20% → 60%)" in far.reason
    near = check_statement("Raise the win rate from 20% to 25% by 31 August", TODAY).smart["attainable"]
    assert near.status == "pass"
    assert "5 points" in near.reason


def test_a_climb_in_rank_is_judged_from_the_starting_rank() -> None:
    text = "Move from #12 to #1 on the G2 grid for CRM by 31 August"
    attainable = check_statement(text, TODAY).smart["attainable"]
    assert attainable.status == "fail"
    assert "12.0x" in attainable.reason


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Be ranked top 3 on the G2 grid for CRM by 31 August", "today's rank"),
        ("Publish the partner onboarding guide by 31 August", "how long a similar piece of work took"),
        ("Raise the win rate to 25% by 31 August", "today's rate"),
        ("Reach 400 paying customers by 31 August", "today's figure for customers"),
    ],
)
def test_without_a_baseline_the_finding_says_what_would_make_it_judgeable_for_its_kind(
    text: str, asks: str
) -> None:
    attainable = check_statement(text, TODAY).smart["attainable"]
    assert attainable.status == "unknown"
    assert asks in attainable.hint


@pytest.mark.parametrize(
    "text",
    [
        "Lose weight by exercising 3 times a week",
        "Improve sales by making 10 more calls a day",
        "Get fit by going to the gym twice a week",
    ],
)
def test_numbers_only_in_the_effort_do_not_measure_a_vague_result(text: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "fail", check.smart["measurable"]
    assert "effort" in check.smart["measurable"].reason
    assert check.smart["time_bound"].status == "fail"  # the effort's quota is no deadline for the result


def test_a_number_on_the_result_with_an_effort_quota_is_measurable() -> None:
    check = check_statement("Lose 5 kg by 30 September by exercising 3 times a week", TODAY)
    assert check.smart["measurable"].status == "pass"
    assert check.smart["time_bound"].status == "pass"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Save 10% of each paycheck for the next 12 months", "share of paycheck"),
        ("Bring my golf handicap down to 15 by the end of September", "golf handicap"),
    ],
)
def test_the_thing_measured_before_or_after_its_share(text: str, metric: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert check.metric == metric


def test_a_language_level_is_measurable() -> None:
    check = check_statement("Reach level B2 in German by December 2027", TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Lift unaided recall (in our home region) to 30% by the end of 2027", "unaided recall"),
        ("Raise the win rate (new logos only) to 30% by Q4", "win rate"),
        ("Grow the pipeline (excluding renewals) by 40% by March", "pipeline"),
    ],
)
def test_an_aside_in_brackets_does_not_hide_the_thing_measured(text: str, metric: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert check.metric == metric


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Raise $2 million in new ARR by the end of 2027", ["$2 million"]),
        ("Build a fan base of 35 million followers by 2028", ["35 million"]),
        ("Reach 1.5 million page views a month by December", ["1.5 million"]),
        ("Make 3 hundred calls this week", ["3 hundred"]),
    ],
)
def test_digits_with_a_scale_word_are_one_number(text: str, numbers: list[str]) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    for number in numbers:
        assert number in check.smart["measurable"].reason
    assert "1000000" not in check.smart["measurable"].reason  # the scale is not a second number


@pytest.mark.parametrize(
    "text",
    [
        "I want to get fit this year",
        "Become the best account executive on the team",
        "I want to be healthier by summer",
    ],
)
def test_a_wished_state_with_nothing_to_see_it_by_is_not_specific(text: str) -> None:
    specific = check_statement(text, TODAY).smart["specific"]
    assert specific.status == "fail", specific
    assert "wish" in specific.reason and specific.hint


def test_the_same_wish_with_its_number_is_specific() -> None:
    assert check_statement("Lose 5 kg by 30 September", TODAY).smart["specific"].status == "pass"
