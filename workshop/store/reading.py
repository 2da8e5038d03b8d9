"""Look before you touch: a workshop file is read and checked in full from a private copy.

The file (with its write-ahead log, where a killed app left its last edits) is
copied byte for byte into a private folder, and only the copy is opened with
SQLite: nothing is switched, written or created beside the user's file while it
is being judged, and every connection is closed on every path.

What is found is one of three things. Structural damage (not SQLite, not ours,
missing tables or columns, no workshop or two of them, a copy SQLite cannot
read) is refused with a :class:`WorkshopFileError`. Values no edit could make
(NULL, a number where text belongs, text that cannot be stored, a number out of
its range, JSON that does not parse) in an otherwise sound file are reported as
:class:`ValueProblem` s, with the records holding them left out (the
workshop's own details keep their defaults instead), so the file can be shown
read-only and recovered into a new file. Otherwise the file is sound.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from workshop.inputs import InputError, require_regular_file
from workshop.model import (
    TABLE_LABELS,
    TYPE_BY_TABLE,
    WorkshopInfo,
    column_types,
    value_problem,
)
from workshop.run_log import CORRECT, EXTEND, ITEM, PAUSE, RESUME, SPEAKER, START, EventRow, RunEvent, RunLog
from workshop.store import files
from workshop.store.errors import DamagedFileError, FileMissingError, NotAWorkshopError, WorkshopFileError
from workshop.store.schema import MIGRATIONS, Migration

RUN_COLUMNS = {
    "run_events": {"seq": int, "at_ms": int, "kind": str, "value": str, "wall": str},
    "run_state": {"id": int, "checkpoint_ms": int, "wall": str},
}
RUN_KINDS = (START, PAUSE, RESUME, ITEM, SPEAKER, EXTEND, CORRECT)
MAX_RUN_MS = 31 * 24 * 3600 * 1000  # a month of running time
SHOWN_PROBLEMS = 3


@dataclass(frozen=True)
class ValueProblem:
    """A value in an otherwise sound file that no edit could have made."""

    table: str
    row_id: int | None
    text: str

    def describe(self) -> str:
        label = TABLE_LABELS.get(self.table, self.table)
        where = f"{label}, row {self.row_id}" if self.row_id is not None else label
        return f"{where}: {self.text}"


@dataclass
class FileContents:
    """What a workshop file holds, read from a private copy and checked."""

    version: int
    tables: files.Tables
    run_log: RunLog
    problems: list[ValueProblem] = field(default_factory=list)
    stamp: tuple[object, ...] = ()

    def changed_since(self, path: Path) -> bool:
        """True when the file or its log changed after it was read."""
        return _stamp(path) != self.stamp

    def problems_text(self) -> str:
        """The problems in one line: the first few, and how many more."""
        shown = "; ".join(p.describe() for p in self.problems[:SHOWN_PROBLEMS])
        more = len(self.problems) - SHOWN_PROBLEMS
        return shown + (f"; and {more} more" if more > 0 else "")


def _stamp(path: Path) -> tuple[object, ...]:
    stamps: list[object] = []
    for each in (path, files.wal_path(path)):
        try:
            st = os.stat(each)
        except OSError:
            stamps.append(None)
        else:
            stamps.append((st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(stamps)


def _damaged(path: Path, what: str = "is damaged (it may be truncated or corrupt)") -> DamagedFileError:
    return DamagedFileError(
        path, f"“{path.name}” {what}.", "Open a backup or an earlier copy; this file has not been changed."
    )


def _not_ours(path: Path, why: str) -> NotAWorkshopError:
    return NotAWorkshopError(
        path,
        f"“{path.name}” is not a workshop file this app can use ({why}).",
        "Open a backup or an earlier copy; this file has not been changed.",
    )


def check_path(path: Path) -> None:
    """Refuse at once what is not an ordinary, readable file (never opening it)."""
    try:
        require_regular_file(path, "file")
    except InputError as error:
        text = str(error)
        if text.startswith("There is no"):
            raise FileMissingError(path, text, "It may have been moved, renamed or deleted.") from None
        if "folder" in text:
            raise NotAWorkshopError(path, text, "Choose a .smw file.") from None
        raise NotAWorkshopError(path, text, "Choose a .smw workshop file; nothing was changed.") from None


def _copy_bytes(source: Path, target: Path) -> bool:
    """Copy an ordinary file's bytes; False when there is none to copy."""
    try:
        st = os.stat(source)
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(st.st_mode):
        return False
    shutil.copyfile(source, target)
    return True


@contextlib.contextmanager
def private_copy(path: Path) -> Iterator[Path]:
    """A copy of the workshop file and its write-ahead log in a private folder, removed after."""
    with tempfile.TemporaryDirectory(prefix="smw-check-") as folder:
        copy = Path(folder) / "workshop.smw"
        try:
            shutil.copyfile(path, copy)
            _copy_bytes(files.wal_path(path), files.wal_path(copy))
        except OSError as error:
            raise DamagedFileError(
                path,
                f"“{path.name}” cannot be read ({error.strerror or error}).",
                "Check the file and the disk.",
            ) from None
        yield copy


def _tables_and_columns(conn: sqlite3.Connection) -> dict[str, set[str]]:
    names = [
        bytes(r[0]).decode("utf-8", "replace")
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    found: dict[str, set[str]] = {}
    for name in names:
        if "]" in name:
            continue
        found[name] = {
            bytes(r[1]).decode("utf-8", "replace") for r in conn.execute(f"PRAGMA table_info([{name}])")
        }
    return found


def _expected_columns(version: int, migrations: Sequence[Migration]) -> dict[str, set[str]]:
    if version == len(migrations) and migrations is MIGRATIONS:
        expected = {t: set(column_types(rt)) for t, rt in TYPE_BY_TABLE.items()}
        expected.update({t: set(c) for t, c in RUN_COLUMNS.items()})
        return expected
    import sqlite_utils  # noqa: PLC0415 - an older file: rare, and migrating it needs this anyway

    conn = sqlite3.connect(":memory:")
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)
        for migration in migrations[:version]:
            migration(db)
        conn.text_factory = bytes
        return _tables_and_columns(conn)
    finally:
        conn.close()


def _check_structure(
    conn: sqlite3.Connection, path: Path, version: int, migrations: Sequence[Migration]
) -> None:
    found = _tables_and_columns(conn)
    for table, columns in _expected_columns(version, migrations).items():
        if table not in found:
            raise _not_ours(path, f"it has no {TABLE_LABELS.get(table, table)} table")
        missing = sorted(columns - found[table])
        if missing:
            raise _not_ours(path, f"its {TABLE_LABELS.get(table, table)} table lacks the column {missing[0]}")
    count = conn.execute("SELECT count(*) FROM workshop").fetchone()[0]
    if count != 1:
        what = "has no workshop in it" if count == 0 else f"holds {count} workshops instead of one"
        raise _damaged(path, what)


def _decoded(value: Any) -> Any:
    """A raw SQLite value with text decoded strictly; bytes that are not UTF-8 stay bytes."""
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value
    return value


def _raw_problem(record_type: type, name: str, raw: Any) -> str | None:
    if isinstance(raw, bytes) and not isinstance(_decoded(raw), str):
        return f"{name} holds text that is not UTF-8"
    return value_problem(record_type, name, _decoded(raw))


def _load_table(conn: sqlite3.Connection, table: str, problems: list[ValueProblem]) -> list[Any]:
    record_type = TYPE_BY_TABLE[table]
    names = list(column_types(record_type))
    columns = ", ".join(f"[{n}]" for n in names)
    rows = conn.execute(f"SELECT {columns} FROM [{table}] ORDER BY position, id").fetchall()
    records = []
    for row in rows:
        raw = dict(zip(names, row, strict=True))
        row_id = raw["id"] if isinstance(raw["id"], int) else None
        bad = {n: p for n in names if (p := _raw_problem(record_type, n, raw[n])) is not None}
        problems.extend(ValueProblem(table, row_id, text) for text in bad.values())
        if bad and table != WorkshopInfo.TABLE:
            continue  # left out: a record is kept whole or not at all
        kinds = column_types(record_type)
        values = {
            n: (bool(v) if kinds[n] is bool else v) for n in names if n not in bad for v in [_decoded(raw[n])]
        }
        if table == WorkshopInfo.TABLE:
            values["id"] = 1
        records.append(record_type(**values))
    return records


def event_problem(event: tuple[Any, ...], expected_seq: int) -> str | None:
    seq, at_ms, kind, value, wall = (_decoded(v) for v in event)
    if not isinstance(seq, int) or isinstance(seq, bool) or seq != expected_seq:
        return f"event {expected_seq} is out of order"
    if not isinstance(at_ms, int) or not 0 <= at_ms <= MAX_RUN_MS:
        return f"event {seq} has a time that cannot be ({at_ms!r})"
    if kind not in RUN_KINDS:
        return f"event {seq} is of an unknown kind"
    if not isinstance(value, str) or not isinstance(wall, str) or "\x00" in value + wall:
        return f"event {seq} holds a value that is not text"
    number = value.removeprefix("-") if kind == EXTEND else value
    if kind in (START, ITEM, EXTEND, CORRECT) and value and not (number.isascii() and number.isdigit()):
        return f"event {seq} holds “{value[:20]}” where a number belongs"
    return None


_NUMBERED = frozenset((START, ITEM, EXTEND, CORRECT))
_KINDS = frozenset(RUN_KINDS)


def _all_sound(rows: list[tuple[Any, ...]]) -> bool:
    """Whether :func:`event_problem` finds nothing in any of these rows (text already decoded),
    checked a column at a time rather than event by event."""
    seqs = list(map(itemgetter(0), rows))
    if set(map(type, seqs)) - {int} or seqs != list(range(1, len(rows) + 1)):
        return False
    times = list(map(itemgetter(1), rows))
    if set(map(type, times)) - {int} or (times and not 0 <= min(times) <= max(times) <= MAX_RUN_MS):
        return False
    kinds = list(map(itemgetter(2), rows))
    values, walls = list(map(itemgetter(3), rows)), list(map(itemgetter(4), rows))
    if not set(kinds) <= _KINDS or set(map(type, values)) - {str} or set(map(type, walls)) - {str}:
        return False
    if "\x00" in "".join(values) or "\x00" in "".join(walls):
        return False
    for kind, value in zip(kinds, values, strict=True):
        if kind in _NUMBERED and value:
            number = value[1:] if kind == EXTEND and value[0] == "-" else value
            if not (number.isascii() and number.isdigit()):
                return False
    return True


def _sound_events(conn: sqlite3.Connection) -> list[EventRow] | None:
    """The run's events read fast, when every one is sound and all their text is UTF-8.

    Equal to what reading event by event gives for such a log (tests compare the two);
    None otherwise, and the caller reads event by event to say what is wrong where.
    """
    conn.text_factory = str
    try:
        rows = conn.execute("SELECT seq, at_ms, kind, value, wall FROM run_events ORDER BY seq").fetchall()
    except sqlite3.OperationalError:  # text that is not UTF-8: SQLite's decoding refuses it
        return None
    finally:
        conn.text_factory = bytes
    return rows if _all_sound(rows) else None


def _load_run(conn: sqlite3.Connection, problems: list[ValueProblem]) -> RunLog:
    sound = _sound_events(conn)
    state = conn.execute("SELECT checkpoint_ms FROM run_state WHERE id = 1").fetchone()
    checkpoint = state[0] if state else 0
    if not isinstance(checkpoint, int) or not 0 <= checkpoint <= MAX_RUN_MS:
        problems.append(ValueProblem("run_state", None, "the checkpoint is not a time the run could reach"))
        checkpoint = 0
    if sound is not None:
        return RunLog.from_rows(sound, checkpoint)
    events: list[RunEvent] = []
    rows = conn.execute("SELECT seq, at_ms, kind, value, wall FROM run_events ORDER BY seq").fetchall()
    for index, row in enumerate(rows):
        problem = event_problem(tuple(row), index + 1)
        if problem is not None:
            problems.append(
                ValueProblem("run_events", None, problem + "; the run's log is left out from here")
            )
            break
        seq, at_ms, kind, value, wall = (_decoded(v) for v in row)
        events.append(RunEvent(seq, at_ms, kind, value, wall))
    return RunLog(events, checkpoint)


def _check(conn: sqlite3.Connection, path: Path, version: int, migrations: Sequence[Migration]) -> None:
    """SQLite's own quick check, then the structure this version of the file must have."""
    conn.text_factory = bytes  # a report or a name that is not UTF-8 must not fail the reading
    result = conn.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != b"ok":
        raise _damaged(path)
    _check_structure(conn, path, version, migrations)


def _load(conn: sqlite3.Connection, version: int) -> FileContents:
    """Every record and the run's log, each value checked; bad ones reported and left out."""
    conn.text_factory = bytes
    problems: list[ValueProblem] = []
    tables = {table: _load_table(conn, table, problems) for table in TYPE_BY_TABLE}
    run_log = _load_run(conn, problems)
    return FileContents(version, tables, run_log, problems)


def _read_copy(copy: Path, path: Path, version: int, migrations: Sequence[Migration]) -> FileContents:
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        _check(conn, path, version, migrations)
        if version < len(migrations):
            conn.close()
            files.migrate(copy, version, migrations)
            conn = sqlite3.connect(str(copy), isolation_level=None)
        return _load(conn, version)
    finally:
        conn.close()


def _in_memory(path: Path) -> sqlite3.Connection | None:
    """The file's bytes as a private in-memory database, when it has no log beside it (the usual case)."""
    if files.wal_path(path).exists():
        return None
    try:
        data = bytearray(path.read_bytes())
    except OSError as error:
        raise DamagedFileError(
            path, f"“{path.name}” cannot be read ({error.strerror or error}).", "Check the file and the disk."
        ) from None
    if data[18:20] == b"\x02\x02":  # a write-ahead-log file with no log: read it as a plain one
        data[18:20] = b"\x01\x01"
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.deserialize(bytes(data))
    except BaseException:
        conn.close()
        raise
    return conn


def read_workshop(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> FileContents:
    """Identify, check and load a workshop file without changing it or creating anything beside it.

    A current file with no write-ahead log is read from its bytes in memory; an older
    one (to be migrated) or one with a log (left by a killed app, or open elsewhere) is
    read from a copy, log included, in a private temporary folder.
    """
    check_path(path)
    version = files.file_version(path, newest=len(migrations))
    stamp = _stamp(path)
    try:
        conn = _in_memory(path) if version == len(migrations) and migrations is MIGRATIONS else None
        if conn is not None:
            try:
                _check(conn, path, version, migrations)
                contents = _load(conn, version)
            finally:
                conn.close()
        else:
            with private_copy(path) as copy:
                contents = _read_copy(copy, path, version, migrations)
    except WorkshopFileError:
        raise
    except (sqlite3.Error, ValueError, TypeError, OverflowError, MemoryError, RecursionError):
        raise _damaged(path) from None
    contents.stamp = stamp
    return contents
