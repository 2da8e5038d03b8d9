"""The day's plan: times, fit, templates and re-planning, as a facilitator would check them."""

from __future__ import annotations

import pytest

from workshop.agenda.plan import (
    TEMPLATES,
    ReplanError,
    describe_fit,
    fit,
    format_clock,
    load_template,
    parse_clock,
    replan,
    schedule,
)
from workshop.model import AgendaItem


def items(*minutes: int, kind: str = "discussion") -> list[AgendaItem]:
    return [AgendaItem(id=i + 1, title=f"Item {i + 1}", minutes=m, kind=kind) for i, m in enumerate(minutes)]


def test_each_item_starts_when_the_previous_ends() -> None:
    slots = schedule(items(30, 45, 15), "09:00")
    assert [(format_clock(s.start), format_clock(s.end)) for s in slots] == [
        ("09:00", "09:30"),
        ("09:30", "10:15"),
        ("10:15", "10:30"),
    ]


def test_replanned_minutes_replace_planned_ones() -> None:
    plan = items(30, 60)
    plan[1] = AgendaItem(id=2, minutes=60, replanned_minutes=40)
    assert format_clock(schedule(plan, "09:00")[1].end) == "10:10"


def test_a_bad_time_of_day_falls_back() -> None:
    assert parse_clock("25:99") == 9 * 60
    assert parse_clock("nonsense", default=600) == 600
    assert parse_clock(" 8:05 ") == 485


def test_fit_warns_when_the_day_is_too_long() -> None:
    text, ok = describe_fit(fit(items(240, 300), "09:00", "17:00"))
    assert not ok
    assert text == "9 h 00 planned of 8 h 00 (1 h 00 too long)"
    assert describe_fit(fit(items(60), "09:00", "17:00"))[1]


@pytest.mark.parametrize("key", TEMPLATES)
def test_templates_follow_the_method_and_fit_their_days(key: str) -> None:
    template = load_template(key)
    titles = " ".join(item.title for item in template.items)
    for step in (
        "Kick-off",
        "Sales priorities",
        "Marketing priorities",
        "MQL",
        "Funnel",
        "Goal drafting: Sales",
        "Goal drafting: Marketing",
        "attainability",
        "Service level agreement",
        "Sign-off",
    ):
        assert step in titles
    assert any(item.kind == "break" for item in template.items)
    sales = next(i for i in template.items if i.title == "Sales priorities")
    marketing = next(i for i in template.items if i.title == "Marketing priorities")
    assert sales.minutes == marketing.minutes  # equal slots
    assert all(day.over == 0 for day in fit(template.items, template.day_start, template.day_end))


def test_the_two_day_offsite_restarts_on_day_two() -> None:
    template = load_template("two-day")
    slots = schedule(template.items, "09:00")
    check_in = next(s for s in slots if s.item.title == "Day 2 check-in")
    assert (check_in.day, format_clock(check_in.start)) == (2, "09:00")


def test_replan_shrinks_in_proportion_and_keeps_breaks() -> None:
    plan = [*items(60, 30, 90), AgendaItem(id=9, minutes=15, kind="break")]
    new = replan(plan, available=105, minimum=5)
    assert new[9] == 15  # the break keeps its length
    assert (new[1], new[2], new[3]) == (30, 15, 45)  # 90 of 180 minutes: half each
    assert sum(new.values()) <= 105


def test_replan_never_goes_below_the_minimum() -> None:
    new = replan(items(100, 10, 100), available=60, minimum=10)
    assert new[2] == 10
    assert new[1] == new[3] == 25
    assert all(m >= 10 for m in new.values())


def test_replan_that_cannot_fit_says_what_to_do() -> None:
    with pytest.raises(ReplanError, match="push the end of the day"):
        replan(items(30, 30, 30), available=20, minimum=10)
