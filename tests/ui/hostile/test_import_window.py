"""File ▸ Import from JSON…: an export becomes a new workshop file, opened; bad JSON is refused clearly."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction

from tests.ui.conftest import ScriptedDialogs
from ui.main_window import MainWindow
from workshop.document import WorkshopDocument
from workshop.report.json_export import workshop_json


def import_action(window: MainWindow) -> QAction:
    found = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == "Import from JSON…"]
    assert len(found) == 1, "no File ▸ Import from JSON…"
    return found[0]


def test_importing_a_json_export_opens_the_rebuilt_workshop(
    make_window: Callable[[str | None], MainWindow], dialogs: ScriptedDialogs, demo_file: Path, tmp_path: Path
) -> None:
    document = WorkshopDocument.open(demo_file, read_only=True)
    source = tmp_path / "moved.json"
    source.write_text(json.dumps(workshop_json(document.content())), encoding="utf-8")
    title = document.info.title
    document.close()
    window = make_window(None)
    out = tmp_path / "moved.smw"
    dialogs.paths += [source, out]
    import_action(window).trigger()
    assert window.document is not None
    assert window.document.path == out and not window.document.read_only
    assert window.document.info.title == title
    assert not dialogs.errors


def test_a_json_that_is_not_an_export_is_refused_in_one_line(
    make_window: Callable[[str | None], MainWindow], dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    source = tmp_path / "other.json"
    source.write_text('{"hello": "world"}', encoding="utf-8")
    window = make_window(None)
    before = window.document
    dialogs.paths += [source, tmp_path / "other.smw"]
    import_action(window).trigger()
    assert window.document is before  # the open workshop stays open
    assert len(dialogs.errors) == 1 and "other.json" in dialogs.errors[0] and "\n" not in dialogs.errors[0]
    assert not (tmp_path / "other.smw").exists()
