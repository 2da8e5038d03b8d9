"""The main window: menus, the open workshop (or the welcome page), the saved-state line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QStackedWidget

from ui.common import icons
from ui.common.dialogs import WORKSHOP_FILTER, Dialogs
from ui.common.document_signals import DocumentSignals
from ui.common.page_context import PageContext
from ui.pdf_export import PdfExporter
from ui.run.keys import PROJECTOR_KEY
from ui.run.sound import Chime
from ui.settings import AppPaths, AppSettings
from ui.workshop_view import STAGES, WorkshopView

if TYPE_CHECKING:
    from ui.run.projector import ProjectorWindow
    from ui.run.session import RunSession
    from ui.welcome_page import WelcomePage
from workshop import APP_NAME, FILE_SUFFIX
from workshop.clock import Clock, MonotonicClock
from workshop.document import WorkshopDocument
from workshop.store.errors import WorkshopFileError


class MainWindow(QMainWindow):
    """Holds at most one open :class:`WorkshopDocument` and everything that acts on it."""

    def __init__(self, settings: AppSettings, paths: AppPaths, dialogs: Dialogs) -> None:
        super().__init__()
        self.settings, self.paths, self.dialogs = settings, paths, dialogs
        self.document: WorkshopDocument | None = None
        self.session: RunSession | None = None
        self.clock: Clock = MonotonicClock()  # tests put a fake clock here
        self.projector: ProjectorWindow | None = None
        self.chime = Chime(paths.data_dir, muted=settings.muted)
        self.signals: DocumentSignals | None = None
        self.view: WorkshopView | None = None
        self.setWindowIcon(icons.icon("app"))
        self._welcome: WelcomePage | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel(self)
        self.saved_label.setAccessibleName("Saved state")
        self.statusBar().addPermanentWidget(self.saved_label)
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
            action.setShortcut(QKeySequence(keys))
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
        file_menu.addSeparator()
        self.save_as_action = self._action(file_menu, "Save &As…", self.save_as, "Ctrl+Shift+S")
        self.export_action = self._action(file_menu, "&Export as JSON…", self.export_json, "Ctrl+E")
        self.pdf_exporter = PdfExporter(self, self.dialogs, self.settings.store, lambda: self.document)
        self.pdf_exporter.add_to(file_menu)
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
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, f"&About {APP_NAME}", self._about)

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
        try:
            document = WorkshopDocument.open(path)
        except WorkshopFileError as error:
            self.dialogs.error(self, "Cannot open workshop", str(error))
            if not path.exists():
                self.settings.forget_recent(path)
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

        try:
            document = WorkshopDocument.create(path, blank_content())
        except (OSError, WorkshopFileError) as error:
            self.dialogs.error(self, "Cannot create workshop", f"“{path.name}” could not be created: {error}")
            return
        self._set_document(document)
        if self.view is not None:
            self.view.setup_page.focus_first_field()

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

            self.projector = ProjectorWindow(self.run_session(self.document))
        self.projector.place()

    def set_muted(self, muted: bool) -> None:
        self.chime.muted = muted
        self.settings.muted = muted

    def _stop_run(self) -> None:
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
            self.document.close()
        self.document = document
        if document is not None:
            self.settings.add_recent(document.path)
            self.signals = DocumentSignals(document, self)
            self.signals.statusChanged.connect(self._update_status)
            self._rebuild_view()
            if document.run_log.events:
                self._notice_interrupted(self.run_session(document))
        self.show_current()

    def _drop_view(self) -> None:
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

    def _rebuild_view(self) -> None:
        assert self.signals is not None
        stage = self.view.current_stage() if self.view else "setup"
        self._drop_view()
        context = PageContext(self.signals, self, self.dialogs, self._report, self.run_session)
        self.view = WorkshopView(context, self)
        self.stack.addWidget(self.view)
        self.view.show_stage(stage)
        self.show_current()

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
            self.close_action,
            self.projector_action,
            *self.pdf_exporter.actions,
        )
        for action in (*actions, *self.stage_actions):
            action.setEnabled(has)
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
            self.view.banner.show_message(
                "warning", document.read_only_reason or "", [("Save As…", self.save_as)], closable=False
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
            self.document.close()
            self.document = None
        self.settings.sync()
        event.accept()
