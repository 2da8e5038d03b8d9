"""The definition's rules and gates as an editable table; each edit is a new definition."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ui.common.palette import roles
from ui.leads.definition_link import DefinitionLink
from workshop.leads.definition import (
    GROUP_TITLES,
    MAX_POINTS,
    NUMBER_OPERATORS,
    OPERATOR_TITLES,
    MqlDefinition,
    Rule,
)
from workshop.leads.values import number_of

Index = QModelIndex | QPersistentModelIndex
KINDS = {**GROUP_TITLES, "gate": "Must have"}
COLUMNS = ("Kind", "Field", "Test", "Value(s)", "Min", "Max", "Points")
KIND_COLUMN, FIELD_COLUMN, TEST_COLUMN, VALUE_COLUMN, MIN_COLUMN, MAX_COLUMN, POINTS_COLUMN = range(7)


def rows_of(definition: MqlDefinition) -> list[Rule]:
    """Rules by kind (fit, engagement, negative), then gates."""
    order = {"fit": 0, "engagement": 1, "negative": 2}
    return [*sorted(definition.rules, key=lambda r: order.get(r.group, 3)), *definition.gates]


def with_rows(definition: MqlDefinition, rows: list[Rule]) -> MqlDefinition:
    return replace(
        definition,
        rules=tuple(r for r in rows if r.group != "gate"),
        gates=tuple(replace(r, points=0) for r in rows if r.group == "gate"),
    )


class RulesModel(QAbstractTableModel):
    """One row per rule; columns per :data:`COLUMNS`. Edits go through the document."""

    def __init__(self, link: DefinitionLink) -> None:
        super().__init__()
        self.link = link
        self.rows = rows_of(link.definition())
        link.stateChanged.connect(self.reload)

    def reload(self) -> None:
        """Show the definition as it is now: the same rows changed in place (an open cell
        editor and the current cell survive, so Tab goes on to the next cell); a reset only
        when rules were added or removed."""
        rows = rows_of(self.link.definition())
        if rows == self.rows:
            return
        if len(rows) != len(self.rows):
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        changed = [i for i, (old, new) in enumerate(zip(self.rows, rows, strict=True)) if old != new]
        self.rows = rows
        self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(COLUMNS) - 1))

    @staticmethod
    def lacks_value(rule: Rule) -> bool:
        """A text test with nothing to look for: it would match only leads where the field is blank."""
        return rule.operator in ("equals", "contains", "one_of") and not rule.value.strip()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return str(section + 1) if orientation == Qt.Orientation.Vertical else None

    def _cell(self, rule: Rule, column: int, editing: bool) -> Any:
        if column == KIND_COLUMN:
            return rule.group if editing else KINDS.get(rule.group, rule.group)
        if column == FIELD_COLUMN:
            return rule.field
        if column == TEST_COLUMN:
            return rule.operator if editing else OPERATOR_TITLES.get(rule.operator, rule.operator)
        if column == VALUE_COLUMN:
            if rule.operator == "one_of":
                return rule.value if editing else ", ".join(rule.choices())
            return rule.value if rule.operator in ("equals", "contains") else ""
        if column == MIN_COLUMN:
            return _shown(rule.low) if rule.operator in ("at_least", "between") else ""
        if column == MAX_COLUMN:
            return _shown(rule.high) if rule.operator in ("at_most", "between") else ""
        if rule.group == "gate":
            return "" if editing else "must have"
        if editing:
            return str(abs(rule.points))
        return f"−{abs(rule.points)}" if rule.group == "negative" else f"+{abs(rule.points)}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        rule = self.rows[index.row()]
        empty = index.column() == VALUE_COLUMN and self.lacks_value(rule)
        if role == Qt.ItemDataRole.DisplayRole and empty:
            return "⚠ type a value"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._cell(rule, index.column(), role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.BackgroundRole and empty:
            return QColor(roles().warning_tint)
        if role == Qt.ItemDataRole.ToolTipRole:
            if empty:
                return "This rule has no value yet: it matches only leads where the field is blank."
            if index.column() == VALUE_COLUMN and rule.operator == "one_of":
                return "Separate the values with | (a bar), e.g. Reference|Welingak Website"
            return rule.describe()
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            MIN_COLUMN,
            MAX_COLUMN,
            POINTS_COLUMN,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.link.read_only or not self._editable(self.rows[index.row()], index.column()):
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable

    @staticmethod
    def _editable(rule: Rule, column: int) -> bool:
        if column == VALUE_COLUMN:
            return rule.operator in ("equals", "contains", "one_of")
        if column == MIN_COLUMN:
            return rule.operator in ("at_least", "between")
        if column == MAX_COLUMN:
            return rule.operator in ("at_most", "between")
        if column == POINTS_COLUMN:
            return rule.group != "gate"
        return True

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.link.read_only:
            return False
        rule = self.rows[index.row()]
        new = _edited(rule, index.column(), str(value if value is not None else ""))
        if new is None:
            return False
        if new == rule:
            return True
        rows = list(self.rows)
        rows[index.row()] = new
        self.link.set_definition(
            with_rows(self.link.definition(), rows),
            f"Change rule: {COLUMNS[index.column()].lower()}",
            merge=f"rule {index.row()} {index.column()}",
        )
        return True

    def add_rule(self, group: str) -> int:
        """Add a rule of ``group`` after the last of its kind; return its row."""
        field = self.rows[-1].field if self.rows else "Lead Source"
        points = 0 if group == "gate" else 10
        rule = Rule(field, "equals", "", points=points, group=group)
        rows = list(self.rows)
        last = max((i for i, r in enumerate(rows) if r.group == group), default=-1)
        at = last + 1 if last >= 0 else len(rows)
        rows.insert(at, rule)
        definition = with_rows(self.link.definition(), rows)
        self.link.set_definition(definition, f"Add {KINDS[group].lower()} rule")
        return rows_of(definition).index(rule) if rule in rows_of(definition) else at

    def remove_rows(self, rows: list[int]) -> None:
        kept = [r for i, r in enumerate(self.rows) if i not in set(rows)]
        if len(kept) != len(self.rows):
            self.link.set_definition(with_rows(self.link.definition(), kept), "Remove rule")


def _shown(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _edited(rule: Rule, column: int, text: str) -> Rule | None:
    """The rule with one cell changed, or None when the text does not fit the cell."""
    text = text.strip()
    if column == KIND_COLUMN:
        if text not in KINDS:
            return None
        points = 0 if text == "gate" else abs(rule.points) or 10
        return replace(rule, group=text, points=points)
    if column == FIELD_COLUMN:
        return replace(rule, field=text[:200]) if text else None
    if column == TEST_COLUMN:
        if text not in OPERATOR_TITLES:
            return None
        new = replace(rule, operator=text)
        if text in NUMBER_OPERATORS:
            low = rule.low if rule.low is not None else 0.0
            high = rule.high if rule.high is not None else max(low, 10.0)
            new = replace(new, low=low, high=high)
        return new
    if column == VALUE_COLUMN:
        return replace(rule, value=text[:2000])
    if column in (MIN_COLUMN, MAX_COLUMN):
        number = number_of(text)
        if number is None:
            return None
        return replace(rule, low=number) if column == MIN_COLUMN else replace(rule, high=number)
    number = number_of(text.lstrip("+−-"))
    if number is None or not number.is_integer() or abs(number) > MAX_POINTS:
        return None
    return replace(rule, points=int(abs(number)))
