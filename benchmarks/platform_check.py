"""What the platform check (ui/platform_check.py) adds to the start of the window.

Each run is a new process that imports Qt and starts a QGuiApplication on the offscreen
platform; the checked runs call ``platform_check.problem()`` first, as ``ui.launch`` does.
Reference and checked runs alternate in the same run; the figures are medians.

    python benchmarks/platform_check.py [--runs 9]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

REFERENCE = """
import sys, time
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
print(time.monotonic())
"""

CHECKED = """
import sys, time
from PySide6 import QtCore
from ui import platform_check
assert platform_check.problem() is None
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
print(time.monotonic())
"""


def _once(code: str) -> float:
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environ
    ).stdout
    return float(done.strip().splitlines()[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    reference, checked = [], []
    for _ in range(runs):
        reference.append(_once(REFERENCE))
        checked.append(_once(CHECKED))
    result = {
        "reference_s": round(statistics.median(reference), 3),
        "checked_s": round(statistics.median(checked), 3),
        "added_ms": round((statistics.median(checked) - statistics.median(reference)) * 1000, 1),
        "ratio": round(statistics.median(checked) / statistics.median(reference), 3),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
