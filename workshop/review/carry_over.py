"""File ▸ New from This Workshop: the next period's workshop, started from this one.

Carried over as the starting draft: the workshop's details (a new identifier, dated today),
the teams and participants, the lead stages, the funnel and quota lines, the MQL definition
(its text and version history, approvals cleared: the next workshop approves it again) and
the SLA's clauses (unsigned), the agenda (as planned: nothing re-planned or run yet), and
the working-hours, time-zone and review-time settings. The action items still open or in
progress come along as they are, each marked with the workshop it was carried over from;
done and dropped ones stay behind. Last period's goals come back as drafts for reference: the
value reached at the latest check-in becomes the baseline, and a milestone line records what
the goal was and how it ended.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

from workshop.model import Goal, GoalCheckIn, MqlState, WorkshopContent, WorkshopInfo
from workshop.review.meeting import OPEN_STATUSES, check_ins_of

NEXT_SUFFIX = " (next period)"


def _latest(content: WorkshopContent, goal: Goal) -> GoalCheckIn | None:
    history = check_ins_of(content, goal)
    return history[-1][1] if history else None


def _carried_goal(content: WorkshopContent, goal: Goal) -> Goal:
    latest = _latest(content, goal)
    reached = latest.current.strip() if latest and latest.current.strip() else ""
    result = (
        f"Last period: from {goal.baseline or '?'} toward {goal.target or '?'}, "
        + (f"reached {reached} ({latest.confidence})" if latest and reached else "no check-in recorded")
        + "."
    )
    milestones = f"{result}\n{goal.milestones}".strip()
    return dataclasses.replace(
        goal,
        id=0,
        baseline=reached or goal.baseline,
        milestones=milestones,
        deadline="",
        deadline_date="",
        serves_goal=0,
        verdict="",
        verdict_comment="",
        status="draft",
        override_reason="",
    )


def _draft_definition(state: MqlState) -> MqlState:
    return dataclasses.replace(
        state,
        id=0,
        sales_approver="",
        sales_approved_at="",
        marketing_approver="",
        marketing_approved_at="",
        test_results="",
    )


def next_workshop(content: WorkshopContent, today: date) -> WorkshopContent:
    """The next period's workshop (see the module's notes); ``content`` is left as it is."""
    info = content.info
    title = info.title.removesuffix(NEXT_SUFFIX).strip() or "Workshop"
    new_info = dataclasses.replace(
        WorkshopInfo(),
        title=f"{title}{NEXT_SUFFIX}",
        company=info.company,
        venue=info.venue,
        facilitator=info.facilitator,
        day_start=info.day_start,
        day_end=info.day_end,
        balance_low=info.balance_low,
        balance_delay=info.balance_delay,
        min_item_minutes=info.min_item_minutes,
        time_zone=info.time_zone,
        work_days=info.work_days,
        work_start=info.work_start,
        work_end=info.work_end,
        review_time=info.review_time,
        start_date=today.isoformat(),
        end_date=today.isoformat(),
        uid=str(uuid.uuid4()),
    )

    return WorkshopContent(
        info=new_info,
        teams=[dataclasses.replace(t, id=0) for t in content.teams],
        participants=[dataclasses.replace(p, id=0) for p in content.participants],
        agenda=[dataclasses.replace(a, id=0, replanned_minutes=0) for a in content.agenda],
        actions=[
            dataclasses.replace(a, id=0, carried_from=a.carried_from or title)
            for a in content.actions
            if a.status in OPEN_STATUSES
        ],
        funnel=[dataclasses.replace(f, id=0) for f in content.funnel] or WorkshopContent(new_info).funnel,
        quota_lines=[dataclasses.replace(q, id=0) for q in content.quota_lines],
        goals=[_carried_goal(content, g) for g in content.goals],
        lead_stages=[dataclasses.replace(s, id=0) for s in content.lead_stages],
        mql=[_draft_definition(m) for m in content.mql],
        sla_clauses=[dataclasses.replace(c, id=0) for c in content.sla_clauses],
    )
