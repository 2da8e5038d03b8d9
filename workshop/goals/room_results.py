"""What the room said about the goals from their phones: attainability checks and dot votes.

The records (:class:`RoomCheck`, :class:`DotVote`) keep the answers as sent; this reads them
back for the Goals page, the reports and the JSON export, by team, counts first. A record
whose JSON is damaged reads as holding no answers rather than failing the page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workshop.model import VERDICTS, DotVote, RoomCheck, Team, team_name


@dataclass(frozen=True)
class TeamAnswers:
    """One judging team's answers in a check: how many gave each verdict, and each reason."""

    team: str
    name: str
    counts: dict[str, int]  # verdict -> how many gave it, in VERDICTS order
    answers: list[dict[str, str]]  # {"by", "verdict", "reason"}, as sent

    @property
    def answered(self) -> int:
        return len(self.answers)

    def counts_text(self) -> str:
        """``2 attainable, 1 stretch, 0 not attainable``."""
        return ", ".join(f"{self.counts[v]} {v}" for v in VERDICTS)


def _json_list(text: str) -> list[Any]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def check_answers(check: RoomCheck) -> list[dict[str, str]]:
    """The check's answers that are well formed (``by``, ``team``, ``verdict``, ``reason``)."""
    answers = []
    for item in _json_list(check.answers):
        if isinstance(item, dict) and item.get("verdict") in VERDICTS:
            answers.append({k: str(item.get(k, "")) for k in ("by", "team", "verdict", "reason")})
    return answers


def check_judges(check: RoomCheck) -> list[str]:
    return [key for key in (part.strip() for part in check.judges.split(",")) if key]


def by_team(check: RoomCheck, teams: Sequence[Team]) -> list[TeamAnswers]:
    """Each judging team's answers, in the order the teams were asked."""
    answers = check_answers(check)
    judges = check_judges(check) or sorted({a["team"] for a in answers})
    result = []
    for team in judges:
        mine = [a for a in answers if a["team"] == team]
        counts = {v: sum(a["verdict"] == v for a in mine) for v in VERDICTS}
        plain = [{"by": a["by"], "verdict": a["verdict"], "reason": a["reason"]} for a in mine]
        result.append(TeamAnswers(team, team_name(teams, team), counts, plain))
    return result


def checks_of(checks: Sequence[RoomCheck], goal_id: int) -> list[RoomCheck]:
    """The room's checks of a goal, oldest first."""
    return [c for c in checks if c.goal == goal_id]


def check_line(check: RoomCheck, teams: Sequence[Team]) -> str:
    """One line for a card or a table: ``Room check: Marketing 2 attainable, 1 stretch, 0 not attainable``."""
    parts = [f"{t.name} {t.counts_text()}" for t in by_team(check, teams)]
    return "Room check: " + ("; ".join(parts) if parts else "no answers")


def check_json(check: RoomCheck, teams: Sequence[Team]) -> dict[str, Any]:
    """A check for the JSON export: when, and by team the counts and every answer."""
    return {
        "held_at": check.held_at,
        "title": check.title,
        "teams": [
            {"team": t.team, "team_name": t.name, "counts": t.counts, "answers": t.answers}
            for t in by_team(check, teams)
        ],
    }


def vote_tally(vote: DotVote) -> list[dict[str, Any]]:
    """The vote's tally, well-formed entries only: ``{"goal", "title", "dots"}``."""
    tally = []
    for item in _json_list(vote.tally):
        if not isinstance(item, dict):
            continue
        goal, dots = item.get("goal"), item.get("dots")
        if type(goal) is int and type(dots) is int and dots >= 0:
            tally.append({"goal": goal, "title": str(item.get("title", "")), "dots": dots})
    return tally


def dots_of(votes: Sequence[DotVote], goal_id: int) -> list[tuple[DotVote, int]]:
    """Each vote the goal was in, oldest first, with the dots it got."""
    found = []
    for vote in votes:
        for entry in vote_tally(vote):
            if entry["goal"] == goal_id:
                found.append((vote, entry["dots"]))
                break
    return found


def dots_text(dots: int) -> str:
    return f"{dots} dot" if dots == 1 else f"{dots} dots"


def vote_json(vote: DotVote, dots: int) -> dict[str, Any]:
    """A goal's share of one vote for the JSON export."""
    return {"held_at": vote.held_at, "dots": dots, "voters": vote.voters, "dots_each": vote.dots_each}


def room_line(
    checks: Sequence[RoomCheck], votes: Sequence[DotVote], teams: Sequence[Team], goal_id: int
) -> str:
    """What the room said about a goal in one line (its latest check and vote); "" for nothing."""
    parts = []
    mine = checks_of(checks, goal_id)
    if mine:
        parts.append(check_line(mine[-1], teams))
    dots = dots_of(votes, goal_id)
    if dots:
        vote, count = dots[-1]
        parts.append(f"Dot vote: {count} of {dots_text(vote.dots_each * vote.voters)}")
    return " · ".join(parts)


def check_details(check: RoomCheck, teams: Sequence[Team]) -> list[str]:
    """A check as lines of plain text: each team's counts, then each answer with its reason."""
    lines = []
    for team in by_team(check, teams):
        lines.append(f"{team.name} ({team.answered} answered): {team.counts_text()}")
        lines += [
            f"  {a['by']} — {a['verdict']}" + (f": {a['reason']}" if a["reason"] else "")
            for a in team.answers
        ]
    return lines
