"""The SLA as a record: every approved part of the MQL definition prints, and nothing in it is
addressed to the app's user."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from workshop.demo.content import demo_content
from workshop.leads.definition import Decay, Rule, definition_json
from workshop.leads.state import definition_of
from workshop.report.sla_pdf import draft_pdf
from workshop.sla import agreement as sla

TODAY = date(2027, 6, 1)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sla.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


@needs_poppler
def test_every_approved_part_of_the_mql_definition_prints(tmp_path: Path) -> None:
    content = demo_content(TODAY)
    state = content.mql[0]
    definition = dataclasses.replace(
        definition_of(state),
        gates=(
            Rule(field="Do Not Email", operator="equals", value="No", points=0, group="gate"),
            Rule(field="Country", operator="equals", value="India", points=0, group="gate"),
        ),
        decay=Decay(field="Days since last activity", half_life_days=21),
    )

    content.mql = [dataclasses.replace(state, definition=json.dumps(definition_json(definition)))]
    text = text_of(draft_pdf(content, "a4"), tmp_path)
    assert "Must have" in text
    for gate in definition.gates:
        assert gate.describe() in text
    assert "only when it meets every must-have rule" in text
    assert "engagement points halve every 21 days" in text and "Days since last activity" in text
    for rule in definition.rules:
        assert " ".join(rule.describe().split()) in text
    assert f"at {definition.threshold} points or more" in text
    assert f"Version {state.version}, approved by both teams" in text


@needs_poppler
def test_no_sentence_in_the_sla_tells_the_apps_user_what_to_do(tmp_path: Path) -> None:
    content = demo_content(TODAY)  # draft goals, and
    content.info = dataclasses.replace(content.info, facilitator="")  # no witness named
    warnings = sla.warnings(content)
    assert any("Goals page" in w.text for w in warnings)  # the app says where to fix it...
    text = text_of(draft_pdf(content, "a4"), tmp_path)
    for phrase in (
        "Goals page",
        "in Setup",
        "Leads & MQL page",
        "agree or remove",
        "add them from the templates",
    ):
        assert phrase not in text  # ...the document does not
    assert "still a draft and not part of this agreement" in text
    assert "No facilitator is named to witness the signatures" in text
