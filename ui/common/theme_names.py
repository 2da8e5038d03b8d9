"""The themes View ▸ Theme offers, by name: no colours, so the menu is built before any palette."""

from __future__ import annotations

from typing import Literal

ThemeChoice = Literal["system", "light", "dark", "high"]
THEME_NAMES: dict[ThemeChoice, str] = {
    "system": "Follow the System",
    "light": "Light",
    "dark": "Dark",
    "high": "High Contrast",
}
