"""Issue 15, fourth round: who does the thing, what the thing is, and what is counted.

Phrasings written for this round from how English names a doer ("All nurses on the unit
will ...", "Each sales rep will ..."), a thing by its head noun ("a content calendar" is a
calendar, "the campaign landing page" is a page), a count by its name ("the number of
patients who ...") and a school term by its season. None is taken from the corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from workshop.goals.checker import check_statement

TODAY = date(2027, 1, 12)


@pytest.mark.parametrize(
    "text",
    [
        "All nurses on the unit will complete the sepsis training module by March 31.",
        "By March 31, all staff will have completed the new compliance training.",
        "Each sales rep will complete product certification by the end of Q1.",
        "Every new hire in the support team will finish the onboarding course within 30 days of starting.",
        "Both regional managers will publish the territory plan by 15 February.",
    ],
)
def test_a_deliverable_is_measurable_whoever_is_named_as_doing_it(text: str) -> None:
    check = check_statement(text, TODAY)
    measurable = check.smart["measurable"]
    assert measurable.status == "pass", measurable
    assert measurable.reason.startswith("Done or not done"), measurable


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Create a content calendar for the next quarter by Friday.", "content calendar"),
        ("The marketing team will launch the spring campaign landing page by April 10.", "landing page"),
        ("Publish the brand guidelines document on the intranet by 28 February.", "guidelines document"),
    ],
)
def test_a_thing_is_judged_by_its_head_noun_not_a_word_before_it(text: str, thing: str) -> None:
    measurable = check_statement(text, TODAY).smart["measurable"]
    assert measurable.status == "pass", measurable
    assert thing in measurable.reason


@pytest.mark.parametrize(
    "text",
    [
        "Build a strong brand by the end of the year.",
        "Develop my leadership skills by June.",
        "Launch a new marketing campaign by April.",
        "Improve brand awareness by Q3.",
    ],
)
def test_an_abstract_thing_or_a_means_is_still_not_a_deliverable(text: str) -> None:
    assert check_statement(text, TODAY).smart["measurable"].status == "fail"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        (
            "Increase the number of patients who receive discharge education from 60% to 90% by December.",
            "patients who receive discharge education",
        ),
        ("Raise the percentage of invoices paid on time from 70% to 85% by Q4.", "invoices paid on time"),
        ("Lift the share of renewals signed before expiry to 80% by June.", "renewals signed before expiry"),
    ],
)
def test_a_count_named_as_the_number_or_share_of_something_is_the_metric(text: str, metric: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert check.metric is not None and metric in check.metric


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Achieve a GPA of 3.5 or higher by the end of the spring semester.", "2027-05-31"),
        ("Raise my average to 80% by the end of the fall semester.", "2027-12-31"),
        ("Read 10 novels during the autumn term.", "2027-12-31"),
        ("Students will solve two-step equations with 80% accuracy by the end of the unit.", None),
    ],
)
def test_a_school_term_named_by_its_season_or_part_is_a_deadline(text: str, due: str | None) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["time_bound"].status == "pass", check.smart["time_bound"]
    if due is not None:
        assert check.deadline == date.fromisoformat(due)


@pytest.mark.parametrize(
    "text",
    [
        "Digitize all patient records by the end of the year.",
        "Reorganize the stockroom by Friday.",
        "Eliminate the backlog of unpaid invoices by March 31.",
        "Memorize the periodic table by the end of the month.",
        "Transition all customers to the new billing system by Q3.",
        "I will have a finished draft of my book by the end of the summer.",
    ],
)
def test_more_ways_of_getting_a_thing_done_are_deliverables(text: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert check.smart["measurable"].reason.startswith("Done or not done")
    assert check.smart["time_bound"].status == "pass", check.smart["time_bound"]


@pytest.mark.parametrize(
    "text", ["Lower my cholesterol below 200 by my next checkup.", "Lose 4 kg before my next weigh-in."]
)
def test_an_appointment_is_an_event_deadline(text: str) -> None:
    assert check_statement(text, TODAY).smart["time_bound"].status == "pass"


@pytest.mark.parametrize(
    "text",
    ["Eat the majority of my meals at home this month.", "Complete most of the reports by Friday."],
)
def test_a_share_in_words_is_not_a_number(text: str) -> None:
    measurable = check_statement(text, TODAY).smart["measurable"]
    assert measurable.status == "fail"
    assert "how many" in measurable.reason and measurable.hint


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Resident will feed self at all mealtimes this week.", "at all mealtimes"),
        ("Speak up at every team meeting this quarter.", "at every team meeting"),
        ("Get my blood pressure into the normal range by June.", "normal range"),
        ("Keep my blood sugar within the target range for the next 3 months.", "target range"),
        ("The patient will walk the length of the hallway twice before discharge.", "hallway twice"),
    ],
)
def test_occasions_defined_ranges_and_counted_acts_are_measurable(text: str, said: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert said in check.smart["measurable"].reason
    assert check.smart["time_bound"].status == "pass", check.smart["time_bound"]


@pytest.mark.parametrize(
    "text",
    [
        "Patient will correctly list 3 signs of hypoglycemia before discharge.",
        "Patient will report pain below 4 out of 10 within 30 minutes of the dose.",
        "The client will demonstrate correct inhaler use prior to discharge.",
    ],
)
def test_a_care_event_is_the_deadline(text: str) -> None:
    time_bound = check_statement(text, TODAY).smart["time_bound"]
    assert time_bound.status == "pass", time_bound


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Patient will report pain 3 or less out of 10 within 1 hour of the intervention.", "pain"),
        ("Keep our average review rating at 4.5/5 through 2027.", "rating"),
    ],
)
def test_a_score_on_a_scale_is_measured_by_what_it_scores(text: str, metric: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert check.metric == metric


def test_a_time_of_day_does_not_make_a_share_in_words_a_number() -> None:
    check = check_statement("The patient will eat majority of meals by 3:00 PM.", TODAY)
    measurable = check.smart["measurable"]
    assert measurable.status == "fail" and "majority of meals" in measurable.reason


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Send the sales report by 4 p.m. every Friday.", "week"),
        ("Complete assigned reports without error by 4 p.m. every first and third Thursday.", "month"),
    ],
)
def test_a_weekday_that_comes_back_is_a_routine_of_its_period(text: str, period: str) -> None:
    time_bound = check_statement(text, TODAY).smart["time_bound"]
    assert time_bound.status == "pass", time_bound
    assert f"each {period}" in time_bound.reason


def test_a_standard_set_by_someone_named_is_measurable_and_due() -> None:
    text = "Balance client accounts within the time specified by your supervisor."
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert "written elsewhere" in check.smart["measurable"].reason
    assert check.smart["time_bound"].status == "pass", check.smart["time_bound"]
    vague = check_statement("Improve client accounts according to company policy.", TODAY)
    assert vague.smart["measurable"].status == "fail"


def test_a_race_is_run_or_not_and_a_count_of_k_is_still_a_count() -> None:
    race = check_statement("Run a 5K.", TODAY)
    assert race.smart["measurable"].status == "pass" and "race" in race.smart["measurable"].reason
    followers = check_statement("Get 5k followers.", TODAY)
    assert followers.metric == "followers"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("92% or better on every quiz or test I take.", "score on quiz"),
        ("I want to score between 490 and 510 on the MCAT", "score on mcat"),
        ("Reach level 5 in Duolingo by March.", "level"),
    ],
)
def test_scores_and_numbered_stages_are_what_is_measured(text: str, metric: str) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["measurable"].status == "pass", check.smart["measurable"]
    assert check.metric == metric


def test_a_number_in_a_name_is_not_a_target() -> None:
    done = check_statement("Complete the Babel Training Module 1 for Castilian Spanish by June.", TODAY)
    assert done.smart["measurable"].reason.startswith("Done or not done"), done.smart["measurable"]
    grades = check_statement("Grades 3–5 will focus on reading texts fluently.", TODAY)
    assert grades.smart["measurable"].status == "fail", grades.smart["measurable"]
    assert check_statement("Book 20 qualified meetings monthly", TODAY).smart["measurable"].status == "pass"


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Deliver feature X to the test team by 3-Oct-27 with zero open severity 1 defects.", "2027-10-03"),
        ("By the end of the school week I will have found 5 internships to apply to.", "2027-01-15"),
        ("Read 12 books by the end of the school year.", "2027-06-30"),
    ],
)
def test_more_ways_of_writing_a_date(text: str, due: str) -> None:
    assert check_statement(text, TODAY).deadline == date.fromisoformat(due)


def test_a_course_taken_by_its_name_is_a_deliverable_but_skills_in_title_case_are_not() -> None:
    course = check_statement("Take Advanced Excel Skills on SkillsSoft in September", TODAY)
    assert course.smart["measurable"].reason.startswith("Done or not done"), course.smart["measurable"]
    for text, status in [
        ("Take an online marketing course by June.", "pass"),
        ("Develop Leadership Skills by June.", "fail"),
        ("Take more breaks at work by June.", "fail"),
    ]:
        assert check_statement(text, TODAY).smart["measurable"].status == status, text


def test_a_body_weight_and_a_month_named_as_a_period() -> None:
    assert check_statement("I am weighing 140", TODAY).metric == "weight"
    text = "Do 30 minutes of strength training three times each week for the month of February."
    check = check_statement(text, TODAY)
    assert check.deadline == date(2027, 2, 28)


def test_a_time_of_day_is_not_a_target_and_no_metric_is_not_named_twice() -> None:
    check = check_statement("The patient will eat majority of meals by 3:00 PM.", TODAY)
    assert "3:00" not in check.smart["attainable"].reason
    assert check.smart["specific"].reason == "One outcome."


@pytest.mark.parametrize(
    "text", ["Make 50 jelly sandwiches by 3pm", "Submit the timesheet no later than lunchtime."]
)
def test_a_time_of_day_is_a_deadline_within_the_day(text: str) -> None:
    time_bound = check_statement(text, TODAY).smart["time_bound"]
    assert time_bound.status == "pass", time_bound
    assert "time of day" in time_bound.reason and time_bound.hint


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Complete the audit by 12/31.", "2027-12-31"),
        ("Grow the list to 10k by end of FY.", "2027-12-31"),
        ("Ship v2 by the first week of March.", "2027-03-07"),
        ("Ship v2 by the last week of March 2028.", "2028-03-31"),
        ("Hire 3 engineers within the next fiscal quarter.", "2027-04-12"),
    ],
)
def test_dates_written_short(text: str, due: str) -> None:
    assert check_statement(text, TODAY).deadline == date.fromisoformat(due)


@pytest.mark.parametrize(
    "text",
    [
        "Give 110% every day.",
        "Double down on social media this quarter.",
        "Be a 10x engineer.",
        "Make our 3 key customers happier.",
        "Improve customer service in our 12 stores.",
        "Improve the 5 stages of our sales process.",
        "Generate more leads using our 3 new landing pages by June.",
        "Work 60 hours a week to grow the business.",
        "Spend 2 hours a day on marketing to improve our brand.",
    ],
)
def test_a_number_that_is_no_target_does_not_make_a_goal_measurable(text: str) -> None:
    """An idiom, the things meant ("our 12 stores") or the effort spent is not how far the result goes."""
    measurable = check_statement(text, TODAY).smart["measurable"]
    assert measurable.status == "fail", measurable
    assert measurable.hint


@pytest.mark.parametrize(
    "text",
    [
        "Visit each of our top 20 accounts in person by the end of Q2.",
        "Sell the 500 tickets by Friday.",
        "Launch our 3 new products by June.",
        "Reach the 1,000 subscriber mark by June.",
        "Grow revenue in our 3 regions by 10% by Q4.",
        "Study 2 hours a day to pass the CPA exam.",
    ],
)
def test_the_things_meant_done_or_a_target_beside_them_stay_measurable(text: str) -> None:
    measurable = check_statement(text, TODAY).smart["measurable"]
    assert measurable.status == "pass", measurable
    assert "by the end" not in measurable.reason


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Launch the campaign no later than March 15.", "2027-03-15"),
        ("Reach 50 customers by the one-year anniversary of our launch.", None),
        ("Secure 3 new sponsors prior to the conference.", None),
        ("Reduce defects 20% by the end of sprint 12.", None),
    ],
)
def test_more_deadlines_as_people_write_them(text: str, due: str | None) -> None:
    check = check_statement(text, TODAY)
    assert check.smart["time_bound"].status == "pass", check.smart["time_bound"]
    if due is not None:
        assert check.deadline == date.fromisoformat(due)


def test_more_than_a_period_is_still_a_comparison() -> None:
    time_bound = check_statement("Grow sales more than in 2026.", TODAY).smart["time_bound"]
    assert time_bound.status == "fail" and "compared" in time_bound.reason


@pytest.mark.parametrize(
    ("text", "metric_or_reason"),
    [
        ("Call grandparents each Sunday afternoon for six months.", "A habit"),
        ("Patient will report pain as 2 or less on the 0-10 pain scale by discharge.", "pain"),
        ("I want to cut out second helpings for the next month.", "Done or not done"),
        ("Quit smoking by June 1.", "Done or not done"),
    ],
)
def test_habits_scales_and_giving_things_up_are_measurable(text: str, metric_or_reason: str) -> None:
    check = check_statement(text, TODAY)
    measurable = check.smart["measurable"]
    assert measurable.status == "pass", measurable
    assert metric_or_reason in measurable.reason or check.metric == metric_or_reason


def test_a_number_in_a_bill_or_a_type_is_no_target() -> None:
    check = check_statement("Decrease the schools not complying with HB 1159 anti-smoking policies.", TODAY)
    assert check.smart["measurable"].status == "fail"
    assert check_statement("Lower my type 2 diabetes risk.", TODAY).smart["measurable"].status == "fail"


@pytest.mark.parametrize(
    "text",
    [
        "Patient will have fluid intake of 500-700 ml this shift.",
        "I will go up one test level on the state test.",
        "Raise my science grade from a C to a B on the first semester report card.",
    ],
)
def test_a_shift_a_test_and_a_report_card_are_when(text: str) -> None:
    assert check_statement(text, TODAY).smart["time_bound"].status == "pass"


def test_starting_this_weekend_is_a_start_not_a_deadline() -> None:
    text = "Starting this weekend, I'm going to make more time in my schedule for school."
    time_bound = check_statement(text, TODAY).smart["time_bound"]
    assert time_bound.status == "fail" and "starts" in time_bound.reason


def test_the_number_or_value_of_something_names_it() -> None:
    check = check_statement("Increase number/value* of enquiries by 30% by end of November 2027.", TODAY)
    assert check.smart["measurable"].status == "pass" and check.metric == "enquiries"
