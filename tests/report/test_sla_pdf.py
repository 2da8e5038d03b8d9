"""The SLA and goals PDFs as a reader sees them: text, DRAFT marks, scripts, paper size."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from workshop.demo.content import demo_content
from workshop.model import MARKETING, SALES, Participant
from workshop.report.goals_pdf import goals_pdf
from workshop.report.paper import default_paper
from workshop.report.sla_pdf import draft_pdf
from workshop.report.text import clean, visual_order

TODAY = date(2027, 6, 1)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pages_text(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def fonts(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


@needs_poppler
def test_a_draft_says_draft_on_every_page_and_has_every_section(tmp_path: Path) -> None:
    content = dataclasses.replace(demo_content(TODAY), sla_signatures=[])
    pages = pages_text(draft_pdf(content, "a4"), tmp_path)
    assert len(pages) >= 5
    assert all("DRAFT" in page for page in pages)
    text = "\n".join(pages)
    for heading in ("Service level agreement", "The agreement", "The agenda", "Action items", "Parking lot"):
        assert heading in text
    assert "Signatures" in text and "awaiting signature" in text
    assert "Audit" in text and content.info.uid in text


@needs_poppler
def test_names_in_any_script_print_and_fonts_are_embedded(tmp_path: Path) -> None:
    names = ["Zoë Łódź", "Γιώργος Παπαδόπουλος", "Дмитрий Иванов", "山田太郎", "王小明", "Ana 🚀 Silva"]
    long_name = "Bartholomew " * 40
    content = demo_content(TODAY)
    people = [Participant(name=n, title="Rep", team=SALES) for n in names]
    people.append(Participant(name=long_name, title="Lead", team=MARKETING, signatory=True))
    people.append(Participant(name="דנה כהן", title="Head of Sales", team=SALES, signatory=True))
    content = dataclasses.replace(content, participants=people)
    content.actions = [dataclasses.replace(a, owner=n) for a, n in zip(content.actions, names, strict=False)]
    data = draft_pdf(content, "a4")
    text = "\n".join(pages_text(data, tmp_path))
    for name in ("Zoë Łódź", "Γιώργος", "Дмитрий", "山田太郎", "王小明", "Ana 🚀 Silva", "דנה כהן"):
        assert name in text
    assert "🚀" in text
    assert all(len(line) < 200 for line in text.splitlines())  # the long name wraps
    listed = fonts(data, tmp_path)
    assert "DroidSansFallback" in listed and "Helvetica" not in listed


def test_emoji_print_from_the_emoji_font_or_as_visible_markers_and_rtl_reads_in_order() -> None:
    assert clean("Ana 🚀 Silva 👍🏽") == "Ana 🚀 Silva 👍"  # drawn by Symbola; the skin tone dropped
    assert clean("🫠") == "[melting face]"  # newer than the emoji font: named, never a blank box
    assert clean("") == ""
    assert visual_order("דנה") == "הנד"
    assert visual_order("Dana") == "Dana"
    assert visual_order("پویا رضایی, 2027-09-30").endswith(", 2027-09-30")  # the date stays after the name


@needs_poppler
def test_paper_size_from_the_locale_or_chosen(tmp_path: Path) -> None:
    assert default_paper("en_US.UTF-8") == "letter"
    assert default_paper("fr_FR.UTF-8") == "a4"
    assert default_paper("C") == "a4"
    assert default_paper("C.UTF-8") == "a4"
    assert default_paper("en_CA") == "letter"
    path = tmp_path / "letter.pdf"
    path.write_bytes(goals_pdf(demo_content(TODAY), "letter"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts (letter)" in info


@needs_poppler
def test_goals_pdf_has_a_section_per_team_with_sign_off(tmp_path: Path) -> None:
    text = "\n".join(pages_text(goals_pdf(demo_content(TODAY), "a4"), tmp_path))
    assert "Sales goals" in text and "Marketing goals" in text
    assert "Dana Whitfield, VP Sales" in text and "Priya Raman, Head of Marketing" in text
    assert "Signature and date" in text


def test_arabic_letters_join_and_read_right_to_left() -> None:
    assert visual_order("محمد") == "\ufeaa\ufee4\ufea4\ufee3"  # final, medial, medial, initial
    assert visual_order("سلام") == "\ufee1\ufefc\ufeb3"  # the lam-alef ligature joined to the seen
    assert visual_order("پویا") == "\ufe8e\ufbfe\ufeee\ufb58"  # Persian pe and yeh join too
    assert visual_order("Dana") == "Dana"


@needs_poppler
def test_the_reports_carry_goals_mql_funnel_and_airtime(tmp_path: Path) -> None:
    content = demo_content(TODAY)
    sla_text = "\n".join(pages_text(draft_pdf(content, "a4"), tmp_path))
    goals_text = "\n".join(pages_text(goals_pdf(content, "a4"), tmp_path))
    assert "Agreed goals" in sla_text
    assert "lead-to-MQL" in sla_text  # an agreed goal (a DRAFT watermark may split longer phrases)
    assert "The MQL definition" in sla_text and "approved by both teams" in sla_text
    assert "The reverse funnel" in sla_text and "183 MQLs a month" in sla_text
    assert "Airtime: were both teams heard?" in sla_text
    assert sla_text.index("Agreed goals") < sla_text.index("The reverse funnel")
    assert "Grow marketing-sourced pipeline" in " ".join(goals_text.split())
    assert "Priya Raman" in goals_text


@needs_poppler
def test_a_timed_day_prints_the_airtime_report(tmp_path: Path) -> None:
    from datetime import date

    from tests.timed_day import demo_run

    content = demo_content(TODAY)
    content.run_log = demo_run(content, date(2027, 6, 14))
    text = " ".join(" ".join(pages_text(draft_pdf(content, "a4"), tmp_path)).split())
    assert "Airtime: were both teams heard?" in text
    assert "The timer ran" in text and "of the teams' time" in text
    assert "Per person" in text and "Dana Whitfield" in text


def test_a_5000_character_name_and_action_still_make_both_pdfs() -> None:
    content = demo_content(TODAY)
    content.participants = [
        dataclasses.replace(content.participants[0], name="Dana " + "W" * 5000, title="VP " * 900),
        *content.participants[1:],
    ]
    content.actions = [dataclasses.replace(content.actions[0], what="Follow up " * 600, owner="Z" * 5000)]
    content.goals = [dataclasses.replace(g, owner="O" * 5000) for g in content.goals]
    assert draft_pdf(content, "a4").startswith(b"%PDF")
    assert goals_pdf(content, "letter").startswith(b"%PDF")


@needs_poppler
def test_the_rooms_check_from_phones_prints_beside_the_verdict(tmp_path: Path) -> None:
    content = demo_content(TODAY)  # sales checked goal 2 from their phones: 3 attainable, 1 stretch
    sla_text = " ".join(" ".join(pages_text(draft_pdf(content, "a4"), tmp_path)).split())
    goals_text = " ".join(" ".join(pages_text(goals_pdf(content, "a4"), tmp_path)).split())
    assert "Room check: Sales 3 attainable, 1 stretch, 0 not attainable" in sla_text
    assert (
        "Room check" in goals_text
        and "Sales (4 answered): 3 attainable, 1 stretch, 0 not attainable" in goals_text
    )
    assert "Marcus Oyelaran — stretch: 17% needs the paid search plan live by week 3." in goals_text
    assert "Verdict Sales: attainable" in goals_text
    without = dataclasses.replace(content, room_checks=[])
    assert "Room check" not in " ".join(pages_text(goals_pdf(without, "a4"), tmp_path))
