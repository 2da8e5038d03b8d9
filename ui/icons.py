"""The app's SVG icons, loaded once each."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from workshop.resources import resource_path


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/NAME.svg``."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))
