"""Workshops at the one large size the budgets are set for, built through the domain.

60 agenda items, 40 people, 200 goals and a run of 100,000 events: the demo workshop with
items, people and goals added the way the app adds them (records with fresh ids), and a run
played through the :class:`AgendaRunner` on a fake clock. Nothing is checked in as a binary.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes import FakeClock
from workshop.demo.content import demo_content
from workshop.model import MARKETING, SALES, AgendaItem, Goal, Participant, WorkshopContent
from workshop.run.airtime import FACILITATOR, NOBODY, person_key
from workshop.run.runner import AgendaRunner
from workshop.run_log import RunLog
from workshop.store import files

LARGE = {"items": 60, "people": 40, "goals": 200, "events": 100_000}
"""The one large size used throughout."""

GOAL_TEXTS = (
    ("Raise the lead-to-MQL conversion rate from {a}% to {b}% by the end of next quarter", "%"),
    ("Grow marketing-sourced pipeline from ${a}00K to ${b}00K by the end of Q{q}", "$"),
    ("Answer every MQL within {a} hours by the end of next month", ""),
    ("Improve the team's results", ""),
)


def _next_id(records: list[AgendaItem] | list[Participant] | list[Goal]) -> int:
    """The id after every id the records have or will be given when written (their place)."""
    return max((r.id or place + 1 for place, r in enumerate(records)), default=0) + 1


def scaled_content(items: int, people: int, goals: int, events: int) -> WorkshopContent:
    """The demo workshop grown to ``items`` agenda items, ``people`` people, ``goals`` goals
    (never fewer than the demo has), with a run of ``events`` events."""
    content = demo_content()
    rng = random.Random(14)
    next_item = _next_id(content.agenda)
    while len(content.agenda) < items:
        content.agenda.append(
            AgendaItem(id=next_item, title=f"Working session {next_item}", minutes=rng.choice((10, 15, 20)))
        )
        next_item += 1
    next_person = _next_id(content.participants)
    while len(content.participants) < people:
        team = (SALES, MARKETING)[next_person % 2]
        content.participants.append(Participant(id=next_person, name=f"Person {next_person}", team=team))
        next_person += 1
    next_goal = _next_id(content.goals)
    while len(content.goals) < goals:
        text, unit = GOAL_TEXTS[next_goal % len(GOAL_TEXTS)]
        a = rng.randint(10, 40)
        statement = text.format(a=a, b=a + rng.randint(1, 9), q=rng.randint(1, 4))
        content.goals.append(
            Goal(id=next_goal, team=(SALES, MARKETING)[next_goal % 2], statement=statement, unit=unit)
        )
        next_goal += 1
    content.run_log = played_run(content, events)
    return content


def played_run(content: WorkshopContent, events: int) -> RunLog:
    """A run of ``events`` speaker changes and item moves across the whole agenda."""
    tables = content.tables()
    agenda = [dataclasses.replace(r) for r in tables[AgendaItem.TABLE] if isinstance(r, AgendaItem)]
    people = {p.id: p.team for p in tables[Participant.TABLE] if isinstance(p, Participant)}
    speakers = [SALES, MARKETING, FACILITATOR, NOBODY, *(person_key(pid) for pid in people)]
    log = RunLog([], 0)
    clock = FakeClock()
    runner = AgendaRunner(log, lambda: agenda, lambda: people, clock)
    rng = random.Random(1)
    if events:
        runner.toggle()
    step = max(1, events // max(1, len(agenda)))
    while len(log.events) < events:
        clock.advance(rng.uniform(0.2, 2.0))
        if len(log.events) % step == step - 1 and runner.item_id != agenda[-1].id:
            runner.next_item()
        else:
            runner.set_speaker(rng.choice(speakers))
    if runner.running:
        runner.pause()
    return log


def write_workshop(path: Path, items: int, people: int, goals: int, events: int) -> Path:
    files.write_content(path, scaled_content(items, people, goals, events))
    return path
