"""The Run page on a facilitator's laptop screen: the agenda's titles readable, every name whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.run.test_run_page_updates import MakeWindow, open_run
from ui.run.speaker_chips import Chip
from workshop.model import AgendaItem


def test_at_laptop_sizes_the_agenda_titles_and_the_speakers_names_are_whole(
    make_window: MakeWindow, demo_file: str, qtbot: QtBot
) -> None:
    window = make_window(str(demo_file))
    page, _clock = open_run(window, qtbot)
    assert window.document is not None
    for width, height in ((1366, 768), (1280, 720)):
        window.resize(width, height)
        qtbot.wait(50)
        view = page.agenda_view
        assert view.horizontalScrollBar().maximum() == 0, "the agenda scrolls sideways"
        title_room = view.columnWidth(0) - 20
        metrics = QFontMetrics(view.font())
        shown = [f"{n}  {item.title}" for n, item in enumerate(window.document.typed(AgendaItem), start=1)]
        whole = [text for text in shown if metrics.horizontalAdvance(text) <= title_room]
        assert len(whole) >= len(shown) * 3 // 4, (width, title_room)  # most titles whole
        assert title_room >= 150, (width, title_room)
        for chip in page.chips.findChildren(Chip):
            assert chip.width() >= chip.sizeHint().width(), (width, chip.text())  # no name elided


def test_replan_and_allotted_show_only_once_they_differ_from_the_plan(
    make_window: MakeWindow, demo_file: str, qtbot: QtBot
) -> None:
    window = make_window(str(demo_file))
    page, _clock = open_run(window, qtbot)
    view, model = page.agenda_view, page.agenda_model
    assert view.isColumnHidden(model.REPLAN) and view.isColumnHidden(model.ALLOTTED)
    QTest.keyClick(window, Qt.Key.Key_Space)
    QTest.keyClick(window, Qt.Key.Key_Plus)  # one more minute for this item: allotted now differs
    assert not view.isColumnHidden(model.ALLOTTED)
    assert view.isColumnHidden(model.REPLAN)
    assert model.data(model.index(0, model.ALLOTTED)) == "31"
