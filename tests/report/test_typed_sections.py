"""The SLA's sections read the workshop's typed results, never the JSON export, and never matplotlib."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from workshop.demo.content import demo_content
from workshop.funnel.reverse import FunnelResult
from workshop.leads.evaluation import Metrics
from workshop.report import json_export
from workshop.report.sla_pdf import draft_pdf

TODAY = date(2027, 6, 1)
EXPORT = ("workshop_json", "funnel_json", "mql_json", "test_results_of")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("a PDF section read the JSON export")


@needs_poppler
def test_the_sections_print_the_funnel_and_the_mql_test_without_the_json_export(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    content = demo_content(TODAY)  # the demo keeps its test results as JSON, as the bench does
    assert all(hasattr(json_export, name) for name in EXPORT[:3])  # loaded: refused below too
    for module in [m for name, m in sys.modules.items() if name.startswith("workshop.")]:
        for name in EXPORT:
            if hasattr(module, name):
                monkeypatch.setattr(module, name, refuse)
    monkeypatch.setattr(FunnelResult, "to_json", refuse)
    monkeypatch.setattr(Metrics, "as_json", refuse)
    path = tmp_path / "sla.pdf"
    path.write_bytes(draft_pdf(content, "a4"))
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "The reverse funnel" in text and "183 MQLs a month" in text
    assert "Tested on leads-x-education.csv (version 2, threshold 40)" in text
    assert "9,237 2,336 88.2% 21.7% 2.29× 88.2% 57.9%" in text
    assert "approved by both teams" in text


def test_making_the_pdf_with_its_charts_never_imports_matplotlib() -> None:
    script = """
import sys
from datetime import date
from tests.timed_day import demo_run
from workshop.demo.content import demo_content
from workshop.report import json_export
from workshop.report.sla_pdf import draft_pdf
content = demo_content(date(2027, 6, 1))
content.run_log = demo_run(content, date(2027, 6, 14))
draft_pdf(content, "a4")
print("matplotlib" in sys.modules)
"""
    root = Path(__file__).parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False, cwd=root
    )
    assert result.stdout.split() == ["False"], result.stderr
