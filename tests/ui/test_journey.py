"""A first journey, from File ▸ New to an exported signed SLA, as a facilitator makes it.

Any Qt warning or Python warning fails a test here (the suite's settings), and so does an
exception in a slot (pytest-qt) or one logged by a worker thread (checked at the end).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from ui.main_window import MainWindow
from ui.setup.page import SetupPage
from ui.signoff.page import SignoffPage
from ui.workshop_view import STAGES
from workshop.model import MARKETING, Participant

MakeWindow = Callable[[str | None], MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


def menu_action(window: MainWindow, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == text)


def active(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def visit_every_page(window: MainWindow, qtbot: QtBot) -> None:
    for stage in STAGES:
        QTest.keyClick(window, getattr(Qt.Key, f"Key_{stage.digit}"), CTRL)
        assert window.view is not None and window.view.current_stage() == stage.key
        qtbot.wait(20)


def setup_page(window: MainWindow) -> SetupPage:
    assert window.view is not None
    page = window.view.page("setup")
    assert isinstance(page, SetupPage)
    return page


def add_person(window: MainWindow, qtbot: QtBot, name: str) -> None:
    page = setup_page(window)
    page.participants.add()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "adding a participant starts typing their name"
    qtbot.keyClicks(editor, name)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits and closes the cell after the key, as between keystrokes


def sign_all(window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs) -> SignoffPage:
    QTest.keyClick(window, Qt.Key.Key_8, CTRL)
    assert window.view is not None
    signoff = window.view.page("signoff")
    assert isinstance(signoff, SignoffPage)
    for _signer in range(3):
        signoff.consent.setChecked(True)  # the signer accepts signing electronically first
        pad = signoff.pad
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
        for x in range(45, 300, 15):
            qtbot.mouseMove(pad, QPoint(x, 60 + (x % 30)))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 70))
        assert signoff.sign_button.isEnabled(), signoff.status.text()
        if signoff.open_points.isVisibleTo(signoff):
            dialogs.choices.append("sign")  # a new workshop has open points: sign over them deliberately
        signoff.sign_button.click()
    return signoff


def test_from_file_new_to_a_signed_sla_without_a_warning_or_traceback(
    make_window: MakeWindow,
    demo_file: Path,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    window = make_window(str(demo_file))
    active(window, qtbot)
    dialogs.paths.append(tmp_path / "Q4 planning.smw")
    menu_action(window, "New Workshop…").trigger()
    assert window.document is not None and window.document.path.name == "Q4 planning.smw"
    title = setup_page(window).fields["workshop.title"]
    qtbot.waitUntil(title.hasFocus)  # a new workshop starts in its title
    qtbot.keyClicks(title, "Q4 planning")
    facilitator = setup_page(window).fields["workshop.facilitator"]
    facilitator.setFocus()
    qtbot.keyClicks(facilitator, "Alex Morgan")
    add_person(window, qtbot, "Dana Whitfield")
    add_person(window, qtbot, "Priya Raman")
    model = setup_page(window).participants_model
    people = window.document.typed(Participant)
    assert [p.name for p in people] == ["Dana Whitfield", "Priya Raman"]
    columns = [c.field for c in model.columns]
    model.setData(model.index(1, columns.index("team")), MARKETING, Qt.ItemDataRole.EditRole)
    for row in (0, 1):
        model.setData(
            model.index(row, columns.index("signatory")),
            Qt.CheckState.Checked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    assert [p.signatory for p in window.document.typed(Participant)] == [True, True]
    visit_every_page(window, qtbot)

    dialogs.paths.append(tmp_path / "Q4 planning (copy).smw")
    menu_action(window, "Save As…").trigger()
    assert window.document.path.name == "Q4 planning (copy).smw"
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    title = setup_page(window).fields["workshop.title"]
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, " offsite")  # every keystroke reaches every page of the old view, were it alive
    visit_every_page(window, qtbot)

    signoff = sign_all(window, qtbot, dialogs)
    assert not dialogs.errors
    assert "Signed by every signatory" in signoff.status.text()
    dialogs.paths.append(tmp_path / "signed.pdf")
    signoff.save_record()
    from workshop.signoff.signing import LocalAuthority
    from workshop.signoff.verification import verify_pdf

    result = verify_pdf((tmp_path / "signed.pdf").read_bytes(), [LocalAuthority().certificate_path])
    assert result.ok
    assert [s.signer for s in result.signatures] == ["Dana Whitfield", "Priya Raman", "Alex Morgan"]
    qtbot.wait(300)  # let any late worker report
    assert [r.getMessage() for r in caplog.records] == []


def test_file_new_while_the_funnel_chart_draws_leaves_no_traceback(
    window: MainWindow,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    active(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_5, CTRL)  # the demo's funnel: the chart starts drawing
    assert window.view is not None
    chart = window.view.page("funnel").chart  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: chart._generation > 0)
    dialogs.paths.append(tmp_path / "fresh.smw")
    menu_action(window, "New Workshop…").trigger()
    qtbot.wait(2500)  # the worker finishes for a view that is gone
    assert [r.getMessage() for r in caplog.records] == []


def test_a_blank_funnel_waits_for_input_and_its_calendar_opens_at_this_month(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    from PySide6.QtCore import QDate

    from ui.funnel.page import FunnelPage

    active(window, qtbot)
    dialogs.paths.append(tmp_path / "blank.smw")
    window.new_workshop()
    QTest.keyClick(window, Qt.Key.Key_5, CTRL)
    assert window.view is not None
    page = window.view.page("funnel")
    assert isinstance(page, FunnelPage)
    assert "red" not in page.summary.text() and "Fill in" in page.summary.text()
    assert all(edit.styleSheet() == "" for edit in page.form.edits.values())  # no red borders yet
    start = page.form.start
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    QTest.keyClick(start, Qt.Key.Key_F4)  # opens the month calendar
    calendar = start.calendarWidget()
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.window().close()
    field = page.form.edits["revenue_target"]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "lots")
    assert field.text() == "lots"
    assert "red" in page.summary.text()  # typed and wrong: now it is an error


def test_counts_and_a_new_participants_team_are_said_plainly(window: MainWindow, qtbot: QtBot) -> None:
    from ui.goals.page import count_of

    assert (count_of(1, "goal"), count_of(2, "goal"), count_of(0, "goal")) == ("1 goal", "2 goals", "0 goals")
    page = setup_page(window)
    page.participants.add()
    assert "New participant on" in window.statusBar().currentMessage()
