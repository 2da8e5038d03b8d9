"""``smarketing-workshop funnel``: the reverse funnel from a revenue target, without a workshop file."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from workshop.commands import CommandError
from workshop.funnel.reverse import (
    STAGE_TITLES,
    STEPS,
    FunnelError,
    FunnelInputs,
    FunnelResult,
    reverse_funnel,
    step_keys,
)

NAME = "funnel"
HELP = "work out deals, SQLs, MQLs, leads and visitors from a revenue target"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--revenue", required=True, metavar="R", help="revenue target for the period")
    parser.add_argument(
        "--other-revenue", default="0", metavar="E", help="revenue expected from elsewhere (default 0)"
    )
    parser.add_argument("--deal-size", required=True, metavar="A", help="average deal size")
    parser.add_argument(
        "--rate",
        action="append",
        default=[],
        metavar="STEP=X",
        help=(
            "a conversion rate as a fraction, e.g. mql-sql=0.4; steps: "
            + ", ".join(STEPS)
            + " (mql-sal and sal-sql add the SAL stage; sql-opportunity and opportunity-won"
            " add the opportunity stage)"
        ),
    )
    parser.add_argument("--months", type=int, default=3, help="months in the period (default 3)")
    parser.add_argument("--cycle-days", type=int, default=0, help="average sales cycle in days (default 0)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _number(text: str, what: str) -> Fraction:
    try:
        value = Decimal(text.replace(",", "").replace("_", "").strip())
    except InvalidOperation:
        raise CommandError(f"{what} must be a number, not “{text}”") from None
    if not value.is_finite():
        raise CommandError(f"{what} must be a number, not “{text}”")
    return Fraction(value)


def _rates(items: list[str]) -> dict[str, Fraction]:
    rates: dict[str, Fraction] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep or key not in STEPS:
            raise CommandError(f"--rate {item}: expected STEP=X with STEP one of {', '.join(STEPS)}")
        rate = _number(value, f"the {key} rate")
        if not 0 < rate <= 1:
            raise CommandError(f"the {key} rate must be above 0 and at most 1 (a fraction), not {value}")
        rates[key] = rate
    return rates


def _inputs(args: argparse.Namespace) -> FunnelInputs:
    rates = _rates(args.rate)
    use_sal = "mql-sal" in rates or "sal-sql" in rates
    use_opportunity = "sql-opportunity" in rates or "opportunity-won" in rates
    needed = step_keys(use_sal, use_opportunity)
    missing = [key for key in needed if key not in rates]
    if missing:
        raise CommandError("missing " + ", ".join(f"--rate {key}=X" for key in missing))
    unused = [key for key in rates if key not in needed]
    if unused:
        replaced = " and ".join(unused)
        raise CommandError(f"--rate {replaced} is not used when the SAL or opportunity stage replaces it")
    return FunnelInputs(
        revenue_target=_number(args.revenue, "--revenue"),
        other_revenue=_number(args.other_revenue, "--other-revenue"),
        deal_size=_number(args.deal_size, "--deal-size"),
        rates=rates,
        use_sal=use_sal,
        use_opportunity=use_opportunity,
        months=args.months,
        cycle_days=args.cycle_days,
    )


def _table(result: FunnelResult) -> str:
    stages = list(reversed(result.stages))
    width = max(len(STAGE_TITLES[s]) for s in stages) + 2
    head = f"{'':<{width}}{'Period':>12}" + "".join(f"{'M' + str(r['month']):>10}" for r in result.months)
    lines = [head]
    for stage in stages:
        cells = "".join(f"{r[stage]:>10,}" for r in result.months)
        lines.append(f"{STAGE_TITLES[stage]:<{width}}{result.period[stage]:>12,}{cells}")
    if result.months_earlier:
        lines.append(
            f"Stages before a deal is won come {result.months_earlier} month(s) earlier "
            "(the sales cycle); M0 and below are before the period starts."
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        result = reverse_funnel(_inputs(args))
    except FunnelError as error:
        raise CommandError(str(error)) from None
    if args.json:
        data = result.to_json()
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        print(_table(result))
    return 0
