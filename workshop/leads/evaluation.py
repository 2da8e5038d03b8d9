"""How well a definition separates converting leads from the rest, on a lead history.

Leads are scored once; a new threshold then only re-counts, so a slider can move live
over tens of thousands of leads (see benchmarks/lead_threshold.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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


def score_all(definition: MqlDefinition, history: LeadHistory) -> tuple[Any, Any]:
    """Every lead's points and whether it passes the gates (numpy arrays); the same figures as
    :func:`~workshop.leads.definition.score_lead`.

    Each rule is decided once per distinct value of its field, then spread over the leads by
    their codes, so a million leads score in well under a second.
    """
    import numpy as np  # noqa: PLC0415 - numpy only when a history is scored

    count, width = history.count, len(history.fields)
    codes = np.frombuffer(history.codes, dtype=np.uint32).reshape(count, width) if width else None
    column = {name: k for k, name in enumerate(history.fields)}

    def verdicts(rule_field: str, decide: Callable[[Value], Any], missing: Any) -> Any:
        """Per lead, ``decide`` of its value of ``rule_field`` (of None when the field is not mapped)."""
        k = column.get(rule_field)
        if k is None or codes is None:
            return np.full(count, decide(None))
        per_value = np.array([decide(v) for v in history.values[k]] or [missing])
        return per_value[codes[:, k]]

    totals = np.zeros(count)
    factors = np.ones(count)
    if definition.decay is not None:
        factors = verdicts(definition.decay.field, definition.decay.factor, 1.0).astype(float)
    for rule in definition.rules:
        points = float(abs(rule.points)) * (-1 if rule.group == "negative" else 1)
        hit = verdicts(rule.field, rule.matches, False).astype(bool)
        if rule.group == "engagement":
            totals += np.where(hit, points * factors, 0.0)
        else:
            totals += np.where(hit, points, 0.0)
    gated = np.ones(count, dtype=bool)
    for gate in definition.gates:
        gated &= verdicts(gate.field, gate.matches, False).astype(bool)
    return np.floor(totals + 0.5).astype(np.int64), gated


class Evaluation:
    """A definition scored on a history, answering "what if the threshold were T?" quickly."""

    def __init__(self, definition: MqlDefinition, history: LeadHistory) -> None:
        import numpy as np  # noqa: PLC0415 - numpy only when a history is scored

        self.definition = definition
        self.history = history
        self.scores, self.gated = score_all(definition, history)
        self.converted = np.frombuffer(history.converted, dtype=np.uint8).astype(bool)
        self.converted_total = int(self.converted.sum())
        # Sorted scores of leads that pass the gates, all and converting only.
        self._eligible = np.sort(self.scores[self.gated])
        self._eligible_hits = np.sort(self.scores[self.gated & self.converted])

    @property
    def leads(self) -> int:
        return len(self.scores)

    def metrics(self, threshold: int | None = None) -> Metrics:
        limit = self.definition.threshold if threshold is None else threshold
        qualified = int(len(self._eligible) - self._eligible.searchsorted(limit, side="left"))
        hits = int(len(self._eligible_hits) - self._eligible_hits.searchsorted(limit, side="left"))
        return metrics_from_counts(self.leads, self.history.bad_count, qualified, self.converted_total, hits)

    def distribution(self) -> tuple[Counter[int], Counter[int]]:
        """Leads per score: all, and those that converted."""
        import numpy as np  # noqa: PLC0415

        def counted(scores: Any) -> Counter[int]:
            values, counts = np.unique(scores, return_counts=True)
            return Counter({int(v): int(n) for v, n in zip(values, counts, strict=True)})

        return counted(self.scores), counted(self.scores[self.converted])

    def score_range(self) -> tuple[int, int]:
        return (int(self.scores.min()), int(self.scores.max())) if len(self.scores) else (0, 100)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def times(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"
