"""Reading a run's log: the fast reading (a column at a time) equals the event-by-event one.

Opening a workshop with a long run reads every event; a sound log is read a column at a time,
anything unusual falls back to the event-by-event reading that names what is wrong. Both must
give the same events and the same problems, on any log.
"""

from __future__ import annotations

import random
import sqlite3
from typing import Any

import pytest

from workshop.run_log import CORRECT, EXTEND, ITEM, PAUSE, RESUME, SPEAKER, START, RunEvent
from workshop.store import reading
from workshop.store.reading import MAX_RUN_MS, ValueProblem

KINDS = (START, PAUSE, RESUME, ITEM, SPEAKER, EXTEND, CORRECT)


def _value(rng: random.Random, kind: str) -> str:
    if kind in (START, ITEM, CORRECT):
        return rng.choice(["", str(rng.randint(0, 99)), "7"])
    if kind == EXTEND:
        return rng.choice(["5", "-5", "0", "-12"])
    if kind == SPEAKER:
        return rng.choice(["sales", "marketing", "facilitator", "", "p:3", "p:17"])
    return rng.choice(["", "interrupted"])


def _sound_log(rng: random.Random, n: int) -> list[tuple[Any, ...]]:
    at = 0
    rows: list[tuple[Any, ...]] = []
    for seq in range(1, n + 1):
        at += rng.randint(0, 3000)
        kind = rng.choice(KINDS)
        rows.append((seq, at, kind, _value(rng, kind), f"2026-12-02T09:{seq % 60:02d}:00"))
    return rows


MUTATIONS: tuple[tuple[str, Any], ...] = (
    ("at_ms", -1),
    ("at_ms", MAX_RUN_MS + 1),
    ("at_ms", 1.5),
    ("at_ms", "12"),
    ("at_ms", None),
    ("kind", "jump"),
    ("kind", b"speaker"),
    ("value", "12a"),
    ("value", "-"),
    ("value", "٣"),  # a digit, but not an ASCII one
    ("value", "a\x00b"),
    ("value", 5),
    ("value", b"\xc3\x28"),
    ("wall", None),
    ("wall", "x\x00"),
    ("seq", 0),
    ("seq", 2.0),
)


def _database(rows: list[tuple[Any, ...]], bad_text: int | None = None) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE run_events (seq, at_ms, kind, value, wall)")  # no types: anything goes
    conn.execute("CREATE TABLE run_state (id INTEGER PRIMARY KEY, checkpoint_ms INTEGER, wall TEXT)")
    conn.executemany("INSERT INTO run_events VALUES (?, ?, ?, ?, ?)", rows)
    if bad_text is not None:  # text (not a blob) that is not UTF-8
        conn.execute("UPDATE run_events SET wall = CAST(X'C328' AS TEXT) WHERE rowid = ?", [bad_text])
    conn.text_factory = bytes
    return conn


def _event_by_event(conn: sqlite3.Connection) -> tuple[list[RunEvent], list[ValueProblem]]:
    """The reading as it was before the fast path: every event checked on its own."""
    problems: list[ValueProblem] = []
    rows = conn.execute("SELECT seq, at_ms, kind, value, wall FROM run_events ORDER BY seq").fetchall()
    events: list[RunEvent] = []
    for index, row in enumerate(rows):
        problem = reading.event_problem(tuple(row), index + 1)
        if problem is not None:
            problems.append(
                ValueProblem("run_events", None, problem + "; the run's log is left out from here")
            )
            break
        events.append(RunEvent(*(reading._decoded(v) for v in row)))
    return events, problems


def _case(seed: int) -> sqlite3.Connection:
    """A random log; three in four spoiled somewhere, some with a gap in the sequence."""
    rng = random.Random(seed)
    rows = _sound_log(rng, rng.choice([0, 1, 5, 300]))
    bad_text = None
    if rows and seed % 4:
        place = rng.randrange(len(rows))
        if seed % 9 == 0:
            bad_text = place + 1
        else:
            column, value = rng.choice(MUTATIONS)
            row = list(rows[place])
            row[("seq", "at_ms", "kind", "value", "wall").index(column)] = value
            rows[place] = tuple(row)
    if seed % 7 == 0 and len(rows) > 2:
        del rows[1]
    return _database(rows, bad_text)


SEEDS = range(40)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_fast_reading_equals_the_event_by_event_one(seed: int) -> None:
    conn = _case(seed)
    expected_events, expected_problems = _event_by_event(conn)
    problems: list[ValueProblem] = []
    log = reading._load_run(conn, problems)
    assert log.events == expected_events
    assert [type(v) for e in log.events for v in e] == [type(v) for e in expected_events for v in e]
    assert problems == expected_problems


def test_the_random_logs_hold_both_sound_and_spoiled_ones() -> None:
    assert {bool(_event_by_event(_case(seed))[1]) for seed in SEEDS} == {True, False}


def test_a_sound_long_log_is_read_whole_a_column_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    def one_by_one(event: tuple[Any, ...], expected_seq: int) -> str | None:
        raise AssertionError("a sound log was read event by event")

    monkeypatch.setattr(reading, "event_problem", one_by_one)
    rows = _sound_log(random.Random(3), 5000)
    problems: list[ValueProblem] = []
    log = reading._load_run(_database(rows), problems)
    assert problems == []
    assert log.events == [RunEvent(*row) for row in rows]
    assert log.checkpoint_ms == rows[-1][1]
