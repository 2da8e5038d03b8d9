"""How well a definition separates converting leads from the rest, on a lead history.

Leads are scored once; a new threshold then only re-counts, so a slider can move live
over tens of thousands of leads (see benchmarks/lead_threshold.py).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from workshop.leads.definition import MqlDefinition, Value
from workshop.leads.reader import LeadHistory


@dataclass(frozen=True)
class Metrics:
    """The figures the DOMAIN asks for; ratios are None when they would divide by zero."""

    leads: int
    bad_rows: int
    qualified: int
    converted: int
    converted_mqls: int
    mql_conversion: float | None
    other_conversion: float | None
    overall_conversion: float | None
    lift: float | None
    precision: float | None
    recall: float | None

    def as_json(self) -> dict[str, int | float | None]:
        """The ``score-leads --json`` shape."""
        return {
            "leads": self.leads,
            "bad_rows": self.bad_rows,
            "qualified": self.qualified,
            "converted": self.converted,
            "mql_conversion": self.mql_conversion,
            "other_conversion": self.other_conversion,
            "lift": self.lift,
            "precision": self.precision,
            "recall": self.recall,
        }


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def metrics_from_counts(leads: int, bad: int, qualified: int, converted: int, hits: int) -> Metrics:
    """Figures from counts: ``hits`` are qualified leads that converted."""
    mql = _ratio(hits, qualified)
    overall = _ratio(converted, leads)
    lift = mql / overall if mql is not None and overall else None
    return Metrics(
        leads=leads,
        bad_rows=bad,
        qualified=qualified,
        converted=converted,
        converted_mqls=hits,
        mql_conversion=mql,
        other_conversion=_ratio(converted - hits, leads - qualified),
        overall_conversion=overall,
        lift=lift,
        precision=mql,
        recall=_ratio(hits, converted),
    )


def score_all(definition: MqlDefinition, leads: list[dict[str, Value]]) -> tuple[list[int], list[bool]]:
    """Every lead's points and whether it passes the gates; the same figures as :func:`score_lead`.

    Works rule by rule with each rule's verdict on a value remembered, since a CRM column
    repeats few distinct values; this keeps a 10,000-lead history well under a second.
    """
    count = len(leads)
    totals = [0.0] * count
    factors = [1.0] * count
    if definition.decay is not None:
        decay = definition.decay
        factors = [decay.factor(lead.get(decay.field)) for lead in leads]
    for rule in definition.rules:
        verdicts: dict[Value, bool] = {}
        points = float(abs(rule.points)) * (-1 if rule.group == "negative" else 1)
        for i, lead in enumerate(leads):
            value = lead.get(rule.field)
            hit = verdicts.get(value)
            if hit is None:
                hit = verdicts[value] = rule.matches(value)
            if hit:
                totals[i] += points * factors[i] if rule.group == "engagement" else points
    gated = [True] * count
    for gate in definition.gates:
        verdicts = {}
        for i, lead in enumerate(leads):
            value = lead.get(gate.field)
            hit = verdicts.get(value)
            if hit is None:
                hit = verdicts[value] = gate.matches(value)
            if not hit:
                gated[i] = False
    return [math.floor(t + 0.5) for t in totals], gated


class Evaluation:
    """A definition scored on a history, answering "what if the threshold were T?" quickly."""

    def __init__(self, definition: MqlDefinition, history: LeadHistory) -> None:
        self.definition = definition
        self.history = history
        self.scores, self.gated = score_all(definition, history.leads)
        self.converted_total = sum(history.converted)
        # Sorted scores of leads that pass the gates, all and converting only.
        self._eligible = sorted(s for s, g in zip(self.scores, self.gated, strict=True) if g)
        self._eligible_hits = sorted(
            s for s, g, c in zip(self.scores, self.gated, history.converted, strict=True) if g and c
        )

    @property
    def leads(self) -> int:
        return len(self.scores)

    def metrics(self, threshold: int | None = None) -> Metrics:
        limit = self.definition.threshold if threshold is None else threshold
        qualified = len(self._eligible) - bisect_left(self._eligible, limit)
        hits = len(self._eligible_hits) - bisect_left(self._eligible_hits, limit)
        return metrics_from_counts(self.leads, self.history.bad_count, qualified, self.converted_total, hits)

    def distribution(self) -> tuple[Counter[int], Counter[int]]:
        """Leads per score: all, and those that converted."""
        converted = Counter(s for s, c in zip(self.scores, self.history.converted, strict=True) if c)
        return Counter(self.scores), converted

    def score_range(self) -> tuple[int, int]:
        return (min(self.scores), max(self.scores)) if self.scores else (0, 100)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def times(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"
