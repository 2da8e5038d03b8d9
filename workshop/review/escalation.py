"""The escalation clause: which misses, week by week, would have triggered it.

The SLA escalates "when either team misses a commitment for N consecutive weeks". A week is a
Monday-to-Sunday week wholly inside the period. Marketing misses a week when it delivers fewer
MQLs than its monthly commitment spread over the year's weeks (x 12 / 52); sales misses a week
when any MQL handed off in it was first contacted later than the agreed working hours (or not
yet, once the limit has passed by the period's end).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from workshop.leads.definition import MqlDefinition, score_lead
from workshop.leads.reader import LeadTable
from workshop.model import DEFAULT_TEAM_NAMES, MARKETING, SALES
from workshop.review.hours import WorkingHours, read_datetime
from workshop.review.scorecard import (
    CREATED,
    CRM_MQL,
    FIRST_CONTACT,
    HANDOFF,
    MET,
    MISSED,
    NO_DATA,
    crm_says_mql,
)


def weeks_in(start: date, end: date) -> list[date]:
    """The Mondays of the weeks wholly inside the period."""
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    out = []
    while monday + timedelta(days=6) <= end:
        out.append(monday)
        monday += timedelta(days=7)
    return out


def _runs(missed: list[bool], weeks: list[date], length: int) -> list[dict[str, Any]]:
    runs, begin = [], None
    for i, miss in enumerate([*missed, False]):
        if miss and begin is None:
            begin = i
        elif not miss and begin is not None:
            if i - begin >= length:
                runs.append(
                    {
                        "from": weeks[begin].isoformat(),
                        "to": (weeks[i - 1] + timedelta(days=6)).isoformat(),
                        "weeks": i - begin,
                    }
                )
            begin = None
    return runs


def _cannot(
    miss_weeks: int | None, has_weeks: bool, can_mark: bool, timed: bool, names: Mapping[str, str]
) -> list[str]:
    cannot = []
    if miss_weeks is None:
        cannot.append("the SLA has no agreed number of consecutive weeks before escalating")
    if not has_weeks:
        cannot.append("the period holds no whole week")
    if not can_mark:
        cannot.append(f"the weekly MQLs of {names[MARKETING]} cannot be counted against a commitment")
    if not timed:
        cannot.append(f"the weekly first contacts of {names[SALES]} cannot be timed")
    return cannot


def escalations(
    table: LeadTable,
    mapping: Mapping[str, str],
    definition: MqlDefinition | None,
    per_month: int | None,
    contact_limit: float | None,
    miss_weeks: int | None,
    start: date,
    end: date,
    working: WorkingHours | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Each team's weeks missed and the runs long enough to have escalated.

    ``names`` are the teams' names in the workshop (by key), kept with the clause for its text.
    """
    from workshop.review.scorecard import _lead_values  # noqa: PLC0415 - shared reading of a lead

    working = working or WorkingHours()
    weeks = weeks_in(start, end)
    index = {c: i for i, c in enumerate(table.columns)}
    at = {f: index[c] for f, c in mapping.items() if c in index}
    readings = table.date_readings()
    order = {f: readings[mapping[f]].order for f in at if mapping[f] in readings}
    fields = definition.fields() if definition else []
    numbers = table.number_readings()
    wanted = definition.number_fields() if definition else set()
    decimals = {f: numbers[mapping[f]].decimal for f in fields if f in wanted and f in at}
    delivered = dict.fromkeys(weeks, 0)
    late = dict.fromkeys(weeks, False)
    end_moment = datetime.combine(end, time(23, 59), tzinfo=working.zone)
    names = {**DEFAULT_TEAM_NAMES, **(names or {})}
    for _line, row in table.rows():

        def when(name: str, row: list[str] = row) -> datetime | None:
            k = at.get(name)
            found = read_datetime(row[k], order.get(name, "")) if k is not None and k < len(row) else None
            return working.local(found) if found is not None else None

        handoff = when(HANDOFF)
        created = when(CREATED)
        moment = handoff or created
        if moment is None:
            continue
        week = moment.date() - timedelta(days=moment.weekday())
        if week not in delivered:
            continue
        if definition is not None:
            counted = score_lead(definition, _lead_values(row, at, decimals, fields)).qualified
        else:
            counted = CRM_MQL in at and crm_says_mql(row[at[CRM_MQL]])
        delivered[week] += counted
        if handoff is not None and contact_limit is not None and FIRST_CONTACT in at:
            contact = when(FIRST_CONTACT)
            hours = working.between(handoff, contact or end_moment)
            if hours > contact_limit:
                late[week] = True
    per_week = None if per_month is None else per_month * 12 / 52
    can_mark = per_week is not None and (definition is not None or CRM_MQL in at)
    marketing_missed = [can_mark and per_week is not None and delivered[w] < per_week for w in weeks]
    sales_missed = [late[w] for w in weeks]
    timed = contact_limit is not None and FIRST_CONTACT in at and HANDOFF in at
    cannot = _cannot(miss_weeks, bool(weeks), can_mark, timed, names)
    length = miss_weeks or 0
    triggered = {
        MARKETING: _runs(marketing_missed, weeks, length) if length else [],
        SALES: _runs(sales_missed, weeks, length) if length else [],
    }
    verdict = NO_DATA if not length or not weeks else (MISSED if any(triggered.values()) else MET)
    return {
        "clause": "escalation",
        "title": "Escalation",
        "miss_weeks": miss_weeks,
        "team_names": {MARKETING: names[MARKETING], SALES: names[SALES]},
        "weeks": [
            {
                "week": w.isoformat(),
                "mqls": delivered[w],
                "mql_target": None if per_week is None else round(per_week, 1),
                "marketing_missed": marketing_missed[i],
                "sales_missed": sales_missed[i],
            }
            for i, w in enumerate(weeks)
        ],
        "triggered": triggered,
        "period": {"verdict": verdict},
        "cannot": cannot,
    }
