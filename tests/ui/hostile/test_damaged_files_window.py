"""Damaged workshop files opened in the window: a clear message or a read-only banner, the file untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.hostile.mutations import mutated_copies
from tests.ui.conftest import ScriptedDialogs
from ui.main_window import MainWindow
from workshop.demo.content import demo_content
from workshop.document import WorkshopDocument
from workshop.model import AgendaItem
from workshop.store import files

INTERNALS = ("Traceback", "sqlite", "column '", "invalid literal", "Could not decode")


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def current(window: MainWindow) -> WorkshopDocument:
    assert window.document is not None
    return window.document


@pytest.fixture
def sound_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "sound.smw"
    files.write_content(path, demo_content(TODAY))
    return path.read_bytes()


def test_thirty_mutated_copies_opened_in_the_window_are_left_as_they_were(
    make_window: Callable[[str | None], MainWindow],
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    sound_bytes: bytes,
) -> None:
    window = make_window(None)
    for path in mutated_copies(sound_bytes, tmp_path / "copies", 30, 20261203):
        before = folder_state(path.parent)
        dialogs.errors.clear()
        opened = window.open_path(path)
        if opened:
            document = window.document
            assert document is not None
            if document.read_only:
                assert window.view is not None and window.view.banner.isVisible()
            else:
                before[".workshop.smw.lock"] = hashlib.sha256(b"").hexdigest()
            assert window.close_workshop()
        else:
            assert len(dialogs.errors) == 1
            message = dialogs.errors[0]
            assert "workshop.smw" in message and "\n" not in message
            assert not any(internal in message for internal in INTERNALS), message
        assert folder_state(path.parent) == before, path.parent.name


def test_a_bad_value_opens_read_only_and_recovers_into_a_new_file(
    make_window: Callable[[str | None], MainWindow],
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    sound_bytes: bytes,
) -> None:
    folder = tmp_path / "damaged"
    folder.mkdir()
    path = folder / "workshop.smw"
    path.write_bytes(sound_bytes)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE agenda_items SET minutes = 99999999999999 WHERE id = 2")
    conn.commit()
    conn.close()
    before = folder_state(folder)
    window = make_window(str(path))
    assert window.document is not None and window.document.read_only
    assert window.view is not None
    banner = window.view.banner.text.text()
    assert "agenda, row 2" in banner and "99,999,999,999,999" in banner
    assert window.recover_action.isEnabled()

    rescued = tmp_path / "rescued.smw"
    dialogs.paths.append(rescued)
    window.recover_action.trigger()
    recovered = current(window)
    assert recovered.path == rescued
    assert not recovered.read_only
    assert "agenda, row 2" in dialogs.informed[-1]
    assert not window.recover_action.isEnabled()
    window.close()
    assert folder_state(folder) == before  # the damaged file: untouched, nothing beside it
    reopened = WorkshopDocument.open(rescued, read_only=True)
    try:
        assert not reopened.problems
        ids = [item.id for item in reopened.typed(AgendaItem)]
        assert 2 not in ids and len(ids) == len(demo_content(TODAY).agenda) - 1
    finally:
        reopened.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_a_folder_and_a_loop_are_refused_at_once_in_the_window(
    make_window: Callable[[str | None], MainWindow], dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "pipe.smw")
    (tmp_path / "folder.smw").mkdir()
    (tmp_path / "loop.smw").symlink_to(tmp_path / "loop.smw")
    window = make_window(None)
    for name, words in (("pipe.smw", "named pipe"), ("folder.smw", "folder"), ("loop.smw", "circle")):
        dialogs.errors.clear()
        assert not window.open_path(tmp_path / name)
        assert len(dialogs.errors) == 1 and words in dialogs.errors[0] and "\n" not in dialogs.errors[0]


def test_an_unexpected_error_while_opening_shows_a_message_naming_a_crash_report(
    make_window: Callable[[str | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workshop.store import reading

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("nobody saw this coming")

    window = make_window(None)
    monkeypatch.setattr(reading, "read_workshop", explode)
    dialogs.errors.clear()
    assert not window.open_path(demo_file)
    assert len(dialogs.errors) == 1
    assert "crash report" in dialogs.errors[0] and "Traceback" not in dialogs.errors[0]
    report = Path(dialogs.errors[0].split(" is in ")[1].rstrip("."))
    assert "nobody saw this coming" in report.read_text(encoding="utf-8")


def test_a_sound_workshop_opened_and_closed_without_an_edit_is_byte_identical(
    make_window: Callable[[str | None], MainWindow], demo_file: Path
) -> None:
    before = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    window = make_window(str(demo_file))
    assert window.document is not None and not window.document.read_only
    for key in ("agenda", "run", "goals", "funnel", "leads", "sla", "signoff", "actions", "setup"):
        window.show_stage(key)  # every page built and shown, nothing typed
    window.close()
    assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == before
    beside = sorted(p.name for p in demo_file.parent.iterdir() if demo_file.name in p.name)
    assert beside == [f".{demo_file.name}.lock", demo_file.name]  # no -wal, no -shm left beside it


def test_an_exception_in_the_window_is_a_message_and_a_crash_report(
    window: MainWindow, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from ui.app import install_crash_handler

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_crash_handler(window)
    try:
        raise ValueError("a slot fell over")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert len(dialogs.errors) == 1 and "crash report" in dialogs.errors[0]
    report = Path(dialogs.errors[0].split(" is in ")[1].rstrip("."))
    assert "a slot fell over" in report.read_text(encoding="utf-8")
