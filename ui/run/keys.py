"""The Run page's controls: the facilitator's actions, and the one-key shortcuts for them.

The keys are installable on any window (the console and the projector).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from workshop.model import MARKETING, SALES
from workshop.run.airtime import FACILITATOR, NOBODY


class RunAction(Enum):
    """What the facilitator can do to the live run: ``RunSession.act(action, value)``."""

    TOGGLE = auto()  # start the day, pause or resume
    NEXT = auto()  # the next item
    PREVIOUS = auto()  # the previous item
    EXTEND = auto()  # value: minutes more (or, negative, fewer) for the current item
    CORRECT = auto()  # value: milliseconds the current item has really run
    SPEAKER = auto()  # value: who speaks now (a team, the facilitator, a person's key, NOBODY)
    SLOT = auto()  # value: 1-9, the person in that place of Setup's list speaks
    START_AT = auto()  # value: the id of the agenda item to run now


# (keys, action, value): each key calls RunSession.act(action, value).
RUN_KEYS: tuple[tuple[str, RunAction, int | str], ...] = (
    ("Space", RunAction.TOGGLE, 0),
    ("N", RunAction.NEXT, 0),
    ("P", RunAction.PREVIOUS, 0),
    ("+", RunAction.EXTEND, 1),
    ("=", RunAction.EXTEND, 1),
    ("Shift++", RunAction.EXTEND, 5),
    ("S", RunAction.SPEAKER, SALES),
    ("Left", RunAction.SPEAKER, SALES),
    ("M", RunAction.SPEAKER, MARKETING),
    ("Right", RunAction.SPEAKER, MARKETING),
    ("F", RunAction.SPEAKER, FACILITATOR),
    ("0", RunAction.SPEAKER, NOBODY),
    ("Escape", RunAction.SPEAKER, NOBODY),
    *((str(digit), RunAction.SLOT, digit) for digit in range(1, 10)),
)


def install_run_keys(host: QWidget, act: Callable[[RunAction, int | str], None]) -> list[QShortcut]:
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
