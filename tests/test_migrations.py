"""Schema changes go through numbered migrations, with the file copied aside first."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from workshop.document import WorkshopDocument
from workshop.store import files
from workshop.store.schema import CURRENT_VERSION, MIGRATIONS


def add_a_column(db: Any) -> None:
    """A stand-in for a future version 2: participants gain an email address."""
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
