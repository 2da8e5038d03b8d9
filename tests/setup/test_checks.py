"""Setup checks: what a facilitator must fix before sign-off, in plain words."""

from __future__ import annotations

import dataclasses
from datetime import date

from workshop.demo.content import demo_content
from workshop.model import MARKETING, SALES, Participant, WorkshopContent
from workshop.setup.checks import check_setup


def content_with(people: list[Participant]) -> WorkshopContent:
    content = demo_content(date(2027, 6, 1))
    content.participants = [dataclasses.replace(p, id=i + 1) for i, p in enumerate(people)]
    return content


def messages(content: WorkshopContent) -> list[str]:
    return [f.message for f in check_setup(content)]


def test_the_demo_is_ready_for_sign_off() -> None:
    assert check_setup(demo_content(date(2027, 6, 1))) == []


def test_each_team_needs_exactly_one_signatory() -> None:
    content = content_with(
        [
            Participant(name="Dana", team=SALES, signatory=True),
            Participant(name="Marc", team=SALES, signatory=True),
            Participant(name="Priya", team=MARKETING),
        ]
    )
    found = check_setup(content)
    two = next(f for f in found if "2 signatories" in f.message)
    assert two.severity == "error" and "Dana" in two.message and "Marc" in two.message
    assert two.record_ids == (1, 2)
    assert any("Marketing has no signatory" in m for m in messages(content))


def test_an_empty_name_is_an_error_on_its_row() -> None:
    content = content_with([Participant(name="  ", team=SALES), Participant(name="Priya", team=MARKETING)])
    empty = next(f for f in check_setup(content) if "needs a name" in f.message)
    assert empty.severity == "error" and empty.message.startswith("Row 1") and empty.record_ids == (1,)


def test_duplicates_are_flagged_whatever_the_case_or_spacing() -> None:
    content = content_with(
        [
            Participant(name="Zoë  Łukasik"),
            Participant(name="Tom"),
            Participant(name="zoë łukasik", team=MARKETING),
        ]
    )
    dup = next(f for f in check_setup(content) if "more than once" in f.message)
    assert "rows 1 and 3" in dup.message and dup.record_ids == (1, 3)


def test_a_very_long_name_gets_a_clear_warning() -> None:
    content = content_with(
        [Participant(name="A" * 5000, signatory=True), Participant(name="B", team=MARKETING, signatory=True)]
    )
    long = next(f for f in check_setup(content) if "characters long" in f.message)
    assert "5,000" in long.message and long.severity == "warning"


def test_names_in_any_script_are_fine() -> None:
    people = [
        Participant(name="山田太郎", team=SALES, signatory=True),
        Participant(name="نورا الحسن", team=MARKETING, signatory=True),
        Participant(name="👩🏽‍💼 Ana"),
    ]
    assert check_setup(content_with(people)) == []


def test_teams_need_distinct_names() -> None:
    content = demo_content(date(2027, 6, 1))
    content.teams = [dataclasses.replace(t, id=i + 1, name="Revenue") for i, t in enumerate(content.teams)]
    assert any("Both teams are called" in m for m in messages(content))


def test_dates_in_the_wrong_order() -> None:
    content = demo_content(date(2027, 6, 1))
    content.info = dataclasses.replace(content.info, start_date="2027-06-10", end_date="2027-06-09")
    assert any("ends before it starts" in m for m in messages(content))
