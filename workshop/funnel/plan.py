"""The workshop's funnel: its stored inputs read as typed, checked, and worked out.

The Funnel page, ``export --json`` and the SLA all read the funnel through
:func:`funnel_plan` and :func:`marketing_mql_quota`, so they always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Protocol

from workshop.funnel.reverse import (
    STEPS,
    FunnelError,
    FunnelInputs,
    FunnelResult,
    Problem,
    check_inputs,
    rate_warnings,
    reverse_funnel,
    step_keys,
)
from workshop.model import QUOTA_PERIODS, FunnelSettings, QuotaLine, WorkshopContent

PERIOD_MONTHS = {"quarter": 3, "year": 12}
SUFFIXES = {"k": 10**3, "m": 10**6, "bn": 10**9}
_NUMBER = re.compile(r"^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(k|m|bn)?$")
MAX_TYPED = 40
MAX_QUOTA = 1_000_000
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def step_field(step_key: str) -> str:
    """The :class:`FunnelSettings` field that holds a step's rate: "mql-sql" -> "mql_sql"."""
    return step_key.replace("-", "_")


def parse_amount(text: str, label: str) -> Fraction | str:
    """A number as people type it ("1,200,000", "1.2m", "€250k", "-5"), or a message saying why not."""
    cleaned = re.sub(r"[\s,_'€$£¥]", "", text.strip().lower())
    if not cleaned:
        return f"{label}: enter a number."
    if len(text) > MAX_TYPED:
        return f"{label}: this is not a number anyone would type; check it."
    negative = cleaned.startswith("-")
    match = _NUMBER.match(cleaned.lstrip("-+"))
    if match is None:
        return f"{label}: “{text.strip()[:20]}” is not a number (for example 250000 or 250k)."
    try:
        value = Fraction(Decimal(match.group(1))) * SUFFIXES.get(match.group(2) or "", 1)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return f"{label}: “{text.strip()[:20]}” is not a number."
    return -value if negative else value


def parse_percent(text: str, label: str) -> Fraction | str:
    """A rate typed in percent ("25", "25%", "2.5 %") as a fraction, or a message."""
    value = parse_amount(text.replace("%", ""), label)
    return value / 100 if isinstance(value, Fraction) else value


def parse_days(text: str, label: str) -> int | str:
    """A whole number of days, or a message."""
    value = parse_amount(text, label)
    if isinstance(value, str):
        return value
    if value.denominator != 1:
        return f"{label}: enter whole days."
    return int(value)


def period_start(settings: FunnelSettings) -> date | None:
    try:
        return date.fromisoformat(settings.period_start) if settings.period_start else None
    except ValueError:
        return None


def month_label(start: date | None, month: int) -> str:
    """Month ``month`` of the period (1 is the first; 0 the month before) as a name."""
    if start is None:
        return f"Month {month}" if month >= 1 else f"{1 - month} before"
    index = start.year * 12 + start.month - 1 + month - 1
    return f"{MONTH_NAMES[index % 12]} {index // 12}"


def period_label(settings: FunnelSettings) -> str:
    """ "Q3 2027", "Year from Jan 2027", or "Quarter" / "Year" when no start is set."""
    start = period_start(settings)
    if start is None:
        return "Year" if settings.period == "year" else "Quarter"
    if settings.period == "year":
        return f"Year from {month_label(start, 1)}"
    if start.month % 3 == 1:
        return f"Q{start.month // 3 + 1} {start.year}"
    return f"Quarter from {month_label(start, 1)}"


@dataclass
class FunnelPlan:
    """The funnel as the page shows it: per-field errors and warnings, and the result if any."""

    settings: FunnelSettings
    errors: dict[str, str] = field(default_factory=dict)  # field name -> message
    warnings: dict[str, str] = field(default_factory=dict)
    result: FunnelResult | None = None

    @property
    def months(self) -> int:
        return PERIOD_MONTHS.get(self.settings.period, 3)

    def month_label(self, month: int) -> str:
        return month_label(period_start(self.settings), month)

    def mql_quota(self) -> int | None:
        """MQLs marketing delivers per month: the busiest month of the spread (None if no result)."""
        if self.result is None:
            return None
        return max((row["mql"] for row in self.result.months), default=0)


def _field_of(problem: Problem) -> str:
    return step_field(problem.field) if problem.field in STEPS else problem.field


def funnel_plan(settings: FunnelSettings) -> FunnelPlan:
    """Read the typed inputs, check them, and work out the funnel when they allow it."""
    plan = FunnelPlan(settings)
    amounts: dict[str, Fraction] = {}
    for name, label in (
        ("revenue_target", "Revenue target"),
        ("other_revenue", "Revenue from elsewhere"),
        ("deal_size", "Average deal size"),
    ):
        text = getattr(settings, name)
        value = parse_amount(text or ("0" if name == "other_revenue" else ""), label)
        if isinstance(value, str):
            plan.errors[name] = value
        else:
            amounts[name] = value
    cycle = parse_days(settings.cycle_days or "0", "Sales cycle")
    if isinstance(cycle, str):
        plan.errors["cycle_days"] = cycle
    rates: dict[str, Fraction] = {}
    for key in step_keys(settings.use_sal, settings.use_opportunity):
        rate = parse_percent(getattr(settings, step_field(key)), STEPS[key].title)
        if isinstance(rate, str):
            plan.errors[step_field(key)] = rate
        else:
            rates[key] = rate
    inputs = FunnelInputs(
        revenue_target=amounts.get("revenue_target", Fraction(0)),
        deal_size=amounts.get("deal_size", Fraction(1)),
        rates=rates,
        other_revenue=amounts.get("other_revenue", Fraction(0)),
        use_sal=settings.use_sal,
        use_opportunity=settings.use_opportunity,
        months=plan.months,
        cycle_days=cycle if isinstance(cycle, int) else 0,
    )
    for problem in check_inputs(inputs):
        plan.errors.setdefault(_field_of(problem), problem.message)
    for problem in rate_warnings(inputs):
        plan.warnings[_field_of(problem)] = problem.message
    if plan.errors:
        return plan
    try:
        plan.result = reverse_funnel(inputs)
    except FunnelError as error:
        for problem in error.problems:
            plan.errors.setdefault(_field_of(problem), problem.message)
    return plan


class HasContent(Protocol):
    def content(self) -> WorkshopContent: ...


def funnel_settings(content: WorkshopContent) -> FunnelSettings:
    """The workshop's funnel inputs (the defaults when it has none yet)."""
    return content.funnel[0] if content.funnel else FunnelSettings()


def marketing_mql_quota(source: WorkshopContent | HasContent) -> int | None:
    """MQLs per month marketing commits to in the SLA, from the funnel; None while it has errors."""
    content = source if isinstance(source, WorkshopContent) else source.content()
    return funnel_plan(funnel_settings(content)).mql_quota()


def quota_text(line: QuotaLine) -> str:
    """ "4 blog posts a month" """
    return f"{line.amount.strip()} {line.what.strip() or '…'} a {line.per}"


def quota_problems(lines: list[QuotaLine]) -> dict[tuple[int, str], str]:
    """(record id, field) -> what is wrong with a quota line: an amount that is no count, no "what"."""
    problems: dict[tuple[int, str], str] = {}
    for line in lines:
        amount = parse_amount(line.amount, "Amount")
        if isinstance(amount, str):
            problems[(line.id, "amount")] = amount
        elif amount <= 0 or amount > MAX_QUOTA:
            problems[(line.id, "amount")] = f"Amount: enter a number from 1 to {MAX_QUOTA:,}."
        if not line.what.strip():
            problems[(line.id, "what")] = "Say what is counted, for example “blog posts” or “calls”."
        if line.per not in QUOTA_PERIODS:
            problems[(line.id, "per")] = "Choose day, week, month or quarter."
    return problems


def funnel_json(content: WorkshopContent) -> dict[str, Any]:
    """The funnel section of the JSON export: inputs as typed, problems, and the result."""
    settings = funnel_settings(content)
    plan = funnel_plan(settings)
    inputs = {k: v for k, v in settings.values().items() if k not in ("id", "position")}
    result = plan.result.to_json() if plan.result else None
    if result is not None:
        for row in result["months"]:
            row["label"] = plan.month_label(row["month"])
    return {
        "inputs": inputs,
        "period_label": period_label(settings),
        "stages": list(plan.result.stages) if plan.result else [],
        "errors": plan.errors,
        "warnings": plan.warnings,
        "result": result,
        "marketing_mql_quota_per_month": plan.mql_quota(),
    }
