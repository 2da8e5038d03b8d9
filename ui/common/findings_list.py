"""A short list of what needs attention, each line with an icon; click to go to the row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from ui.common import icons
from workshop.setup.checks import Finding


class FindingsList(QListWidget):
    """Shows :class:`Finding` s; emits ``recordActivated(table, record_id)`` on a click."""

    recordActivated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Setup checks")
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.itemClicked.connect(self._clicked)
        self.findings: list[Finding] = []

    def show_findings(self, findings: Sequence[Finding], all_clear: str) -> None:
        self.findings = list(findings)
        self.clear()
        if not findings:
            self.addItem(QListWidgetItem(icons.icon("ok"), all_clear))
        for finding in sorted(findings, key=lambda f: f.severity != "error"):
            item = QListWidgetItem(icons.icon(finding.severity), finding.message)
            item.setData(Qt.ItemDataRole.UserRole, (finding.table, finding.record_ids))
            item.setToolTip(finding.message)
            self.addItem(item)
        rows = max(1, self.count())
        self.setFixedHeight(min(rows, 5) * (self.sizeHintForRow(0) + 2) + 6)

    def _clicked(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target and target[1]:
            self.recordActivated.emit(target[0], target[1][0])
