"""Damaged copies of a workshop file, made the ways files get damaged (and a few by hand).

Each mutation takes the sound file's bytes (and a random generator) and writes a
damaged file at a path; some write with SQLite, as another program would. Used by
the hostile-file tests and by ``benchmarks/hostile_files.py``.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

from workshop.store.schema import APPLICATION_ID

PAGE = 4096
Mutation = Callable[[Path, bytes, random.Random], None]


def _sql(path: Path, data: bytes, *statements: str) -> None:
    path.write_bytes(data)
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def flip_bytes(path: Path, data: bytes, rng: random.Random) -> None:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        offset = rng.randrange(len(damaged))
        damaged[offset] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(damaged))


def flip_one_byte_after_header(path: Path, data: bytes, rng: random.Random) -> None:
    damaged = bytearray(data)
    offset = rng.randrange(100, len(damaged))
    damaged[offset] = rng.randrange(256)
    path.write_bytes(bytes(damaged))


def truncate(path: Path, data: bytes, rng: random.Random) -> None:
    path.write_bytes(data[: rng.randrange(1, len(data))])


def zero_page(path: Path, data: bytes, rng: random.Random) -> None:
    damaged = bytearray(data)
    page = rng.randrange(1, len(damaged) // PAGE)
    damaged[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)
    path.write_bytes(bytes(damaged))


def stray_wal(path: Path, data: bytes, rng: random.Random) -> None:
    path.write_bytes(data)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(bytes(rng.randrange(256) for _ in range(rng.choice((32, 100, 4096 + 24)))))


def invalid_utf8_cell(path: Path, data: bytes, rng: random.Random) -> None:
    table, column = rng.choice((("workshop", "title"), ("participants", "name"), ("goals", "statement")))
    _sql(path, data, f"UPDATE [{table}] SET [{column}] = CAST(X'C3284142FF' AS TEXT) WHERE id = 1")


def wrongly_typed_cell(path: Path, data: bytes, rng: random.Random) -> None:
    statement = rng.choice(
        (
            "UPDATE agenda_items SET minutes = 'forty' WHERE id = 1",
            "UPDATE workshop SET title = NULL",
            "UPDATE agenda_items SET minutes = -5 WHERE id = 2",
            "UPDATE agenda_items SET minutes = 99999999999999 WHERE id = 1",
            "UPDATE participants SET signatory = 7 WHERE id = 1",
            "UPDATE sla_records SET pdf = X'00FF' WHERE id = 1",
            "UPDATE mql_definition SET definition = '{not json'",
            "INSERT INTO run_events (seq, at_ms, kind, value, wall) VALUES (1, 0, 'item', 'abc', '')",
            "UPDATE teams SET name = 3.5 WHERE id = 1",
        )
    )
    _sql(path, data, statement)


def missing_table(path: Path, data: bytes, rng: random.Random) -> None:
    table = rng.choice(("goals", "teams", "run_events", "sla_records", "workshop"))
    _sql(path, data, f"DROP TABLE [{table}]")


def missing_column(path: Path, data: bytes, rng: random.Random) -> None:
    _sql(path, data, "ALTER TABLE participants DROP COLUMN title")


def no_workshop_row(path: Path, data: bytes, rng: random.Random) -> None:
    _sql(path, data, "DELETE FROM workshop")


def two_workshop_rows(path: Path, data: bytes, rng: random.Random) -> None:
    _sql(
        path,
        data,
        "INSERT INTO workshop SELECT 2, position, title, company, start_date, end_date, venue, "
        "facilitator, day_start, uid, day_end, balance_low, balance_delay, min_item_minutes, time_zone, "
        "work_days, work_start, work_end, review_time FROM workshop",
    )


def other_program_with_our_id(path: Path, data: bytes, rng: random.Random) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 6")
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.commit()
    finally:
        conn.close()


def non_utf8_quick_check(path: Path, data: bytes, rng: random.Random) -> None:
    """A check failure whose quick-check report quotes a name that is not UTF-8."""
    _sql(
        path,
        data,
        "CREATE TABLE [xé] (v TEXT)",
        "INSERT INTO [xé] VALUES (NULL)",
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = 'CREATE TABLE [xé] (v TEXT NOT NULL)' WHERE name = 'xé'",
    )
    path.write_bytes(path.read_bytes().replace("xé".encode(), b"x\xff\xfe"))


def scribbled_pages(path: Path, data: bytes, rng: random.Random) -> None:
    damaged = bytearray(data)
    for page in range(1, len(damaged) // PAGE):
        if rng.random() < 0.5:
            damaged[page * PAGE : page * PAGE + 200] = bytes([0xFF, 0xFE, 0x80, 0xC3]) * 50
    path.write_bytes(bytes(damaged))


MUTATIONS: tuple[Mutation, ...] = (
    flip_bytes,
    flip_one_byte_after_header,
    truncate,
    zero_page,
    stray_wal,
    invalid_utf8_cell,
    wrongly_typed_cell,
    missing_table,
    missing_column,
    no_workshop_row,
    two_workshop_rows,
    other_program_with_our_id,
    non_utf8_quick_check,
    scribbled_pages,
)


def mutated_copies(sound: bytes, folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` damaged copies of ``sound``, each alone in its own folder under ``folder``."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        mutation = MUTATIONS[number % len(MUTATIONS)] if number < len(MUTATIONS) else rng.choice(MUTATIONS)
        home = folder / f"{number:03d}-{mutation.__name__}"
        home.mkdir(parents=True)
        path = home / "workshop.smw"
        mutation(path, sound, rng)
        made.append(path)
    return made
