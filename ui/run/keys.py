"""The Run page's controls: the facilitator's actions, and the one table of keys for them.

Each entry of :data:`RUN_KEYS` says what its key does in the facilitator's words,
so the list that "?" shows is made from the same table the shortcuts are: a key
added here is listed, and a listed key works. The keys are installable on any
window (the console and the projector).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum, auto
from functools import partial
from typing import Protocol, runtime_checkable

from PySide6 import QtCore
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QWidget

from ui.run.window_keys import PROJECTOR_KEY
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
    SLOT = auto()  # value: 1-9, the person in that place of Setup's list speaks; 0: nobody
    START_AT = auto()  # value: the id of the agenda item to run now


class WindowKey(Enum):
    """What a key asks of the window rather than of the run."""

    HELP = auto()  # show the list of keys
    PROJECTOR = auto()  # show or hide the projector window (the main window's Go menu)
    REPLAN = auto()  # re-plan the rest of the day (a dialog)
    CORRECT = auto()  # correct the current item's time (a dialog)
    GO_TO = auto()  # then the item's number: run that agenda item
    SUMMARY = auto()  # switch between the live view and the airtime summary


# The groups of the key list, in the order shown.
TIMER, SPEAKERS, WINDOWS = "The timer and the agenda", "Who speaks", "Windows"


@dataclass(frozen=True)
class RunKey:
    """One key: the group and words "?" lists it under, and what it asks for.

    ``does`` may name the teams as ``{sales}`` and ``{marketing}``: the list shows the
    workshop's own team names there. Keys with the same group and words share a line.
    """

    group: str
    key: str  # QKeySequence's portable text
    does: str
    action: RunAction | WindowKey
    value: int | str = 0


def _keys(
    group: str, keys: tuple[str, ...], does: str, action: RunAction | WindowKey, value: int | str = 0
) -> tuple[RunKey, ...]:
    return tuple(RunKey(group, key, does, action, value) for key in keys)


SLOT_WORDS = "the person in that slot speaks (counts for their team)"


def _digit(group: str, digit: int, does: str) -> tuple[RunKey, ...]:
    """A digit key, with and without Shift: on French AZERTY the digit row needs Shift."""
    return _keys(group, (str(digit), f"Shift+{digit}"), does, RunAction.SLOT, digit)


# Keys every layout types without AltGr (US, UK, German, French AZERTY): letters, digits
# (with Shift on AZERTY), "+" (Shift+= on US and AZERTY, its own key on German), "=", "*"
# (Shift+8 on US and UK, Shift++ on German, its own key on AZERTY) and the keypad's.
RUN_KEYS: tuple[RunKey, ...] = (
    *_keys(TIMER, ("Space",), "start, pause or resume", RunAction.TOGGLE),
    *_keys(TIMER, ("N",), "next item", RunAction.NEXT),
    *_keys(TIMER, ("P",), "previous item", RunAction.PREVIOUS),
    *_keys(TIMER, ("+", "Shift++", "="), "add 1 minute to this item", RunAction.EXTEND, 1),
    *_keys(TIMER, ("*", "Shift+*"), "add 5 minutes to this item", RunAction.EXTEND, 5),
    *_keys(TIMER, ("G",), "go to an item: G, then its number (as in the agenda list)", WindowKey.GO_TO),
    *_keys(TIMER, ("C",), "correct this item's time…", WindowKey.CORRECT),
    *_keys(TIMER, ("R",), "re-plan the rest of the day…", WindowKey.REPLAN),
    *_keys(SPEAKERS, ("S", "Left"), "{sales} speaks", RunAction.SPEAKER, SALES),
    *_keys(SPEAKERS, ("M", "Right"), "{marketing} speaks", RunAction.SPEAKER, MARKETING),
    *_keys(SPEAKERS, ("F",), "the facilitator speaks", RunAction.SPEAKER, FACILITATOR),
    *(key for digit in range(1, 10) for key in _digit(SPEAKERS, digit, SLOT_WORDS)),
    *_digit(SPEAKERS, 0, "nobody speaks"),
    *_keys(SPEAKERS, ("Escape",), "nobody speaks", RunAction.SPEAKER, NOBODY),
    *_keys(WINDOWS, ("A",), "the airtime summary, or back to the live view", WindowKey.SUMMARY),
    *_keys(WINDOWS, (PROJECTOR_KEY,), "show or hide the projector window", WindowKey.PROJECTOR),
    *_keys(WINDOWS, ("?", "Shift+?"), "this list", WindowKey.HELP),
)


def install_run_keys(
    host: QWidget,
    act: Callable[[RunAction, int | str], None],
    window_keys: Mapping[WindowKey, Callable[[], None]] | None = None,
) -> list[QShortcut]:
    """Shortcuts on ``host``'s window for the run keys, each calling ``act(action, value)``.

    Keys for the window are installed only where ``window_keys`` answers them (the
    main window's menu answers F5 itself). Keys typed into a text field go to the
    field, not to these shortcuts.
    """
    shortcuts = []
    for entry in RUN_KEYS:
        if isinstance(entry.action, RunAction):
            slot: Callable[[], None] = partial(act, entry.action, entry.value)
        elif window_keys and entry.action in window_keys:
            slot = window_keys[entry.action]
        else:
            continue
        shortcut = QShortcut(QKeySequence(entry.key), host)
        shortcut.setContext(QtCore.Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        shortcuts.append(shortcut)
    return shortcuts


# How the list names keys whose portable text a facilitator would not write so.
KEY_NAMES = {"Left": "←", "Right": "→", "Escape": "Esc", "Shift++": "+", "Shift+?": "?", "Shift+*": "*"}


def key_name(key: str) -> str:
    """The key as the list names it: a key that some layouts type with Shift is named once, bare."""
    if key.startswith("Shift+") and key[6:].isdigit():
        return key[6:]
    return KEY_NAMES.get(key, key)


@dataclass(frozen=True)
class HelpLine:
    """One line of the key list: the keys that do one thing, named as the facilitator knows them."""

    keys: tuple[str, ...]  # the table's keys, in its order
    does: str

    @property
    def names(self) -> str:
        """'S or ←'; a run of three or more digit keys reads '1 – 9'."""
        names = list(dict.fromkeys(key_name(key) for key in self.keys))
        digits = [int(name) for name in names if len(name) == 1 and name.isdigit()]
        if len(digits) == len(names) >= 3 and digits == list(range(digits[0], digits[0] + len(digits))):
            return f"{digits[0]} – {digits[-1]}"
        return " or ".join(names)


def key_help(team_names: Mapping[str, str]) -> list[tuple[str, list[HelpLine]]]:
    """The key list, group by group in the table's order: every key of :data:`RUN_KEYS`."""
    words = {"sales": team_names.get(SALES, "Sales"), "marketing": team_names.get(MARKETING, "Marketing")}
    groups: dict[str, dict[str, list[str]]] = {}
    for entry in RUN_KEYS:
        does = entry.does.format(**words)
        groups.setdefault(entry.group, {}).setdefault(does, []).append(entry.key)
    return [
        (group, [HelpLine(tuple(keys), does) for does, keys in lines.items()])
        for group, lines in groups.items()
    ]


def key_help_html(team_names: Mapping[str, str]) -> str:
    """The key list as rich text for a message box: a heading per group, a line per action."""
    rows = []
    for group, lines in key_help(team_names):
        rows.append(f"<tr><td colspan='2' style='padding-top: 8px'><b>{html.escape(group)}</b></td></tr>")
        rows += [
            f"<tr><td style='padding-left: 12px'><b>{html.escape(line.names)}</b>&nbsp;&nbsp;</td>"
            f"<td>{html.escape(line.does)}</td></tr>"
            for line in lines
        ]
    return f"<table>{''.join(rows)}</table>"


@runtime_checkable
class RunKeysHost(Protocol):
    """What answers the run's keys from a menu: the Run page."""

    def perform(self, entry: RunKey) -> None: ...


def fill_run_menu(
    menu: QMenu, team_names: Mapping[str, str] | None, host: Callable[[], RunKeysHost | None]
) -> None:
    """The Run menu: a line per action of the key table, its keys shown beside it.

    The keys are written in the menu (after a tab), not given to the menu's actions,
    so each key has one owner: the shortcuts of the window showing the run. Choosing a
    line shows the Run page and does what the key does.
    """
    menu.clear()
    if team_names is None:
        menu.addAction("Open a workshop to run it").setEnabled(False)
        return
    first = True
    for group, lines in key_help(team_names):
        if not first:
            menu.addSeparator()
        first = False
        for line in lines:
            entry = next(e for e in RUN_KEYS if e.key == line.keys[0])
            action = menu.addAction(f"{line.does[:1].upper()}{line.does[1:]}\t{line.names}")
            action.setData(group)

            def trigger(_checked: bool = False, chosen: RunKey = entry) -> None:
                page = host()
                if page is not None:
                    page.perform(chosen)

            action.triggered.connect(trigger)
