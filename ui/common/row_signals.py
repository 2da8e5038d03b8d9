"""Turning a document's change notices into a Qt model's row signals, for any list of records."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex

from workshop.edits import Change


class RowSignals:
    """Begins before, and ends after, each insert, delete, move or reset of one table's rows."""

    def __init__(self, model: QAbstractItemModel, table: str) -> None:
        self.model = model
        self.table = table
        self._moving = False

    def before(self, change: Change) -> None:
        if change.table != self.table:
            return
        model, root = self.model, QModelIndex()
        if change.kind == "insert":
            model.beginInsertRows(root, change.index, change.index)
        elif change.kind == "delete":
            model.beginRemoveRows(root, change.index, change.index)
        elif change.kind == "move":
            destination = change.to_index + 1 if change.to_index > change.index else change.to_index
            self._moving = model.beginMoveRows(root, change.index, change.index, root, destination)
        elif change.kind == "reset":
            model.beginResetModel()

    def after(self, change: Change) -> bool:
        """End what :meth:`before` began; True when the rows themselves changed."""
        if change.table != self.table:
            return False
        model = self.model
        if change.kind == "insert":
            model.endInsertRows()
        elif change.kind == "delete":
            model.endRemoveRows()
        elif change.kind == "move":
            if self._moving:
                model.endMoveRows()
        elif change.kind == "reset":
            model.endResetModel()
        else:
            return False
        return True
