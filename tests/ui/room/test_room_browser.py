"""The room page in a real browser: Debian's Chromium driven by Playwright, on 127.0.0.1 only.

One browser for the module; each test opens a fresh phone-sized page (390x844) on a window
whose room page is served on loopback. With ``SMW_SHOTS`` set to a folder, each state of the
phone page is saved there as a PNG to look at.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from ui.main_window import MainWindow
from ui.room.controller import goal_title
from ui.run.keys import RunAction
from workshop.edits import Update
from workshop.model import JOINT, Goal, ParkingLotItem, Participant, Team, team_name
from workshop.room.access import LOOPBACK

sync_api = pytest.importorskip("playwright.sync_api", reason="the room page's browser tests need playwright")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="the room page's browser tests need Debian's chromium"
)
SHOTS = os.environ.get("SMW_SHOTS")
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    dialogs: list[str] = []

    def record(dialog: Any) -> None:  # an alert would mean a script sent as text had run
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    page.alerts = dialogs
    yield page
    context.close()


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS, f"room-{name}.png")), full_page=True)


def turn_on(window: MainWindow, dialogs: ScriptedDialogs) -> str:
    dialogs.choices.append(LOOPBACK)
    window.toggle_room()
    assert window.room is not None, dialogs.errors
    return window.room.address


def shown_ms(text: str) -> int:
    minutes, seconds = text.strip().split(":")[-2:]
    return (int(minutes) * 60 + int(seconds)) * 1000


def test_join_follow_the_countdown_send_an_item_and_find_it_approved_in_the_export(
    window: MainWindow, dialogs: ScriptedDialogs, phone: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    address = turn_on(window, dialogs)
    assert window.room is not None and window.document is not None
    with phone.expect_response(lambda response: "/api/roster" in response.url) as refused:
        phone.goto(address.split("?")[0] + "?code=ZZZZ")
    assert refused.value.status == 403
    sync_api.expect(phone.locator("#join-error")).to_contain_text("join code is not right")
    assert phone.locator("#person").is_hidden()  # no names without the code
    shot(phone, "1-wrong-code")
    phone.goto(address)
    sync_api.expect(phone.locator("#person")).to_be_visible()
    shot(phone, "2-pick-name")
    phone.select_option("#person", "p:1")
    phone.click("#name-form button[type=submit]")
    sync_api.expect(phone.locator("#who")).to_have_text("You joined as Dana Whitfield")
    sync_api.expect(phone.locator("#state")).to_have_text("Starting soon")
    shot(phone, "3-waiting")
    qtbot.waitUntil(lambda: window.room is not None and window.room.connected == 1)
    assert window.room_label.text() == "Room page: 1 connected"

    window.room.session.act(RunAction.TOGGLE)  # Space on the console
    qtbot.wait(300)  # the window publishes; the page counts down by itself from then on
    first = phone.locator("#countdown").inner_text()
    phone.wait_for_timeout(2100)
    second = phone.locator("#countdown").inner_text()
    assert shown_ms(first) - shown_ms(second) >= 1000, (first, second)
    title = window.room.session.runner.item()
    sync_api.expect(phone.locator("#item-title")).to_have_text(title.title if title else "")
    shot(phone, "4-running")

    phone.fill("#text", "<script>alert('room')</script><b>EMEA</b> pricing")
    phone.click("#submit-form button[type=submit]")
    sync_api.expect(phone.locator("#sent")).to_contain_text("Sent")
    shot(phone, "5-sent")
    qtbot.waitUntil(lambda: window.room_panel is not None and window.room_panel.waiting.count() == 1)
    assert window.room_panel is not None
    window.room_panel.approve_button.click()
    topic = "<script>alert('room')</script><b>EMEA</b> pricing"
    assert window.document.typed(ParkingLotItem)[-1].topic == topic
    out = tmp_path / "export.json"
    done = subprocess.run(
        [sys.executable, "-m", "workshop.cli", "export", str(window.document.path), "--json", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert topic in json.dumps(exported, ensure_ascii=False)
    assert phone.alerts == []


def test_the_remote_needs_its_pin_starts_and_pauses_and_shows_items_as_text(
    window: MainWindow, dialogs: ScriptedDialogs, phone: Any, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    assert window.room is not None
    server, runner = window.room.server, window.room.session.runner
    base = address.split("?")[0]
    joined = phone.request.post(base + "api/join", data={"code": server.code, "person": "p:2"}).json()
    phone.request.post(
        base + "api/submit",
        data={
            "code": server.code,
            "token": joined["token"],
            "kind": "question",
            "text": "<img src=x onerror=alert(1)>",
        },
    )
    qtbot.waitUntil(lambda: window.room is not None and len(window.room.pending) == 1)
    phone.goto(base + "?remote=1")
    logged = len(window.document.run_log.events) if window.document else 0
    phone.fill("#pin", "000000" if server.pin != "000000" else "111111")
    with phone.expect_response(lambda response: "/api/remote" in response.url) as refused:
        phone.click("#pin-form button[type=submit]")
    assert refused.value.status == 403
    sync_api.expect(phone.locator("#pin-error")).to_contain_text("PIN is not right")
    assert window.document is not None and len(window.document.run_log.events) == logged
    assert phone.locator("#pending li").count() == 0  # nothing waiting is shown without the PIN
    shot(phone, "6-remote-wrong-pin")
    assert not runner.started
    phone.fill("#pin", server.pin)
    phone.click("#pin-form button[type=submit]")
    sync_api.expect(phone.locator("#pending li p")).to_have_text(
        "Question from Marcus Oyelaran: <img src=x onerror=alert(1)>"
    )
    assert phone.locator("#pending img").count() == 0
    shot(phone, "7-remote")
    phone.click("#toggle")
    qtbot.waitUntil(lambda: runner.running)
    sync_api.expect(phone.locator("#toggle")).to_have_text("Pause")
    phone.click("#toggle")
    qtbot.waitUntil(lambda: not runner.running)
    sync_api.expect(phone.locator("#state")).to_have_text("Paused")
    phone.click("#pending li button.primary")
    qtbot.waitUntil(lambda: window.room is not None and not window.room.pending)
    assert window.document is not None
    assert window.document.typed(ParkingLotItem)[-1].topic == "<img src=x onerror=alert(1)>"
    assert phone.alerts == []


def test_the_countdown_is_right_on_a_skewed_clock_and_after_the_phone_sleeps(
    window: MainWindow, dialogs: ScriptedDialogs, phone: Any, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    assert window.room is not None
    session = window.room.session
    session.act(RunAction.TOGGLE)
    qtbot.wait(300)
    skewed = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1, minutes=7)  # the phone's clock is wrong
    phone.clock.install(time=skewed)
    phone.goto(address)
    phone.select_option("#person", "p:3")
    phone.click("#name-form button[type=submit]")
    sync_api.expect(phone.locator("#countdown")).not_to_be_empty()

    def close_to_truth() -> bool:
        remaining = session.runner.remaining_ms() or 0
        return abs(shown_ms(phone.locator("#countdown").inner_text()) - remaining) <= 2000

    assert close_to_truth(), (phone.locator("#countdown").inner_text(), session.runner.remaining_ms())
    phone.clock.fast_forward("10:00")  # the phone slept ten minutes; the laptop's run did not move
    phone.wait_for_timeout(1500)
    assert close_to_truth(), (phone.locator("#countdown").inner_text(), session.runner.remaining_ms())
    shot(phone, "8-after-sleep")


def test_a_dot_vote_opened_on_the_console_is_cast_on_the_phone_and_tallied(
    window: MainWindow, dialogs: ScriptedDialogs, phone: Any, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    assert window.room is not None and window.room_panel is not None
    panel = window.room_panel
    phone.goto(address)
    phone.select_option("#person", "p:4")
    phone.click("#name-form button[type=submit]")
    sync_api.expect(phone.locator("#who")).to_have_text("You joined as Kenji Watanabe")
    assert phone.locator("#vote").is_hidden()
    panel.vote_button.click()
    drafts = list(window.room.vote_goals.values())
    assert drafts, "the demo has goal drafts to vote on"
    sync_api.expect(phone.locator("#dots-left")).to_have_text("3 of 3 dots left")
    sync_api.expect(phone.locator("#vote-goals li")).to_have_count(len(drafts))
    shot(phone, "9-vote")
    first = phone.locator("#vote-goals li").first
    first.get_by_role("button", name="Place a dot").click()
    first.get_by_role("button", name="Place a dot").click()
    sync_api.expect(phone.locator("#dots-left")).to_have_text("1 of 3 dots left")
    sync_api.expect(first.locator(".mine")).to_have_text("2")
    qtbot.waitUntil(lambda: "1 voted" in panel.tally.text())
    assert f"2 · {drafts[0]}" in panel.tally.text()
    panel.vote_button.click()  # closed: the phone stops showing it, the console keeps the tally
    sync_api.expect(phone.locator("#vote")).to_be_hidden()
    assert f"2 · {drafts[0]}" in panel.tally.text()


def test_agreed_goals_published_on_the_console_show_on_the_phone_as_text(
    window: MainWindow, dialogs: ScriptedDialogs, phone: Any
) -> None:
    address = turn_on(window, dialogs)
    assert window.room_panel is not None and window.document is not None
    document = window.document
    agreed = [g for g in document.typed(Goal) if g.status == "agreed"]
    assert agreed, "the demo has agreed goals"
    marked = agreed[0]
    document.apply("Mark up a goal", [Update.of(marked, statement="<img src=x onerror=alert(1)> Grow SQLs")])
    phone.goto(address)
    phone.select_option("#person", "p:4")
    phone.click("#name-form button[type=submit]")
    sync_api.expect(phone.locator("#who")).to_have_text("You joined as Kenji Watanabe")
    assert phone.locator("#goals").is_hidden()  # off by default
    window.room_panel.goals_box.click()
    sync_api.expect(phone.locator("#goal-list li")).to_have_count(len(agreed))
    first = phone.locator("#goal-list li").first
    sync_api.expect(first.locator(".statement")).to_have_text("<img src=x onerror=alert(1)> Grow SQLs")
    team = team_name(document.typed(Team), marked.team)
    sync_api.expect(first.locator(".small")).to_contain_text(team)
    assert phone.locator("#goal-list img").count() == 0 and phone.alerts == []
    shot(phone, "10-goals")
    window.room_panel.goals_box.click()
    sync_api.expect(phone.locator("#goals")).to_be_hidden()


def test_the_other_team_judges_a_goal_on_the_phone_and_the_console_shows_the_reason(
    window: MainWindow, dialogs: ScriptedDialogs, phone: Any, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    assert window.room_panel is not None and window.document is not None
    panel, document = window.room_panel, window.document
    phone.goto(address)
    phone.select_option("#person", "p:4")
    phone.click("#name-form button[type=submit]")
    sync_api.expect(phone.locator("#who")).to_have_text("You joined as Kenji Watanabe")
    kenji = next(p for p in document.typed(Participant) if p.name == "Kenji Watanabe")
    goal = next(g for g in document.typed(Goal) if g.team not in (kenji.team, JOINT) and g.statement)
    assert phone.locator("#check").is_hidden()
    panel.check_goal.setCurrentIndex(panel.check_goal.findData(goal.id))
    panel.check_button.click()
    sync_api.expect(phone.locator("#check-title")).to_have_text(goal_title(goal))
    phone.click("input[value=stretch]")
    phone.fill("#reason", "<script>alert(1)</script> tight")
    shot(phone, "11-check")
    phone.click("#check-form button[type=submit]")
    sync_api.expect(phone.locator("#check-sent")).to_contain_text("Sent: stretch")
    qtbot.waitUntil(lambda: "1 answered" in panel.check_results.text())
    assert "Kenji Watanabe — stretch: <script>alert(1)</script> tight" in panel.check_results.text()
    assert phone.alerts == []
    panel.check_button.click()
    sync_api.expect(phone.locator("#check")).to_be_hidden()


def test_a_phone_that_loses_the_connection_reconnects_by_itself_and_shows_live_state_again(
    window: MainWindow, dialogs: ScriptedDialogs, phone: Any, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    room = window.room
    assert room is not None
    session = room.session
    phone.goto(address)
    phone.select_option("#person", "p:2")
    phone.click("#name-form button[type=submit]")
    sync_api.expect(phone.locator("#connection")).to_have_text("Connected to the laptop")
    qtbot.waitUntil(lambda: room.connected == 1)

    # the laptop's network drops (its Wi-Fi resets): every connection closes, then it serves again
    host, port = room.server.host, room.server.port
    room.server.stop()
    sync_api.expect(phone.locator("#connection")).to_have_text("Reconnecting to the laptop…")
    shot(phone, "12-reconnecting")
    session.act(RunAction.TOGGLE)  # meanwhile the facilitator starts the run
    room.server.start(host, port)  # same address, same codes: the phone is still joined
    room.publish()
    item = session.runner.item()
    assert item is not None
    sync_api.expect(phone.locator("#connection")).to_have_text("Connected to the laptop", timeout=15_000)
    sync_api.expect(phone.locator("#item-title")).to_have_text(item.title)
    sync_api.expect(phone.locator("#state")).not_to_have_text("Starting soon")
    first = phone.locator("#countdown").inner_text()
    phone.wait_for_timeout(1200)
    assert shown_ms(phone.locator("#countdown").inner_text()) < shown_ms(first)  # live: it moves again
    qtbot.waitUntil(lambda: room.connected == 1, timeout=5000)

    # the phone's own Wi-Fi drops and comes back: it finds the laptop again without a tap
    phone.context.set_offline(True)
    sync_api.expect(phone.locator("#connection")).to_have_text("Reconnecting to the laptop…", timeout=15_000)
    session.act(RunAction.NEXT)
    phone.wait_for_timeout(2500)  # long enough for tries while offline to fail: they must not unjoin it
    phone.context.set_offline(False)
    upcoming = session.runner.item()
    assert upcoming is not None and upcoming.title != item.title
    sync_api.expect(phone.locator("#item-title")).to_have_text(upcoming.title, timeout=15_000)
    sync_api.expect(phone.locator("#connection")).to_have_text("Connected to the laptop")
    assert phone.locator("#live").is_visible() and phone.alerts == []


def test_a_connection_that_goes_silent_is_dropped_and_made_again(
    window: MainWindow, dialogs: ScriptedDialogs, phone: Any, qtbot: QtBot
) -> None:
    """A phone whose Wi-Fi vanished hears no goodbye: silence itself ends the connection."""
    import time

    address = turn_on(window, dialogs)
    room = window.room
    assert room is not None and room.server._loop is not None
    phone.goto(address)
    phone.select_option("#person", "p:4")
    phone.click("#name-form button[type=submit]")
    sync_api.expect(phone.locator("#connection")).to_have_text("Connected to the laptop")
    qtbot.waitUntil(lambda: room.connected == 1)
    room.server._loop.call_soon_threadsafe(time.sleep, 14)  # nothing reaches the phone for 14 s
    sync_api.expect(phone.locator("#connection")).to_have_text("Reconnecting to the laptop…", timeout=20_000)
    room.session.act(RunAction.TOGGLE)
    item = room.session.runner.item()
    assert item is not None
    sync_api.expect(phone.locator("#item-title")).to_have_text(item.title, timeout=20_000)
    sync_api.expect(phone.locator("#connection")).to_have_text("Connected to the laptop")
    sync_api.expect(phone.locator("#state")).not_to_have_text("Starting soon")
