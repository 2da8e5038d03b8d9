"""The reverse funnel: how many deals, SQLs, MQLs, leads and visitors a revenue target needs.

Working backwards from the revenue gap (target minus revenue expected from
elsewhere), each stage is the next one divided by its conversion rate, rounded
up at every step: a fraction of a deal is not a deal (DOMAIN.md). All maths is
exact (fractions, never floats), so 3 / 0.3 is 10, not 10.000000000000002.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

STAGE_TITLES = {
    "visitor": "Visitors",
    "lead": "Leads",
    "mql": "MQLs",
    "sal": "SALs",
    "sql": "SQLs",
    "opportunity": "Opportunities",
    "won": "Deals won",
}
MAX_MONEY = Fraction(10**12)  # a trillion: beyond any one company's quarter
MAX_COUNT = 10**12  # more visitors than the internet has people
MAX_CYCLE_DAYS = 730
DAYS_PER_MONTH = 30

STAGE_NOUNS = {
    "visitor": "visitors",
    "lead": "leads",
    "mql": "MQLs",
    "sal": "SALs",
    "sql": "SQLs",
    "opportunity": "opportunities",
    "won": "deals won",
}
B2B_SOURCE = "b2blead.io 2026"
B2B_NOTE = "B2B conversion rates by funnel stage, b2blead.io “B2B Conversion Rate” (June 2026)."
RULE_OF_THUMB = "rule of thumb"
RULE_NOTE = (
    "No published benchmark: a rule of thumb. Once both teams have agreed the MQL definition, "
    "sales should accept most MQLs, and a SAL is qualified more often than a raw MQL."
)


@dataclass(frozen=True)
class Step:
    """One conversion step of the funnel, with the range of rates usually seen and where from."""

    key: str
    source: str
    target: str
    low: Fraction
    high: Fraction
    where: str  # short, shown beside the field
    note: str = B2B_NOTE  # the whole story, shown as a tooltip and in exports

    @property
    def title(self) -> str:
        return f"{STAGE_TITLES[self.source]} to {STAGE_NOUNS[self.target]}"

    @property
    def typical(self) -> str:
        return f"typically {percent(self.low)}–{percent(self.high)}"


def _p(value: int) -> Fraction:
    return Fraction(value, 100)


STEPS: dict[str, Step] = {
    s.key: s
    for s in (
        Step("visitor-lead", "visitor", "lead", _p(1), _p(5), B2B_SOURCE),
        Step("lead-mql", "lead", "mql", _p(20), _p(40), B2B_SOURCE),
        Step(
            "mql-sql",
            "mql",
            "sql",
            _p(13),
            _p(60),
            B2B_SOURCE,
            f"{B2B_NOTE[:-1]}: 30–60%; First Page Sage reports about 13% across industries. "
            "It depends most on how strict the MQL definition is.",
        ),
        Step("mql-sal", "mql", "sal", _p(60), _p(90), RULE_OF_THUMB, RULE_NOTE),
        Step("sal-sql", "sal", "sql", _p(40), _p(80), RULE_OF_THUMB, RULE_NOTE),
        Step(
            "sql-won",
            "sql",
            "won",
            _p(8),
            _p(25),
            B2B_SOURCE,
            f"SQL to opportunity (40–80%) times opportunity to won (15–30%), rounded; {B2B_NOTE}",
        ),
        Step("sql-opportunity", "sql", "opportunity", _p(40), _p(80), B2B_SOURCE),
        Step("opportunity-won", "opportunity", "won", _p(15), _p(30), B2B_SOURCE),
    )
}


def percent(rate: Fraction) -> str:
    """A rate as the percentage people say: 0.25 -> "25%", 0.015 -> "1.5%"."""
    value = rate * 100
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


def step_keys(use_sal: bool, use_opportunity: bool) -> tuple[str, ...]:
    """The steps in use, from the top of the funnel down."""
    middle = ("mql-sal", "sal-sql") if use_sal else ("mql-sql",)
    bottom = ("sql-opportunity", "opportunity-won") if use_opportunity else ("sql-won",)
    return ("visitor-lead", "lead-mql", *middle, *bottom)


def stage_keys(use_sal: bool, use_opportunity: bool) -> tuple[str, ...]:
    """The stages in use, from the top of the funnel down."""
    steps = step_keys(use_sal, use_opportunity)
    return (*(STEPS[s].source for s in steps), "won")


@dataclass(frozen=True)
class Problem:
    """Something wrong with (error) or unusual about (warning) one input."""

    field: str  # "revenue_target", "other_revenue", "deal_size", "cycle_days", "months" or a step key
    message: str
    severity: Literal["error", "warning"] = "error"


class FunnelError(ValueError):
    """The inputs cannot make a funnel; ``problems`` says which and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class FunnelInputs:
    """What the funnel is worked out from. Rates are fractions (0.25 is 25%)."""

    revenue_target: Fraction
    deal_size: Fraction
    rates: Mapping[str, Fraction]
    other_revenue: Fraction = Fraction(0)
    use_sal: bool = False
    use_opportunity: bool = False
    months: int = 3
    cycle_days: int = 0


@dataclass(frozen=True)
class FunnelResult:
    """Counts per stage for the period, and per month (month 1 is the period's first).

    ``months`` runs from ``1 - months_earlier`` to the period's last month: the
    stages before "won" happen ``months_earlier`` months before the deals close.
    """

    stages: tuple[str, ...]
    gap: Fraction
    period: dict[str, int]
    months: tuple[dict[str, int], ...]
    months_earlier: int
    rates: Mapping[str, Fraction] = field(default_factory=dict)  # the steps in use

    def month_count(self, stage: str, month: int) -> int:
        for row in self.months:
            if row["month"] == month:
                return row[stage]
        return 0

    def to_json(self) -> dict[str, Any]:
        return {
            "period": dict(self.period),
            "months": [dict(row) for row in self.months],
            "months_earlier": self.months_earlier,
        }


def check_inputs(inputs: FunnelInputs) -> list[Problem]:
    """Every reason these inputs cannot make a funnel, in the user's words."""
    problems: list[Problem] = []
    for name, label, value in (
        ("revenue_target", "The revenue target", inputs.revenue_target),
        ("other_revenue", "Revenue from elsewhere", inputs.other_revenue),
        ("deal_size", "The average deal size", inputs.deal_size),
    ):
        if value < 0:
            problems.append(Problem(name, f"{label} cannot be negative."))
        elif value > MAX_MONEY:
            problems.append(Problem(name, f"{label} is over a trillion: check the number."))
    if inputs.deal_size == 0:
        problems.append(Problem("deal_size", "The average deal size must be more than 0."))
    if not 1 <= inputs.months <= 24:
        problems.append(Problem("months", "A period has 1 to 24 months."))
    if not 0 <= inputs.cycle_days <= MAX_CYCLE_DAYS:
        problems.append(Problem("cycle_days", f"The sales cycle must be 0 to {MAX_CYCLE_DAYS} days."))
    for key in step_keys(inputs.use_sal, inputs.use_opportunity):
        title = STEPS[key].title
        rate = inputs.rates.get(key)
        if rate is None:
            problems.append(Problem(key, f"{title}: a rate is needed."))
        elif rate <= 0:
            problems.append(
                Problem(key, f"{title}: a rate of 0% means nobody moves on; enter a rate above 0.")
            )
        elif rate > 1:
            problems.append(Problem(key, f"{title}: a rate cannot be above 100%."))
    return problems


def rate_warnings(inputs: FunnelInputs) -> list[Problem]:
    """Rates in use that fall outside the typical range for their step."""
    warnings = []
    for key in step_keys(inputs.use_sal, inputs.use_opportunity):
        step, rate = STEPS[key], inputs.rates.get(key)
        if rate is None or not 0 < rate <= 1 or step.low <= rate <= step.high:
            continue
        side = "below" if rate < step.low else "above"
        message = f"{percent(rate)} is {side} the usual {percent(step.low)}–{percent(step.high)}."
        warnings.append(Problem(key, message, "warning"))
    return warnings


def spread(total: int, months: int) -> list[int]:
    """``total`` split over ``months`` as evenly as whole numbers allow, earlier months first."""
    base, extra = divmod(total, months)
    return [base + 1 if i < extra else base for i in range(months)]


def months_earlier(cycle_days: int) -> int:
    """The sales cycle in whole months (30 days each, halves rounded up): 14 -> 0, 15 -> 1, 45 -> 2."""
    return (cycle_days + DAYS_PER_MONTH // 2) // DAYS_PER_MONTH


def reverse_funnel(inputs: FunnelInputs) -> FunnelResult:
    """The counts each stage needs; raises :class:`FunnelError` when the inputs cannot make one."""
    problems = check_inputs(inputs)
    if problems:
        raise FunnelError(problems)
    gap = max(inputs.revenue_target - inputs.other_revenue, Fraction(0))
    counts = {"won": math.ceil(gap / inputs.deal_size)}
    steps = step_keys(inputs.use_sal, inputs.use_opportunity)
    for key in reversed(steps):
        step = STEPS[key]
        counts[step.source] = math.ceil(counts[step.target] / inputs.rates[key])
        if counts[step.source] > MAX_COUNT:
            message = (
                f"This funnel needs more than {MAX_COUNT:,} {STAGE_TITLES[step.source].lower()}: "
                "check the rates and the target."
            )
            raise FunnelError([Problem(key, message)])
    stages = stage_keys(inputs.use_sal, inputs.use_opportunity)
    period = {stage: counts[stage] for stage in stages}
    shift = months_earlier(inputs.cycle_days)
    first = 1 - shift
    rows = [{"month": m} | dict.fromkeys(stages, 0) for m in range(first, inputs.months + 1)]
    for stage in stages:
        offset = 0 if stage == "won" else shift
        for i, count in enumerate(spread(period[stage], inputs.months)):
            rows[i + shift - offset][stage] = count
    used = {key: inputs.rates[key] for key in steps}
    return FunnelResult(stages, gap, period, tuple(rows), shift, used)
