"""What a workshop is made of: plain, immutable records.

Every record kept in a list has an ``id`` (stable across undo and redo) and a
``position`` (its place in the list the user sees). The document swaps whole
records on each edit, so a record handed to the UI never changes under it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

from workshop.inputs import InputError, load_json, storable
from workshop.run_log import RunLog

SALES = "sales"
MARKETING = "marketing"
JOINT = "joint"
FACILITATOR_OWNER = "facilitator"
TEAM_KEYS = (SALES, MARKETING)
DEFAULT_TEAM_COLOURS: Mapping[str, str] = MappingProxyType({SALES: "#1f6fb2", MARKETING: "#d9731a"})
"""Each team's colour until Setup changes it: distinct, colour-blind-safe, written only here."""
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_TEAM_NAMES = {SALES: "Sales", MARKETING: "Marketing"}  # a team's name until Setup gives one
OWNER_NAMES = {JOINT: "Both teams", FACILITATOR_OWNER: "Facilitator"}  # owners that are not one team
NO_TEAM = "No team"

ACTION_STATUSES = ("open", "in progress", "done", "dropped")
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # work_days' words, Monday first
AGENDA_OWNERS = (SALES, MARKETING, JOINT, FACILITATOR_OWNER)
NEXT_DAY = "next day"  # a marker: the items after it start on the next day at the day's start time
AGENDA_KINDS = ("discussion", "exercise", "presentation", "break", NEXT_DAY)


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
    day_end: str = "17:00"
    balance_low: int = 45  # airtime share below which a team is under-heard (band 45-55%)
    balance_delay: int = 3  # minutes outside the band before the facilitator is cued
    min_item_minutes: int = 5  # re-planning never shrinks an item below this
    # After the workshop: the clock the SLA's hour clauses are counted by, and the reviews' time.
    time_zone: str = ""  # IANA name ("Europe/Berlin"); set to the laptop's zone when created
    work_days: str = "mon,tue,wed,thu,fri"  # the working days, comma-separated (WEEKDAY_KEYS)
    work_start: str = "09:00"  # the working day, in the workshop's time zone
    work_end: str = "17:00"
    review_time: str = "09:00"  # when the review meetings start (the .ics calendar)


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
    replanned_minutes: int = 0  # 0: not re-planned

    @property
    def effective_minutes(self) -> int:
        """The minutes the item now has: re-planned if it was, else planned."""
        return self.replanned_minutes or self.minutes


@dataclass(frozen=True)
class ActionItem(Record):
    """Something someone agreed to do after the workshop."""

    TABLE: ClassVar[str] = "action_items"
    what: str = ""
    owner: str = ""
    team: str = JOINT
    due: str = ""  # ISO date, "" when not set
    status: str = "open"
    carried_from: str = ""  # the earlier workshop it was carried over from (its title), "" if none


@dataclass(frozen=True)
class ParkingLotItem(Record):
    """A topic deferred so that the agenda keeps moving."""

    TABLE: ClassVar[str] = "parking_lot"
    topic: str = ""
    raised_by: str = ""
    team: str = JOINT
    notes: str = ""


QUOTA_PERIODS = ("day", "week", "month", "quarter")


@dataclass(frozen=True)
class FunnelSettings(Record):
    """The reverse funnel's inputs, kept as typed (amounts as text, rates in percent).

    One per workshop; ``workshop.funnel.plan`` reads it and says what is wrong with it.
    """

    TABLE: ClassVar[str] = "funnel"
    period: str = "quarter"  # "quarter" or "year"
    period_start: str = ""  # ISO date of the period's first day, "" when not set
    currency: str = "€"
    revenue_target: str = ""
    other_revenue: str = "0"
    deal_size: str = ""
    cycle_days: str = "30"
    visitor_lead: str = "2"
    lead_mql: str = "25"
    mql_sql: str = "40"
    mql_sal: str = "75"
    sal_sql: str = "55"
    sql_won: str = "20"
    sql_opportunity: str = "60"
    opportunity_won: str = "30"
    use_sal: bool = False
    use_opportunity: bool = False


@dataclass(frozen=True)
class QuotaLine(Record):
    """A quota one team commits to, such as "4 blog posts a month" or "100 calls a week"."""

    TABLE: ClassVar[str] = "quota_lines"
    team: str = MARKETING
    amount: str = "1"  # as typed; checked by workshop.funnel.plan.quota_problems
    what: str = ""
    per: str = "month"
    notes: str = ""


@dataclass(frozen=True)
class Goal(Record):
    """A goal one team drafts (or both, for a joint goal), from the four questions to the statement.

    Numbers are kept as typed (``baseline`` "12%", ``target`` "17%"): the checker
    reads them, and a draft may be half-written. ``deadline`` is what was typed
    ("end of Q3"); ``deadline_date`` the ISO date it was resolved to against the
    workshop's date. ``blockers`` is a comma-separated list of BLOCKER_KINDS and
    ``shared_with`` of team keys (and "company"). ``serves_goal`` is the id of the
    joint goal this one serves, 0 for none. ``verdict`` is the other team's
    attainability call (one of VERDICTS, "" before they have judged).
    """

    TABLE: ClassVar[str] = "goals"
    team: str = SALES
    accomplish: str = ""  # 1. what do we want to accomplish, and why does it matter?
    initiatives: str = ""  # 2. which initiatives will get us there?
    blockers: str = ""  # 3. what stops us (kinds) ...
    blocker_notes: str = ""  # ... and in the team's words
    other_team_help: str = ""  # 4. how can the other team help?
    statement: str = ""
    metric: str = ""
    unit: str = ""
    baseline: str = ""
    target: str = ""
    deadline: str = ""
    deadline_date: str = ""
    milestones: str = ""
    owner: str = ""
    review_cadence: str = ""
    shared_with: str = ""
    serves_goal: int = 0
    verdict: str = ""
    verdict_comment: str = ""
    status: str = "draft"
    override_reason: str = ""


GOAL_TEAMS = (SALES, MARKETING, JOINT)
GOAL_STATUSES = ("draft", "agreed")
VERDICTS = ("attainable", "stretch", "not attainable")
REVIEW_CADENCES = ("weekly", "fortnightly", "monthly", "quarterly")
BLOCKER_KINDS = ("resources", "information", "data", "analytics", "budget", "people", "other")


@dataclass(frozen=True)
class LeadStage(Record):
    """One stage of the lead lifecycle: what it means, how a lead enters it, who owns it."""

    TABLE: ClassVar[str] = "lead_stages"
    name: str = ""
    definition: str = ""
    entry_criteria: str = ""
    owner: str = MARKETING
    handoff_hours: int = 0  # how soon the owner must act on a lead entering the stage; 0: no limit


@dataclass(frozen=True)
class MqlState(Record):
    """The workshop's MQL definition and what was decided and measured about it."""

    TABLE: ClassVar[str] = "mql_definition"
    definition: str = ""  # JSON, the documented definition format
    version: int = 1
    sales_approver: str = ""
    sales_approved_at: str = ""  # ISO date and time
    marketing_approver: str = ""
    marketing_approved_at: str = ""
    history: str = "[]"  # JSON list of earlier versions, oldest first
    column_mapping: str = ""  # JSON: the last lead-history mapping, remembered
    test_results: str = ""  # JSON: the last evaluation on a lead history


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


@dataclass(frozen=True)
class Review(Record):
    """One review meeting after the workshop: the period it covers, when it met, who came.

    ``crm_mapping`` remembers which column of the period's CRM export holds what (JSON
    object, "" before any export was read); ``scorecard`` keeps the figures last worked
    out from it (JSON, "" for none), so the trend and the PDF need not read the export again.
    """

    TABLE: ClassVar[str] = "reviews"
    period_start: str = ""  # ISO date
    period_end: str = ""  # ISO date
    held_on: str = ""  # ISO date of the meeting
    attendees: str = ""  # one name a line
    notes: str = ""
    crm_source: str = ""  # the export's file name, as read
    crm_mapping: str = ""
    scorecard: str = ""


@dataclass(frozen=True)
class GoalCheckIn(Record):
    """A goal's state at one review: the value now, how confident its owner is, and why."""

    TABLE: ClassVar[str] = "goal_check_ins"
    review: int = 0  # the Review's id
    goal: int = 0  # the Goal's id
    current: str = ""  # the value now, as typed ("14%")
    confidence: str = "on track"
    comment: str = ""
    owner: str = ""


CONFIDENCES = ("on track", "at risk", "off track")


@dataclass(frozen=True)
class RoomCheck(Record):
    """The other team's attainability check of a goal from their phones, kept as evidence.

    Recorded when the facilitator closes the check (or the room page stops with it open):
    ``answers`` is a JSON list of ``{"by", "team", "verdict", "reason"}``, one per device, as
    sent; ``judges`` the comma-separated keys of the teams asked. The team's own verdict
    stays in the goal: this is what the room said beside it.
    """

    TABLE: ClassVar[str] = "room_checks"
    goal: int = 0  # the Goal's id
    title: str = ""  # the goal as the phones showed it
    held_at: str = ""  # ISO date and time with UTC offset, when the check closed
    judges: str = ""
    answers: str = "[]"


@dataclass(frozen=True)
class DotVote(Record):
    """A dot vote on the goal drafts from the phones, kept when the facilitator closes it.

    ``tally`` is a JSON list of ``{"goal", "title", "dots"}``, one per draft in the vote,
    the most dots first.
    """

    TABLE: ClassVar[str] = "dot_votes"
    held_at: str = ""  # ISO date and time with UTC offset, when the vote closed
    dots_each: int = 3
    voters: int = 0
    tally: str = "[]"


R = TypeVar("R", bound=Record)

LIST_TYPES: tuple[type[Record], ...] = (
    Team,
    Participant,
    AgendaItem,
    ActionItem,
    ParkingLotItem,
    FunnelSettings,
    QuotaLine,
    Goal,
    LeadStage,
    MqlState,
    SlaClause,
    SlaSignature,
    SlaRecord,
    Review,
    GoalCheckIn,
    RoomCheck,
    DotVote,
)
ALL_TYPES: tuple[type[Record], ...] = (WorkshopInfo, *LIST_TYPES)
TYPE_BY_TABLE: dict[str, type[Record]] = {t.TABLE: t for t in ALL_TYPES}


_COLUMN_TYPES: dict[type[Record], dict[str, type]] = {}


def column_types(record_type: type[Record]) -> dict[str, type]:
    """Column name -> Python type (str, int or bool) of a record type."""
    return dict(_column_types(record_type))


def _column_types(record_type: type[Record]) -> dict[str, type]:
    found = _COLUMN_TYPES.get(record_type)
    if found is None:
        kinds = {"str": str, "int": int, "bool": bool}
        found = {f.name: kinds[str(f.type)] for f in dataclasses.fields(record_type)}
        _COLUMN_TYPES[record_type] = found
    return found


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
    funnel: list[FunnelSettings] = field(default_factory=lambda: [FunnelSettings()])
    quota_lines: list[QuotaLine] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    lead_stages: list[LeadStage] = field(default_factory=list)
    mql: list[MqlState] = field(default_factory=list)  # none, or the one definition
    sla_clauses: list[SlaClause] = field(default_factory=list)
    sla_signatures: list[SlaSignature] = field(default_factory=list)
    sla_records: list[SlaRecord] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    check_ins: list[GoalCheckIn] = field(default_factory=list)
    room_checks: list[RoomCheck] = field(default_factory=list)
    dot_votes: list[DotVote] = field(default_factory=list)

    run_log: RunLog = field(default_factory=lambda: RunLog([], 0))  # the live run's events

    def tables(self) -> dict[str, list[Record]]:
        """Table name -> its records, in list order, ids and positions filled in."""
        lists: dict[str, list[Record]] = {
            WorkshopInfo.TABLE: [dataclasses.replace(self.info, id=1, position=0)],
            Team.TABLE: list(self.teams),
            Participant.TABLE: list(self.participants),
            AgendaItem.TABLE: list(self.agenda),
            ActionItem.TABLE: list(self.actions),
            ParkingLotItem.TABLE: list(self.parking_lot),
            FunnelSettings.TABLE: list(self.funnel),
            QuotaLine.TABLE: list(self.quota_lines),
            Goal.TABLE: list(self.goals),
            LeadStage.TABLE: list(self.lead_stages),
            MqlState.TABLE: list(self.mql),
            SlaClause.TABLE: list(self.sla_clauses),
            SlaSignature.TABLE: list(self.sla_signatures),
            SlaRecord.TABLE: list(self.sla_records),
            Review.TABLE: list(self.reviews),
            GoalCheckIn.TABLE: list(self.check_ins),
            RoomCheck.TABLE: list(self.room_checks),
            DotVote.TABLE: list(self.dot_votes),
        }
        for name, records in lists.items():
            if name == WorkshopInfo.TABLE:
                continue
            lists[name] = [
                dataclasses.replace(r, id=r.id or i + 1, position=i) for i, r in enumerate(records)
            ]
        return lists


def team_name(teams: Iterable[Team], key: str) -> str:
    """What ``key`` reads as wherever a team is named: pages, checks, the SLA, reports, exports.

    A team reads as the name set in Setup, trimmed, or as its default name ("Sales",
    "Marketing") while that is empty or blank; ``joint`` reads "Both teams" and
    ``facilitator`` "Facilitator". Any other key (from a hand-edited or newer file)
    reads as itself, capitalised, and an empty one as "No team".
    """
    for team in teams:
        if team.key == key and team.name.strip():
            return team.name.strip()
    if key in DEFAULT_TEAM_NAMES:
        return DEFAULT_TEAM_NAMES[key]
    if key in OWNER_NAMES:
        return OWNER_NAMES[key]
    return key.strip().capitalize() or NO_TEAM


def default_teams() -> list[Team]:
    """The two sides with their usual names and distinct, colour-blind-safe colours."""
    return [
        Team(key=SALES, name=DEFAULT_TEAM_NAMES[SALES], colour=DEFAULT_TEAM_COLOURS[SALES]),
        Team(key=MARKETING, name=DEFAULT_TEAM_NAMES[MARKETING], colour=DEFAULT_TEAM_COLOURS[MARKETING]),
    ]


def team_colours(teams: Iterable[Team]) -> dict[str, str]:
    """Both teams' colours, key -> "#rrggbb": as set in Setup, else the team's default.

    Every chart, on screen and in the reports, takes the teams' colours from here; a colour
    that is missing or not "#rrggbb" (a damaged file) reads as the team's default.
    """
    colours = dict(DEFAULT_TEAM_COLOURS)
    for team in teams:
        if team.key in colours and _HEX_COLOUR.fullmatch(team.colour.strip()):
            colours[team.key] = team.colour.strip()
    return colours


# -- the values a record can hold ------------------------------------------------------------

INT_LIMITS: Mapping[tuple[str, str], tuple[int, int]] = MappingProxyType(
    {
        ("*", "id"): (1, 2**53),
        ("*", "position"): (0, 10_000_000),
        (AgendaItem.TABLE, "minutes"): (0, 24 * 60),
        (AgendaItem.TABLE, "replanned_minutes"): (0, 2 * 24 * 60),
        (WorkshopInfo.TABLE, "balance_low"): (0, 50),
        (WorkshopInfo.TABLE, "balance_delay"): (0, 24 * 60),
        (WorkshopInfo.TABLE, "min_item_minutes"): (0, 24 * 60),
        (LeadStage.TABLE, "handoff_hours"): (0, 24 * 366),
        (MqlState.TABLE, "version"): (1, 1_000_000),
        (Goal.TABLE, "serves_goal"): (0, 2**53),
        (GoalCheckIn.TABLE, "review"): (0, 2**53),
        (GoalCheckIn.TABLE, "goal"): (0, 2**53),
        (RoomCheck.TABLE, "goal"): (0, 2**53),
        (DotVote.TABLE, "dots_each"): (1, 100),
    }
)
"""The smallest and largest value of each whole-number field; any other: 0 to 1,000,000."""
DEFAULT_INT_LIMITS = (0, 1_000_000)

JSON_FIELDS: Mapping[tuple[str, str], tuple[type, bool]] = MappingProxyType(
    {
        (MqlState.TABLE, "definition"): (dict, True),
        (MqlState.TABLE, "history"): (list, False),
        (MqlState.TABLE, "column_mapping"): (dict, True),
        (MqlState.TABLE, "test_results"): (object, True),
        (SlaClause.TABLE, "parameters"): (dict, False),
        (SlaSignature.TABLE, "strokes"): (list, False),
        (Review.TABLE, "crm_mapping"): (dict, True),
        (Review.TABLE, "scorecard"): (dict, True),
        (RoomCheck.TABLE, "answers"): (list, False),
        (DotVote.TABLE, "tally"): (list, False),
    }
)
"""Text fields that hold JSON: the kind of value, and whether "" (nothing yet) is allowed."""

_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
TEXT_FORMATS: Mapping[tuple[str, str], tuple[re.Pattern[str], str]] = MappingProxyType(
    {
        (WorkshopInfo.TABLE, "time_zone"): (
            re.compile(r"|[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*"),
            "a time zone's name (such as Europe/Berlin)",
        ),
        (WorkshopInfo.TABLE, "work_days"): (
            re.compile(r"({0})(,({0}))*".format("|".join(WEEKDAY_KEYS))),
            "working days (such as mon,tue,wed,thu,fri)",
        ),
        (WorkshopInfo.TABLE, "work_start"): (_CLOCK, "a time of day (HH:MM)"),
        (WorkshopInfo.TABLE, "work_end"): (_CLOCK, "a time of day (HH:MM)"),
        (WorkshopInfo.TABLE, "review_time"): (_CLOCK, "a time of day (HH:MM)"),
    }
)
"""Text fields with a fixed form: the form, and what it is in words (for the message)."""

TABLE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        WorkshopInfo.TABLE: "the workshop's details",
        Team.TABLE: "teams",
        Participant.TABLE: "participants",
        AgendaItem.TABLE: "agenda",
        ActionItem.TABLE: "action items",
        ParkingLotItem.TABLE: "parking lot",
        FunnelSettings.TABLE: "funnel",
        QuotaLine.TABLE: "quota lines",
        Goal.TABLE: "goals",
        LeadStage.TABLE: "lead stages",
        MqlState.TABLE: "MQL definition",
        SlaClause.TABLE: "SLA clauses",
        SlaSignature.TABLE: "signatures",
        SlaRecord.TABLE: "signed records",
        Review.TABLE: "reviews",
        GoalCheckIn.TABLE: "goal check-ins",
        RoomCheck.TABLE: "the room's attainability checks",
        DotVote.TABLE: "dot votes",
        "run_events": "the run's log",
        "run_state": "the run's checkpoint",
    }
)
"""How a table is named to the user in a message."""


@functools.cache
def int_limits(table: str, name: str) -> tuple[int, int]:
    return INT_LIMITS.get((table, name)) or INT_LIMITS.get(("*", name)) or DEFAULT_INT_LIMITS


def _json_problem(table: str, name: str, value: str) -> str | None:
    kind, may_be_empty = JSON_FIELDS[(table, name)]
    if value == "" and may_be_empty:
        return None
    try:
        parsed = load_json(value, "it", clean=False)
    except InputError as error:
        return f"{name} holds JSON that cannot be used ({str(error).removeprefix('it ')})"
    if kind is not object and not isinstance(parsed, kind):
        return f"{name} holds the wrong kind of JSON value"
    return None


def value_problem(record_type: type[Record], name: str, value: object) -> str | None:
    """What is wrong with ``value`` as the field ``name`` of a record (None: nothing).

    The checks a file's values pass before they are used: the field's type, text
    that can be stored (no NUL, no lone surrogate), whole numbers in their range,
    and JSON that parses to the right kind of value.
    """
    kind = _column_types(record_type)[name]
    table = record_type.TABLE
    if value is None:
        return f"{name} is empty (NULL)"
    if kind is str:
        if not isinstance(value, str):
            return f"{name} is a {type(value).__name__} where text belongs"
        if storable(value) != value:
            return f"{name} holds characters that cannot be stored"
        if (table, name) in TEXT_FORMATS:
            pattern, what = TEXT_FORMATS[(table, name)]
            return None if pattern.fullmatch(value) else f"{name} is “{value[:40]}”, not {what}"
        return _json_problem(table, name, value) if (table, name) in JSON_FIELDS else None
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{name} is not a whole number"
    if kind is bool:
        return None if value in (0, 1) else f"{name} is {value}, not yes (1) or no (0)"
    low, high = int_limits(table, name)
    if not low <= value <= high:
        return f"{name} is {value:,}, outside {low:,} to {high:,}"
    return None


def storable_change(record_type: type[Record], name: str, value: Any) -> Any:
    """``value`` made fit for the field: text storable, whole numbers within their limits."""
    kind = _column_types(record_type)[name]
    if kind is str and isinstance(value, str):
        return storable(value)
    if (
        kind is int
        and isinstance(value, int)
        and not isinstance(value, bool)
        and name not in ("id", "position")
    ):
        low, high = int_limits(record_type.TABLE, name)
        return min(max(value, low), high)
    return value
