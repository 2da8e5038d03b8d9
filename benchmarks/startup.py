"""Start-up time: process start to the main window shown with the demo workshop.

Compared, in the same run and alternately, with a bare PySide6 window, so the
ratio says what the app adds whatever the machine's speed. Each run is a new
process; the figure is the median.

    python benchmarks/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time

HEAVY = ("matplotlib", "reportlab", "pyhanko", "sqlite_utils")

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
print(time.monotonic())
"""

APP = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from ui.app import create_application, start
from ui.common.dialogs import Dialogs
from ui.settings import AppPaths, AppSettings
folder = Path(sys.argv[1])
app = create_application()
settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
window = start(None, settings, AppPaths(folder / "data", folder / "docs"), Dialogs())
app.processEvents()
shown = time.monotonic()
assert window.document is not None and window.document.info.title == "Q3 alignment offsite"
heavy = [m for m in HEAVY if m in sys.modules]
print(shown)
print(json.dumps(heavy))
window.close()
"""


def run_once(script: str, *args: str) -> tuple[float, list[str]]:
    """Seconds from launching a process to its window being shown, and heavy modules it loaded."""
    env_script = f"HEAVY = {HEAVY!r}\n{script}"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", env_script, *args],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines = result.stdout.split()
    heavy = json.loads(lines[1]) if len(lines) > 1 else []
    return float(lines[0]) - started, heavy


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    bare: list[float] = []
    later: list[float] = []
    first: list[float] = []
    loaded: set[str] = set()
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            seconds, heavy = run_once(APP, folder)  # first start: writes the demo workshop
            first.append(seconds)
            bare.append(run_once(BARE)[0])
            seconds, heavy = run_once(APP, folder)  # later start: the demo reopens
            later.append(seconds)
            loaded.update(heavy)
    b, f, lt = statistics.median(bare), statistics.median(first), statistics.median(later)
    print(f"runs: {args.runs} each, median, offscreen, {sys.platform}, Python {sys.version.split()[0]}")
    print(f"bare PySide6 window:                  {b * 1000:7.0f} ms")
    print(f"app, later start (demo reopens):      {lt * 1000:7.0f} ms   ratio {lt / b:.2f}")
    print(f"app, first start (writes the demo):   {f * 1000:7.0f} ms   ratio {f / b:.2f}")
    print(f"heavy modules imported at start-up:   {sorted(loaded) or 'none'}")


if __name__ == "__main__":
    main()
