"""``smarketing-workshop score-leads CSV --definition DEF.json``: test an MQL definition on a history."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workshop.commands import CommandError
from workshop.inputs import InputError, load_json, read_regular_file
from workshop.leads.definition import DefinitionError, MqlDefinition, definition_from_json
from workshop.leads.evaluation import Evaluation, percent, times
from workshop.leads.reader import ColumnMapping, LeadFileError, leads_from, read_table, suggest_mapping

NAME = "score-leads"
HELP = "score a CRM lead history (CSV) with an MQL definition and report how well it separates"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("csv", help="the lead history exported from the CRM (CSV)")
    parser.add_argument("--definition", required=True, metavar="DEF.json", help="the MQL definition file")
    parser.add_argument("--converted", metavar="COLUMN", help="the column that says whether a lead converted")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FILECOLUMN=FIELD",
        help="read the definition's FIELD from the file's FILECOLUMN (repeatable)",
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


def _mapping(args: argparse.Namespace, definition: MqlDefinition, columns: tuple[str, ...]) -> ColumnMapping:
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
    return ColumnMapping(fields, converted)


def run(args: argparse.Namespace) -> int:
    definition = load_definition(Path(args.definition))
    try:
        table = read_table(Path(args.csv))
        mapping = _mapping(args, definition, table.columns)
        history = leads_from(table, mapping, definition.number_fields(), Path(args.csv).name)
    except LeadFileError as error:
        raise CommandError(str(error)) from None
    metrics = Evaluation(definition, history).metrics()
    if args.json:
        print(json.dumps(metrics.as_json()))
        return 0
    unmapped = [f for f in definition.fields() if f not in mapping.fields]
    print(f"{definition.name}: threshold {definition.threshold} points")
    print(f"Leads:             {metrics.leads:,} ({table.describe()})")
    print(f"Bad rows:          {metrics.bad_rows:,}")
    for bad in history.bad_rows[:5]:
        print(f"  line {bad.line}: {bad.reason}")
    share = metrics.qualified / metrics.leads if metrics.leads else None
    print(f"Qualified (MQLs):  {metrics.qualified:,} ({percent(share)} of the leads)")
    print(f"Converted:         {metrics.converted:,}")
    print(f"MQL conversion:    {percent(metrics.mql_conversion)}")
    print(f"Other conversion:  {percent(metrics.other_conversion)}")
    print(f"Lift:              {times(metrics.lift)}")
    print(f"Precision:         {percent(metrics.precision)}")
    print(f"Recall:            {percent(metrics.recall)}")
    if unmapped:
        print(f"Not in the file (treated as missing): {', '.join(unmapped)}")
    return 0
