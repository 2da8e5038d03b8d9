"""``smarketing-workshop check-goal "TEXT"``: the SMART checker on one goal statement."""

from __future__ import annotations

import argparse
import json
from datetime import date

from workshop.clock import local_today
from workshop.commands import CommandError
from workshop.goals.checker import SMART_KEYS, SMART_LETTERS, check_statement

NAME = "check-goal"
HELP = "check a goal statement against SMART (Specific, Measurable, Attainable, Relevant, Time-bound)"
MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", help='the goal statement, e.g. "Increase MQLs by 20%% by end of Q3"')
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="resolve deadlines against this date (default: today)"
    )
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")


def run(args: argparse.Namespace) -> int:
    try:
        today = date.fromisoformat(args.today) if args.today else local_today()
    except ValueError:
        raise CommandError(f"--today wants a date like 2027-06-01, not “{args.today}”") from None
    if not 1900 <= today.year <= 9000:
        raise CommandError(f"--today wants a date between the years 1900 and 9000, not “{args.today}”")
    check = check_statement(args.text, today)
    if args.json:
        print(json.dumps(check.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(check.text)
    for key in SMART_KEYS:
        finding = check.smart[key]
        name = key.replace("_", "-").capitalize()
        print(f"  {MARKS[finding.status]} {SMART_LETTERS[key]} {name:<11} {finding.reason}")
        if finding.hint and finding.status != "pass":
            print(f"    {'':<13} → {finding.hint}")
    verdict = "SMART" if check.is_smart else f"not SMART yet ({len(check.failing())} to fix)"
    deadline = f"; deadline {check.deadline.isoformat()}" if check.deadline else ""
    print(f"Verdict: {verdict}{deadline}")
    return 0
