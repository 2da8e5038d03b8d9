"""The threshold slider on 10,000 leads: time per update, domain alone and the page's whole path.

Builds a 10,000-lead history from the shipped X Education file (its 9,237 rows, then rows
again from the top), scores it with the demo definition, and moves the threshold across the
score range. "domain" is the counting alone; "chart" adds moving the line and drawing the
chart with Agg; "page" is the Test-on-lead-history page's own slider handler (figures,
chart, pixmap), offscreen. The goal is under 100 ms per update.

    python benchmarks/lead_threshold.py [--leads 10000] [--updates 60]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--updates", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from workshop.charts.leads import ScoreChart
    from workshop.leads.evaluation import Evaluation
    from workshop.leads.reader import leads_from, read_table, suggest_mapping
    from workshop.leads.templates import x_education_definition

    definition = x_education_definition()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "leads.csv"
        make_history(path, args.leads)
        started = time.perf_counter()
        table = read_table(path)
        history = leads_from(
            table, suggest_mapping(definition.fields(), table.columns), definition.number_fields()
        )
        read_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        evaluation = Evaluation(definition, history)
        score_ms = (time.perf_counter() - started) * 1000
        low, high = evaluation.score_range()
        thresholds = [low + (high - low) * i // max(1, args.updates - 1) for i in range(args.updates)]
        domain = timed(evaluation.metrics, thresholds)
        chart = ScoreChart(*evaluation.distribution(), definition.threshold)

        def chart_step(value: int) -> None:
            evaluation.metrics(value)
            chart.set_threshold(value)
            chart.render_rgba()

        with_chart = timed(chart_step, thresholds)
        page = page_times(path, thresholds)

    print(f"{len(history.leads):,} leads, {args.updates} updates, median (max) ms per update; {sys.platform}")
    print(f"read and map the CSV:         {read_ms:8.1f} ms (once, on import)")
    print(f"score every lead:             {score_ms:8.1f} ms (once, on import or a rule change)")
    for name, values in (
        ("domain (counting)", domain),
        ("domain + chart (Agg)", with_chart),
        ("page slider handler", page),
    ):
        print(f"{name + ':':30}{statistics.median(values):8.3f} ms  ({max(values):.3f} max)")


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
