"""Cost of a speaker change and of a Run page repaint, with few and with 20,000 stored events.

Each figure is the median of many repetitions, offscreen. A speaker change
includes writing the event durably to the workshop file. Both should stay under
2 ms and not grow with the number of events.

    python benchmarks/run_page.py [--events 20000] [--repeat 300]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, for tests.fakes


def make_workshop(path: Path, events: int) -> None:
    """The demo workshop with a run of ``events`` speaker changes, pauses and item switches."""
    from tests.fakes import FakeClock
    from workshop.demo.content import demo_content
    from workshop.model import AgendaItem, Participant
    from workshop.run.runner import AgendaRunner
    from workshop.run_log import RunLog
    from workshop.store import files

    content = demo_content()
    tables = content.tables()
    agenda = [r for r in tables["agenda_items"] if isinstance(r, AgendaItem)]
    people = {p.id: p.team for p in tables["participants"] if isinstance(p, Participant)}
    log = RunLog([], 0)
    clock = FakeClock()
    runner = AgendaRunner(log, lambda: agenda, lambda: people, clock)
    rng = random.Random(1)
    runner.toggle()
    speakers = ["sales", "marketing", "facilitator", "", "p:1", "p:5"]
    while len(log.events) < events:
        clock.advance(rng.uniform(0.2, 2.0))
        if len(log.events) % 1000 == 999:
            runner.next_item() if runner.item_id != agenda[-1].id else runner.previous_item()
        else:
            runner.set_speaker(rng.choice(speakers))
    runner.pause()
    files.write_new(path, tables, run=log)


def measure(events: int, repeat: int) -> tuple[float, float, float]:
    from PySide6.QtCore import QSettings

    from ui.app import create_application, start
    from ui.common.dialogs import Dialogs
    from ui.run.keys import RunAction
    from ui.run.page import RunPage
    from ui.settings import AppPaths, AppSettings

    app = create_application()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        make_workshop(folder / "run.smw", events)
        settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        window = start(str(folder / "run.smw"), settings, AppPaths(folder / "d", folder / "w"), Dialogs())
        window.resize(1366, 768)
        window.show_stage("run")
        assert window.view is not None
        page = window.view.page("run")
        assert isinstance(page, RunPage)
        page.act(RunAction.TOGGLE)
        app.processEvents()
        changes, ticks, full = [], [], []
        for step in range(repeat):
            started = time.perf_counter()
            page.act(RunAction.SPEAKER, ("sales", "marketing")[step % 2])
            app.processEvents()  # the repaint the key press causes
            changes.append(time.perf_counter() - started)
            started = time.perf_counter()
            page.session.tick()
            app.processEvents()  # what a 200 ms tick costs: update and paint what changed
            ticks.append(time.perf_counter() - started)
            started = time.perf_counter()
            page.repaint()
            full.append(time.perf_counter() - started)
        window.close()
        app.processEvents()
    return tuple(statistics.median(values) * 1000 for values in (changes, ticks, full))  # type: ignore[return-value]


def measure_domain(events: int, repeat: int) -> tuple[float, float]:
    """Speaker change and everything a repaint reads, in the domain alone (no file, no Qt)."""
    from tests.fakes import FakeClock
    from workshop.demo.content import demo_content
    from workshop.model import AgendaItem, Participant
    from workshop.run.runner import AgendaRunner
    from workshop.store import files

    with tempfile.TemporaryDirectory() as folder_name:
        path = Path(folder_name) / "run.smw"
        make_workshop(path, events)
        conn = files.connect_read_only(path)
        log = files.load_run(conn)
        conn.close()
    content = demo_content()
    tables = content.tables()
    agenda = [r for r in tables["agenda_items"] if isinstance(r, AgendaItem)]
    people = {p.id: p.team for p in tables["participants"] if isinstance(p, Participant)}
    clock = FakeClock()
    runner = AgendaRunner(log, lambda: agenda, lambda: people, clock)
    runner.toggle()
    changes, reads = [], []
    for step in range(repeat):
        clock.advance(0.5)
        started = time.perf_counter()
        runner.set_speaker(("sales", "marketing")[step % 2])
        changes.append(time.perf_counter() - started)
        started = time.perf_counter()
        runner.group_totals()
        runner.group_totals(runner.item_id)
        runner.balance(runner.item_id)
        runner.remaining_ms()
        runner.projected_end()
        runner.speaker_totals()
        reads.append(time.perf_counter() - started)
    return statistics.median(changes) * 1000, statistics.median(reads) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    few = measure(10, args.repeat) + measure_domain(10, args.repeat)
    many = measure(args.events, args.repeat) + measure_domain(args.events, args.repeat)
    print(f"median of {args.repeat}, offscreen, 1366x768")
    labels = (
        "speaker change, durable write + repaint",
        "200 ms tick: update + repaint",
        "forced repaint of the whole Run page",
        "domain only: speaker change (no file)",
        "domain only: what a repaint reads",
    )
    for label, a, b in zip(labels, few, many, strict=True):
        print(f"{label:42s} {a:7.3f} ms with 10 events, {b:7.3f} ms with {args.events:,} (ratio {b / a:.2f})")


if __name__ == "__main__":
    main()
