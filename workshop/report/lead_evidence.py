"""What the MQL definition's saved test run rests on, printed under its figures.

The file's name and SHA-256 (so anyone can check it is the same export), its rows, how it was
read, which column gave each field, which outcome values meant converted, not converted or
left out, how numbers were read, fair cohorts, and why rows were left out.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from workshop.leads.state import RunEvidence, bench_result_of, definition_of, run_evidence_of
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
        KeepTogether(
            [
                para("What these figures rest on", ctx.st.small, bold=True),
                table(None, rows, [width * 0.16, width * 0.84], ctx.st),
            ]
        ),
    ]


def mql_test_section(ctx: ReportContext) -> list[Flowable]:
    """For the goals PDF: the MQL definition's saved test, its figures and what they rest on."""
    if not ctx.content.mql:
        return []
    state = ctx.content.mql[0]
    tested = bench_result_of(state)
    if tested is None:
        return []
    definition = definition_of(state)
    threshold = definition.threshold if tested.threshold is None else tested.threshold
    share = f"{tested.qualified / tested.leads:.1%}" if tested.leads else "–"

    def pct(value: float | None) -> str:
        return "–" if value is None else f"{value:.1%}"

    lift = "–" if tested.lift is None else f"{tested.lift:.2f}×"
    section: list[Flowable] = [
        para("The MQL definition, tested", ctx.st.h1),
        para(
            f"“{definition.name}”, version {'?' if tested.version is None else tested.version} at "
            f"{threshold} points, on {tested.source or 'a lead history'}: {tested.qualified:,} of "
            f"{tested.leads:,} leads qualify ({share}); MQLs convert at {pct(tested.mql_conversion)}, "
            f"the rest at {pct(tested.other_conversion)} (lift {lift}; recall {pct(tested.recall)}).",
            ctx.st.body,
        ),
        *bench_evidence(ctx, state),
    ]
    return [KeepTogether(section)]
