"""The live SMART and FAST findings beside a goal being typed: a letter, a reason, a hint."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.common.palette import roles, status_colour, text_on
from workshop.goals.checker import FAST_KEYS, FAST_LETTERS, SMART_KEYS, SMART_LETTERS, Criterion, GoalCheck

WORDS = {"pass": "passes", "fail": "fails", "unknown": "unknown"}
NAMES = {
    "specific": "Specific",
    "measurable": "Measurable",
    "attainable": "Attainable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
    "frequent": "Frequently discussed",
    "ambitious": "Ambitious",
    "transparent": "Transparent",
}


def _chip(letter: str, status: str) -> str:
    colour = status_colour(status)
    style = f"background:{colour}; color:{text_on(colour)}; font-weight:bold;"
    return (
        f'<span style="{style}">&nbsp;{letter}&nbsp;</span>'
        if status != "unknown"
        else f'<span style="color:{colour}; font-weight:bold; border:1px solid {colour};">'
        f"&nbsp;{letter}&nbsp;</span>"
    )


class CheckPanel(QFrame):
    """Shows a :class:`GoalCheck`; each line is readable by a screen reader on its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Goal checks")
        self.heading = QLabel("<b>SMART</b> (updates as you type)", self)
        self.rows: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        for row, key in enumerate(SMART_KEYS):
            label = QLabel(self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.rows[key] = label
            grid.addWidget(label, row, 0)
        self.fast_heading = QLabel("<b>FAST</b>", self)
        self.fast_rows: dict[str, QLabel] = {}
        fast = QGridLayout()
        for row, key in enumerate(FAST_KEYS):
            label = QLabel(self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.fast_rows[key] = label
            fast.addWidget(label, row, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self.fast_heading)
        layout.addLayout(fast)
        layout.addStretch(1)
        layout.addWidget(self.summary)

    @staticmethod
    def _row(letter: str, key: str, finding: Criterion, *, hint: bool) -> str:
        reason = html.escape(finding.reason)
        text = f"{_chip(letter, finding.status)} <b>{NAMES[key]}</b> {WORDS[finding.status]}: {reason}"
        if finding.warning:
            text += f'<br><span style="color:{roles().warning};">⚠ {html.escape(finding.warning)}</span>'
        if hint and finding.hint and finding.status != "pass":
            text += f'<br><span style="color:{roles().secondary};">→ {html.escape(finding.hint)}</span>'
        return text

    def show_check(self, check: GoalCheck) -> None:
        for key in SMART_KEYS:
            finding = check.smart[key]
            self.rows[key].setText(self._row(SMART_LETTERS[key], key, finding, hint=True))
            warning = f" Warning: {finding.warning}" if finding.warning else ""
            self.rows[key].setAccessibleName(
                f"{NAMES[key]}: {finding.status}. {finding.reason}{warning} {finding.hint}"
            )
        for key in FAST_KEYS:
            finding = check.fast[key]
            self.fast_rows[key].setText(self._row(FAST_LETTERS[key], key, finding, hint=False))
            self.fast_rows[key].setToolTip(finding.hint)
            self.fast_rows[key].setAccessibleName(
                f"{NAMES[key]}: {finding.status}. {finding.reason} {finding.hint}"
            )
        failing = check.failing()
        self.summary.setText(
            "No SMART letter fails: this goal can be agreed."
            if not failing
            else f"{len(failing)} SMART {'letter fails' if len(failing) == 1 else 'letters fail'}: "
            "it stays a draft until fixed, or is agreed with a reason."
        )

    def row_text(self, key: str) -> str:
        """What the row of one letter says, as plain text (for tests and accessibility)."""
        label = self.rows.get(key) or self.fast_rows[key]
        return label.accessibleName() or label.text()
