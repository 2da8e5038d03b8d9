"""The PDF half of ``export``: the SLA and goals PDFs (kept apart so --json stays light)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from workshop.model import WorkshopContent


def export_pdfs(
    content: WorkshopContent, sla_out: str | None, goals_out: str | None, paper: str | None
) -> Iterator[tuple[Path, bytes, str]]:
    from workshop.report.goals_pdf import goals_pdf
    from workshop.report.paper import default_paper
    from workshop.report.sla_pdf import DRAFT, PARTLY_SIGNED, SIGNED_NOW, pdf_for_export
    from workshop.signoff.signing import LocalAuthority

    paper = paper or default_paper()
    if sla_out:
        data, kind = pdf_for_export(content, paper, LocalAuthority())
        what = {
            DRAFT: "the SLA as a DRAFT (not signed by every signatory)",
            SIGNED_NOW: "the signed SLA",
            PARTLY_SIGNED: "the SLA record, signed so far by some of the signatories",
        }.get(kind, "the signed SLA (the record kept in the workshop)")
        yield Path(sla_out), data, what
    if goals_out:
        yield Path(goals_out), goals_pdf(content, paper), "the goals PDF"
