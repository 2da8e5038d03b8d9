"""The Funnel page: first visit to the chart drawn on screen, then an input typed to the chart redrawn.

The chart is drawn in a worker thread since the page stopped waiting for it, so timing the
call that queues it measures nothing: each figure here runs the event loop until the
chart's new picture is on the label (``FunnelChartView.drawn`` moves) and painted. Each
first visit is a new process (matplotlib is imported on first draw); redraws are timed in
that process, one per input typed. The reference is a new process drawing the same kind of
chart with matplotlib alone.

    python benchmarks/funnel_page.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, report

SCRIPT = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from benchmarks.painted import until_painted
from ui.app import create_application, start
from ui.common.dialogs import Dialogs
from ui.settings import AppPaths, AppSettings
folder = Path(sys.argv[1])
app = create_application()
settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
window = start(None, settings, AppPaths(folder / "data", folder / "docs"), Dialogs())
window.resize(1280, 800)
until_painted(); until_painted()

def until_drawn(chart, before, started):
    while chart.drawn == before and time.perf_counter() - started < 30:
        app.processEvents()
        time.sleep(0.001)
    until_painted()
    return (time.perf_counter() - started) * 1000

started = time.perf_counter()
window.view.show_stage("funnel")
page = window.view.page("funnel")
first = until_drawn(page.chart, 0, started)
edit = page.form.edits["deal_size"]
redraws = []
for value in ("17,000", "16,500", "19,000", "18,000", "20,000", "18,000"):
    before = page.chart.drawn
    started = time.perf_counter()
    edit.setText(value)
    edit.textEdited.emit(value)
    redraws.append(until_drawn(page.chart, before, started))
print(json.dumps([first, redraws]))
window.close()
"""

REFERENCE = """
import json, time
started = time.perf_counter()
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
import io
figure = Figure(figsize=(6, 4), dpi=96)
axes = figure.add_subplot()
axes.barh(["Visitors", "Leads", "MQLs", "SQLs", "Deals"], [40000, 4000, 800, 300, 60])
figure.savefig(io.BytesIO(), format="png")
print(json.dumps((time.perf_counter() - started) * 1000))
"""


def rows(runs: int = 5) -> list[Row]:
    firsts, redraws, references = [], [], []
    for run in range(runs + 1):
        with tempfile.TemporaryDirectory() as folder:
            out = subprocess.run(
                [sys.executable, "-c", SCRIPT, folder], capture_output=True, text=True, check=True
            ).stdout
        reference = subprocess.run(
            [sys.executable, "-c", REFERENCE], capture_output=True, text=True, check=True
        ).stdout
        if run == 0:
            continue  # untimed: bytecode, matplotlib's font cache
        first, redrawn = json.loads(out.strip().splitlines()[-1])
        firsts.append(first)
        redraws += redrawn
        references.append(json.loads(reference.strip().splitlines()[-1]))
    ref = Row("matplotlib alone: import and draw a bar chart (new process)", references)
    return [
        ref,
        Row("Funnel page: first visit to the chart drawn", firsts, reference_ms=ref.median),
        Row("Funnel page: an input typed to the chart redrawn", redraws),
    ]


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
