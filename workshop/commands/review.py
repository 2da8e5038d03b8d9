"""``smarketing-workshop review FILE.smw --crm EXPORT.csv``: the signed SLA against a period's CRM export."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from workshop.commands import CommandError
from workshop.document import WorkshopDocument
from workshop.inputs import InputError
from workshop.leads.reader import LeadFileError

NAME = "review"
HELP = "hold a workshop's SLA against a period's CRM export (CSV) and print the scorecard"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the workshop file (.smw)")
    parser.add_argument("--crm", required=True, metavar="EXPORT.csv", help="the CRM export for the period")
    parser.add_argument(
        "--period",
        metavar="START..END",
        help="the period reviewed, e.g. 2027-01-01..2027-03-31 (default: the latest review's, "
        "else the months the export's dates cover)",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="read FIELD (handoff, created, crm_mql or a definition field) from the export's COLUMN "
        "(repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="print the scorecard as JSON")


def _chosen(items: list[str]) -> dict[str, str]:
    chosen = {}
    for item in items:
        column, sep, name = item.partition("=")
        if not sep or not column.strip() or not name.strip():
            raise CommandError(f"--map {item!r} should read COLUMN=FIELD")
        chosen[name.strip()] = column.strip()
    return chosen


def _default_period(table: object, content: object) -> tuple[date, date]:
    from workshop.review.meeting import export_dates

    reviews = getattr(content, "reviews", [])
    for review in reversed(reviews):
        try:
            return date.fromisoformat(review.period_start), date.fromisoformat(review.period_end)
        except ValueError:
            continue
    found = export_dates(table)  # type: ignore[arg-type]
    if found is None:
        raise CommandError("the export has no dates to take a period from: give --period START..END")
    return found


def run(args: argparse.Namespace) -> int:
    from workshop.review.meeting import parse_period, read_export, scorecard_for
    from workshop.review.scorecard import describe_clause

    document = WorkshopDocument.open(args.file, read_only=True)
    try:
        content = document.content()
    finally:
        document.close()
    try:
        table = read_export(Path(args.crm))
    except (InputError, LeadFileError, OSError) as error:
        raise CommandError(f"{args.crm}: {error}") from None
    try:
        start, end = parse_period(args.period) if args.period else _default_period(table, content)
        card = scorecard_for(content, table, start, end, _chosen(args.map))
    except ValueError as error:
        raise CommandError(str(error)) from None
    if args.json:
        print(json.dumps(card.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"SLA review {start.isoformat()} to {end.isoformat()} from {table.name}")
    print(f"Reviews the SLA {card.sla_sha256}")
    print("Columns: " + ", ".join(f"{k} = {v}" for k, v in card.mapping.items()))
    for clause in card.clauses:
        for line in describe_clause(clause):
            print(line)
    return 0
