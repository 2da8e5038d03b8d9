"""Rebuild a workshop from its JSON export: every record, the run's log, the signed PDFs.

The export's ``records`` section holds what the file holds; this reads it back,
checking every value as opening a file does (types, storable text, ranges, JSON
inside), so that a workshop file made from JSON is one the app could have made.
A JSON from a newer version, or one that fails a check, is refused with the
first problem named. Each signed PDF is verified: one whose signatures no longer
hold comes in void (it never reads as the signed SLA), and the import says so.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop.clock import local_zone_name
from workshop.inputs import load_json, read_regular_file
from workshop.model import (
    TABLE_LABELS,
    TYPE_BY_TABLE,
    Record,
    WorkshopContent,
    WorkshopInfo,
    column_types,
    value_problem,
)
from workshop.report.json_export import SCHEMA_VERSION
from workshop.run_log import RunEvent, RunLog
from workshop.store import files
from workshop.store.errors import describe_write_failure
from workshop.store.reading import MAX_RUN_MS, event_problem
from workshop.store.schema import ADDED_FIELDS, CURRENT_VERSION, REVIEW_SETTINGS_VERSION

CONTENT_FIELDS = {
    "teams": "teams",
    "participants": "participants",
    "agenda_items": "agenda",
    "action_items": "actions",
    "parking_lot": "parking_lot",
    "funnel": "funnel",
    "quota_lines": "quota_lines",
    "goals": "goals",
    "lead_stages": "lead_stages",
    "mql_definition": "mql",
    "sla_clauses": "sla_clauses",
    "sla_signatures": "sla_signatures",
    "sla_records": "sla_records",
    "reviews": "reviews",
    "goal_check_ins": "check_ins",
    "room_checks": "room_checks",
    "dot_votes": "dot_votes",
}
"""Each list table -> the field of WorkshopContent that holds it."""
VOID_PREFIX = "void:"  # a signed record whose PDF no longer verifies: its fingerprint kept, never current


class JsonImportError(ValueError):
    """The JSON cannot be made into a workshop; the message names the first problem."""


@dataclass
class Imported:
    """A workshop rebuilt from JSON, and what the user should know about it."""

    content: WorkshopContent
    notes: list[str] = field(default_factory=list)


def _record(record_type: type[Record], row: Any, where: str, file_format: int = CURRENT_VERSION) -> Record:
    if not isinstance(row, dict):
        raise JsonImportError(f"{where} is not a record (an object with fields)")
    values: dict[str, Any] = {}
    for name, kind in column_types(record_type).items():
        if name not in row and ADDED_FIELDS.get((record_type.TABLE, name), 0) > file_format:
            continue  # exported before the field existed: it takes its default, as a migrated file does
        if name not in row:
            raise JsonImportError(f"{where} lacks the field “{name}”")
        value = row[name]
        if kind is bool and isinstance(value, bool):
            value = int(value)
        problem = value_problem(record_type, name, value)
        if problem is not None:
            raise JsonImportError(f"{where}: {problem}")
        values[name] = bool(value) if kind is bool else value
    return record_type(**values)


def _tables(tables: Any, file_format: int = CURRENT_VERSION) -> dict[str, list[Record]]:
    if not isinstance(tables, dict):
        raise JsonImportError("“records.tables” is missing or is not an object")
    result: dict[str, list[Record]] = {}
    for name, record_type in TYPE_BY_TABLE.items():
        rows = tables.get(name, [])
        label = TABLE_LABELS.get(name, name)
        if not isinstance(rows, list):
            raise JsonImportError(f"{label}: not a list of records")
        if name == WorkshopInfo.TABLE and len(rows) != 1:
            raise JsonImportError(f"it holds {len(rows)} workshops instead of one")
        records = [
            _record(record_type, row, f"{label}, record {i + 1}", file_format) for i, row in enumerate(rows)
        ]
        ids = [r.id for r in records]
        if len(set(ids)) != len(ids):
            raise JsonImportError(f"{label}: two records have the same id")
        result[name] = records
    return result


def _run(run: Any) -> RunLog:
    if not isinstance(run, dict):
        raise JsonImportError("“records.run” is missing or is not an object")
    events_data = run.get("events", [])
    checkpoint = run.get("checkpoint_ms", 0)
    if not isinstance(events_data, list):
        raise JsonImportError("the run's events are not a list")
    if isinstance(checkpoint, bool) or not isinstance(checkpoint, int) or not 0 <= checkpoint <= MAX_RUN_MS:
        raise JsonImportError("the run's checkpoint is not a time the run could reach")
    events = []
    for index, item in enumerate(events_data):
        if not isinstance(item, list) or len(item) != len(RunEvent._fields):
            raise JsonImportError(f"the run's event {index + 1} is not [seq, at_ms, kind, value, wall]")
        problem = event_problem(tuple(item), index + 1)
        if problem is not None:
            raise JsonImportError(f"the run's log: {problem}")
        events.append(RunEvent(*item))
    return RunLog(events, checkpoint)


def _verify_records(content: WorkshopContent, notes: list[str]) -> None:
    """Void each signed record whose PDF no longer verifies (a PDF changed on the way)."""
    if not content.sla_records:
        return
    from workshop.signoff.verification import CHANGED, verify_pdf

    checked = []
    for record in content.sla_records:
        problem = None
        try:
            data = base64.b64decode(record.pdf.encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            problem = "its PDF is not valid base64"
        else:
            result = verify_pdf(data)
            # Damage or a change after signing voids it; an authority from another laptop, or a
            # record still waiting for its next signer, is what the file held and comes in as it was.
            if result.code == CHANGED:
                reasons = result.problems + [p for s in result.signatures for p in s.problems]
                problem = reasons[0] if reasons else "its signatures do not verify"
        if problem is not None and not record.sla_sha256.startswith(VOID_PREFIX):
            notes.append(
                f"The signed record of {record.signed_at or 'an earlier version'} comes in void: {problem}."
            )
            checked.append(dataclasses.replace(record, sla_sha256=VOID_PREFIX + record.sla_sha256))
        else:
            checked.append(record)
    content.sla_records = checked


def _void_signatures(content: WorkshopContent, notes: list[str]) -> None:
    from workshop.sla import agreement as sla

    current = sla.fingerprint(content)
    stale = [s for s in content.sla_signatures if s.sla_sha256 and s.sla_sha256 != current]
    if stale:
        names = ", ".join(s.name or s.role for s in stale)
        notes.append(f"Signatures that no longer match the imported SLA come in void: {names}.")


def content_from_json(data: Any) -> Imported:
    """The workshop in an exported JSON document; raises :class:`JsonImportError` naming the first problem."""
    if not isinstance(data, dict):
        raise JsonImportError("it is not a workshop export (a JSON object)")
    schema = data.get("schema_version")
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise JsonImportError("it is not a workshop export (no schema_version)")
    records = data.get("records")
    if schema > SCHEMA_VERSION or (isinstance(records, dict) and _newer(records.get("file_format"))):
        raise JsonImportError("it was exported by a newer version of the app; update the app to import it")
    if not isinstance(records, dict):
        raise JsonImportError("it has no “records” section (it was exported by an older version of the app)")
    file_format = records.get("file_format")
    if isinstance(file_format, bool) or not isinstance(file_format, int):
        file_format = CURRENT_VERSION
    tables = _tables(records.get("tables"), file_format)
    run_log = _run(records.get("run"))
    info = tables[WorkshopInfo.TABLE][0]
    assert isinstance(info, WorkshopInfo)
    if file_format < REVIEW_SETTINGS_VERSION:  # as the migration does for a file: this computer's zone
        info = dataclasses.replace(info, time_zone=local_zone_name(), review_time=info.day_start)
    content = WorkshopContent(info=info, run_log=run_log)
    for name, field_name in CONTENT_FIELDS.items():
        setattr(content, field_name, list(tables[name]))
    notes: list[str] = []
    _verify_records(content, notes)
    _void_signatures(content, notes)
    return Imported(content, notes)


def _newer(file_format: Any) -> bool:
    return (
        isinstance(file_format, int) and not isinstance(file_format, bool) and file_format > CURRENT_VERSION
    )


MAX_JSON_BYTES = 1024 * 1024 * 1024


def import_file(source: Path, out: Path) -> Imported:
    """Make the workshop file ``out`` from the JSON export ``source``; ``out`` must not exist.

    Raises :class:`JsonImportError` (or ``InputError`` for a file that cannot be read as
    JSON) with a message for the user; nothing is left at ``out`` then.
    """
    if out.exists() or out.is_symlink():
        raise JsonImportError(f"“{out.name}” exists already; choose a new name (nothing was changed)")
    data = load_json(read_regular_file(source, "JSON export", limit=MAX_JSON_BYTES), f"“{source.name}”")
    try:
        imported = content_from_json(data)
    except JsonImportError as error:
        raise JsonImportError(f"“{source.name}” cannot be imported: {error}") from None
    try:
        files.write_content(out, imported.content)
    except (OSError, ValueError, sqlite3.Error) as error:
        raise JsonImportError(str(describe_write_failure(out, error, saving_as=True))) from None
    return imported
