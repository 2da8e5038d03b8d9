"""Charts for the reports, drawn as reportlab vector graphics.

Vector charts print sharp at any zoom and cost nothing to import: matplotlib alone takes
about 0.75 s to import on the development machine, half the SLA export's time budget.
"""

from __future__ import annotations

from collections import defaultdict

from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, Line, Rect, String
from reportlab.lib import colors

from workshop.model import JOINT, MARKETING, SALES, WorkshopContent, team_name
from workshop.report.text import SANS, clean

_FALLBACK = {JOINT: "#94a3b8", "facilitator": "#cbd5e1"}
INK = colors.HexColor("#1e293b")
MUTED = colors.HexColor("#64748b")


def _label(text: str, limit: int = 18) -> str:
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def planned_time_chart(content: WorkshopContent, width: float) -> Drawing:
    """Horizontal bars of planned minutes per owner (breaks left out), ``width`` points wide."""
    # The renderer resets to its default font between shapes; make that the embedded font,
    # or every chart page would also reference the unembedded Helvetica.
    STATE_DEFAULTS["fontName"] = SANS
    colours = {t.key: t.colour for t in content.teams}
    minutes: dict[str, int] = defaultdict(int)
    for item in content.agenda:
        if item.kind != "break":
            minutes[item.owner] += max(item.minutes, 0)
    order = [k for k in (SALES, MARKETING, JOINT, "facilitator") if minutes.get(k)]
    row, label_width, value_width = 20.0, 90.0, 50.0
    height = row * len(order) + 28
    drawing = Drawing(width, height)
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
        try:
            fill = colors.HexColor(colours.get(key) or _FALLBACK.get(key, "#94a3b8"))
        except (ValueError, TypeError):
            fill = colors.HexColor("#94a3b8")
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
