"""SLA PDF export time: the whole ``smarketing-workshop export FILE --sla OUT.pdf`` process.

Each case a new process, median of the runs:
- signing now, demo: every signatory has signed but no signed PDF is stored yet, so the export
  lays out every page, draws the chart and applies three PAdES signatures (the worst case);
  also with a whole timed day in the run (so the airtime report prints);
- signing now, large: the same for the large workshop (60 agenda items, 200 goals);
- signed record: the signed PDF kept in the workshop file is written out;
- draft: the SLA after an edit, marked DRAFT, no signatures.

Cases alternate run by run (the machine's load hits all alike), beside a new process that
only prints the version (what any command costs before its work).

    python benchmarks/sla_pdf.py [--runs 9] [--json]

Budget: 1.5 s for the demo, 2 s for the large workshop.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, interleaved, report


def command() -> list[str]:
    script = shutil.which("smarketing-workshop", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "ui.launch"]


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([*command(), *args], check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def add_a_timed_day(source: Path, target: Path) -> None:
    """A copy of ``source`` whose run holds a whole timed day (so the airtime report prints)."""
    from datetime import date

    from tests.timed_day import demo_run
    from workshop.document import WorkshopDocument
    from workshop.store import files

    document = WorkshopDocument.open(source, read_only=True)
    content = document.content()
    document.close()
    content.run_log = demo_run(content, date.fromisoformat(content.info.start_date))
    files.write_content(target, content)


BUDGET_DEMO_MS = 1500.0
BUDGET_LARGE_MS = 2000.0


def rows(runs: int = 9) -> list[Row]:
    """Every case alternately, ``runs`` rounds, beside ``smarketing-workshop --version``."""
    from benchmarks.scale import LARGE, write_workshop

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        env = {**os.environ, "SMARKETING_WORKSHOP_DATA": str(base / "data")}
        demo = base / "demo.smw"
        subprocess.run([*command(), "demo", str(demo)], check=True, capture_output=True, env=env)
        unrecorded = base / "unrecorded.smw"
        shutil.copy(demo, unrecorded)
        draft = base / "draft.smw"
        shutil.copy(demo, draft)
        with sqlite3.connect(unrecorded) as conn:
            conn.execute("DELETE FROM sla_records")
        with sqlite3.connect(draft) as conn:
            conn.execute("UPDATE sla_clauses SET heading = heading || ' (edited)' WHERE position = 0")
        timed_day = base / "timed.smw"
        add_a_timed_day(unrecorded, timed_day)
        large = write_workshop(base / "large.smw", **{**LARGE, "events": 0})
        with sqlite3.connect(large) as conn:
            conn.execute("DELETE FROM sla_records")
        out = str(base / "out.pdf")
        cases: dict[str, list[str]] = {
            "reference": ["--version"],
            "demo": ["export", str(unrecorded), "--sla", out],
            "timed": ["export", str(timed_day), "--sla", out],
            "record": ["export", str(demo), "--sla", out],
            "draft": ["export", str(draft), "--sla", out],
            "large": ["export", str(large), "--sla", out],
        }
        for case in cases.values():  # untimed: bytecode, the signing authority's key
            timed(case, env)
        times = interleaved(cases, runs, lambda case: timed(case, env) * 1000)
    ref = Row("new process: smarketing-workshop --version", times["reference"])
    r = ref.median
    return [
        ref,
        Row("signed SLA export, demo (layout, chart, 3 signatures)", times["demo"], BUDGET_DEMO_MS, r),
        Row("signed SLA export, demo with a timed day's airtime", times["timed"], BUDGET_DEMO_MS, r),
        Row("signed SLA export, 60 items + 200 goals", times["large"], BUDGET_LARGE_MS, r),
        Row("SLA export, the stored signed record", times["record"], reference_ms=r),
        Row("SLA export, draft after an edit", times["draft"], reference_ms=r),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    report(rows(args.runs), args.json)


if __name__ == "__main__":
    main()
