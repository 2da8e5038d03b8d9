"""The room page's server over HTTP on 127.0.0.1: codes, names, submissions, the remote."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest

from workshop.room.server import RoomServer

LOOPBACK = "127.0.0.1"


class Server:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.room = RoomServer(lambda kind, data: self.requests.append((kind, data)), burst=1000, rate=1000)

    def call(self, path: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.room.address.rstrip("/") + path, data=data)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def page(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.room.address.rstrip("/") + path, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@pytest.fixture
def server() -> Iterator[Server]:
    made = Server()
    made.room.start(LOOPBACK, 0)
    made.room.set_roster(
        [
            {"key": "p:1", "name": "Dana", "team": "sales"},
            {"key": "p:2", "name": "Priya", "team": "marketing"},
        ],
        {"sales": "Sales", "marketing": "Marketing"},
    )
    made.room.publish({"title": "Welcome", "state": "waiting", "remaining_ms": 60_000})
    yield made
    made.room.stop()


def test_it_listens_on_loopback_and_the_address_carries_the_code(server: Server) -> None:
    assert server.room.host == LOOPBACK and server.room.port > 0
    assert server.room.join_address == f"http://{LOOPBACK}:{server.room.port}/?code={server.room.code}"


def test_the_join_form_is_served_but_nothing_else_without_the_code(server: Server) -> None:
    status, html = server.page("/")
    assert status == 200 and "Join the workshop" in html
    assert "Dana" not in html
    assert server.call("/api/roster?code=ZZZZ")[0] == 403
    status, body = server.call("/api/join", {"code": "ZZZZ", "person": "p:1"})
    assert status == 403 and "join code" in body["error"]
    assert server.page("/static/../../pyproject.toml")[0] == 404


def test_a_name_is_claimed_by_one_device_until_released(server: Server) -> None:
    code = server.room.code
    status, first = server.call("/api/join", {"code": code.lower(), "person": "p:1"})
    assert status == 200 and first["name"] == "Dana"
    status, second = server.call("/api/join", {"code": code, "person": "p:1"})
    assert status == 409 and "another device" in second["error"]
    roster = server.call(f"/api/roster?code={code}")[1]
    assert [p["taken"] for p in roster["people"]] == [True, False]
    server.room.release("p:1")
    server.call(f"/api/roster?code={code}")  # a round trip: the release has been carried out
    assert server.call("/api/join", {"code": code, "person": "p:1"})[0] == 200


def test_a_submission_waits_for_the_facilitator_and_is_checked(server: Server) -> None:
    code = server.room.code
    token = server.call("/api/join", {"code": code, "person": "guest", "team": "marketing", "name": "Zoe"})[
        1
    ]["token"]
    status, _ = server.call(
        "/api/submit", {"code": code, "token": token, "kind": "parking", "text": "  EMEA pricing "}
    )
    assert status == 202
    assert server.requests[-1] == (
        "submitted",
        {"id": 1, "kind": "parking", "text": "EMEA pricing", "by": "Zoe", "team": "marketing"},
    )
    assert (
        server.call("/api/submit", {"code": code, "token": "forged", "kind": "parking", "text": "x"})[0]
        == 403
    )
    status, body = server.call(
        "/api/submit", {"code": code, "token": token, "kind": "parking", "text": "y" * 500}
    )
    assert status == 400 and "too long" in body["error"]
    assert [kind for kind, _ in server.requests] == ["joined", "submitted"]


def test_the_remote_needs_the_pin_and_a_wrong_one_changes_nothing(server: Server) -> None:
    wrong = "000000" if server.room.pin != "000000" else "111111"
    status, body = server.call("/api/remote", {"pin": wrong, "action": "toggle"})
    assert status == 403 and "PIN" in body["error"]
    assert server.call("/api/remote", {"pin": server.room.code, "action": "toggle"})[0] == 403
    assert server.requests == []
    assert server.call("/api/remote", {"pin": server.room.pin, "action": "toggle"})[0] == 200
    assert server.call("/api/remote", {"pin": server.room.pin, "action": "extend", "value": 99})[0] == 400
    assert server.requests == [("act", {"action": "toggle", "value": 0})]


def test_a_flood_from_one_client_gets_429() -> None:
    made = Server()
    made.room.limiter.rate, made.room.limiter.burst = 1, 5
    made.room.start(LOOPBACK, 0)
    try:
        statuses = [made.call("/api/roster?code=ZZZZ")[0] for _ in range(8)]
    finally:
        made.room.stop()
    assert statuses[:5] == [403] * 5
    assert 429 in statuses[5:]


def test_a_busy_port_is_reported_not_crashed(server: Server) -> None:
    other = RoomServer(lambda kind, data: None)
    with pytest.raises(OSError, match=r"ddress|use|bind"):
        other.start(LOOPBACK, server.room.port)


def test_a_dot_vote_gives_each_person_the_set_number_of_dots(server: Server) -> None:
    code = server.room.code
    token = server.call("/api/join", {"code": code, "person": "p:1"})[1]["token"]
    other = server.call("/api/join", {"code": code, "person": "p:2"})[1]["token"]
    assert (
        server.call("/api/vote", {"code": code, "token": token, "goal": 7, "delta": 1})[0] == 409
    )  # none open
    server.room.open_vote([{"id": 7, "title": "Win 12 logos"}, {"id": 9, "title": "Halve the cycle"}], 2)
    vote = {"code": code, "token": token, "goal": 7, "delta": 1}
    assert server.call("/api/vote", vote) == (200, {"mine": {"7": 1}, "left": 1})
    assert server.call("/api/vote", vote)[1]["left"] == 0
    status, body = server.call("/api/vote", dict(vote, goal=9))
    assert status == 409 and "all your 2 dots" in body["error"]
    assert server.call("/api/vote", dict(vote, goal=8))[0] == 400  # not in this vote
    assert server.call("/api/vote", dict(vote, goal=True))[0] == 400
    assert server.call("/api/vote", dict(vote, token="forged"))[0] == 403
    assert server.call("/api/vote", {"code": code, "token": other, "goal": 9, "delta": -1})[0] == 409
    assert server.call("/api/vote", {"code": code, "token": other, "goal": 9, "delta": 1})[0] == 200
    tallies = [data for kind, data in server.requests if kind == "voted"]
    assert tallies[-1] == {"tally": {7: 2, 9: 1}, "voters": 2}


def first_message(server: Server, query: str) -> dict[str, Any]:
    """What a page gets when its WebSocket opens (a fresh state, not a stale push)."""

    async def read() -> dict[str, Any]:
        async with aiohttp.ClientSession() as session:
            url = f"ws://{LOOPBACK}:{server.room.port}/ws?{query}"
            async with session.ws_connect(url, timeout=aiohttp.ClientWSTimeout(ws_close=5)) as socket:
                message = await socket.receive(timeout=10)
                return dict(json.loads(message.data))

    return asyncio.run(read())


def test_agreed_goals_reach_a_joined_page_only_while_published(server: Server) -> None:
    code = server.room.code
    token = server.call("/api/join", {"code": code, "person": "p:1"})[1]["token"]
    query = f"code={code}&token={token}"
    assert first_message(server, query)["goals"] is None  # off by default: the page shows none
    goals = [{"statement": "<b>Cut</b> lead response to 4 h", "team": "Sales", "deadline": "end of Q3"}]
    server.room.publish_goals(goals)
    server.call(f"/api/roster?code={code}")  # a round trip: the publishing has been carried out
    assert first_message(server, query)["goals"] == goals  # the text as typed: the page shows it as text
    assert first_message(server, f"pin={server.room.pin}")["goals"] == goals
    server.room.publish_goals(None)
    server.call(f"/api/roster?code={code}")
    assert first_message(server, query)["goals"] is None
    assert server.call(f"/api/roster?code={code}")[0] == 200
    status, _ = server.call("/api/roster?code=ZZZZ")
    assert status == 403  # without the code nothing, goals included


def test_the_other_team_checks_attainability_once_per_device_with_a_reason(server: Server) -> None:
    code = server.room.code
    dana = server.call("/api/join", {"code": code, "person": "p:1"})[1]["token"]  # sales
    priya = server.call("/api/join", {"code": code, "person": "p:2"})[1]["token"]  # marketing
    answer = {"code": code, "token": priya, "goal": 7, "verdict": "stretch", "reason": "Q3 is short"}
    assert server.call("/api/check", answer)[0] == 409  # nothing open yet
    server.room.open_check(7, "Raise win rate to 30%", ["marketing"])  # a Sales goal: Marketing judges
    assert first_message(server, f"code={code}&token={dana}")["check"] == {
        "goal": 7,
        "title": "Raise win rate to 30%",
        "judges": ["marketing"],
    }
    status, body = server.call("/api/check", dict(answer, token=dana))
    assert status == 403 and "other team" in body["error"]  # not one's own goal
    assert server.call("/api/check", dict(answer, token="forged"))[0] == 403
    assert server.call("/api/check", dict(answer, verdict="easy"))[0] == 400
    status, body = server.call("/api/check", dict(answer, reason="   "))
    assert status == 400 and "reason" in body["error"].lower()
    assert server.call("/api/check", dict(answer, reason="x" * 141))[0] == 400
    assert server.call("/api/check", dict(answer, goal=8))[0] == 409
    assert server.call("/api/check", answer)[0] == 200
    assert server.call("/api/check", dict(answer, verdict="not attainable", reason="No budget"))[0] == 200
    checked = [data for kind, data in server.requests if kind == "checked"]
    assert checked[-1] == {
        "goal": 7,
        "answers": [{"verdict": "not attainable", "reason": "No budget", "by": "Priya", "team": "marketing"}],
    }  # one answer per device: the second replaced the first
    server.room.close_check()
    server.call(f"/api/roster?code={code}")
    assert server.call("/api/check", answer)[0] == 409
    assert first_message(server, f"code={code}&token={dana}")["check"] is None
