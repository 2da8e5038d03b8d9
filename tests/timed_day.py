"""A timed day for tests and benchmarks: who spoke when, as the Run page would have recorded it.

Deterministic (a fixed random seed), so every demo file is the same. Each team leads its own
slots, joint items stay near the 45-55% band, the facilitator opens and closes, breaks pass
with the timer paused.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from tests.fakes import FakeClock
from workshop.agenda.plan import parse_clock
from workshop.model import FACILITATOR_OWNER, JOINT, MARKETING, NEXT_DAY, SALES, WorkshopContent
from workshop.run.airtime import FACILITATOR, NOBODY, person_key
from workshop.run.runner import AgendaRunner
from workshop.run_log import RunLog

# Who tends to speak in an item of each owner: (speaker kind, weight).
MIX = {
    SALES: ((SALES, 6), (MARKETING, 2), (FACILITATOR, 1), (NOBODY, 1)),
    MARKETING: ((MARKETING, 6), (SALES, 2), (FACILITATOR, 1), (NOBODY, 1)),
    JOINT: ((SALES, 4), (MARKETING, 4), (FACILITATOR, 1), (NOBODY, 1)),
    FACILITATOR_OWNER: ((FACILITATOR, 5), (SALES, 2), (MARKETING, 2), (NOBODY, 1)),
}


def demo_run(content: WorkshopContent, day: date, seed: int = 14) -> RunLog:
    """The run of the demo's first day, each item a little off its planned length, as real days are."""
    rng = random.Random(seed)
    clock = FakeClock(0.0)
    start = datetime.combine(day, datetime.min.time()) + timedelta(
        minutes=parse_clock(content.info.day_start) + 4
    )
    people = {p.id: p.team for p in content.participants}
    by_team = {team: [p.id for p in content.participants if p.team == team] for team in (SALES, MARKETING)}
    log = RunLog([], 0)
    runner = AgendaRunner(
        log,
        lambda: content.agenda,
        lambda: people,
        clock,
        wall=lambda: start + timedelta(seconds=clock.now()),
    )
    items = [i for i in content.agenda if i.kind != NEXT_DAY]
    runner.start(items[0].id)
    for index, item in enumerate(items):
        if index:
            runner.next_item()
        length = item.minutes * 60 * rng.uniform(0.92, 1.12)
        if item.kind == "break":
            runner.pause()
            clock.advance(length)  # a break passes on the wall clock, not on the timer
            runner.toggle()
            continue
        spent = 0.0
        mix = MIX.get(item.owner, MIX[JOINT])
        kinds = [kind for kind, _ in mix]
        weights = [weight for _, weight in mix]
        while spent < length:
            kind = rng.choices(kinds, weights)[0]
            if kind in (SALES, MARKETING) and by_team[kind] and rng.random() < 0.7:
                runner.set_speaker(person_key(rng.choice(by_team[kind])))
            else:
                runner.set_speaker(kind)
            turn = min(length - spent, rng.uniform(15, 120))
            clock.advance(turn)
            spent += turn
        runner.set_speaker(NOBODY)
    runner.next_item()  # past the last item: the agenda is complete
    return log
