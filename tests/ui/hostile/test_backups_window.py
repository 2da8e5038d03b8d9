"""Backups in the window: off the GUI thread, one at close, restored into a new file, can be turned off."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ui.conftest import ScriptedDialogs
from ui.main_window import MainWindow
from ui.settings import AppPaths
from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.store import backups


def opened(window: MainWindow) -> WorkshopDocument:
    assert window.document is not None
    return window.document


def edit(window: MainWindow, title: str) -> None:
    assert window.document is not None
    window.document.apply("Rename", [Update.of(window.document.info, title=title)])


def test_a_backup_runs_off_the_gui_thread(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, app_paths: AppPaths
) -> None:
    release = threading.Event()
    real = backups.take_backup
    threads: list[str] = []

    def slow(source: Path, folder: Path, now: object) -> Path:
        threads.append(threading.current_thread().name)
        assert release.wait(10)
        return real(source, folder, now)  # type: ignore[arg-type]

    monkeypatch.setattr(backups, "take_backup", slow)
    edit(window, "Backed up")
    window.backups.back_up_soon()  # returns at once although the backup is still waiting
    assert not release.is_set()
    release.set()
    window.backups.wait()
    assert threads == ["backup"]
    assert window.document is not None
    assert len(backups.list_backups(window.backups.folder(window.document))) == 1


def test_closing_after_an_edit_keeps_a_backup_and_restore_opens_it_as_a_new_file(
    window: MainWindow, dialogs: ScriptedDialogs, demo_file: Path, tmp_path: Path
) -> None:
    edit(window, "Before the mistake")
    assert window.close_workshop()
    assert window.open_path(demo_file)
    edit(window, "After the mistake")
    document = window.document
    assert document is not None
    dialogs.choices.append("0")
    target = tmp_path / "restored.smw"
    dialogs.paths.append(target)
    window.restore_action.trigger()
    assert "KB" in dialogs.questions[-1]
    assert window.document is not None and window.document.path == target
    assert window.document.info.title == "Before the mistake"
    assert demo_file.exists() and target != demo_file


def test_backups_can_be_turned_off(
    window: MainWindow, demo_file: Path, make_window: Callable[..., MainWindow]
) -> None:
    window.backups_action.setChecked(False)
    assert not window.settings.backups_enabled
    edit(window, "Not backed up")
    document = window.document
    assert document is not None
    folder = window.backups.folder(document)
    assert window.close_workshop()
    assert backups.list_backups(folder) == []


def test_with_no_workshop_open_restore_lists_the_workshops_that_have_backups(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    edit(window, "Kept in a backup")
    assert window.close_workshop()
    assert window.document is None
    dialogs.choices += ["0", "0"]
    target = tmp_path / "from the backup.smw"
    dialogs.paths.append(target)
    window.restore_action.trigger()
    assert "Kept in a backup" in dialogs.questions[0]  # the workshop, named by its title
    restored = opened(window)
    assert restored.path == target and restored.info.title == "Kept in a backup"
