"""The reverse funnel's inputs: each field saves as it is typed, with its message beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.common.document_signals import DocumentSignals
from ui.common.palette import roles
from ui.common.tone import Tone, set_tone
from workshop.edits import Change, Insert, Update
from workshop.funnel.plan import MAX_TYPED, FunnelPlan, step_field
from workshop.funnel.reverse import STAGE_NOUNS, STEPS
from workshop.model import FunnelSettings

NO_DATE = QDate(2000, 1, 1)
AMOUNTS = (
    ("revenue_target", "Revenue &target", "New revenue sales must close in the period."),
    ("other_revenue", "From e&lsewhere", "Revenue expected anyway: renewals, pipeline already on hand."),
    ("deal_size", "Average &deal size", "Average first-year value of a won deal."),
    ("cycle_days", "Sales c&ycle", "Average days from MQL to a won deal; moves the months earlier."),
)


class MonthEdit(QDateEdit):
    """A month picker whose calendar opens at this month while no month is set (not January 2000)."""

    def _open_at_today(self) -> None:
        calendar = self.calendarWidget()
        if self.date() == self.minimumDate() and calendar is not None:
            today = QDate.currentDate()
            calendar.setCurrentPage(today.year(), today.month())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._open_at_today()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        self._open_at_today()


class FunnelInputsForm(QWidget):
    """Period, money, sales cycle and one rate per step, bound to the workshop's funnel inputs."""

    def __init__(self, signals: DocumentSignals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = signals.document
        self.edits: dict[str, QLineEdit] = {}
        self.messages: dict[str, QLabel] = {}
        self.hints: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        self.names = {"period": "period", "period_start": "period start", "use_sal": "SAL stage",
                      "use_opportunity": "opportunity stage"}  # fmt: skip
        self.rate_rows: dict[str, list[QWidget]] = {}
        self._updating = False
        grid = QGridLayout(self)
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(8)

        self.period = QComboBox(self)
        self.period.addItem("Quarter (3 months)", "quarter")
        self.period.addItem("Year (12 months)", "year")
        self.period.setAccessibleName("Period")
        self.period.activated.connect(lambda _i: self._save("period", self.period.currentData()))
        self.start = MonthEdit(self)
        self.start.setAccessibleName("Period starts")
        self.start.setDisplayFormat("MMMM yyyy")
        self.start.setMinimumDate(NO_DATE)
        self.start.setSpecialValueText("Not set")
        self.start.setCalendarPopup(True)
        self.start.dateChanged.connect(self._start_changed)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period)
        period_row.addWidget(QLabel("starting", self))
        period_row.addWidget(self.start)
        period_row.addStretch(1)
        label = QLabel("&Period:", self)
        label.setBuddy(self.period)
        grid.addWidget(label, 0, 0)
        grid.addLayout(period_row, 0, 1, 1, 3)
        self.currency = self._line("currency", "Currency", 4)
        self.currency.setMaximumWidth(48)

        row = 1
        for field, title, tip in AMOUNTS:
            edit = self._line(field, title.replace("&", ""))
            edit.setToolTip(tip)
            label = QLabel(f"{title}:", self)
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            unit = QLabel("days", self) if field == "cycle_days" else None
            if unit is not None:
                grid.addWidget(unit, row, 2)
            elif field == "revenue_target":
                grid.addWidget(self.currency, row, 2)
            self.hints[field] = ""
            grid.addWidget(self._message(field), row, 3)
            row += 1

        self.use_sal = QCheckBox("&SAL stage: sales accepts each MQL before qualifying it", self)
        self.use_opportunity = QCheckBox("&Opportunity stage between SQL and won", self)
        for box, field in ((self.use_sal, "use_sal"), (self.use_opportunity, "use_opportunity")):
            box.setAccessibleName(box.text().replace("&", ""))
            box.toggled.connect(lambda on, f=field: self._save(f, on))
            grid.addWidget(box, row, 0, 1, 4)
            row += 1

        for key, step in STEPS.items():
            field = step_field(key)
            edit = self._line(field, f"{step.title} rate")
            edit.setToolTip(f"Percent of {STAGE_NOUNS[step.source]} that become {STAGE_NOUNS[step.target]}")
            label = QLabel(f"{step.title}:", self)
            label.setBuddy(edit)
            percent = QLabel("%", self)
            self.hints[field] = f"{step.typical} ({step.where})"
            self.sources[field] = step.where
            message = self._message(field)
            message.setToolTip(step.note)
            for column, widget in enumerate((label, edit, percent, message)):
                grid.addWidget(widget, row, column)
            self.rate_rows[key] = [label, edit, percent, message]
            row += 1
        grid.setRowStretch(row, 1)
        if self.document.read_only:
            for widget in (self.period, self.use_sal, self.use_opportunity):
                widget.setEnabled(False)
            self.start.setReadOnly(True)
        signals.changed.connect(self._changed)
        self.refresh()

    def _line(self, field: str, name: str, length: int = MAX_TYPED) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(length)
        edit.setAccessibleName(name)
        self.names[field] = name[0].lower() + name[1:] if not name[:3].isupper() else name
        edit.setMaximumWidth(130)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setReadOnly(self.document.read_only)
        edit.textEdited.connect(lambda text, f=field: self._save(f, text, typing=True))
        edit.editingFinished.connect(self.document.seal_undo)
        self.edits[field] = edit
        return edit

    def _message(self, field: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setAccessibleName(f"{field.replace('_', ' ')} message")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messages[field] = label
        return label

    def settings(self) -> FunnelSettings | None:
        records = self.document.typed(FunnelSettings)
        return records[0] if records else None

    def _save(self, field: str, value: Any, *, typing: bool = False) -> None:
        if self._updating or self.document.read_only:
            return
        settings = self.settings()
        if settings is None:
            self.document.apply("Set up the funnel", [Insert(FunnelSettings(**{field: value}))])
            return
        if getattr(settings, field) == value:
            return
        label = f"Change {self.names.get(field, field.replace('_', ' '))}"
        merge = (FunnelSettings.TABLE, settings.id, field) if typing else None
        self.document.apply(label, [Update.of(settings, **{field: value})], merge_key=merge)

    def _start_changed(self, date: QDate) -> None:
        value = "" if date == NO_DATE else QDate(date.year(), date.month(), 1).toString(Qt.DateFormat.ISODate)
        self._save("period_start", value)

    def _changed(self, change: Change) -> None:
        if change.table == FunnelSettings.TABLE:
            self.refresh()

    def refresh(self) -> None:
        """Show the stored inputs (after an edit, undo or redo) and which rate rows are in use."""
        settings = self.settings() or FunnelSettings()
        self._updating = True
        try:
            for field, edit in self.edits.items():
                value = getattr(settings, field)
                if edit.text() != value:
                    edit.setText(value)
                    edit.setCursorPosition(0)
            self.period.setCurrentIndex(max(0, self.period.findData(settings.period)))
            date = QDate.fromString(settings.period_start, Qt.DateFormat.ISODate)
            self.start.setDate(date if date.isValid() else NO_DATE)
            self.use_sal.setChecked(settings.use_sal)
            self.use_opportunity.setChecked(settings.use_opportunity)
        finally:
            self._updating = False
        from workshop.funnel.reverse import step_keys  # noqa: PLC0415

        used = step_keys(settings.use_sal, settings.use_opportunity)
        for key, widgets in self.rate_rows.items():
            for widget in widgets:
                widget.setVisible(key in used)

    def typed_fields(self) -> set[str]:
        """The fields with something typed in them (an empty field is not yet an error)."""
        return {field for field, edit in self.edits.items() if edit.text().strip()}

    def show_plan(self, plan: FunnelPlan) -> None:
        """Put each field's error, warning or typical-range hint beside it."""
        for field, label in self.messages.items():
            hint = self.hints.get(field, "")
            untouched = not self.edits[field].text().strip()
            tone: Tone
            if field in plan.errors and not untouched:
                text, tone = plan.errors[field], "error"
            elif field in plan.warnings:
                text, tone = f"{plan.warnings[field][:-1]} ({self.sources[field]}).", "warning"
            else:
                text, tone = hint[:1].upper() + hint[1:], "placeholder"
            label.setText(text)
            set_tone(label, tone)
            wrong = field in plan.errors and not untouched
            border = f"border: 1px solid {roles().error};" if wrong else ""
            if self.edits[field].styleSheet() != border:
                self.edits[field].setStyleSheet(border)
