"""The MQL definition's approvals and last test as the reports read them: typed, damage-tolerant."""

from __future__ import annotations

import dataclasses
import json

from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.leads import state as kept
from workshop.leads.evaluation import metrics_from_counts
from workshop.leads.reader import ColumnMapping
from workshop.leads.state import (
    Approval,
    BenchResult,
    approvals,
    approvals_of,
    bench_result_of,
    remember,
)
from workshop.model import MARKETING, SALES, MqlState


def test_the_kept_test_reads_back_typed_with_every_kept_figure() -> None:
    metrics = metrics_from_counts(leads=1000, bad=3, qualified=200, converted=120, hits=80)
    state = MqlState(version=4)
    (update,) = remember(state, ColumnMapping(), metrics, 35, "history.csv", "2027-06-14T11:45")
    assert isinstance(update, Update)
    state = dataclasses.replace(state, **dict(update.changes))
    assert bench_result_of(state) == BenchResult(
        source="history.csv",
        tested_at="2027-06-14T11:45",
        version=4,
        threshold=35,
        leads=1000,
        bad_rows=3,
        qualified=200,
        converted=120,
        mql_conversion=0.4,
        other_conversion=metrics.other_conversion,
        lift=metrics.lift,
        precision=0.4,
        recall=metrics.recall,
    )
    assert kept.test_results_of(state)["metrics"] == metrics.as_json()  # the export keeps its shape


def test_no_test_or_a_damaged_one_reads_as_none_or_as_missing_figures() -> None:
    assert bench_result_of(MqlState()) is None
    assert bench_result_of(MqlState(test_results="not json")) is None
    assert bench_result_of(MqlState(test_results='{"source": "a.csv", "metrics": {}}')) is None
    odd = {"version": "2", "threshold": 40.0, "metrics": {"leads": "many", "qualified": True, "lift": None}}
    result = bench_result_of(MqlState(test_results=json.dumps(odd)))
    assert result is not None
    assert (result.source, result.version, result.threshold) == ("", None, 40)
    assert (result.leads, result.qualified, result.lift, result.recall) == (0, 0, None, None)


def test_approvals_are_typed_and_the_export_keeps_its_dicts(document: WorkshopDocument) -> None:
    state = document.typed(MqlState)[0]
    typed = approvals_of(state)
    assert typed[SALES] == Approval("Dana Whitfield", state.sales_approved_at)
    assert typed[MARKETING].name == "Priya Raman"
    assert approvals(state) == {team: {"name": a.name, "at": a.at} for team, a in typed.items()}
    assert approvals_of(MqlState()) == {}
