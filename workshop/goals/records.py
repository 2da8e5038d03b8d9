"""Goals in their workshop: who judges them, what they serve, when they may be agreed.

The checker (:mod:`workshop.goals.checker`) reads one goal; this module gives it the
workshop around it: the workshop's date to resolve deadlines against, the other
team that judges attainability, the joint goal a team goal serves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from workshop.clock import local_today
from workshop.goals.checker import FAST_KEYS, SMART_KEYS, GoalCheck, check_goal, resolve_deadline
from workshop.goals.room_results import check_json, checks_of, dots_of, vote_json
from workshop.model import JOINT, MARKETING, SALES, DotVote, Goal, RoomCheck, Team, WorkshopInfo, team_name


def workshop_date(info: WorkshopInfo, today: date | None = None) -> date:
    """The date deadlines are resolved against: the workshop's first day, else today."""
    try:
        return date.fromisoformat(info.start_date)
    except ValueError:
        return today or local_today()


def other_team_key(team: str) -> str:
    """The team that judges a goal's attainability: the other side, or both for a joint goal."""
    return {SALES: MARKETING, MARKETING: SALES}.get(team, JOINT)


def split_list(text: str) -> list[str]:
    """A comma-separated field (blockers, shared with) as a list."""
    return [part.strip() for part in text.split(",") if part.strip()]


def joint_goals(goals: Sequence[Goal]) -> list[Goal]:
    return [g for g in goals if g.team == JOINT]


def check_in_workshop(
    goal: Goal, info: WorkshopInfo, teams: Sequence[Team], goals: Sequence[Goal]
) -> GoalCheck:
    """SMART and FAST findings for ``goal`` as the workshop sees it."""
    other = other_team_key(goal.team)
    joint = next((g for g in goals if g.id == goal.serves_goal and g.id), None)
    return check_goal(
        goal,
        workshop_date(info),
        other_team=team_name(teams, other),
        other_key=other,
        joint_title=(joint.statement.strip() or "untitled joint goal") if joint else "",
    )


def deadline_change(goal: Goal, deadline_text: str, info: WorkshopInfo) -> dict[str, str]:
    """The field changes for a newly typed deadline: the text and the date it resolves to."""
    resolved = resolve_deadline(deadline_text, workshop_date(info))
    return {"deadline": deadline_text, "deadline_date": resolved.isoformat() if resolved else ""}


def agree_problem(check: GoalCheck, override_reason: str) -> str | None:
    """Why the goal cannot be marked agreed, or None when it can.

    A goal is agreed when no SMART letter fails, or when the room overrides the
    checker and says why.
    """
    failing = check.failing()
    if not failing or override_reason.strip():
        return None
    letters = ", ".join(key.replace("_", "-").capitalize() for key in failing)
    verb = "fails" if len(failing) == 1 else "fail"
    return f"Not yet: {letters} {verb}. Fix it, or agree anyway with a reason."


def copy_of(goal: Goal) -> Goal:
    """A duplicate to edit: a new draft with the same content and no verdict."""
    return dataclasses.replace(goal, id=0, status="draft", override_reason="", verdict="", verdict_comment="")


def goal_json(
    goal: Goal,
    check: GoalCheck,
    teams: Sequence[Team],
    room_checks: Sequence[RoomCheck] = (),
    dot_votes: Sequence[DotVote] = (),
) -> dict[str, Any]:
    """One goal for the JSON export, with its findings, the other team's verdict and the room's say."""

    values = goal.values()
    plain = {k: v for k, v in values.items() if k not in ("position", "verdict", "verdict_comment")}
    judge = other_team_key(goal.team)
    return {
        **plain,
        "team_name": team_name(teams, goal.team),
        "blockers": split_list(goal.blockers),
        "shared_with": split_list(goal.shared_with),
        "serves_goal": goal.serves_goal or None,
        "verdict": {
            "by": judge,
            "by_name": team_name(teams, judge),
            "verdict": goal.verdict or None,
            "comment": goal.verdict_comment,
            "room_checks": [check_json(c, teams) for c in checks_of(room_checks, goal.id)],
        },
        "dot_votes": [vote_json(vote, dots) for vote, dots in dots_of(dot_votes, goal.id)],
        "findings": {
            "smart": {key: check.smart[key].as_json() for key in SMART_KEYS},
            "fast": {key: check.fast[key].as_json() for key in FAST_KEYS},
            "is_smart": check.is_smart,
            "metric": check.metric,
            "resolved_deadline": check.deadline.isoformat() if check.deadline else None,
        },
    }
