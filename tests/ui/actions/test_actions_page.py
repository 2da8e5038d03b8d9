"""The Actions page: action items sorted, filtered and exported; the parking lot."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from ui.actions.page import ActionsPage
from ui.main_window import MainWindow
from workshop.document import WorkshopDocument
from workshop.model import ActionItem, ParkingLotItem


def page_of(window: MainWindow) -> ActionsPage:
    assert window.view is not None
    window.show_stage("actions")
    return window.view.actions_page


def shown_whats(page: ActionsPage) -> list[str]:
    return [item.what for item in page.shown_actions()]


def test_models_pass_qt_model_checks(window: MainWindow, qtmodeltester: ModelTester) -> None:
    page = page_of(window)
    qtmodeltester.check(page.actions_model)
    qtmodeltester.check(page.filter)
    qtmodeltester.check(page.parking_model)


def test_filter_by_team_status_and_text(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window)
    assert page.count_label.text() == "7 items"
    page.team_filter.setCurrentIndex(page.team_filter.findData("sales"))
    assert len(shown_whats(page)) == 3
    assert page.count_label.text() == "3 of 7 shown"
    page.team_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("not done"))
    assert "Book the monthly SLA review (first Tuesday)" not in shown_whats(page)
    page.status_filter.setCurrentIndex(0)
    page.search.setText("ZOË")  # the owner, any case
    assert shown_whats(page) == ["Fix referral-source tracking on web forms"]


def test_sort_by_due_date_then_back_to_the_agreed_order(window: MainWindow) -> None:
    page = page_of(window)
    original = shown_whats(page)
    page.action_items.view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    dues = [item.due for item in page.shown_actions()]
    assert dues == sorted(dues)
    assert not page.action_items.up_action.isEnabled()
    page.action_items.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    assert shown_whats(page) == original


def test_status_sorts_in_workflow_order(window: MainWindow) -> None:
    page = page_of(window)
    page.action_items.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    statuses = [item.status for item in page.shown_actions()]
    assert statuses == sorted(statuses, key=["open", "in progress", "done", "dropped"].index)


def test_export_csv_writes_what_is_shown(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page = page_of(window)
    page.team_filter.setCurrentIndex(page.team_filter.findData("marketing"))
    out = tmp_path / "actions.csv"
    dialogs.paths.append(out)
    page.export_button.click()
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheet apps read it as UTF-8
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["What", "Owner", "Team", "Due", "Status", "Carried over from"]
    assert {r[2] for r in rows[1:]} == {"Marketing"} and len(rows) == 4
    assert any(r[1] == "Zoë Łukasik" for r in rows)
    assert "Saved 3 action items" in window.statusBar().currentMessage()


def test_export_csv_to_an_unwritable_place_says_so(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page = page_of(window)
    dialogs.paths.append(tmp_path / "missing" / "actions.csv")
    page.export_csv()
    assert "could not be saved" in window.statusBar().currentMessage()


def test_add_an_action_item_and_choose_its_status(window: MainWindow) -> None:
    assert window.document is not None
    page = page_of(window)
    page.action_items.add()
    model = page.actions_model
    row = model.rowCount() - 1
    model.setData(model.index(row, 0), "Send the signed SLA to both teams")
    model.setData(model.index(row, 4), "in progress")
    assert not model.setData(model.index(row, 4), "someday")  # not a status
    model.setData(model.index(row, 3), "2027-07-01")
    stored = WorkshopDocument.open(window.document.path, read_only=True).typed(ActionItem)[-1]
    assert (stored.what, stored.status, stored.due) == (
        "Send the signed SLA to both teams",
        "in progress",
        "2027-07-01",
    )


def test_parking_lot_items(window: MainWindow) -> None:
    assert window.document is not None
    page = page_of(window)
    assert page.parking_model.rowCount() == 4
    page.parking.select_id(page.parking_model.record(0).id)
    page.parking.remove()
    assert len(WorkshopDocument.open(window.document.path, read_only=True).typed(ParkingLotItem)) == 3
    window.undo()
    assert page.parking_model.index(0, 0).data() == "Commission for marketing-sourced deals"
