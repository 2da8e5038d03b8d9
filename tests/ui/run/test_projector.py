"""The projector as the room sees it: measured from its pixels in every state of the timer."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock
from ui.common.palette import PROJECTOR, PROJECTOR_TEXT, contrast
from ui.run.keys import RunAction
from ui.run.projector import ProjectorWindow, countdown_colours
from ui.run.session import RunSession
from ui.run.timer_state import TimerKind
from workshop.document import WorkshopDocument
from workshop.model import MARKETING

SHOTS = os.environ.get("SMW_SHOTS")  # a folder: save each rendered state there to look at

# The first demo item runs 30 minutes; how far to run it for each state.
RUN_FOR = {
    TimerKind.NORMAL: 60,
    TimerKind.WARNING: 25 * 60,
    TimerKind.LAST: 28 * 60 + 30,
    TimerKind.OVERRUN: 31 * 60 + 23,
    TimerKind.PAUSED: 300,
}


def reach(kind: TimerKind, session: RunSession, clock: FakeClock) -> None:
    """Run the first item into ``kind`` (WAITING: do nothing)."""
    if kind is TimerKind.WAITING:
        return
    session.act(RunAction.TOGGLE)
    clock.advance(RUN_FOR[kind])
    if kind is TimerKind.PAUSED:
        session.act(RunAction.TOGGLE)


STATES = [TimerKind.WAITING, *RUN_FOR]
SIZES = {"16:9": (1920, 1080), "4:3": (1024, 768)}


@pytest.fixture
def room(demo_file: Path, qtbot: QtBot) -> Iterator[tuple[ProjectorWindow, RunSession, FakeClock]]:
    document = WorkshopDocument.open(demo_file)
    clock = FakeClock()
    session = RunSession(document, clock)
    session.timer.stop()  # the test ticks by hand
    projector = ProjectorWindow(session)
    qtbot.addWidget(projector)
    yield projector, session, clock
    session.stop()
    document.close()


def render(projector: ProjectorWindow, size: tuple[int, int], name: str) -> QImage:
    projector.resize(*size)
    projector.show()
    projector.session.tick()
    QApplication.processEvents()  # the fonts follow the size: let the layout take them
    image = projector.grab().toImage()  # device pixels: twice the size at 2x scale
    # measured in the window's own units, nearest pixel (no blending of colours)
    image = image.scaled(projector.width(), projector.height(), mode=Qt.TransformationMode.FastTransformation)
    if SHOTS:
        image.save(str(Path(SHOTS) / f"projector-{name}.png"))
    return image


def ink_rows(image: QImage, area: QRect, colour: str) -> list[int]:
    """The rows of ``area`` where pixels of (nearly) ``colour`` are."""
    want = QColor(colour)
    rows = []
    for y in range(area.top(), area.bottom(), 2):
        for x in range(area.left(), area.right(), 3):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - want.red())
                + abs(pixel.green() - want.green())
                + abs(pixel.blue() - want.blue())
                < 24
            ):
                rows.append(y)
                break
    return rows


@pytest.mark.parametrize("aspect", SIZES)
@pytest.mark.parametrize("kind", STATES, ids=[kind.value for kind in STATES])
def test_digits_are_large_and_7_to_1_in_every_state(
    room: tuple[ProjectorWindow, RunSession, FakeClock], kind: TimerKind, aspect: str
) -> None:
    projector, session, clock = room
    reach(kind, session, clock)
    image = render(projector, SIZES[aspect], f"{kind.value}-{aspect.replace(':', 'x')}")
    assert projector.countdown.view.kind is kind
    slab, digits = countdown_colours(kind)
    background = slab or PROJECTOR.back
    area = projector.countdown.geometry()
    if slab:  # the digits are inside the slab: find it first
        slab_rows = ink_rows(image, area, slab)
        assert slab_rows, "no slab in the state's colour"
        middle = (slab_rows[0] + slab_rows[-1]) // 2
        columns = [x for x in range(area.left(), area.right()) if image.pixelColor(x, middle).name() == slab]
        corner = (slab_rows[-1] - slab_rows[0]) // 6  # clear of the rounded corners, where the window shows
        area = QRect(
            columns[0] + corner,
            slab_rows[0] + 3,
            columns[-1] - columns[0] - 2 * corner,
            slab_rows[-1] - slab_rows[0] - 6,
        )
    rows = ink_rows(image, area, digits)
    assert rows, "no digits of the state's colour on screen"
    share = (rows[-1] - rows[0]) / image.height()
    assert share >= 0.30, f"digits are {share:.1%} of the screen height"
    # the pixel just above the digits is the slab or the window: measure the digits against it
    seen_back = image.pixelColor(area.center().x(), rows[0] - 6).name()
    assert seen_back == background
    assert contrast(digits, seen_back) >= PROJECTOR_TEXT


def test_a_warning_says_itself_in_words(room: tuple[ProjectorWindow, RunSession, FakeClock]) -> None:
    projector, session, clock = room
    reach(TimerKind.WARNING, session, clock)
    session.tick()
    assert projector.state.text() == "5 min left"
    clock.advance(3 * 60 + 30)
    session.tick()
    assert projector.state.text() == "2 min left"
    clock.advance(2 * 60 + 53)
    session.tick()
    assert projector.state.text() == "OVER +1:23"
    assert projector.countdown.text() == "+1:23"


def test_every_text_of_the_room_is_7_to_1(room: tuple[ProjectorWindow, RunSession, FakeClock]) -> None:
    projector, session, clock = room
    for kind in STATES:
        reach(kind, session, clock)
        session.tick()
        labels = [projector.item_title, projector.state, projector.next_label, projector.bar_caption]
        for label in labels:
            colour = label.palette().color(label.foregroundRole()).name()
            assert contrast(colour, PROJECTOR.back) >= PROJECTOR_TEXT, (kind, label.text())


def test_nothing_on_the_projector_can_be_clicked_or_typed_into(
    room: tuple[ProjectorWindow, RunSession, FakeClock],
) -> None:
    projector, _session, _clock = room
    interactive = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractSlider)
    assert [w for w in projector.findChildren(QWidget) if isinstance(w, interactive)] == []


def test_the_empty_balance_bar_is_one_clean_colour(
    room: tuple[ProjectorWindow, RunSession, FakeClock], qtbot: QtBot
) -> None:
    projector, session, clock = room
    image = render(projector, (1920, 1080), "empty-bar")
    bar = projector.bar.geometry().adjusted(projector.bar.height() // 2, 4, -projector.bar.height() // 2, -4)
    colours = {
        image.pixelColor(x, y).name()
        for x in range(bar.left(), bar.right(), 7)
        for y in (bar.top(), bar.center().y(), bar.bottom())
    }
    assert colours == {PROJECTOR.empty_bar}  # no band lines, no text through it
    assert "nobody has spoken yet" in projector.bar_caption.text()
    session.act(RunAction.TOGGLE)
    session.act(RunAction.SPEAKER, MARKETING)
    clock.advance(60)
    session.tick()
    assert projector.marketing_share.text() == "100% Marketing"
