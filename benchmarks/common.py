"""What every benchmark reports: rows of a table, each a median against a budget.

A row's budget is either an absolute time (``budget_ms``) or a ratio to a reference measured
in the same run (``budget_ratio``, with ``reference_ms``): this machine's speed varies 2-4x
from run to run, the ratio much less. ``run_all.py`` prints the rows of every benchmark.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    """One measured figure: its median, spread, budget and reference."""

    name: str
    times_ms: list[float] = field(repr=False)
    budget_ms: float | None = None
    reference_ms: float | None = None
    budget_ratio: float | None = None
    note: str = ""
    unit: str = "ms"
    """What the figures count: "ms" for times, else e.g. "errors" or "%" (printed as such)."""

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def ratio(self) -> float | None:
        return self.median / self.reference_ms if self.reference_ms else None

    @property
    def holds(self) -> bool | None:
        """Whether the budget is met; None for a row with no budget (shown for information)."""
        if self.budget_ratio is not None and self.ratio is not None:
            return self.ratio <= self.budget_ratio
        if self.budget_ms is not None:
            return self.median <= self.budget_ms
        return None

    def budget_text(self) -> str:
        if self.budget_ratio is not None:
            return f"ratio ≤ {self.budget_ratio:g}"
        if self.budget_ms is not None:
            return f"≤ {self.budget_ms:g} {self.unit}"
        return "-"

    def as_json(self, times: bool = False) -> dict[str, object]:
        """The row for ``--json``: ``name``, ``median``, ``budget``, ``holds`` and the rest."""
        extra: dict[str, object] = {"times": [round(t, 4) for t in self.times_ms]} if times else {}
        return extra | {
            "name": self.name,
            "median": round(self.median, 3),
            "min": round(min(self.times_ms), 3),
            "max": round(max(self.times_ms), 3),
            "runs": len(self.times_ms),
            "unit": self.unit,
            "budget": self.budget_text(),
            "budget_ms": self.budget_ms,
            "budget_ratio": self.budget_ratio,
            "reference_ms": None if self.reference_ms is None else round(self.reference_ms, 3),
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "holds": bool(self.holds) if self.holds is not None else True,
            "note": self.note,
        }


def table(rows: list[Row]) -> str:
    """The rows as a text table: budget, median, min-max, ratio to the reference, holds."""
    lines = [
        f"{'benchmark':58s} {'budget':>14s} {'median':>10s} {'min-max':>19s} {'ratio':>7s}  holds",
    ]
    for row in rows:
        spread = f"{min(row.times_ms):.2f}-{max(row.times_ms):.2f}"
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "-"
        holds = {True: "yes", False: "NO", None: "-"}[row.holds]
        median = f"{row.median:.2f}{row.unit}" if row.unit == "ms" else f"{row.median:g} {row.unit}"
        lines.append(
            f"{row.name:58s} {row.budget_text():>14s} {median:>10s} {spread:>19s} {ratio:>7s}  {holds}"
        )
        if row.note:
            lines.append(f"    {row.note}")
    return "\n".join(lines)


def interleaved(cases: Mapping[str, T], runs: int, measure: Callable[[T], float]) -> dict[str, list[float]]:
    """Run ``measure(case)`` for each case in turn, ``runs`` rounds, so load hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            times[name].append(float(measure(case)))
    return times


def report(rows: list[Row], as_json: bool) -> None:
    """Print the rows: a table, or (``--json``) a list of objects for ``run_all.py``."""
    if as_json:
        print(json.dumps([row.as_json(times=True) for row in rows]))
    else:
        print(table(rows))
