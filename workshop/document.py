"""One workshop, one file: open, edit, undo, save as, close.

Every edit goes through :meth:`WorkshopDocument.apply`, which changes the
records in memory, commits them to the file in one durable transaction, and
keeps the inverse for undo. There is no Save: what is on screen is in the file.

If a write fails (read-only file, full disk) the edit is kept in memory, the
document says so through :attr:`status_changed`, and stops writing until the
user saves it elsewhere with :meth:`save_as`.

Signals: ``about_to_change`` and ``changed`` (a :class:`Change`, before and
after each change), ``status_changed`` (the document, when its saved state,
path or undo availability changes).
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from workshop.clock import local_now
from workshop.edits import Change, Delete, Insert, Move, Operation, Update
from workshop.events import Signal
from workshop.locking import WorkshopLock
from workshop.model import (
    TYPE_BY_TABLE,
    ActionItem,
    AgendaItem,
    DotVote,
    FunnelSettings,
    Goal,
    GoalCheckIn,
    LeadStage,
    MqlState,
    ParkingLotItem,
    Participant,
    QuotaLine,
    Record,
    Review,
    RoomCheck,
    SlaClause,
    SlaRecord,
    SlaSignature,
    Team,
    WorkshopContent,
    WorkshopInfo,
    storable_change,
)
from workshop.run_log import RunEvent, RunLog
from workshop.store import files, reading
from workshop.store.errors import FileWriteError, describe_write_failure
from workshop.store.schema import MIGRATIONS, Migration

R = TypeVar("R", bound=Record)


class ReadOnlyError(Exception):
    """An edit was attempted on a document opened read-only."""


@dataclass
class _UndoEntry:
    text: str
    operations: list[Operation]
    inverse: list[Operation]
    merge_key: tuple[Any, ...] | None = None


@dataclass
class _PendingWrites:
    records: dict[tuple[str, int], Record | None] = field(default_factory=dict)

    def put(self, record: Record) -> None:
        self.records[(record.TABLE, record.id)] = record

    def delete(self, table: str, record_id: int) -> None:
        self.records[(table, record_id)] = None


class WorkshopDocument:
    """An open workshop: its records, its file, its undo history."""

    def __init__(self, path: Path, tables: files.Tables, run_log: RunLog | None = None) -> None:
        self.path = path
        self._tables = tables
        self._typed: dict[type[Record], list[Record]] = {}  # typed() per type, until the next change
        self.run_log = run_log or RunLog([], 0)
        self.run_log.on_append.append(self._persist_run_event)
        self.run_log.on_checkpoint.append(self._persist_checkpoint)
        self._conn: sqlite3.Connection | None = None  # opened on the first write
        self._may_write = False
        self.problems: list[reading.ValueProblem] = []  # values left out when the file was read
        self._lock: WorkshopLock | None = None
        self.read_only_reason: str | None = None
        self.write_error: FileWriteError | None = None
        self.saved_at: datetime | None = None
        self.migrated_backup: Path | None = None
        self._high_ids: dict[str, int] = {}
        self._undo: list[_UndoEntry] = []
        self._undo_index = 0
        self._sealed = True
        self.about_to_change: Signal[Change] = Signal()
        self.changed: Signal[Change] = Signal()
        self.status_changed: Signal[WorkshopDocument] = Signal()

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, content: WorkshopContent) -> WorkshopDocument:
        """Write ``content`` as a new workshop file at ``path`` and open it for editing."""
        path = Path(path)
        files.write_content(path, content)
        return cls.open(path)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> WorkshopDocument:
        """Open a workshop file; raises a ``WorkshopFileError`` saying what is wrong.

        A file that another window or process is editing, or that cannot be
        written, is opened read-only with :attr:`read_only_reason` saying why.
        """
        path = Path(path).absolute()
        contents = reading.read_workshop(path, migrations)
        reason = _read_only_reason(path, contents, read_only)
        lock: WorkshopLock | None = None
        if reason is None:
            lock = WorkshopLock(path)
            if not lock.acquire():
                lock = None
                reason = (
                    f"“{path.name}” is open in another window or program, so it is shown "
                    "read-only. Close it there to edit it here, or use Save As to edit a copy."
                )
        backup: Path | None = None
        if lock is not None:
            try:
                if contents.changed_since(path):  # written by someone else before the lock was ours
                    contents = reading.read_workshop(path, migrations)
                    reason = _read_only_reason(path, contents, read_only)
                if reason is None:
                    backup = files.migrate(path, contents.version, migrations)
            except BaseException:
                lock.release()
                raise
            if reason is not None:
                lock.release()
                lock = None
        document = cls(path, contents.tables, contents.run_log)
        document._lock = lock
        document._may_write = lock is not None
        document.read_only_reason = reason
        document.problems = contents.problems
        document.migrated_backup = backup
        return document

    def close(self) -> None:
        """Let go of the file (all edits are already in it)."""
        self._may_write = False
        if self._conn is not None:
            files.close_for_writing(self._conn)
            self._conn = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def save_as(self, path: Path | str) -> None:
        """Write the workshop as it is now to ``path`` and go on editing that file.

        This is also the way out after a failed write: everything in memory,
        including the edits that could not be written, goes to the new file.
        """
        path = Path(path).absolute()
        same = path == self.path and self._lock is not None
        if same and self.saving:
            return
        lock = self._lock if same and self._lock is not None else WorkshopLock(path)
        if not same and not lock.acquire():
            raise FileWriteError(
                path,
                f"“{path.name}” is open in another window or program.",
                "Close it there first, or choose another name.",
            )
        if same and self._conn is not None:
            files.close_for_writing(self._conn)  # the file is about to be replaced
            self._conn = None
        try:
            files.write_new(path, self._tables, run=self.run_log)
            conn = files.connect_for_writing(path)
        except Exception as error:  # noqa: BLE001 - any failure: said in the user's words, the edits kept
            if not same:
                lock.release()
            raise describe_write_failure(path, error, saving_as=True) from None
        if not same:
            self.close()
        self.path, self._conn, self._lock = path, conn, lock
        self._may_write = True
        self.read_only_reason = None
        self.problems = []
        self.write_error = None
        self.saved_at = local_now()
        self.status_changed.emit(self)

    # -- reading ---------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def saving(self) -> bool:
        """True while edits are being written to the file as they are made."""
        return self._may_write and self.write_error is None

    def _connection(self) -> sqlite3.Connection:
        """The connection edits are written through, opened on the first write.

        Opening a file to look at it never changes it: SQLite touches the file only
        once there is something to write.
        """
        if self._conn is None:
            self._conn = files.connect_for_writing(self.path)
        return self._conn

    def records(self, table: str) -> Sequence[Record]:
        return self._tables[table]

    def typed(self, record_type: type[R]) -> list[R]:
        """The table's records of ``record_type``, as a new list the caller may change.

        Pages ask for the same tables many times a second (the Run page on every key and
        tick); the filtered list is kept until the next change to any table.
        """
        found = self._typed.get(record_type)
        if found is None:
            found = [r for r in self._tables[record_type.TABLE] if isinstance(r, record_type)]
            self._typed[record_type] = found
        return list(found)  # type: ignore[arg-type]

    def find(self, table: str, record_id: int) -> tuple[int, Record]:
        for index, record in enumerate(self._tables[table]):
            if record.id == record_id:
                return index, record
        raise KeyError(f"{table} has no record {record_id}")

    @property
    def info(self) -> WorkshopInfo:
        record = self._tables[WorkshopInfo.TABLE][0]
        assert isinstance(record, WorkshopInfo)
        return record

    def team(self, key: str) -> Team:
        for team in self.typed(Team):
            if team.key == key:
                return team
        raise KeyError(key)

    def content(self) -> WorkshopContent:
        return WorkshopContent(
            info=self.info,
            teams=self.typed(Team),
            participants=self.typed(Participant),
            agenda=self.typed(AgendaItem),
            actions=self.typed(ActionItem),
            parking_lot=self.typed(ParkingLotItem),
            funnel=self.typed(FunnelSettings),
            quota_lines=self.typed(QuotaLine),
            goals=self.typed(Goal),
            lead_stages=self.typed(LeadStage),
            mql=self.typed(MqlState),
            sla_clauses=self.typed(SlaClause),
            sla_signatures=self.typed(SlaSignature),
            sla_records=self.typed(SlaRecord),
            reviews=self.typed(Review),
            check_ins=self.typed(GoalCheckIn),
            room_checks=self.typed(RoomCheck),
            dot_votes=self.typed(DotVote),
            run_log=self.run_log,
        )

    # -- editing ---------------------------------------------------------------------------

    def apply(
        self, text: str, operations: Sequence[Operation], merge_key: tuple[Any, ...] | None = None
    ) -> list[Operation]:
        """Make one undoable edit of one or more operations; return them with ids resolved.

        Successive edits with the same ``merge_key`` (a user typing in one field)
        become one undo step until :meth:`seal_undo` is called.
        """
        if self.read_only:
            raise ReadOnlyError(self.read_only_reason)
        operations = [op for op in map(_storable, operations) if not self._is_no_op(op)]
        if not operations:
            return []
        done, inverse = self._perform(operations)
        top = self._undo[self._undo_index - 1] if self._undo_index else None
        del self._undo[self._undo_index :]
        if merge_key is not None and not self._sealed and top is not None and top.merge_key == merge_key:
            top.operations = done
        else:
            self._undo.append(_UndoEntry(text, done, inverse, merge_key))
        self._undo_index = len(self._undo)
        self._sealed = merge_key is None
        self.status_changed.emit(self)
        return done

    def seal_undo(self) -> None:
        """End the current typing run: the next edit starts a new undo step."""
        self._sealed = True

    @property
    def can_undo(self) -> bool:
        return self._undo_index > 0 and not self.read_only

    @property
    def can_redo(self) -> bool:
        return self._undo_index < len(self._undo) and not self.read_only

    @property
    def undo_text(self) -> str:
        return self._undo[self._undo_index - 1].text if self.can_undo else ""

    @property
    def redo_text(self) -> str:
        return self._undo[self._undo_index].text if self.can_redo else ""

    def undo(self) -> None:
        if not self.can_undo:
            return
        self._undo_index -= 1
        self._perform(self._undo[self._undo_index].inverse)
        self._sealed = True
        self.status_changed.emit(self)

    def redo(self) -> None:
        if not self.can_redo:
            return
        self._perform(self._undo[self._undo_index].operations)
        self._undo_index += 1
        self._sealed = True
        self.status_changed.emit(self)

    # -- the one place where records change ------------------------------------------------

    def _perform(self, operations: Sequence[Operation]) -> tuple[list[Operation], list[Operation]]:
        pending = _PendingWrites()
        done: list[Operation] = []
        inverse: list[Operation] = []
        for op in operations:
            resolved, undo_op = self._perform_one(op, pending)
            done.append(resolved)
            inverse.insert(0, undo_op)
        self._write(pending)
        return done, inverse

    def _perform_one(self, op: Operation, pending: _PendingWrites) -> tuple[Operation, Operation]:
        if isinstance(op, Update):
            index, old = self.find(op.table, op.record_id)
            names = tuple(name for name, _ in op.changes)
            change = Change(op.table, "update", op.record_id, index, index, names)
            self.about_to_change.emit(change)
            new = dataclasses.replace(old, **dict(op.changes))
            self._tables[op.table][index] = new
            pending.put(new)
            self._typed.clear()
            self.changed.emit(change)
            undo_op: Operation = Update(op.table, op.record_id, tuple((n, getattr(old, n)) for n in names))
            return op, undo_op
        if isinstance(op, Insert):
            rows = self._tables[op.record.TABLE]
            record = op.record
            if record.id == 0:  # a new id, never one a deleted record had in this session
                used = max(max((r.id for r in rows), default=0), self._high_ids.get(record.TABLE, 0))
                record = dataclasses.replace(record, id=used + 1)
            self._high_ids[record.TABLE] = max(self._high_ids.get(record.TABLE, 0), record.id)
            index = len(rows) if op.index < 0 or op.index > len(rows) else op.index
            change = Change(record.TABLE, "insert", record.id, index, index)
            self.about_to_change.emit(change)
            rows.insert(index, record)
            self._renumber(record.TABLE, pending)
            pending.put(rows[index])
            self._typed.clear()
            self.changed.emit(change)
            return Insert(record, index), Delete(record.TABLE, record.id)
        if isinstance(op, Delete):
            index, old = self.find(op.table, op.record_id)
            change = Change(op.table, "delete", op.record_id, index)
            self.about_to_change.emit(change)
            del self._tables[op.table][index]
            pending.delete(op.table, op.record_id)
            self._renumber(op.table, pending)
            self._typed.clear()
            self.changed.emit(change)
            return op, Insert(old, index)
        index, old = self.find(op.table, op.record_id)
        rows = self._tables[op.table]
        target = max(0, min(op.index, len(rows) - 1))
        change = Change(op.table, "move", op.record_id, index, target)
        self.about_to_change.emit(change)
        rows.insert(target, rows.pop(index))
        self._renumber(op.table, pending)
        self._typed.clear()
        self.changed.emit(change)
        return Move(op.table, op.record_id, target), Move(op.table, op.record_id, index)

    def _is_no_op(self, op: Operation) -> bool:
        if isinstance(op, Update):
            _, old = self.find(op.table, op.record_id)
            return all(getattr(old, name) == value for name, value in op.changes)
        if isinstance(op, Move):
            index, _ = self.find(op.table, op.record_id)
            return index == max(0, min(op.index, len(self._tables[op.table]) - 1))
        return False

    def _renumber(self, table: str, pending: _PendingWrites) -> None:
        rows = self._tables[table]
        for position, record in enumerate(rows):
            if record.position != position:
                rows[position] = dataclasses.replace(record, position=position)
                pending.put(rows[position])

    def _journal(self, write: Callable[[sqlite3.Connection], None]) -> None:
        """Write to the run's log outside the undo history, durably, like every edit."""
        if not self.saving:
            return
        try:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                write(conn)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except Exception as error:  # noqa: BLE001 - any failed write must show, never pass unseen
            self._failed(error)
        else:
            self.saved_at = local_now()

    def _persist_run_event(self, event: RunEvent) -> None:
        self._journal(lambda conn: files.append_run_event(conn, event))

    def _persist_checkpoint(self, at_ms: int) -> None:
        wall = local_now().isoformat(timespec="seconds")
        self._journal(lambda conn: files.write_checkpoint(conn, at_ms, wall))

    def _write(self, pending: _PendingWrites) -> None:
        if not self.saving:
            return
        puts = [r for r in pending.records.values() if r is not None]
        deletes = [key for key, r in pending.records.items() if r is None]
        try:
            files.write_records(self._connection(), puts, deletes)
        except Exception as error:  # noqa: BLE001 - any failed write must show, never pass unseen
            self._failed(error)
        else:
            self.saved_at = local_now()

    def _failed(self, error: BaseException) -> None:
        """A write failed: keep the edit in memory and say so until it is saved elsewhere."""
        self.write_error = describe_write_failure(self.path, error)
        self.status_changed.emit(self)


def _unwritable_reason(path: Path) -> str | None:
    if not os.access(path, os.W_OK):
        return f"“{path.name}” is a read-only file, so it is shown read-only. Use Save As to edit a copy."
    if not os.access(path.parent, os.W_OK):
        return (
            f"The folder of “{path.name}” cannot be written, so the workshop is shown read-only. "
            "Use Save As to edit a copy."
        )
    return None


def _storable(op: Operation) -> Operation:
    """The operation with its text made storable and its numbers within their limits (see model)."""
    if isinstance(op, Update):
        record_type = TYPE_BY_TABLE[op.table]
        changes = tuple((name, storable_change(record_type, name, value)) for name, value in op.changes)
        return dataclasses.replace(op, changes=changes) if changes != op.changes else op
    if isinstance(op, Insert):
        record = op.record
        fixed = {n: storable_change(type(record), n, v) for n, v in record.values().items()}
        fixed = {n: v for n, v in fixed.items() if v != getattr(record, n)}
        return dataclasses.replace(op, record=dataclasses.replace(record, **fixed)) if fixed else op
    return op


def _read_only_reason(path: Path, contents: reading.FileContents, read_only: bool) -> str | None:
    if contents.problems:
        return (
            f"“{path.name}” holds values no edit could make ({contents.problems_text()}). It is shown "
            "read-only and has not been changed; File ▸ Recover into a New File keeps everything sound."
        )
    if read_only:
        return "Opened read-only."
    return _unwritable_reason(path)
