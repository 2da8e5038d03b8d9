"""Opening a workshop folds its whole run at once; the result equals folding event by event."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from tests.fakes import FakeClock
from workshop.model import AgendaItem
from workshop.run.runner import AgendaRunner
from workshop.run_log import CORRECT, EXTEND, ITEM, PAUSE, RESUME, SPEAKER, START, EventRow, RunEvent, RunLog

AGENDA = [AgendaItem(id=i, title=f"Item {i}", minutes=10) for i in (1, 2, 3)]


class EventByEvent(AgendaRunner):
    """The fold as it is applied while the run goes: one event at a time."""

    def _replay(self, events: Sequence[EventRow]) -> None:
        for event in events:
            self._apply(RunEvent._make(event))


def _random_log(rng: random.Random, n: int) -> RunLog:
    events, at = [], 0
    for seq in range(1, n + 1):
        at += rng.choice([0, 0, 1, 250, 4000])
        if rng.random() < 0.05:
            at -= rng.randint(0, 300)  # out of order in time: the fold must not go back
        kind = rng.choice([START, PAUSE, RESUME, ITEM, SPEAKER, SPEAKER, SPEAKER, EXTEND, CORRECT])
        value = {
            START: rng.choice(["1", "2", ""]),
            ITEM: rng.choice(["1", "2", "3", "", "9"]),
            EXTEND: rng.choice(["5", "-3"]),
            CORRECT: rng.choice(["0", "60000"]),
            SPEAKER: rng.choice(["sales", "marketing", "facilitator", "", "p:1", "p:2"]),
            PAUSE: rng.choice(["", "interrupted"]),
            RESUME: "",
        }[kind]
        events.append(RunEvent(seq, max(0, at), kind, value, ""))
    return RunLog(events, 0)


def _state(runner: AgendaRunner) -> tuple[object, ...]:
    return (
        runner.started,
        runner.running,
        runner.item_id,
        runner.speaker,
        runner._last_ms,
        {k: dict(v) for k, v in runner.ledger.by_item.items()},
        dict(runner.ledger.by_speaker),
        dict(runner.elapsed),
        dict(runner.extra_minutes),
        runner.interrupted,
        runner.now_ms(),
    )


@pytest.mark.parametrize("seed", range(30))
def test_folding_a_whole_log_equals_folding_it_event_by_event(seed: int) -> None:
    rng = random.Random(seed)
    log = _random_log(rng, rng.choice([0, 1, 10, 500]))
    made = [
        kind(
            RunLog(list(log.events), 0),
            lambda: AGENDA,
            lambda: {1: "sales", 2: "marketing"},
            FakeClock(),
            read_only=True,
        )
        for kind in (AgendaRunner, EventByEvent)
    ]
    assert _state(made[0]) == _state(made[1])


def test_a_log_read_as_rows_folds_them_and_makes_records_only_when_read() -> None:
    rows: list[EventRow] = [
        (1, 0, START, "1", "w"),
        (2, 500, SPEAKER, "sales", "w"),
        (3, 2500, PAUSE, "", "w"),
    ]
    log = RunLog.from_rows(list(rows), 0)
    assert log.checkpoint_ms == 2500 and len(log) == 3
    run = AgendaRunner(log, lambda: AGENDA, dict, FakeClock())
    assert run.group_totals()["sales"] == 2000 and not run.running
    assert all(type(row) is tuple for row in log.rows)  # folded without a record per event
    run.toggle()  # resume: a new event, numbered after the rows
    assert [type(e) for e in log.events] == [RunEvent] * 4
    assert log.events[:3] == [RunEvent(*row) for row in rows]
    assert (log.events[3].seq, log.events[3].kind) == (4, RESUME)
