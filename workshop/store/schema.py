"""The workshop file's schema and its numbered migrations.

The file format version is SQLite's ``PRAGMA user_version``: migration N takes a
file from version N-1 to N. A file is recognised as a workshop by its
``PRAGMA application_id``. Both live in the file's header, so a file can be
identified without opening it for writing.

Each migration spells out its own columns: it must build the same schema
whatever the record classes look like in later versions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x534D5753  # "SMWS"

Migration = Callable[["sqlite_utils.Database"], None]

_LIST = {"id": int, "position": int}


def _create_tables_v1(db: sqlite_utils.Database) -> None:
    """Version 1: the workshop, its teams, participants, agenda, actions and parking lot."""
    tables: dict[str, dict[str, type]] = {
        "workshop": {
            **_LIST,
            "title": str,
            "company": str,
            "start_date": str,
            "end_date": str,
            "venue": str,
            "facilitator": str,
            "day_start": str,
            "uid": str,
        },
        "teams": {**_LIST, "key": str, "name": str, "colour": str},
        "participants": {**_LIST, "name": str, "title": str, "team": str, "signatory": int},
        "agenda_items": {**_LIST, "title": str, "notes": str, "minutes": int, "owner": str, "kind": str},
        "action_items": {**_LIST, "what": str, "owner": str, "team": str, "due": str, "status": str},
        "parking_lot": {**_LIST, "topic": str, "raised_by": str, "team": str, "notes": str},
    }
    for name, columns in tables.items():
        db[name].create(columns, pk="id")  # type: ignore[union-attr]


def _add_live_run_v2(db: sqlite_utils.Database) -> None:
    """Version 2: the day's end and balance settings, re-planned minutes, the run's event log."""
    workshop = db["workshop"]
    for column, kind, default in (
        ("day_end", str, "17:00"),
        ("balance_low", int, 45),
        ("balance_delay", int, 3),
        ("min_item_minutes", int, 5),
    ):
        workshop.add_column(column, kind)  # type: ignore[union-attr]
        db.execute(f"UPDATE workshop SET [{column}] = ?", [default])
    db["agenda_items"].add_column("replanned_minutes", int)  # type: ignore[union-attr]
    db.execute("UPDATE agenda_items SET replanned_minutes = 0")
    db["run_events"].create(  # type: ignore[union-attr]
        {"seq": int, "at_ms": int, "kind": str, "value": str, "wall": str}, pk="seq"
    )
    db["run_state"].create({"id": int, "checkpoint_ms": int, "wall": str}, pk="id")  # type: ignore[union-attr]


def _add_funnel_v3(db: sqlite_utils.Database) -> None:
    """Version 3: the reverse funnel's inputs (one row, amounts as typed) and the teams' quota lines."""
    rate = str
    db["funnel"].create(  # type: ignore[union-attr]
        {
            **_LIST,
            "period": str,
            "period_start": str,
            "currency": str,
            "revenue_target": str,
            "other_revenue": str,
            "deal_size": str,
            "cycle_days": str,
            "visitor_lead": rate,
            "lead_mql": rate,
            "mql_sql": rate,
            "mql_sal": rate,
            "sal_sql": rate,
            "sql_won": rate,
            "sql_opportunity": rate,
            "opportunity_won": rate,
            "use_sal": int,
            "use_opportunity": int,
        },
        pk="id",
    )
    db["quota_lines"].create(  # type: ignore[union-attr]
        {**_LIST, "team": str, "amount": str, "what": str, "per": str, "notes": str}, pk="id"
    )


def _add_goals_v4(db: sqlite_utils.Database) -> None:
    """Version 4: goals, with the four questions, the statement, its numbers and its checks.

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


def _add_leads_v5(db: sqlite_utils.Database) -> None:
    """Version 5: lead stages, and the MQL definition with its versions, approvals and test results."""
    db["lead_stages"].create(  # type: ignore[union-attr]
        {**_LIST, "name": str, "definition": str, "entry_criteria": str, "owner": str, "handoff_hours": int},
        pk="id",
    )
    db["mql_definition"].create(  # type: ignore[union-attr]
        {
            **_LIST,
            "definition": str,
            "version": int,
            "sales_approver": str,
            "sales_approved_at": str,
            "marketing_approver": str,
            "marketing_approved_at": str,
            "history": str,
            "column_mapping": str,
            "test_results": str,
        },
        pk="id",
    )


def _add_sla_v6(db: sqlite_utils.Database) -> None:
    """Version 6: the SLA's clauses, the drawn signatures, and the signed records (PDFs)."""
    db["sla_clauses"].create(  # type: ignore[union-attr]
        {**_LIST, "key": str, "heading": str, "wording": str, "parameters": str}, pk="id"
    )
    db["sla_signatures"].create(  # type: ignore[union-attr]
        {
            **_LIST,
            "role": str,
            "name": str,
            "title": str,
            "signed_on": str,
            "signed_at": str,
            "strokes": str,
            "sla_sha256": str,
        },
        pk="id",
    )
    db["sla_records"].create(  # type: ignore[union-attr]
        {**_LIST, "sla_sha256": str, "signed_at": str, "signers": str, "pdf": str}, pk="id"
    )


def _add_reviews_v7(db: sqlite_utils.Database) -> None:
    """Version 7: the reviews after the workshop, and each goal's check-in at a review."""
    text = str
    db["reviews"].create(  # type: ignore[union-attr]
        {
            **_LIST,
            "period_start": text,
            "period_end": text,
            "held_on": text,
            "attendees": text,
            "notes": text,
            "crm_source": text,
            "crm_mapping": text,
            "scorecard": text,
        },
        pk="id",
    )
    db["goal_check_ins"].create(  # type: ignore[union-attr]
        {
            **_LIST,
            "review": int,
            "goal": int,
            "current": text,
            "confidence": text,
            "comment": text,
            "owner": text,
        },
        pk="id",
    )


def _add_room_results_v8(db: sqlite_utils.Database) -> None:
    """Version 8: the room page's results kept as evidence: attainability checks and dot votes from phones."""
    text = str
    db["room_checks"].create(  # type: ignore[union-attr]
        {**_LIST, "goal": int, "title": text, "held_at": text, "judges": text, "answers": text}, pk="id"
    )
    db["dot_votes"].create(  # type: ignore[union-attr]
        {**_LIST, "held_at": text, "dots_each": int, "voters": int, "tally": text}, pk="id"
    )


def _add_review_settings_v9(db: sqlite_utils.Database) -> None:
    """Version 9: the workshop's time zone, working hours and review time; carried-over actions.

    A file from before has no time zone: it gets the zone of the computer that opens it first
    (where the workshop is run), the review time its day's start.
    """
    from workshop.clock import local_zone_name  # noqa: PLC0415

    workshop = db["workshop"]
    for column, default in (
        ("time_zone", local_zone_name()),
        ("work_days", "mon,tue,wed,thu,fri"),
        ("work_start", "09:00"),
        ("work_end", "17:00"),
    ):
        workshop.add_column(column, str)  # type: ignore[union-attr]
        db.execute(f"UPDATE workshop SET [{column}] = ?", [default])
    workshop.add_column("review_time", str)  # type: ignore[union-attr]
    db.execute("UPDATE workshop SET review_time = coalesce(day_start, '09:00')")
    db["action_items"].add_column("carried_from", str)  # type: ignore[union-attr]
    db.execute("UPDATE action_items SET carried_from = ''")


MIGRATIONS: Sequence[Migration] = (
    _create_tables_v1,
    _add_live_run_v2,
    _add_funnel_v3,
    _add_goals_v4,
    _add_leads_v5,
    _add_sla_v6,
    _add_reviews_v7,
    _add_room_results_v8,
    _add_review_settings_v9,
)
CURRENT_VERSION = len(MIGRATIONS)
ROOM_RESULTS_VERSION = MIGRATIONS.index(_add_room_results_v8) + 1
"""The version that added the room page's recorded checks and dot votes."""
REVIEW_SETTINGS_VERSION = MIGRATIONS.index(_add_review_settings_v9) + 1
"""The version that added the workshop's time zone, working hours, review time and carried_from."""
ADDED_FIELDS: dict[tuple[str, str], int] = {
    ("workshop", "time_zone"): REVIEW_SETTINGS_VERSION,
    ("workshop", "work_days"): REVIEW_SETTINGS_VERSION,
    ("workshop", "work_start"): REVIEW_SETTINGS_VERSION,
    ("workshop", "work_end"): REVIEW_SETTINGS_VERSION,
    ("workshop", "review_time"): REVIEW_SETTINGS_VERSION,
    ("action_items", "carried_from"): REVIEW_SETTINGS_VERSION,
}
"""Fields a JSON export from an older file format may lack (they take their defaults on import)."""
