"""The review PDF: two pages at most, the scorecard, goals and overdue actions, and the SLA it reviews."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from workshop.cli import main
from workshop.demo.content import demo_content
from workshop.report.review_pdf import review_pdf, reviewed_sha
from workshop.sla import agreement as sla

TODAY = date(2027, 6, 1)
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def test_the_demo_review_fits_two_pages_and_names_the_signed_sla(tmp_path: Path) -> None:
    content = demo_content(TODAY)
    data = review_pdf(content, content.reviews[0], "a4")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) <= 2
    text = text_of(data, tmp_path)
    sha, _signed = reviewed_sha(content)
    assert f"SHA-256 {sha}" in text
    assert "SLA scorecard" in text and "MQLs delivered" in text
    assert "Goals progress" in text and "Overdue actions" in text
    assert sla.short_fingerprint(sha) in text  # the footer


def test_export_review_writes_the_signed_demo_review(tmp_path: Path) -> None:
    assert main(["demo", str(tmp_path / "demo.smw")]) == 0
    assert main(["export", str(tmp_path / "demo.smw"), "--review", str(tmp_path / "r.pdf")]) == 0
    text = text_of((tmp_path / "r.pdf").read_bytes(), tmp_path)
    assert "Reviews the signed SLA" in text


def test_conversion_and_escalation_get_a_chart_of_their_own() -> None:
    from workshop.report.review_pdf import clause_series

    conversion = {
        "clause": "conversion",
        "planned": {"mql_sql": 0.5, "sql_won": 0.2},
        "cohorts": [
            {"month": "2027-01", "mqls": 10, "sqls": 6, "comparable": True},
            {"month": "2027-02", "mqls": 10, "sqls": 3, "comparable": True},
            {"month": "2027-03", "mqls": 10, "sqls": 1, "comparable": False},
        ],
    }
    series = clause_series(conversion)
    assert series is not None
    assert [(b["delivered"], b["target"], b["verdict"]) for b in series[1]] == [
        (6, 5, "met"),
        (3, 5, "missed"),
        (1, 5, "no data"),  # too young to compare
    ]
    escalation = {
        "clause": "escalation",
        "weeks": [
            {
                "week": "2027-01-04",
                "mqls": 9,
                "mql_target": 12.0,
                "marketing_missed": True,
                "sales_missed": False,
            }
        ],
    }
    weekly = clause_series(escalation)
    assert weekly is not None and weekly[1][0]["verdict"] == "missed"
    assert clause_series({"clause": "accept_reject"}) is None
