"""Workshop files on disk: identify, check, open, migrate, write.

Reads and the per-edit writes use the standard ``sqlite3`` module (they are a
handful of parametrised statements and must not slow the app's start);
creating a file and migrating one use sqlite-utils, whose table tools make
schema changes safe.

A file is checked in full before anything here touches it
(``workshop.store.reading``): one that is not a workshop, is damaged, or comes
from a newer version is refused and never changed.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from workshop import APP_NAME
from workshop.model import Record, WorkshopContent, column_types
from workshop.run_log import RunEvent, RunLog
from workshop.store.errors import (
    DamagedFileError,
    FileMissingError,
    NewerFileError,
    NotAWorkshopError,
)
from workshop.store.schema import APPLICATION_ID, CURRENT_VERSION, MIGRATIONS, Migration

SQLITE_MAGIC = b"SQLite format 3\x00"
Tables = dict[str, list[Record]]


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except FileNotFoundError:
        raise FileMissingError(
            path, f"There is no file “{path}”.", "It may have been moved, renamed or deleted."
        ) from None
    except IsADirectoryError:
        raise NotAWorkshopError(
            path, f"“{path.name}” is a folder, not a workshop file.", "Choose a .smw file."
        ) from None
    except PermissionError:
        raise DamagedFileError(
            path, f"“{path.name}” cannot be read: permission denied.", "Check the file's permissions."
        ) from None


def file_version(path: Path, newest: int = CURRENT_VERSION) -> int:
    """The file format version of a workshop file, from its header alone.

    Raises a :class:`WorkshopFileError` subclass when the file is missing, is not
    a workshop, or is newer than this app understands. Reads, never writes.
    """
    header = _read_header(path)
    not_ours = NotAWorkshopError(
        path,
        f"“{path.name}” is not a {APP_NAME} file.",
        "Open a .smw file made with this app, or start a new workshop.",
    )
    if not header:
        raise DamagedFileError(
            path,
            f"“{path.name}” is empty.",
            "It may have been cut short while copying; open a backup or an earlier copy.",
        )
    if not header.startswith(SQLITE_MAGIC):
        raise not_ours
    if len(header) < 100:
        raise DamagedFileError(
            path,
            f"“{path.name}” is cut short (only {len(header)} bytes).",
            "Open a backup or an earlier copy of it.",
        )
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise not_ours
    version = int.from_bytes(header[60:64], "big")
    if version > newest:
        raise NewerFileError(
            path,
            f"“{path.name}” was saved by a newer version of {APP_NAME} "
            f"(file format {version}; this version reads up to {newest}).",
            "Update the app to open it; the file has not been changed.",
        )
    if version < 1:
        raise DamagedFileError(
            path, f"“{path.name}” is an incomplete workshop file.", "Open a backup or an earlier copy."
        )
    return version


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, nor create files beside it.

    With no write-ahead log beside the file (it was closed cleanly) the file is
    read as immutable; with one (it is open elsewhere, or its writer was
    killed) SQLite must read the log too, which it does without changing it.
    """
    mode = "mode=ro" if wal_path(path).exists() else "mode=ro&immutable=1"
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


WAL_PAGES = 100
"""Pages the write-ahead log takes before SQLite folds them into the file and starts the log
again from its beginning (a checkpoint; SQLite's default is 1,000)."""
WAL_FRAME_HEADER, WAL_HEADER = 24, 32


def _wal_size(path: Path) -> int:
    """The bytes of a write-ahead log holding :data:`WAL_PAGES` pages of the file at ``path``."""
    try:
        with path.open("rb") as handle:
            size = int.from_bytes(handle.read(18)[16:18], "big")  # the page size, in the header
    except OSError:
        size = 0
    page = 65536 if size == 1 else size if size >= 512 else 4096
    return WAL_HEADER + (WAL_PAGES + 10) * (page + WAL_FRAME_HEADER)  # and the last commit's pages


def _make_room_for_log(path: Path) -> None:
    """Lay out the write-ahead log's disk space before SQLite first writes to it, when there is none.

    With full sync every commit waits for the log to reach the disk. A commit that makes the
    log longer must also wait for the file's new size to be recorded (about twice as long on
    Linux); one that writes over space the log already has does not. The log starts again
    from its beginning after each checkpoint, so laid out once to the size it reaches it never
    grows: a run's speaker key commits in half the time. A log that is there (a writer was
    killed: it holds edits) is never touched; zeros are no log SQLite would read (its header
    is invalid), so a log of zeros left by a crash is ignored like an empty one.
    """
    wal = wal_path(path)
    try:
        mode = os.stat(path).st_mode & 0o777  # as SQLite makes it: readable by whom the file is
        handle = os.open(wal, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except OSError:
        return  # there is a log (SQLite reads it), or the folder refuses: SQLite says so itself
    try:
        zeros = memoryview(bytes(_wal_size(path)))
        while zeros:
            zeros = zeros[os.write(handle, zeros) :]
        os.fsync(handle)
    except OSError:
        with contextlib.suppress(OSError):
            os.ftruncate(handle, 0)  # SQLite grows the log as it writes, as without this
    finally:
        os.close(handle)


def connect_for_writing(path: Path) -> sqlite3.Connection:
    """A connection that commits every transaction durably (WAL, full sync).

    Close it with :func:`close_for_writing`, which leaves the file on its own,
    without log files beside it.
    """
    if path.is_file():
        _make_room_for_log(path)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=5.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"PRAGMA wal_autocheckpoint={WAL_PAGES}")
    return conn


def close_for_writing(conn: sqlite3.Connection) -> None:
    """Fold the write-ahead log back into the file and close it."""
    with contextlib.suppress(sqlite3.Error):  # a reader has it open: the log stays till next time
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a workshop file (its log included), without changing the source."""
    reader = connect_read_only(source)
    try:
        writer = sqlite3.connect(str(target))
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def backup_path(path: Path, version: int) -> Path:
    """Where a file is copied before migrating it from ``version``."""
    return path.with_name(f"{path.name}.v{version}.bak")


def migrate(path: Path, version: int, migrations: Sequence[Migration] = MIGRATIONS) -> Path | None:
    """Bring a file from ``version`` to the newest, after copying it aside; return the copy."""
    if version >= len(migrations):
        return None
    import sqlite_utils  # noqa: PLC0415 - slow import, only needed here

    backup = backup_path(path, version)
    copy_database(path, backup)
    conn = connect_for_writing(path)
    conn.isolation_level = "DEFERRED"  # the default handling sqlite-utils expects
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        for number in range(version + 1, len(migrations) + 1):
            with db.atomic():
                migrations[number - 1](db)
                db.execute(f"PRAGMA user_version = {number}")
    finally:
        close_for_writing(conn)
    return backup


def load_run(conn: sqlite3.Connection) -> RunLog:
    """The run's event log and checkpoint (empty for a file with no run yet)."""
    try:
        cursor = conn.cursor()
        cursor.row_factory = None  # plain tuples: a run has 100,000s of events
        rows = cursor.execute(
            "SELECT CAST(seq AS INTEGER), CAST(at_ms AS INTEGER), CAST(kind AS TEXT),"
            " CAST(COALESCE(value, '') AS TEXT), CAST(COALESCE(wall, '') AS TEXT)"
            " FROM run_events ORDER BY seq"
        )
        events = list(itertools.starmap(RunEvent, rows))  # already typed by the CASTs
        state = conn.execute("SELECT checkpoint_ms FROM run_state WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # a file from before the live run existed
        return RunLog([], 0)
    return RunLog(events, int(state[0]) if state else 0)


def append_run_event(conn: sqlite3.Connection, event: RunEvent) -> None:
    conn.execute(
        "INSERT INTO run_events (seq, at_ms, kind, value, wall) VALUES (?, ?, ?, ?, ?)", tuple(event)
    )


def write_checkpoint(conn: sqlite3.Connection, at_ms: int, wall: str) -> None:
    conn.execute("INSERT OR REPLACE INTO run_state (id, checkpoint_ms, wall) VALUES (1, ?, ?)", (at_ms, wall))


def write_new(
    path: Path, tables: Tables, migrations: Sequence[Migration] = MIGRATIONS, run: RunLog | None = None
) -> None:
    """Write a complete workshop file at ``path``, replacing it atomically if it exists.

    The file is built beside the target and renamed into place, so a crash or a
    full disk never leaves a half-written workshop under the user's file name.
    """
    import sqlite_utils  # noqa: PLC0415 - slow import, only needed here

    temp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))  # the user's umask applies
    temp_name = str(temp)
    try:
        db = sqlite_utils.Database(sqlite3.connect(temp_name), execute_plugins=False)
        try:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            with db.atomic():
                for migration in migrations:
                    migration(db)
                for name, records in tables.items():
                    if not db[name].exists():
                        raise ValueError(f"no migration creates the table {name!r}")
                    rows = [r.values() for r in records]
                    if rows:
                        db[name].insert_all(rows)  # type: ignore[union-attr]
                if run is not None and run.events:
                    db["run_events"].insert_all([e._asdict() for e in run.events])  # type: ignore[union-attr]
                    db["run_state"].insert({"id": 1, "checkpoint_ms": run.checkpoint_ms, "wall": ""})  # type: ignore[union-attr]
                db.execute(f"PRAGMA user_version = {len(migrations)}")
        finally:
            db.close()
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_content(path: Path, content: WorkshopContent) -> None:
    """Write a whole workshop, its records and its run's log, as a new file at ``path``."""
    write_new(path, content.tables(), run=content.run_log)


def write_records(
    conn: sqlite3.Connection, puts: Iterable[Record], deletes: Iterable[tuple[str, int]]
) -> None:
    """Store changed records and remove deleted ones, in one durable transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, record_id in deletes:
            conn.execute(f"DELETE FROM [{table}] WHERE id = ?", (record_id,))
        for record in puts:
            values: dict[str, Any] = record.values()
            columns = ", ".join(f"[{c}]" for c in column_types(type(record)))
            marks = ", ".join("?" for _ in values)
            conn.execute(
                f"INSERT OR REPLACE INTO [{record.TABLE}] ({columns}) VALUES ({marks})",
                tuple(values.values()),
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
