"""The PDF half of ``export``: the SLA and goals PDFs (kept apart so --json stays light)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from workshop.model import WorkshopContent


def export_pdfs(
    content: WorkshopContent, sla_out: str | None, goals_out: str | None, paper: str | None
) -> Iterator[tuple[Path, bytes, str]]:
    from workshop.report.paper import default_paper
    from workshop.report.record import current_record, record_bytes, record_signers
    from workshop.signoff.signing import LocalAuthority
    from workshop.sla import agreement as sla

    paper = paper or default_paper()
    record = current_record(content)
    stored = record_bytes(record) if record is not None else b""
    if sla_out and stored and record is not None:  # the stored record: no page is laid out again
        whole = record_signers(record) >= len(sla.signatories(content))
        what = (
            "the signed SLA (the record kept in the workshop)"
            if whole
            else "the SLA record, signed so far by some of the signatories"
        )
        yield Path(sla_out), stored, what
    elif sla_out:
        from workshop.report.sla_pdf import DRAFT, PARTLY_SIGNED, SIGNED_NOW, pdf_for_export

        data, kind = pdf_for_export(content, paper, LocalAuthority())
        what = {
            DRAFT: "the SLA as a DRAFT (not signed by every signatory)",
            SIGNED_NOW: "the signed SLA",
            PARTLY_SIGNED: "the SLA record, signed so far by some of the signatories",
        }.get(kind, "the signed SLA (the record kept in the workshop)")
        yield Path(sla_out), data, what
    if goals_out:
        from workshop.report.goals_pdf import goals_pdf

        yield Path(goals_out), goals_pdf(content, paper), "the goals PDF"
