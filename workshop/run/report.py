"""The run afterwards: minutes per item, airtime per team, person and item, and every turn."""

from __future__ import annotations

import csv
import io
from typing import Any

from workshop.clock import StoppedClock
from workshop.inputs import csv_cell
from workshop.model import NEXT_DAY, WorkshopContent, team_name
from workshop.run.airtime import GROUPS, group_of, person_id, person_key, turns
from workshop.run.runner import AgendaRunner
from workshop.run_log import RunLog


def replay(content: WorkshopContent, log: RunLog) -> AgendaRunner:
    """A runner over a stored log, paused where the log ends (nothing is written)."""
    people = {p.id: p.team for p in content.participants}
    copy = RunLog(list(log.events), log.checkpoint_ms)
    return AgendaRunner(copy, lambda: content.agenda, lambda: people, StoppedClock(), read_only=True)


def _seconds(ms: int) -> float:
    return round(ms / 1000, 1)


def run_summary(content: WorkshopContent, log: RunLog) -> dict[str, Any]:
    """Planned, re-planned, allotted and actual minutes per agenda item, and airtime."""
    runner = replay(content, log)
    items = {}
    for item in content.agenda:
        if item.kind == NEXT_DAY:
            continue
        groups = runner.group_totals(item.id)
        items[item.id] = {
            "planned_minutes": item.minutes,
            "replanned_minutes": item.replanned_minutes or None,
            "allotted_minutes": runner.allotted_ms(item) // 60_000,
            "actual_minutes": round(runner.elapsed_ms(item.id) / 60_000, 2),
            "airtime_seconds": {group: _seconds(groups[group]) for group in GROUPS},
        }
    totals = runner.group_totals()
    by_speaker = runner.speaker_totals()
    balance = runner.balance()
    return {
        "items": items,
        "airtime": {
            "started": runner.started,
            "interrupted": runner.interrupted,
            "running_seconds": _seconds(runner.now_ms()),
            "teams_seconds": {group: _seconds(totals[group]) for group in GROUPS},
            "sales_share": None if balance.sales_share is None else round(balance.sales_share, 4),
            "people": [
                {
                    "id": p.id,
                    "name": p.name,
                    "team": p.team,
                    "seconds": _seconds(by_speaker.get(person_key(p.id), 0)),
                }
                for p in content.participants
            ],
            "events": len(log.events),
        },
    }


def turns_csv(content: WorkshopContent, log: RunLog) -> str:
    """Every speaking turn (and silence) as CSV, in the order they happened."""
    people = {p.id: p for p in content.participants}
    teams = {p.id: p.team for p in content.participants}
    titles = {i.id: i.title for i in content.agenda}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Start (s)", "End (s)", "Seconds", "Speaker", "Counts for", "Agenda item"])
    runner = replay(content, log)
    for turn in turns(log.events, until_ms=runner.now_ms()):
        pid = person_id(turn.speaker)
        group = group_of(turn.speaker, teams)
        if pid is not None and pid in people:
            speaker = people[pid].name
        elif turn.speaker:
            speaker = team_name(content.teams, turn.speaker)
        else:
            speaker = "Nobody"
        row = [
            f"{turn.start_ms / 1000:.1f}",
            f"{turn.end_ms / 1000:.1f}",
            f"{(turn.end_ms - turn.start_ms) / 1000:.1f}",
            speaker,
            team_name(content.teams, group),
            titles.get(turn.item_id, "") if turn.item_id is not None else "",
        ]
        writer.writerow([csv_cell(cell) for cell in row])
    return out.getvalue()
