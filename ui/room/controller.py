"""The room page's side in the window: starts the server, publishes the run, carries out requests.

One writer: the server asks on its own thread (``requested`` is emitted there and queued to
this object's thread, the GUI's), and every change is made here, through the run session's
actions (as the keys do) or through the document (as an edit does): logged, undoable, durable.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.run.keys import RunAction
from ui.run.session import RunSession
from ui.run.timer_state import TimerKind, timer_view
from workshop.clock import local_now
from workshop.edits import Insert
from workshop.model import (
    JOINT,
    MARKETING,
    SALES,
    DotVote,
    Goal,
    ParkingLotItem,
    Participant,
    RoomCheck,
    Team,
    team_colours,
    team_name,
)
from workshop.room.access import LOOPBACK
from workshop.room.server import VERDICTS, RoomServer
from workshop.run.airtime import FACILITATOR, NOBODY, person_key

HEARTBEAT_S = 5.0
TITLE_LIMIT = 120


def goal_title(goal: Goal) -> str:
    """How a goal is named on the room page: its statement, else what it should accomplish."""
    text = " ".join((goal.statement or goal.accomplish).split())
    return (
        text if len(text) <= TITLE_LIMIT else text[: TITLE_LIMIT - 1] + "…"
    )  # the state is published at least this often (a phone that woke up resyncs)


@dataclass(frozen=True)
class Waiting:
    """An item sent from a phone, waiting for the facilitator's approval."""

    id: int
    kind: str  # "parking" or "question"
    text: str
    by: str
    team: str

    @property
    def words(self) -> str:
        what = "Question" if self.kind == "question" else "Parking lot"
        return f"{what} from {self.by}: {self.text}"


class RoomController(QObject):
    """The room page of one open workshop while it is on.

    Signals: ``pendingChanged()`` when an item arrives or is dealt with, ``connectedChanged(int)``,
    ``refused(str)`` when something from the room cannot go into the file (read-only), saying why.
    """

    requested = Signal(str, object)  # emitted on the server's thread, handled on the GUI's
    pendingChanged = Signal()
    joinedChanged = Signal()
    votesChanged = Signal()
    checkChanged = Signal()
    connectedChanged = Signal(int)
    refused = Signal(str)

    def __init__(
        self, session: RunSession, projector_shown: Any = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.projector_shown = projector_shown or (lambda: False)
        self.server = RoomServer(self.requested.emit)  # emitted there, queued here
        self.pending: dict[int, Waiting] = {}
        self.vote_goals: dict[int, str] = {}  # the goals of the open dot vote: id -> title
        self.vote_titles: dict[int, str] = {}  # those of the last vote, open or closed
        self.tally: dict[int, int] = {}
        self.voters = 0
        self.joined: dict[str, str] = {}  # who joined: key -> name (a participant's name is held)
        self.connected = 0
        self.check_goal: int | None = None  # the goal whose attainability check is open
        self.check_title = ""  # that of the last check, open or closed
        self.check_judges: list[str] = []
        self.check_answers: list[dict[str, str]] = []  # recorded in the file when the check closes
        self.vote_dots = 3
        self.check_recorded = False  # the last check's answers are in the file
        self.vote_recorded = False  # the last vote's tally is in the file
        self._check_of = 0
        self.goals_published = False  # agreed goals on the phones' page: off until the facilitator says
        self._goals_sent: list[dict[str, str]] | None = None
        self._published = ""
        self._published_at = 0.0
        self.requested.connect(self._handle)

    # -- on and off ----------------------------------------------------------------------------

    def start(self, host: str = LOOPBACK, port: int = 0) -> None:
        """Serve on ``host:port`` (0: a free port); ``OSError`` when it cannot."""
        self.server.start(host, port)
        self.server.set_roster(self.roster(), self.team_names())
        self.server.set_writable(not self.document.read_only)
        self.session.changed.connect(self._changed)
        self.session.ticked.connect(self._tick)
        self.publish()

    def stop(self) -> None:
        """Stop serving; an open check or vote is closed first, so its results go into the file."""
        if self.check_goal is not None:
            self.close_check()
        if self.vote_goals:
            self.close_vote()
        for signal, slot in ((self.session.changed, self._changed), (self.session.ticked, self._tick)):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        self.server.stop()

    @property
    def address(self) -> str:
        return self.server.join_address

    # -- what the pages see --------------------------------------------------------------------

    def team_names(self) -> dict[str, str]:
        teams = self.document.typed(Team)
        return {SALES: team_name(teams, SALES), MARKETING: team_name(teams, MARKETING)}

    def roster(self) -> list[dict[str, Any]]:
        return [
            {"key": person_key(p.id), "name": p.name, "team": p.team}
            for p in self.document.typed(Participant)
            if p.name.strip()
        ]

    def speakers(self) -> list[dict[str, str]]:
        names = self.team_names()
        return [
            {"key": SALES, "label": names[SALES]},
            {"key": MARKETING, "label": names[MARKETING]},
            {"key": FACILITATOR, "label": "Facilitator"},
            *({"key": p["key"], "label": p["name"]} for p in self.roster()),
            {"key": NOBODY, "label": "Nobody"},
        ]

    def live(self) -> dict[str, Any]:
        """The run as the pages show it: nothing of the file, the SLA, leads or per-person airtime."""
        runner = self.session.runner
        view = timer_view(runner)
        item = runner.item()
        upcoming = runner.upcoming()
        info = self.document.info
        remaining: int | None = runner.remaining_ms()
        if view.kind is TimerKind.WAITING:
            state, title = "waiting", info.title or "The workshop"
            remaining = runner.allotted_ms(upcoming) if upcoming else None
        elif view.kind is TimerKind.FINISHED:
            state, title, remaining = "finished", "That's the agenda — thank you", None
        else:
            state = "running" if runner.running else "paused"
            title = item.title if item else ""
        live: dict[str, Any] = {
            "title": title,
            "next": upcoming.title if upcoming and view.kind is not TimerKind.FINISHED else "",
            "state": state,
            "remaining_ms": remaining,
            "speakers": self.speakers(),
            "balance": None,
        }
        if self.projector_shown():  # the day's balance only while the room sees it on the projector
            balance = runner.balance(None, info.balance_low)
            if balance.sales_share is not None:
                teams = self.document.typed(Team)
                colours = team_colours(teams)
                names = self.team_names()
                live["balance"] = {
                    "share": round(balance.sales_share, 2),
                    "names": [names[SALES], names[MARKETING]],
                    "colours": [colours[SALES], colours[MARKETING]],
                }
        return live

    @staticmethod
    def _key(live: dict[str, Any]) -> str:
        """What a page would see change: a running countdown moves by itself, so it is left out."""
        shown = {k: v for k, v in live.items() if k != "remaining_ms" or live["state"] != "running"}
        return repr(sorted(shown.items()))

    def publish(self, force: bool = True) -> None:
        """Hand the server the live state (it pushes it on, a few times a second at most).

        After an action, only what a page would see change is pushed (a speaker key is not).
        """
        live = self.live()
        if not force and self._key(live) == self._published:
            return
        self._published = self._key(live)
        self._published_at = time.monotonic()
        self.server.publish(live)

    def agreed_goals(self) -> list[dict[str, str]]:
        """The agreed goals as the page shows them (never drafts): statement, owner's team, deadline."""
        teams = self.document.typed(Team)
        return [
            {
                "statement": " ".join((goal.statement or goal.accomplish).split()),
                "team": team_name(teams, goal.team),
                "deadline": " ".join(goal.deadline.split()) or goal.deadline_date,
            }
            for goal in self.document.typed(Goal)
            if goal.status == "agreed" and (goal.statement or goal.accomplish).strip()
        ]

    def publish_goals(self, on: bool) -> None:
        """Show the agreed goals on the phones' page (read-only), or take them off it."""
        self.goals_published = on
        self._send_goals()

    def _send_goals(self) -> None:
        goals = self.agreed_goals() if self.goals_published else None
        if goals != self._goals_sent:
            self._goals_sent = goals
            self.server.publish_goals(goals)

    def _changed(self) -> None:
        self.publish(force=False)

    def _tick(self) -> None:
        self.server.set_writable(not self.document.read_only)  # Save As makes a read-only one writable
        if self.goals_published:  # a goal agreed, edited or undone on the Goals page follows
            self._send_goals()
        stale = time.monotonic() - self._published_at >= HEARTBEAT_S
        if stale or self._key(self.live()) != self._published:
            self.publish()
        if self.server.connected != self.connected:
            self.connected = self.server.connected
            self.connectedChanged.emit(self.connected)

    # -- what the pages ask for ----------------------------------------------------------------

    def _handle(self, kind: str, data: dict[str, Any]) -> None:
        if kind == "voted":
            self.tally = {int(goal): int(count) for goal, count in data["tally"].items()}
            self.voters = int(data["voters"])
            self.votesChanged.emit()
        elif kind == "checked":
            if int(data["goal"]) == self._check_of:  # not a late answer to an earlier check
                self.check_answers = [dict(a) for a in data["answers"]]
                self.checkChanged.emit()
        elif kind == "joined":
            self.joined[str(data["key"])] = str(data["name"])
            self.joinedChanged.emit()
        elif kind == "submitted":
            waiting = Waiting(data["id"], data["kind"], data["text"], data["by"], data["team"])
            self.pending[waiting.id] = waiting
            self.pendingChanged.emit()
        elif kind == "resolve":  # from the remote: the server no longer holds it
            known = self.pending.get(data["id"])
            if known is not None and not self._settle(known, bool(data["approve"])):
                self.server.keep(known.id, known.kind, known.text, known.by, known.team)
        elif kind == "act":
            self._act(str(data["action"]), data.get("value", 0))

    def _act(self, action: str, value: Any) -> None:
        session = self.session
        if action == "toggle":
            session.act(RunAction.TOGGLE)
        elif action == "next":
            session.act(RunAction.NEXT)
        elif action == "previous":
            session.act(RunAction.PREVIOUS)
        elif action == "extend" and value in (1, 5):
            session.act(RunAction.EXTEND, int(value))
        elif action == "speaker" and value in {s["key"] for s in self.speakers()}:
            session.act(RunAction.SPEAKER, str(value))

    def open_vote(self, dots: int = 3) -> int:
        """Open a dot vote on the goal drafts (``dots`` each); the number of drafts in it."""
        drafts = [g for g in self.document.typed(Goal) if g.status == "draft" and goal_title(g)]
        self.vote_goals = {g.id: goal_title(g) for g in drafts}
        self.vote_titles = dict(self.vote_goals)
        self.tally, self.voters, self.vote_dots = {}, 0, dots
        self.server.open_vote([{"id": g, "title": t} for g, t in self.vote_goals.items()], dots)
        self.votesChanged.emit()
        return len(drafts)

    def open_check(self, goal_id: int) -> list[str]:
        """Open the other team's attainability check on a goal; the teams that judge it."""
        goal = next((g for g in self.document.typed(Goal) if g.id == goal_id), None)
        if goal is None or not goal_title(goal):
            return []
        both = [SALES, MARKETING]
        judges = both if goal.team == JOINT else [team for team in both if team != goal.team]
        self.check_goal, self._check_of = goal.id, goal.id
        self.check_title, self.check_judges, self.check_answers = goal_title(goal), judges, []
        self.server.open_check(goal.id, self.check_title, judges)
        self.checkChanged.emit()
        return judges

    def close_check(self) -> None:
        """Close the check: the phones stop showing it; its answers are recorded beside the verdict.

        One undoable edit; nothing is recorded when nobody answered.
        """
        self.server.close_check()
        goal, self.check_goal = self.check_goal, None
        self.check_recorded = False
        if goal is not None and self.check_answers:
            record = RoomCheck(
                goal=goal,
                title=self.check_title,
                held_at=local_now().isoformat(timespec="seconds"),
                judges=",".join(self.check_judges),
                answers=json.dumps(self.check_answers, ensure_ascii=False),
            )
            self.check_recorded = self._record(
                f"Record the room's check of “{self.check_title[:40]}”", record
            )
        self.checkChanged.emit()

    def _record(self, text: str, record: RoomCheck | DotVote) -> bool:
        """Keep a result from the room in the file (one undoable edit); False, said why, when it cannot."""
        if self.document.read_only:
            self.refused.emit(
                "The results were not recorded in the file: this workshop is read-only, so they stay "
                f"in this panel only until the page is turned off. {self.document.read_only_reason or ''}"
            )
            return False
        self.document.apply(text, [Insert(record)])
        return True

    def check_results(self) -> str:
        """The answers by team: counts of each verdict, then each reason (plain text)."""
        if not self._check_of:
            return ""
        names = self.team_names()
        state = "open" if self.check_goal is not None else "closed"
        lines = [f"Attainability check ({state}) of “{self.check_title}”:"]
        for team in self.check_judges:
            answers = [a for a in self.check_answers if a["team"] == team]
            counts = ", ".join(f"{sum(a['verdict'] == v for a in answers)} {v}" for v in VERDICTS)
            lines.append(f"{names.get(team, team)} ({len(answers)} answered): {counts}")
            lines += [f"  {a['by']} — {a['verdict']}: {a['reason']}" for a in answers]
        if self.check_recorded:
            lines.append("Recorded beside the team's verdict on the Goals page (Undo takes it out).")
        return "\n".join(lines)

    def close_vote(self) -> None:
        """Close the vote: the pages stop showing it; its tally is recorded (per draft, its dots).

        One undoable edit; nothing is recorded when nobody placed a dot.
        """
        self.server.close_vote()
        was_open, self.vote_goals = bool(self.vote_goals), {}
        self.vote_recorded = False
        if was_open and self.voters and any(self.tally.values()):
            ranked = sorted(self.vote_titles, key=lambda goal: -self.tally.get(goal, 0))
            tally = [{"goal": g, "title": self.vote_titles[g], "dots": self.tally.get(g, 0)} for g in ranked]
            record = DotVote(
                held_at=local_now().isoformat(timespec="seconds"),
                dots_each=self.vote_dots,
                voters=self.voters,
                tally=json.dumps(tally, ensure_ascii=False),
            )
            self.vote_recorded = self._record("Record the dot vote on the drafts", record)
        self.votesChanged.emit()

    def release(self, key: str) -> None:
        """Free a name held by a device (a lost or swapped phone): it can be picked again."""
        if self.joined.pop(key, None) is not None:
            self.server.release(key)
            self.joinedChanged.emit()

    def approve(self, submission_id: int) -> bool:
        """Add a waiting item to the parking lot; False (and ``refused`` says why) when it cannot."""
        waiting = self.pending.get(submission_id)
        if waiting is None or not self._settle(waiting, True):
            return False
        self.server.resolve(submission_id)
        return True

    def reject(self, submission_id: int) -> None:
        waiting = self.pending.get(submission_id)
        if waiting is not None:
            self._settle(waiting, False)
            self.server.resolve(submission_id)

    def _settle(self, waiting: Waiting, approved: bool) -> bool:
        """Approve (into the parking lot) or reject an item; False, kept waiting, when it cannot go in."""
        if approved and self.document.read_only:
            self.refused.emit(
                f"“{waiting.text[:60]}” was not added to the parking lot: this workshop is read-only, "
                f"so it stays waiting. {self.document.read_only_reason or ''}"
            )
            return False
        if approved:
            team = waiting.team if waiting.team in (SALES, MARKETING) else JOINT
            notes = "A question from the room" if waiting.kind == "question" else "From the room"
            record = ParkingLotItem(topic=waiting.text, raised_by=waiting.by, team=team, notes=notes)
            self.document.apply(f"Add “{waiting.text[:40]}” to the parking lot", [Insert(record)])
        del self.pending[waiting.id]
        self.pendingChanged.emit()
        return True
