"""Charts of the run's airtime, drawn with matplotlib's Agg backend into PNG bytes.

Used by the Run page's summary (drawn only when it is opened) and by the PDF
report. matplotlib is imported inside the functions: it must never slow the
app's start.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workshop.model import MARKETING, NEXT_DAY, SALES, WorkshopContent, team_name
from workshop.run.airtime import FACILITATOR, GROUPS, SILENCE, group_of, turns
from workshop.run.report import replay
from workshop.run_log import RunLog

if TYPE_CHECKING:
    from matplotlib.figure import Figure

GREY, LIGHT = "#8a8f98", "#d6d9de"


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure  # noqa: PLC0415 - heavy, only when a chart is drawn

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return figure


def _png(figure: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _colours(content: WorkshopContent) -> dict[str, str]:
    teams = {t.key: t.colour for t in content.teams}
    return {
        SALES: teams.get(SALES, "#1f6fb2"),
        MARKETING: teams.get(MARKETING, "#d9731a"),
        FACILITATOR: GREY,
        SILENCE: LIGHT,
    }


def _labels(content: WorkshopContent) -> dict[str, str]:
    return {
        SALES: team_name(content.teams, SALES),
        MARKETING: team_name(content.teams, MARKETING),
        FACILITATOR: team_name(content.teams, FACILITATOR),
        SILENCE: "Silence",
    }


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_bars_png(content: WorkshopContent, log: RunLog, dpi: int = 110, width: float = 7.0) -> bytes:
    """Stacked bars per agenda item: minutes of Sales, Marketing, facilitator and silence."""
    runner = replay(content, log)
    items = [i for i in content.agenda if i.kind != NEXT_DAY and runner.elapsed_ms(i.id) > 0]
    if not items:
        items = [i for i in content.agenda if i.kind not in (NEXT_DAY, "break")]
    colours, labels = _colours(content), _labels(content)
    figure = _figure(width, max(2.2, 0.38 * len(items) + 1.2))
    axes = figure.subplots()
    names = [_short(i.title) for i in items]
    left = [0.0] * len(items)
    for group in GROUPS:
        values = [runner.group_totals(i.id)[group] / 60_000 for i in items]
        axes.barh(names, values, left=left, color=colours[group], label=labels[group], height=0.62)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel("minutes")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=8)
    axes.tick_params(labelsize=8)
    return _png(figure, dpi)


def over_time_png(content: WorkshopContent, log: RunLog, dpi: int = 110, width: float = 7.0) -> bytes:
    """Cumulative speaking minutes of each team over the running time of the day."""
    runner = replay(content, log)
    people = {p.id: p.team for p in content.participants}
    colours, labels = _colours(content), _labels(content)
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
    return _png(figure, dpi)


def chart_titles() -> Sequence[str]:
    return ("Airtime per agenda item", "Airtime over the day")
