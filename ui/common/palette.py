"""Every colour the interface shows, by role: the one module allowed to spell a colour.

Widgets ask for a role (``roles().hint``, ``PROJECTOR.overrun_back``) rather than a
colour, so the light, dark and high-contrast themes and the projector keep their
measured contrast (WCAG 2.2: 4.5:1 for text, 7:1 on the projector), and
``tests/ui/test_palette.py`` checks every pair. The app follows the system's light
or dark scheme unless View ▸ Theme picks one.

Warning colours never borrow a team's hue alone: a warning also says so in words
("2 min left", "OVER +1:23") or changes shape (the projector's countdown turns into
a filled slab), and Setup warns when a team picks a colour close to one of them.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, fields

from PySide6 import QtCore
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from ui.common.theme_names import THEME_NAMES, ThemeChoice  # noqa: F401 - kept importable from here

AA_TEXT = 4.5  # WCAG 2.2 AA, normal text
PROJECTOR_TEXT = 7.0  # the room reads from 8 metres: AAA


@dataclass(frozen=True)
class Roles:
    """One theme: the colours of the window and of what is written on it, by meaning."""

    name: str
    window: str  # the window's background (and of labels on it)
    base: str  # the background of fields, tables and cards
    text: str  # ordinary text
    secondary: str  # details, dates, captions
    hint: str  # hints and legends explaining a page
    warning: str  # needs attention soon (text)
    error: str  # wrong or over (text)
    success: str  # passed, agreed (text)
    accent: str  # selection, focus ring, links
    on_accent: str  # text on the accent colour
    button: str
    muted_fill: str  # empty bars, unselected chips
    neutral: str  # the facilitator, joint goals: no team's colour (a fill under text)
    warning_tint: str  # a banner or row that needs attention (under text)
    error_tint: str
    info_tint: str
    icon_stroke: str  # stage icons


LIGHT = Roles(
    name="light",
    window="#f4f5f7",
    base="#ffffff",
    text="#1e293b",
    secondary="#475569",
    hint="#52606d",
    warning="#7a5a00",
    error="#b42318",
    success="#1a6b32",
    accent="#1f5fbf",
    on_accent="#ffffff",
    button="#e8eaee",
    muted_fill="#d5dae1",
    neutral="#5b6270",
    warning_tint="#fbefc8",
    error_tint="#fbdcd8",
    info_tint="#dde8f8",
    icon_stroke="#64748b",
)

DARK = Roles(
    name="dark",
    window="#1e1f22",
    base="#2b2d31",
    text="#e8eaed",
    secondary="#c3c8d0",
    hint="#b4bac4",
    warning="#f2c14e",
    error="#ff8a80",
    success="#6fd28a",
    accent="#7ab4ff",
    on_accent="#0b1220",
    button="#383a40",
    muted_fill="#44474e",
    neutral="#5b6270",
    warning_tint="#4a3c12",
    error_tint="#4e2222",
    info_tint="#1f3350",
    icon_stroke="#9aa4b2",
)

HIGH_CONTRAST = Roles(
    name="high",
    window="#000000",
    base="#000000",
    text="#ffffff",
    secondary="#ffffff",
    hint="#ffffff",
    warning="#ffe14d",
    error="#ff9e9e",
    success="#7dff9e",
    accent="#ffe14d",
    on_accent="#000000",
    button="#1a1a1a",
    muted_fill="#333333",
    neutral="#4a4a4a",
    warning_tint="#3d3300",
    error_tint="#400000",
    info_tint="#00224a",
    icon_stroke="#ffffff",
)

THEMES = {"light": LIGHT, "dark": DARK, "high": HIGH_CONTRAST}


@dataclass(frozen=True)
class ProjectorRoles:
    """The room's view: always dark (a projector washes out light backgrounds), all text 7:1 or more."""

    back: str = "#0b1220"
    text: str = "#f8fafc"
    secondary: str = "#cbd5e1"  # the next item, captions
    warning: str = "#fde047"  # digits in the last fifth of an item: yellow, no team's orange
    last_back: str = "#fde047"  # the last minutes: the countdown becomes a yellow slab...
    last_text: str = "#0b1220"  # ...with dark digits
    overrun_back: str = "#991b1b"  # overrun: a deep red slab...
    overrun_text: str = "#ffffff"  # ...with white digits
    paused: str = "#cbd5e1"  # paused digits: calm grey, and the word PAUSED
    empty_bar: str = "#334155"  # the balance bar before anyone has spoken
    band: str = "#e2e8f0"  # the tolerance band's lines


PROJECTOR = ProjectorRoles()


def warning_colours() -> list[str]:
    """The colours the room reads as a warning: the projector's, shown above the teams' bar.

    (The console's warning and error text always comes with words: "5 min left", "OVER +0:30".)
    """
    return [PROJECTOR.warning, PROJECTOR.overrun_back]


WHITE, BLACK = "#ffffff", "#000000"


# -- measuring -------------------------------------------------------------------------------


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of an opaque ``#rrggbb`` colour."""
    c = QColor(colour)
    return 0.2126 * _channel(c.redF()) + 0.7152 * _channel(c.greenF()) + 0.0722 * _channel(c.blueF())


def contrast(first: str, second: str) -> float:
    """WCAG 2.2 contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@functools.lru_cache(maxsize=512)
def text_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (always at least 4.5:1); remembered,
    as bars and chips ask for the same few fills at every paint."""
    return BLACK if contrast(BLACK, fill) >= contrast(WHITE, fill) else WHITE


def _lab(colour: str) -> tuple[float, float, float]:
    c = QColor(colour)
    r, g, b = (_channel(v) for v in (c.redF(), c.greenF(), c.blueF()))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def difference(first: str, second: str) -> float:
    """Perceived difference (CIE76 ΔE in Lab): under about 25, two colours are easily taken for each other."""
    return math.dist(_lab(first), _lab(second))


CONFUSABLE = 25.0

# How colours look with the common colour-vision deficiencies (Machado, Oliveira and Fernandes
# 2009, full severity), as matrices on linear RGB. "typical" is ordinary colour vision.
VISIONS: dict[str, tuple[tuple[float, float, float], ...]] = {
    "typical": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _encode(value: float) -> float:
    value = min(1.0, max(0.0, value))
    return 12.92 * value if value <= 0.0031308 else 1.055 * value ** (1 / 2.4) - 0.055


def seen_by(colour: str, vision: str) -> str:
    """``colour`` as a person with ``vision`` (a key of :data:`VISIONS`) sees it."""
    c = QColor(colour)
    rgb = [_channel(v) for v in (c.redF(), c.greenF(), c.blueF())]
    matrix = VISIONS[vision]
    out = [sum(row[k] * rgb[k] for k in range(3)) for row in matrix]
    return QColor.fromRgbF(*(_encode(v) for v in out)).name()


def least_difference(first: str, second: str) -> float:
    """The smallest perceived difference of two colours over every vision of :data:`VISIONS`."""
    return min(difference(seen_by(first, vision), seen_by(second, vision)) for vision in VISIONS)


def confusable_warning(colour: str) -> str | None:
    """The warning colour a team colour would be mistaken for (by anyone, colour-blind or not),
    or ``None`` when it stands apart."""
    if not QColor(colour).isValid():
        return None
    closest = min(warning_colours(), key=lambda warning: least_difference(colour, warning))
    return closest if least_difference(colour, closest) < CONFUSABLE else None


# -- the active theme ------------------------------------------------------------------------

_active: Roles = LIGHT


def roles() -> Roles:
    """The colours of the theme now shown."""
    return _active


def resolve(choice: ThemeChoice) -> Roles:
    """The theme a choice means now: "system" follows the system's light or dark scheme."""
    if choice in THEMES:
        return THEMES[choice]
    return DARK if system_scheme() == QtCore.Qt.ColorScheme.Dark else LIGHT


def system_scheme() -> QtCore.Qt.ColorScheme:
    """The system's light or dark scheme (Unknown where the platform does not say: then light).

    Qt's offscreen platform ignores ``QStyleHints.setColorScheme`` (measured with
    PySide6 6.11): the tests replace this function and emit ``colorSchemeChanged``.
    """
    return QGuiApplication.styleHints().colorScheme()


def qt_palette(theme: Roles) -> QPalette:
    """A Qt palette made from the theme's roles (disabled text stays legible: 4.5:1)."""
    palette = QPalette()
    group = QPalette.ColorGroup
    role = QPalette.ColorRole
    pairs = {
        role.Window: theme.window,
        role.WindowText: theme.text,
        role.Base: theme.base,
        role.AlternateBase: theme.window,
        role.Text: theme.text,
        role.PlaceholderText: theme.hint,
        role.Button: theme.button,
        role.ButtonText: theme.text,
        role.BrightText: theme.error,
        role.Highlight: theme.accent,
        role.HighlightedText: theme.on_accent,
        role.ToolTipBase: theme.base,
        role.ToolTipText: theme.text,
        role.Link: theme.accent,
        role.LinkVisited: theme.accent,
        role.Light: theme.base,
        role.Midlight: theme.button,
        role.Mid: theme.muted_fill,
        role.Dark: theme.secondary,
        role.Shadow: theme.text,
    }
    for which, colour in pairs.items():
        palette.setColor(which, QColor(colour))
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, which, QColor(theme.hint))
    palette.setColor(group.Inactive, role.Highlight, QColor(theme.accent))
    palette.setColor(group.Inactive, role.HighlightedText, QColor(theme.on_accent))
    return palette


def activate(theme: Roles) -> None:
    """Show ``theme``: the application palette and what :func:`roles` answers from now on."""
    global _active  # noqa: PLW0603 - the one active theme of the one application
    _active = theme
    QGuiApplication.setPalette(qt_palette(theme))


def role_names() -> list[str]:
    """The text roles a theme has (every one is checked against the backgrounds it sits on)."""
    return [f.name for f in fields(Roles) if f.name != "name"]


def choice_focus_style() -> str:
    """Radio buttons and check boxes with a visible focus ring: the style's own dotted line is faint."""
    return (
        "QRadioButton, QCheckBox { padding: 3px; border: 2px solid transparent; border-radius: 4px; }"
        f"QRadioButton:focus, QCheckBox:focus {{ border: 2px solid {roles().accent}; }}"
    )


def focus_style() -> str:
    """Style sheet rules giving custom-styled buttons a visible focus ring in the accent colour."""
    return f"QToolButton:focus, QPushButton:focus {{ outline: none; border: 3px solid {roles().accent}; }}"


def status_colour(status: str) -> str:
    """A check's colour as text on the page: 'pass' success, 'fail' error, anything else secondary."""
    theme = roles()
    return {"pass": theme.success, "fail": theme.error}.get(status, theme.secondary)


def verdict_colour(verdict: str) -> str:
    """The other team's verdict on a goal, as text: attainable, a stretch, not attainable."""
    theme = roles()
    return {"attainable": theme.success, "stretch": theme.warning, "not attainable": theme.error}.get(
        verdict, theme.text
    )


def card_border() -> str:
    """A card's edge when not selected: the muted fill (a quiet line, not text)."""
    return roles().muted_fill


ICON_SOURCE_STROKE = "#64748b"  # the stroke the SVG icons are drawn with (turned white when selected)
