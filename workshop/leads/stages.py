"""Lead stages: the lifecycle both teams agree, from the common vocabulary (DOMAIN.md)."""

from __future__ import annotations

from workshop.model import JOINT, MARKETING, SALES, LeadStage

STAGE_OWNERS = (MARKETING, SALES, JOINT)


def common_stages() -> list[LeadStage]:
    """Subscriber -> Lead -> MQL -> SAL -> SQL -> Opportunity -> Customer, plus the side exits."""
    rows = [
        (
            "Subscriber",
            "Opted in to hear from us; no sales interest shown yet.",
            "Subscribes to the newsletter or blog.",
            MARKETING,
            0,
        ),
        (
            "Lead",
            "A named person who gave contact details in exchange for something.",
            "Fills in a form (download, webinar, trial).",
            MARKETING,
            0,
        ),
        (
            "MQL",
            "Marketing qualified: fits and is engaged enough for sales to call.",
            "Scores at or above the agreed MQL threshold and passes the gates.",
            MARKETING,
            24,
        ),
        (
            "SAL",
            "Sales accepted: sales agrees it is worth working.",
            "Sales accepts it after a first look; a rejection needs a reason.",
            SALES,
            48,
        ),
        (
            "SQL",
            "Sales qualified: a real need, budget and timeline confirmed on a call.",
            "Discovery call held; need, budget, authority and timing noted.",
            SALES,
            72,
        ),
        (
            "Opportunity",
            "A deal in the pipeline with a value and a close date.",
            "Proposal or quote sent.",
            SALES,
            0,
        ),
        ("Customer", "Signed and paying.", "Contract signed.", SALES, 0),
        (
            "Nurture / Recycled",
            "Not ready yet: back to marketing, with the reason.",
            "Rejected by sales or no reply after the agreed attempts.",
            MARKETING,
            0,
        ),
        (
            "Disqualified",
            "Never a fit: competitor, student, invalid contact.",
            "Either team marks it, with a reason from the fixed list.",
            JOINT,
            0,
        ),
    ]
    return [
        LeadStage(name=n, definition=d, entry_criteria=e, owner=o, handoff_hours=h) for n, d, e, o, h in rows
    ]
