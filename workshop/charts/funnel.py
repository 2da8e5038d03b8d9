"""The funnel chart, drawn with matplotlib's Agg backend: for the Funnel page and the PDF report.

matplotlib is imported inside the functions, never when this module is
imported, so nothing on the start-up path pays for it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from workshop.funnel.reverse import STAGE_TITLES, FunnelResult, percent
from workshop.model import DEFAULT_TEAM_COLOURS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MARKETING_STAGES = ("visitor", "lead", "mql")


def bar_widths(counts: list[int]) -> list[float]:
    """Relative bar widths on a log scale, so 89,000 visitors and 48 deals both stay visible.

    The smallest count gets the narrowest bar (0.15), the largest the full width (1.0).
    """
    logs = [math.log10(count + 1) for count in counts]
    low, high = min(logs, default=0.0), max(logs, default=0.0)
    if high == low:
        return [1.0 for _ in counts]
    return [0.15 + 0.85 * (value - low) / (high - low) for value in logs]


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

    team_colours = {**DEFAULT_TEAM_COLOURS, **(colours or {})}
    figure = Figure(figsize=(width_in, height_in), layout="constrained")
    figure.patch.set_alpha(0.0)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.patch.set_alpha(0.0)
    stages = list(result.stages)
    counts = [result.period[s] for s in stages]
    widths = bar_widths(counts)
    rows = len(stages)
    size = min(11.0, max(7.0, height_in * 72 / rows / 2.2))  # points: a row holds a count and a rate
    for row, (stage, count, width) in enumerate(zip(stages, counts, widths, strict=True)):
        y = rows - 1 - row
        team = "marketing" if stage in MARKETING_STAGES else "sales"
        axes.barh(y, width, left=-width / 2, height=0.62, color=team_colours[team], alpha=0.9)
        axes.text(-0.62, y, STAGE_TITLES[stage], ha="right", va="center", color=text_colour, fontsize=size)
        axes.text(
            0.62, y, f"{count:,}", ha="left", va="center", color=text_colour, fontsize=size, weight="bold"
        )
        if row + 1 < rows:
            key = f"{stage}-{stages[row + 1]}"
            rate = result.rates.get(key)
            label = f"{percent(rate)} ↓" if rate is not None else "↓"
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
