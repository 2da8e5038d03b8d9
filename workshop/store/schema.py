"""The workshop file's schema and its numbered migrations.

The file format version is SQLite's ``PRAGMA user_version``: migration N takes a
file from version N-1 to N. A file is recognised as a workshop by its
``PRAGMA application_id``. Both live in the file's header, so a file can be
identified without opening it for writing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from workshop.model import ALL_TYPES, SlaClause, SlaRecord, SlaSignature, column_types

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x534D5753  # "SMWS"

Migration = Callable[["sqlite_utils.Database"], None]


def _create_tables_v1(db: sqlite_utils.Database) -> None:
    """Version 1: the workshop, its teams, participants, agenda, actions and parking lot."""
    for record_type in ALL_TYPES:
        if record_type in _SLA_TYPES:
            continue
        db[record_type.TABLE].create(column_types(record_type), pk="id")  # type: ignore[union-attr]


_SLA_TYPES = (SlaClause, SlaSignature, SlaRecord)


def _create_sla_tables(db: sqlite_utils.Database) -> None:
    """The SLA's clauses, the drawn signatures and the signed PDF records."""
    for record_type in _SLA_TYPES:
        db[record_type.TABLE].create(column_types(record_type), pk="id")  # type: ignore[union-attr]


MIGRATIONS: Sequence[Migration] = (_create_tables_v1, _create_sla_tables)
CURRENT_VERSION = len(MIGRATIONS)
