"""The Run page's one-key controls, installable on any window (the console and the projector)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from workshop.model import MARKETING, SALES
from workshop.run.airtime import FACILITATOR, NOBODY

# (keys, action, value): the actions of RunSession.act; "slot" is the person on digit key N.
RUN_KEYS: tuple[tuple[str, str, int | str], ...] = (
    ("Space", "toggle", 0),
    ("N", "next", 0),
    ("P", "previous", 0),
    ("+", "extend", 1),
    ("=", "extend", 1),
    ("Shift++", "extend", 5),
    ("S", "speaker", SALES),
    ("Left", "speaker", SALES),
    ("M", "speaker", MARKETING),
    ("Right", "speaker", MARKETING),
    ("F", "speaker", FACILITATOR),
    ("0", "speaker", NOBODY),
    ("Escape", "speaker", NOBODY),
    *((str(digit), "slot", digit) for digit in range(1, 10)),
)


def install_run_keys(host: QWidget, act: Callable[[str, int | str], None]) -> list[QShortcut]:
    """Shortcuts on ``host``'s window for every run key, each calling ``act(action, value)``.

    Keys typed into a text field go to the field, not to these shortcuts.
    """
    shortcuts = []
    for keys, action, value in RUN_KEYS:
        shortcut = QShortcut(QKeySequence(keys), host)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda a=action, v=value: act(a, v))
        shortcuts.append(shortcut)
    return shortcuts
