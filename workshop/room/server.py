"""The room page's server: aiohttp in its own thread and event loop.

The server keeps only what the pages need (the codes, who claimed which name, the items
waiting for approval, the live state the app last published). It changes no workshop:
whatever a page asks the app to do (``on_request(kind, data)``) is called on the server's
thread, and the app carries it out on its own thread through the document. The live state
is pushed to every page over a WebSocket, at most :data:`PUSHES_PER_SECOND` times a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from workshop.resources import resource_path
from workshop.room.access import (
    MAX_NAME,
    RateLimiter,
    TextError,
    clean_text,
    join_code,
    remote_pin,
    same_secret,
)

PUSHES_PER_SECOND = 5
MAX_BODY = 4096  # bytes of a request: every input is short
MAX_PENDING = 200  # items waiting for approval; more are refused until some are dealt with
STATIC = {"room.js": "application/javascript", "room.css": "text/css"}
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; "
        "script-src 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
MAX_REASON = 140  # an attainability check's reason: one short sentence
VERDICTS = ("attainable", "stretch", "not attainable")
SUBMISSION_KINDS = {"parking": "parking-lot item", "question": "question"}
REMOTE_ACTIONS = {"toggle", "next", "previous", "extend", "speaker", "resolve"}

OnRequest = Callable[[str, dict[str, Any]], None]


def now_ms() -> int:
    """The server's wall clock in milliseconds: the pages count down against it."""
    return int(time.time() * 1000)


@dataclass(frozen=True)
class Member:
    """Someone who joined: a participant's name (claimed by one device) or a guest."""

    token: str
    name: str
    team: str
    key: str  # "person:<id>" for a participant, "guest:<n>" for a guest


@dataclass
class Submission:
    id: int
    kind: str  # a key of SUBMISSION_KINDS
    text: str
    by: str
    team: str

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "text": self.text, "by": self.by, "team": self.team}


@dataclass
class RoomState:
    """What the server holds; touched only on the server's thread (the app reads copies)."""

    roster: list[dict[str, Any]] = field(default_factory=list)  # {"key", "name", "team"}
    teams: dict[str, str] = field(default_factory=dict)  # team key -> its name
    members: dict[str, Member] = field(default_factory=dict)  # token -> member
    pending: dict[int, Submission] = field(default_factory=dict)
    vote: dict[str, Any] | None = None  # {"goals": [{"id", "title"}], "dots": n} while a vote is open
    dots: dict[str, dict[int, int]] = field(default_factory=dict)  # token -> goal id -> dots placed
    live: dict[str, Any] = field(default_factory=dict)
    goals: list[dict[str, str]] | None = None  # agreed goals, only while the facilitator publishes them
    check: dict[str, Any] | None = None  # {"goal", "title", "judges": [team keys]} while a check is open
    answers: dict[str, dict[str, str]] = field(default_factory=dict)  # token -> its verdict and reason


class RoomServer:
    """Serves the room page on ``host:port`` until :meth:`stop`; new codes each time it is made."""

    def __init__(self, on_request: OnRequest, *, rate: float = 5.0, burst: float = 30.0) -> None:
        self.on_request = on_request
        self.code = join_code()
        self.pin = remote_pin()
        self.state = RoomState()
        self.limiter = RateLimiter(rate=rate, burst=burst)
        self.host = ""
        self.port = 0
        self._ids = itertools.count(1)
        self._guests = itertools.count(1)
        self._sockets: set[web.WebSocketResponse] = set()
        self._remote_of: dict[web.WebSocketResponse, bool] = {}  # the remote also sees what waits
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._changed: asyncio.Event | None = None
        self._broadcaster: asyncio.Task[None] | None = None
        self._version = 0
        self.connected = 0  # pages with a live connection (read from any thread)
        self.pending_count = 0
        self.writable = True  # False while the workshop is read-only (read from any thread)

    # -- from the app's thread ----------------------------------------------------------------

    @property
    def address(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def join_address(self) -> str:
        """The address with the join code in it, as the QR code carries it."""
        return f"{self.address}?code={self.code}"

    def start(self, host: str, port: int = 0) -> None:
        """Bind and serve in a new thread; returns once listening. ``OSError`` when it cannot bind."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def serve() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._start(host, port))
            except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                failure.append(error)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._shutdown())
                loop.close()

        self._thread = threading.Thread(target=serve, name="room-page", daemon=True)
        self._thread.start()
        ready.wait(30)
        if failure:
            self._thread.join(5)
            error = failure[0]
            raise error if isinstance(error, OSError) else OSError(str(error))

    def stop(self) -> None:
        """Close every connection and stop serving (waits for the thread, a few seconds at most)."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        self._loop = self._thread = None

    def _call(self, function: Callable[..., None], *args: Any) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # stopping
                loop.call_soon_threadsafe(function, *args)

    def set_roster(self, roster: list[dict[str, Any]], teams: dict[str, str]) -> None:
        """The names a page may pick (participants), and the teams' names."""
        self._call(self._set_roster, roster, teams)

    def publish(self, live: dict[str, Any]) -> None:
        """The live state the pages show; pushed to them soon (coalesced, a few times a second)."""
        self._call(self._set_live, dict(live, at=now_ms()))

    def resolve(self, submission_id: int) -> None:
        """A submission was approved or rejected on the console: it waits no longer."""
        self._call(self._resolve, submission_id)

    def keep(self, submission_id: int, kind: str, text: str, by: str, team: str) -> None:
        """An item the remote approved that could not go into the file: it waits again."""
        self._call(self._keep, Submission(submission_id, kind, text, by, team))

    def set_writable(self, writable: bool) -> None:
        """Whether the workshop takes edits: while it does not, the remote's approvals are refused."""
        self.writable = writable

    def open_vote(self, goals: list[dict[str, Any]], dots: int) -> None:
        """Open a dot vote on ``goals`` ({"id", "title"}), ``dots`` dots for each person."""
        self._call(self._open_vote, goals, dots)

    def close_vote(self) -> None:
        self._call(self._open_vote, [], 0)

    def publish_goals(self, goals: list[dict[str, str]] | None) -> None:
        """Show the agreed goals ({"statement", "team", "deadline"}) on the pages; None hides them."""
        self._call(self._set_goals, None if goals is None else [dict(g) for g in goals])

    def open_check(self, goal: int, title: str, judges: list[str]) -> None:
        """Ask the ``judges`` teams' phones whether ``goal`` is attainable (one answer per device)."""
        self._call(self._open_check, {"goal": goal, "title": title, "judges": list(judges)})

    def close_check(self) -> None:
        self._call(self._open_check, None)

    def release(self, key: str) -> None:
        """Free a claimed name, so another device (the person's new phone) can take it."""
        self._call(self._release, key)

    # -- on the server's thread ---------------------------------------------------------------

    def _set_roster(self, roster: list[dict[str, Any]], teams: dict[str, str]) -> None:
        self.state.roster, self.state.teams = roster, teams
        self._touch()

    def _set_live(self, live: dict[str, Any]) -> None:
        self.state.live = live
        self._touch()

    def _set_goals(self, goals: list[dict[str, str]] | None) -> None:
        self.state.goals = goals
        self._touch()

    def _open_check(self, check: dict[str, Any] | None) -> None:
        self.state.check = check if check and check["judges"] else None
        self.state.answers = {}
        self._touch()

    def _open_vote(self, goals: list[dict[str, Any]], dots: int) -> None:
        self.state.vote = {"goals": goals, "dots": dots} if goals and dots > 0 else None
        self.state.dots = {}
        self._touch()

    def _tally(self) -> dict[int, int]:
        tally: dict[int, int] = {}
        for placed in self.state.dots.values():
            for goal, count in placed.items():
                tally[goal] = tally.get(goal, 0) + count
        return tally

    def _resolve(self, submission_id: int) -> None:
        self.state.pending.pop(submission_id, None)
        self.pending_count = len(self.state.pending)
        self._touch()

    def _keep(self, submission: Submission) -> None:
        self.state.pending[submission.id] = submission
        self.pending_count = len(self.state.pending)
        self._touch()

    def _release(self, key: str) -> None:
        for token, member in list(self.state.members.items()):
            if member.key == key:
                del self.state.members[token]

    def _touch(self) -> None:
        self._version += 1
        if self._changed is not None:
            self._changed.set()

    async def _start(self, host: str, port: int) -> None:
        self._changed = asyncio.Event()
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.router.add_get("/", self._index)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_get("/api/roster", self._roster)
        app.router.add_post("/api/join", self._join)
        app.router.add_post("/api/submit", self._submit)
        app.router.add_post("/api/remote", self._remote)
        app.router.add_post("/api/vote", self._vote)
        app.router.add_post("/api/check", self._check)
        app.router.add_get("/ws", self._websocket)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port, reuse_address=True)
        await site.start()
        addresses = self._runner.addresses  # the port the system chose, when asked for 0
        self.host = host
        self.port = int(addresses[0][1]) if addresses else port
        self._broadcaster = asyncio.get_running_loop().create_task(self._broadcast())

    async def _shutdown(self) -> None:
        if self._broadcaster is not None:
            self._broadcaster.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._broadcaster
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        client = request.remote or "?"
        if not self.limiter.allow(client):
            return _error(429, "Too many requests: wait a moment and try again.")
        try:
            response: web.StreamResponse = await handler(request)
        except web.HTTPException as error:
            response = _error(error.status, error.reason)
        if not response.prepared:
            response.headers.update(HEADERS)
        return response

    async def _index(self, _request: web.Request) -> web.StreamResponse:
        return web.FileResponse(resource_path("room", "index.html"), headers={"Content-Type": "text/html"})

    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in STATIC:
            return _error(404, "Not found.")
        return web.FileResponse(resource_path("room", name), headers={"Content-Type": STATIC[name]})

    async def _roster(self, request: web.Request) -> web.StreamResponse:
        if not same_secret(request.query.get("code"), self.code):
            return _error(403, "That join code is not right: check the one on the projector.")
        claimed = {member.key for member in self.state.members.values()}
        people = [dict(person, taken=person["key"] in claimed) for person in self.state.roster]
        answer: dict[str, Any] = {"people": people, "teams": self.state.teams}
        token = request.query.get("token")
        if token:  # a page that joined before: is its name still its own?
            answer["member"] = token in self.state.members
        return web.json_response(answer)

    async def _body(self, request: web.Request) -> dict[str, Any]:
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError):
            raise web.HTTPBadRequest(reason="The request could not be read.") from None
        if not isinstance(body, dict):
            raise web.HTTPBadRequest(reason="The request could not be read.")
        return body

    async def _join(self, request: web.Request) -> web.StreamResponse:
        body = await self._body(request)
        if not same_secret(body.get("code"), self.code):
            return _error(403, "That join code is not right: check the one on the projector.")
        key = body.get("person")
        if key == "guest":
            team = body.get("team")
            if team not in self.state.teams:
                return _error(400, "Pick your team.")
            try:
                name = clean_text(body.get("name") or "Guest", MAX_NAME, "Your name")
            except TextError as problem:
                return _error(400, str(problem))
            member = Member(secrets.token_urlsafe(16), name, team, f"guest:{next(self._guests)}")
        else:
            person = next((p for p in self.state.roster if p["key"] == key), None)
            if person is None:
                return _error(400, "Pick your name from the list.")
            if any(m.key == key for m in self.state.members.values()):
                return _error(
                    409,
                    f"{person['name']} has already joined on another device; the facilitator can release it.",
                )
            member = Member(secrets.token_urlsafe(16), person["name"], person["team"], str(key))
        self.state.members[member.token] = member
        self.on_request("joined", {"key": member.key, "name": member.name, "team": member.team})
        return web.json_response({"token": member.token, "name": member.name, "team": member.team})

    def _member(self, body: dict[str, Any]) -> Member | None:
        if not same_secret(body.get("code"), self.code):
            return None
        token = body.get("token")
        return self.state.members.get(token) if isinstance(token, str) else None

    async def _submit(self, request: web.Request) -> web.StreamResponse:
        body = await self._body(request)
        member = self._member(body)
        if member is None:
            return _error(403, "Join the room first, with the code on the projector.")
        kind = body.get("kind")
        if kind not in SUBMISSION_KINDS:
            return _error(400, "Send a parking-lot item or a question.")
        try:
            text = clean_text(body.get("text"), what=f"Your {SUBMISSION_KINDS[kind]}")
        except TextError as problem:
            return _error(400, str(problem))
        if len(self.state.pending) >= MAX_PENDING:
            return _error(503, "The facilitator has many items to look at: try again in a while.")
        submission = Submission(next(self._ids), kind, text, member.name, member.team)
        self.state.pending[submission.id] = submission
        self.pending_count = len(self.state.pending)
        self.on_request("submitted", submission.public())
        self._touch()
        return web.json_response({"id": submission.id, "status": "waiting for the facilitator"}, status=202)

    async def _vote(self, request: web.Request) -> web.StreamResponse:
        body = await self._body(request)
        member = self._member(body)
        if member is None:
            return _error(403, "Join the room first, with the code on the projector.")
        vote = self.state.vote
        if vote is None:
            return _error(409, "No vote is open now.")
        goal, delta = body.get("goal"), body.get("delta")
        if type(goal) is not int or goal not in {g["id"] for g in vote["goals"]} or delta not in (1, -1):
            return _error(400, "Pick a goal of this vote.")
        placed = self.state.dots.setdefault(member.token, {})
        if delta == 1 and sum(placed.values()) >= vote["dots"]:
            return _error(409, f"You have placed all your {vote['dots']} dots: take one back first.")
        if delta == -1 and placed.get(goal, 0) == 0:
            return _error(409, "You have no dot on that goal.")
        placed[goal] = placed.get(goal, 0) + delta
        self.on_request(
            "voted",
            {"tally": self._tally(), "voters": sum(1 for p in self.state.dots.values() if any(p.values()))},
        )
        return web.json_response({"mine": placed, "left": vote["dots"] - sum(placed.values())})

    async def _check(self, request: web.Request) -> web.StreamResponse:
        body = await self._body(request)
        member = self._member(body)
        if member is None:
            return _error(403, "Join the room first, with the code on the projector.")
        check = self.state.check
        if check is None or body.get("goal") != check["goal"]:
            return _error(409, "No attainability check is open for that goal now.")
        if member.team not in check["judges"]:
            return _error(403, "Only the other team judges this goal: your answer is not asked for.")
        verdict = body.get("verdict")
        if verdict not in VERDICTS:
            return _error(400, "Pick attainable, stretch or not attainable.")
        try:
            reason = clean_text(body.get("reason"), MAX_REASON, "Your reason")
        except TextError as problem:
            return _error(400, str(problem))
        self.state.answers[member.token] = {
            "verdict": str(verdict),
            "reason": reason,
            "by": member.name,
            "team": member.team,
        }  # a device's new answer replaces its last one
        self.on_request("checked", {"goal": check["goal"], "answers": list(self.state.answers.values())})
        return web.json_response({"verdict": verdict, "reason": reason})

    async def _remote(self, request: web.Request) -> web.StreamResponse:
        body = await self._body(request)
        if not same_secret(body.get("pin"), self.pin):
            return _error(403, "That PIN is not right: it is shown on the facilitator's screen.")
        action = body.get("action")
        if action is None:  # a PIN check: the remote's sign-in
            return web.json_response({"ok": True})
        if action not in REMOTE_ACTIONS:
            return _error(400, "Unknown action.")
        value = body.get("value", 0)
        if action == "extend" and value not in (1, 5):
            return _error(400, "Add 1 or 5 minutes.")
        if action == "speaker" and not isinstance(value, str):
            return _error(400, "Pick who speaks.")
        if action == "resolve":
            submission_id, approve = body.get("id"), body.get("approve")
            if not isinstance(approve, bool) or submission_id not in self.state.pending:
                return _error(404, "That item is no longer waiting.")
            if approve and not self.writable:
                return _error(
                    409,
                    "The workshop is open read-only on the laptop, so nothing can be added to the "
                    "parking lot: the item stays waiting.",
                )
            self.on_request(
                "resolve",
                {"id": submission_id, "approve": approve, **self.state.pending[submission_id].public()},
            )
            self._resolve(submission_id)
            return web.json_response({"ok": True})
        self.on_request("act", {"action": action, "value": value})
        return web.json_response({"ok": True})

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        remote = same_secret(request.query.get("pin"), self.pin)
        member = self.state.members.get(request.query.get("token", ""))
        if not remote and not (member and same_secret(request.query.get("code"), self.code)):
            return _error(403, "Join the room first, with the code on the projector.")
        socket = web.WebSocketResponse(heartbeat=20, max_msg_size=MAX_BODY)
        await socket.prepare(request)
        self._sockets.add(socket)
        self._remote_of[socket] = remote
        self.connected = len(self._sockets)
        try:
            await socket.send_str(self._payload(remote))
            async for message in socket:
                if message.type == WSMsgType.ERROR:
                    break
                if message.type == WSMsgType.TEXT and message.data == "sync":  # a phone woke up
                    await socket.send_str(self._payload(remote))
        finally:
            self._sockets.discard(socket)
            self._remote_of.pop(socket, None)
            self.connected = len(self._sockets)
        return socket

    def _payload(self, remote: bool) -> str:
        data: dict[str, Any] = {
            "live": self.state.live,
            "sent": now_ms(),
            "vote": self.state.vote,
            "goals": self.state.goals,
            "check": self.state.check,
        }
        if remote:
            data["pending"] = [s.public() for s in self.state.pending.values()]
        return json.dumps(data)

    async def _broadcast(self) -> None:
        """Push the state when it changed, at most PUSHES_PER_SECOND times a second."""
        assert self._changed is not None
        while True:
            await self._changed.wait()
            self._changed.clear()
            sockets = list(self._sockets)
            if sockets:
                texts = {False: self._payload(False)}
                if any(self._remote_of.get(s) for s in sockets):
                    texts[True] = self._payload(True)
                await asyncio.gather(
                    *(s.send_str(texts[bool(self._remote_of.get(s))]) for s in sockets if not s.closed),
                    return_exceptions=True,
                )
            await asyncio.sleep(1 / PUSHES_PER_SECOND)


def _error(status: int, message: str) -> web.Response:
    response = web.json_response({"error": message}, status=status)
    response.headers.update(HEADERS)
    return response
