"""``smarketing-workshop score-leads CSV --definition DEF.json``: test an MQL definition on a history."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workshop.commands import CommandError
from workshop.inputs import InputError, load_json, read_regular_file
from workshop.leads.definition import DefinitionError, MqlDefinition, definition_from_json
from workshop.leads.evaluation import Evaluation, Metrics, percent, times
from workshop.leads.numbers import DECIMALS
from workshop.leads.outcomes import LOST, WON, default_choices
from workshop.leads.reader import (
    ColumnMapping,
    LeadFileError,
    LeadHistory,
    LeadTable,
    column_key,
    leads_from,
    read_table,
    suggest_mapping,
)

CREATED_KEYS = ("createddate", "createdate", "createdon", "created", "createdat", "leadcreateddate")
NAME = "score-leads"
HELP = "score a CRM lead history (CSV) with an MQL definition and report how well it separates"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("csv", help="the lead history exported from the CRM (CSV)")
    parser.add_argument("--definition", required=True, metavar="DEF.json", help="the MQL definition file")
    parser.add_argument("--converted", metavar="COLUMN", help="the column that says whether a lead converted")
    parser.add_argument(
        "--won",
        action="append",
        default=[],
        metavar="VALUE",
        help="a value of the outcome column that means converted (repeatable); "
        "with --won alone, every other value means not converted",
    )
    parser.add_argument(
        "--lost",
        action="append",
        default=[],
        metavar="VALUE",
        help="a value that means not converted (repeatable); with both --won and --lost, "
        "other values (open deals) are left out; with neither, yes/no, 1/0, Won/Lost, "
        "Closed Won/Closed Lost and the usual CRM stages decide",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FILECOLUMN=FIELD",
        help="read the definition's FIELD from the file's FILECOLUMN (repeatable)",
    )
    parser.add_argument(
        "--decimal",
        choices=DECIMALS,
        help="how the file writes decimals (point: 1,234.5; comma: 1.234,5); "
        "by default decided per column from its values",
    )
    parser.add_argument(
        "--dates",
        choices=("day-first", "month-first"),
        help="how the file writes dates such as 04/03/2027; by default decided per column from its values",
    )
    parser.add_argument(
        "--created",
        metavar="COLUMN",
        help="fair cohorts: the column with each lead's creation date (with --sales-cycle-days)",
    )
    parser.add_argument(
        "--sales-cycle-days",
        type=int,
        default=0,
        metavar="DAYS",
        help="fair cohorts: leave out leads created within DAYS before the newest lead; "
        "they have not had time to convert",
    )
    parser.add_argument(
        "--allow-unmapped",
        action="store_true",
        help="give partial figures when some of the definition's fields are not in the file "
        "(the rules on them are left out, and every figure says it is partial)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def load_definition(path: Path) -> MqlDefinition:
    try:
        data = load_json(read_regular_file(path, "definition file", limit=10 * 1024 * 1024), str(path))
    except InputError as error:
        raise CommandError(str(error)) from None
    try:
        return definition_from_json(data)
    except DefinitionError as error:
        raise CommandError(f"{path}: {error}") from None


def _outcome_values(table: LeadTable, column: str, wanted: list[str], option: str) -> list[str]:
    """The file's own spelling of each value named on the command line (case and spaces aside)."""
    present = {v.casefold(): v for v in table.values(column)}
    out = []
    for value in wanted:
        found = present.get(value.strip().casefold())
        if found is None:
            shown = ", ".join(sorted(v or "(blank)" for v in present.values())[:12])
            raise CommandError(f"{option} {value!r}: “{column}” has no such value; it has {shown}")
        out.append(found)
    return out


def _created_column(args: argparse.Namespace, columns: tuple[str, ...]) -> str:
    """The creation-date column for fair cohorts: named, or found by its usual names."""
    if args.created and args.created not in columns:
        raise CommandError(f"the file has no column {args.created!r}")
    if args.sales_cycle_days < 0:
        raise CommandError("--sales-cycle-days must be 0 or more")
    if not args.sales_cycle_days or args.created:
        return str(args.created or "")
    created = next((c for c in columns if column_key(c) in CREATED_KEYS), "")
    if not created:
        raise CommandError("name the column with each lead's creation date: --created COLUMN")
    return created


def _mapping(args: argparse.Namespace, definition: MqlDefinition, table: LeadTable) -> ColumnMapping:
    columns = table.columns
    suggested = suggest_mapping(definition.fields(), columns)
    fields = dict(suggested.fields)
    for item in args.map:
        column, sep, name = item.partition("=")
        if not sep or not column.strip() or not name.strip():
            raise CommandError(f"--map {item!r} should read FILECOLUMN=FIELD")
        if column.strip() not in columns:
            raise CommandError(f"the file has no column {column.strip()!r}; it has {', '.join(columns)}")
        if name.strip() not in definition.fields():
            raise CommandError(
                f"the definition has no field {name.strip()!r}; it uses {', '.join(definition.fields())}"
            )
        fields[name.strip()] = column.strip()
    converted = args.converted or suggested.converted
    if not converted:
        raise CommandError("no column says whether a lead converted; name it with --converted COLUMN")
    if converted not in columns:
        raise CommandError(f"the file has no column {converted!r}")
    won = _outcome_values(table, converted, args.won, "--won")
    lost = _outcome_values(table, converted, args.lost, "--lost")
    values = list(table.values(converted))
    if won and not lost:
        lost = [v for v in values if v not in won]
    elif lost and not won:
        won = [v for v in values if v not in lost]
    elif not won and not lost:
        won, lost = (list(choice) for choice in default_choices(values))
    created = _created_column(args, columns)
    return ColumnMapping(
        fields,
        converted,
        tuple(won),
        tuple(lost),
        args.decimal or "",
        (args.dates or "").replace("-", " "),
        created if args.sales_cycle_days else "",
        args.sales_cycle_days,
    )


def run(args: argparse.Namespace) -> int:
    definition = load_definition(Path(args.definition))
    try:
        table = read_table(Path(args.csv))
        mapping = _mapping(args, definition, table)
        unmapped = mapping.unmapped(definition.fields())
        if unmapped and not args.allow_unmapped:
            raise CommandError(
                f"{len(unmapped)} of the definition's {len(definition.fields())} fields are not mapped to a "
                f"column of the file: {', '.join(unmapped)}; map them with --map FILECOLUMN=FIELD, "
                "or give --allow-unmapped for partial figures"
            )
        used = definition.without_fields(unmapped)
        history = leads_from(table, mapping, used.number_fields(), Path(args.csv).name)
    except LeadFileError as error:
        raise CommandError(str(error)) from None
    ambiguous = history.ambiguous()
    if ambiguous:
        names = ", ".join(f"“{r.column}” ({r.example})" for r in ambiguous)
        raise CommandError(
            f"the numbers of {names} could be read with a decimal point or a decimal comma, and nothing "
            "in the file decides; say which with --decimal point or --decimal comma"
        )
    cohort = history.cohort
    if cohort is not None and cohort.reading.ambiguous:
        raise CommandError(
            f"the dates of “{cohort.column}” ({cohort.reading.example}) could be day or month first, and "
            "nothing in the file decides; say which with --dates day-first or --dates month-first"
        )
    metrics = Evaluation(used, history).metrics()
    if args.json:
        print(json.dumps(_json(metrics, mapping, history, unmapped)))
        return 0
    _print_report(used, table, mapping, history, metrics, unmapped)
    return 0


def _json(
    metrics: Metrics, mapping: ColumnMapping, history: LeadHistory, unmapped: list[str]
) -> dict[str, object]:
    out: dict[str, object] = dict(metrics.as_json())
    out["partial"] = bool(unmapped)
    out["unmapped"] = unmapped
    out["left_out"] = dict(history.left_out.most_common())
    out["bad_reasons"] = [
        {"reason": b.reason, "count": b.count, "lines": list(b.lines), "examples": list(b.examples)}
        for b in history.bad_summary()
    ]
    out["outcomes"] = {"column": mapping.converted, WON: list(mapping.won), LOST: list(mapping.lost)}
    cohort = history.cohort
    out["cohort"] = (
        None
        if cohort is None
        else {
            "column": cohort.column,
            "cycle_days": cohort.cycle_days,
            "dates": cohort.reading.order,
            "newest": cohort.newest.isoformat() if cohort.newest else None,
            "too_young": cohort.too_young,
            "undated": cohort.undated,
        }
    )
    out["number_readings"] = {
        name: {"column": r.column, "decimal": r.decimal, "how": r.how, "example": r.example_text()}
        for name, r in history.readings.items()
    }
    return out


def _print_report(
    definition: MqlDefinition,
    table: LeadTable,
    mapping: ColumnMapping,
    history: LeadHistory,
    metrics: Metrics,
    unmapped: list[str],
) -> None:
    partial = " (partial)" if unmapped else ""
    if unmapped:
        print(
            f"PARTIAL FIGURES: not in the file, so their rules are left out: {', '.join(unmapped)}",
        )
    print(f"{definition.name}: threshold {definition.threshold} points")
    print(f"Leads:             {metrics.leads:,}{partial} ({table.describe()})")
    print(f"Bad rows:          {metrics.bad_rows:,}")
    for bad in history.bad_summary():
        print(f"  {bad.describe()}")
    left = sum(history.left_out.values())
    if left:
        values = ", ".join(f"{v or '(blank)'}: {n:,}" for v, n in history.left_out.most_common(8))
        print(f"Left out:          {left:,} (outcome “{mapping.converted}” neither won nor lost: {values})")
    if history.cohort is not None:
        print(f"Fair cohort:       {history.cohort.describe()}")
        print(f"  “{history.cohort.column}”: {history.cohort.reading.describe()}")
    for name, reading in history.readings.items():
        if reading.numeric:
            print(f"Numbers of “{reading.column}” ({name}): {reading.describe()}")
    share = metrics.qualified / metrics.leads if metrics.leads else None
    print(f"Qualified (MQLs):  {metrics.qualified:,} ({percent(share)} of the leads){partial}")
    print(f"Converted:         {metrics.converted:,}")
    print(f"MQL conversion:    {percent(metrics.mql_conversion)}{partial}")
    print(f"Other conversion:  {percent(metrics.other_conversion)}{partial}")
    print(f"Lift:              {times(metrics.lift)}{partial}")
    print(f"Precision:         {percent(metrics.precision)}{partial}")
    print(f"Recall:            {percent(metrics.recall)}{partial}")
