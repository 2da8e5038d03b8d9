"""What every report section is given: the content, the paper, the styles; dates as people read them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from reportlab.platypus import Flowable

from workshop.model import WorkshopContent
from workshop.report.layout import Styles, content_width

Section = Callable[["ReportContext"], list[Flowable]]


@dataclass
class ReportContext:
    content: WorkshopContent
    paper: str
    st: Styles
    final: bool = False  # True: the signed version (signature boxes left for the digital stamps)
    charts: bool = True
    stamp_boxes: dict[str, tuple[int, tuple[float, float, float, float]]] = field(default_factory=dict)

    @property
    def width(self) -> float:
        return content_width(self.paper)


def nice_date(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
        return f"{day.day} {day:%b %Y}"  # "%-d" does not exist on Windows
    except ValueError:
        return iso or "not set"


def date_range(start: str, end: str) -> str:
    if not start:
        return "Dates not set"
    return nice_date(start) if end in ("", start) else f"{nice_date(start)} to {nice_date(end)}"
