"""The main window: first start, stages and shortcuts, files in and out, and bad news told clearly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from tests.test_document import fill_the_disk
from tests.ui.conftest import ScriptedDialogs
from tests.ui.keys import CTRL, SHIFT, put_cursor_in
from ui.main_window import MainWindow
from ui.settings import AppPaths, AppSettings
from workshop.cli import main as cli
from workshop.document import WorkshopDocument
from workshop.edits import Update

MakeWindow = Callable[[str | None], MainWindow]


def test_first_start_opens_the_demo_workshop(make_window: MakeWindow, app_paths: AppPaths) -> None:
    window = make_window(None)
    assert window.document is not None
    assert window.document.path == app_paths.demo_file
    assert window.document.info.title == "Q3 alignment offsite"
    assert window.view is not None and window.view.current_stage() == "setup"


def test_the_last_workshop_reopens_at_start(
    make_window: MakeWindow, demo_file: Path, settings: AppSettings
) -> None:
    first = make_window(str(demo_file))
    first.close()
    assert settings.last_file == demo_file
    again = make_window(None)
    assert again.document is not None and again.document.path == demo_file


FIXED_DIGITS = {
    "Setup": 1,
    "Agenda": 2,
    "Run": 3,
    "Goals": 4,
    "Funnel": 5,
    "Leads & MQL": 6,
    "SLA": 7,
    "Sign-off": 8,
    "Actions": 9,
    "Review": 0,  # after Actions: Ctrl+0, the key after 9
}


def test_ctrl_digits_jump_to_the_stages(window: MainWindow, qtbot: QtBot) -> None:

    assert window.view is not None
    shortcuts = {a.text(): a.shortcut().toString() for a in window.stage_actions}
    assert {"Setup", "Agenda", "Run", "Actions"} <= set(shortcuts)
    assert shortcuts == {title: f"Ctrl+{FIXED_DIGITS[title]}" for title in shortcuts}
    listed = [window.view.stage_list.item(i).text() for i in range(window.view.stage_list.count())]
    assert listed == sorted(listed, key=lambda t: FIXED_DIGITS[t] or 10)  # the method's order
    next(a for a in window.stage_actions if a.text() == "Actions").trigger()
    assert window.view.current_stage() == "actions"
    assert window.view.pages.currentWidget() is window.view.actions_page
    next(a for a in window.stage_actions if a.text() == "Run").trigger()
    assert window.view.current_stage() == "run"
    window.stage_actions[0].trigger()
    assert window.view.current_stage() == "setup"


def test_standard_shortcuts(window: MainWindow) -> None:
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    redo = [s.toString() for s in window.redo_action.shortcuts()]
    assert redo == ["Ctrl+Shift+Z", "Ctrl+Y"]
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    quit_action = next(a for a in file_menu.actions() if a.text() == "&Quit")
    assert quit_action.shortcut().toString() == "Ctrl+Q"


def test_undo_menu_names_the_edit(window: MainWindow) -> None:
    assert window.document is not None
    window.document.apply("Change venue", [Update.of(window.document.info, venue="Room 9")])
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo Change venue"
    window.undo_action.trigger()
    assert window.document.info.venue != "Room 9"
    assert window.redo_action.text() == "&Redo Change venue"


def test_ctrl_z_in_a_text_field_undoes_and_redoes_the_document(window: MainWindow, qtbot: QtBot) -> None:
    assert window.view is not None and window.document is not None
    field = window.view.setup_page.fields["workshop.title"]
    assert isinstance(field, QLineEdit)
    put_cursor_in(qtbot, field)
    field.selectAll()
    qtbot.keyClicks(field, "Q3 kick-off")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert window.document.info.title == "Q3 alignment offsite" and field.text() == "Q3 alignment offsite"
    assert WorkshopDocument.open(window.document.path, read_only=True).info.title == "Q3 alignment offsite"
    assert window.redo_action.text() == "&Redo Change title"  # undone, not typed back as a new edit
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.document.info.title == "Q3 kick-off" and field.text() == "Q3 kick-off"
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert window.document.info.title == "Q3 kick-off" and field.text() == "Q3 kick-off"


def test_ctrl_z_in_a_field_undoes_the_last_edit_like_the_menu(window: MainWindow, qtbot: QtBot) -> None:
    assert window.view is not None and window.document is not None
    venue = window.view.setup_page.fields["workshop.venue"]
    title = window.view.setup_page.fields["workshop.title"]
    assert isinstance(venue, QLineEdit) and isinstance(title, QLineEdit)
    put_cursor_in(qtbot, venue)
    venue.selectAll()
    qtbot.keyClicks(venue, "Room 9")
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)  # nothing typed here: it undoes the venue, as Edit ▸ Undo would
    assert window.document.info.venue != "Room 9" and venue.text() == window.document.info.venue
    assert title.text() == window.document.info.title == "Q3 alignment offsite"


def test_a_bad_file_is_explained_and_the_open_workshop_stays(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.smw"
    bad.write_text("just some notes")
    dialogs.paths.append(bad)
    window.open_dialog()
    assert dialogs.errors and "is not a Smarketing Workshop file" in dialogs.errors[0]
    assert window.document is not None and window.document.path.name == "demo.smw"
    assert bad.read_text() == "just some notes"


def test_a_bad_file_at_start_leaves_the_app_usable(
    make_window: MakeWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.smw"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    window = make_window(str(bad))
    assert "cut short" in dialogs.errors[0]
    assert window.document is None
    assert window.stack.currentWidget() is window.welcome
    window.welcome.demoRequested.emit()
    assert window.document is not None


def test_close_shows_the_welcome_page_with_recent_files(window: MainWindow, demo_file: Path) -> None:
    window.close_action.trigger()
    assert window.document is None
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(demo_file)
    assert not window.save_as_action.isEnabled()
    window.welcome.recentRequested.emit(str(demo_file))
    assert window.document is not None


def test_new_workshop_asks_where_and_starts_blank(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "Kick-off.smw"
    dialogs.paths.append(target)
    window.new_workshop()
    assert window.document is not None and window.document.path == target
    assert window.document.content().participants == []
    assert [t.name for t in window.document.content().teams] == ["Sales", "Marketing"]
    assert window.windowTitle().startswith("New workshop — Kick-off.smw")


def test_save_as_continues_in_the_copy(window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    assert window.view is not None
    copy = tmp_path / "copy.smw"
    dialogs.paths.append(copy)
    window.save_as_action.trigger()
    assert window.document is not None and window.document.path == copy
    assert "copy.smw" in window.windowTitle()
    field = window.view.setup_page.fields["workshop.company"]
    assert isinstance(field, QLineEdit)
    field.setText("")
    field.textEdited.emit("Fernhill Labs")
    assert WorkshopDocument.open(copy, read_only=True).info.company == "Fernhill Labs"


def test_a_failed_write_is_shown_and_kept_until_saved_elsewhere(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    assert window.document is not None and window.view is not None
    fill_the_disk(window.document)
    window.document.apply("Change notes", [Update.of(window.document.info, venue="Big room " * 2000)])
    banner = window.view.banner
    assert banner.isVisibleTo(window) and banner.kind == "error"
    assert "disk" in banner.text.text() and "full" in banner.text.text()
    assert window.saved_label.text() == "⚠ Not saved"
    # closing asks first; cancelling keeps the window and the edit
    dialogs.unsaved_choice = "cancel"
    assert not window.close()
    assert window.document is not None and window.document.info.venue.startswith("Big room")
    # Save As from the banner's button rescues everything
    rescue = tmp_path / "rescue.smw"
    dialogs.paths.append(rescue)
    window.save_as()
    assert window.document.path == rescue and window.document.write_error is None
    assert WorkshopDocument.open(rescue, read_only=True).info.venue.startswith("Big room")
    assert not window.view.banner.isVisibleTo(window)


def test_export_json_from_the_menu(window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    dialogs.paths.append(out)
    window.export_action.trigger()
    assert '"schema_version": 1' in out.read_text(encoding="utf-8")


def test_window_geometry_is_remembered(
    make_window: MakeWindow, demo_file: Path, settings: AppSettings
) -> None:
    first = make_window(str(demo_file))
    first.resize(first.width(), 555)
    first.close()
    assert settings.geometry("main") is not None
    second = make_window(str(demo_file))
    assert second.height() == 555


def test_f11_switches_the_console_to_full_screen_and_back(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    QTest.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_the_window_title_names_the_workshop_once(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window(None)  # the demo: "Q3 alignment offsite (demo).smw"
    assert window.windowTitle() == "Q3 alignment offsite (demo).smw — Smarketing Workshop"
    other = tmp_path / "berlin.smw"
    assert cli(["demo", str(other)]) == 0
    assert window.open_path(other)
    assert window.windowTitle() == "Q3 alignment offsite — berlin.smw — Smarketing Workshop"
