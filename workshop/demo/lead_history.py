"""The demo workshop's lead stages and MQL definition, tested on the shipped lead history."""

from __future__ import annotations

import dataclasses
from datetime import date

from workshop.edits import Operation, Update
from workshop.leads.definition import MqlDefinition
from workshop.leads.evaluation import Evaluation
from workshop.leads.reader import LeadFileError, leads_from, read_table, run_evidence, suggest_mapping
from workshop.leads.stages import common_stages
from workshop.leads.state import approve, change_definition, remember, state_for
from workshop.leads.templates import x_education_definition
from workshop.model import MARKETING, SALES, LeadStage, MqlState
from workshop.resources import resource_path

DEMO_HISTORY = ("data", "leads-x-education.csv")


def demo_stages() -> list[LeadStage]:
    """Fernhill's stages: the common ones, with their own hand-off times and an SAL step kept."""
    stages = common_stages()
    renamed = {"Subscriber": "Newsletter subscriber"}
    return [dataclasses.replace(s, name=renamed.get(s.name, s.name)) for s in stages]


def _first_draft(agreed: MqlDefinition) -> MqlDefinition:
    """Marketing's draft before the offsite: a lower bar and no negative criteria."""
    return dataclasses.replace(
        agreed,
        name="Fernhill MQL v1 (marketing's draft)",
        threshold=30,
        rules=tuple(r for r in agreed.rules if r.group != "negative"),
        gates=(),
    )


def _apply(state: MqlState, operations: list[Operation]) -> MqlState:
    """The state after edits made on it alone (building the demo, before there is a file)."""
    for op in operations:
        if isinstance(op, Update):
            state = dataclasses.replace(state, **dict(op.changes))
    return state


def demo_mql(day: date) -> MqlState:
    """Version 2 approved by both team leads on the offsite's first day, version 1 in the history."""
    at = f"{day.isoformat()}T"
    agreed = x_education_definition()
    state = state_for(_first_draft(agreed))
    state = _apply(state, approve(state, MARKETING, "Priya Raman", at + "10:05"))
    state = _apply(state, change_definition(state, agreed, at + "11:40"))
    state = _apply(state, approve(state, SALES, "Dana Whitfield", at + "11:52"))
    state = _apply(state, approve(state, MARKETING, "Priya Raman", at + "11:53"))
    try:
        table = read_table(resource_path(*DEMO_HISTORY))
    except LeadFileError:
        return state
    mapping = suggest_mapping(agreed.fields(), table.columns)
    history = leads_from(table, mapping, agreed.number_fields(), DEMO_HISTORY[-1])
    metrics = Evaluation(agreed, history).metrics()
    evidence = run_evidence(table, mapping, history)
    state = _apply(
        state, remember(state, mapping, metrics, agreed.threshold, DEMO_HISTORY[-1], at + "11:45", evidence)
    )
    return state
