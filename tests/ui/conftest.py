"""GUI fixtures: the real main window with temporary settings and scripted dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.app import start
from ui.common.dialogs import UnsavedChoice
from ui.main_window import MainWindow
from ui.settings import AppPaths, AppSettings


@dataclass
class ScriptedDialogs:
    """Stands in for file choosers and message boxes: answers queued, messages recorded."""

    paths: list[Path | None] = field(default_factory=list)
    unsaved_choice: UnsavedChoice = "cancel"
    errors: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)

    def open_path(self, parent: QWidget, title: str, directory: str, filter_: str) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def save_path(self, parent: QWidget, title: str, suggested: str, filter_: str) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def error(self, parent: QWidget, title: str, text: str) -> None:
        self.errors.append(text)

    def ask_minutes(self, parent: QWidget, title: str, label: str, value: float) -> float | None:
        return self.numbers.pop(0) if self.numbers else None

    def ask_choice(
        self, parent: QWidget, title: str, text: str, choices: list[tuple[str, str]]
    ) -> str | None:
        self.questions.append(text)
        return self.choices.pop(0) if self.choices else None

    def pick(self, parent: QWidget, title: str, text: str, items: list[tuple[str, str]]) -> str | None:
        self.questions.append(text + "\n" + "\n".join(label for _key, label in items))
        return self.choices.pop(0) if self.choices else None

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        self.informed.append(text)

    def ask_unsaved(self, parent: QWidget, text: str) -> UnsavedChoice:
        self.errors.append(text)
        return self.unsaved_choice


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "data", workshops_dir=tmp_path / "workshops")


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(
    qtbot: QtBot, settings: AppSettings, app_paths: AppPaths, dialogs: ScriptedDialogs
) -> Iterator[Callable[[str | None], MainWindow]]:
    windows: list[MainWindow] = []

    def make(file: str | None = None) -> MainWindow:
        window = start(file, settings, app_paths, dialogs)  # type: ignore[arg-type]  # scripted stand-in
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window: Callable[[str | None], MainWindow], demo_file: Path) -> MainWindow:
    """The main window on the demo workshop."""
    return make_window(str(demo_file))
