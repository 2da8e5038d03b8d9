"""The Agenda page: items with computed times, templates, the day's fit, reordering."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from tests.ui.conftest import ScriptedDialogs
from ui.agenda.page import AgendaPage
from ui.main_window import MainWindow
from workshop.document import WorkshopDocument
from workshop.model import AgendaItem


def agenda_page(window: MainWindow) -> AgendaPage:
    assert window.view is not None
    window.show_stage("agenda")
    page = window.view.page("agenda")
    assert isinstance(page, AgendaPage)
    return page


def test_times_follow_the_minutes_and_the_day_start(window: MainWindow, qtmodeltester: ModelTester) -> None:
    page = agenda_page(window)
    model = page.model
    qtmodeltester.check(model)
    assert (model.index(0, 4).data(), model.index(0, 5).data()) == ("09:00", "09:30")
    assert model.index(1, 4).data() == "09:30"
    assert model.setData(model.index(0, 1), 45)
    assert model.index(1, 4).data() == "09:45"  # the next item moves
    assert not model.setData(model.index(0, 1), -5)  # not a length
    assert not model.setData(model.index(0, 1), "soon")
    assert "7 h 45 planned of 8 h 00" in page.summary.text()


def test_a_day_that_does_not_fit_is_flagged(window: MainWindow) -> None:
    page = agenda_page(window)
    page.model.setData(page.model.index(4, 1), 120)  # the MQL exercise doubles
    assert page.summary.text().startswith("⚠")
    assert "too long" in page.summary.text()


def test_a_template_replaces_the_agenda_and_undo_brings_it_back(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    assert window.document is not None
    page = agenda_page(window)
    before = [i.title for i in window.document.typed(AgendaItem)]
    dialogs.choices.append("replace")
    page.use_template("two-day")
    titles = [i.title for i in window.document.typed(AgendaItem)]
    assert "Day 2 check-in" in titles
    assert "Day 1: " in page.summary.text() and "Day 2: " in page.summary.text()
    row = titles.index("Day 2 check-in")
    assert page.model.index(row, 4).data() == "D2 09:00"
    stored = WorkshopDocument.open(window.document.path, read_only=True)
    assert [i.title for i in stored.typed(AgendaItem)] == titles
    window.undo()
    assert [i.title for i in window.document.typed(AgendaItem)] == before


def test_cancelling_the_template_changes_nothing(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    assert window.document is not None
    page = agenda_page(window)
    before = window.document.typed(AgendaItem)
    page.use_template("half-day")
    assert dialogs.questions and window.document.typed(AgendaItem) == before


def test_dropping_rows_reorders_the_agenda(window: MainWindow) -> None:
    assert window.document is not None
    page = agenda_page(window)
    model = page.model
    first, third = model.record(0), model.record(2)
    data = model.mimeData([model.index(0, 0)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    ids = [i.id for i in window.document.typed(AgendaItem)]
    assert ids.index(first.id) == 2 and ids.index(third.id) == 1
    window.undo()
    assert window.document.typed(AgendaItem)[0].id == first.id


def test_minimum_item_length_is_a_setting(window: MainWindow) -> None:
    assert window.document is not None
    page = agenda_page(window)
    page.minimum.setValue(10)
    page.minimum.editingFinished.emit()
    assert window.document.info.min_item_minutes == 10
