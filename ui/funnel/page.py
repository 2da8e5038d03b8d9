"""Funnel (Ctrl+5): the reverse funnel from the revenue target, and the quotas that follow."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common.page_context import PageContext
from ui.common.record_table import Column, RecordTableModel
from ui.common.record_table_editor import RecordTableEditor
from ui.common.tone import set_tone
from ui.funnel.chart_view import FunnelChartView
from ui.funnel.inputs_form import FunnelInputsForm
from ui.funnel.table_model import FunnelTableModel
from workshop.edits import Change
from workshop.funnel.plan import FunnelPlan, funnel_plan, period_label, quota_problems
from workshop.model import (
    MARKETING,
    QUOTA_PERIODS,
    TEAM_KEYS,
    FunnelSettings,
    QuotaLine,
    Team,
    team_colours,
    team_name,
)

WIDEST_WITHOUT_SCROLLING = 7  # columns: the period and up to six months
QUOTA_COLUMNS = (
    Column("team", "Team", "team", options=TEAM_KEYS, width=110),
    Column("amount", "How many", width=80),
    Column("what", "What", tip="For example “blog posts”, “calls”, “demos booked”", width=170),
    Column("per", "Per", "choice", options=QUOTA_PERIODS, width=80),
    Column("notes", "Notes"),
)


class FunnelPage(QWidget):
    """Inputs on the left with their messages; counts, chart and quota lines on the right."""

    title = "Funnel"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        signals = context.signals
        self.document = signals.document
        self.plan: FunnelPlan | None = None

        self.form = FunnelInputsForm(signals, self)
        inputs_box = QGroupBox("What sales must close, and how leads convert", self)
        inputs_layout = QVBoxLayout(inputs_box)
        scroll = QScrollArea(inputs_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        inputs_layout.addWidget(scroll)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Marketing's MQL quota")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.summary.setFont(font)
        self.counts = FunnelTableModel()
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.counts)
        self.table.setAccessibleName("Funnel counts per month")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.shift_note = QLabel(self)
        self.shift_note.setWordWrap(True)
        self.chart = FunnelChartView(self)

        self.quota_model = RecordTableModel(signals, QuotaLine, QUOTA_COLUMNS, "quota line")
        self.quotas = RecordTableEditor(self.quota_model, self._new_quota, parent=self)
        self.funnel_quota = QLabel(self)
        self.funnel_quota.setWordWrap(True)
        quota_box = QGroupBox("Quotas for both teams", self)
        quota_layout = QVBoxLayout(quota_box)
        quota_layout.addWidget(self.funnel_quota)
        quota_layout.addWidget(self.quotas)

        outputs_box = QGroupBox("What marketing and sales must deliver", self)
        outputs = QVBoxLayout(outputs_box)
        outputs.addWidget(self.summary)
        outputs.addWidget(self.table)
        outputs.addWidget(self.shift_note)
        outputs.addWidget(self.chart, 1)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(inputs_box)
        top.addWidget(outputs_box)
        top.setSizes([560, 560])
        page = QSplitter(Qt.Orientation.Vertical, self)
        page.addWidget(top)
        page.addWidget(quota_box)
        page.setStretchFactor(0, 2)
        page.setStretchFactor(1, 1)
        page.setSizes([480, 240])
        body = QHBoxLayout(self)
        body.addWidget(page)

        # Ctrl+5 puts the cursor in the target (a method, not a focus proxy: a proxied page
        # would be a Tab stop of its own, out of reading order)
        self.focus_target = self.form.edits["revenue_target"]
        signals.changed.connect(self._changed)
        self.refresh()

    def _new_quota(self) -> QuotaLine:
        return QuotaLine(team=MARKETING, amount="1", what="", per="month")

    def _changed(self, change: Change) -> None:
        if change.table in (FunnelSettings.TABLE, Team.TABLE, QuotaLine.TABLE, "reset"):
            self.refresh()

    def refresh(self) -> None:
        """Work the funnel out again from the stored inputs and show it everywhere on the page."""
        settings = self.form.settings() or FunnelSettings()
        plan = funnel_plan(settings)
        self.plan = plan
        self.form.show_plan(plan)
        self.counts.set_plan(plan)
        self.table.setVisible(plan.result is not None)
        self._fit_table()
        marketing = team_name(self.document.typed(Team), MARKETING)
        quota = plan.mql_quota()
        label = period_label(settings)
        if plan.result is None:
            typed = self.form.typed_fields()
            count = sum(field in typed for field in plan.errors)
            if count:
                self.summary.setText(
                    f"Fix the {count} input{'s' if count != 1 else ''} marked in red to see the funnel."
                )
                set_tone(self.summary, "error")
            else:  # nothing wrong yet: only not filled in
                self.summary.setText("Fill in the target and the rates to see the funnel.")
                set_tone(self.summary, None)
            self.funnel_quota.setText(f"{marketing}'s MQL quota follows from the funnel once it is complete.")
            self.shift_note.setText("")
        else:
            result = plan.result
            set_tone(self.summary, None)
            gap = f"{settings.currency.strip()}{math.ceil(result.gap):,}"
            if result.period["won"] == 0:
                self.summary.setText(
                    f"{label}: revenue from elsewhere covers the target; no new deals needed."
                )
            else:
                self.summary.setText(
                    f"{label}: {gap} to win in {result.period['won']:,} deals needs "
                    f"{result.period['mql']:,} MQLs. {marketing}'s quota: {quota:,} MQLs a month."
                )
            self.funnel_quota.setText(
                f"From the funnel: {marketing}, {quota:,} MQLs a month (goes into the SLA)."
            )
            self.shift_note.setText(self._shift_text(plan))
        self.chart.show_plan(plan, label, team_colours(self.document.typed(Team)))
        problems = quota_problems(self.document.typed(QuotaLine))
        self.quota_model.set_problems({key: ("error", text) for key, text in problems.items()})

    def _fit_table(self) -> None:
        """Show every row without scrolling; a quarter's columns fit, a year's scroll sideways."""
        table = self.table
        header = table.horizontalHeader()
        height = header.sizeHint().height() + sum(table.rowHeight(r) for r in range(self.counts.rowCount()))
        width = table.verticalHeader().sizeHint().width()
        width += sum(header.sectionSize(c) for c in range(self.counts.columnCount())) + 4
        wide = self.counts.columnCount() > WIDEST_WITHOUT_SCROLLING
        table.setMinimumWidth(min(width, 400) if wide else width)
        table.setMaximumWidth(width)
        scrollbar = table.horizontalScrollBar().sizeHint().height() if wide else 0
        table.setFixedHeight(height + scrollbar + 4)

    def _shift_text(self, plan: FunnelPlan) -> str:
        assert plan.result is not None
        shift = plan.result.months_earlier
        if shift == 0:
            return "The sales cycle is under two weeks, so every stage falls in the month its deals close."
        first = plan.month_label(1 - shift)
        return (
            f"Every stage before a won deal comes {shift} month{'s' if shift > 1 else ''} earlier "
            f"(the sales cycle), so marketing's work starts in {first}."
        )
