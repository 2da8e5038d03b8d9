"""The Run page and the projector, driven from the keyboard as a facilitator would."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock
from tests.ui.conftest import ScriptedDialogs
from ui.common.palette import roles
from ui.main_window import MainWindow
from ui.run.page import RunPage
from workshop.cli import main
from workshop.document import WorkshopDocument
from workshop.model import AgendaItem

MakeWindow = Callable[[str | None], MainWindow]


def open_run(window: MainWindow, qtbot: QtBot) -> tuple[RunPage, FakeClock]:
    clock = FakeClock()
    window.clock = clock
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.view is not None
    page = window.view.page("run")
    assert isinstance(page, RunPage)
    return page, clock


def press(
    window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(window, key, modifier)


def test_space_s_m_0_then_export_shows_each_teams_seconds(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, capsys: object
) -> None:
    page, clock = open_run(window, qtbot)
    assert window.view is not None and window.view.current_stage() == "run"
    press(window, Qt.Key.Key_Space)
    assert page.runner.running
    press(window, Qt.Key.Key_S)
    clock.advance(2)
    press(window, Qt.Key.Key_M)
    clock.advance(2)
    press(window, Qt.Key.Key_0)
    clock.advance(1)
    assert window.document is not None
    path = window.document.path
    window.close()
    out = tmp_path / "run.json"
    assert main(["export", str(path), "--json", str(out)]) == 0
    airtime = json.loads(out.read_text(encoding="utf-8"))["airtime"]
    assert airtime["teams_seconds"]["sales"] == 2.0
    assert airtime["teams_seconds"]["marketing"] == 2.0
    assert airtime["teams_seconds"]["silence"] == 1.0


def test_keys_next_previous_extend_and_people(window: MainWindow, qtbot: QtBot) -> None:
    page, clock = open_run(window, qtbot)
    assert window.document is not None
    agenda = window.document.typed(AgendaItem)
    press(window, Qt.Key.Key_Space)
    press(window, Qt.Key.Key_N)
    assert page.runner.item_id == agenda[1].id
    press(window, Qt.Key.Key_P)
    assert page.runner.item_id == agenda[0].id
    press(window, Qt.Key.Key_Equal)
    assert page.runner.allotted_ms(agenda[0]) == (agenda[0].minutes + 1) * 60_000
    press(window, Qt.Key.Key_2)  # the person in slot 2: Marcus, a salesman
    clock.advance(3)
    page.session.tick()
    assert page.runner.group_totals()["sales"] == 3000
    assert "Marcus Oyelaran" in page.chips.chips[page.runner.speaker].text()
    press(window, Qt.Key.Key_Escape)
    assert page.runner.speaker == ""


def test_countdown_warns_in_colour_and_words_then_counts_overrun(window: MainWindow, qtbot: QtBot) -> None:
    page, clock = open_run(window, qtbot)
    press(window, Qt.Key.Key_Space)  # Kick-off: 30 minutes
    clock.advance(25 * 60)  # 5 of 30 minutes left: under 20%
    page.session.tick()
    assert page.countdown.text() == "5:00"
    assert roles().warning in page._countdown_style
    assert page.state_label.text() == "5 min left"
    clock.advance(5 * 60 + 30)
    page.session.tick()
    assert page.countdown.text() == "+0:30"
    assert roles().error in page._countdown_style
    assert page.state_label.text() == "OVER +0:30"  # no longer "Running"
    assert "Over time" in page.item_detail.text()


def test_speaking_before_the_timer_runs_is_explained(window: MainWindow, qtbot: QtBot) -> None:
    page, _clock = open_run(window, qtbot)
    press(window, Qt.Key.Key_S)
    assert page.runner.speaker == ""
    assert "Start the timer" in window.statusBar().currentMessage()


def test_keys_are_listed(window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs) -> None:
    page, _clock = open_run(window, qtbot)
    page.show_keys()
    assert "Space" in dialogs.informed[0] and "nobody speaks" in dialogs.informed[0]


def test_letters_typed_in_a_field_do_not_drive_the_timer(window: MainWindow, qtbot: QtBot) -> None:
    page, _clock = open_run(window, qtbot)
    window.show_stage("setup")
    assert window.view is not None
    field = window.view.setup_page.fields["workshop.venue"]
    field.setFocus()
    QTest.keyClicks(field, " S")
    assert not page.runner.started


def test_correct_time_and_replan(window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs) -> None:
    page, _clock = open_run(window, qtbot)
    press(window, Qt.Key.Key_Space)
    dialogs.numbers.append(12)
    page.correct_time()
    assert page.runner.elapsed_ms() == 12 * 60_000
    assert window.document is not None
    dialogs.choices.append("push")
    page.replan()
    assert dialogs.questions  # the proposal was explained
    assert window.document.info.day_end != "17:00" or "fits" in dialogs.questions[0]


def test_a_cue_flashes_and_plays_the_chime_unless_muted(window: MainWindow, qtbot: QtBot) -> None:
    page, clock = open_run(window, qtbot)
    played: list[bool] = []

    def play() -> bool:
        played.append(True)
        return True

    window.chime.play = play  # type: ignore[method-assign]
    press(window, Qt.Key.Key_Space)
    page.session.tick()
    clock.advance(28 * 60 + 1)  # 2 minutes left
    page.session.tick()
    assert played == [True]
    assert "background" in page.countdown.styleSheet()
    assert "2 minutes left" in window.statusBar().currentMessage()


def test_projector_window_shows_the_room_view(window: MainWindow, qtbot: QtBot) -> None:
    page, clock = open_run(window, qtbot)
    press(window, Qt.Key.Key_Space)
    clock.advance(60)
    page.session.tick()
    window.projector_action.trigger()
    projector = window.projector
    assert projector is not None and projector.isVisible()
    assert projector.item_title.text() == "Kick-off and ground rules"
    assert projector.countdown.text() == "29:00"
    assert projector.next_label.text() == "Next: Sales priorities"
    window.projector_action.trigger()
    assert not projector.isVisible()


def test_reopening_after_an_interrupted_run_says_so(
    make_window: MakeWindow, demo_file: Path, qtbot: QtBot
) -> None:
    doc = WorkshopDocument.open(demo_file)
    from workshop.run.runner import AgendaRunner

    clock = FakeClock()
    runner = AgendaRunner(doc.run_log, lambda: doc.typed(AgendaItem), dict, clock)
    runner.toggle()
    clock.advance(30)
    runner.checkpoint()
    doc._conn = None  # killed: nothing closed
    assert doc._lock is not None
    doc._lock.release()
    window = make_window(str(demo_file))
    assert window.view is not None
    assert "interrupted" in window.view.banner.text.text()
    session = window.run_session(window.document)  # type: ignore[arg-type]
    assert not session.runner.running
    assert session.runner.elapsed_ms() == 30_000


def test_the_projector_window_obeys_the_run_keys(window: MainWindow, qtbot: QtBot) -> None:
    page, clock = open_run(window, qtbot)
    window.projector_action.trigger()
    projector = window.projector
    assert projector is not None
    projector.activateWindow()
    QTest.keyClick(projector, Qt.Key.Key_Space)
    QTest.keyClick(projector, Qt.Key.Key_M)
    clock.advance(2)
    assert page.runner.running
    assert page.runner.group_totals()["marketing"] == 2000
    QTest.keyClick(projector, Qt.Key.Key_1)  # slot 1: Dana Whitfield, Sales
    assert page.runner.speaker.startswith("p:")


def test_the_airtime_summary_draws_its_charts_without_freezing_the_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    page, clock = open_run(window, qtbot)
    press(window, Qt.Key.Key_Space)
    press(window, Qt.Key.Key_S)
    clock.advance(90)
    press(window, Qt.Key.Key_M)
    clock.advance(60)
    page.tabs.setCurrentWidget(page.summary)
    assert page.summary.note.text() == "Drawing the charts…"  # the window goes on while they draw
    qtbot.waitUntil(lambda: page.summary.drawn, timeout=20_000)
    assert not page.summary.per_item.pixmap().isNull()
    assert not page.summary.over_time.pixmap().isNull()
    assert "events so far" in page.summary.note.text()
