"""Schema changes go through numbered migrations, with the file copied aside first."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import write_version
from workshop.document import WorkshopDocument
from workshop.store import files
from workshop.store.schema import APPLICATION_ID, CURRENT_VERSION, MIGRATIONS


def add_a_column(db: Any) -> None:
    """A stand-in for a future version: participants gain an email address."""
    db["participants"].add_column("email", str)


FUTURE = (*MIGRATIONS, add_a_column)


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_an_older_file_is_copied_aside_then_migrated(demo_file: Path) -> None:
    original = demo_file.read_bytes()
    doc = WorkshopDocument.open(demo_file, migrations=FUTURE)
    try:
        backup = files.backup_path(demo_file, CURRENT_VERSION)
        assert doc.migrated_backup == backup
        assert doc.content().participants[0].name == "Dana Whitfield"
    finally:
        doc.close()
    assert user_version(demo_file) == CURRENT_VERSION + 1
    assert user_version(backup) == CURRENT_VERSION
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT count(*) FROM participants").fetchone()[0] == 8
    conn.close()
    assert backup.read_bytes()[:16] == original[:16]
    conn = sqlite3.connect(demo_file)
    assert "email" in [row[1] for row in conn.execute("PRAGMA table_info(participants)")]
    conn.close()


def test_an_older_file_opened_read_only_is_not_changed(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    doc = WorkshopDocument.open(demo_file, read_only=True, migrations=FUTURE)
    try:
        assert doc.read_only
        assert doc.content().participants[0].name == "Dana Whitfield"
    finally:
        doc.close()
    assert demo_file.read_bytes() == before
    assert not files.backup_path(demo_file, CURRENT_VERSION).exists()


def test_a_current_file_is_not_migrated(demo_file: Path) -> None:
    doc = WorkshopDocument.open(demo_file)
    doc.close()
    assert doc.migrated_backup is None
    assert not files.backup_path(demo_file, CURRENT_VERSION).exists()


def make_version_1_file(path: Path) -> None:
    """A workshop as the first release wrote it."""
    import sqlite_utils

    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    MIGRATIONS[0](db)
    db.table("workshop").insert(
        {
            "id": 1,
            "position": 0,
            "title": "Old offsite",
            "company": "Acme",
            "start_date": "2026-03-02",
            "end_date": "2026-03-02",
            "venue": "",
            "facilitator": "Kim",
            "day_start": "08:30",
            "uid": "u-1",
        }
    )
    db.table("teams").insert_all(
        [
            {"id": 1, "position": 0, "key": "sales", "name": "Sales", "colour": "#1f6fb2"},
            {"id": 2, "position": 1, "key": "marketing", "name": "Marketing", "colour": "#d9731a"},
        ]
    )
    db.table("agenda_items").insert(
        {
            "id": 1,
            "position": 0,
            "title": "Kick-off",
            "notes": "",
            "minutes": 30,
            "owner": "joint",
            "kind": "discussion",
        }
    )
    db.execute("PRAGMA user_version = 1")
    db.close()


def test_a_version_1_file_gains_the_live_run_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.smw"
    make_version_1_file(path)
    doc = WorkshopDocument.open(path)
    try:
        assert doc.migrated_backup == files.backup_path(path, 1)
        assert doc.info.title == "Old offsite"
        assert doc.info.day_start == "08:30"
        assert doc.info.day_end == "17:00"
        assert doc.info.balance_low == 45
        assert doc.content().agenda[0].effective_minutes == 30
    finally:
        doc.close()
    assert user_version(path) == CURRENT_VERSION
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM run_events").fetchone()[0] == 0
    conn.close()


def test_goals_arrive_in_version_4_and_older_files_gain_the_table(tmp_path: Path) -> None:
    """A version-3 file (no goals table) opens, is migrated, and takes goals."""
    from workshop.model import Goal

    path = tmp_path / "old.smw"
    write_version(path, 3)
    assert user_version(path) == 3
    doc = WorkshopDocument.open(path)
    try:
        assert doc.typed(Goal) == []
        assert doc.migrated_backup == files.backup_path(path, 3)
    finally:
        doc.close()
    assert user_version(path) == CURRENT_VERSION


def test_every_table_has_the_columns_of_its_record(demo_file: Path) -> None:
    """The migrations, applied in order, give each record type exactly its fields."""
    from workshop.model import ALL_TYPES, column_types

    conn = sqlite3.connect(demo_file)
    try:
        for record_type in ALL_TYPES:
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info([{record_type.TABLE}])")}
            assert columns == set(column_types(record_type)), record_type.TABLE
    finally:
        conn.close()
