"""The stages of the method, in order: plain data, so the window's Go menu needs no page or Qt.

``ui.workshop_view`` shows them (and re-exports them); the main window builds its Go menu from
them before it shows, without importing the stage list's widgets.
"""

from __future__ import annotations

from typing import NamedTuple


class Stage(NamedTuple):
    """A stage of the method: its Ctrl+digit shortcut, icon, and page ("module:Class")."""

    key: str
    title: str
    digit: int
    icon: str
    page: str


# In the method's order; Ctrl+digit numbers are fixed even while some stages are not built.
# A page class is imported only when its stage is first shown; it takes (PageContext, parent).
STAGES = (
    Stage("setup", "Setup", 1, "setup", "ui.setup.page:SetupPage"),
    Stage("agenda", "Agenda", 2, "agenda", "ui.agenda.page:AgendaPage"),
    Stage("run", "Run", 3, "run", "ui.run.page:RunPage"),
    Stage("goals", "Goals", 4, "goals", "ui.goals.page:GoalsPage"),
    Stage("funnel", "Funnel", 5, "funnel", "ui.funnel.page:FunnelPage"),
    Stage("leads", "Leads & MQL", 6, "leads", "ui.leads.page:LeadsPage"),
    Stage("sla", "SLA", 7, "sla", "ui.sla.page:SlaPage"),
    Stage("signoff", "Sign-off", 8, "signoff", "ui.signoff.page:SignoffPage"),
    Stage("actions", "Actions", 9, "actions", "ui.actions.page:ActionsPage"),
    Stage("review", "Review", 0, "review", "ui.review.page:ReviewPage"),
)
