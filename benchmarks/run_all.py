"""Every benchmark, one table: budget, median, min-max, ratio to its same-run reference, holds.

Each benchmark runs as its own process (``python benchmarks/NAME.py --json``) so that one's
Qt application, imports and memory do not colour the next. Processes run with bytecode
present, as a user's install has it: this environment may set ``PYTHONDONTWRITEBYTECODE``
(every process would compile every module from source, several times slower), so the
benchmarks get a private bytecode folder instead, filled by their first, untimed, runs.
Start-up is measured from a wheel installed into a temporary virtual environment.

    python benchmarks/run_all.py [--json] [--quick] [--only NAME ...]

Exit status 0 when every budget holds, 1 when one does not.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, table

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

BENCHMARKS: dict[str, tuple[list[str], list[str]]] = {
    # name: (arguments, arguments with --quick)
    "startup": (["--runs", "15"], ["--runs", "5"]),
    "run_page": (["--presses", "300"], ["--presses", "200"]),
    "open_workshop": (["--runs", "9"], ["--runs", "3"]),
    "goals_page": (["--runs", "7"], ["--runs", "3"]),
    "sla_pdf": (["--runs", "9"], ["--runs", "3"]),
    "smart_check": (["--rounds", "20"], ["--rounds", "5"]),
    "lead_threshold": (["--updates", "60"], ["--updates", "20"]),
    "funnel_page": (["--runs", "5"], ["--runs", "2"]),
    "growth": (["--runs", "5"], ["--runs", "2"]),
    "room_load": (["--clients", "60", "--seconds", "60"], ["--clients", "60", "--seconds", "20"]),
    "review_scorecard": (["--runs", "5"], ["--runs", "3"]),
}
"""The benchmarks run_all runs, in order."""


def run_one(name: str, quick: bool, env: dict[str, str]) -> list[Row]:
    """The rows of one benchmark, or one failing row saying why it could not run."""
    arguments = BENCHMARKS[name][1 if quick else 0]
    result = subprocess.run(
        [sys.executable, str(HERE / f"{name}.py"), *arguments, "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("[")]
    if result.returncode != 0 or not lines:
        reason = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return [Row(f"{name}: did not run ({reason[:60]})", [float("inf")], budget_ms=0.0)]
    return [
        Row(
            row["name"],
            row["times"],
            row["budget_ms"],
            row["reference_ms"],
            row["budget_ratio"],
            row["note"],
            row.get("unit", "ms"),
        )
        for row in json.loads(lines[-1])
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print the rows as a JSON list")
    parser.add_argument("--quick", action="store_true", help="fewer runs each (a smoke test)")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these")
    args = parser.parse_args()
    names = args.only or list(BENCHMARKS)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as bytecode:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = bytecode
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
        for name in names:
            if not args.json:
                print(f"running {name}…", file=sys.stderr, flush=True)
            rows += run_one(name, args.quick, env)
    if args.json:
        print(json.dumps([row.as_json() for row in rows], indent=1))
    else:
        print(f"Python {sys.version.split()[0]}, {sys.platform}, {os.cpu_count()} cores; bytecode present")
        print(table(rows))
    return 0 if all(row.holds is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
