"""The Review page: a review added, its CRM export read into a scorecard, goals checked in."""

from __future__ import annotations

import csv
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from ui.main_window import MainWindow
from ui.review.page import ReviewPage
from workshop.leads import reader
from workshop.model import Goal, GoalCheckIn, Review


def page_of(window: MainWindow) -> ReviewPage:
    assert window.view is not None
    window.show_stage("review")
    page = window.view.page("review")
    assert isinstance(page, ReviewPage)
    return page


def _export(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Create Date", "Lifecycle Stage"])
        for i in range(30):
            writer.writerow([f"2026-10-{i % 28 + 1:02d}", "MQL" if i < 12 else "Lead"])
    return path


def test_ctrl_0_opens_the_review_stage(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view is not None
    assert window.view.current_stage() == "review"
    assert isinstance(window.view.pages.currentWidget(), ReviewPage)


def test_read_an_export_into_the_review_and_undo_it(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    page = page_of(window)
    document = page.document
    document.apply("add review", [])  # nothing
    page.reviews.add()
    review = document.typed(Review)[-1]
    from workshop.edits import Update

    document.apply("period", [Update.of(review, period_start="2026-10-01", period_end="2026-10-31")])
    dialogs.paths.append(_export(tmp_path / "crm.csv"))
    page.read_export()
    qtbot.waitUntil(lambda: document.typed(Review)[-1].crm_source == "crm.csv")
    assert not page.progress.isVisible() and page.read_button.isEnabled()
    text = page.scorecard.toPlainText()
    assert "2026-10:" in text and "CRM 12" in text
    document.undo()
    assert "No CRM export read" in page.scorecard.toPlainText()


def test_check_in_every_goal_once(window: MainWindow) -> None:
    page = page_of(window)
    document = page.document
    page.reviews.add()
    page.check_in_all()
    page.check_in_all()
    review = document.typed(Review)[-1]
    check_ins = [c for c in document.typed(GoalCheckIn) if c.review == review.id]
    assert sorted(c.goal for c in check_ins) == sorted(g.id for g in document.typed(Goal))
    assert page.by_review.rowCount() == len(check_ins)


def test_file_export_calendar_writes_an_ics_the_calendar_reads(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    from icalendar import Calendar

    out = tmp_path / "reviews.ics"
    dialogs.paths.append(out)
    window.calendar_action.trigger()
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert any("RRULE" in e for e in events)
    assert dialogs.errors == []


def test_file_new_from_this_workshop_opens_the_next_period(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    assert window.document is not None
    people = [p.name for p in window.document.content().participants]
    dialogs.paths.append(tmp_path / "next.smw")
    window.next_action.trigger()
    assert window.document is not None
    assert window.document.path == tmp_path / "next.smw"
    content = window.document.content()
    assert content.info.title.endswith("(next period)")
    assert [p.name for p in content.participants] == people
    assert content.sla_signatures == []
    assert content.agenda and all(a.replanned_minutes == 0 for a in content.agenda)
    assert content.actions and all(
        a.carried_from and a.status in ("open", "in progress") for a in content.actions
    )


def test_a_check_in_shows_the_goals_trend_over_the_reviews(window: MainWindow) -> None:
    from workshop.edits import Insert

    page = page_of(window)
    document = page.document
    goal = document.typed(Goal)[0]
    document.apply(
        "two reviews", [Insert(Review(held_on="2027-01-05")), Insert(Review(held_on="2027-02-02"))]
    )
    first, second = document.typed(Review)[-2:]
    document.apply(
        "check-ins",
        [
            Insert(GoalCheckIn(review=first.id, goal=goal.id, current="12%")),
            Insert(GoalCheckIn(review=second.id, goal=goal.id, current="14%")),
        ],
    )
    page.by_review.show_review(second.id)
    column = [c.field for c in page.check_in_model.columns].index("trend")
    row = page.by_review.index(0, column)
    demo = [
        c.current
        for c in document.typed(GoalCheckIn)
        if c.goal == goal.id and c.review not in (first.id, second.id)
    ]
    assert row.data() == " → ".join([*demo, "12%", "14%"])


class SlowReading:
    """``read_table`` held back by a gate, telling its progress as a large file's reading does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.threads: list[threading.Thread] = []
        real = reader.read_table

        def slow(path: Path, progress: reader.Progress | None = None) -> reader.LeadTable:
            self.threads.append(threading.current_thread())
            while not self.gate.is_set():
                if progress is not None and progress(0.25) is False:
                    raise reader.ReadingStoppedError
                time.sleep(0.01)
            return real(path, progress)

        monkeypatch.setattr(reader, "read_table", slow)


def _review_with_period(page: ReviewPage) -> Review:
    from workshop.edits import Update

    page.reviews.add()
    review = page.document.typed(Review)[-1]
    page.document.apply("period", [Update.of(review, period_start="2026-10-01", period_end="2026-10-31")])
    return page.document.typed(Review)[-1]


def test_reading_an_export_leaves_the_window_free_and_shows_progress(
    window: MainWindow,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slow = SlowReading(monkeypatch)
    window.show()
    page = page_of(window)
    document = page.document
    review = _review_with_period(page)
    dialogs.paths.append(_export(tmp_path / "crm.csv"))
    page.read_export()  # returns at once: the reading goes on elsewhere
    assert document.typed(Review)[-1].crm_source == ""
    qtbot.waitUntil(lambda: page.progress.value() > 0)  # the window's thread is free to show it
    assert page.progress.isVisible() and page.stop_button.isVisible()
    assert not page.read_button.isEnabled()
    assert slow.threads and slow.threads[0] is not threading.main_thread()
    slow.gate.set()
    qtbot.waitUntil(lambda: document.typed(Review)[-1].crm_source == "crm.csv")
    assert "CRM 12" in page.scorecard.toPlainText()
    assert not page.progress.isVisible() and not page.stop_button.isVisible()
    document.undo()
    assert next(r for r in document.typed(Review) if r.id == review.id).crm_source == ""


def test_escape_stops_the_reading_and_changes_nothing(
    window: MainWindow,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slow = SlowReading(monkeypatch)
    window.show()
    page = page_of(window)
    document = page.document
    _review_with_period(page)
    before = document.content()
    dialogs.paths.append(_export(tmp_path / "crm.csv"))
    page.read_export()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(page.stop_button.isVisible)
    page.scorecard.setFocus()  # where the facilitator reads, while the reading goes on
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.stop_button.isVisible())  # a button's shortcut clicks it shortly
    assert page.read_button.isEnabled() and not page.progress.isVisible()
    slow.gate.set()
    qtbot.wait(200)  # a stopped reading that finished anyway must not land
    assert document.content() == before
    assert "No CRM export read" in page.scorecard.toPlainText()
    assert dialogs.errors == []


def test_an_unreadable_export_says_why_and_changes_nothing(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    page = page_of(window)
    document = page.document
    _review_with_period(page)
    before = document.content()
    bad = tmp_path / "crm.csv"
    bad.write_bytes(b"")
    dialogs.paths.append(bad)
    page.read_export()
    qtbot.waitUntil(lambda: bool(dialogs.errors))
    assert "crm.csv" in dialogs.errors[0]
    assert document.content() == before
    assert page.read_button.isEnabled()


def _export_with_two_stages(path: Path) -> Path:
    """Two stage columns that disagree: the usual name counts 12 MQLs, the other 5."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Create Date", "Lifecycle Stage", "Old Stage"])
        for i in range(30):
            writer.writerow(
                [f"2026-10-{i % 28 + 1:02d}", "MQL" if i < 12 else "Lead", "MQL" if i < 5 else "Lead"]
            )
    return path


def test_choosing_another_column_scores_again_undoably_and_is_remembered(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    page = page_of(window)
    document = page.document
    review = _review_with_period(page)
    assert not page.columns_button.isEnabled()  # nothing read yet
    export = _export_with_two_stages(tmp_path / "crm.csv")
    dialogs.paths.append(export)
    page.read_export()
    qtbot.waitUntil(lambda: "CRM 12" in page.scorecard.toPlainText())
    assert page.columns_button.isEnabled()
    page.remap({"crm_mql": "Old Stage"})
    qtbot.waitUntil(lambda: "CRM 5" in page.scorecard.toPlainText())
    stored = next(r for r in document.typed(Review) if r.id == review.id)
    assert '"crm_mql": "Old Stage"' in stored.crm_mapping
    document.undo()
    assert "CRM 12" in page.scorecard.toPlainText()
    document.redo()
    assert "CRM 5" in page.scorecard.toPlainText()
    # The next review reading an export starts from the columns chosen last.
    second = _review_with_period(page)
    page.reviews.view.setCurrentIndex(
        page.reviews.view.model().index(page.reviews.view.model().rowCount() - 1, 0)
    )
    assert page.current_review_id() == second.id
    assert not page.columns_button.isEnabled()  # the export held is the other review's
    dialogs.paths.append(export)
    page.read_export()
    qtbot.waitUntil(
        lambda: next(r for r in document.typed(Review) if r.id == second.id).crm_source == "crm.csv"
    )
    assert "CRM 5" in page.scorecard.toPlainText()


def test_the_columns_dialog_starts_from_the_mapping_and_can_leave_a_field_out(qtbot: QtBot) -> None:
    from ui.review.columns_dialog import NOT_IN_EXPORT, ColumnsDialog

    fields = [
        ("created", "created date"),
        ("crm_mql", "CRM's MQL flag or lifecycle stage"),
        ("status", "status"),
    ]
    dialog = ColumnsDialog(["Create Date", "Stage"], fields, {"created": "Create Date", "crm_mql": "Gone"})
    qtbot.addWidget(dialog)
    assert dialog.combos["created"].currentText() == "Create Date"
    assert dialog.combos["crm_mql"].currentText() == NOT_IN_EXPORT  # a column no longer there
    dialog.combos["crm_mql"].setCurrentText("Stage")
    dialog.combos["created"].setCurrentIndex(0)
    assert dialog.chosen() == {"created": "", "crm_mql": "Stage", "status": ""}


def test_the_columns_button_opens_the_dialog_and_applies_its_choice(
    window: MainWindow,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.review.columns_dialog import ColumnsDialog

    page = page_of(window)
    _review_with_period(page)
    dialogs.paths.append(_export_with_two_stages(tmp_path / "crm.csv"))
    page.read_export()
    qtbot.waitUntil(lambda: "CRM 12" in page.scorecard.toPlainText())
    shown: list[str] = []

    def answer(dialog: ColumnsDialog) -> int:
        shown.append(dialog.combos["crm_mql"].currentText())
        dialog.combos["crm_mql"].setCurrentText("Old Stage")
        return ColumnsDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ColumnsDialog, "exec", answer)
    page.columns_button.click()
    assert shown == ["Lifecycle Stage"]  # the dialog starts from the columns the scorecard used
    qtbot.waitUntil(lambda: "CRM 5" in page.scorecard.toPlainText())


def _timed_export(path: Path) -> Path:
    """Three MQLs handed off on Friday 1 October 2027 at 16:00, first contacted Monday at 10:00."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Create Date", "Lifecycle Stage", "MQL Date", "First Contact"])
        for _ in range(3):
            writer.writerow(["2027-10-01", "MQL", "2027-10-01 16:00", "2027-10-04 10:00"])
    return path


def test_working_hours_are_set_on_the_page_undoably_and_score_the_export_again(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    from workshop.edits import Update
    from workshop.model import WorkshopInfo

    page = page_of(window)
    document = page.document
    page.reviews.add()
    review = document.typed(Review)[-1]
    document.apply("period", [Update.of(review, period_start="2027-10-01", period_end="2027-10-31")])
    dialogs.paths.append(_timed_export(tmp_path / "crm.csv"))
    page.read_export()
    qtbot.waitUntil(lambda: document.typed(Review)[-1].crm_source == "crm.csv")
    # Friday 16:00-17:00 and Monday 9:00-10:00: 2 working hours.
    assert "median 2.0 h" in page.scorecard.toPlainText()
    assert "Monday to Friday, 09:00 to 17:00" in page.hours_label.text()
    zone_before = document.typed(WorkshopInfo)[0].time_zone
    page.set_working_hours(
        {"time_zone": "Asia/Dubai", "work_days": "sat,sun,mon", "work_start": "08:00", "work_end": "18:00"}
    )
    info = document.typed(WorkshopInfo)[0]
    assert (info.time_zone, info.work_days, info.work_start) == ("Asia/Dubai", "sat,sun,mon", "08:00")
    assert "Saturday to Monday, 08:00 to 18:00 (Asia/Dubai)" in page.hours_label.text()
    # Friday is no working day now: Saturday and Sunday 10 h each, Monday 8:00-10:00 2 h = 22 h.
    qtbot.waitUntil(lambda: "median 22.0 h" in page.scorecard.toPlainText())
    document.undo()  # the scoring again
    document.undo()  # the settings
    assert document.typed(WorkshopInfo)[0].time_zone == zone_before
    assert "median 2.0 h" in page.scorecard.toPlainText()
    assert document.typed(WorkshopInfo)[0].work_days == "mon,tue,wed,thu,fri"
    assert "Monday to Friday" in page.hours_label.text()


def test_the_working_hours_dialog_refuses_what_cannot_be_used(qtbot: QtBot) -> None:
    from ui.review.hours_dialog import WorkingHoursDialog
    from workshop.model import WorkshopInfo

    info = WorkshopInfo(time_zone="Europe/Berlin", review_time="14:00")
    dialog = WorkingHoursDialog(info, ["America/New_York", "Europe/Berlin"])
    qtbot.addWidget(dialog)
    assert dialog.problem_text() == ""
    assert dialog.changes()["review_time"] == "14:00"
    dialog.zone.setCurrentText("Europe/Berln")
    dialog.accept()
    assert dialog.problem.isVisibleTo(dialog) and "not a time zone" in dialog.problem.text()
    dialog.zone.setCurrentText("America/New_York")
    for box in dialog.days:
        box.setChecked(False)
    assert "at least one working day" in dialog.problem_text()
    dialog.days[6].setChecked(True)
    dialog.end.setTime(dialog.start.time())
    assert "end after it starts" in dialog.problem_text()
    dialog.end.setTime(dialog.start.time().addSecs(3600))
    assert dialog.problem_text() == ""
    assert dialog.changes() == {
        "time_zone": "America/New_York",
        "work_days": "sun",
        "work_start": "09:00",
        "work_end": "10:00",
        "review_time": "14:00",
    }


def test_the_page_exports_the_review_it_shows(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    import subprocess

    from workshop.edits import Update

    page = page_of(window)
    document = page.document
    first = document.typed(Review)[0]
    page.reviews.add()
    latest = document.typed(Review)[-1]
    document.apply("period", [Update.of(latest, period_start="2030-01-01", period_end="2030-01-31")])
    page.reviews.select_id(first.id)
    assert page.current_review_id() == first.id
    out = tmp_path / "shown.pdf"
    dialogs.paths.append(out)
    page.export_button.click()
    qtbot.waitUntil(out.exists, timeout=60000)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "fernhill-crm-export.csv" in text  # the demo's own review, not the empty latest one
    assert "2030" not in text.split("SLA scorecard")[0]
    assert dialogs.errors == []
