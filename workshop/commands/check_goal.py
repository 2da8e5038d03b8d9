"""``smarketing-workshop check-goal "TEXT"``: the SMART and FAST checker on one goal statement.

The same checker as the Goals page: the statement alone, or with the fields the
wizard asks for (review cadence, who it is shared with, baseline and target).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date

from workshop.clock import local_today
from workshop.commands import CommandError
from workshop.goals.checker import (
    FAST_KEYS,
    FAST_LETTERS,
    SMART_KEYS,
    SMART_LETTERS,
    Criterion,
    check_goal,
)
from workshop.goals.numbers import find_quantities, words_to_digits
from workshop.model import Goal

NAME = "check-goal"
HELP = (
    "check a goal statement against SMART (Specific, Measurable, Attainable, Relevant, Time-bound) "
    "and FAST (Frequent, Ambitious, Specific, Transparent)"
)
MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}
CADENCES = ("weekly", "fortnightly", "monthly", "quarterly")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", help='the goal statement, e.g. "Increase MQLs by 20%% by end of Q3"')
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="resolve deadlines against this date (default: today)"
    )
    parser.add_argument(
        "--cadence",
        metavar="HOW_OFTEN",
        help=f"how often the goal is reviewed ({', '.join(CADENCES)}, or your own words)",
    )
    parser.add_argument(
        "--shared-with",
        metavar="TEAM",
        help="the team (or 'company') the goal is shared with, e.g. Sales; also the team that judges it",
    )
    parser.add_argument("--baseline", metavar="X", help="today's figure, e.g. 12%% or $1.2M")
    parser.add_argument("--target", metavar="Y", help="the figure to reach, e.g. 17%% or $1.5M")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")


def _figure(flag: str, text: str | None) -> str:
    value = (text or "").strip()
    if not find_quantities(words_to_digits(value.lower())):
        raise CommandError(f"{flag} wants a figure such as 12%, 250 or $1.2M, not “{text}”")
    return value


def _print_letters(
    title: str, keys: tuple[str, ...], letters: dict[str, str], found: dict[str, Criterion]
) -> None:
    print(title)
    for key in keys:
        finding = found[key]
        name = key.replace("_", "-").capitalize()
        print(f"  {MARKS[finding.status]} {letters[key]} {name:<11} {finding.reason}")
        if finding.warning:
            print(f"    {'':<13} ! {finding.warning}")
        if finding.hint and finding.status != "pass":
            print(f"    {'':<13} → {finding.hint}")


def run(args: argparse.Namespace) -> int:
    try:
        today = date.fromisoformat(args.today) if args.today else local_today()
    except ValueError:
        raise CommandError(f"--today wants a date like 2027-06-01, not “{args.today}”") from None
    if not 1900 <= today.year <= 9000:
        raise CommandError(f"--today wants a date between the years 1900 and 9000, not “{args.today}”")
    if (args.baseline is None) != (args.target is None):
        raise CommandError("--baseline and --target go together: give today's figure and the one to reach")
    if not args.text.strip():
        raise CommandError("the goal statement is empty: write what should happen, in quotes")
    goal = replace(Goal(), statement=args.text, review_cadence=(args.cadence or "").strip())
    if args.baseline is not None:
        goal = replace(
            goal, baseline=_figure("--baseline", args.baseline), target=_figure("--target", args.target)
        )
    shared = (args.shared_with or "").strip()
    if shared:
        goal = replace(goal, shared_with=shared)
    check = check_goal(
        goal,
        today,
        other_team=shared or "the other team",
        other_key=shared,
        owner_required=False,
    )
    if args.json:
        print(json.dumps(check.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(check.text)
    _print_letters("SMART", SMART_KEYS, SMART_LETTERS, check.smart)
    _print_letters("FAST", FAST_KEYS, FAST_LETTERS, check.fast)
    verdict = "SMART" if check.is_smart else f"not SMART yet ({len(check.failing())} to fix)"
    fast = "FAST" if not check.failing_fast() else f"not FAST yet ({len(check.failing_fast())} to fix)"
    deadline = f"; deadline {check.deadline.isoformat()}" if check.deadline else ""
    print(f"Verdict: {verdict}; {fast}{deadline}")
    return 0
