"""The day's plan: start and end of each item, whether it fits, templates, re-planning."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

from workshop.model import NEXT_DAY, AgendaItem
from workshop.resources import resource_path

TEMPLATES = ("half-day", "full-day", "two-day")


def parse_clock(text: str, default: int = 9 * 60) -> int:
    """Minutes after midnight of an 'HH:MM' time; ``default`` when it cannot be read."""
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
    except ValueError:
        return default
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        return default
    return hours * 60 + minutes


def format_clock(minutes: float) -> str:
    """'HH:MM' for minutes after midnight (wrapping past midnight)."""
    whole = math.floor(minutes + 0.5) % (24 * 60)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def format_duration(minutes: float) -> str:
    whole = round(minutes)
    if abs(whole) < 60:
        return f"{whole} min"
    sign = "-" if whole < 0 else ""
    return f"{sign}{abs(whole) // 60} h {abs(whole) % 60:02d}"


@dataclass(frozen=True)
class Slot:
    """When an item runs: its day (1, 2, ...) and start and end in minutes after midnight."""

    item: AgendaItem
    day: int
    start: int
    end: int


def schedule(items: Sequence[AgendaItem], day_start: str) -> list[Slot]:
    """Each item's day, start and end, one after another, restarting on each new day."""
    begin = parse_clock(day_start)
    clock, day, slots = begin, 1, []
    for item in items:
        if item.kind == NEXT_DAY:
            slots.append(Slot(item, day, clock, clock))
            day, clock = day + 1, begin
            continue
        end = clock + max(0, item.effective_minutes)
        slots.append(Slot(item, day, clock, end))
        clock = end
    return slots


def planned_end(items: Sequence[AgendaItem], day_start: str, day: int = 1) -> int:
    """When a day ends by the original plan (planned minutes, not re-planned), in minutes after midnight."""
    as_planned = [AgendaItem(id=i.id, minutes=i.minutes, kind=i.kind) for i in items]
    ends = [slot.end for slot in schedule(as_planned, day_start) if slot.day == day]
    return max(ends) if ends else parse_clock(day_start)


@dataclass(frozen=True)
class DayFit:
    day: int
    planned: int  # minutes of items
    available: int  # minutes between the day's start and end

    @property
    def over(self) -> int:
        return max(0, self.planned - self.available)


def fit(items: Sequence[AgendaItem], day_start: str, day_end: str) -> list[DayFit]:
    """How each day's items compare with the time available that day."""
    available = max(0, parse_clock(day_end, 17 * 60) - parse_clock(day_start))
    days: dict[int, int] = {}
    for slot in schedule(items, day_start):
        days[slot.day] = days.get(slot.day, 0) + (slot.end - slot.start)
    return [DayFit(day, planned, available) for day, planned in sorted(days.items())] or [
        DayFit(1, 0, available)
    ]


def describe_fit(fits: Sequence[DayFit]) -> tuple[str, bool]:
    """A one-line summary of planned against available time, and whether it fits."""
    parts, ok = [], True
    for day in fits:
        label = f"Day {day.day}: " if len(fits) > 1 else ""
        text = f"{label}{format_duration(day.planned)} planned of {format_duration(day.available)}"
        if day.over:
            ok = False
            text += f" ({format_duration(day.over)} too long)"
        parts.append(text)
    return " · ".join(parts), ok


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    day_start: str
    day_end: str
    items: list[AgendaItem]


def load_template(key: str) -> Template:
    """One of the method's agenda templates (``half-day``, ``full-day``, ``two-day``)."""
    data = json.loads(resource_path("templates", "agenda", f"{key}.json").read_text(encoding="utf-8"))
    items = [AgendaItem(**entry) for entry in data["items"]]
    return Template(key, data["name"], data["day_start"], data["day_end"], items)


class ReplanError(ValueError):
    """The remaining items cannot fit even at their minimum length."""


def replan(items: Sequence[AgendaItem], available: float, minimum: int) -> dict[int, int]:
    """New lengths (minutes) for ``items`` so they fit in ``available`` minutes.

    Items shrink in proportion to their planned length, never below ``minimum``
    (nor below their planned length when that is shorter); breaks keep their
    length. Raises :class:`ReplanError` when even the minimums do not fit.
    """
    fixed = {i.id: i.minutes for i in items if i.kind in ("break", NEXT_DAY)}
    flexible = [i for i in items if i.id not in fixed]
    budget = available - sum(fixed.values())
    floors = {i.id: min(minimum, i.minutes) for i in flexible}
    if budget < sum(floors.values()):
        need = sum(floors.values()) + sum(fixed.values())
        raise ReplanError(
            f"The remaining items need at least {format_duration(need)} at {minimum} min each, "
            f"but only {format_duration(max(0, available))} are left: push the end of the day instead."
        )
    result = dict(fixed)
    pinned: dict[int, int] = {}
    while True:  # shrink the rest proportionally; pin items that would fall below their floor
        free = [i for i in flexible if i.id not in pinned]
        room = budget - sum(pinned.values())
        total = sum(i.minutes for i in free)
        factor = min(1.0, room / total) if total else 1.0
        shrunk = {i.id: math.floor(i.minutes * factor) for i in free}
        low = [i for i in free if shrunk[i.id] < floors[i.id]]
        if not low:
            break
        for item in low:
            pinned[item.id] = floors[item.id]
    result.update(pinned)
    result.update(shrunk)
    return result
