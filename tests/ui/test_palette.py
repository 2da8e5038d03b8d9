"""Colours by role, measured: every text role against what it sits on, in every theme.

WCAG 2.2 AA asks 4.5:1 for text; the projector, read from 8 metres, 7:1. A colour
written anywhere in ``ui/`` but the palette module fails here, so no widget keeps
a colour that the themes cannot vouch for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from pytestqt.qtbot import QtBot

from ui.common import palette
from ui.common.palette import (
    AA_TEXT,
    PROJECTOR,
    PROJECTOR_TEXT,
    THEMES,
    Roles,
    confusable_warning,
    contrast,
    text_on,
)
from ui.main_window import MainWindow
from workshop.model import DEFAULT_TEAM_COLOURS

UI = Path(__file__).resolve().parents[2] / "ui"
TEXT_ROLES = ("text", "secondary", "hint", "warning", "error", "success", "accent")
GROUNDS = ("window", "base")
TINTS = ("warning_tint", "error_tint", "info_tint", "button")


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
def test_every_text_role_reads_on_every_background_of_its_theme(theme: Roles) -> None:
    low = [
        f"{text} on {ground}: {contrast(getattr(theme, text), getattr(theme, ground)):.2f}"
        for text in TEXT_ROLES
        for ground in GROUNDS
        if contrast(getattr(theme, text), getattr(theme, ground)) < AA_TEXT
    ]
    low += [
        f"text on {tint}: {contrast(theme.text, getattr(theme, tint)):.2f}"
        for tint in TINTS
        if contrast(theme.text, getattr(theme, tint)) < AA_TEXT
    ]
    if contrast(theme.on_accent, theme.accent) < AA_TEXT:
        low.append("on_accent on accent")
    for fill in (theme.success, theme.error, theme.warning, theme.neutral, theme.muted_fill):
        if contrast(text_on(fill), fill) < AA_TEXT:
            low.append(f"text on {fill}")
    assert low == []


def test_every_projector_text_is_7_to_1() -> None:
    pairs = {
        "text": (PROJECTOR.text, PROJECTOR.back),
        "secondary": (PROJECTOR.secondary, PROJECTOR.back),
        "warning": (PROJECTOR.warning, PROJECTOR.back),
        "paused": (PROJECTOR.paused, PROJECTOR.back),
        "last minutes": (PROJECTOR.last_text, PROJECTOR.last_back),
        "overrun": (PROJECTOR.overrun_text, PROJECTOR.overrun_back),
    }
    low = {
        name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < PROJECTOR_TEXT
    }
    assert low == {}


@pytest.mark.parametrize(
    "fill", [*DEFAULT_TEAM_COLOURS.values(), "#777777", "#808080", "#ff0000", "#00ff00", "#0000ff", "#ffcc00"]
)
def test_text_on_any_team_colour_takes_the_colour_that_reads(fill: str) -> None:
    assert contrast(text_on(fill), fill) >= AA_TEXT


def test_a_team_colour_near_a_warning_colour_is_flagged_and_the_defaults_are_not() -> None:
    assert confusable_warning(PROJECTOR.warning) == PROJECTOR.warning
    assert confusable_warning("#f5d742") is not None  # a yellow: the projector's warning
    assert confusable_warning("#a01c1c") is not None  # a deep red: overrun
    for colour in DEFAULT_TEAM_COLOURS.values():
        assert confusable_warning(colour) is None, colour


COLOUR_LITERAL = re.compile(
    r"""(?<![\w&])\#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b"""  # #rgb, #rrggbb, #aarrggbb
    r"""|QColor\(\s*(?:\d|["'])"""  # QColor(200, ...) or QColor("white")
    r"""|\brgba?\("""
    r"""|GlobalColor\."""
    r"""|(?:color|background)\s*:\s*(?:white|black|red|green|blue|gr[ae]y|orange|yellow)\b"""
)


def test_no_colour_is_written_outside_the_palette_module() -> None:
    found = [
        f"{path.relative_to(UI.parent)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "palette.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if COLOUR_LITERAL.search(line)
    ]
    assert found == []


def test_the_literal_check_catches_what_it_should() -> None:
    for line in (
        'x = "#d97706"',
        "QColor(0, 0, 0, 40)",
        'QColor("white")',
        "rgba(1, 2, 3, 0.1)",
        "color: white;",
    ):
        assert COLOUR_LITERAL.search(line), line
    for line in ("f'{index}. {title}'", "render_rgba()", "# a comment", "&#123;"):
        assert not COLOUR_LITERAL.search(line), line


def test_view_theme_menu_switches_and_remembers(window: MainWindow, qtbot: QtBot) -> None:
    chosen = {a.text(): a for a in window.theme_menu.actions()}
    chosen["Dark"].trigger()
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).name() == THEMES["dark"].window
    assert palette.roles() is THEMES["dark"]
    assert window.settings.theme == "dark"
    chosen["High Contrast"].trigger()
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).name() == THEMES["high"].window
    chosen["Light"].trigger()
    assert palette.roles() is THEMES["light"]


def test_following_the_system_switches_with_its_scheme(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = {a.text(): a for a in window.theme_menu.actions()}
    chosen["Follow the System"].trigger()
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(Qt.ColorScheme.Dark)  # what the OS would do; offscreen ignores it, so also:
    monkeypatch.setattr(palette, "system_scheme", lambda: Qt.ColorScheme.Dark)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert palette.roles() is THEMES["dark"]
    assert QGuiApplication.palette().color(QPalette.ColorRole.Text).name() == THEMES["dark"].text
    monkeypatch.setattr(palette, "system_scheme", lambda: Qt.ColorScheme.Light)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert palette.roles() is THEMES["light"]
    hints.unsetColorScheme()


def test_disabled_text_stays_legible(window: MainWindow) -> None:
    for theme in THEMES.values():
        qt = palette.qt_palette(theme)
        disabled = qt.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
        assert contrast(disabled, theme.window) >= AA_TEXT


def test_setup_warns_when_a_team_picks_a_warning_colour(window: MainWindow, qtbot: QtBot) -> None:
    from ui.setup.page import SetupPage

    assert window.view is not None
    page = window.view.page("setup")
    assert isinstance(page, SetupPage)
    assert page.colour_warning.isHidden()
    page.set_team_colour("marketing", PROJECTOR.warning)
    assert not page.colour_warning.isHidden()
    assert "Marketing" in page.colour_warning.text()
    page.set_team_colour("marketing", DEFAULT_TEAM_COLOURS["marketing"])
    assert page.colour_warning.isHidden()


@pytest.mark.parametrize("vision", list(palette.VISIONS))
def test_warnings_stand_apart_from_the_default_team_colours_for_every_vision(vision: str) -> None:
    seen = {name: palette.seen_by(colour, vision) for name, colour in DEFAULT_TEAM_COLOURS.items()}
    for warning in (PROJECTOR.warning, PROJECTOR.overrun_back):
        for team, colour in seen.items():
            apart = palette.difference(colour, palette.seen_by(warning, vision))
            assert apart >= palette.CONFUSABLE, (vision, team, warning, round(apart, 1))
    # the two slabs (last minutes, overrun) and the room's background never blend either
    slabs = (PROJECTOR.last_back, PROJECTOR.overrun_back, PROJECTOR.back)
    for first, second in ((0, 1), (0, 2), (1, 2)):
        a, b = (palette.seen_by(slabs[i], vision) for i in (first, second))
        assert palette.difference(a, b) >= palette.CONFUSABLE, (vision, slabs[first], slabs[second])


def test_colour_blind_simulation_keeps_grey_and_merges_red_and_green() -> None:
    assert palette.seen_by("#808080", "deuteranopia") in ("#808080", "#7f7f7f", "#818181")
    red, green = palette.seen_by("#d62728", "deuteranopia"), palette.seen_by("#2ca02c", "deuteranopia")
    assert palette.difference(red, green) < palette.difference("#d62728", "#2ca02c") / 2
