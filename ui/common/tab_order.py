"""Tab follows what the eye reads: the order of a page's layouts, not the order widgets were made.

A box layout is read in its direction, a grid row by row then column by column, a form
row by row (label, then field); a group box, scroll area, splitter or tab widget is read
through. Widgets are often made in another order than they are laid out, and Qt's own
Tab order is the making order: :func:`follow_layout` rewrites it from the layouts.
"""

from __future__ import annotations

from itertools import pairwise
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLayoutItem,
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


def parts(widget: QWidget) -> list[QWidget | None] | None:
    """The widgets a container shows in reading order, or None to read it by its layout."""
    if isinstance(widget, QScrollArea):
        return [widget.widget()]
    if isinstance(widget, WHOLE):
        return []
    if isinstance(widget, QSplitter | QStackedWidget):
        return [widget.widget(index) for index in range(widget.count())]
    if isinstance(widget, QTabWidget):
        return [widget.tabBar(), *(widget.widget(index) for index in range(widget.count()))]
    return None


def laid_out(layout: QLayout) -> list[QWidget]:
    """The widgets of a layout and its inner layouts, in reading order."""
    widgets: list[QWidget] = []
    for item in layout_items(layout):
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widgets.append(widget)
        elif inner is not None:
            widgets += laid_out(inner)
    return widgets


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
        inner = parts(widget)
        if inner is None:
            layout = widget.layout()
            children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            loose: list[QWidget] = [c for c in children if c is not None and not c.isWindow()]
            inner = [
                *(laid_out(layout) if layout is not None else []),
                *sorted(loose, key=lambda c: (c.y(), c.x())),
            ]
        for part in inner:
            visit(part)

    visit(root)
    return found


def layout_items(layout: QLayout) -> list[QLayoutItem]:
    """A layout's items in reading order."""
    if isinstance(layout, QGridLayout):
        placed: list[tuple[int, int, int]] = []
        for index in range(layout.count()):
            position = cast(tuple[int, int, int, int], layout.getItemPosition(index))
            placed.append((position[0], position[1], index))
        return [item for _r, _c, index in sorted(placed) if (item := layout.itemAt(index)) is not None]
    if isinstance(layout, QFormLayout):
        items: list[QLayoutItem] = []
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
    return [item for index in range(layout.count()) if (item := layout.itemAt(index)) is not None]


def follow_layout(root: QWidget) -> list[QWidget]:
    """Make Tab (and Shift+Tab) visit ``root``'s widgets in reading order; returns that order."""
    order = reading_order(root)
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
    return order
