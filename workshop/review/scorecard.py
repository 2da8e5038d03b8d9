"""The SLA against the facts: a period's CRM export counted clause by clause.

The export is read by the lead bench's reader (any delimiter, encoding, numbers and dates
as each column writes them). Each lead is dated by its hand-off (the moment it became an
MQL), else by its creation date, and counted in its month. The marketing commitment's MQLs
are counted twice: by the CRM's own MQL flag or lifecycle stage (when a column is mapped) and
by "meets the approved definition"; the leads on which the two disagree are listed.

A verdict is ``met`` (at or above the commitment), ``close`` (within 10 % below it),
``missed``, or ``no data`` (nothing to count, or nothing agreed to count against), always
with the numbers and, for no data, the reason in words.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

from workshop.leads.dates import read_date
from workshop.leads.definition import MqlDefinition, Value, score_lead
from workshop.leads.numbers import read_number
from workshop.leads.reader import LeadTable, column_key, suggest_mapping
from workshop.leads.values import clean, outcome_of
from workshop.model import DEFAULT_TEAM_NAMES
from workshop.review.hours import WorkingHours, has_offset, read_datetime

MET, CLOSE, MISSED, NO_DATA = "met", "close", "missed", "no data"
VERDICTS = (MET, CLOSE, MISSED, NO_DATA)
CLOSE_SHARE = 0.9  # at least this share of the commitment reads "close" rather than "missed"
MAX_LISTED = 200  # disagreeing leads kept by line; more are only counted

HANDOFF, CREATED, CRM_MQL = "handoff", "created", "crm_mql"
FIRST_CONTACT, ATTEMPTS, STATUS, REASON, DECIDED = "first_contact", "attempts", "status", "reason", "decided"
REVIEW_FIELDS = (HANDOFF, CREATED, CRM_MQL, FIRST_CONTACT, ATTEMPTS, STATUS, REASON, DECIDED)
FIELD_LABELS = {
    HANDOFF: "hand-off (became MQL) date and time",
    CREATED: "created date",
    CRM_MQL: "CRM's MQL flag or lifecycle stage",
    FIRST_CONTACT: "first contact date and time",
    ATTEMPTS: "contact attempts",
    STATUS: "sales' accept or reject status",
    REASON: "rejection reason",
    DECIDED: "accepted or rejected date and time",
}
_ALIASES = {
    HANDOFF: (
        "handoff",
        "handoffdate",
        "handedoff",
        "mqldate",
        "becameamarketingqualifiedleaddate",
        "becameanmqldate",
        "dateenteredmarketingqualifiedlead",
        "mqlat",
    ),
    CREATED: ("createddate", "createdate", "created", "createdon", "createdat", "leadcreateddate"),
    CRM_MQL: ("ismql", "mql", "mqlflag", "lifecyclestage", "lifecycle", "leadstage", "stage"),
    FIRST_CONTACT: (
        "firstcontact",
        "firstcontactdate",
        "firstcontactedat",
        "firstcontacted",
        "firstcall",
        "firsttouch",
    ),
    ATTEMPTS: ("contactattempts", "attempts", "numberofattempts", "callattempts", "numberofsalesactivities"),
    STATUS: ("salesstatus", "acceptancestatus", "mqlstatus", "leadstatus", "status", "hsleadstatus"),
    REASON: ("rejectionreason", "rejectreason", "disqualificationreason", "unqualifiedreason", "reason"),
    DECIDED: ("decidedat", "decisiondate", "accepteddate", "acceptedat", "rejecteddate", "statusdate"),
}
_ACCEPTED = frozenset(
    {
        "accepted",
        "accept",
        "sal",
        "salesaccepted",
        "salesacceptedlead",
        "working",
        "qualified",
        "sql",
        "opportunity",
        "converted",
        "won",
        "customer",
        "connected",
        "inprogress",
    }
)
_REJECTED = frozenset(
    {
        "rejected",
        "reject",
        "disqualified",
        "unqualified",
        "notqualified",
        "declined",
        "recycled",
        "returned",
        "badtiming",
        "junk",
    }
)
# Lifecycle stages at or past MQL (as keys: lower case letters and digits only).
_AT_OR_PAST_MQL = frozenset(
    {
        "mql",
        "marketingqualifiedlead",
        "marketingqualified",
        "sal",
        "salesacceptedlead",
        "sql",
        "salesqualifiedlead",
        "opportunity",
        "customer",
        "won",
        "closedwon",
        "evangelist",
    }
)


def crm_says_mql(cell: str) -> bool:
    """Whether the CRM's flag or lifecycle stage says the lead was an MQL (or went past it)."""
    if column_key(cell) in _AT_OR_PAST_MQL:
        return True
    return outcome_of(cell) is True and column_key(cell) not in ("won", "customer", "converted")


def suggest_review_mapping(
    columns: Sequence[str], definition_fields: Sequence[str], remembered: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Field -> column: as remembered when the column is still there, else by the usual names."""
    remembered = remembered or {}
    present = set(columns)
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(column_key(column), column)
    mapped: dict[str, str] = {}
    for name in REVIEW_FIELDS:
        old = remembered.get(name, "")
        if old in present:
            mapped[name] = old
            continue
        found = next((by_key[k] for k in _ALIASES[name] if k in by_key), "")
        if found:
            mapped[name] = found
    guess = suggest_mapping(list(definition_fields), list(columns))
    for name in definition_fields:
        old = remembered.get(name, "")
        column = old if old in present else guess.fields.get(name, "")
        if column:
            mapped[name] = column
    return mapped


def months_of(start: date, end: date) -> list[tuple[int, int]]:
    """Every (year, month) the period touches, in order."""
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_target(per_month: int, year: int, month: int, start: date, end: date) -> int:
    """The commitment for the part of the month inside the period (pro rata by days, rounded half up)."""
    days = calendar.monthrange(year, month)[1]
    first = max(start, date(year, month, 1))
    last = min(end, date(year, month, days))
    covered = (last - first).days + 1
    return math.floor(per_month * covered / days + 0.5)


def verdict(delivered: int, target: int | None, rows: int) -> str:
    if target is None or rows == 0:
        return NO_DATA
    if delivered >= target:
        return MET
    return CLOSE if delivered >= CLOSE_SHARE * target else MISSED


@dataclass
class _Month:
    rows: int = 0
    by_crm: int = 0
    by_definition: int = 0


@dataclass
class _Count:
    months: dict[str, _Month] = field(default_factory=dict)
    undated: int = 0
    outside: int = 0
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    disagreement_count: int = 0


def _lead_values(
    row: Sequence[str], columns: Mapping[str, int], decimals: Mapping[str, str], fields: Sequence[str]
) -> dict[str, Value]:
    lead: dict[str, Value] = {}
    for name in fields:
        at = columns.get(name)
        value: Value = clean(row[at]) if at is not None and at < len(row) else None
        if value is not None and name in decimals:
            value = read_number(str(value), decimals[name])
        lead[name] = value
    return lead


def day_of_cell(row: Sequence[str], at: int | None, order: str, zone: tzinfo | None = None) -> date | None:
    """The cell's date; a date-time with an offset from UTC is dated in ``zone`` (the workshop's)."""
    if at is None or at >= len(row):
        return None
    if zone is None or not has_offset(row[at]):
        return read_date(row[at], order)
    moment = read_datetime(row[at], order)
    if moment is None:
        return None
    return moment.astimezone(zone).date() if moment.tzinfo is not None else moment.date()


def _count(
    table: LeadTable,
    mapping: Mapping[str, str],
    definition: MqlDefinition | None,
    start: date,
    end: date,
    zone: tzinfo | None = None,
) -> _Count:
    index = {c: i for i, c in enumerate(table.columns)}
    columns = {f: index[c] for f, c in mapping.items() if c in index}
    readings = table.date_readings()
    orders = {
        f: readings[mapping[f]].order for f in (HANDOFF, CREATED) if f in columns and mapping[f] in readings
    }
    fields = definition.fields() if definition is not None else []
    numbers = table.number_readings()
    wanted = definition.number_fields() if definition is not None else set()
    decimals = {f: numbers[mapping[f]].decimal for f in fields if f in wanted and f in columns}
    count = _Count({f"{y:04d}-{m:02d}": _Month() for y, m in months_of(start, end)})
    crm_at = columns.get(CRM_MQL)
    for line, row in table.rows():
        day = day_of_cell(row, columns.get(HANDOFF), orders.get(HANDOFF, ""), zone) or day_of_cell(
            row, columns.get(CREATED), orders.get(CREATED, ""), zone
        )
        if day is None:
            count.undated += 1
            continue
        if not start <= day <= end:
            count.outside += 1
            continue
        month = count.months[f"{day.year:04d}-{day.month:02d}"]
        month.rows += 1
        by_crm = crm_at is not None and crm_at < len(row) and crm_says_mql(row[crm_at])
        by_definition = (
            definition is not None
            and score_lead(definition, _lead_values(row, columns, decimals, fields)).qualified
        )
        month.by_crm += by_crm
        month.by_definition += by_definition
        if crm_at is not None and definition is not None and by_crm != by_definition:
            count.disagreement_count += 1
            if len(count.disagreements) < MAX_LISTED:
                count.disagreements.append(
                    {
                        "line": line,
                        "date": day.isoformat(),
                        "crm_mql": by_crm,
                        "meets_definition": by_definition,
                        "crm_value": row[crm_at].strip(),
                    }
                )
    return count


def mql_delivery(
    table: LeadTable,
    mapping: Mapping[str, str],
    definition: MqlDefinition | None,
    per_month: int | None,
    start: date,
    end: date,
    zone: tzinfo | None = None,
) -> dict[str, Any]:
    """The marketing commitment's clause: MQLs per month and for the period against the SLA.

    The verdict counts by the approved definition (the SLA says every MQL meets it) when
    there is one, else by the CRM's flag; both counts are given when both can be made.
    """
    if end < start:
        raise ValueError(f"the period ends ({end.isoformat()}) before it starts ({start.isoformat()})")
    count = _count(table, mapping, definition, start, end, zone)
    has_crm = CRM_MQL in mapping and mapping[CRM_MQL] in table.columns
    basis = "definition" if definition is not None else "crm" if has_crm else ""
    cannot: list[str] = []
    if not any(f in mapping and mapping[f] in table.columns for f in (HANDOFF, CREATED)):
        cannot.append("no column gives the hand-off or created date: the leads cannot be put in months")
    if not basis:
        cannot.append(
            "neither the CRM's MQL flag is mapped nor an MQL definition approved: nothing counts as an MQL"
        )
    if per_month is None:
        cannot.append("the SLA has no agreed number of MQLs per month")
    if definition is not None:
        missing = [f for f in definition.fields() if f not in mapping or mapping[f] not in table.columns]
        if missing:
            cannot.append(
                "the definition's fields not in the export (counted as empty): " + ", ".join(missing)
            )
    months = []
    total = {"rows": 0, "by_crm": 0, "by_definition": 0, "target": 0}
    for key, month in count.months.items():
        year, number = int(key[:4]), int(key[5:])
        target = None if per_month is None else month_target(per_month, year, number, start, end)
        delivered = month.by_definition if basis == "definition" else month.by_crm
        months.append(
            {
                "month": key,
                "rows": month.rows,
                "by_crm": month.by_crm if has_crm else None,
                "by_definition": month.by_definition if definition is not None else None,
                "target": target,
                "verdict": verdict(delivered, target, month.rows) if basis else NO_DATA,
            }
        )
        total["rows"] += month.rows
        total["by_crm"] += month.by_crm
        total["by_definition"] += month.by_definition
        total["target"] += target or 0
    delivered = total["by_definition"] if basis == "definition" else total["by_crm"]
    period_target = None if per_month is None else total["target"]
    return {
        "clause": "marketing_commitment",
        "title": "MQLs delivered",
        "basis": basis,
        "per_month": per_month,
        "months": months,
        "period": {
            "rows": total["rows"],
            "by_crm": total["by_crm"] if has_crm else None,
            "by_definition": total["by_definition"] if definition is not None else None,
            "target": period_target,
            "verdict": verdict(delivered, period_target, total["rows"]) if basis else NO_DATA,
        },
        "disagreements": count.disagreements,
        "disagreement_count": count.disagreement_count,
        "undated_rows": count.undated,
        "outside_rows": count.outside,
        "cannot": cannot,
    }


def _figure(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def describe_delivery(clause: Mapping[str, Any]) -> list[str]:
    """The MQL clause in lines of plain text: the verdict with its numbers, month by month."""
    period = clause["period"]
    basis = {"definition": "meeting the approved definition", "crm": "by the CRM's MQL flag"}.get(
        clause["basis"], "nothing to count"
    )
    lines = [
        f"{clause['title']} ({basis}): {period['verdict'].upper()} — "
        f"CRM {_figure(period['by_crm'])}, definition {_figure(period['by_definition'])}, "
        f"commitment {_figure(period['target'])}"
    ]
    for month in clause["months"]:
        lines.append(
            f"  {month['month']}: {month['verdict']} — CRM {_figure(month['by_crm'])}, "
            f"definition {_figure(month['by_definition'])}, commitment {_figure(month['target'])}, "
            f"{month['rows']:,} leads in the export"
        )
    if clause["disagreement_count"]:
        shown = ", ".join(str(d["line"]) for d in clause["disagreements"][:10])
        more = " …" if clause["disagreement_count"] > 10 else ""
        lines.append(
            f"  CRM and definition disagree on {clause['disagreement_count']:,} leads (lines {shown}{more})"
        )
    if clause["undated_rows"]:
        lines.append(f"  {clause['undated_rows']:,} rows have no readable date and are not counted")
    lines.extend(f"  Cannot be worked out: {why}" for why in clause["cannot"])
    return lines


def acceptance_of(cell: str) -> str:
    """ "accepted", "rejected" or "pending" for a sales status value."""
    key = column_key(cell)
    return "accepted" if key in _ACCEPTED else "rejected" if key in _REJECTED else "pending"


def _share_verdict(within: int, measured: int, late_open: int) -> str:
    """Every MQL in time: met; at least 90 % in time: close; else missed; none measured: no data."""
    total = measured + late_open
    if total == 0:
        return NO_DATA
    if within == total:
        return MET
    return CLOSE if within >= CLOSE_SHARE * total else MISSED


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@dataclass
class _FollowUp:
    """What one month (or the period) holds for the two follow-up clauses."""

    mqls: int = 0
    contact_hours: list[float] = field(default_factory=list)
    uncontacted: int = 0
    attempts: list[float] = field(default_factory=list)
    decisions: Counter_t = field(default_factory=dict)
    reasons: Counter_t = field(default_factory=dict)
    decision_hours: list[float] = field(default_factory=list)

    def count(self, decision: str, reason: str | None) -> None:
        """One MQL's accept/reject status (and for a rejection its reason)."""
        self.decisions[decision] = self.decisions.get(decision, 0) + 1
        if decision == "rejected":
            shown = reason or "no reason given"
            self.reasons[shown] = self.reasons.get(shown, 0) + 1


Counter_t = dict[str, int]


def _hours_figures(hours: list[float], limit: float | None, undone: int, cannot: bool) -> dict[str, Any]:
    within = sum(1 for h in hours if limit is not None and h <= limit)
    return {
        "measured": len(hours),
        "within": within,
        "share_within": round(within / (len(hours) + undone), 4) if hours or undone else None,
        "median_hours": None if not hours else round(_median(hours) or 0.0, 2),
        "worst_hours": None if not hours else round(max(hours), 2),
        "not_done": undone,
        "verdict": NO_DATA if limit is None or cannot else _share_verdict(within, len(hours), undone),
    }


def _hours_clause(
    key: str, title: str, hours: list[float], limit: float | None, undone: int, cannot: list[str]
) -> dict[str, Any]:
    figures = _hours_figures(hours, limit, undone, bool(cannot))
    verdict_text = figures.pop("verdict")
    return {
        "clause": key,
        "title": title,
        "limit_hours": limit,
        **figures,
        "period": {"verdict": verdict_text},
        "cannot": cannot,
    }


def _decision_counts(found: _FollowUp, has_status: bool) -> dict[str, Any]:
    accepted, rejected = found.decisions.get("accepted", 0), found.decisions.get("rejected", 0)
    decided = accepted + rejected
    return {
        "accepted": accepted if has_status else None,
        "rejected": rejected if has_status else None,
        "pending": found.decisions.get("pending", 0) if has_status else None,
        "share_accepted": round(accepted / decided, 4) if decided else None,
    }


def sales_follow_up(
    table: LeadTable,
    mapping: Mapping[str, str],
    contact_limit: float | None,
    decision_limit: float | None,
    start: date,
    end: date,
    working: WorkingHours | None = None,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """First contact (working hours from hand-off) and the accept/reject decision, with acceptance shares.

    Both clauses have their figures for the period and for each month it touches (an MQL
    counts in the month of its hand-off, in the workshop's time zone). An MQL with no first
    contact yet counts against the clause once its limit has passed by ``now`` (the end of
    the period when not given). The decision's hours are real hours from hand-off.
    """
    working = working or WorkingHours()
    index = {c: i for i, c in enumerate(table.columns)}
    at = {f: index[c] for f, c in mapping.items() if c in index}
    readings = table.date_readings()
    order = {f: readings[mapping[f]].order for f in at if mapping[f] in readings}
    numbers = table.number_readings()
    end_moment = working.local(now) if now else datetime.combine(end, time(23, 59), tzinfo=working.zone)
    found = _FollowUp()
    months = {f"{y:04d}-{m:02d}": _FollowUp() for y, m in months_of(start, end)}
    attempts_decimal = numbers[mapping[ATTEMPTS]].decimal if mapping.get(ATTEMPTS) in numbers else ""
    for _line, row in table.rows():

        def cell(name: str, row: list[str] = row) -> str:
            k = at.get(name)
            return row[k] if k is not None and k < len(row) else ""

        def when(name: str) -> datetime | None:
            moment = read_datetime(cell(name), order.get(name, "")) if name in at else None
            return working.local(moment) if moment is not None else None

        handoff = when(HANDOFF)
        if handoff is None or not start <= handoff.date() <= end:
            continue
        month = months[f"{handoff.year:04d}-{handoff.month:02d}"]
        contact = when(FIRST_CONTACT)
        late = (
            contact is None
            and contact_limit is not None
            and working.between(handoff, end_moment) > contact_limit
        )
        attempts = (
            read_number(cell(ATTEMPTS), attempts_decimal)
            if ATTEMPTS in at and clean(cell(ATTEMPTS))
            else None
        )
        decision = acceptance_of(cell(STATUS)) if STATUS in at else ""
        decided = when(DECIDED) if decision and decision != "pending" else None
        for bucket in (found, month):
            bucket.mqls += 1
            if contact is not None:
                bucket.contact_hours.append(working.between(handoff, contact))
            bucket.uncontacted += late
            if attempts is not None:
                bucket.attempts.append(attempts)
            if decision:
                bucket.count(decision, clean(cell(REASON)) if REASON in at else None)
            if decided is not None:
                bucket.decision_hours.append(working.elapsed(handoff, decided))
    contact_clause = _first_contact_clause(found, contact_limit, at)
    decision_clause = _decision_clause(found, decision_limit, at)
    contact_clause["months"] = [
        _contact_month(key, month, contact_limit, not {HANDOFF, FIRST_CONTACT} <= at.keys())
        for key, month in months.items()
    ]
    decision_clause["months"] = [
        _decision_month(key, month, decision_limit, not {STATUS, DECIDED} <= at.keys(), STATUS in at)
        for key, month in months.items()
    ]
    contact_clause["working_hours"] = working.describe()
    return [contact_clause, decision_clause]


def _contact_month(key: str, month: _FollowUp, limit: float | None, cannot: bool) -> dict[str, Any]:
    figures = _hours_figures(month.contact_hours, limit, month.uncontacted, cannot)
    return {
        "month": key,
        "mqls": month.mqls,
        **figures,
        "verdict": NO_DATA if month.mqls == 0 else figures["verdict"],
        "attempts_median": _median(month.attempts),
    }


def _decision_month(
    key: str, month: _FollowUp, limit: float | None, cannot: bool, has_status: bool
) -> dict[str, Any]:
    figures = _hours_figures(month.decision_hours, limit, 0, cannot)
    return {
        "month": key,
        "mqls": month.mqls,
        **figures,
        "verdict": NO_DATA if month.mqls == 0 else figures["verdict"],
        **_decision_counts(month, has_status),
    }


def _first_contact_clause(found: _FollowUp, limit: float | None, at: Mapping[str, int]) -> dict[str, Any]:
    cannot = []
    if HANDOFF not in at:
        cannot.append("no column gives the hand-off (MQL) time: the clock cannot start")
    if FIRST_CONTACT not in at:
        cannot.append("no column gives the first contact time")
    if limit is None:
        cannot.append("the SLA has no agreed number of business hours for first contact")
    clause = _hours_clause(
        "sales_commitment",
        "First contact in business hours",
        found.contact_hours,
        limit,
        found.uncontacted,
        cannot,
    )
    clause["mqls"] = found.mqls
    clause["attempts_median"] = _median(found.attempts)
    clause["attempts_measured"] = len(found.attempts)
    if ATTEMPTS not in at:
        clause["cannot"] = [*cannot, "no column gives the contact attempts"]
    return clause


def _decision_clause(found: _FollowUp, limit: float | None, at: Mapping[str, int]) -> dict[str, Any]:
    cannot = []
    if STATUS not in at:
        cannot.append("no column gives sales' accept or reject status")
    if DECIDED not in at:
        cannot.append("no column gives when the MQL was accepted or rejected")
    if limit is None:
        cannot.append("the SLA has no agreed number of hours to accept or reject")
    clause = _hours_clause(
        "accept_reject", "Accept or reject in time", found.decision_hours, limit, 0, cannot
    )
    clause["mqls"] = found.mqls
    clause.update(_decision_counts(found, STATUS in at))
    clause["reasons"] = dict(sorted(found.reasons.items(), key=lambda kv: (-kv[1], kv[0])))
    return clause


def _hours(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f} h"


def describe_clause(clause: Mapping[str, Any], names: Mapping[str, str] | None = None) -> list[str]:
    """Any clause of the scorecard in lines of plain text, its verdict first.

    ``names`` (team key -> the workshop's name for it) overrides the names kept with the clause.
    """
    if clause.get("clause") == "marketing_commitment":
        return describe_delivery(clause)
    if clause.get("clause") == "conversion":
        return describe_conversion(clause)
    if clause.get("clause") == "escalation":
        return describe_escalation(clause, names)
    verdict_text = clause["period"]["verdict"].upper()
    share = clause.get("share_within")
    shown = "–" if share is None else f"{share:.0%}"
    lines = [
        f"{clause['title']}: {verdict_text} — {shown} within {_hours(clause.get('limit_hours'))}, "
        f"median {_hours(clause.get('median_hours'))}, worst {_hours(clause.get('worst_hours'))}, "
        f"{clause.get('measured', 0):,} measured"
    ]
    if clause.get("not_done"):
        lines.append(f"  {clause['not_done']:,} MQLs not contacted yet, past the limit")
    if clause.get("attempts_measured"):
        lines.append(f"  Contact attempts: median {clause['attempts_median']:g}")
    if clause.get("accepted") is not None:
        share_accepted = clause.get("share_accepted")
        lines.append(
            f"  Accepted {clause['accepted']:,}, rejected {clause['rejected']:,}, "
            f"pending {clause['pending']:,}"
            + ("" if share_accepted is None else f" ({share_accepted:.0%} of decided accepted)")
        )
        if clause.get("reasons"):
            lines.append(
                "  Rejected because: " + "; ".join(f"{r} ({n})" for r, n in clause["reasons"].items())
            )
    if clause.get("working_hours"):
        lines.append(f"  Working hours: {clause['working_hours']}")
    for month in clause.get("months", []):
        lines.append(_describe_hours_month(clause, month))
    lines.extend(f"  Cannot be worked out: {why}" for why in clause.get("cannot", []))
    return lines


def _describe_hours_month(clause: Mapping[str, Any], month: Mapping[str, Any]) -> str:
    if not month.get("mqls"):
        return f"  {month['month']}: no data — no MQL handed off this month"
    share = month.get("share_within")
    text = (
        f"  {month['month']}: {month['verdict']} — {'–' if share is None else f'{share:.0%}'} within "
        f"{_hours(clause.get('limit_hours'))}, median {_hours(month.get('median_hours'))}, "
        f"worst {_hours(month.get('worst_hours'))}, {month['mqls']:,} MQLs"
    )
    if month.get("not_done"):
        text += f", {month['not_done']:,} not contacted past the limit"
    if month.get("accepted") is not None:
        text += f"; accepted {month['accepted']:,}, rejected {month['rejected']:,}"
    return text


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def describe_conversion(clause: Mapping[str, Any]) -> list[str]:
    """The conversion clause: actual against planned rates, then cohort by cohort."""
    actual, planned = clause["actual"], clause["planned"]
    lines = [
        f"{clause['title']}: {clause['period']['verdict'].upper()} — MQL to SQL {_pct(actual['mql_sql'])} "
        f"(plan {_pct(planned['mql_sql'])}), "
        f"SQL to won {_pct(actual['sql_won'])} (plan {_pct(planned['sql_won'])})"
    ]
    for cohort in clause["cohorts"]:
        note = (
            ""
            if cohort["comparable"]
            else f" — not yet comparable (younger than {clause['cycle_days']} days)"
        )
        lines.append(
            f"  {cohort['month']}: {cohort['mqls']:,} MQLs, "
            f"{cohort['sqls']:,} SQLs ({_pct(cohort['mql_sql'])}), "
            f"{cohort['won']:,} won ({_pct(cohort['sql_won'])}){note}"
        )
    lines.extend(f"  Cannot be worked out: {why}" for why in clause.get("cannot", []))
    return lines


def describe_escalation(clause: Mapping[str, Any], names: Mapping[str, str] | None = None) -> list[str]:
    """The escalation clause: the runs of missed weeks that would have triggered it."""
    runs = clause["triggered"]
    count = sum(len(r) for r in runs.values())
    verdict_text = clause["period"]["verdict"]
    summary = "would have escalated" if count else "no run of missed weeks long enough"
    lines = [
        f"{clause['title']}: {verdict_text.upper()} — {summary} ({clause.get('miss_weeks') or '–'} weeks)"
    ]
    kept = clause.get("team_names")
    names = {**DEFAULT_TEAM_NAMES, **(kept if isinstance(kept, dict) else {}), **(names or {})}
    for team, found in runs.items():
        for run in found:
            who = names.get(team, team)
            lines.append(f"  {who} missed {run['weeks']} weeks in a row: {run['from']} to {run['to']}")
    lines.extend(f"  Cannot be worked out: {why}" for why in clause.get("cannot", []))
    return lines
