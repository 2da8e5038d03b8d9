"""Tab follows what the eye reads: the order of a page's layouts, not the order widgets were made.

A box layout is read in its direction, a grid row by row then column by column, a form
row by row (label, then field); a group box, scroll area, splitter or tab widget is read
through. Widgets are often made in another order than they are laid out, and Qt's own
Tab order is the making order: :func:`follow_layout` rewrites it from the layouts.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

# Widgets that take focus as a whole: their inner parts are not visited.
WHOLE = (QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractScrollArea)


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def reading_order(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab should visit, in the order its layouts show them."""
    found: list[QWidget] = []
    seen: set[int] = set()

    def visit(widget: QWidget | None) -> None:
        if widget is None or id(widget) in seen:
            return
        seen.add(id(widget))
        if widget is not root and takes_tab(widget):
            found.append(widget)
        if isinstance(widget, QScrollArea):
            visit(widget.widget())
            return
        if isinstance(widget, WHOLE):
            return
        if isinstance(widget, QSplitter):
            for index in range(widget.count()):
                visit(widget.widget(index))
            return
        if isinstance(widget, QTabWidget):
            visit(widget.tabBar())
            for index in range(widget.count()):
                visit(widget.widget(index))
            return
        if isinstance(widget, QStackedWidget):
            for index in range(widget.count()):
                visit(widget.widget(index))
            return
        layout = widget.layout()
        if layout is not None:
            visit_layout(layout)
        rest = [c for c in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)]
        for child in sorted(rest, key=lambda c: (c.y(), c.x())):  # anything outside the layout
            if not child.isWindow():
                visit(child)

    def visit_layout(layout: QLayout) -> None:
        for item in layout_items(layout):
            if item.widget() is not None:
                visit(item.widget())
            elif item.layout() is not None:
                visit_layout(item.layout())

    visit(root)
    return found


def layout_items(layout: QLayout) -> list:  # type: ignore[type-arg]
    """A layout's items in reading order."""
    if isinstance(layout, QGridLayout):
        placed = []
        for index in range(layout.count()):
            row, column, _rows, _columns = layout.getItemPosition(index)
            placed.append((row, column, index))
        return [layout.itemAt(index) for _r, _c, index in sorted(placed)]
    if isinstance(layout, QFormLayout):
        items = []
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        for row in range(layout.rowCount()):
            for role in roles:
                item = layout.itemAt(row, role)
                if item is not None:
                    items.append(item)
        return items
    return [layout.itemAt(index) for index in range(layout.count())]


def follow_layout(root: QWidget) -> list[QWidget]:
    """Make Tab (and Shift+Tab) visit ``root``'s widgets in reading order; returns that order."""
    order = reading_order(root)
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
    return order
