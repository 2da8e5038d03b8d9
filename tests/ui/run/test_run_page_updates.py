"""A key on the Run page updates what it changed, and only that, on a full-size workshop."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock
from ui.main_window import MainWindow
from ui.run.models import PeopleAirtimeModel, RunAgendaModel
from ui.run.page import RunPage
from workshop.demo.content import demo_content
from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.model import MARKETING, SALES, AgendaItem, Participant
from workshop.store import files

MakeWindow = Callable[[str | None], MainWindow]


@pytest.fixture
def large_file(tmp_path: Path) -> Path:
    """The demo grown to 60 agenda items and 40 people, as the app would hold them."""
    content = demo_content()
    content.agenda += [
        AgendaItem(id=1000 + n, title=f"Working session {n}", minutes=10)
        for n in range(60 - len(content.agenda))
    ]
    content.participants += [
        Participant(id=1000 + n, name=f"Person {n}", team=(SALES, MARKETING)[n % 2])
        for n in range(40 - len(content.participants))
    ]
    path = tmp_path / "large.smw"
    files.write_content(path, content)
    return path


def open_run(window: MainWindow, qtbot: QtBot) -> tuple[RunPage, FakeClock]:
    """The Run page of ``window``, on screen and taking keys, with a clock the test moves."""
    clock = FakeClock()
    window.clock = clock
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_stage("run")
    assert window.view is not None
    page = window.view.page("run")
    assert isinstance(page, RunPage)
    return page, clock


class RowsChanged:
    """Which rows a model says changed (``dataChanged``), and whether it was reset."""

    def __init__(self, model: RunAgendaModel | PeopleAirtimeModel) -> None:
        self.rows: set[int] = set()
        self.resets = 0
        model.dataChanged.connect(self._changed)
        model.modelReset.connect(self._reset)

    def _changed(self, first: QModelIndex, last: QModelIndex) -> None:
        self.rows |= set(range(first.row(), last.row() + 1))

    def _reset(self) -> None:
        self.resets += 1


def address(thing: QObject) -> int:
    """The Qt object's own address: its Python wrapper may differ from one call to the next."""
    return int(shiboken6.getCppPointer(thing)[0])


class PaintedArea(QObject):
    """Pixels painted per widget while installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.area: Counter[int] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            rect = event.rect()  # type: ignore[attr-defined]
            self.area[address(watched)] += rect.width() * rect.height()
        return False


@pytest.fixture
def painted() -> Iterator[PaintedArea]:
    watcher = PaintedArea()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watcher)
    yield watcher
    app.removeEventFilter(watcher)


def running(
    make_window: MakeWindow, large_file: Path, qtbot: QtBot, painted: PaintedArea
) -> tuple[MainWindow, RunPage, FakeClock]:
    """The large workshop's Run page with the timer running, and nothing counted as painted yet."""
    window = make_window(str(large_file))
    page, clock = open_run(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.wait(100)
    painted.area.clear()
    return window, page, clock


def test_a_speaker_key_rereads_only_the_rows_it_changed(
    make_window: MakeWindow, large_file: Path, qtbot: QtBot
) -> None:
    window = make_window(str(large_file))
    page, clock = open_run(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.wait(50)
    agenda, people = RowsChanged(page.agenda_model), RowsChanged(page.people_model)
    assert page.runner.running and page.runner.item_id is not None
    current = [i.id for i in page.document.typed(AgendaItem)].index(page.runner.item_id)
    for key in (Qt.Key.Key_S, Qt.Key.Key_M, Qt.Key.Key_S):
        clock.advance(3)
        QTest.keyClick(window, key)
        qtbot.wait(30)
    assert page.runner.speaker == SALES
    # The agenda: the current item's row only (its time); not the other 59.
    assert agenda.rows == {current} and agenda.resets == 0
    # People: the two teams, the facilitator and silence; not the 40 people who did not speak.
    team_rows = {0, 1, page.people_model.rowCount() - 2, page.people_model.rowCount() - 1}
    assert people.rows == team_rows and people.resets == 0
    # And what the facilitator sees is up to date, a tick later: Sales 6 s today, Marketing 3 s.
    clock.advance(3)
    page.session.tick()
    assert page.people_model.index(0, 1).data() == "0:06"
    assert page.people_model.index(1, 1).data() == "0:03"


def test_a_speaker_key_repaints_a_row_of_the_agenda_not_the_whole_page(
    make_window: MakeWindow, large_file: Path, qtbot: QtBot, painted: PaintedArea
) -> None:
    window, page, clock = running(make_window, large_file, qtbot, painted)
    for key in (Qt.Key.Key_S, Qt.Key.Key_M, Qt.Key.Key_S, Qt.Key.Key_M):
        clock.advance(1)
        QTest.keyClick(window, key)
        qtbot.wait(30)
    viewport: QWidget = page.agenda_view.viewport()
    row = viewport.width() * page.agenda_view.rowHeight(0)
    assert 0 < painted.area[address(viewport)] <= 4 * 2 * row  # four presses: about the running row each
    assert painted.area[address(page)] < 4 * page.width() * page.height() // 2  # not the whole page


def test_a_key_that_changes_no_figure_on_screen_repaints_no_row(
    make_window: MakeWindow, large_file: Path, qtbot: QtBot
) -> None:
    window = make_window(str(large_file))
    page, clock = open_run(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.wait(50)
    for key in (Qt.Key.Key_S, Qt.Key.Key_M):  # every row has been shown once since the item began
        clock.advance(3)
        QTest.keyClick(window, key)
        qtbot.wait(30)
    agenda, people = RowsChanged(page.agenda_model), RowsChanged(page.people_model)
    shown_before = [page.people_model.index(row, 1).data() for row in range(page.people_model.rowCount())]
    for key in (Qt.Key.Key_S, Qt.Key.Key_M, Qt.Key.Key_S):
        clock.advance(0.2)  # a fifth of a second: no time on screen moves (they show whole seconds)
        QTest.keyClick(window, key)
        qtbot.wait(30)
    assert page.runner.speaker == SALES
    assert [
        page.people_model.index(row, 1).data() for row in range(page.people_model.rowCount())
    ] == shown_before
    assert agenda.rows == set() and people.rows == set()
    # A person's key shows at once: their row is marked as speaking, and only rows that changed are re-read.
    person = page.document.typed(Participant)[0]
    clock.advance(0.2)
    QTest.keyClick(window, Qt.Key.Key_1)
    qtbot.wait(30)
    row = page.people_model._row_of[f"p:{person.id}"]
    assert page.runner.speaker == f"p:{person.id}"
    assert people.rows == {row} and agenda.rows == set()
    assert page.people_model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


class ToolTipsSet(QObject):
    """Widgets told of a new tooltip (Qt tells a widget even when the tooltip is the same)."""

    def __init__(self) -> None:
        super().__init__()
        self.widgets: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTipChange:
            self.widgets.append(address(watched))
        return False


def test_a_speaker_key_repaints_two_chips_not_the_row_of_chips_beneath(
    make_window: MakeWindow, large_file: Path, qtbot: QtBot, painted: PaintedArea
) -> None:
    window, page, clock = running(make_window, large_file, qtbot, painted)
    for key in (Qt.Key.Key_S, Qt.Key.Key_M, Qt.Key.Key_S):
        clock.advance(1)
        QTest.keyClick(window, key)
        qtbot.wait(30)
    chips = page.chips.chips
    assert painted.area[address(chips[SALES])] > 0 and painted.area[address(chips[MARKETING])] > 0
    assert painted.area[address(page.chips)] == 0  # the chips cover what they repaint
    # A chip drawn again in a state it has been in is the same picture, as the key says.
    assert chips[SALES].isChecked() and not chips[MARKETING].isChecked()
    assert chips[SALES].grab().toImage() != chips[MARKETING].grab().toImage()


def test_a_speaker_key_sets_no_tooltip_that_is_unchanged(
    make_window: MakeWindow, large_file: Path, qtbot: QtBot
) -> None:
    window = make_window(str(large_file))
    page, clock = open_run(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.wait(100)
    for key in (Qt.Key.Key_S, Qt.Key.Key_M):  # a minute each: a key moves no share by a whole percent
        QTest.keyClick(window, key)
        clock.advance(60)
    page.session.tick()
    qtbot.wait(30)
    tooltips = ToolTipsSet()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(tooltips)
    try:
        for key in (Qt.Key.Key_S, Qt.Key.Key_M):
            clock.advance(0.2)
            QTest.keyClick(window, key)
            qtbot.wait(30)
    finally:
        app.removeEventFilter(tooltips)
    assert page.runner.speaker == MARKETING
    assert tooltips.widgets == []
    assert page.item_title.toolTip() == page.item_title.text()
    assert page.day_bar.toolTip() == "Whole workshop: Sales 50% · Marketing 50%"


def seen(value: object) -> object:
    """A role's value as compared: an icon by what it draws (QIcon has no equality)."""
    return ("icon", value.cacheKey()) if isinstance(value, QIcon) else value


def test_a_cell_is_painted_from_one_call_answering_every_role_as_data_does(
    make_window: MakeWindow, large_file: Path, qtbot: QtBot
) -> None:
    """A view asks a cell for seven roles at each paint: one call from Qt into the model for them
    all (``multiData``), answering each exactly as ``data`` does."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    window = make_window(str(large_file))
    page, clock = open_run(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Space)
    QTest.keyClick(window, Qt.Key.Key_S)
    clock.advance(3)
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.CheckStateRole,
    ]
    asked = [QModelRoleData(role) for role in roles]  # one set for every cell, as Qt's delegate keeps it
    for model in (page.agenda_model, page.people_model):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                for one in asked:
                    model.multiData(index, QModelRoleDataSpan(one))  # a span over it, as Qt passes
                assert [seen(a.data()) for a in asked] == [seen(model.data(index, role)) for role in roles]
    assert not page.people_view.grab().isNull()  # and painted through it, seven roles a cell
    # A team's swatch is made once, not at each paint of its cell.
    swatch = page.people_model.index(0, 0)
    assert page.people_model.data(swatch, Qt.ItemDataRole.DecorationRole) is page.people_model.data(
        swatch, Qt.ItemDataRole.DecorationRole
    )


def test_each_persons_team_is_read_once_until_the_people_change(document: WorkshopDocument) -> None:
    """A speaker key asks for each person's team several times: the same answer, read once,
    until someone joins, leaves or changes team."""
    from ui.run.session import RunSession

    session = RunSession(document, FakeClock())
    try:
        person = document.typed(Participant)[0]
        first = session.team_of_person()
        assert session.team_of_person() is first
        other = MARKETING if person.team == SALES else SALES
        document.apply("Move", [Update.of(person, team=other)])
        assert session.team_of_person()[person.id] == other
        document.apply("Rename", [Update.of(document.info, title="Not about people")])
        assert session.team_of_person() is session.team_of_person()
    finally:
        session.timer.stop()
