"""How the costs grow: speaker change, open, SLA export and score-leads, each at three sizes.

Sizes double twice up to the one large size (60 items, 40 people, 200 goals, 100,000
events; 10,000 leads), so a cost that grows faster than its input shows as a ratio above 2
from one size to the next. Speaker change and open are timed in process (the domain and the
durable write: what the app does before it paints); SLA export and score-leads as the
installed command, each a new process. Medians.

    python benchmarks/growth.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
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
from benchmarks.lead_threshold import make_history
from benchmarks.scale import LARGE, write_workshop

SIZES = {
    "quarter": {key: value // 4 for key, value in LARGE.items()},
    "half": {key: value // 2 for key, value in LARGE.items()},
    "large": dict(LARGE),
}
LEADS = {"quarter": 2_500, "half": 5_000, "large": 10_000}


def command() -> list[str]:
    script = shutil.which("smarketing-workshop", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "ui.launch"]


def open_ms(path: Path) -> float:
    """Open the workshop and fold its run, as the window does before it shows it."""
    from workshop.clock import MonotonicClock
    from workshop.document import WorkshopDocument
    from workshop.model import AgendaItem, Participant
    from workshop.run.runner import AgendaRunner

    started = time.perf_counter()
    document = WorkshopDocument.open(path, read_only=True)
    AgendaRunner(
        document.run_log,
        lambda: document.typed(AgendaItem),
        lambda: {p.id: p.team for p in document.typed(Participant)},
        MonotonicClock(),
        read_only=True,
    )
    elapsed = (time.perf_counter() - started) * 1000
    document.close()
    return elapsed


def speaker_changes_ms(path: Path, presses: int) -> list[float]:
    """Speaker changes on a running timer, each written durably to the file."""
    from workshop.clock import MonotonicClock
    from workshop.document import WorkshopDocument
    from workshop.model import AgendaItem, Participant
    from workshop.run.runner import AgendaRunner

    document = WorkshopDocument.open(path)
    runner = AgendaRunner(
        document.run_log,
        lambda: document.typed(AgendaItem),
        lambda: {p.id: p.team for p in document.typed(Participant)},
        MonotonicClock(),
    )
    if not runner.running:
        runner.toggle()
    times = []
    for step in range(presses):
        started = time.perf_counter()
        runner.set_speaker(("sales", "marketing")[step % 2])
        times.append((time.perf_counter() - started) * 1000)
    runner.pause()
    document.close()
    return times


def process_ms(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([*command(), *args], check=True, capture_output=True, env=env)
    return (time.perf_counter() - started) * 1000


def rows(runs: int = 5) -> list[Row]:
    result: list[Row] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = {**os.environ, "SMARKETING_WORKSHOP_DATA": str(folder / "data")}
        paths = {size: write_workshop(folder / f"{size}.smw", **spec) for size, spec in SIZES.items()}
        # The SLA of a workshop whose run is not stored: with 60 items and a timed run the
        # airtime chart outgrows its page (reportlab LayoutError; the signed-record issue).
        unrun = {
            size: write_workshop(folder / f"{size}-unrun.smw", **{**spec, "events": 0})
            for size, spec in SIZES.items()
        }
        for path in unrun.values():
            with sqlite3.connect(path) as conn:
                conn.execute("DELETE FROM sla_records")  # signing now: layout, chart, signatures
        demo = folder / "demo.json"
        export = [*command(), "export", str(paths["quarter"]), "--json", str(demo)]
        subprocess.run(export, check=True, env=env, capture_output=True)
        definition = folder / "mql.json"
        definition.write_text(
            json.dumps(json.loads(demo.read_text(encoding="utf-8"))["mql"]["definition"]), encoding="utf-8"
        )
        histories = {}
        for size, leads in LEADS.items():
            histories[size] = folder / f"{size}.csv"
            make_history(histories[size], leads)
        out = str(folder / "out.pdf")
        for size in SIZES:  # untimed: bytecode, the signing authority
            process_ms(["export", str(unrun[size]), "--sla", out], env)
            process_ms(["score-leads", str(histories[size]), "--definition", str(definition)], env)
        opens = interleaved(paths, runs, open_ms)
        exports = interleaved(unrun, runs, lambda p: process_ms(["export", str(p), "--sla", out], env))
        scores = interleaved(
            histories,
            runs,
            lambda p: process_ms(["score-leads", str(p), "--definition", str(definition)], env),
        )
        for label, times, unit in (
            (
                "speaker change (durable write)",
                {s: speaker_changes_ms(p, 200) for s, p in paths.items()},
                "events",
            ),
            ("open (file and run folded)", opens, "events"),
            ("signed SLA export (process)", exports, "goals"),
        ):
            previous: float | None = None
            for size in SIZES:
                row = Row(
                    f"growth: {label}, {SIZES[size][unit]:,} {unit}",
                    times[size],
                    reference_ms=previous,
                    note="ratio: to the size before (2 for linear growth, 1 for flat)"
                    if previous is None
                    else "",
                )
                result.append(row)
                previous = row.median
        previous = None
        for size, leads in LEADS.items():
            row = Row(f"growth: score-leads (process), {leads:,} leads", scores[size], reference_ms=previous)
            result.append(row)
            previous = row.median
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    report(rows(args.runs), args.json)


if __name__ == "__main__":
    main()
