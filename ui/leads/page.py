"""Leads & MQL (Ctrl+6): lead stages, the MQL definition and its approval, and the test bench."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.common.page_context import PageContext
from ui.common.record_table import Column, RecordTableModel
from ui.common.record_table_editor import RecordTableEditor
from ui.leads.definition_editor import DefinitionEditor
from ui.leads.definition_link import DefinitionLink
from ui.leads.history_bench import HistoryBench
from ui.leads.lead_tester import LeadTester
from workshop.leads.stages import STAGE_OWNERS
from workshop.model import LeadStage

STAGE_COLUMNS = (
    Column("name", "Stage", width=170),
    Column("definition", "What it means", width=330, stretch=True),
    Column("entry_criteria", "Entry criteria", width=330, stretch=True),
    Column("owner", "Owner", "team", options=STAGE_OWNERS, width=120),
    Column(
        "handoff_hours", "Hand-off (hours)", tip="How soon the owner acts on a lead; 0: no limit", width=130
    ),
)


class LeadsPage(QWidget):
    """Four tabs: lead stages, the MQL definition, one lead tried, the definition tested on a history."""

    title = "Leads & MQL"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document = context.document
        self.link = DefinitionLink(context.signals, self)

        self.stages_model = RecordTableModel(context.signals, LeadStage, STAGE_COLUMNS, "stage")
        self.stages = RecordTableEditor(self.stages_model, lambda: LeadStage(name="New stage"), parent=self)
        view = self.stages.view
        view.setWordWrap(True)
        view.verticalHeader().setMinimumSectionSize(28)
        for signal in (
            self.stages_model.dataChanged,
            self.stages_model.rowsInserted,
            self.stages_model.modelReset,
        ):
            signal.connect(lambda *_: view.resizeRowsToContents())
        view.resizeRowsToContents()
        stages_tab = QWidget(self)
        stages_layout = QVBoxLayout(stages_tab)
        hint = QLabel(
            "The lifecycle both teams agree, in order. Rename, add or drop stages; the side exits "
            "(nurture, disqualified) say where a lead goes when it is not ready.",
            stages_tab,
        )
        hint.setWordWrap(True)
        stages_layout.addWidget(hint)
        stages_layout.addWidget(self.stages, 1)

        self.editor = DefinitionEditor(context, self.link, self)
        self.tester = LeadTester(self.link, self)
        self.bench = HistoryBench(context, self.link, self)
        self.bench.columnsLoaded.connect(self._columns_loaded)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Leads and MQL")
        self.tabs.addTab(stages_tab, "Lead &stages")
        self.tabs.addTab(self.editor, "MQL &definition")
        self.tabs.addTab(self.tester, "&Would this lead qualify?")
        self.tabs.addTab(self.bench, "&Test on lead history")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.setCurrentIndex(1)

    def _columns_loaded(self, columns: list[str]) -> None:
        self.editor.file_columns = list(columns)
