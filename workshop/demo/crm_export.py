"""A synthetic CRM export for the weeks since the demo's offsite, and the review made from it.

Each lead is drawn (seeded, so the demo is the same every time for one day) from the shipped
lead history: its fields are a real row's, so the export follows that data's distributions.
What the history lacks is added plausibly: a creation time on a working day, a hand-off time
a few hours later, and a CRM lifecycle stage set by the CRM's own, simpler workflow
(engaged visitors and form fills become MQLs) rather than by the approved definition, so the
two disagree on some leads as they do in real CRMs.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, datetime, time, timedelta

from workshop.demo.lead_history import DEMO_HISTORY
from workshop.leads.reader import parse_table
from workshop.model import CONFIDENCES, Goal, GoalCheckIn, Review, WorkshopContent
from workshop.resources import resource_path
from workshop.review.meeting import scorecard_for

LEADS_PER_WORKING_DAY = 28
EXTRA_COLUMNS = (
    "Create Date",
    "MQL Date",
    "Lifecycle Stage",
    "First Contact",
    "Contact Attempts",
    "Sales Status",
    "Rejection Reason",
    "Decided At",
)
REASONS = ("Student, not a buyer", "No budget", "Wrong country", "Duplicate")
DEMO_EXPORT_NAME = "fernhill-crm-export.csv"


def _crm_stage(row: dict[str, str], rng: random.Random) -> str:
    """The CRM workflow's stage: MQL on engagement or a form fill, SQL and on once converted."""
    try:
        visits = float(row.get("TotalVisits") or 0)
    except ValueError:
        visits = 0.0
    engaged = visits >= 4 or row.get("Lead Origin") == "Lead Add Form"
    if not engaged:
        return "Lead"
    if row.get("Converted") == "1":
        return rng.choice(("SQL", "Opportunity", "Customer"))
    return "MQL"


def _stamp(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def _follow_up(handoff: datetime | None, stage: str, end: date, rng: random.Random) -> list[str]:
    """Hand-off, stage, first contact, attempts, sales' decision, reason and when it was made."""
    if handoff is None:
        return ["", stage, "", "", "", "", ""]
    latest = datetime.combine(end, time(23, 59))
    contact = handoff + timedelta(hours=rng.choice((0.5, 1, 2, 3, 5, 20, 70)))
    contact_at = contact if contact <= latest and rng.random() < 0.93 else None
    attempts = str(rng.randint(1, 5)) if contact_at else "0"
    decided = handoff + timedelta(hours=rng.choice((2, 6, 20, 30, 60)))
    if decided > latest or rng.random() < 0.12:
        return [_stamp(handoff), stage, _stamp(contact_at), attempts, "Open", "", ""]
    if stage == "MQL" and rng.random() < 0.3:
        return [
            _stamp(handoff),
            stage,
            _stamp(contact_at),
            attempts,
            "Rejected",
            rng.choice(REASONS),
            _stamp(decided),
        ]
    return [_stamp(handoff), stage, _stamp(contact_at), attempts, "Accepted", "", _stamp(decided)]


def demo_crm_export(start: date, end: date, seed: int = 18) -> str:
    """CSV text: leads created on each working day from ``start`` to ``end`` (both included)."""
    with resource_path(*DEMO_HISTORY).open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or [])
        history = list(reader)
    rng = random.Random(f"{seed}-{start.isoformat()}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*columns, *EXTRA_COLUMNS])
    day = start
    while day <= end:
        if day.weekday() < 5:
            for _ in range(rng.randint(LEADS_PER_WORKING_DAY - 8, LEADS_PER_WORKING_DAY + 8)):
                row = rng.choice(history)
                created = datetime.combine(day, time(rng.randint(7, 19), rng.randint(0, 59)))
                stage = _crm_stage(row, rng)
                handoff = created + timedelta(minutes=rng.randint(5, 300)) if stage != "Lead" else None
                writer.writerow(
                    [
                        *(row[c] for c in columns),
                        created.strftime("%Y-%m-%d %H:%M"),
                        *_follow_up(handoff, stage, end, rng),
                    ]
                )
        day += timedelta(days=1)
    return out.getvalue()


def demo_review(content: WorkshopContent, today: date) -> tuple[Review, list[GoalCheckIn]]:
    """The demo's completed review: the weeks since the offsite, held yesterday, with check-ins."""
    start = date.fromisoformat(content.info.end_date) + timedelta(days=1)
    end = today - timedelta(days=1)
    text = demo_crm_export(start, end)
    table = parse_table(text.encode("utf-8"), DEMO_EXPORT_NAME)
    card = scorecard_for(content, table, start, end)
    review = Review(
        id=1,
        period_start=start.isoformat(),
        period_end=end.isoformat(),
        held_on=end.isoformat(),
        attendees="Dana Whitfield; Priya Raman; Kenji Watanabe; Amira Haddad; Claire Dubois",
        notes="First review after the offsite: the CRM's MQL stage and the agreed definition disagree; "
        "marketing operations to align the workflow.",
        crm_source=DEMO_EXPORT_NAME,
        crm_mapping=json.dumps(card.mapping, ensure_ascii=False),
        scorecard=json.dumps(card.to_json(), ensure_ascii=False),
    )
    rng = random.Random(f"check-ins-{start.isoformat()}")
    check_ins = [_check_in(goal, rng) for goal in content.goals if goal.id]
    return review, check_ins


def _check_in(goal: Goal, rng: random.Random) -> GoalCheckIn:
    confidence = rng.choice(CONFIDENCES[:2])
    comment = {
        "on track": "Ahead of the monthly milestone.",
        "at risk": "Behind plan; owner has a recovery step.",
    }
    return GoalCheckIn(
        review=1,
        goal=goal.id,
        current=goal.baseline,
        confidence=confidence,
        comment=comment[confidence],
        owner=goal.owner,
    )
