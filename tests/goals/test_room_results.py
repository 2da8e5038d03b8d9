"""What the room said from their phones, kept in the file: checks by team, dots per draft."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.conftest import write_version
from workshop.document import WorkshopDocument
from workshop.edits import Insert
from workshop.goals.room_results import by_team, check_details, dots_of, room_line, vote_tally
from workshop.model import MARKETING, SALES, DotVote, RoomCheck, Team, default_teams
from workshop.store.schema import ROOM_RESULTS_VERSION

TEAMS = [Team(key=SALES, name="Vertrieb"), Team(key=MARKETING, name="Marketing")]


def check(answers: object, judges: str = SALES) -> RoomCheck:
    return RoomCheck(
        id=1,
        goal=2,
        title="A goal",
        held_at="2027-06-01T14:20:00+02:00",
        judges=judges,
        answers=json.dumps(answers),
    )


def test_a_check_reads_by_team_with_counts_and_reasons_as_typed() -> None:
    found = check(
        [
            {"by": "Dana", "team": SALES, "verdict": "stretch", "reason": "<b>Q3</b> is short"},
            {"by": "Kenji", "team": SALES, "verdict": "attainable", "reason": ""},
            {"by": "Priya", "team": MARKETING, "verdict": "attainable", "reason": "ours"},
        ],
        judges=f"{SALES},{MARKETING}",
    )
    sales, marketing = by_team(found, TEAMS)
    assert (sales.name, sales.answered, sales.counts_text()) == (
        "Vertrieb",
        2,
        "1 attainable, 1 stretch, 0 not attainable",
    )
    assert marketing.counts == {"attainable": 1, "stretch": 0, "not attainable": 0}
    assert room_line([found], [], TEAMS, 2) == (
        "Room check: Vertrieb 1 attainable, 1 stretch, 0 not attainable; "
        "Marketing 1 attainable, 0 stretch, 0 not attainable"
    )
    assert "  Dana — stretch: <b>Q3</b> is short" in check_details(found, TEAMS)
    assert "  Kenji — attainable" in check_details(found, TEAMS)
    assert room_line([found], [], TEAMS, 3) == ""  # another goal: nothing


def test_damaged_answers_and_tallies_read_as_nothing_rather_than_failing() -> None:
    damaged = check([{"by": "x", "team": SALES, "verdict": "maybe"}, "text", 5])
    assert by_team(damaged, TEAMS)[0].answered == 0
    assert by_team(RoomCheck(answers="{oops", judges=SALES), TEAMS)[0].answered == 0
    vote = DotVote(tally=json.dumps([{"goal": 2, "dots": "many"}, {"goal": 3, "title": "t", "dots": 4}]))
    assert vote_tally(vote) == [{"goal": 3, "title": "t", "dots": 4}]
    assert dots_of([vote], 2) == [] and dots_of([vote], 3) == [(vote, 4)]


def test_the_latest_vote_a_goal_was_in_gives_its_dots() -> None:
    first = DotVote(id=1, dots_each=3, voters=4, tally=json.dumps([{"goal": 7, "title": "t", "dots": 2}]))
    second = DotVote(id=2, dots_each=2, voters=5, tally=json.dumps([{"goal": 7, "title": "t", "dots": 1}]))
    assert room_line([], [first, second], default_teams(), 7) == "Dot vote: 1 of 10 dots"


def test_a_file_of_the_previous_version_opens_migrated_and_takes_room_results(tmp_path: Path) -> None:
    path = tmp_path / "old.smw"
    write_version(path, ROOM_RESULTS_VERSION - 1)
    document = WorkshopDocument.open(path)
    try:
        assert document.migrated_backup is not None
        assert document.typed(RoomCheck) == [] and document.typed(DotVote) == []
        document.apply(
            "Record", [Insert(check([{"by": "Dana", "team": SALES, "verdict": "stretch", "reason": "r"}]))]
        )
        document.apply(
            "Vote",
            [
                Insert(
                    DotVote(
                        held_at="2027-06-01T11:00:00+02:00",
                        voters=3,
                        tally=json.dumps([{"goal": 4, "title": "t", "dots": 5}]),
                    )
                )
            ],
        )
    finally:
        document.close()
    reopened = WorkshopDocument.open(path, read_only=True)
    try:
        (kept,) = reopened.typed(RoomCheck)
        assert by_team(kept, reopened.typed(Team))[0].counts["stretch"] == 1
        assert dots_of(reopened.typed(DotVote), 4)[0][1] == 5
    finally:
        reopened.close()


def test_the_demo_workshop_carries_a_room_check_and_a_vote() -> None:
    from workshop.demo.content import demo_content

    content = demo_content(date(2027, 6, 1))
    assert room_line(content.room_checks, content.dot_votes, content.teams, 2).startswith(
        "Room check: Sales 3 attainable"
    )
    assert room_line(content.room_checks, content.dot_votes, content.teams, 6) == "Dot vote: 11 of 24 dots"


def test_a_file_whose_room_answers_are_not_json_opens_read_only_naming_them(demo_file: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_file)
    with conn:
        conn.execute("UPDATE room_checks SET answers = '{half an object'")
        conn.execute("UPDATE dot_votes SET tally = '\"text\"'")
    conn.close()
    before = demo_file.read_bytes()
    document = WorkshopDocument.open(demo_file)
    try:
        assert document.read_only
        problems = " ".join(problem.describe() for problem in document.problems)
        assert "attainability checks" in problems and "answers" in problems
        assert "dot votes" in problems and "tally" in problems
    finally:
        document.close()
    assert demo_file.read_bytes() == before  # looked at, never changed
