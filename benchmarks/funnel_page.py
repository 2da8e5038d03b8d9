"""The Funnel page: first visit (builds the page and imports matplotlib), then redraws as inputs change.

Each first visit is a new process (so matplotlib is imported cold for the
process); redraws are timed within one process. Figures are medians.

    python benchmarks/funnel_page.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile

SCRIPT = """
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QSettings
from ui.app import create_application, start
from ui.common.dialogs import Dialogs
from ui.settings import AppPaths, AppSettings
folder = Path(sys.argv[1])
app = create_application()
settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
window = start(None, settings, AppPaths(folder / "data", folder / "docs"), Dialogs())
window.resize(1280, 800)
window.show()
app.processEvents()
started = time.perf_counter()
window.view.show_stage("funnel")
page = window.view.page("funnel")
app.processEvents()
built = time.perf_counter() - started
page.chart.draw()
first = time.perf_counter() - started
edit = page.form.edits["deal_size"]
updates, redraws = [], []
for value in ("17,000", "16,500", "19,000", "18,000", "20,000", "18,000"):
    t = time.perf_counter()
    edit.setText(value)
    edit.textEdited.emit(value)
    updates.append(time.perf_counter() - t)
    t = time.perf_counter()
    page.chart.draw()
    redraws.append(time.perf_counter() - t)
print(json.dumps([built, first, sorted(updates)[len(updates) // 2], sorted(redraws)[len(redraws) // 2]]))
window.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    builts, firsts, updates, redraws = [], [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            out = subprocess.run(
                [sys.executable, "-c", SCRIPT, folder], capture_output=True, text=True, check=True
            ).stdout
        built, first, update, redraw = json.loads(out.strip().splitlines()[-1])
        builts.append(built)
        firsts.append(first)
        updates.append(update)
        redraws.append(redraw)
    print(f"runs: {runs}, median, offscreen")
    rows = (
        ("first visit: page built and shown", builts),
        ("first visit: until the chart is on screen", firsts),
        ("outputs updated after a keystroke", updates),
        ("chart redrawn", redraws),
    )
    for label, values in rows:
        print(f"{label + ':':<48}{statistics.median(values) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
