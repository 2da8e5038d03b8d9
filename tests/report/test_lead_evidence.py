"""The MQL section of the SLA says what the saved test run rests on."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date

import pytest

from tests.report.test_sla_pdf import needs_poppler, pages_text
from workshop.demo.content import demo_content
from workshop.report.goals_pdf import goals_pdf
from workshop.report.lead_evidence import evidence_rows
from workshop.report.sla_pdf import draft_pdf
from workshop.resources import resource_path

TODAY = date(2027, 6, 14)


def test_the_demo_run_keeps_its_evidence() -> None:
    (state,) = demo_content(TODAY).mql
    rows = {row[0]: row[1] for row in evidence_rows(state)}
    digest = hashlib.sha256(resource_path("data", "leads-x-education.csv").read_bytes()).hexdigest()
    assert rows["SHA-256"] == digest
    assert rows["File"] == "leads-x-education.csv: 9,237 rows, comma-separated, UTF-8"
    assert rows["Outcome"] == "column “Converted”: converted = “1”; not converted = “0”"
    assert "Lead Source ← “Lead Source”" in rows["Columns"]
    assert rows["Numbers"] == "Total Time Spent on Website: whole numbers; TotalVisits: whole numbers"
    assert rows["Bad rows"] == "none"


@needs_poppler
def test_the_sla_prints_the_evidence_under_the_figures(tmp_path: pytest.TempPathFactory) -> None:
    content = dataclasses.replace(demo_content(TODAY), sla_signatures=[])
    text = "\n".join(pages_text(draft_pdf(content, "a4"), tmp_path))  # type: ignore[arg-type]
    digest = hashlib.sha256(resource_path("data", "leads-x-education.csv").read_bytes()).hexdigest()
    assert "What these figures rest on" in text
    assert digest in text.replace(" ", "")
    assert "converted = “1”; not converted = “0”" in text


@needs_poppler
def test_the_goals_pdf_carries_the_tested_definition_and_its_evidence(
    tmp_path: pytest.TempPathFactory,
) -> None:
    content = demo_content(TODAY)
    text = "\n".join(pages_text(goals_pdf(content, "a4"), tmp_path))  # type: ignore[arg-type]
    digest = hashlib.sha256(resource_path("data", "leads-x-education.csv").read_bytes()).hexdigest()
    assert "The MQL definition, tested" in text
    assert "2,336 of 9,237 leads qualify" in " ".join(text.split())
    assert digest in text.replace(" ", "")
