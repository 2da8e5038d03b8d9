"""The MQL definition: rules with points, a threshold, gates and decay, and how a lead scores.

A definition is plain data, read from and written to the JSON format documented in
docs/mql-definition.md (the same object ``export --json`` writes). A lead is a mapping
from the definition's field names to values already cleaned by
:mod:`workshop.leads.values` (``None`` for missing, ``float`` for numbers, ``str`` text).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from workshop.leads.values import number_of

FORMAT = "smarketing-mql-definition"
FORMAT_VERSION = 1
GROUPS = ("fit", "engagement", "negative")
GROUP_TITLES = {"fit": "Fit", "engagement": "Engagement", "negative": "Negative"}
OPERATORS = ("equals", "one_of", "contains", "at_least", "at_most", "between", "is_empty")
OPERATOR_TITLES = {
    "equals": "equals",
    "one_of": "is one of",
    "contains": "contains",
    "at_least": "is at least",
    "at_most": "is at most",
    "between": "is between",
    "is_empty": "is empty",
}
NUMBER_OPERATORS = ("at_least", "at_most", "between")
MAX_POINTS = 1000

Group = Literal["fit", "engagement", "negative"]
Value = str | float | None


class DefinitionError(ValueError):
    """A definition file or object that cannot be used; the message is for the user."""


@dataclass(frozen=True)
class Rule:
    """One criterion: ``field`` ``operator`` ``value`` earns ``points`` (negative rules subtract)."""

    field: str
    operator: str
    value: str = ""  # equals, contains; for one_of: values separated by "|"
    low: float | None = None  # at_least, between
    high: float | None = None  # at_most, between
    points: int = 0
    group: str = "fit"

    def choices(self) -> list[str]:
        return [v.strip() for v in self.value.split("|") if v.strip()]

    def matches(self, value: Value) -> bool:
        """Whether a lead's (cleaned) value meets this rule; a missing value meets only is_empty."""
        op = self.operator
        if op == "is_empty":
            return value is None
        if value is None:
            return False
        if op in NUMBER_OPERATORS:
            number = value if isinstance(value, float) else number_of(value)
            if number is None:
                return False
            if op == "at_least":
                return self.low is not None and number >= self.low
            if op == "at_most":
                return self.high is not None and number <= self.high
            return self.low is not None and self.high is not None and self.low <= number <= self.high
        text = _text(value).casefold()
        if op == "equals":
            return text == self.value.strip().casefold()
        if op == "one_of":
            return text in {c.casefold() for c in self.choices()}
        if op == "contains":
            needle = self.value.strip().casefold()
            return bool(needle) and needle in text
        return False

    def describe(self) -> str:
        """The rule in words, e.g. "Lead Source is one of Reference, Welingak Website"."""
        title = OPERATOR_TITLES.get(self.operator, self.operator)
        if self.operator == "is_empty":
            return f"{self.field} {title}"
        if self.operator == "one_of":
            return f"{self.field} {title} {', '.join(self.choices())}"
        if self.operator == "at_least":
            return f"{self.field} {title} {_num(self.low)}"
        if self.operator == "at_most":
            return f"{self.field} {title} {_num(self.high)}"
        if self.operator == "between":
            return f"{self.field} {title} {_num(self.low)} and {_num(self.high)}"
        return f"{self.field} {title} “{self.value}”"


@dataclass(frozen=True)
class Decay:
    """Engagement points halve every ``half_life_days`` days since the last activity."""

    field: str = "Days since last activity"
    half_life_days: float = 30.0

    def factor(self, days: Value) -> float:
        number = days if isinstance(days, float) else number_of(days) if days is not None else None
        if number is None or number <= 0 or self.half_life_days <= 0:
            return 1.0
        return float(0.5 ** (number / self.half_life_days))


@dataclass(frozen=True)
class MqlDefinition:
    """Points per rule, a threshold, must-have gates and optional decay."""

    name: str = "MQL definition"
    threshold: int = 50
    rules: tuple[Rule, ...] = ()
    gates: tuple[Rule, ...] = ()
    decay: Decay | None = None
    notes: str = ""

    def fields(self) -> list[str]:
        """The lead fields the definition reads, in first-use order."""
        names = [r.field for r in (*self.rules, *self.gates)]
        if self.decay is not None:
            names.append(self.decay.field)
        return list(dict.fromkeys(n for n in names if n))

    def number_fields(self) -> set[str]:
        used = [r for r in (*self.rules, *self.gates) if r.operator in NUMBER_OPERATORS]
        names = {r.field for r in used}
        if self.decay is not None:
            names.add(self.decay.field)
        return names

    def with_threshold(self, threshold: int) -> MqlDefinition:
        return replace(self, threshold=threshold)

    def without_fields(self, names: Sequence[str]) -> MqlDefinition:
        """The definition with its rules, gates and decay on ``names`` left out (for partial figures)."""
        if not names:
            return self
        gone = set(names)
        return replace(
            self,
            rules=tuple(r for r in self.rules if r.field not in gone),
            gates=tuple(g for g in self.gates if g.field not in gone),
            decay=None if self.decay is not None and self.decay.field in gone else self.decay,
        )


@dataclass(frozen=True)
class Score:
    """How one lead fares: its points, the rules that fired, the gates it missed."""

    points: int
    fired: tuple[tuple[Rule, float], ...] = ()  # rule, points it earned after decay
    failed_gates: tuple[Rule, ...] = ()
    qualified: bool = False


def score_lead(definition: MqlDefinition, lead: Mapping[str, Value], threshold: int | None = None) -> Score:
    """Score one lead: fit + engagement (decayed) - negative; qualified at >= threshold with all gates."""
    factor = definition.decay.factor(lead.get(definition.decay.field)) if definition.decay else 1.0
    fired: list[tuple[Rule, float]] = []
    total = 0.0
    for rule in definition.rules:
        if rule.matches(lead.get(rule.field)):
            points = float(abs(rule.points))
            if rule.group == "engagement":
                points *= factor
            if rule.group == "negative":
                points = -points
            fired.append((rule, points))
            total += points
    failed = tuple(g for g in definition.gates if not g.matches(lead.get(g.field)))
    points = math.floor(total + 0.5)
    limit = definition.threshold if threshold is None else threshold
    return Score(points, tuple(fired), failed, not failed and points >= limit)


# -- the JSON format ------------------------------------------------------------------------


def rule_json(rule: Rule, with_points: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {"field": rule.field, "operator": rule.operator}
    if rule.operator in ("equals", "contains"):
        data["value"] = rule.value
    elif rule.operator == "one_of":
        data["values"] = rule.choices()
    elif rule.operator in ("at_least", "between"):
        data["min"] = _json_number(rule.low)
    if rule.operator in ("at_most", "between"):
        data["max"] = _json_number(rule.high)
    if with_points:
        data["points"] = rule.points
    return data


def _json_number(value: float | None) -> float | int | None:
    """600 rather than 600.0, so files read the way people wrote them."""
    return int(value) if value is not None and float(value).is_integer() else value


def definition_json(definition: MqlDefinition) -> dict[str, Any]:
    """The definition as the documented JSON object."""
    groups: dict[str, list[dict[str, Any]]] = {g: [] for g in GROUPS}
    for rule in definition.rules:
        groups[rule.group].append(rule_json(rule))
    decay = None
    if definition.decay is not None:
        decay = {
            "field": definition.decay.field,
            "half_life_days": _json_number(definition.decay.half_life_days),
        }
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": definition.name,
        "threshold": definition.threshold,
        **groups,
        "gates": [rule_json(g, with_points=False) for g in definition.gates],
        "decay": decay,
        "notes": definition.notes,
    }


def _rule_from(data: Any, group: str, where: str) -> Rule:
    if not isinstance(data, dict):
        raise DefinitionError(f"{where} should be an object with a field and an operator")
    name = data.get("field")
    operator = data.get("operator")
    if not isinstance(name, str) or not name.strip():
        raise DefinitionError(f"{where} has no field name")
    if operator not in OPERATORS:
        raise DefinitionError(
            f"{where} has an unknown operator {operator!r}; use one of {', '.join(OPERATORS)}"
        )
    points = data.get("points", 0)
    if isinstance(points, bool) or not isinstance(points, int | float) or abs(points) > MAX_POINTS:
        raise DefinitionError(f"{where}: points should be a whole number up to {MAX_POINTS}")
    value = data.get("value", "")
    if operator == "one_of":
        values = data.get("values", [])
        if not isinstance(values, list) or not values:
            raise DefinitionError(f"{where}: “one of” needs a list of values")
        value = "|".join(str(v) for v in values)
    low, high = _bound(data, "min", where), _bound(data, "max", where)
    if operator in ("at_least", "between") and low is None:
        raise DefinitionError(f"{where}: “{OPERATOR_TITLES[operator]}” needs a number min")
    if operator in ("at_most", "between") and high is None:
        raise DefinitionError(f"{where}: “{OPERATOR_TITLES[operator]}” needs a number max")
    return Rule(name.strip(), operator, str(value), low, high, round(points), group)


def _bound(data: dict[str, Any], key: str, where: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DefinitionError(f"{where}: {key} should be a number")
    return float(value)


def definition_from_json(data: Any) -> MqlDefinition:
    """Read a definition object; raises DefinitionError saying what is wrong."""
    if not isinstance(data, dict):
        raise DefinitionError("an MQL definition file holds one JSON object")
    if "format" in data and data["format"] != FORMAT:
        raise DefinitionError(f"this is not an MQL definition (its format is {data['format']!r})")
    threshold = data.get("threshold")
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not math.isfinite(threshold):
        raise DefinitionError("the definition needs a number threshold")
    rules: list[Rule] = []
    for group in GROUPS:
        items = data.get(group, [])
        if not isinstance(items, list):
            raise DefinitionError(f"“{group}” should be a list of rules")
        rules += [_rule_from(r, group, f"{group} rule {i + 1}") for i, r in enumerate(items)]
    gates_data = data.get("gates", [])
    if not isinstance(gates_data, list):
        raise DefinitionError("“gates” should be a list of rules")
    gates = [_rule_from(g, "gate", f"gate {i + 1}") for i, g in enumerate(gates_data)]
    decay = None
    decay_data = data.get("decay")
    if isinstance(decay_data, dict):
        half_life = decay_data.get("half_life_days")
        if isinstance(half_life, bool) or not isinstance(half_life, int | float) or not half_life > 0:
            raise DefinitionError("decay needs half_life_days, a number of days above 0")
        decay = Decay(str(decay_data.get("field") or Decay.field), float(half_life))
    return MqlDefinition(
        name=str(data.get("name") or "MQL definition"),
        threshold=round(threshold),
        rules=tuple(rules),
        gates=tuple(gates),
        decay=decay,
        notes=str(data.get("notes") or ""),
    )


def _text(value: Value) -> str:
    if isinstance(value, float):
        return _num(value)
    return str(value).strip()


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def rules_in(definition: MqlDefinition, group: str) -> Sequence[Rule]:
    return [r for r in definition.rules if r.group == group]


def blank_rule(group: str, field_name: str = "") -> Rule:
    points = -10 if group == "negative" else 10
    return Rule(field=field_name or "Lead Source", operator="equals", value="", points=points, group=group)
