"""Time per goal check: the SMART/FAST checker on the corpus statements, and its import cost.

The wizard re-checks on every keystroke, so a check must stay far under a frame
(targets: median under 5 ms, 95th percentile under 10 ms). Runs on both parts of the
corpus (development and held-out), each statement judged as of its source's date.

    python benchmarks/smart_check.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

DATA = Path(__file__).parents[1] / "tests" / "goals" / "data"
CORPUS = (DATA / "goal_corpus.json", DATA / "goal_corpus_heldout.json")


def import_ms() -> float:
    """Milliseconds to import the checker in a fresh process (what the Goals page and CLI pay)."""
    code = (
        "import time; t = time.perf_counter(); import workshop.goals.checker; print(time.perf_counter() - t)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    return statistics.median(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    from workshop.goals.checker import check_statement

    rows = [row for path in CORPUS for row in json.loads(path.read_text(encoding="utf-8"))["statements"]]
    cases = [(row["text"], date.fromisoformat(row["as_of"])) for row in rows]
    texts = [text for text, _ in cases]
    times: list[float] = []
    for _ in range(args.rounds):
        for text, today in cases:
            start = time.perf_counter()
            check_statement(text, today)
            times.append(time.perf_counter() - start)
    times.sort()
    median = statistics.median(times) * 1000
    p95 = times[int(len(times) * 0.95)] * 1000
    print(
        f"checks: {len(times)} ({len(texts)} corpus statements x {args.rounds}), "
        f"Python {sys.version.split()[0]}"
    )
    print(f"median per check:   {median:6.2f} ms   (target < 5 ms)")
    print(f"95th percentile:    {p95:6.2f} ms   (target < 10 ms)")
    print(f"slowest:            {times[-1] * 1000:6.2f} ms")
    print(f"import workshop.goals.checker in a new process: {import_ms():6.1f} ms")


if __name__ == "__main__":
    main()
