"""The goals PDF puts the room's homework on paper: draft goals with their failing letters and hints,
and a warning on an agreed goal whose deadline is before the workshop. The signed SLA does not."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from workshop.demo.content import demo_content
from workshop.report.goals_pdf import goals_pdf
from workshop.report.sla_pdf import draft_pdf

TODAY = date(2027, 6, 1)
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def test_the_goals_pdf_lists_each_draft_with_its_failing_letters_and_hints(tmp_path: Path) -> None:
    text = text_of(goals_pdf(demo_content(TODAY), "a4"), tmp_path)
    assert "Still in draft" in text
    drafts = text[text.index("Still in draft") :]
    assert "Publish 12 bottom-of-funnel articles ASAP" in drafts
    assert "Time-bound: “ASAP” is not a deadline." in drafts
    assert "Say when, for example" in drafts
    assert "Improve pipeline quality" in drafts
    assert "Specific:" in drafts and "Measurable:" in drafts
    assert "Grow marketing-sourced pipeline" not in drafts  # agreed, so not homework


def test_the_signed_sla_has_no_draft_goals(tmp_path: Path) -> None:
    text = text_of(draft_pdf(demo_content(TODAY), "a4"), tmp_path)
    assert "Still in draft" not in text
    assert "Improve pipeline quality" not in text


def test_a_past_deadline_is_a_warning_in_the_goals_pdf(tmp_path: Path) -> None:
    content = demo_content(TODAY)
    content.goals = [
        dataclasses.replace(g, deadline="31 March 2027", deadline_date="2027-03-31") if g.id == 2 else g
        for g in content.goals
    ]
    text = text_of(goals_pdf(content, "a4"), tmp_path)
    assert (
        "The deadline 31 March 2027 is before the workshop (10 May 2027)." in text
    )  # the demo starts 10 May


def test_a_draft_lists_its_failing_fast_letters_too(tmp_path: Path) -> None:
    content = demo_content(TODAY)
    drafts = [g for g in content.goals if g.status != "agreed"]
    assert drafts
    content.goals = [
        dataclasses.replace(g, review_cadence="", shared_with="") if g.id == drafts[0].id else g
        for g in content.goals
    ]
    text = text_of(goals_pdf(content, "a4"), tmp_path)
    first = text[text.index("Still in draft") :]
    assert "FAST F ✗ Frequent: No review cadence. → Set how often it is discussed" in first
    assert "SMART and FAST letter that still fails" in first
