"""Charts for the reports, drawn as reportlab vector graphics.

Vector charts print sharp at any zoom and cost nothing to import: matplotlib alone takes
about 0.75 s to import on the development machine, half the SLA export's time budget.
A chart the app also shows on screen draws the geometry ``workshop.charts`` works out for
both (:func:`~workshop.charts.funnel.funnel_bars`, :func:`~workshop.charts.airtime.item_bars`),
so screen and paper agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, Line, Rect, String
from reportlab.lib import colors

from workshop.charts.airtime import ItemBar, short_title
from workshop.charts.funnel import FunnelBar
from workshop.model import JOINT, MARKETING, SALES, WorkshopContent, team_colours, team_name
from workshop.report.text import SANS, clean
from workshop.run.airtime import GROUPS, describe_minutes

_FALLBACK = {JOINT: "#94a3b8", "facilitator": "#cbd5e1"}
INK = colors.HexColor("#1e293b")
MUTED = colors.HexColor("#64748b")


def _label(text: str, limit: int = 18) -> str:
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _drawing(width: float, height: float) -> Drawing:
    # The renderer resets to its default font between shapes; make that the embedded font,
    # or every chart page would also reference the unembedded Helvetica.
    STATE_DEFAULTS["fontName"] = SANS
    return Drawing(width, height)


def planned_time_chart(content: WorkshopContent, width: float) -> Drawing:
    """Horizontal bars of planned minutes per owner (breaks left out), ``width`` points wide."""
    colours = {**_FALLBACK, **team_colours(content.teams)}
    minutes: dict[str, int] = defaultdict(int)
    for item in content.agenda:
        if item.kind != "break":
            minutes[item.owner] += max(item.minutes, 0)
    order = [k for k in (SALES, MARKETING, JOINT, "facilitator") if minutes.get(k)]
    row, label_width, value_width = 20.0, 90.0, 50.0
    height = row * len(order) + 28
    drawing = _drawing(width, height)
    top = max((minutes[k] for k in order), default=1)
    bar_space = width - label_width - value_width
    for index, key in enumerate(order):
        y = height - 8 - row * (index + 1)
        label = _label(team_name(content.teams, key))
        drawing.add(
            String(
                label_width - 8, y + 5, label, fontName=SANS, fontSize=8.5, fillColor=INK, textAnchor="end"
            )
        )
        length = bar_space * minutes[key] / top
        fill = colors.HexColor(colours.get(key, "#94a3b8"))
        drawing.add(Rect(label_width, y + 1, length, row - 6, fillColor=fill, strokeColor=None))
        drawing.add(
            String(
                label_width + length + 5,
                y + 5,
                f"{minutes[key]} min",
                fontName=SANS,
                fontSize=8,
                fillColor=INK,
            )
        )
    drawing.add(
        Line(
            label_width,
            14,
            label_width + bar_space,
            14,
            strokeColor=colors.HexColor("#cbd5e1"),
            strokeWidth=0.6,
        )
    )
    drawing.add(
        String(
            label_width,
            3,
            "Planned minutes per owner (breaks excluded)",
            fontName=SANS,
            fontSize=7.5,
            fillColor=MUTED,
        )
    )
    return drawing


def funnel_chart(bars: Sequence[FunnelBar], width: float) -> Drawing:
    """The funnel's bars centred one per stage, as long and as coloured as ``bars`` say.

    ``bars`` come from :func:`workshop.charts.funnel.funnel_bars`, which the screen's figure draws too.
    """
    row, label_width, value_width = 17.0, 110.0, 60.0
    drawing = _drawing(width, row * len(bars) + 6)
    space = width - label_width - value_width
    for index, bar in enumerate(bars):
        y = drawing.height - row * (index + 1)
        length = space * bar.length
        drawing.add(
            String(
                label_width - 6, y + 4, bar.label, fontName=SANS, fontSize=8, fillColor=INK, textAnchor="end"
            )
        )
        drawing.add(
            Rect(
                label_width + (space - length) / 2,
                y + 1,
                length,
                row - 4,
                fillColor=colors.HexColor(bar.colour),
                strokeColor=None,
            )
        )
        drawing.add(
            String(width - value_width + 8, y + 4, f"{bar.count:,}", fontName=SANS, fontSize=8, fillColor=INK)
        )
    return drawing


def airtime_chart(
    bars: Sequence[ItemBar], labels: Mapping[str, str], colours: Mapping[str, str], width: float
) -> Drawing:
    """Stacked bars per agenda item (Sales, Marketing, facilitator, silence), under a key.

    ``bars`` come from :func:`workshop.charts.airtime.item_bars`, which the Run page draws too.
    """
    row, label_width = 15.0, 150.0
    drawing = _drawing(width, row * len(bars) + 30)
    space = width - label_width - 40
    for index, bar in enumerate(bars):
        y = drawing.height - 22 - row * (index + 1)
        drawing.add(
            String(
                label_width - 6,
                y + 3,
                short_title(clean(bar.title)),
                fontName=SANS,
                fontSize=7.5,
                fillColor=INK,
                textAnchor="end",
            )
        )
        for part in bar.segments:
            if part.length > 0:
                drawing.add(
                    Rect(
                        label_width + space * part.start,
                        y + 1,
                        space * part.length,
                        row - 4,
                        fillColor=colors.HexColor(part.colour),
                        strokeColor=None,
                    )
                )
        end = label_width + space * sum(part.length for part in bar.segments)
        drawing.add(
            String(end + 4, y + 3, describe_minutes(bar.total_ms), fontName=SANS, fontSize=7, fillColor=MUTED)
        )
    x = label_width
    for group in GROUPS:
        drawing.add(
            Rect(x, drawing.height - 10, 8, 8, fillColor=colors.HexColor(colours[group]), strokeColor=None)
        )
        drawing.add(
            String(x + 11, drawing.height - 9, labels[group], fontName=SANS, fontSize=7.5, fillColor=INK)
        )
        x += 90
    return drawing
