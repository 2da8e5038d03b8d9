"""SLA PDF export time: the whole ``smarketing-workshop export FILE --sla OUT.pdf`` process.

Three cases on the demo workshop, each a new process, median of the runs:
- signing now: every signatory has signed but no signed PDF is stored yet, so the export lays
  out every page, draws the chart and applies three PAdES signatures (the worst case);
- signed record: the signed PDF kept in the workshop file is written out;
- draft: the SLA after an edit, marked DRAFT, no signatures.

    python benchmarks/sla_pdf.py [--runs 7]

Target: under 1.5 s median for the worst case on the development machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


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

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, for tests.timed_day
    from tests.timed_day import demo_run
    from workshop.document import WorkshopDocument
    from workshop.store import files

    document = WorkshopDocument.open(source, read_only=True)
    content = document.content()
    document.close()
    content.run_log = demo_run(content, date.fromisoformat(content.info.start_date))
    files.write_content(target, content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
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
        cases = {
            "signing now (layout, charts, 3 signatures)": unrecorded,
            "signing now, with a timed day's airtime": timed_day,
            "signed record": demo,
            "draft": draft,
        }
        print(f"runs: {runs} each, median, whole process, {sys.platform}, Python {sys.version.split()[0]}")
        for name, path in cases.items():
            times = [timed(["export", str(path), "--sla", str(base / "out.pdf")], env) for _ in range(runs)]
            print(f"{name:45s} {statistics.median(times) * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
