"""What the MQL definition's saved test run rests on, printed under its figures.

The file's name and SHA-256 (so anyone can check it is the same export), its rows, how it was
read, which column gave each field, which outcome values meant converted, not converted or
left out, how numbers were read, and why rows were left out.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from workshop.leads.state import test_results_of
from workshop.model import MqlState
from workshop.report.context import ReportContext
from workshop.report.layout import para, table

HOW = {"chosen": ", chosen for the file", "file": ", as the file's other columns"}


def _texts(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _quoted(values: list[str]) -> str:
    return ", ".join(f"“{v or '(blank)'}”" for v in values) or "none"


def evidence_rows(state: MqlState) -> list[list[str]]:
    """The saved run's evidence as (what, detail) rows; [] when the run kept none."""
    saved = test_results_of(state)
    evidence = saved.get("evidence")
    if not isinstance(evidence, dict):
        return []
    rows = [
        [
            "File",
            f"{evidence.get('file') or saved.get('source') or '?'}: {evidence.get('rows', 0):,} rows, "
            f"{evidence.get('delimiter', '?')}-separated, {evidence.get('encoding', '?')}",
        ],
        ["SHA-256", str(evidence.get("sha256") or "?")],
    ]
    outcomes = evidence.get("outcomes")
    if isinstance(outcomes, dict):
        left_out = evidence.get("left_out")
        left = (
            "; left out: " + ", ".join(f"“{v or '(blank)'}” {n:,}" for v, n in left_out.items())
            if isinstance(left_out, dict) and left_out
            else ""
        )
        won, lost = _quoted(_texts(outcomes.get("won"))), _quoted(_texts(outcomes.get("lost")))
        column = outcomes.get("column", "?")
        rows.append(["Outcome", f"column “{column}”: converted = {won}; not converted = {lost}{left}"])
    mapping = saved.get("mapping")
    fields = mapping.get("fields") if isinstance(mapping, dict) else None
    if isinstance(fields, dict) and fields:
        rows.append(["Columns", "; ".join(f"{f} ← “{c}”" for f, c in fields.items())])
    readings = evidence.get("number_readings")
    if isinstance(readings, dict) and readings:
        described = []
        for name, reading in readings.items():
            if not isinstance(reading, dict):
                continue
            if reading.get("how") == "integers":
                described.append(f"{name}: whole numbers")
            else:
                how = HOW.get(str(reading.get("how")), "")
                example = f" ({reading['example']})" if reading.get("example") else ""
                described.append(f"{name}: decimal {reading.get('decimal', '?')}{how}{example}")
        rows.append(["Numbers", "; ".join(described)])
    bad = evidence.get("bad_reasons")
    if isinstance(bad, list) and bad:
        reasons = [
            f"{b.get('reason')}: {b.get('count', 0):,} (line {', '.join(_texts(b.get('lines')))})"
            for b in bad
            if isinstance(b, dict)
        ]
        rows.append(["Bad rows", "; ".join(reasons)])
    else:
        rows.append(["Bad rows", "none"])
    if saved.get("tested_at"):
        rows.append(["Saved", str(saved["tested_at"]).replace("T", " ")])
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
