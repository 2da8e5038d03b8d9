""" "Would this lead qualify?": type a lead's fields, see its score and the rules that fired."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.leads.definition_link import DefinitionLink
from workshop.leads.definition import GROUP_TITLES, MqlDefinition, Score, Value, score_lead
from workshop.leads.values import clean, number_of


def lead_from(definition: MqlDefinition, typed: dict[str, str]) -> tuple[dict[str, Value], list[str]]:
    """The lead as the definition reads it, and the fields whose text is not a number."""
    lead: dict[str, Value] = {}
    problems = []
    numbers = definition.number_fields()
    for name in definition.fields():
        value = clean(typed.get(name, ""))
        if value is not None and name in numbers:
            number = number_of(value)
            if number is None:
                problems.append(name)
            lead[name] = number
        else:
            lead[name] = value
    return lead, problems


def verdict(definition: MqlDefinition, score: Score) -> str:
    if score.qualified:
        return f"✔ MQL: {score.points} points (threshold {definition.threshold})"
    if score.failed_gates:
        return f"✘ Not an MQL: misses a must-have ({score.points} points)"
    return f"✘ Not an MQL: {score.points} points, below the threshold of {definition.threshold}"


class LeadTester(QGroupBox):
    """One line edit per field of the definition; the verdict updates as you type."""

    def __init__(self, link: DefinitionLink, parent: QWidget | None = None) -> None:
        super().__init__("Would this lead qualify?", parent)
        self.link = link
        self.inputs: dict[str, QLineEdit] = {}
        self.form = QFormLayout()
        self.result = QLabel(self)
        self.result.setAccessibleName("Verdict")
        self.result.setWordWrap(True)
        font = self.result.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.result.setFont(font)
        self.fired = QListWidget(self)
        self.fired.setAccessibleName("Rules that fired")
        self.fired.setWordWrap(True)
        clear = QPushButton("Clear", self)
        clear.clicked.connect(self.clear)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(clear, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.result)
        right.addWidget(QLabel("Rules that fired:", self))
        right.addWidget(self.fired, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        link.stateChanged.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        typed = {name: line.text() for name, line in self.inputs.items()}
        fields = self.link.definition().fields()
        if list(self.inputs) != fields:
            while self.form.rowCount():
                self.form.removeRow(0)
            self.inputs = {}
            numbers = self.link.definition().number_fields()
            for name in fields:
                line = QLineEdit(self)
                line.setMaxLength(500)
                line.setAccessibleName(name)
                line.setPlaceholderText("a number" if name in numbers else "blank means not given")
                line.setText(typed.get(name, ""))
                line.textChanged.connect(lambda _t: self.update_verdict())
                self.inputs[name] = line
                self.form.addRow(f"{name[:60]}:", line)
        self.update_verdict()

    def set_values(self, values: dict[str, str]) -> None:
        for name, text in values.items():
            if name in self.inputs:
                self.inputs[name].setText(text)

    def clear(self) -> None:
        for line in self.inputs.values():
            line.clear()

    def update_verdict(self) -> None:
        definition = self.link.definition()
        lead, problems = lead_from(definition, {n: line.text() for n, line in self.inputs.items()})
        score = score_lead(definition, lead)
        self.fired.clear()
        if problems:
            self.result.setText(f"“{problems[0]}” needs a number, such as 12 or 1,234.")
            return
        self.result.setText(verdict(definition, score))
        for rule, points in score.fired:
            title = GROUP_TITLES.get(rule.group, rule.group)
            self.fired.addItem(f"{points:+.0f}  {title}: {rule.describe()}")
        for gate in score.failed_gates:
            self.fired.addItem(f"Missing must-have: {gate.describe()}")
        if not score.fired and not score.failed_gates:
            self.fired.addItem("No rule fired.")
