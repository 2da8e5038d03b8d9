"""First visit to the Goals page (and to the Run page) of a large workshop: press to painted.

Each run is a new process (the page's modules are imported on first visit, as for a user):
the window opens the workshop, then the page is shown and the event loop runs until it is
painted. For Goals, "painted" means every column's cards on screen, not the first frame:
a long column lays its cards out over a few turns of the event loop after the board's
first frame, and Qt paints them when that is done, so the time runs until each column's
list has painted with its first card laid out.

Two moments of the visit: **settled**, a second after the workshop opened (no hand reaches a
page sooner; the app has imported the goal checker in the background meanwhile, see
``ui.app.warm_up``), which carries the budget; and **at once**, in the turn after the
workshop's first frame, before any of that, printed beside it.

Large: 200 goals and 60 agenda items (benchmarks/scale.py); the demo beside it. The
reference is a bare ``QListView`` of 200 plain rows shown in a new process the same way.
Budget: 100 ms.

    python benchmarks/goals_page.py [--runs 7] [--json]
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

BUDGET_MS = 100.0
SETTLED_S = "1.0"  # seconds between the workshop's first frame and the visit: a hand's reach

VISIT = """
import json, sys, time
from pathlib import Path
from benchmarks.painted import until_painted
from PySide6.QtCore import QSettings
from ui.app import create_application, start
from ui.common.dialogs import Dialogs
from ui.settings import AppPaths, AppSettings
from PySide6.QtCore import QEvent, QModelIndex, QObject
path, stage, folder, settle = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), float(sys.argv[4])
app = create_application()
settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
window = start(str(path), settings, AppPaths(folder / "d", folder / "w"), Dialogs())
window.resize(1366, 768)
until_painted(); until_painted()
until = time.perf_counter() + settle
while time.perf_counter() < until:  # the time a hand takes to reach the page's key
    app.processEvents()
    time.sleep(0.002)


class CardsShown(QObject):  # a column's list painted with its first card laid out: cards on screen
    def __init__(self, view):
        super().__init__()
        self.view, self.shown = view, view.model().rowCount() == 0
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.shown:
            self.shown = not self.view.visualRect(self.view.model().index(0, 0)).isEmpty()
        return False


started = time.perf_counter()
window.show_stage(stage)
page = window.view.page(stage)
columns = [CardsShown(view) for view in getattr(page, "views", {}).values()]
until_painted()
while not all(column.shown for column in columns) and time.perf_counter() - started < 5:
    until_painted(0.05)
print(json.dumps((time.perf_counter() - started) * 1000))
window.session and window.session.stop()
"""

BARE = """
import json, sys, time
from benchmarks.painted import until_painted
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListView
app = QApplication(sys.argv[:1])
window = QListView()
window.resize(1366, 768)
window.show()
until_painted(); until_painted()
started = time.perf_counter()
model = QStandardItemModel()
for row in range(200):
    model.appendRow(QStandardItem(f"Goal {row}: raise the rate from 12% to 17% by the end of Q3"))
window.setModel(model)
until_painted()
print(json.dumps((time.perf_counter() - started) * 1000))
"""


def visit(args: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", *args], capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def rows(runs: int = 7) -> list[Row]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        demo = write_workshop(folder / "demo.smw", items=0, people=0, goals=0, events=0)
        large = write_workshop(folder / "large.smw", **{**LARGE, "events": 0})
        cases = {
            "bare": [BARE],
            "goals demo": [VISIT, str(demo), "goals", str(folder), SETTLED_S],
            "goals large": [VISIT, str(large), "goals", str(folder), SETTLED_S],
            "goals demo at once": [VISIT, str(demo), "goals", str(folder), "0"],
            "goals large at once": [VISIT, str(large), "goals", str(folder), "0"],
            "run demo": [VISIT, str(demo), "run", str(folder), SETTLED_S],
            "run large": [VISIT, str(large), "run", str(folder), SETTLED_S],
        }
        for case in cases.values():  # untimed: bytecode, fonts
            visit(case)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):  # interleaved
            for case_name, case in cases.items():
                times[case_name].append(visit(case))
    bare = Row("bare QListView: 200 rows set, to painted (new process)", times["bare"])
    ref = bare.median
    return [
        bare,
        Row("first visit to Goals, demo, to its cards painted", times["goals demo"], BUDGET_MS, ref),
        Row("first visit to Goals, 200 goals, to its cards painted", times["goals large"], BUDGET_MS, ref),
        Row("  the same at once after opening, demo", times["goals demo at once"], reference_ms=ref),
        Row("  the same at once after opening, 200 goals", times["goals large at once"], reference_ms=ref),
        Row("first visit to Run, demo, to painted", times["run demo"], BUDGET_MS, ref),
        Row("first visit to Run, 60 items/40 people, to painted", times["run large"], BUDGET_MS, ref),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    report(rows(args.runs), args.json)


if __name__ == "__main__":
    main()
