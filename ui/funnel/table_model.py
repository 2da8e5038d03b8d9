"""The funnel's counts as a read-only table: a row per stage, the period then each month."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from workshop.funnel.plan import FunnelPlan
from workshop.funnel.reverse import STAGE_TITLES

Index = QModelIndex | QPersistentModelIndex


class FunnelTableModel(QAbstractTableModel):
    """Rows are stages from the top of the funnel; column 0 is the period, then its months."""

    def __init__(self) -> None:
        super().__init__()
        self.plan: FunnelPlan | None = None

    def set_plan(self, plan: FunnelPlan) -> None:
        self.beginResetModel()
        self.plan = plan
        self.endResetModel()

    def _stages(self) -> tuple[str, ...]:
        return self.plan.result.stages if self.plan and self.plan.result else ()

    def _months(self) -> list[int]:
        if self.plan is None or self.plan.result is None:
            return []
        return [row["month"] for row in self.plan.result.months]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._stages())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._stages() else 1 + len(self._months())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.plan is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            stages = self._stages()
            return STAGE_TITLES[stages[section]] if 0 <= section < len(stages) else None
        if section == 0:
            return "Period"
        months = self._months()
        if not 0 < section <= len(months):
            return None
        month = months[section - 1]
        if role == Qt.ItemDataRole.ToolTipRole and month < 1:
            return "Before the period starts: MQLs and leads here close as deals in the period."
        return self.plan.month_label(month)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.plan is None or self.plan.result is None:
            return None
        result = self.plan.result
        stage = result.stages[index.row()]
        column = index.column()
        value = result.period[stage] if column == 0 else result.months[column - 1][stage]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (index.column() == 0 or stage == "mql"):
            font = QFont()
            font.setBold(True)
            return font
        return None
