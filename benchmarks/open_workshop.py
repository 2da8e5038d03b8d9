"""Opening a workshop in the app: the demo, and the large one (60 items, 40 people, 200 goals,
a run of 100,000 events), each from a new process, to the window painted with it open.

Runs alternate between the two so the machine's load hits both alike; the budget is on the
difference of each pair: the large workshop may cost at most 300 ms more than the demo.

    python benchmarks/open_workshop.py [--runs 9] [--json]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, report
from benchmarks.scale import LARGE, write_workshop

BUDGET_BEYOND_DEMO_MS = 300.0

OPEN = """
import json, sys, time
from pathlib import Path
from benchmarks.painted import until_painted
from PySide6.QtCore import QSettings
from ui.app import create_application
from ui.common.dialogs import Dialogs
from ui.main_window import MainWindow
from ui.settings import AppPaths, AppSettings
path, folder = Path(sys.argv[1]), Path(sys.argv[2])
app = create_application()
settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
window = MainWindow(settings, AppPaths(folder / "d", folder / "w"), Dialogs())
window.resize(1366, 768)
window.show()
until_painted(); until_painted()
started = time.perf_counter()
assert window.open_path(path)
until_painted()
print(json.dumps((time.perf_counter() - started) * 1000))
window.session and window.session.stop()
"""


def open_ms(path: Path, folder: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", OPEN, str(path), str(folder)], capture_output=True, text=True, check=True
    ).stdout
    return float(out.strip().splitlines()[-1])


def rows(runs: int = 9) -> list[Row]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        demo = write_workshop(folder / "demo.smw", items=0, people=0, goals=0, events=10)
        large = write_workshop(folder / "large.smw", **LARGE)
        open_ms(demo, folder), open_ms(large, folder)  # untimed: bytecode
        demos, larges = [], []
        for _ in range(runs):
            demos.append(open_ms(demo, folder))
            larges.append(open_ms(large, folder))
    beyond = [b - a for a, b in zip(demos, larges, strict=True)]
    demo_row = Row("open a workshop: the demo, to painted", demos)
    return [
        demo_row,
        Row("open a workshop: large (100k events), to painted", larges, reference_ms=demo_row.median),
        Row("open a workshop: large beyond the demo (paired runs)", beyond, BUDGET_BEYOND_DEMO_MS),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    report(rows(args.runs), args.json)


if __name__ == "__main__":
    main()
