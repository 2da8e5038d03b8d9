"""The Review stage's scorecard on a period's CRM export: naive times, and times with UTC offsets.

The export is the demo's synthetic CRM export (Fernhill's, five months) repeated to ``--rows``
leads. Cases alternate run by run, in this process:

- "csv pass": a plain ``csv.reader`` loop over the same file (the reference, same run);
- "scorecard, naive times": every clause of ``scorecard_for`` (MQLs by definition and CRM
  stage, first contact in working hours, accept/reject, cohorts, escalation) on the table
  already read, times read as the workshop's wall clock;
- "scorecard, times with offsets": the same export with every time written
  ``2027-01-05T14:30:00+01:00``, each turned into the workshop's zone (Europe/Berlin).

    python benchmarks/review_scorecard.py [--rows 20000] [--runs 5] [--json]

Budget: the scorecard within 75 times the csv pass (it scores the MQL definition on every
lead, as the lead bench does); offsets add at most a third to the naive case (not a budget
row: read the two medians).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, interleaved, report

BUDGET_RATIO = 75.0
START, END = date(2027, 1, 1), date(2027, 5, 31)


def write_export(path: Path, rows: int, offsets: bool) -> None:
    from workshop.demo.crm_export import demo_crm_export

    lines = demo_crm_export(START, END).splitlines()
    header, body = lines[0], lines[1:]
    out = [body[i % len(body)] for i in range(rows)]
    if offsets:
        out = [re.sub(r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})", r"\1T\2:00+01:00", line) for line in out]
    path.write_text("\n".join([header, *out]) + "\n", encoding="utf-8")


def csv_pass(path: Path) -> float:
    started = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            pass
    return time.perf_counter() - started


def rows(count: int = 20000, runs: int = 5) -> list[Row]:
    from workshop.demo.content import demo_content
    from workshop.leads.reader import read_table
    from workshop.review.meeting import scorecard_for

    content = demo_content(date(2027, 6, 1))
    content.info = dataclasses.replace(content.info, time_zone="Europe/Berlin")
    with tempfile.TemporaryDirectory() as folder:
        naive, offset = Path(folder) / "naive.csv", Path(folder) / "offset.csv"
        write_export(naive, count, False)
        write_export(offset, count, True)
        tables = {"naive": read_table(naive), "offset": read_table(offset)}

        def measure(case: str) -> float:
            if case == "csv":
                return csv_pass(naive) * 1000
            started = time.perf_counter()
            scorecard_for(content, tables[case], START, END)
            return (time.perf_counter() - started) * 1000

        times = interleaved({"csv": "csv", "naive": "naive", "offset": "offset"}, runs, measure)
    reference = sorted(times["csv"])[len(times["csv"]) // 2]
    return [
        Row(f"csv pass, {count:,} leads", times["csv"]),
        Row(
            f"scorecard, naive times, {count:,} leads",
            times["naive"],
            reference_ms=reference,
            budget_ratio=BUDGET_RATIO,
        ),
        Row(
            f"scorecard, times with offsets, {count:,} leads",
            times["offset"],
            reference_ms=reference,
            budget_ratio=BUDGET_RATIO,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report(rows(args.rows, args.runs), args.json)


if __name__ == "__main__":
    main()
