"""Charts of the run's airtime: the per-item bars worked out once, and matplotlib figures as PNG bytes.

:func:`item_bars` is the per-item chart's one geometry: each agenda item's stacked minutes of
Sales, Marketing, the facilitator and silence, relative to the longest item. The Run page's
summary draws it with matplotlib's Agg backend (:func:`item_bars_png`, drawn only when the
summary is opened), the PDF report with reportlab (:func:`workshop.report.charts.airtime_chart`).
matplotlib is imported inside the drawing functions: it must never slow the app's start or
the PDF export.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop.model import MARKETING, NEXT_DAY, SALES, WorkshopContent, team_colours, team_name
from workshop.run.airtime import FACILITATOR, GROUPS, SILENCE, group_of, turns
from workshop.run.report import replay
from workshop.run.runner import AgendaRunner
from workshop.run_log import RunLog

if TYPE_CHECKING:
    from matplotlib.figure import Figure

GREY, LIGHT = "#8a8f98", "#d6d9de"  # the facilitator's and silence's colours
TITLE_LIMIT = 34


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure  # noqa: PLC0415 - heavy, only when a chart is drawn

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return figure


def _png(figure: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def airtime_colours(content: WorkshopContent) -> dict[str, str]:
    """Group -> colour: the teams' colours from Setup, grey for the facilitator and silence."""
    teams = team_colours(content.teams)
    return {
        SALES: teams[SALES],
        MARKETING: teams[MARKETING],
        FACILITATOR: GREY,
        SILENCE: LIGHT,
    }


def airtime_labels(content: WorkshopContent) -> dict[str, str]:
    """Group -> its name in a chart's key: the teams' names, "Facilitator", "Silence"."""
    return {
        SALES: team_name(content.teams, SALES),
        MARKETING: team_name(content.teams, MARKETING),
        FACILITATOR: team_name(content.teams, FACILITATOR),
        SILENCE: "Silence",
    }


def short_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """An agenda item's title cut to fit beside a bar."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Segment:
    """One group's part of an item's bar."""

    group: str  # SALES, MARKETING, FACILITATOR or SILENCE
    ms: int
    start: float  # where it starts, as a share of the longest item's bar
    length: float  # as a share of the longest item's bar (linear in time)
    colour: str


@dataclass(frozen=True)
class ItemBar:
    """An agenda item's stacked bar: its groups' segments end to end, in ``GROUPS`` order."""

    title: str  # the item's whole title
    total_ms: int
    segments: tuple[Segment, ...]


def item_bars(
    content: WorkshopContent, runner: AgendaRunner, *, planned_when_none_ran: bool = False
) -> tuple[ItemBar, ...]:
    """The per-item airtime chart's bars, agenda order: every item the timer ran in.

    ``planned_when_none_ran``: before any item has run, the planned items (breaks left out)
    with empty bars, so the chart shows what it will fill in.
    """
    items = [i for i in content.agenda if i.kind != NEXT_DAY and runner.elapsed_ms(i.id) > 0]
    if not items and planned_when_none_ran:
        items = [i for i in content.agenda if i.kind not in (NEXT_DAY, "break")]
    totals = [runner.group_totals(i.id) for i in items]
    longest = max((sum(t[g] for g in GROUPS) for t in totals), default=0) or 1
    colours = airtime_colours(content)
    bars = []
    for item, groups in zip(items, totals, strict=True):
        segments, start = [], 0
        for group in GROUPS:
            segments.append(
                Segment(group, groups[group], start / longest, groups[group] / longest, colours[group])
            )
            start += groups[group]
        bars.append(ItemBar(item.title, start, tuple(segments)))
    return tuple(bars)


def item_bars_figure(content: WorkshopContent, log: RunLog, width: float = 7.0) -> Figure:
    """Stacked bars per agenda item: minutes of Sales, Marketing, facilitator and silence."""
    bars = item_bars(content, replay(content, log), planned_when_none_ran=True)
    longest = max((bar.total_ms for bar in bars), default=0) / 60_000 or 1.0  # minutes
    colours, labels = airtime_colours(content), airtime_labels(content)
    figure = _figure(width, max(2.2, 0.38 * len(bars) + 1.2))
    axes = figure.subplots()
    names = [short_title(bar.title) for bar in bars]
    for index, group in enumerate(GROUPS):
        parts = [bar.segments[index] for bar in bars]
        axes.barh(
            names,
            [part.length * longest for part in parts],
            left=[part.start * longest for part in parts],
            color=colours[group],
            label=labels[group],
            height=0.62,
        )
    axes.invert_yaxis()
    axes.set_xlabel("minutes")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=8)
    axes.tick_params(labelsize=8)
    return figure


def item_bars_png(content: WorkshopContent, log: RunLog, dpi: int = 110, width: float = 7.0) -> bytes:
    """:func:`item_bars_figure` as PNG bytes."""
    return _png(item_bars_figure(content, log, width), dpi)


def over_time_figure(content: WorkshopContent, log: RunLog, width: float = 7.0) -> Figure:
    """Cumulative speaking minutes of each team over the running time of the day."""
    runner = replay(content, log)
    people = {p.id: p.team for p in content.participants}
    colours, labels = airtime_colours(content), airtime_labels(content)
    series: dict[str, tuple[list[float], list[float]]] = {
        g: ([0.0], [0.0]) for g in (SALES, MARKETING, FACILITATOR)
    }
    totals = dict.fromkeys(series, 0.0)
    for turn in turns(log.events, until_ms=runner.now_ms()):
        group = group_of(turn.speaker, people)
        if group not in series:
            continue
        xs, ys = series[group]
        xs.append(turn.start_ms / 60_000)
        ys.append(totals[group])
        totals[group] += (turn.end_ms - turn.start_ms) / 60_000
        xs.append(turn.end_ms / 60_000)
        ys.append(totals[group])
    end = runner.now_ms() / 60_000
    figure = _figure(width, 2.8)
    axes = figure.subplots()
    for group, (xs, ys) in series.items():
        axes.plot([*xs, end], [*ys, ys[-1]], color=colours[group], label=labels[group], linewidth=2)
    axes.set_xlabel("minutes of running time")
    axes.set_ylabel("minutes spoken")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(frameon=False, fontsize=8)
    axes.tick_params(labelsize=8)
    return figure


def over_time_png(content: WorkshopContent, log: RunLog, dpi: int = 110, width: float = 7.0) -> bytes:
    """:func:`over_time_figure` as PNG bytes."""
    return _png(over_time_figure(content, log, width), dpi)


def chart_titles() -> Sequence[str]:
    return ("Airtime per agenda item", "Airtime over the day")
