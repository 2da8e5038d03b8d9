"""The workshop file's schema and its numbered migrations.

The file format version is SQLite's ``PRAGMA user_version``: migration N takes a
file from version N-1 to N. A file is recognised as a workshop by its
``PRAGMA application_id``. Both live in the file's header, so a file can be
identified without opening it for writing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from workshop.model import (
    ActionItem,
    AgendaItem,
    LeadStage,
    MqlState,
    ParkingLotItem,
    Participant,
    Team,
    WorkshopInfo,
    column_types,
)

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x534D5753  # "SMWS"

Migration = Callable[["sqlite_utils.Database"], None]


def _create_tables_v1(db: sqlite_utils.Database) -> None:
    """Version 1: the workshop, its teams, participants, agenda, actions and parking lot."""
    for record_type in (WorkshopInfo, Team, Participant, AgendaItem, ActionItem, ParkingLotItem):
        db[record_type.TABLE].create(column_types(record_type), pk="id")  # type: ignore[union-attr]


def _create_lead_tables(db: sqlite_utils.Database) -> None:
    """Lead stages and the MQL definition (with its versions, approvals and test results)."""
    for record_type in (LeadStage, MqlState):
        db[record_type.TABLE].create(column_types(record_type), pk="id")  # type: ignore[union-attr]


MIGRATIONS: Sequence[Migration] = (_create_tables_v1, _create_lead_tables)
CURRENT_VERSION = len(MIGRATIONS)
