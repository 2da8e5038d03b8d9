"""The Run page: a speaker key to the page repainted, at the demo's size and at the large size.

Each figure is over ``--presses`` key presses (at least 200), offscreen, window 1366x768,
the timer running: the press is the page's own handler (what the key's shortcut calls),
which writes the event durably to the workshop file, and then the event loop runs until
the repaint it caused is done. The reference, measured in the same run, is a bare
``QTableView`` of the large agenda's size with one cell changed and repainted. The budget
is 2 ms and flat: the large workshop (60 items, 40 people, 100,000 events) costs no more
than the demo.

    python benchmarks/run_page.py [--presses 300]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, report
from benchmarks.painted import until_painted
from benchmarks.scale import LARGE, write_workshop

BUDGET_MS = 2.0
SIZE = (1366, 768)


def press_times(path: Path, folder: Path, presses: int) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds per speaker key to repaint, of it the durable write, and per tick to repaint."""
    from PySide6.QtCore import QSettings

    from ui.app import create_application, start
    from ui.common.dialogs import Dialogs
    from ui.run.keys import RunAction  # the timer is started and stopped by key, as a user does
    from ui.run.page import RunPage
    from ui.settings import AppPaths, AppSettings
    from workshop.model import Participant

    app = create_application()
    settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = start(str(path), settings, AppPaths(folder / "d", folder / "w"), Dialogs())
    window.resize(*SIZE)
    window.show_stage("run")
    assert window.view is not None and window.document is not None
    page = window.view.page("run")
    assert isinstance(page, RunPage)
    page.session.timer.stop()  # ticks are timed below, one at a time
    page.act(RunAction.TOGGLE)
    app.processEvents()
    people = [f"p:{p.id}" for p in window.document.typed(Participant)]
    speakers = ["sales", "marketing", *people[:6]]
    keys, writes, ticks = [], [], []
    for step in range(presses):
        started = time.perf_counter()
        page.session.runner.set_speaker(speakers[step % len(speakers)])  # the event, written durably
        written = time.perf_counter()
        page.session.changed.emit()  # what RunSession.act does next: the page shows it
        until_painted()  # the repaint the key press causes
        keys.append((time.perf_counter() - started) * 1000)
        writes.append((written - started) * 1000)
        started = time.perf_counter()
        page.session.tick()
        until_painted(settle=True)  # a tick that moves no figure on screen paints nothing
        ticks.append((time.perf_counter() - started) * 1000)
    page.act(RunAction.TOGGLE)
    window.close()
    app.processEvents()
    return keys, writes, ticks


def bare_table_times(rows: int, presses: int) -> list[float]:
    """A bare QTableView of ``rows`` x 6 in a window of the same size: one cell changed, repainted."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    model = QStandardItemModel(rows, 6)
    for row in range(rows):
        for column in range(6):
            model.setItem(row, column, QStandardItem(f"{row}:{column}"))
    view = QTableView()
    view.setModel(model)
    view.resize(*SIZE)
    view.show()
    app.processEvents()
    times = []
    for step in range(presses):
        started = time.perf_counter()
        model.item(step % 10, 5).setText(f"{step // 60}:{step % 60:02d}")
        until_painted()
        times.append((time.perf_counter() - started) * 1000)
    view.close()
    app.processEvents()
    return times


def rows(presses: int = 300) -> list[Row]:
    presses = max(200, presses)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        demo = write_workshop(folder / "demo.smw", items=0, people=0, goals=0, events=10)
        large = write_workshop(folder / "large.smw", **LARGE)
        reference = bare_table_times(LARGE["items"], presses)
        demo_keys, demo_writes, demo_ticks = press_times(demo, folder, presses)
        large_keys, large_writes, large_ticks = press_times(large, folder, presses)
    bare = Row(f"bare QTableView {LARGE['items']}x6: one cell changed to repainted", reference)
    demo_row = Row("Run page: speaker key to repainted, demo", demo_keys, BUDGET_MS, bare.median)
    large_row = Row(
        "Run page: speaker key to repainted, 60 items/40 people/100k events",
        large_keys,
        BUDGET_MS,
        bare.median,
        note=f"large / demo: {Row('', large_keys).median / demo_row.median:.2f} (flat: about 1)",
    )
    return [
        bare,
        demo_row,
        large_row,
        Row("Run page: of a key, the durable write alone, demo", demo_writes),
        Row("Run page: of a key, the durable write alone, large", large_writes),
        Row("Run page: 200 ms tick to repainted, demo", demo_ticks, reference_ms=bare.median),
        Row("Run page: 200 ms tick to repainted, large", large_ticks, reference_ms=bare.median),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--presses", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    report(rows(args.presses), args.json)


if __name__ == "__main__":
    main()
