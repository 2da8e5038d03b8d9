"""The main window: menus, the open workshop (or the welcome page), the saved-state line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QStackedWidget

from ui.common import icons, themes
from ui.common.dialogs import WORKSHOP_FILTER, Dialogs
from ui.pdf_export import PdfExporter
from ui.run.sound import Chime
from ui.run.window_keys import PROJECTOR_KEY
from ui.settings import AppPaths, AppSettings
from ui.stages import STAGES

if TYPE_CHECKING:  # imported once a workshop is open, not to start the window
    from ui.common.document_signals import DocumentSignals
    from ui.room.controller import RoomController
    from ui.room.panel import RoomPanel
    from ui.run.keys import RunKeysHost
    from ui.run.projector import ProjectorWindow
    from ui.run.session import RunSession
    from ui.welcome_page import WelcomePage
    from ui.workshop_view import WorkshopView
    from workshop.document import WorkshopDocument
from workshop import APP_NAME, FILE_SUFFIX
from workshop.clock import Clock, MonotonicClock
from workshop.store.errors import WorkshopFileError


def escape(text: str) -> str:
    """``html.escape`` for a message's rich text; html is imported then, not to start the window."""
    import html  # noqa: PLC0415

    return html.escape(text)


class MainWindow(QMainWindow):
    """Holds at most one open :class:`WorkshopDocument` and everything that acts on it."""

    def __init__(self, settings: AppSettings, paths: AppPaths, dialogs: Dialogs) -> None:
        super().__init__()
        self.settings, self.paths, self.dialogs = settings, paths, dialogs
        self.document: WorkshopDocument | None = None
        self.session: RunSession | None = None
        self.clock: Clock = MonotonicClock()  # tests put a fake clock here
        self.projector: ProjectorWindow | None = None
        self.room: RoomController | None = None  # the room page, while it is on
        self.room_panel: RoomPanel | None = None
        self.room_bind: tuple[str, int] | None = None  # --room [HOST:]PORT: serve there, no question
        self.room_label = QLabel(self)
        self.room_label.setAccessibleName("Room page")
        self.room_label.hide()
        self.chime = Chime(lambda: paths.data_dir, muted=settings.muted)  # the folder: when first needed
        self.signals: DocumentSignals | None = None
        self.view: WorkshopView | None = None
        self.opening = False  # ui.app.start: the window is on screen, its first workshop not yet open
        self.setWindowIcon(icons.icon("app"))
        self._welcome: WelcomePage | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel(self)
        self.saved_label.setAccessibleName("Saved state")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().addPermanentWidget(self.room_label)
        self._theme_applied = False  # applied before the first page is built, after the window shows
        from ui.backups import BackupKeeper  # noqa: PLC0415 - small; kept with its menu below

        self.backups = BackupKeeper(lambda: paths.backups_dir, settings.backups_enabled, self)
        self.backups.failed.connect(self._report)  # a bound slot: queued from the worker thread
        self._build_menus()
        geometry = settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_to_screen()
        self._update_actions()

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.92)), min(820, int(screen.height() * 0.92)))

    @property
    def welcome(self) -> WelcomePage:
        """The page shown with no workshop open, built when first needed."""
        if self._welcome is None:
            from ui.welcome_page import WelcomePage  # noqa: PLC0415 - rarely needed at start

            self._apply_theme_once()
            self._welcome = WelcomePage(self)
            self._welcome.newRequested.connect(self.new_workshop)
            self._welcome.openRequested.connect(self.open_dialog)
            self._welcome.demoRequested.connect(self.open_demo)
            self._welcome.recentRequested.connect(lambda p: self.open_path(Path(p)))
            self.stack.addWidget(self._welcome)
        return self._welcome

    # -- menus -----------------------------------------------------------------------------

    def _action(
        self, menu: QMenu, text: str, slot: object, keys: QKeySequence | str | None = None
    ) -> QAction:
        action = menu.addAction(text)
        if keys is not None:
            # Neither setShortcut nor copying a QKeySequence: both make PySide6 build every enum of
            # the Qt namespace (~20 ms) before the window can show.
            action.setShortcuts([keys if isinstance(keys, QKeySequence) else QKeySequence(keys)])
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        std = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&New Workshop…", self.new_workshop, QKeySequence(std.New))
        self._action(file_menu, "&Open…", self.open_dialog, QKeySequence(std.Open))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(file_menu, "Open the &Demo Workshop", self.open_demo)
        self.next_action = self._action(file_menu, "New from &This Workshop…", self.new_from_this)
        file_menu.addSeparator()
        self.save_as_action = self._action(file_menu, "Save &As…", self.save_as, "Ctrl+Shift+S")
        self._add_file_keeping_actions(file_menu)
        self.export_action = self._action(file_menu, "&Export as JSON…", self.export_json, "Ctrl+E")
        self.pdf_exporter = PdfExporter(self, self.dialogs, self.settings.store, lambda: self.document)
        self.pdf_exporter.add_to(file_menu)
        self.pdf_exporter.shown_review = self._shown_review
        self.calendar_action = self._action(file_menu, "Export &Calendar…", self.export_calendar)
        file_menu.addSeparator()
        self.close_action = self._action(
            file_menu, "&Close Workshop", self.close_workshop, QKeySequence(std.Close)
        )
        quit_action = self._action(file_menu, "&Quit", self.close, "Ctrl+Q")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action(edit_menu, "&Undo", self.undo)
        self.undo_action.setShortcuts([QKeySequence(std.Undo)])
        self.redo_action = self._action(edit_menu, "&Redo", self.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

        self.go_menu = self.menuBar().addMenu("&Go")
        self.stage_actions = []
        for stage in STAGES:
            action = self._action(
                self.go_menu,
                stage.title,
                lambda _c=False, k=stage.key: self.show_stage(k),
                f"Ctrl+{stage.digit}",
            )
            self.stage_actions.append(action)
        self.projector_action = self._action(
            self.go_menu, "&Projector Window", self.toggle_projector, PROJECTOR_KEY
        )
        self.mute_action = self.go_menu.addAction("&Mute Timer Sounds")
        self.mute_action.setCheckable(True)
        self.mute_action.setChecked(self.settings.muted)
        self.mute_action.toggled.connect(self.set_muted)
        self.run_menu = self.menuBar().addMenu("&Run")
        self.run_menu.aboutToShow.connect(self._fill_run_menu)
        self.view_menu = self.menuBar().addMenu("&View")
        self.full_screen_action = self._action(
            self.view_menu, "&Full Screen", self.toggle_full_screen, QKeySequence(std.FullScreen)
        )
        self.room_action = self._action(self.view_menu, "&Room Page", self.toggle_room, "Ctrl+Shift+R")
        self.room_action.setCheckable(True)
        self.room_action.setToolTip("Serve a page for phones in the room on this network (off by default)")
        self.theme_menu = self.view_menu.addMenu("&Theme")
        themes.fill_theme_menu(self.theme_menu, self.settings, self._theme_changed)
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, f"&About {APP_NAME}", self._about)

    def _fill_run_menu(self) -> None:
        """The live run's actions, each with its key: the same table "?" lists."""
        from ui.run.keys import fill_run_menu  # noqa: PLC0415 - when the menu opens, not at start
        from workshop.model import MARKETING, SALES, Team, team_name  # noqa: PLC0415

        names = None
        if self.document is not None and self.view is not None:
            teams = self.document.typed(Team)
            names = {key: team_name(teams, key) for key in (SALES, MARKETING)}
        fill_run_menu(self.run_menu, names, self._go_run)

    def _go_run(self) -> RunKeysHost | None:
        from ui.run.keys import RunKeysHost  # noqa: PLC0415 - not needed to start

        self.show_stage("run")
        page = self.view.page("run") if self.view is not None else None
        return page if isinstance(page, RunKeysHost) else None

    def _theme_changed(self) -> None:
        if self.view is not None and self.signals is not None:
            self._rebuild_view()  # pages take their colours when built

    # -- keeping files safe: recovery (kept apart from the other File actions) --------------

    def _add_file_keeping_actions(self, file_menu: QMenu) -> None:
        self.recover_action = self._action(file_menu, "Re&cover into a New File…", self.recover)
        self.recover_action.setToolTip("Copy everything sound from a damaged workshop into a new file")
        self._action(file_menu, "&Import from JSON…", self.import_json)
        self._add_backup_actions(file_menu)

    def import_json(self) -> None:
        """Rebuild a workshop file from a JSON export, then open it."""
        folder = str(self.document.path.parent if self.document else self.paths.workshops_dir)
        source = self.dialogs.open_path(self, "Import a workshop from JSON", folder, "JSON files (*.json)")
        if source is None or not self._may_let_go():
            return
        suggested = str(source.with_suffix(FILE_SUFFIX))
        out = self.dialogs.save_path(
            self, "Import from JSON: the new workshop file", suggested, WORKSHOP_FILTER
        )
        if out is None:
            return
        from workshop.inputs import InputError  # noqa: PLC0415 - not needed to start
        from workshop.report.json_import import JsonImportError, import_file  # noqa: PLC0415

        QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            imported = import_file(source, out)
        except (JsonImportError, InputError) as error:
            QApplication.restoreOverrideCursor()
            self.dialogs.error(self, "Cannot import", str(error))
            return
        QApplication.restoreOverrideCursor()
        if self.open_path(out) and imported.notes:
            self.dialogs.inform(self, "Imported with changes", "<br>".join(escape(n) for n in imported.notes))

    def recover(self) -> None:
        """Write what was sound in a file with bad values to a new file, and say what was left out."""
        document = self.document
        if document is None or not document.problems:
            return
        problems = list(document.problems)
        suggested = str(document.path.with_name(f"{document.path.stem} (recovered){FILE_SUFFIX}"))
        path = self.dialogs.save_path(self, "Recover into a new file", suggested, WORKSHOP_FILTER)
        if path is None:
            return
        if path.absolute() == document.path:
            self.dialogs.error(
                self, "Cannot recover", "Choose a new name: the damaged file is kept as it is, untouched."
            )
            return
        try:
            document.save_as(path)
        except WorkshopFileError as error:
            self.dialogs.error(self, "Cannot recover", str(error))
            return
        self.settings.add_recent(document.path)
        self._rebuild_view()
        left_out = "<br>".join(f"• {escape(p.describe())}" for p in problems[:20])
        more = f"<br>… and {len(problems) - 20} more" if len(problems) > 20 else ""
        self.dialogs.inform(
            self,
            "Workshop recovered",
            f"Everything sound is now in “{escape(path.name)}”, open for editing. Left out (the values "
            f"no edit could make):<br>{left_out}{more}<br><br>The damaged file has not been changed.",
        )

    # -- automatic backups ------------------------------------------------------------------

    def _add_backup_actions(self, file_menu: QMenu) -> None:
        self.restore_action = self._action(file_menu, "Restore from &Backup…", self.restore_backup)
        self.backups_action = file_menu.addAction("Automatic Backups")
        self.backups_action.setCheckable(True)
        self.backups_action.setChecked(self.settings.backups_enabled)
        # The folder is named when the menu opens: looking it up is no work for the window's start.
        file_menu.aboutToShow.connect(
            lambda: self.backups_action.setToolTip(
                f"Keep a copy every few minutes in {self.paths.backups_dir}"
            )
        )
        self.backups_action.toggled.connect(self._set_backups_enabled)

    def _name_backups_folder(self) -> None:
        self.backups_action.setToolTip(f"Keep a copy every few minutes in {self.paths.backups_dir}")

    def _set_backups_enabled(self, enabled: bool) -> None:
        self.settings.backups_enabled = enabled
        self.backups.set_enabled(enabled)

    def restore_backup(self) -> None:
        """Pick one of the open workshop's backups and restore it into a new file, then open that."""
        from workshop.store import backups  # noqa: PLC0415 - not needed to start

        document = self.document
        self.backups.wait()
        folder = self.backups.folder(document) if document is not None else self._pick_backed_up_workshop()
        if folder is None:
            return
        found = backups.list_backups(folder)
        if not found:
            self.dialogs.inform(
                self,
                "No backups yet",
                f"There is no backup of this workshop yet. Backups are kept every few minutes while it "
                f"is edited, in {escape(str(self.paths.backups_dir))}.",
            )
            return
        labels = []
        for index, backup in enumerate(found):
            older = found[index + 1].size if index + 1 < len(found) else None
            change = "" if older is None else f" ({_size_change(backup.size - older)})"
            labels.append(
                (str(index), f"{backup.taken_at:%a %d %b %Y, %H:%M:%S} — {_size(backup.size)}{change}")
            )
        choice = self.dialogs.pick(
            self, "Restore from backup", "Restore which backup, into a new file?", labels
        )
        if choice is None:
            return
        chosen = found[int(choice)]
        stamp = f"{chosen.taken_at:%Y-%m-%d %H%M}"
        place = document.path if document is not None else self.paths.workshops_dir / f"Workshop{FILE_SUFFIX}"
        suggested = str(place.with_name(f"{place.stem} (backup {stamp}){FILE_SUFFIX}"))
        target = self.dialogs.save_path(self, "Restore the backup as", suggested, WORKSHOP_FILTER)
        if target is None:
            return
        if document is not None and target.absolute() == document.path:
            self.dialogs.error(
                self, "Cannot restore", "Choose a new name: a backup never replaces the open workshop."
            )
            return
        try:
            backups.restore(chosen.path, target)
        except (WorkshopFileError, OSError) as error:
            self.dialogs.error(self, "Cannot restore", str(error))
            return
        self.open_path(target)

    def _pick_backed_up_workshop(self) -> Path | None:
        """With no workshop open: which workshop's backups to restore from."""
        from workshop.store import backups  # noqa: PLC0415 - not needed to start

        workshops = backups.backed_up_workshops(self.paths.backups_dir)
        if not workshops:
            self.dialogs.inform(
                self,
                "No backups yet",
                f"There are no backups yet. Backups are kept every few minutes while a workshop is "
                f"edited, in {escape(str(self.paths.backups_dir))}.",
            )
            return None
        items = [(str(i), title) for i, (title, _folder) in enumerate(workshops)]
        choice = self.dialogs.pick(self, "Restore from backup", "Restore a backup of which workshop?", items)
        return workshops[int(choice)][1] if choice is not None else None

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for path in recent:
            action = self.recent_menu.addAction(f"{path.name}  ({path.parent})")
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear Menu").triggered.connect(self.settings.clear_recent)
        else:
            self.recent_menu.addAction("No recent workshops").setEnabled(False)

    def _about(self) -> None:
        from ui.about import AboutDialog  # noqa: PLC0415 - built when asked for

        self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    # -- opening and closing ---------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Open a workshop file, replacing the one open; say clearly what is wrong if it fails."""
        if not self._may_let_go():
            return False
        from workshop.document import WorkshopDocument  # noqa: PLC0415 - after the window shows

        try:
            document = WorkshopDocument.open(path)
        except WorkshopFileError as error:
            self.dialogs.error(self, "Cannot open workshop", str(error))
            if not path.exists():
                self.settings.forget_recent(path)
            return False
        except Exception as error:  # noqa: BLE001 - never a traceback: a message and a crash report
            from workshop.crash import report_crash  # noqa: PLC0415 - only when something went wrong

            self.dialogs.error(self, "Cannot open workshop", report_crash(error, f"opening “{path.name}”"))
            return False
        self._set_document(document)
        return True

    def open_dialog(self) -> None:
        folder = str(self.document.path.parent if self.document else self.paths.workshops_dir)
        path = self.dialogs.open_path(self, "Open workshop", folder, WORKSHOP_FILTER)
        if path is not None:
            self.open_path(path)

    def open_demo(self) -> None:
        demo = self.paths.demo_file
        if not demo.exists():
            demo.parent.mkdir(parents=True, exist_ok=True)
            from workshop.demo.content import demo_content  # noqa: PLC0415 - first start only
            from workshop.store import files  # noqa: PLC0415

            files.write_content(demo, demo_content())
        self.open_path(demo)

    def new_workshop(self) -> None:
        if not self._may_let_go():
            return
        self.paths.workshops_dir.mkdir(parents=True, exist_ok=True)
        suggested = str(self.paths.workshops_dir / f"New workshop{FILE_SUFFIX}")
        path = self.dialogs.save_path(self, "New workshop: where to keep it", suggested, WORKSHOP_FILTER)
        if path is None:
            return
        from workshop.demo.content import blank_content  # noqa: PLC0415 - not needed to start
        from workshop.document import WorkshopDocument  # noqa: PLC0415

        try:
            document = WorkshopDocument.create(path, blank_content())
        except (OSError, WorkshopFileError) as error:
            self.dialogs.error(self, "Cannot create workshop", f"“{path.name}” could not be created: {error}")
            return
        self._set_document(document)
        if self.view is not None:
            self.view.setup_page.focus_first_field()

    def new_from_this(self) -> None:
        """The next period's workshop: teams, people, definition and SLA carried over as a draft."""
        if self.document is None:
            return
        from workshop.clock import local_today  # noqa: PLC0415 - not needed to start
        from workshop.document import WorkshopDocument  # noqa: PLC0415
        from workshop.review.carry_over import NEXT_SUFFIX, next_workshop  # noqa: PLC0415

        content = next_workshop(self.document.content(), local_today())
        name = (self.document.info.title.removesuffix(NEXT_SUFFIX).strip()[:70] or "Workshop") + NEXT_SUFFIX
        suggested = str(self.document.path.with_name(f"{name}{FILE_SUFFIX}"))
        path = self.dialogs.save_path(self, "Next workshop: where to keep it", suggested, WORKSHOP_FILTER)
        if path is None or not self._may_let_go():
            return
        try:
            document = WorkshopDocument.create(path, content)
        except (OSError, WorkshopFileError) as error:
            self.dialogs.error(self, "Cannot create workshop", f"“{path.name}” could not be created: {error}")
            return
        self._set_document(document)
        self.statusBar().showMessage(
            "Started the next workshop: teams, participants, the MQL definition (to approve again) and the "
            "SLA (unsigned) carried over; last period's goals are drafts with their results.",
            12000,
        )

    def save_as(self) -> None:
        if self.document is None:
            return
        name = self.document.info.title.strip()[:80] or self.document.path.stem
        suggested = str(self.document.path.with_name(f"{name}{FILE_SUFFIX}"))
        path = self.dialogs.save_path(self, "Save workshop as", suggested, WORKSHOP_FILTER)
        if path is None:
            return
        try:
            self.document.save_as(path)
        except WorkshopFileError as error:
            self.dialogs.error(self, "Cannot save workshop", str(error))
            return
        self.settings.add_recent(self.document.path)
        self._rebuild_view()

    def export_json(self) -> None:
        if self.document is None:
            return
        suggested = str(self.document.path.with_suffix(".json"))
        path = self.dialogs.save_path(self, "Export workshop as JSON", suggested, "JSON files (*.json)")
        if path is None:
            return
        import json  # noqa: PLC0415 - not needed to start

        from workshop.report.json_export import workshop_json  # noqa: PLC0415

        text = json.dumps(workshop_json(self.document.content()), ensure_ascii=False, indent=2)
        try:
            path.write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            self.dialogs.error(
                self, "Cannot export", f"“{path.name}” could not be written: {error.strerror or error}."
            )
            return
        self.statusBar().showMessage(f"Exported to {path}", 8000)

    def export_calendar(self) -> None:
        """The review meetings and action due dates as .ics; over an earlier export, its events update."""
        if self.document is None:
            return
        suggested = str(self.document.path.with_suffix(".ics"))
        path = self.dialogs.save_path(self, "Export calendar", suggested, "iCalendar files (*.ics)")
        if path is None:
            return
        from workshop.clock import local_now  # noqa: PLC0415 - not needed to start
        from workshop.review.calendar import calendar_ics  # noqa: PLC0415

        try:
            previous = path.read_bytes() if path.is_file() else None
        except OSError:
            previous = None
        try:
            path.write_bytes(calendar_ics(self.document.content(), local_now(), previous))
        except OSError as error:
            self.dialogs.error(
                self, "Cannot export", f"“{path.name}” could not be written: {error.strerror or error}."
            )
            return
        self.statusBar().showMessage(f"Exported the review meetings and due dates to {path}", 8000)

    def close_workshop(self) -> bool:
        if not self._may_let_go():
            return False
        self.settings.clear_last_file()
        self._set_document(None)
        return True

    def _may_let_go(self) -> bool:
        """True when the open workshop can be closed without losing an edit (asking if needed)."""
        document = self.document
        if document is None or document.write_error is None:
            return True
        choice = self.dialogs.ask_unsaved(
            self, f"{document.write_error.problem}\n\nSave them to another file before closing?"
        )
        if choice == "save_as":
            self.save_as()
            return document.write_error is None
        return choice == "discard"

    def run_session(self, document: WorkshopDocument) -> RunSession:
        """The live run of the open workshop, made on first use."""
        if self.session is None or self.session.document is not document:
            from ui.run.session import RunSession  # noqa: PLC0415 - only once the run is looked at

            self.session = RunSession(document, self.clock, parent=self)
            self.session.cue.connect(lambda _cue: self.chime.play())
            self.session.ticked.connect(self._show_saved_stamp)  # the run's log is saved as it goes
        return self.session

    def toggle_projector(self) -> None:
        """F5: show the room's window (full screen on a second screen), or hide it."""
        if self.document is None:
            return
        if self.projector is not None and self.projector.isVisible():
            self.projector.hide()
            return
        if self.projector is None:
            from ui.run.projector import ProjectorWindow  # noqa: PLC0415 - built on first use

            self.projector = ProjectorWindow(
                self.run_session(self.document),
                remember=self.settings.projector_full_screen,
                keep=self.settings.set_projector_full_screen,
            )
            self.projector.consoleWanted.connect(self._back_to_console)
            self._show_room_on_projector()
        self.projector.place()

    # -- the room page -------------------------------------------------------------------------

    def toggle_room(self) -> None:
        """View ▸ Room Page: turn the page for phones on (asking which network) or off."""
        if self.room is not None:
            self.stop_room()
        else:
            self.start_room()
        self.room_action.setChecked(self.room is not None)

    def _room_host(self) -> tuple[str, int] | None:
        if self.room_bind is not None:
            return self.room_bind
        from workshop.room.access import choose_interface, list_interfaces  # noqa: PLC0415

        interfaces = list_interfaces()
        chosen = choose_interface(interfaces)
        items = [
            (i.address, f"{i.name} — {i.address}") for i in [chosen, *(i for i in interfaces if i != chosen)]
        ]
        picked = self.dialogs.pick(
            self,
            "Room Page",
            "Serve the room page on which network? (the venue's Wi-Fi, or this laptop's hotspot)",
            items,
        )
        return None if picked is None else (picked, 0)

    def start_room(self) -> str | None:
        """Turn the room page on; its address (with the join code), or None when it could not start."""
        if self.document is None or self.room is not None:
            return None if self.room is None else self.room.address
        where = self._room_host()
        if where is None:
            return None
        from ui.room.controller import RoomController  # noqa: PLC0415 - the server loads only now
        from ui.room.panel import RoomPanel  # noqa: PLC0415

        room = RoomController(self.run_session(self.document), self._projector_shown, self)
        try:
            room.start(*where)
        except OSError as error:
            room.deleteLater()
            self.dialogs.error(
                self,
                "Room page",
                f"The room page could not start on {where[0]}:{where[1] or 'any port'}: "
                f"{error.strerror or error}. Pick another network or port.",
            )
            return None
        self.room = room
        self.room_panel = RoomPanel(room, self)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, self.room_panel)
        room.connectedChanged.connect(self._show_room_count)
        self._show_room_count(0)
        self.room_label.show()
        self._show_room_on_projector()
        self.room_action.setChecked(True)
        self.statusBar().showMessage(f"Room page on at {room.server.address} (unencrypted HTTP)", 10000)
        return room.address

    def stop_room(self) -> None:
        if self.room is None:
            return
        self.room.stop()
        self.room.deleteLater()
        self.room = None
        if self.room_panel is not None:
            self.removeDockWidget(self.room_panel)
            self.room_panel.deleteLater()
            self.room_panel = None
        self.room_label.hide()
        self.room_action.setChecked(False)
        self._show_room_on_projector()

    def _show_room_count(self, count: int) -> None:
        self.room_label.setText(f"Room page: {count} connected")

    def _projector_shown(self) -> bool:
        return self.projector is not None and self.projector.isVisible()

    def _show_room_on_projector(self) -> None:
        if self.projector is None:
            return
        if self.room is None:
            self.projector.show_room(None)
            return
        from ui.room.panel import qr_pixmap  # noqa: PLC0415

        server = self.room.server
        self.projector.show_room(
            qr_pixmap(server.join_address, scale=1),
            f"Join on your phone:\n{server.address}\ncode {server.code}",
        )

    def _back_to_console(self) -> None:
        self.raise_()
        self.activateWindow()

    def toggle_full_screen(self) -> None:
        """F11: the console full screen, or back to a window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def set_muted(self, muted: bool) -> None:
        self.chime.muted = muted
        self.settings.muted = muted

    def _stop_run(self) -> None:
        self.stop_room()
        if self.projector is not None:
            self.projector.hide()
            self.projector.deleteLater()
            self.projector = None
        if self.session is not None:
            self.session.stop()
            self.session.deleteLater()
            self.session = None

    def _set_document(self, document: WorkshopDocument | None) -> None:
        if self.document is not None:
            self._stop_run()
            self._drop_view()
            self.backups.detach()
            self.document.close()
        self.document = document
        self.backups.attach(document)
        if document is not None:
            self.settings.add_recent(document.path)
            self._rebuild_view()
            if len(document.run_log):  # without making a record of every event
                self._notice_interrupted(self.run_session(document))
        self.show_current()

    def _drop_view(self) -> None:
        if self.signals is not None:
            self.signals.dispose()
            self.signals.deleteLater()
            self.signals = None
        if self.view is not None:
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None

    def _notice_interrupted(self, session: RunSession) -> None:
        runner = session.runner
        if runner.interrupted and self.view is not None:
            item = runner.item()
            where = f"at “{item.title}”" if item else "at the end of the agenda"
            self.view.banner.show_message(
                "info",
                f"The last session was interrupted (the app closed while the timer ran). Its timing and "
                f"airtime are kept up to the last second; it is paused {where}. Press Space on the Run page "
                "to resume.",
                [("Go to Run", lambda: self.show_stage("run"))],
            )
            session.changed.connect(self._resumed)

    def _resumed(self) -> None:
        """Once the interrupted run resumes, its "press Space to resume" message is out of date."""
        session = self.session
        banner = self.view.banner if self.view is not None else None
        if session is None or banner is None or not session.runner.running:
            return
        if banner.isVisible() and "interrupted" in banner.text.text():
            banner.hide()
        session.changed.disconnect(self._resumed)

    def _show_saved_stamp(self) -> None:
        document = self.document
        if document is None or document.write_error is not None or document.read_only:
            return
        stamp = document.saved_at.strftime("%H:%M:%S") if document.saved_at else ""
        text = f"All changes saved {stamp}".strip()
        if self.saved_label.text() != text:
            self.saved_label.setText(text)

    def _fresh_signals(self, document: WorkshopDocument) -> DocumentSignals:
        """New Qt signals for a new view: the old view's pages, and whatever they connected
        (lambdas included), stop hearing the document along with the old signals."""
        from ui.common.document_signals import DocumentSignals  # noqa: PLC0415 - after the window shows

        self.signals = DocumentSignals(document, self)
        self.signals.statusChanged.connect(self._update_status)
        return self.signals

    def _apply_theme_once(self) -> None:
        """The chosen theme, set before the first page is built (pages take their colours then).

        Not in the constructor: reading the system's scheme builds Qt's enums, which the window
        must not wait for before it shows.
        """
        if not self._theme_applied:
            self._theme_applied = True
            themes.apply_theme(self.settings.theme)

    def _rebuild_view(self) -> None:
        self._apply_theme_once()
        assert self.document is not None
        stage = self.view.current_stage() if self.view else "setup"
        self._drop_view()
        self._fresh_signals(self.document)
        assert self.signals is not None
        from ui.common.page_context import PageContext  # noqa: PLC0415 - after the window shows
        from ui.workshop_view import WorkshopView  # noqa: PLC0415

        context = PageContext(
            self.signals,
            self,
            self.dialogs,
            self._report,
            self.run_session,
            export_review=self.pdf_exporter.export_review,
        )
        self.view = WorkshopView(context, self)
        self.stack.addWidget(self.view)
        self.view.show_stage(stage)
        self.show_current()

    def _shown_review(self) -> int:
        """The review the Review page shows (0 before the page was opened: the latest)."""
        page = self.view.page_by_key.get("review") if self.view is not None else None
        current = getattr(page, "current_review_id", None)
        return int(current()) if callable(current) else 0

    def _report(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def show_current(self) -> None:
        """Show the open workshop, or the welcome page when there is none."""
        if self.document is not None and self.view is not None:
            self.stack.setCurrentWidget(self.view)
        else:
            self.welcome.set_recent([p for p in self.settings.recent_files if p.exists()])
            self.stack.setCurrentWidget(self.welcome)
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.document is not None and self.view is not None
        actions = (
            self.save_as_action,
            self.export_action,
            self.calendar_action,
            self.next_action,
            self.close_action,
            self.projector_action,
            *self.pdf_exporter.actions,
        )
        for action in (*actions, *self.stage_actions):
            action.setEnabled(has)
        self.recover_action.setEnabled(has and self.document is not None and bool(self.document.problems))
        self._update_status()

    # -- what the user sees of the document's state ----------------------------------------

    def _update_status(self) -> None:
        document = self.document
        if document is None:
            self.setWindowTitle(APP_NAME)
            self.saved_label.setText("")
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
            return
        title = document.info.title.strip() or "Untitled workshop"
        if len(title) > 80:
            title = title[:79] + "…"
        if document.path.stem.casefold().startswith(title.casefold()):
            self.setWindowTitle(f"{document.path.name} — {APP_NAME}")  # the name says it already
        else:
            self.setWindowTitle(f"{title} — {document.path.name} — {APP_NAME}")
        self.setWindowFilePath(str(document.path))
        self.undo_action.setEnabled(document.can_undo)
        self.undo_action.setText(f"&Undo {document.undo_text}".strip())
        self.redo_action.setEnabled(document.can_redo)
        self.redo_action.setText(f"&Redo {document.redo_text}".strip())
        if self.view is None:
            return
        if document.write_error is not None:
            self.saved_label.setText("⚠ Not saved")
            self.view.banner.show_message(
                "error", str(document.write_error), [("Save As…", self.save_as)], closable=False
            )
        elif document.read_only:
            self.saved_label.setText("Read-only")
            actions = [("Recover into a New File…", self.recover)] if document.problems else []
            self.view.banner.show_message(
                "warning",
                document.read_only_reason or "",
                actions or [("Save As…", self.save_as)],
                closable=False,
            )
        else:
            stamp = document.saved_at.strftime("%H:%M:%S") if document.saved_at else ""
            self.saved_label.setText(f"All changes saved {stamp}".strip())
            if self.view.banner.isVisible() and self.view.banner.kind != "info":
                self.view.banner.hide()
            if document.migrated_backup is not None:
                self.view.banner.show_message(
                    "info",
                    f"This workshop was updated to the current file format; the original is kept as "
                    f"“{document.migrated_backup.name}”.",
                )
                document.migrated_backup = None

    def undo(self) -> None:
        if self.document is not None:
            self.document.undo()

    def redo(self) -> None:
        if self.document is not None:
            self.document.redo()

    def show_stage(self, key: str) -> None:
        if self.view is not None:
            self.view.show_stage(key)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_let_go():
            event.ignore()
            return
        self.settings.set_geometry("main", self.saveGeometry())
        if self.document is not None:
            self._stop_run()
            self._drop_view()
            self.backups.detach()
            self.document.close()
            self.document = None
        self.settings.sync()
        event.accept()


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


def _size_change(delta: int) -> str:
    if delta == 0:
        return "same size"
    return ("+" if delta > 0 else "−") + _size(abs(delta))
