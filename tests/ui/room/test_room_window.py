"""The room page from the console: on and off, approval into the parking lot, the remote, the QR."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from ui.main_window import MainWindow
from ui.room.controller import goal_title
from workshop.edits import Update
from workshop.model import MARKETING, SALES, Goal, ParkingLotItem, Participant, Team, team_name
from workshop.room.access import LOOPBACK
from workshop.run.airtime import person_key


def call(address: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(address.split("?", maxsplit=1)[0].rstrip("/") + path, data=data)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def turn_on(window: MainWindow, dialogs: ScriptedDialogs) -> str:
    dialogs.choices.append(LOOPBACK)  # the facilitator picks the network: here, loopback
    window.toggle_room()
    assert window.room is not None, dialogs.errors
    assert window.room_action.isChecked()
    return window.room.address


def test_off_by_default_on_from_the_menu_with_new_codes_each_time(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    assert window.room is None and not window.room_action.isChecked()
    first = turn_on(window, dialogs)
    assert first.startswith(f"http://{LOOPBACK}:")
    assert "127.0.0.1" in dialogs.questions[-1]  # offered among the networks
    assert window.room_label.text() == "Room page: 0 connected"
    code = window.room.server.code if window.room else ""
    window.toggle_room()
    assert window.room is None and not window.room_action.isChecked()
    second = turn_on(window, dialogs)
    assert second != first
    status, _ = call(second, f"/api/roster?code={code}")
    assert status == 403  # the old code no longer opens anything


def test_an_approved_item_lands_in_the_parking_lot_undoably_and_a_rejected_one_nowhere(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    assert window.room is not None and window.room_panel is not None and window.document is not None
    code = window.room.server.code
    before = len(window.document.typed(ParkingLotItem))
    token = call(address, "/api/join", {"code": code, "person": "p:1"})[1]["token"]
    for text in ("<script>alert('x')</script> pricing", "Lunch menu"):
        assert (
            call(address, "/api/submit", {"code": code, "token": token, "kind": "parking", "text": text})[0]
            == 202
        )
    qtbot.waitUntil(lambda: window.room_panel is not None and window.room_panel.waiting.count() == 2)
    assert len(window.document.typed(ParkingLotItem)) == before  # nothing appears before approval
    panel = window.room_panel
    assert (
        panel.waiting.item(0).text() == "Parking lot from Dana Whitfield: <script>alert('x')</script> pricing"
    )
    panel.waiting.setCurrentRow(0)
    panel.approve_button.click()
    panel.waiting.setCurrentRow(0)
    panel.reject_button.click()
    items = window.document.typed(ParkingLotItem)
    assert len(items) == before + 1
    assert (items[-1].topic, items[-1].raised_by) == ("<script>alert('x')</script> pricing", "Dana Whitfield")
    assert panel.waiting.count() == 0
    window.undo()
    assert len(window.document.typed(ParkingLotItem)) == before


def test_the_remote_starts_and_pauses_through_the_run_log(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    assert window.room is not None and window.document is not None
    runner = window.room.session.runner
    logged = len(window.document.run_log.events)
    pin = window.room.server.pin
    assert call(address, "/api/remote", {"pin": "x" + pin, "action": "toggle"})[0] == 403
    qtbot.wait(100)
    assert not runner.started
    assert call(address, "/api/remote", {"pin": pin, "action": "toggle"})[0] == 200
    qtbot.waitUntil(lambda: runner.running)
    assert call(address, "/api/remote", {"pin": pin, "action": "toggle"})[0] == 200
    qtbot.waitUntil(lambda: not runner.running)
    assert len(window.document.run_log.events) > logged  # the same log the keys write


def test_the_projector_shows_the_qr_code_and_join_words_while_the_page_is_on(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.toggle_projector()
    assert window.projector is not None
    assert not window.projector.room_qr.isVisibleTo(window.projector)
    turn_on(window, dialogs)
    assert window.room is not None
    projector = window.projector
    assert projector.room_qr.isVisibleTo(projector)
    assert window.room.server.code in projector.room_caption.text()
    assert window.room.server.pin not in projector.room_caption.text()
    assert not projector.room_qr.pixmap().isNull()
    window.toggle_room()
    assert not projector.room_qr.isVisibleTo(projector)


def test_closing_the_workshop_stops_the_room_page(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    address = turn_on(window, dialogs)
    window.close_workshop()
    assert window.room is None
    with pytest.raises(urllib.error.URLError, match=r"(?i)refused"):
        urllib.request.urlopen(address, timeout=3)


def test_a_held_name_is_released_from_the_console_and_can_be_picked_again(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    assert window.room is not None and window.room_panel is not None
    code = window.room.server.code
    assert call(address, "/api/join", {"code": code, "person": "p:1"})[0] == 200
    assert call(address, "/api/join", {"code": code, "person": "p:1"})[0] == 409
    panel = window.room_panel
    qtbot.waitUntil(lambda: panel.joined.count() == 1)
    assert panel.joined.item(0).text() == "Dana Whitfield"
    panel.release_button.click()
    assert panel.joined.count() == 0
    qtbot.waitUntil(lambda: call(address, f"/api/roster?code={code}")[1]["people"][0]["taken"] is False)
    assert call(address, "/api/join", {"code": code, "person": "p:1"})[0] == 200


def test_agreed_goals_go_to_the_phones_only_when_the_facilitator_publishes_them(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    room, panel, document = window.room, window.room_panel, window.document
    assert room is not None and panel is not None and document is not None
    goals = document.typed(Goal)
    agreed = [g for g in goals if g.status == "agreed"]
    draft = next(g for g in goals if g.status == "draft" and g.statement.strip())
    assert agreed, "the demo has agreed goals"
    code = room.server.code

    def shown() -> list[dict[str, str]] | None:
        call(address, f"/api/roster?code={code}")  # a round trip: what was handed over is in place
        return room.server.state.goals

    assert not panel.goals_box.isChecked() and shown() is None  # off by default
    panel.goals_box.click()
    published = shown()
    assert published is not None
    assert [g["statement"] for g in published] == [" ".join(g.statement.split()) for g in agreed]
    assert draft.statement.strip() not in [g["statement"] for g in published]  # never a draft
    first = agreed[0]
    assert published[0]["team"] == team_name(document.typed(Team), first.team)
    assert published[0]["deadline"] == (first.deadline.strip() or first.deadline_date)
    document.apply("Agree a goal", [Update.of(draft, status="agreed")])  # agreed on the Goals page
    qtbot.waitUntil(lambda: len(shown() or []) == len(agreed) + 1)
    document.undo()
    qtbot.waitUntil(lambda: len(shown() or []) == len(agreed))
    panel.goals_box.click()
    assert shown() is None  # off again: the phones show no goal


def test_the_other_team_judges_a_goal_from_their_phones_and_the_panel_shows_it_by_team(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    address = turn_on(window, dialogs)
    room, panel, document = window.room, window.room_panel, window.document
    assert room is not None and panel is not None and document is not None
    goal = next(g for g in document.typed(Goal) if g.team == SALES and g.statement.strip())
    people = document.typed(Participant)
    seller = next(p for p in people if p.team == SALES and p.name.strip())
    marketer = next(p for p in people if p.team == MARKETING and p.name.strip())
    code = room.server.code
    tokens = {
        who.team: call(address, "/api/join", {"code": code, "person": person_key(who.id)})[1]["token"]
        for who in (seller, marketer)
    }
    panel.check_goal.setCurrentIndex(panel.check_goal.findData(goal.id))
    panel.check_button.click()
    assert "Close" in panel.check_button.text() and not panel.check_goal.isEnabled()
    assert panel.check_results.text().startswith(f"Attainability check (open) of “{goal_title(goal)}”")
    answer = {"code": code, "goal": goal.id, "verdict": "stretch", "reason": "<b>Q3</b> is short"}
    status, _ = call(address, "/api/check", dict(answer, token=tokens[SALES]))
    assert status == 403  # a team does not judge its own goal
    assert call(address, "/api/check", dict(answer, token=tokens[MARKETING]))[0] == 200
    marketing = team_name(document.typed(Team), MARKETING)
    qtbot.waitUntil(lambda: f"{marketing} (1 answered)" in panel.check_results.text())
    text = panel.check_results.text()
    assert "0 attainable, 1 stretch, 0 not attainable" in text
    assert f"{marketer.name} — stretch: <b>Q3</b> is short" in text  # shown as typed, never as markup
    before = document.typed(Goal)
    panel.check_button.click()  # closed: the phones stop; the results stay on the console
    assert room.check_goal is None and "Open" in panel.check_button.text()
    assert "(closed)" in panel.check_results.text() and "1 stretch" in panel.check_results.text()
    assert call(address, "/api/check", dict(answer, token=tokens[MARKETING]))[0] == 409
    assert document.typed(Goal) == before  # the team's own verdict is theirs to set on the Goals page


def room_line_on_the_board(window: MainWindow, goal: Goal) -> str:
    """What the goal's card on the Goals page says the room said ("" for nothing)."""
    from ui.goals.board import ROOM_ROLE

    assert window.view is not None
    model = window.view.goals_page.model
    return str(model.index(model.row_of(goal.id), 0).data(ROOM_ROLE) or "")


def test_a_closed_check_is_recorded_beside_the_verdict_undoably_and_in_the_json(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot, tmp_path: Any
) -> None:
    from workshop import cli
    from workshop.model import RoomCheck

    address = turn_on(window, dialogs)
    room, panel, document = window.room, window.room_panel, window.document
    assert room is not None and panel is not None and document is not None
    goal = next(g for g in document.typed(Goal) if g.team == SALES and g.statement.strip())
    marketers = [p for p in document.typed(Participant) if p.team == MARKETING and p.name.strip()][:2]
    code = room.server.code
    before = len(document.typed(RoomCheck))
    panel.check_goal.setCurrentIndex(panel.check_goal.findData(goal.id))
    panel.check_button.click()
    for who, verdict, reason in zip(
        marketers, ("stretch", "not attainable"), ("<b>Q3</b> is short", "No budget"), strict=True
    ):
        token = call(address, "/api/join", {"code": code, "person": person_key(who.id)})[1]["token"]
        body = {"code": code, "token": token, "goal": goal.id, "verdict": verdict, "reason": reason}
        assert call(address, "/api/check", body)[0] == 200
    marketing = team_name(document.typed(Team), MARKETING)
    qtbot.waitUntil(lambda: f"{marketing} (2 answered)" in panel.check_results.text())
    assert len(document.typed(RoomCheck)) == before  # nothing in the file while the check is open
    panel.check_button.click()  # closed: recorded beside the team's verdict
    assert panel.check_results.text().endswith(
        "Recorded beside the team's verdict on the Goals page (Undo takes it out)."
    )
    (recorded,) = [c for c in document.typed(RoomCheck) if c.goal == goal.id]
    assert recorded.judges == MARKETING and recorded.held_at
    line = room_line_on_the_board(window, goal)
    assert line.split(" · ")[0] == f"Room check: {marketing} 0 attainable, 1 stretch, 1 not attainable"
    model = window.view.goals_page.model if window.view else None
    assert model is not None
    tip = str(model.index(model.row_of(goal.id), 0).data(Qt.ItemDataRole.ToolTipRole))
    assert f"{marketers[0].name} — stretch: &lt;b&gt;Q3&lt;/b&gt; is short" in tip  # a reason shows as typed
    out = tmp_path / "room.json"
    assert cli.main(["export", str(document.path), "--json", str(out)]) == 0
    exported = next(g for g in json.loads(out.read_text(encoding="utf-8"))["goals"] if g["id"] == goal.id)
    (check,) = exported["verdict"]["room_checks"]
    assert check["teams"][0]["counts"] == {"attainable": 0, "stretch": 1, "not attainable": 1}
    assert {"by": marketers[0].name, "verdict": "stretch", "reason": "<b>Q3</b> is short"} in check["teams"][
        0
    ]["answers"]
    window.undo()
    assert [c for c in document.typed(RoomCheck) if c.goal == goal.id] == []
    assert not room_line_on_the_board(window, goal).startswith("Room check:")


def test_a_closed_dot_vote_keeps_each_drafts_dots_on_the_goals_page(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    from workshop.model import DotVote

    address = turn_on(window, dialogs)
    room, panel, document = window.room, window.room_panel, window.document
    assert room is not None and panel is not None and document is not None
    before = len(document.typed(DotVote))
    panel.vote_button.click()
    drafts = list(room.vote_goals)
    assert len(drafts) >= 2
    code = room.server.code
    people = [p for p in document.typed(Participant) if p.name.strip()][:2]
    for who in people:
        token = call(address, "/api/join", {"code": code, "person": person_key(who.id)})[1]["token"]
        for goal in (drafts[1], drafts[1], drafts[0]):
            assert (
                call(address, "/api/vote", {"code": code, "token": token, "goal": goal, "delta": 1})[0] == 200
            )
    qtbot.waitUntil(lambda: room.voters == 2 and room.tally.get(drafts[1]) == 4)
    panel.vote_button.click()
    assert panel.tally.text().endswith("Recorded on the Goals page (Undo takes it out).")
    votes = document.typed(DotVote)
    assert len(votes) == before + 1
    (vote,) = votes[before:]
    assert (vote.voters, vote.dots_each) == (2, 3)
    tally = json.loads(vote.tally)
    assert tally[0] == {"goal": drafts[1], "title": room.vote_titles[drafts[1]], "dots": 4}
    assert {"goal": drafts[0], "title": room.vote_titles[drafts[0]], "dots": 2} in tally
    voted = next(g for g in document.typed(Goal) if g.id == drafts[1])
    assert room_line_on_the_board(window, voted) == "Dot vote: 4 of 6 dots"
    window.undo()
    assert len(document.typed(DotVote)) == before


def test_turning_the_page_off_with_a_check_open_records_it(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    from workshop.model import RoomCheck

    address = turn_on(window, dialogs)
    room, panel, document = window.room, window.room_panel, window.document
    assert room is not None and panel is not None and document is not None
    goal = next(g for g in document.typed(Goal) if g.team == MARKETING and g.statement.strip())
    seller = next(p for p in document.typed(Participant) if p.team == SALES and p.name.strip())
    panel.check_goal.setCurrentIndex(panel.check_goal.findData(goal.id))
    panel.check_button.click()
    code = room.server.code
    token = call(address, "/api/join", {"code": code, "person": person_key(seller.id)})[1]["token"]
    body = {"code": code, "token": token, "goal": goal.id, "verdict": "attainable", "reason": "yes"}
    assert call(address, "/api/check", body)[0] == 200
    qtbot.waitUntil(lambda: len(room.check_answers) == 1)
    before = len(document.typed(RoomCheck))
    window.toggle_room()  # off, with the check still open
    assert window.room is None
    assert len(document.typed(RoomCheck)) == before + 1
    assert json.loads(document.typed(RoomCheck)[-1].answers)[0]["reason"] == "yes"


def test_on_a_read_only_workshop_an_approved_item_stays_waiting_and_the_panel_says_why(
    make_window: Any, demo_file: Any, dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    from workshop.document import WorkshopDocument

    holder = WorkshopDocument.open(demo_file)  # another instance holds the lock
    try:
        window = make_window(str(demo_file))
        assert window.document is not None and window.document.read_only
        address = turn_on(window, dialogs)
        room, panel, document = window.room, window.room_panel, window.document
        assert room is not None and panel is not None
        code, pin = room.server.code, room.server.pin
        before = document.typed(ParkingLotItem)
        token = call(address, "/api/join", {"code": code, "person": "p:1"})[1]["token"]
        for text in ("Pricing for partners", "Trade-show budget"):
            body = {"code": code, "token": token, "kind": "parking", "text": text}
            assert call(address, "/api/submit", body)[0] == 202
        qtbot.waitUntil(lambda: panel.waiting.count() == 2)
        panel.waiting.setCurrentRow(0)
        panel.approve_button.click()
        assert document.typed(ParkingLotItem) == before
        assert panel.waiting.count() == 2 and len(room.pending) == 2  # kept, not dropped
        assert not panel.notice.isHidden()
        assert "“Pricing for partners” was not added to the parking lot" in panel.notice.text()
        assert "read-only" in panel.notice.text() and "open in another window" in panel.notice.text()
        waiting = next(s for s in room.pending.values() if s.text == "Trade-show budget")
        status, answer = call(
            address, "/api/remote", {"pin": pin, "action": "resolve", "id": waiting.id, "approve": True}
        )
        assert status == 409 and "read-only" in answer["error"]
        qtbot.wait(200)
        assert len(room.pending) == 2 and room.server.pending_count == 2  # the remote's approval kept it too
        assert document.typed(ParkingLotItem) == before
        panel.waiting.setCurrentRow(1)
        panel.reject_button.click()  # rejecting changes nothing in the file, so it still works
        assert panel.waiting.count() == 1
        goal = next(g for g in document.typed(Goal) if g.team == MARKETING and g.statement.strip())
        panel.check_goal.setCurrentIndex(panel.check_goal.findData(goal.id))
        panel.check_button.click()
        body = {"code": code, "token": token, "goal": goal.id, "verdict": "stretch", "reason": "Tight"}
        assert call(address, "/api/check", body)[0] == 200  # p:1 is in sales: it judges marketing's goal
        qtbot.waitUntil(lambda: len(room.check_answers) == 1)
        panel.check_button.click()
        assert "The results were not recorded in the file: this workshop is read-only" in panel.notice.text()
        assert "1 stretch" in panel.check_results.text()  # still there to read out, until the page is off
        assert "Recorded" not in panel.check_results.text()
    finally:
        holder.close()


def test_at_1366_by_768_the_panel_fits_and_its_warning_shows_every_line(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.room.panel import UNENCRYPTED

    window.resize(1366, 740)  # a common laptop screen, less the title bar
    window.show()
    qtbot.waitExposed(window)
    turn_on(window, dialogs)
    panel = window.room_panel
    assert panel is not None
    qtbot.wait(50)
    assert window.width() <= 1366  # the panel does not push the window off the screen
    assert panel.geometry().right() <= window.width()
    warning = next(label for label in panel.findChildren(QLabel) if label.text() == UNENCRYPTED)
    warning.ensurePolished()
    needed = warning.heightForWidth(warning.width())
    assert warning.height() >= needed, (warning.width(), warning.height(), needed)  # no line cut
    inside = warning.parentWidget()
    assert inside is not None and warning.geometry().right() <= inside.width()
    for button in (panel.approve_button, panel.reject_button, panel.check_button, panel.vote_button):
        corner = button.mapTo(window, button.rect().bottomRight())
        assert corner.x() <= window.width(), button.text()  # each button whole, none cut at the edge
