"""The workshop as JSON (documented in docs/export-format.md) and action items as CSV."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from workshop import __version__
from workshop.agenda.plan import format_clock, schedule
from workshop.funnel.plan import funnel_json
from workshop.goals.records import check_in_workshop, goal_json
from workshop.leads.state import mql_json
from workshop.model import Record, WorkshopContent, team_name
from workshop.run.report import run_summary
from workshop.run_log import RunLog
from workshop.store.schema import CURRENT_VERSION

SCHEMA_VERSION = 1
_INTERNAL = ("id", "position")


def _plain(record: Record) -> dict[str, Any]:
    values = record.values()
    return {"id": values["id"], **{k: v for k, v in values.items() if k not in _INTERNAL}}


def _agenda_times(content: WorkshopContent) -> list[tuple[str, str]]:
    slots = schedule(content.agenda, content.info.day_start)
    return [(format_clock(s.start), format_clock(s.end)) for s in slots]


agenda_times = _agenda_times  # public: the reports print the same times


def workshop_json(content: WorkshopContent, run: RunLog | None = None) -> dict[str, Any]:
    """The whole workshop as a JSON-ready dict, stage by stage (with the live run when given)."""
    summary = run_summary(content, run or content.run_log)
    info = content.info.values()
    return {
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "workshop": {k: v for k, v in info.items() if k not in _INTERNAL},
        "teams": [{"key": t.key, "name": t.name, "colour": t.colour} for t in content.teams],
        "participants": [
            {**_plain(p), "team_name": team_name(content.teams, p.team)} for p in content.participants
        ],
        "agenda": [
            {**_plain(item), "start": start, "end": end, **summary["items"].get(item.id, {})}
            for item, (start, end) in zip(content.agenda, _agenda_times(content), strict=True)
        ],
        "airtime": summary["airtime"],
        "goals": [
            goal_json(
                goal,
                check_in_workshop(goal, content.info, content.teams, content.goals),
                content.teams,
                content.room_checks,
                content.dot_votes,
            )
            for goal in content.goals
        ],
        "actions": [_plain(a) for a in content.actions],
        "parking_lot": [_plain(p) for p in content.parking_lot],
        "funnel": funnel_json(content),
        "quotas": [_plain(q) for q in content.quota_lines],
        "lead_stages": [_plain(s) for s in content.lead_stages],
        "mql": mql_json(content.mql[0]) if content.mql else None,
        "sla": _sla_json(content),
        "reviews": _reviews_json(content),
        "records": records_json(content, run or content.run_log),
    }


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def _reviews_json(content: WorkshopContent) -> list[dict[str, Any]]:
    out = []
    for review in content.reviews:
        values = _plain(review)
        values["crm_mapping"] = _json_or_none(review.crm_mapping) or {}
        values["scorecard"] = _json_or_none(review.scorecard)
        values["check_ins"] = [
            {k: v for k, v in _plain(c).items() if k not in ("id", "review")}
            for c in content.check_ins
            if c.review == review.id
        ]
        out.append(values)
    return out


def records_json(content: WorkshopContent, run: RunLog) -> dict[str, Any]:
    """Everything the file holds, record by record, from which ``import`` rebuilds the file."""
    return {
        "file_format": CURRENT_VERSION,
        "tables": {name: [r.values() for r in records] for name, records in content.tables().items()},
        "run": {"checkpoint_ms": run.checkpoint_ms, "events": [list(e) for e in run.events]},
    }


def _sla_json(content: WorkshopContent) -> dict[str, Any]:
    from workshop.sla import agreement as sla

    current = sla.fingerprint(content)
    return {
        "sha256": current,
        "fully_signed": sla.fully_signed(content),
        "clauses": [
            {
                "id": c.id,
                "key": c.key,
                "heading": c.heading,
                "wording": c.wording,
                "parameters": sla.typed_values(c),
                "text": sla.render(c, content),
            }
            for c in content.sla_clauses
        ],
        "warnings": [w.text for w in sla.warnings(content)],
        "signatures": [
            {
                "role": s.role,
                "name": s.name,
                "title": s.title,
                "signed_on": s.signed_on,
                "signed_at": s.signed_at,
                "sla_sha256": s.sla_sha256,
                "void": s.sla_sha256 != current,
            }
            for s in content.sla_signatures
        ],
        "signed_records": [
            {"sla_sha256": r.sla_sha256, "signed_at": r.signed_at, "signers": r.signers.split("; ")}
            for r in content.sla_records
        ],
    }
