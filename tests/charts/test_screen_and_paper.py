"""Each chart is drawn from one geometry on screen (matplotlib) and on paper (reportlab): they agree."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from reportlab.graphics.shapes import Drawing, Rect

from tests.timed_day import demo_run
from workshop.charts.airtime import item_bars, item_bars_figure, over_time_figure
from workshop.charts.funnel import funnel_bars, funnel_figure
from workshop.demo.content import demo_content
from workshop.funnel.plan import funnel_plan, funnel_settings
from workshop.funnel.reverse import FunnelResult
from workshop.model import MARKETING, SALES, WorkshopContent, team_colours
from workshop.report import sections, stage_sections
from workshop.report.context import ReportContext, Section
from workshop.report.layout import styles
from workshop.run.airtime import GROUPS
from workshop.run.report import replay

TODAY = date(2027, 6, 1)
CUSTOM = {SALES: "#2a9d8f", MARKETING: "#7b2cbf"}  # as if chosen in Setup


def steep_funnel() -> WorkshopContent:
    """50,000 visitors, 1,000 leads, 100 MQLs, 20 SQLs, 10 deals."""
    content = demo_content(TODAY)
    settings = dataclasses.replace(
        content.funnel[0],
        revenue_target="100k",
        other_revenue="0",
        deal_size="10k",
        visitor_lead="2",
        lead_mql="10",
        mql_sql="20",
        sql_won="50",
        use_sal=False,
        use_opportunity=False,
    )
    return dataclasses.replace(content, funnel=[settings])


def timed_day(content: WorkshopContent) -> WorkshopContent:
    """``content`` with ids, as a stored workshop has them, and a timed day."""
    content = dataclasses.replace(
        content,
        agenda=[dataclasses.replace(item, id=i + 1) for i, item in enumerate(content.agenda)],
        participants=[dataclasses.replace(p, id=i + 1) for i, p in enumerate(content.participants)],
    )
    content.run_log = demo_run(content, date(2027, 6, 14))
    return content


def result_of(content: WorkshopContent) -> FunnelResult:
    result = funnel_plan(funnel_settings(content)).result
    assert result is not None
    return result


def paper(content: WorkshopContent, section: Section) -> list[Drawing]:
    """The charts a PDF section draws."""
    return [f for f in section(ReportContext(content, "a4", styles())) if isinstance(f, Drawing)]


def bars_of(drawing: Drawing) -> list[Rect]:
    return [shape for shape in drawing.contents if isinstance(shape, Rect)]


def fill(shape: Rect) -> str:
    return "#" + str(shape.fillColor.hexval())[2:].lower()


def relative(lengths: Iterable[float]) -> list[float]:
    values = list(lengths)
    return [value / max(values) for value in values]


def screen_bars(figure: Figure) -> list[Rectangle]:
    return [patch for patch in figure.axes[0].patches if isinstance(patch, Rectangle)]


def screen_fills(figure: Figure) -> set[str]:
    return {to_hex(bar.get_facecolor()) for bar in screen_bars(figure)}


def test_funnel_bars_are_as_long_on_screen_as_on_paper() -> None:
    content = steep_funnel()
    result = result_of(content)
    assert [result.period[s] for s in ("lead", "mql", "won")] == [1000, 100, 10]
    (drawing,) = paper(content, stage_sections.funnel)
    on_paper = relative(bar.width for bar in bars_of(drawing))
    on_screen = relative(bar.get_width() for bar in screen_bars(funnel_figure(result)))
    assert on_paper == pytest.approx(on_screen)
    assert on_screen == pytest.approx([bar.length for bar in funnel_bars(result)])  # the one geometry
    assert on_screen[0] == 1.0 and len({round(x, 3) for x in on_screen}) == len(on_screen)


def test_airtime_bars_are_as_long_on_screen_as_on_paper() -> None:
    content = timed_day(demo_content(TODAY))
    bars = item_bars(content, replay(content, content.run_log))
    assert len(bars) > 5
    (drawing,) = paper(content, stage_sections.airtime)
    on_paper = [bar.width for bar in bars_of(drawing) if bar.height > 8]  # not the key's 8-point squares
    patches = screen_bars(item_bars_figure(content, content.run_log))  # one group's bars after another
    count = len(bars)
    on_screen = [patches[g * count + i].get_width() for i in range(count) for g in range(len(GROUPS))]
    geometry = [part.length for bar in bars for part in bar.segments]
    assert relative(on_paper) == pytest.approx(relative(x for x in on_screen if x > 0))
    assert relative(on_screen) == pytest.approx(relative(geometry))  # the one geometry


def test_a_team_colour_chosen_in_setup_colours_every_chart_on_screen_and_on_paper() -> None:
    content = timed_day(steep_funnel())
    content.teams = [dataclasses.replace(t, colour=CUSTOM[t.key]) for t in content.teams]
    (drawing,) = paper(content, stage_sections.funnel)
    colours = [fill(bar) for bar in bars_of(drawing)]
    assert colours == [CUSTOM[MARKETING]] * 3 + [CUSTOM[SALES]] * 2  # visitors, leads, MQLs | SQLs, deals
    figure = funnel_figure(result_of(content), colours=team_colours(content.teams))
    assert screen_fills(figure) == set(CUSTOM.values())
    (airtime,) = paper(content, stage_sections.airtime)
    assert set(CUSTOM.values()) <= {fill(bar) for bar in bars_of(airtime)}
    assert set(CUSTOM.values()) <= screen_fills(item_bars_figure(content, content.run_log))
    (planned,) = paper(content, sections.agenda)
    assert set(CUSTOM.values()) <= {fill(bar) for bar in bars_of(planned)}
    lines = over_time_figure(content, content.run_log).axes[0].lines
    assert set(CUSTOM.values()) <= {to_hex(line.get_color()) for line in lines}
