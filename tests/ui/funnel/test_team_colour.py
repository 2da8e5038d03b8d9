"""A team colour chosen in Setup colours the funnel chart on the Funnel page and in the SLA PDF."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from reportlab.graphics.shapes import Drawing, Rect

from ui.funnel.page import FunnelPage
from ui.main_window import MainWindow
from workshop.model import DEFAULT_TEAM_COLOURS
from workshop.report.context import ReportContext
from workshop.report.layout import styles
from workshop.report.stage_sections import funnel

CHOSEN = {"sales": "#2a9d8f", "marketing": "#7b2cbf"}


def shows(colour: str, pixels: set[tuple[int, int, int]]) -> bool:
    """Whether a pixel has the colour, give or take rounding of the bars' slight transparency."""
    wanted = QColor(colour)
    target = (wanted.red(), wanted.green(), wanted.blue())
    return any(all(abs(a - b) <= 2 for a, b in zip(p, target, strict=True)) for p in pixels)


def test_a_colour_chosen_in_setup_colours_the_funnel_on_screen_and_in_the_pdf(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.view is not None and window.document is not None
    window.show()
    for key, colour in CHOSEN.items():
        window.view.setup_page.set_team_colour(key, colour)
    window.view.show_stage("funnel")
    page = window.view.pages.currentWidget()
    assert isinstance(page, FunnelPage)
    qtbot.waitUntil(lambda: page.chart.drawn > 0)
    image = page.chart.pixmap().toImage()
    pixels = {
        (c.red(), c.green(), c.blue())
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if (c := image.pixelColor(x, y)).alpha() > 200
    }
    assert shows(CHOSEN["sales"], pixels) and shows(CHOSEN["marketing"], pixels)
    assert not any(shows(default, pixels) for default in DEFAULT_TEAM_COLOURS.values())

    story = funnel(ReportContext(window.document.content(), "a4", styles()))
    (chart,) = [f for f in story if isinstance(f, Drawing)]
    fills = {"#" + str(s.fillColor.hexval())[2:] for s in chart.contents if isinstance(s, Rect)}
    assert fills == set(CHOSEN.values())
