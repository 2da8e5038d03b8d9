"""What a workshop is made of: plain, immutable records.

Every record kept in a list has an ``id`` (stable across undo and redo) and a
``position`` (its place in the list the user sees). The document swaps whole
records on each edit, so a record handed to the UI never changes under it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

SALES = "sales"
MARKETING = "marketing"
JOINT = "joint"
TEAM_KEYS = (SALES, MARKETING)

ACTION_STATUSES = ("open", "in progress", "done", "dropped")
AGENDA_OWNERS = (SALES, MARKETING, JOINT, "facilitator")
AGENDA_KINDS = ("discussion", "exercise", "presentation", "break")


@dataclass(frozen=True)
class Record:
    """A row of one of the workshop's tables."""

    TABLE: ClassVar[str] = ""
    id: int = 0
    position: int = 0

    def values(self) -> dict[str, Any]:
        """The record as a column -> value mapping, ready for storage or JSON."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class WorkshopInfo(Record):
    """The workshop itself: what, for whom, when, where, led by whom."""

    TABLE: ClassVar[str] = "workshop"
    title: str = ""
    company: str = ""
    start_date: str = ""  # ISO date, "" when not set
    end_date: str = ""
    venue: str = ""
    facilitator: str = ""
    day_start: str = "09:00"
    uid: str = ""  # a stable identifier for audit trails


@dataclass(frozen=True)
class Team(Record):
    """One of the two sides; ``key`` is ``sales`` or ``marketing`` whatever its name."""

    TABLE: ClassVar[str] = "teams"
    key: str = SALES
    name: str = ""
    colour: str = "#000000"


@dataclass(frozen=True)
class Participant(Record):
    """A person in the room, on one team; a signatory signs the SLA for that team."""

    TABLE: ClassVar[str] = "participants"
    name: str = ""
    title: str = ""
    team: str = SALES
    signatory: bool = False


@dataclass(frozen=True)
class AgendaItem(Record):
    """A time box of the day's plan."""

    TABLE: ClassVar[str] = "agenda_items"
    title: str = ""
    notes: str = ""
    minutes: int = 30
    owner: str = JOINT
    kind: str = "discussion"


@dataclass(frozen=True)
class ActionItem(Record):
    """Something someone agreed to do after the workshop."""

    TABLE: ClassVar[str] = "action_items"
    what: str = ""
    owner: str = ""
    team: str = JOINT
    due: str = ""  # ISO date, "" when not set
    status: str = "open"


@dataclass(frozen=True)
class ParkingLotItem(Record):
    """A topic deferred so that the agenda keeps moving."""

    TABLE: ClassVar[str] = "parking_lot"
    topic: str = ""
    raised_by: str = ""
    team: str = JOINT
    notes: str = ""


@dataclass(frozen=True)
class SlaClause(Record):
    """One clause of the SLA: wording with ``{blanks}`` and the numbers filled into them."""

    TABLE: ClassVar[str] = "sla_clauses"
    key: str = ""  # the template it came from; "" for a clause the facilitator wrote
    heading: str = ""
    wording: str = ""
    parameters: str = "{}"  # JSON object: blank name -> value as typed ("" = take it from its source)


@dataclass(frozen=True)
class SlaSignature(Record):
    """A signatory's drawn signature on one version (fingerprint) of the SLA."""

    TABLE: ClassVar[str] = "sla_signatures"
    role: str = SALES  # sales, marketing or witness
    name: str = ""
    title: str = ""
    signed_on: str = ""  # ISO date as typed next to the signature
    signed_at: str = ""  # ISO timestamp with UTC offset, when the signature was drawn
    strokes: str = "[]"  # JSON: list of strokes, each a list of [x, y] in 0..1 of the pad
    sla_sha256: str = ""


@dataclass(frozen=True)
class SlaRecord(Record):
    """The signed PDF of one version of the SLA, kept as the record even after later edits."""

    TABLE: ClassVar[str] = "sla_records"
    sla_sha256: str = ""
    signed_at: str = ""
    signers: str = ""  # names in signing order, "; "-separated
    pdf: str = ""  # the signed PDF, base64


R = TypeVar("R", bound=Record)

LIST_TYPES: tuple[type[Record], ...] = (
    Team,
    Participant,
    AgendaItem,
    ActionItem,
    ParkingLotItem,
    SlaClause,
    SlaSignature,
    SlaRecord,
)
ALL_TYPES: tuple[type[Record], ...] = (WorkshopInfo, *LIST_TYPES)
TYPE_BY_TABLE: dict[str, type[Record]] = {t.TABLE: t for t in ALL_TYPES}


def column_types(record_type: type[Record]) -> dict[str, type]:
    """Column name -> Python type (str, int or bool) of a record type."""
    kinds = {"str": str, "int": int, "bool": bool}
    return {f.name: kinds[str(f.type)] for f in dataclasses.fields(record_type)}


def record_from_row(record_type: type[R], row: dict[str, Any]) -> R:
    """Build a record from a stored row, coercing SQLite's values to the field types.

    Unknown columns are ignored and missing ones take their default, so a file
    written by a slightly different schema still loads what it can.
    """
    values: dict[str, Any] = {}
    for name, kind in column_types(record_type).items():
        if name not in row or row[name] is None:
            continue
        value = row[name]
        if kind is bool:
            values[name] = bool(value)
        elif kind is int:
            values[name] = int(value)
        else:
            values[name] = str(value)
    return record_type(**values)


@dataclass
class WorkshopContent:
    """Everything in a workshop file, as records: what a new file is written from."""

    info: WorkshopInfo
    teams: list[Team] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    parking_lot: list[ParkingLotItem] = field(default_factory=list)
    sla_clauses: list[SlaClause] = field(default_factory=list)
    sla_signatures: list[SlaSignature] = field(default_factory=list)
    sla_records: list[SlaRecord] = field(default_factory=list)

    def tables(self) -> dict[str, list[Record]]:
        """Table name -> its records, in list order, ids and positions filled in."""
        lists: dict[str, list[Record]] = {
            WorkshopInfo.TABLE: [dataclasses.replace(self.info, id=1, position=0)],
            Team.TABLE: list(self.teams),
            Participant.TABLE: list(self.participants),
            AgendaItem.TABLE: list(self.agenda),
            ActionItem.TABLE: list(self.actions),
            ParkingLotItem.TABLE: list(self.parking_lot),
            SlaClause.TABLE: list(self.sla_clauses),
            SlaSignature.TABLE: list(self.sla_signatures),
            SlaRecord.TABLE: list(self.sla_records),
        }
        for name, records in lists.items():
            if name == WorkshopInfo.TABLE:
                continue
            lists[name] = [
                dataclasses.replace(r, id=r.id or i + 1, position=i) for i, r in enumerate(records)
            ]
        return lists


def default_teams() -> list[Team]:
    """The two sides with their usual names and distinct, colour-blind-safe colours."""
    return [
        Team(key=SALES, name="Sales", colour="#1f6fb2"),
        Team(key=MARKETING, name="Marketing", colour="#d9731a"),
    ]
