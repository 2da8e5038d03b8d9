"""The funnel chart: its bars, worked out once, and the matplotlib figure the Funnel page shows.

:func:`funnel_bars` is the chart's one geometry: each stage's label, count, relative length
and colour. The Funnel page draws it with matplotlib (:func:`funnel_figure`), the PDF report
with reportlab (:func:`workshop.report.charts.funnel_chart`), so screen and paper always agree.
matplotlib is imported inside the drawing functions, never when this module is imported, so
neither the start-up path nor the PDF export pays for it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from workshop.funnel.reverse import STAGE_TITLES, FunnelResult, percent
from workshop.model import DEFAULT_TEAM_COLOURS, MARKETING, SALES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MARKETING_STAGES = ("visitor", "lead", "mql")
SHORTEST = 0.15  # the smallest count's bar, as a share of the longest


def bar_widths(counts: list[int]) -> list[float]:
    """Relative bar widths on a log scale, so 89,000 visitors and 48 deals both stay visible.

    The smallest count gets the narrowest bar (0.15), the largest the full width (1.0).
    """
    logs = [math.log10(count + 1) for count in counts]
    low, high = min(logs, default=0.0), max(logs, default=0.0)
    if high == low:
        return [1.0 for _ in counts]
    return [SHORTEST + (1 - SHORTEST) * (value - low) / (high - low) for value in logs]


@dataclass(frozen=True)
class FunnelBar:
    """One stage's bar, as every drawing of the funnel shows it."""

    stage: str
    label: str  # the stage's title: "MQLs"
    count: int  # for the period
    length: float  # as a share of the longest bar (1.0), on a log scale: see bar_widths
    colour: str  # the colour of the team whose stage it is, "#rrggbb"
    rate: Fraction | None  # the conversion on to the next stage; None for the last


def funnel_bars(result: FunnelResult, colours: Mapping[str, str] | None = None) -> tuple[FunnelBar, ...]:
    """The funnel's bars, top stage first: marketing's stages in its colour, sales' in theirs.

    ``colours`` maps team keys to colours (:func:`workshop.model.team_colours`); a team left
    out takes its default.
    """
    team_colours = {**DEFAULT_TEAM_COLOURS, **(colours or {})}
    stages = list(result.stages)
    counts = [result.period[s] for s in stages]
    bars = []
    for index, (stage, count, length) in enumerate(zip(stages, counts, bar_widths(counts), strict=True)):
        below = stages[index + 1] if index + 1 < len(stages) else None
        team = MARKETING if stage in MARKETING_STAGES else SALES
        bars.append(
            FunnelBar(
                stage=stage,
                label=STAGE_TITLES.get(stage, stage),
                count=count,
                length=length,
                colour=team_colours[team],
                rate=result.rates.get(f"{stage}-{below}") if below else None,
            )
        )
    return tuple(bars)


def funnel_figure(
    result: FunnelResult,
    *,
    title: str = "",
    colours: Mapping[str, str] | None = None,
    text_colour: str = "#1e293b",
    width_in: float = 6.0,
    height_in: float = 4.0,
) -> Figure:
    """The period's counts as a funnel, top stage first, with the rate between each pair."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - heavy, only when drawing

    figure = Figure(figsize=(width_in, height_in), layout="constrained")
    figure.patch.set_alpha(0.0)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.patch.set_alpha(0.0)
    bars = funnel_bars(result, colours)
    rows = len(bars)
    size = min(11.0, max(7.0, height_in * 72 / rows / 2.2))  # points: a row holds a count and a rate
    for row, bar in enumerate(bars):
        y = rows - 1 - row
        axes.barh(y, bar.length, left=-bar.length / 2, height=0.62, color=bar.colour, alpha=0.9)
        axes.text(-0.62, y, bar.label, ha="right", va="center", color=text_colour, fontsize=size)
        axes.text(
            0.62, y, f"{bar.count:,}", ha="left", va="center", color=text_colour, fontsize=size, weight="bold"
        )
        if row + 1 < rows:
            label = f"{percent(bar.rate)} ↓" if bar.rate is not None else "↓"
            axes.text(0.62, y - 0.5, label, ha="left", va="center", color=text_colour, fontsize=size * 0.75)
    axes.set_xlim(-1.25, 1.05)
    axes.set_ylim(-0.6, rows - 0.4)
    if title:
        axes.set_title(title, color=text_colour, fontsize=size, loc="left")
    figure.text(
        0.99, 0.01, "bar widths on a log scale", ha="right", va="bottom", color=text_colour,
        fontsize=7, alpha=0.7,
    )  # fmt: skip
    return figure


def funnel_png(result: FunnelResult, *, dpi: int = 100, **options: object) -> bytes:
    """The funnel chart as PNG bytes (transparent background)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415

    figure = funnel_figure(result, **options)  # type: ignore[arg-type]
    FigureCanvasAgg(figure)  # attaches itself to the figure
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=dpi, transparent=True)
    return out.getvalue()
