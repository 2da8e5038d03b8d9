"""Damaged workshop files, opened by ``export --json`` and by the window: never changed, never a traceback.

A fixed-seed set of 30 mutated copies of the demo (byte flips, truncations, zeroed
pages, a stray write-ahead log, wrong types, missing tables, duplicate rows, ...)
and each named case from issue 12. Each ends in a clear one-line message (exit
status 1) or opens (read-only when a value is bad), and afterwards the folder holds
exactly the bytes it held before: nothing changed, nothing created beside the file.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.mutations import (
    invalid_utf8_cell,
    missing_table,
    mutated_copies,
    no_workshop_row,
    non_utf8_quick_check,
    other_program_with_our_id,
    two_workshop_rows,
)
from workshop import cli
from workshop.document import WorkshopDocument
from workshop.store.errors import WorkshopFileError

SEED = 20261202
INTERNALS = ("Traceback", "sqlite", "column '", "invalid literal", "UnicodeDecodeError", "Could not decode")


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def export_json(path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(["export", str(path), "--json", str(out)])
    return status, capsys.readouterr().err


def assert_clear(message: str, name: str = "workshop.smw") -> None:
    assert message.count("\n") <= 1 and message.strip(), message
    assert name in message, message
    for internal in INTERNALS:
        assert internal not in message, message


@pytest.fixture(scope="module")
def sound_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from tests.conftest import TODAY
    from workshop.demo.content import demo_content
    from workshop.store import files

    path = tmp_path_factory.mktemp("sound") / "demo.smw"
    files.write_content(path, demo_content(TODAY))
    return path.read_bytes()


def test_thirty_mutated_copies_are_never_changed_by_export(
    tmp_path: Path, sound_bytes: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    refused = opened = 0
    for path in mutated_copies(sound_bytes, tmp_path / "copies", 30, SEED):
        before = folder_state(path.parent)
        status, message = export_json(path, tmp_path / "out.json", capsys)
        assert status in (0, 1), path
        if status == 1:
            assert_clear(message)
            refused += 1
        else:
            opened += 1
        assert folder_state(path.parent) == before, path.parent.name
    assert refused >= 20  # most damage is found; the rest landed where it does no harm


def test_thirty_mutated_copies_are_never_changed_by_opening_and_closing(
    tmp_path: Path, sound_bytes: bytes
) -> None:
    for path in mutated_copies(sound_bytes, tmp_path / "copies", 30, SEED + 1):
        before = folder_state(path.parent)
        try:
            document = WorkshopDocument.open(path)
        except WorkshopFileError as error:
            assert_clear(str(error))
        else:
            if not document.read_only:  # sound: the one writer's lock is kept beside it, empty
                before[".workshop.smw.lock"] = hashlib.sha256(b"").hexdigest()
            document.close()
        assert folder_state(path.parent) == before, path.parent.name


NAMED: list[Callable[..., None]] = [
    non_utf8_quick_check,
    invalid_utf8_cell,
    missing_table,
    no_workshop_row,
    two_workshop_rows,
    other_program_with_our_id,
]


@pytest.mark.parametrize("mutation", NAMED, ids=[m.__name__ for m in NAMED])
def test_opening_a_refused_or_bad_file_leaves_it_byte_identical(
    tmp_path: Path, sound_bytes: bytes, mutation: Callable[..., None]
) -> None:
    import random

    path = tmp_path / "workshop.smw"
    mutation(path, sound_bytes, random.Random(1))
    before = folder_state(tmp_path)
    try:
        document = WorkshopDocument.open(path)
    except WorkshopFileError as error:
        assert_clear(str(error))
    else:
        assert document.read_only
        document.close()
    assert folder_state(tmp_path) == before  # no -wal, no -shm, no lock file, not a byte changed


def test_two_workshops_are_not_called_no_workshop(tmp_path: Path, sound_bytes: bytes) -> None:
    import random

    path = tmp_path / "workshop.smw"
    two_workshop_rows(path, sound_bytes, random.Random(1))
    with pytest.raises(WorkshopFileError, match="holds 2 workshops instead of one"):
        WorkshopDocument.open(path)


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        ("UPDATE workshop SET title = NULL", "title is empty"),
        ("UPDATE agenda_items SET minutes = -5 WHERE id = 2", "minutes is -5"),
        ("UPDATE agenda_items SET minutes = 99999999999999 WHERE id = 1", "minutes is 99,999,999,999,999"),
        ("UPDATE agenda_items SET minutes = 'forty' WHERE id = 1", "minutes is not a whole number"),
        ("UPDATE mql_definition SET definition = '{not json'", "definition holds JSON that cannot be used"),
        (
            "INSERT INTO run_events (seq, at_ms, kind, value, wall) VALUES (1, 0, 'item', 'abc', '')",
            "where a number belongs",
        ),
        ("UPDATE participants SET name = CAST(X'C328' AS TEXT) WHERE id = 1", "not UTF-8"),
    ],
)
def test_a_value_no_edit_could_make_opens_read_only_naming_table_and_row(
    tmp_path: Path, sound_bytes: bytes, statement: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "workshop.smw"
    path.write_bytes(sound_bytes)
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)
    document = WorkshopDocument.open(path)
    try:
        assert document.read_only
        assert words in (document.read_only_reason or "")
        assert "Recover into a New File" in (document.read_only_reason or "")
    finally:
        document.close()
    status, message = export_json(path, tmp_path.parent / f"{tmp_path.name}.json", capsys)
    assert status == 1
    assert words in message
    assert_clear(message)
    assert folder_state(tmp_path) == before
