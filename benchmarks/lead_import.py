"""Reading and scoring a lead history at scale: time and peak memory against a plain csv pass.

Builds histories of the shipped X Education file's width (its 9,237 rows repeated) with
10,000, 100,000 and 1,000,000 leads, and for each:

- "csv pass": a plain ``csv.reader`` loop over the same file, in this process (the
  reference, measured in the same run so that the ratio holds on any machine);
- "score-leads": ``smarketing-workshop score-leads FILE --definition DEF --json`` in a
  child process under ``/usr/bin/time -v`` (wall time and maximum resident set size),
  i.e. reading, profiling, mapping and scoring the whole file as the command does.

Medians of ``--runs`` runs. The budget: at most 16 times the csv pass, under 400 MB, and
time per lead about flat from 10k to 1M (linear).

    python benchmarks/lead_import.py [--sizes 10000 100000 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workshop.leads.definition import definition_json
from workshop.leads.templates import x_education_definition
from workshop.resources import resource_path


def make_history(path: Path, leads: int) -> None:
    lines = resource_path("data", "leads-x-education.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(header + "\n")
        for start in range(0, leads, len(rows)):
            handle.write("\n".join(rows[: min(len(rows), leads - start)]) + "\n")


def csv_pass(path: Path) -> float:
    started = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            pass
    return time.perf_counter() - started


def score_leads(path: Path, definition: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of the score-leads command on ``path``."""
    command = [
        sys.executable,
        "-m",
        "workshop.cli",
        "score-leads",
        str(path),
        "--definition",
        str(definition),
    ]
    command.append("--json")
    timer = Path("/usr/bin/time")
    if not timer.exists():
        raise SystemExit("needs /usr/bin/time (GNU time) for peak memory")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    result = subprocess.run([str(timer), "-v", *command], capture_output=True, text=True, env=env, check=True)
    json.loads(result.stdout)  # the figures came out
    wall = re.search(
        r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr
    )
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    assert wall is not None and peak is not None, result.stderr
    hours, minutes, seconds = int(wall[1] or 0), int(wall[2]), float(wall[3])
    return hours * 3600 + minutes * 60 + seconds, int(peak[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    columns = ("leads", "MB", "csv pass s", "score s", "ratio", "µs/lead", "peak MB")
    print(" ".join(f"{c:>{w}}" for c, w in zip(columns, (10, 7, 11, 8, 6, 8, 8), strict=True)))
    with tempfile.TemporaryDirectory() as folder:
        definition = Path(folder) / "mql.json"
        definition.write_text(json.dumps(definition_json(x_education_definition())), encoding="utf-8")
        for leads in args.sizes:
            path = Path(folder) / f"leads-{leads}.csv"
            make_history(path, leads)
            references, times, peaks = [], [], []
            for _ in range(args.runs):
                references.append(csv_pass(path))
                wall, peak = score_leads(path, definition)
                times.append(wall)
                peaks.append(peak)
            reference, wall = statistics.median(references), statistics.median(times)
            size = path.stat().st_size / 1024 / 1024
            print(
                f"{leads:>10,} {size:>7.1f} {reference:>11.2f} {wall:>8.2f} {wall / reference:>6.1f} "
                f"{wall / leads * 1e6:>8.1f} {max(peaks):>8.0f}",
                flush=True,
            )
            path.unlink()
    print(f"python {sys.version.split()[0]}, {sys.platform}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
