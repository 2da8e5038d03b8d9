"""The score distribution chart: leads per score band, converted or not, and the threshold.

Drawn with matplotlib's Agg backend, without pyplot, so the page and the PDF report draw the
same chart. matplotlib is imported here only: import this module when a chart is needed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

CONVERTED = "#1b9e77"
NOT_CONVERTED = "#b8bec8"
THRESHOLD = "#d95f02"


@dataclass(frozen=True)
class ChartColours:
    """Text and axis colours, so the chart reads on a light or a dark page."""

    text: str = "#1f2937"
    background: str = "#ffffff"


def band_width(low: int, high: int) -> int:
    """A band width giving about 25-40 bars over the score range."""
    span = max(1, high - low)
    for width in (1, 2, 5, 10, 20, 25, 50, 100):
        if span / width <= 40:
            return width
    return 200


class ScoreChart:
    """A figure of the score distribution; :meth:`set_threshold` moves the line and the shading."""

    def __init__(
        self,
        all_scores: Counter[int],
        converted: Counter[int],
        threshold: int,
        size: tuple[float, float] = (6.4, 3.0),
        dpi: int = 100,
        colours: ChartColours | None = None,
        span: tuple[int, int] | None = None,
    ) -> None:
        """``span``: the lowest and highest threshold that will be shown (a slider's range)."""
        colours = colours or ChartColours()
        self.figure = Figure(figsize=size, dpi=dpi, facecolor=colours.background)
        self.canvas = FigureCanvasAgg(self.figure)
        axes = self.figure.add_subplot()
        self.axes = axes
        axes.set_facecolor(colours.background)
        low = min([*all_scores, *(span or ())], default=0)
        high = max([*all_scores, *(span or ())], default=100)
        width = band_width(low, high)
        start = (low // width) * width
        bands = list(range(start, high + 1, width))
        totals = [sum(all_scores[s] for s in range(b, b + width)) for b in bands]
        wins = [sum(converted[s] for s in range(b, b + width)) for b in bands]
        losses = [t - w for t, w in zip(totals, wins, strict=True)]
        axes.bar(bands, wins, width=width * 0.9, align="edge", color=CONVERTED, label="Converted")
        axes.bar(
            bands,
            losses,
            width=width * 0.9,
            align="edge",
            bottom=wins,
            color=NOT_CONVERTED,
            label="Did not convert",
        )
        top = max(totals, default=1) or 1
        axes.set_ylim(0, top * 1.15)
        axes.set_xlim(start - width, high + 2 * width)
        self.span = axes.axvspan(threshold, high + 2 * width, color=THRESHOLD, alpha=0.08, linewidth=0)
        self.line = axes.axvline(threshold, color=THRESHOLD, linewidth=2)
        self.label = axes.text(
            threshold,
            top * 1.1,
            f" MQL at ≥ {threshold}",
            color=THRESHOLD,
            va="top",
            fontsize=9,
            clip_on=True,
        )
        axes.set_xlabel("Score (points)", color=colours.text)
        axes.set_ylabel("Leads", color=colours.text)
        axes.tick_params(colors=colours.text, labelsize=8)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            axes.spines[side].set_color(colours.text)
        legend = axes.legend(loc="upper left", fontsize=8, frameon=False)
        for text in legend.get_texts():
            text.set_color(colours.text)
        self.right = high + 2 * width
        self.figure.subplots_adjust(left=0.1, right=0.98, bottom=0.17, top=0.96)

    def set_threshold(self, threshold: int) -> None:
        self.line.set_xdata([threshold, threshold])
        self.span.set_x(threshold)
        self.span.set_width(self.right - threshold)
        self.label.set_x(threshold)
        self.label.set_text(f" MQL at ≥ {threshold}")

    def render_rgba(self) -> tuple[int, int, bytes]:
        """Draw now; width, height and RGBA pixels."""
        self.canvas.draw()  # type: ignore[no-untyped-call]
        width, height = self.canvas.get_width_height()
        return width, height, bytes(self.canvas.buffer_rgba())  # type: ignore[no-untyped-call]

    def save_png(self, path: str) -> None:
        self.figure.savefig(path, format="png", facecolor=self.figure.get_facecolor())
