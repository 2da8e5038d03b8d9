"""Every script prints: each test name is drawn with real glyphs and found again in the PDF's text."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from workshop.demo.content import demo_content
from workshop.model import MARKETING, SALES, Participant, WorkshopContent
from workshop.report.goals_pdf import goals_pdf
from workshop.report.sla_pdf import draft_pdf
from workshop.report.text import missing_glyphs

TODAY = date(2027, 6, 1)
NAMES = (
    "Zoë Łódź",
    "Γιώργος Παπαδόπουλος",
    "Олена Коваленко",
    "山田 太郎",
    "김민준",
    "محمد الأحمد",
    "پویا رضایی",
)
EMOJI_NAME = "Ana 🚀 Silva"
LONG_TITLE = ("Senior Vice President of Global Revenue Operations and Customer Lifecycle Marketing " * 4)[
    :300
]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def with_test_names() -> WorkshopContent:
    content = demo_content(TODAY)
    people = [
        Participant(name="김민준", title=LONG_TITLE, team=SALES, signatory=True),
        Participant(name="محمد الأحمد", title="مدير التسويق", team=MARKETING, signatory=True),
    ]
    people += [Participant(name=n, title="Rep", team=SALES) for n in (*NAMES, EMOJI_NAME)]
    content = dataclasses.replace(
        content, participants=people, info=dataclasses.replace(content.info, facilitator="پویا رضایی")
    )
    owners = [EMOJI_NAME, *NAMES]
    content.actions = [
        dataclasses.replace(a, owner=n) for a, n in zip(content.actions, owners * 3, strict=False)
    ]
    goals = content.goals
    content.goals = [  # a goal per name, each agreed, so the goals PDF prints every owner
        dataclasses.replace(goals[i % len(goals)], id=i + 1, position=i, owner=n, status="agreed")
        for i, n in enumerate(owners)
    ]
    return content


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    out = re.sub("[\u202a-\u202e\u200e\u200f]", "", out)  # the direction marks a reader adds
    return " ".join(out.split())


def test_every_character_of_every_test_name_has_a_glyph_in_the_pdf_fonts() -> None:
    for name in (*NAMES, EMOJI_NAME, LONG_TITLE):
        assert missing_glyphs(name) == [], name


@needs_poppler
@pytest.mark.parametrize("document", ["sla", "goals"])
def test_every_test_name_is_found_in_the_pdf_text(tmp_path: Path, document: str) -> None:
    content = with_test_names()
    data = draft_pdf(content, "a4") if document == "sla" else goals_pdf(content, "a4")
    text = text_of(data, tmp_path)
    for name in NAMES:
        assert name in text, name
    assert EMOJI_NAME in text  # the rocket drawn from the bundled monochrome emoji font
    pdffonts = ["pdffonts", str(tmp_path / "doc.pdf")]
    fonts = subprocess.run(pdffonts, capture_output=True, text=True, check=True).stdout
    assert "NanumGothic" in fonts and "Symbola" in fonts
