"""The README promises every edit is in the file durably as it is made: check what the file really uses."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.run_log import SPEAKER
from workshop.store import files
from workshop.store.files import WAL_PAGES

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


def test_a_run_event_is_committed_into_room_the_log_already_has(document: WorkshopDocument) -> None:
    """Commits that lengthen the log also wait for its new size to reach the disk: the log is
    laid out once and, started again after each checkpoint, never grows while the run goes."""
    document.apply("Rename", [Update.of(document.info, title="Durable")])  # opens the log
    wal = files.wal_path(document.path)
    laid_out = wal.stat().st_size
    assert laid_out > WAL_PAGES * 4096  # room for every page up to a checkpoint
    for n in range(1, 3 * WAL_PAGES):  # past two checkpoints
        document.run_log.append(n * 1000, SPEAKER, "sales" if n % 2 else "marketing", "2026-01-01T10:00:00")
        assert wal.stat().st_size == laid_out
    assert not document._connection().in_transaction  # each event committed at once
    path = document.path
    document.close()
    assert not wal.exists()  # closed: the file stands alone again
    assert len(WorkshopDocument.open(path, read_only=True).run_log) == 3 * WAL_PAGES - 1


def test_a_log_left_by_a_killed_writer_is_read_not_laid_over(
    document: WorkshopDocument, tmp_path: Path
) -> None:
    document.apply("Rename", [Update.of(document.info, title="Only in the log")])
    left = tmp_path / "left"
    left.mkdir()
    shutil.copyfile(document.path, left / "w.smw")  # as a kill -9 leaves it: the edit is in the log
    shutil.copyfile(files.wal_path(document.path), files.wal_path(left / "w.smw"))
    reopened = WorkshopDocument.open(left / "w.smw")
    reopened.apply("Venue", [Update.of(reopened.info, venue="and then this")])  # opens the log for writing
    reopened.close()
    again = WorkshopDocument.open(left / "w.smw", read_only=True)
    assert (again.info.title, again.info.venue) == ("Only in the log", "and then this")


def test_a_log_of_zeros_left_by_a_crash_is_read_as_empty(document: WorkshopDocument) -> None:
    document.apply("Rename", [Update.of(document.info, title="Durable")])
    path = document.path
    document.close()
    files.wal_path(path).write_bytes(bytes(files._wal_size(path)))  # laid out, then killed at once
    reopened = WorkshopDocument.open(path)
    assert reopened.info.title == "Durable"
    reopened.apply("Rename", [Update.of(reopened.info, title="Again")])
    reopened.close()
    assert WorkshopDocument.open(path, read_only=True).info.title == "Again"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_laid_out_log_is_as_private_as_the_file(document: WorkshopDocument) -> None:
    path = document.path
    document.close()
    path.chmod(0o600)
    reopened = WorkshopDocument.open(path)
    reopened.apply("Rename", [Update.of(reopened.info, title="Private")])
    assert files.wal_path(path).stat().st_mode & 0o777 == 0o600
    reopened.close()
