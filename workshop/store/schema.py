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


def _create_goals_v2(db: sqlite_utils.Database) -> None:
    """Version 2: goals, with the four questions, the statement, its numbers and its checks.

    The columns are spelled out (not read from ``Goal``) so that this step stays
    what it was when a later version adds a column with a step of its own.
    """
    text = str
    columns: dict[str, type] = {"id": int, "position": int, "team": text}
    for name in [
        "accomplish",
        "initiatives",
        "blockers",
        "blocker_notes",
        "other_team_help",
        "statement",
        "metric",
        "unit",
        "baseline",
        "target",
        "deadline",
        "deadline_date",
        "milestones",
        "owner",
        "review_cadence",
        "shared_with",
    ]:
        columns[name] = text
    columns["serves_goal"] = int
    for name in ("verdict", "verdict_comment", "status", "override_reason"):
        columns[name] = text
    db["goals"].create(columns, pk="id")  # type: ignore[union-attr]


MIGRATIONS: Sequence[Migration] = (_create_tables_v1, _create_goals_v2)
CURRENT_VERSION = len(MIGRATIONS)
