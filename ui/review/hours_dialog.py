"""The clock the reviews count by: the workshop's time zone, working days and hours, review time."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.palette import roles
from workshop.model import WEEKDAY_KEYS, WorkshopInfo

DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _time_edit(text: str, fallback: QTime, parent: QWidget) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    found = QTime.fromString(text, "HH:mm")
    edit.setTime(found if found.isValid() else fallback)
    return edit


class WorkingHoursDialog(QDialog):
    """Edits the settings in one go; :meth:`changes` gives the fields to update (after OK)."""

    def __init__(self, info: WorkshopInfo, zones: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Working Hours and Time Zone")
        self.zones = zones
        layout = QVBoxLayout(self)
        note = QLabel(
            "The SLA's business hours count only on these days and hours, in the workshop's time "
            "zone. CRM times with a UTC offset are turned into this zone; times without one are "
            "read as its local time.",
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.addItems(zones)
        self.zone.setCurrentText(info.time_zone)
        completer = QCompleter(zones, self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)
        self.zone.setAccessibleName("Time zone")
        self.zone.setToolTip("Type part of the name: “Berlin”, “New_York”, “Kolkata”")
        form.addRow("&Time zone:", self.zone)
        days_row = QHBoxLayout()
        chosen = {w.strip() for w in info.work_days.split(",")}
        self.days: list[QCheckBox] = []
        for key, label in zip(WEEKDAY_KEYS, DAY_LABELS, strict=True):
            box = QCheckBox(label, self)
            box.setChecked(key in chosen)
            box.setAccessibleName(f"Working day: {label}")
            days_row.addWidget(box)
            self.days.append(box)
        days_row.addStretch(1)
        form.addRow("Working days:", days_row)
        hours_row = QHBoxLayout()
        self.start = _time_edit(info.work_start, QTime(9, 0), self)
        self.start.setAccessibleName("Working day starts")
        self.end = _time_edit(info.work_end, QTime(17, 0), self)
        self.end.setAccessibleName("Working day ends")
        hours_row.addWidget(self.start)
        hours_row.addWidget(QLabel("to", self))
        hours_row.addWidget(self.end)
        hours_row.addStretch(1)
        form.addRow("&Working day:", hours_row)
        self.review_time = _time_edit(info.review_time, QTime(9, 0), self)
        self.review_time.setAccessibleName("Review meetings start at")
        form.addRow("&Review meetings at:", self.review_time)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {roles().warning};")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def problem_text(self) -> str:
        """What stops the settings being used, in words; "" when they can be."""
        zone = self.zone.currentText().strip()
        if zone not in self.zones:
            return f"“{zone}” is not a time zone this computer knows: pick one from the list."
        if not any(box.isChecked() for box in self.days):
            return "Tick at least one working day."
        if self.end.time() <= self.start.time():
            return "The working day must end after it starts."
        return ""

    def accept(self) -> None:
        problem = self.problem_text()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        super().accept()

    def changes(self) -> dict[str, str]:
        """The workshop's fields as the dialog sets them."""
        return {
            "time_zone": self.zone.currentText().strip(),
            "work_days": ",".join(
                k for k, box in zip(WEEKDAY_KEYS, self.days, strict=True) if box.isChecked()
            ),
            "work_start": self.start.time().toString("HH:mm"),
            "work_end": self.end.time().toString("HH:mm"),
            "review_time": self.review_time.time().toString("HH:mm"),
        }
