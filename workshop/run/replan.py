"""Re-planning during the run: shrink what is left of today, or push the day's end."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from workshop.agenda.plan import ReplanError, format_clock, format_duration, parse_clock, replan
from workshop.edits import Update
from workshop.model import NEXT_DAY, AgendaItem, WorkshopInfo
from workshop.run.runner import AgendaRunner


def rest_of_today(items: Sequence[AgendaItem], runner: AgendaRunner) -> list[AgendaItem]:
    """The items after the current one, up to the end of its day (all of day 1 before the start)."""
    ids = [i.id for i in items]
    if runner.started and runner.item_id not in ids:
        return []
    start = ids.index(runner.item_id) + 1 if runner.item_id in ids else 0
    later = []
    for item in items[start:]:
        if item.kind == NEXT_DAY:
            break
        later.append(item)
    return later


@dataclass(frozen=True)
class ReplanProposal:
    """What re-planning would do, in words, and the edits for either choice."""

    text: str
    changes: list[Update]
    push_to: str
    push_end: Update
    error: bool


def replan_for_run(items: Sequence[AgendaItem], runner: AgendaRunner, info: WorkshopInfo) -> ReplanProposal:
    now = runner.wall()
    now_min = now.hour * 60 + now.minute + now.second / 60
    current_rest = max(0, runner.remaining_ms() or 0) / 60_000
    later = rest_of_today(items, runner)
    end_today = now_min + current_rest + sum(runner.allotted_ms(i) for i in later) / 60_000
    push_to = format_clock(math.ceil(end_today))
    push_end = Update.of(info, day_end=push_to)
    day_end = parse_clock(info.day_end, 17 * 60)
    available = day_end - now_min - current_rest
    if not later:
        return ReplanProposal("No items are left today to re-plan.", [], push_to, push_end, True)
    if end_today <= day_end + 0.5:
        text = (
            f"The day already fits: the remaining {len(later)} items end at {push_to}, "
            f"before {info.day_end}. Shrinking them would restore time only if you want an earlier finish."
        )
    else:
        text = ""
    try:
        new = replan(later, available, info.min_item_minutes)
    except ReplanError as error:
        return ReplanProposal(f"{error}", [], push_to, push_end, True)
    changes = [Update.of(i, replanned_minutes=new[i.id]) for i in later if new[i.id] != i.effective_minutes]
    before = sum(i.effective_minutes for i in later)
    after = sum(new.values())
    text = text or (
        f"To end by {info.day_end}, the remaining {len(later)} items shrink from {format_duration(before)} "
        f"to {format_duration(after)}, each in proportion to its planned length (never below "
        f"{info.min_item_minutes} min; breaks keep their length). Or keep them and end at {push_to}."
    )
    return ReplanProposal(text, changes, push_to, push_end, False)
