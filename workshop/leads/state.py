"""The MQL definition as kept in a workshop: current version, approvals, history, test results.

One :class:`MqlState` record holds it all, nested data as JSON text. Changing an approved
definition starts a new version: the approved one moves to the history with its approvals,
and both teams must approve again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from workshop.edits import Operation, Update
from workshop.leads.definition import (
    GROUP_TITLES,
    DefinitionError,
    MqlDefinition,
    definition_from_json,
    definition_json,
)
from workshop.leads.evaluation import Metrics
from workshop.leads.reader import ColumnMapping
from workshop.model import MARKETING, SALES, TEAM_KEYS, MqlState


def state_for(definition: MqlDefinition) -> MqlState:
    return MqlState(definition=json.dumps(definition_json(definition), ensure_ascii=False))


def definition_of(state: MqlState) -> MqlDefinition:
    """The current definition; a damaged one reads as an empty definition rather than failing."""
    try:
        return definition_from_json(json.loads(state.definition))
    except (ValueError, DefinitionError):
        return MqlDefinition(name="MQL definition (could not be read)")


@dataclass(frozen=True)
class Approval:
    """One team's approval of the current version: who, and when (ISO date and time)."""

    name: str
    at: str


def approvals_of(state: MqlState) -> dict[str, Approval]:
    """Team key -> its approval, for each team that approved the current version."""
    out = {}
    if state.sales_approver:
        out[SALES] = Approval(state.sales_approver, state.sales_approved_at)
    if state.marketing_approver:
        out[MARKETING] = Approval(state.marketing_approver, state.marketing_approved_at)
    return out


def approvals(state: MqlState) -> dict[str, dict[str, str]]:
    """Team key -> {"name", "at"}: :func:`approvals_of` as the export and the history keep it."""
    return {team: {"name": a.name, "at": a.at} for team, a in approvals_of(state).items()}


def fully_approved(state: MqlState) -> bool:
    return all(team in approvals_of(state) for team in TEAM_KEYS)


def history_of(state: MqlState) -> list[dict[str, Any]]:
    try:
        data = json.loads(state.history or "[]")
    except ValueError:
        return []
    return [v for v in data if isinstance(v, dict)] if isinstance(data, list) else []


def change_definition(state: MqlState, new: MqlDefinition, now: str) -> list[Operation]:
    """The edit that makes ``new`` current; a new version if anyone had approved the old one."""
    text = json.dumps(definition_json(new), ensure_ascii=False)
    if text == state.definition or new == definition_of(state):
        return []
    if not approvals(state):
        return [Update.of(state, definition=text)]
    old = {
        "version": state.version,
        "definition": json.loads(state.definition),
        "approvals": approvals(state),
        "replaced_at": now,
    }
    tested = test_results_of(state)
    if tested and tested.get("version") == state.version:
        old["test_results"] = tested  # the run this version was approved on stays with it
    return [
        Update.of(
            state,
            definition=text,
            version=state.version + 1,
            history=json.dumps([*history_of(state), old], ensure_ascii=False),
            sales_approver="",
            sales_approved_at="",
            marketing_approver="",
            marketing_approved_at="",
        )
    ]


def approve(state: MqlState, team: str, name: str, now: str) -> list[Operation]:
    """A team's approval of the current version, by ``name`` at ``now``."""
    if team not in TEAM_KEYS:
        raise ValueError(team)
    return [Update.of(state, **{f"{team}_approver": name.strip(), f"{team}_approved_at": now})]


def withdraw(state: MqlState, team: str) -> list[Operation]:
    return [Update.of(state, **{f"{team}_approver": "", f"{team}_approved_at": ""})]


def mapping_of(state: MqlState) -> ColumnMapping:
    try:
        return ColumnMapping.from_json(json.loads(state.column_mapping or "{}"))
    except ValueError:
        return ColumnMapping()


def remember(
    state: MqlState,
    mapping: ColumnMapping,
    metrics: Metrics,
    threshold: int,
    source: str,
    now: str,
    evidence: dict[str, Any] | None = None,
) -> list[Operation]:
    """Keep a run as the current version's evidence: its figures, and the mapping for next time.

    ``evidence`` (:func:`workshop.leads.reader.run_evidence`) says what the figures rest on:
    the file's fingerprint, rows, mapping, outcome choices and number readings.
    """
    results = {
        "source": source,
        "tested_at": now,
        "version": state.version,
        "threshold": threshold,
        "metrics": metrics.as_json(),
        "mapping": mapping.to_json(),
        **({"evidence": evidence} if evidence else {}),
    }
    return [
        Update.of(
            state,
            column_mapping=json.dumps(mapping.to_json(), ensure_ascii=False),
            test_results=json.dumps(results, ensure_ascii=False),
        )
    ]


def _json_object(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def test_results_of(state: MqlState) -> dict[str, Any]:
    """The stored test results as JSON (the export's shape); :func:`bench_result_of` reads them typed."""
    return _json_object(state.test_results)


@dataclass(frozen=True)
class BenchResult:
    """The definition's last test on a lead history, as :func:`remember` kept it with the definition.

    The figures of :class:`~workshop.leads.evaluation.Metrics` that are kept; a ratio is None
    when it would divide by zero, ``version`` and ``threshold`` are None when not kept.
    """

    source: str  # the lead history's file name, "" when not kept
    tested_at: str
    version: int | None
    threshold: int | None
    leads: int
    bad_rows: int
    qualified: int
    converted: int
    mql_conversion: float | None
    other_conversion: float | None
    lift: float | None
    precision: float | None
    recall: float | None


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, float) and value.is_integer() else None


def _ratio(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def bench_result_of(state: MqlState) -> BenchResult | None:
    """The stored test results, typed; None when the definition was not tested (or they are damaged)."""
    data = _json_object(state.test_results)
    figures = data.get("metrics")
    if not isinstance(figures, dict) or not figures:
        return None
    source, tested_at = data.get("source"), data.get("tested_at")
    return BenchResult(
        source=source if isinstance(source, str) else "",
        tested_at=tested_at if isinstance(tested_at, str) else "",
        version=_whole(data.get("version")),
        threshold=_whole(data.get("threshold")),
        leads=_whole(figures.get("leads")) or 0,
        bad_rows=_whole(figures.get("bad_rows")) or 0,
        qualified=_whole(figures.get("qualified")) or 0,
        converted=_whole(figures.get("converted")) or 0,
        mql_conversion=_ratio(figures.get("mql_conversion")),
        other_conversion=_ratio(figures.get("other_conversion")),
        lift=_ratio(figures.get("lift")),
        precision=_ratio(figures.get("precision")),
        recall=_ratio(figures.get("recall")),
    )


@dataclass(frozen=True)
class RunEvidence:
    """What a saved run rests on (:func:`workshop.leads.reader.run_evidence`), typed for the PDFs."""

    file: str
    sha256: str
    rows: int
    encoding: str
    delimiter: str
    outcome_column: str
    won: tuple[str, ...]
    lost: tuple[str, ...]
    left_out: tuple[tuple[str, int], ...]  # outcome value, rows
    columns: tuple[tuple[str, str], ...]  # field, file column
    readings: tuple[tuple[str, str, str, str], ...]  # field, decimal, how, example
    bad: tuple[tuple[str, int, tuple[int, ...]], ...]  # reason, rows, first lines
    cohort: str  # fair cohorts in words, "" when off
    saved_at: str


def _texts(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _lines(value: object) -> tuple[int, ...]:
    return tuple(n for n in (_whole(v) for v in value) if n is not None) if isinstance(value, list) else ()


def run_evidence_of(state: MqlState) -> RunEvidence | None:
    """The saved run's evidence, typed; None when the run kept none (saved before it was kept)."""
    data = _json_object(state.test_results)
    evidence = data.get("evidence")
    if not isinstance(evidence, dict):
        return None
    outcomes = _dict(evidence.get("outcomes"))
    mapping = _dict(_dict(data.get("mapping")).get("fields"))
    readings = _dict(evidence.get("number_readings"))
    cohort = _dict(evidence.get("cohort"))
    bad = [b for b in evidence.get("bad_reasons") or [] if isinstance(b, dict)]
    return RunEvidence(
        file=str(evidence.get("file") or data.get("source") or ""),
        sha256=str(evidence.get("sha256") or ""),
        rows=_whole(evidence.get("rows")) or 0,
        encoding=str(evidence.get("encoding") or ""),
        delimiter=str(evidence.get("delimiter") or ""),
        outcome_column=str(outcomes.get("column") or ""),
        won=_texts(outcomes.get("won")),
        lost=_texts(outcomes.get("lost")),
        left_out=tuple((str(v), _whole(n) or 0) for v, n in _dict(evidence.get("left_out")).items()),
        columns=tuple((str(f), str(c)) for f, c in mapping.items()),
        readings=tuple(
            (str(f), str(r.get("decimal", "")), str(r.get("how", "")), str(r.get("example", "")))
            for f, r in readings.items()
            if isinstance(r, dict)
        ),
        bad=tuple(
            (
                str(b.get("reason", "")),
                _whole(b.get("count")) or 0,
                tuple(int(n) for n in b.get("lines") or []),
            )
            for b in bad
        ),
        cohort=(
            f"{cohort.get('too_young', 0):,} leads created within {cohort.get('cycle_days')} days before the "
            f"newest ({cohort.get('newest')}) left out, by “{cohort.get('column')}”"
            if cohort
            else ""
        ),
        saved_at=str(data.get("tested_at") or ""),
    )


def describe_changes(old: MqlDefinition, new: MqlDefinition) -> list[str]:
    """What changed between two versions, one line each, in the users' words."""
    lines = []
    if old.name != new.name:
        lines.append(f"Name: “{old.name}” → “{new.name}”")
    if old.threshold != new.threshold:
        lines.append(f"Threshold: {old.threshold} → {new.threshold} points")

    def keyed(rules: Any) -> dict[str, int]:
        return {
            f"{GROUP_TITLES.get(r.group, 'Gate')}: {r.describe()}": -abs(r.points)
            if r.group == "negative"
            else r.points
            for r in rules
        }

    before, after = keyed(old.rules), keyed(new.rules)
    for text, points in after.items():
        if text not in before:
            lines.append(f"Added {text} ({points:+d})")
        elif before[text] != points:
            lines.append(f"Points for {text}: {before[text]} → {points}")
    lines += [f"Removed {text}" for text in before if text not in after]
    gates_before = {g.describe() for g in old.gates}
    gates_after = {g.describe() for g in new.gates}
    lines += [f"Added gate: {g}" for g in sorted(gates_after - gates_before)]
    lines += [f"Removed gate: {g}" for g in sorted(gates_before - gates_after)]
    if old.decay != new.decay:
        lines.append(f"Decay: {_decay(old)} → {_decay(new)}")
    if old.notes != new.notes:
        lines.append("Notes edited")
    return lines


def _decay(definition: MqlDefinition) -> str:
    if definition.decay is None:
        return "off"
    return f"engagement halves every {definition.decay.half_life_days:g} days of “{definition.decay.field}”"


def mql_json(state: MqlState) -> dict[str, Any]:
    """The ``mql`` section of ``export --json``: the definition file's object plus its record."""
    return {
        "version": state.version,
        "definition": json.loads(state.definition) if state.definition else None,
        "approvals": approvals(state),
        "history": history_of(state),
        "column_mapping": mapping_of(state).to_json(),
        "test_results": test_results_of(state) or None,
    }
