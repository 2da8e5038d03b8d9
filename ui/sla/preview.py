"""The SLA as rich text for the screen: the same clause text the PDF prints."""

from __future__ import annotations

from html import escape

from ui.common.palette import roles
from workshop.model import WorkshopContent
from workshop.sla import agreement as sla

NOT_AGREED = "[not agreed yet:"


def sla_html(content: WorkshopContent) -> str:
    """Heading, company, numbered clauses (missing values highlighted) and the fingerprint."""
    parts = [f"<h2>Service level agreement</h2><p><i>{escape(content.info.company)}</i></p>"]
    for index, clause in enumerate(content.sla_clauses, 1):
        text = escape(sla.render(clause, content))
        pieces = text.split(NOT_AGREED)
        for i in range(1, len(pieces)):
            label, _, rest = pieces[i].partition("]")
            pieces[i] = f"<span style='color:{roles().warning}'><b>{NOT_AGREED}{label}]</b></span>{rest}"
        heading = escape(clause.heading or "Untitled clause")
        parts.append(f"<h4>{index}. {heading}</h4><p>{''.join(pieces)}</p>")
    if not content.sla_clauses:
        parts.append("<p>No clauses yet.</p>")
    parts.append(f"<p><small>Fingerprint {sla.short_fingerprint(sla.fingerprint(content))} …</small></p>")
    return "".join(parts)
