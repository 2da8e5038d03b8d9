"""The MQL definition in a workshop: approvals, versions, history, undo, export, demo."""

from __future__ import annotations

import dataclasses

from workshop.demo.content import blank_content, demo_content
from workshop.document import WorkshopDocument
from workshop.leads.definition import Rule, definition_from_json, definition_json
from workshop.leads.state import (
    approvals,
    change_definition,
    definition_of,
    describe_changes,
    fully_approved,
    history_of,
    withdraw,
)
from workshop.leads.templates import x_education_definition
from workshop.model import MARKETING, SALES, LeadStage, MqlState
from workshop.report.json_export import workshop_json


def state(document: WorkshopDocument) -> MqlState:
    return document.typed(MqlState)[0]


def test_the_demo_definition_is_approved_by_both_leads_and_tested(document: WorkshopDocument) -> None:
    current = state(document)
    assert fully_approved(current)
    assert approvals(current)[SALES]["name"] == "Dana Whitfield"
    assert approvals(current)[MARKETING]["name"] == "Priya Raman"
    assert current.version == 2 and history_of(current)[0]["version"] == 1
    assert definition_of(current) == x_education_definition()
    stages = [s.name for s in document.typed(LeadStage)]
    assert stages[2:5] == ["MQL", "SAL", "SQL"]


def test_changing_an_approved_definition_starts_a_new_version(document: WorkshopDocument) -> None:
    before = state(document)
    new = dataclasses.replace(definition_of(before), threshold=55)
    document.apply("Change threshold", change_definition(before, new, "2027-06-21T15:00"))
    after = state(document)
    assert after.version == 3 and not approvals(after)
    old = history_of(after)[-1]
    assert old["version"] == 2 and old["approvals"][SALES]["name"] == "Dana Whitfield"
    assert describe_changes(definition_from_json(old["definition"]), definition_of(after)) == [
        "Threshold: 40 → 55 points"
    ]
    document.undo()
    assert state(document) == before
    reopened = WorkshopDocument.open(document.path, read_only=True)
    assert reopened.typed(MqlState)[0] == before  # saved at once, undo included
    reopened.close()


def test_an_unapproved_draft_changes_in_place(document: WorkshopDocument) -> None:
    current = state(document)
    assert change_definition(current, definition_of(current), "now") == []  # nothing changed
    document.apply("Withdraw", withdraw(current, SALES))
    document.apply("Withdraw", withdraw(state(document), MARKETING))
    assert not approvals(state(document))
    edited = dataclasses.replace(definition_of(current), rules=(Rule("X", "is_empty", points=5),))
    document.apply("Edit", change_definition(state(document), edited, "t"))
    assert state(document).version == 2 and definition_of(state(document)) == edited


def test_changes_are_described_in_words() -> None:
    old = x_education_definition()
    new = dataclasses.replace(
        old,
        rules=(*old.rules[1:], Rule("Country", "equals", "India", points=5, group="fit")),
        gates=(),
    )
    lines = describe_changes(old, new)
    assert "Added Fit: Country equals “India” (+5)" in lines
    assert "Removed Fit: What is your current occupation equals “Working Professional”" in lines
    assert "Removed gate: Do Not Email equals “No”" in lines


def test_export_carries_stages_and_the_definition_file_format() -> None:
    data = workshop_json(demo_content())
    assert data["lead_stages"][0]["name"] == "Newsletter subscriber"
    assert {"name", "definition", "entry_criteria", "owner", "handoff_hours"} <= set(data["lead_stages"][0])
    mql = data["mql"]
    assert mql["definition"] == definition_json(x_education_definition())
    assert set(mql["approvals"]) == {SALES, MARKETING}
    assert mql["test_results"]["metrics"]["leads"] == 9237
    assert mql["test_results"]["metrics"]["lift"] > 2


def test_a_new_workshop_starts_from_the_template_and_common_stages() -> None:
    content = blank_content()
    assert [s.name for s in content.lead_stages][:3] == ["Subscriber", "Lead", "MQL"]
    assert definition_of(content.mql[0]).rules
    assert workshop_json(content)["mql"]["approvals"] == {}
