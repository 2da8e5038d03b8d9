"""What the MQL definition's saved test run rests on, printed under its figures.

The file's name and SHA-256 (so anyone can check it is the same export), its rows, how it was
read, which column gave each field, which outcome values meant converted, not converted or
left out, how numbers were read, fair cohorts, and why rows were left out.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from workshop.leads.state import RunEvidence, run_evidence_of
from workshop.model import MqlState
from workshop.report.context import ReportContext
from workshop.report.layout import para, table

HOW = {"chosen": ", chosen for the file", "file": ", as the file's other columns"}


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"“{v or '(blank)'}”" for v in values) or "none"


def _numbers(evidence: RunEvidence) -> str:
    described = []
    for name, decimal, how, example in evidence.readings:
        if how == "integers":
            described.append(f"{name}: whole numbers")
        else:
            shown = f" ({example})" if example else ""
            described.append(f"{name}: decimal {decimal}{HOW.get(how, '')}{shown}")
    return "; ".join(described)


def evidence_rows(state: MqlState) -> list[list[str]]:
    """The saved run's evidence as (what, detail) rows; [] when the run kept none."""
    evidence = run_evidence_of(state)
    if evidence is None:
        return []
    left = "; ".join(f"“{v or '(blank)'}” {n:,}" for v, n in evidence.left_out)
    rows = [
        [
            "File",
            f"{evidence.file}: {evidence.rows:,} rows, {evidence.delimiter}-separated, {evidence.encoding}",
        ],
        ["SHA-256", evidence.sha256],
        [
            "Outcome",
            f"column “{evidence.outcome_column}”: converted = {_quoted(evidence.won)}; "
            f"not converted = {_quoted(evidence.lost)}" + (f"; left out: {left}" if left else ""),
        ],
    ]
    if evidence.columns:
        rows.append(["Columns", "; ".join(f"{f} ← “{c}”" for f, c in evidence.columns)])
    if evidence.readings:
        rows.append(["Numbers", _numbers(evidence)])
    if evidence.cohort:
        rows.append(["Fair cohort", evidence.cohort])
    reasons = [f"{r}: {n:,} (line {', '.join(str(x) for x in lines)})" for r, n, lines in evidence.bad]
    rows.append(["Bad rows", "; ".join(reasons) or "none"])
    if evidence.saved_at:
        rows.append(["Saved", evidence.saved_at.replace("T", " ")])
    return rows


def bench_evidence(ctx: ReportContext, state: MqlState) -> list[Flowable]:
    """The evidence table under the saved run's figures; [] when there is none."""
    rows = evidence_rows(state)
    if not rows:
        return []
    width = ctx.width
    return [
        Spacer(1, 2 * mm),
        para("What these figures rest on", ctx.st.small, bold=True),
        table(None, rows, [width * 0.16, width * 0.84], ctx.st),
    ]
