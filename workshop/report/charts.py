"""Charts for the reports, drawn with matplotlib's Agg backend into PNG bytes."""

from __future__ import annotations

import io
from collections import defaultdict

from workshop.model import JOINT, MARKETING, SALES, WorkshopContent

_OWNER_LABEL = {JOINT: "Both teams", "facilitator": "Facilitator"}


def planned_time_chart(content: WorkshopContent) -> tuple[io.BytesIO, tuple[float, float]]:
    """A horizontal bar chart of planned minutes per owner (breaks left out).

    Returns the PNG and its size in points, for a reportlab ``Image``.
    """
    from matplotlib.figure import Figure

    colours = {t.key: t.colour for t in content.teams}
    names = {t.key: t.name for t in content.teams}
    minutes: dict[str, int] = defaultdict(int)
    for item in content.agenda:
        if item.kind != "break":
            minutes[item.owner] += max(item.minutes, 0)
    order = [k for k in (SALES, MARKETING, JOINT, "facilitator") if minutes.get(k)]
    labels = [names.get(k) or _OWNER_LABEL.get(k, k.capitalize()) for k in order]
    values = [minutes[k] for k in order]
    palette = [colours.get(k, "#94a3b8" if k == JOINT else "#cbd5e1") for k in order]

    width_in, height_in = 6.4, 0.45 + 0.38 * max(len(order), 1)
    fig = Figure(figsize=(width_in, height_in), dpi=200)
    ax = fig.add_axes((0.2, 0.2, 0.74, 0.72))
    ax.barh(range(len(values)), values, color=palette, height=0.62)
    ax.set_yticks(range(len(values)), labels=labels, fontsize=8, color="#1e293b")
    ax.invert_yaxis()
    ax.set_xlabel("Planned minutes (breaks excluded)", fontsize=7.5, color="#64748b")
    ax.tick_params(axis="x", labelsize=7, colors="#64748b")
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color("#cbd5e1")
    top = max(values, default=0)
    for i, value in enumerate(values):
        ax.text(value + top * 0.01, i, f"{value} min", va="center", fontsize=7.5, color="#1e293b")
    ax.set_xlim(0, top * 1.15 if top else 1)
    out = io.BytesIO()
    fig.savefig(out, format="png")
    out.seek(0)
    return out, (width_in * 72, height_in * 72)
