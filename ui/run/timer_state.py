"""What the countdown says in each state of the run, in words as well as colour.

One function reads the runner and names the state; the Run page and the projector
both show it, each in its own colours (``ui.common.palette``). A warning is never
colour alone: its words ("2 min left", "OVER +1:23") and, on the projector, its
shape (a filled slab) say it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ui.run.models import clock_text
from workshop.run.runner import AgendaRunner

WARNING_SHARE = 0.2  # the last fifth of an item: the countdown warns
LAST_MS = 120_000  # the last two minutes (the chime's cue): the countdown insists


class TimerKind(Enum):
    WAITING = "waiting"  # before the first start
    NORMAL = "normal"
    WARNING = "warning"
    LAST = "last"
    OVERRUN = "overrun"
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class TimerView:
    kind: TimerKind
    digits: str  # '12:34', '+1:23', or '' with nothing to count
    words: str  # what the state is, in words: '2 min left', 'OVER +1:23', 'PAUSED'


def left_words(remaining_ms: int) -> str:
    """'2 min left', '45 s left': rounded up, so '1 min left' never hides 1:40."""
    if remaining_ms < 60_000:
        return f"{max(1, -(-remaining_ms // 1000))} s left"
    return f"{-(-remaining_ms // 60_000)} min left"


def timer_view(runner: AgendaRunner) -> TimerView:
    """The countdown's state, digits and words for the runner as it is now."""
    if not runner.started:
        first = runner.upcoming()
        digits = clock_text(runner.allotted_ms(first)) if first else ""
        return TimerView(TimerKind.WAITING, digits, "Starting soon")
    item = runner.item()
    remaining = runner.remaining_ms()
    if item is None or remaining is None:
        return TimerView(TimerKind.FINISHED, "", "")
    if remaining < 0:
        over = clock_text(-remaining)
        return TimerView(TimerKind.OVERRUN, f"+{over}", f"OVER +{over}")
    digits = clock_text(remaining)
    if not runner.running:
        return TimerView(TimerKind.PAUSED, digits, "PAUSED")
    allotted = runner.allotted_ms(item)
    if remaining <= LAST_MS or remaining <= allotted * 0.05:
        return TimerView(TimerKind.LAST, digits, left_words(remaining))
    if remaining <= allotted * WARNING_SHARE:
        return TimerView(TimerKind.WARNING, digits, left_words(remaining))
    return TimerView(TimerKind.NORMAL, digits, f"of {allotted // 60_000} min")
