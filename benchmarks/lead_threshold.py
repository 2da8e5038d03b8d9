"""The threshold slider on 10,000 leads: time per update, domain alone and the page's whole path.

Builds a 10,000-lead history from the shipped X Education file (its 9,237 rows, then rows
again from the top), scores it with the demo definition, and moves the threshold across the
score range. "domain" is the counting alone; "chart" adds moving the line and drawing the
chart with Agg; "page" is the Test-on-lead-history page's own slider handler (figures,
chart, pixmap), offscreen. The goal is under 100 ms per update.

    python benchmarks/lead_threshold.py [--leads 10000] [--updates 60] [--json]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, report
from workshop.resources import resource_path


def make_history(path: Path, leads: int) -> None:
    lines = resource_path("data", "leads-x-education.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    body = [rows[i % len(rows)] for i in range(leads)]
    path.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")


def timed(step: Callable[[int], object], thresholds: list[int]) -> list[float]:
    times = []
    for value in thresholds:
        started = time.perf_counter()
        step(value)
        times.append((time.perf_counter() - started) * 1000)
    return times


BUDGET_MS = 100.0


def rows(leads: int = 10_000, updates: int = 60) -> list[Row]:
    """The slider's page handler on ``leads`` leads, beside a plain ``csv`` read of the same file."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from workshop.leads.evaluation import Evaluation
    from workshop.leads.reader import leads_from, read_table, suggest_mapping
    from workshop.leads.templates import x_education_definition

    definition = x_education_definition()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "leads.csv"
        make_history(path, leads)
        plain, ours = [], []
        for _ in range(5):  # interleaved: the reference and the app's own reading
            started = time.perf_counter()
            with path.open(newline="", encoding="utf-8") as handle:
                list(csv.reader(handle))
            plain.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            table = read_table(path)
            history = leads_from(
                table, suggest_mapping(definition.fields(), table.columns), definition.number_fields()
            )
            ours.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        evaluation = Evaluation(definition, history)
        score_ms = (time.perf_counter() - started) * 1000
        low, high = evaluation.score_range()
        thresholds = [low + (high - low) * i // max(1, updates - 1) for i in range(updates)]
        domain = timed(evaluation.metrics, thresholds)
        page = page_times(path, thresholds)
    reference = Row(f"plain csv.reader of the {leads:,}-lead file", plain)
    r = reference.median
    return [
        reference,
        Row("read and map the lead file (once, on import)", ours, reference_ms=r),
        Row("score every lead (once, on import or a rule change)", [score_ms], reference_ms=r),
        Row(f"MQL threshold: counting alone, {leads:,} leads", domain),
        Row(f"MQL threshold slider on {leads:,} leads (the page's handler)", page, BUDGET_MS, r),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--updates", type=int, default=60)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    report(rows(args.leads, args.updates), args.json)


def page_times(path: Path, thresholds: list[int]) -> list[float]:
    """The page's own handler for a slider move, on the demo workshop, offscreen."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.app import start
    from ui.common.dialogs import Dialogs
    from ui.leads.page import LeadsPage
    from ui.settings import AppPaths, AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = path.parent
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = start(None, settings, AppPaths(folder / "data", folder / "docs"), Dialogs())
    assert window.view is not None
    page = window.view.page("leads")
    assert isinstance(page, LeadsPage)
    page.bench.load(path)
    app.processEvents()
    times = timed(page.bench.slider.setValue, thresholds)
    window.close()
    return times


if __name__ == "__main__":
    main()
