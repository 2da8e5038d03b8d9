"""View ▸ Theme: follow the system's light or dark scheme, or choose Light, Dark or High Contrast."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu

from ui.common.theme_names import THEME_NAMES, ThemeChoice
from ui.settings import AppSettings


def apply_theme(choice: str) -> None:
    """Show the chosen theme ('system' resolves to light or dark from the system's scheme now)."""
    from ui.common.palette import activate, resolve  # noqa: PLC0415 - the colours: after the window shows

    key: ThemeChoice = next((known for known in THEME_NAMES if known == choice), "system")
    activate(resolve(key))


class SchemeFollower(QObject):
    """Switches the theme when the system switches light/dark and the user follows it.

    A QObject owned by the menu, so the connection to the application's style hints
    ends with the window (a plain function would keep calling a closed window).
    """

    def __init__(self, settings: AppSettings, changed: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.settings, self.changed = settings, changed
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.scheme_changed)

    def scheme_changed(self) -> None:
        if self.settings.theme == "system":
            apply_theme("system")
            self.changed()


def fill_theme_menu(menu: QMenu, settings: AppSettings, changed: Callable[[], None]) -> None:
    """One checkable line per theme; choosing one shows it at once and remembers it."""
    group = QActionGroup(menu)
    for key, title in THEME_NAMES.items():
        action = menu.addAction(title)
        action.setCheckable(True)
        action.setChecked(settings.theme == key)
        action.setData(key)
        group.addAction(action)

        def choose(_checked: bool = False, chosen: str = key) -> None:
            settings.theme = chosen
            apply_theme(chosen)
            changed()

        action.triggered.connect(choose)
    SchemeFollower(settings, changed, menu)
