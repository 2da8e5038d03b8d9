"""The README promises every edit is in the file durably as it is made: check what the file really uses."""

from __future__ import annotations

from pathlib import Path

from workshop.document import WorkshopDocument
from workshop.edits import Update

FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA


def test_edits_are_written_with_full_sync_in_write_ahead_mode(document: WorkshopDocument) -> None:
    document.apply("Rename", [Update.of(document.info, title="Durable")])
    conn = document._connection()
    assert conn.execute("PRAGMA synchronous").fetchone()[0] >= FULL
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not conn.in_transaction  # each edit committed at once, nothing left pending


def test_the_readme_promises_what_the_file_does() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "committed to the file durably as it is made" in readme
    assert "`synchronous=FULL`" in readme  # what the test above checks the file uses
