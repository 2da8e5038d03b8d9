"""One review of a workshop: the SLA's figures it reads, goal check-ins, overdue actions."""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from workshop.leads.dates import read_date
from workshop.leads.definition import MqlDefinition
from workshop.leads.reader import LeadTable, read_table
from workshop.leads.state import definition_of, fully_approved
from workshop.model import (
    TEAM_KEYS,
    ActionItem,
    FunnelSettings,
    Goal,
    GoalCheckIn,
    Review,
    WorkshopContent,
    team_name,
)
from workshop.review.cohorts import conversion_cohorts, funnel_rates
from workshop.review.escalation import escalations
from workshop.review.hours import working_hours_of
from workshop.review.scorecard import CREATED, HANDOFF, mql_delivery, sales_follow_up, suggest_review_mapping
from workshop.sla import agreement as sla

OPEN_STATUSES = ("open", "in progress")


def parse_period(text: str) -> tuple[date, date]:
    """ "2027-01-01..2027-03-31" -> both dates; ValueError with a message in words otherwise."""
    start_text, sep, end_text = text.partition("..")
    try:
        if not sep:
            raise ValueError
        start, end = date.fromisoformat(start_text.strip()), date.fromisoformat(end_text.strip())
    except ValueError:
        raise ValueError(f"“{text}” is not a period: write it as 2027-01-01..2027-03-31") from None
    if end < start:
        raise ValueError(f"the period “{text}” ends before it starts")
    return start, end


def clause_number(content: WorkshopContent, name: str) -> int | None:
    """A whole number the SLA's clauses fill the blank ``name`` with ("1,200" -> 1200); None if none."""
    for clause in content.sla_clauses:
        for blank in sla.blanks(clause, content):
            if blank.spec.name == name and blank.value:
                digits = blank.value.replace(",", "").replace(" ", "").replace("\u00a0", "")
                return int(digits) if digits.isdigit() else None
    return None


def committed_mqls_per_month(content: WorkshopContent) -> int | None:
    """The MQLs a month the SLA's marketing commitment names, or None when it names none."""
    return clause_number(content, "mqls_per_month")


def approved_definition(content: WorkshopContent) -> MqlDefinition | None:
    """The MQL definition both teams approved, None when there is none."""
    if content.mql and fully_approved(content.mql[0]):
        return definition_of(content.mql[0])
    return None


def remembered_mapping(content: WorkshopContent) -> dict[str, str]:
    """The last review's column choices (the newest review that read an export)."""
    for review in reversed(content.reviews):
        try:
            data = json.loads(review.crm_mapping) if review.crm_mapping else None
        except ValueError:
            continue
        if isinstance(data, dict) and data:
            return {str(k): str(v) for k, v in data.items()}
    return {}


@dataclass(frozen=True)
class Scorecard:
    """The SLA's clauses against one export for one period, ready for JSON."""

    source: str
    start: date
    end: date
    mapping: dict[str, str]
    clauses: list[dict[str, Any]]
    sla_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "period_start": self.start.isoformat(),
            "period_end": self.end.isoformat(),
            "sla_sha256": self.sla_sha256,
            "mapping": self.mapping,
            "clauses": self.clauses,
        }


def scorecard_for(
    content: WorkshopContent,
    table: LeadTable,
    start: date,
    end: date,
    chosen: dict[str, str] | None = None,
) -> Scorecard:
    """Each clause the export can speak to, with its verdict; ``chosen`` overrides the mapping."""
    definition = approved_definition(content)
    fields = definition.fields() if definition else []
    mapping = suggest_review_mapping(table.columns, fields, remembered_mapping(content))
    for name, column in (chosen or {}).items():
        if column and column not in table.columns:
            raise ValueError(f"the export has no column “{column}”")
        mapping[name] = column
    mapping = {k: v for k, v in mapping.items() if v}
    per_month = committed_mqls_per_month(content)
    working, notes = working_hours_of(content.info)
    clauses = [mql_delivery(table, mapping, definition, per_month, start, end, working.zone)]
    contact = clause_number(content, "first_contact_hours")
    decision = clause_number(content, "decision_hours")
    clauses += sales_follow_up(table, mapping, contact, decision, start, end, working)
    rates = funnel_rates(content.funnel[0] if content.funnel else FunnelSettings())
    clauses.append(conversion_cohorts(table, mapping, rates, start, end, working.zone))
    miss_weeks = clause_number(content, "miss_weeks")
    names = {key: team_name(content.teams, key) for key in TEAM_KEYS}
    clauses.append(
        escalations(table, mapping, definition, per_month, contact, miss_weeks, start, end, working, names)
    )
    for clause in clauses[1:3]:
        clause["cannot"] = [*notes, *clause["cannot"]]
    return Scorecard(table.name, start, end, mapping, clauses, sla.fingerprint(content))


def read_export(path: Path) -> LeadTable:
    return read_table(path)


def export_dates(table: LeadTable) -> tuple[date, date] | None:
    """The whole months the export's hand-off (else created) dates cover; None when it has none."""
    mapping = suggest_review_mapping(table.columns, [])
    column = mapping.get(HANDOFF) or mapping.get(CREATED)
    if not column:
        return None
    order = table.date_readings()[column].order if column in table.date_readings() else ""
    days = [d for v in table.values(column) if (d := read_date(v, order)) is not None]
    if not days:
        return None
    first, last = min(days), max(days)
    return first.replace(day=1), last.replace(day=calendar.monthrange(last.year, last.month)[1])


def overdue_actions(actions: list[ActionItem], today: date) -> list[ActionItem]:
    """Actions still open (or in progress) whose due date has passed, most overdue first."""
    late = []
    for action in actions:
        try:
            due = date.fromisoformat(action.due) if action.due else None
        except ValueError:
            due = None
        if due is not None and due < today and action.status in OPEN_STATUSES:
            late.append((due, action))
    return [a for _due, a in sorted(late, key=lambda pair: (pair[0], pair[1].position))]


def check_ins_of(content: WorkshopContent, goal: Goal) -> list[tuple[Review, GoalCheckIn]]:
    """A goal's check-ins, review by review in the reviews' order (its trend)."""
    by_review = {r.id: r for r in content.reviews}
    found = [
        (by_review[c.review], c) for c in content.check_ins if c.goal == goal.id and c.review in by_review
    ]
    return sorted(found, key=lambda pair: (pair[0].position, pair[0].id))


def _listed(reviews: list[Review]) -> str:
    return "; ".join(
        f"{i}: held {r.held_on or 'on no date'}, {r.period_start or '?'} to {r.period_end or '?'}"
        for i, r in enumerate(reviews, 1)
    )


def pick_review(reviews: list[Review], wanted: str | None) -> Review:
    """The review ``wanted`` names: held on that date, else the one whose period holds it, or by number.

    ``None`` or "" is the latest. A number counts from 1 (the first review); -1 is the latest.
    ValueError says what there is when nothing (or more than one review) matches.
    """
    if not reviews:
        raise ValueError("the workshop holds no review yet: add one on the Review page (Ctrl+0)")
    text = (wanted or "").strip()
    if not text:
        return reviews[-1]
    if text.lstrip("-").isdigit():
        number = int(text)
        if 1 <= number <= len(reviews):
            return reviews[number - 1]
        if -len(reviews) <= number <= -1:
            return reviews[number]
        raise ValueError(f"there is no review {text}: the workshop holds {len(reviews)} ({_listed(reviews)})")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"“{text}” is neither a date (2027-01-31) nor a review's number (1, 2, …, or -1 for the latest)"
        ) from None
    held = [r for r in reviews if r.held_on == day.isoformat()]
    if not held:
        held = [r for r in reviews if r.period_start <= day.isoformat() <= r.period_end and r.period_start]
    if len(held) == 1:
        return held[0]
    if not held:
        raise ValueError(f"no review was held on {day.isoformat()} or covers it ({_listed(reviews)})")
    numbers = ", ".join(str(reviews.index(r) + 1) for r in held)
    raise ValueError(f"{len(held)} reviews match {day.isoformat()}: give its number instead ({numbers})")
