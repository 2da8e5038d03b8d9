"""The definition applied to a lead history: figures, score chart and a live threshold slider."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ui.common.page_context import PageContext
from ui.common.tone import set_tone
from ui.leads.background import BackgroundReader, progress_and_stop
from ui.leads.definition_link import DefinitionLink, now_text
from ui.leads.mapping_panel import MappingPanel
from workshop.funnel.plan import parse_days
from workshop.leads.definition import MqlDefinition
from workshop.leads.evaluation import Evaluation, Metrics, percent, times
from workshop.leads.reader import (
    ColumnMapping,
    LeadFileError,
    LeadHistory,
    LeadTable,
    Progress,
    leads_from,
    read_table,
    run_evidence,
    suggest_mapping,
)
from workshop.leads.state import fully_approved, mapping_of, remember, test_results_of
from workshop.model import FunnelSettings
from workshop.resources import resource_path

if TYPE_CHECKING:
    from workshop.charts.leads import ScoreChart

SAMPLE = ("data", "leads-x-education.csv")
FIGURES = (
    ("leads", "Leads"),
    ("qualified", "Qualified as MQL"),
    ("converted", "Converted"),
    ("mql_conversion", "MQL conversion"),
    ("other_conversion", "Conversion of the rest"),
    ("lift", "Lift"),
    ("precision", "Precision"),
    ("recall", "Recall"),
)
CSV_FILTER = "CSV files (*.csv *.txt *.tsv);;All files (*)"


def figure_text(metrics: Metrics, key: str) -> str:
    if key in ("leads", "converted"):
        return f"{getattr(metrics, key):,}"
    if key == "qualified":
        share = metrics.qualified / metrics.leads if metrics.leads else None
        return f"{metrics.qualified:,} ({percent(share)})"
    if key == "lift":
        return times(metrics.lift)
    value = getattr(metrics, key)
    return percent(value if isinstance(value, float) else None)


class HistoryBench(QWidget):
    """Import a CRM export, map its columns, and see how the definition does on it.

    Signals: ``columnsLoaded(list)`` with the column names of each file loaded.
    """

    columnsLoaded = Signal(list)
    background_bytes = 8 * 1024 * 1024  # files from this size are read on a thread, with progress

    def __init__(self, context: PageContext, link: DefinitionLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.link = link
        self.table: LeadTable | None = None
        self.source = ""
        self.evaluation: Evaluation | None = None
        self.chart: ScoreChart | None = None
        self.history: LeadHistory | None = None
        self.run_mapping = ColumnMapping()
        self.partial: list[str] = []
        self._job = ""  # what the background reading does: "load" a file or "score" it
        self._storing = False

        self.import_button = QPushButton("&Import lead history…", self)
        self.import_button.clicked.connect(self.ask_import)
        self.sample_button = QPushButton("Use the sample history (X Education)", self)
        self.sample_button.setVisible(resource_path(*SAMPLE).exists())
        self.sample_button.clicked.connect(lambda: self.load(resource_path(*SAMPLE)))
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.reader = BackgroundReader(self)
        self.progress, self.stop_button = progress_and_stop(
            self.reader, self, "the lead history", self.stop_reading
        )
        self.reader.running.connect(self._running)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.sample_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.progress)
        top.addWidget(self.stop_button)

        self.mapping_panel = MappingPanel(self)
        self.mapping_panel.mappingChanged.connect(self._mapping_changed)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.mapping_panel)
        self.unmapped_label = QLabel(self)
        self.unmapped_label.setWordWrap(True)
        set_tone(self.unmapped_label, "warning")
        self.partial_box = QCheckBox("Show &partial figures (rules on unmapped fields left out)", self)
        self.partial_box.setVisible(False)
        self.partial_box.toggled.connect(lambda _on: self.evaluate(self.mapping_panel.mapping()))
        self.bad_title = QLabel(self)
        self.bad_title.setWordWrap(True)
        self.bad_rows = QListWidget(self)
        self.bad_rows.setAccessibleName("Bad rows by reason")
        self.bad_rows.setWordWrap(True)
        self.bad_rows.setVisible(False)  # until a file with bad rows is loaded
        left = QVBoxLayout()
        left.addWidget(scroll, 3)
        left.addWidget(self.unmapped_label)
        left.addWidget(self.partial_box)
        left.addWidget(self.bad_title)
        left.addWidget(self.bad_rows, 1)

        results = QGroupBox("On this history", self)
        grid = QGridLayout(results)
        self.figures: dict[str, QLabel] = {}
        for row, (key, title) in enumerate(FIGURES):
            value = QLabel("–", results)
            value.setAccessibleName(title)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(f"{title}:", results), row // 2, (row % 2) * 2)
            grid.addWidget(value, row // 2, (row % 2) * 2 + 1)
            self.figures[key] = value
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName("Threshold to try")
        self.slider.valueChanged.connect(self.show_threshold)
        self.slider_label = QLabel(self)
        self.use_button = QPushButton(self)
        self.use_button.clicked.connect(self.use_threshold)
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.slider_label)
        slider_row.addWidget(self.slider, 1)
        slider_row.addWidget(self.use_button)
        self.chart_label = QLabel(self)
        self.chart_label.setAccessibleName("Score distribution chart")
        self.chart_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_label.setMinimumHeight(200)
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        self.draft_label = QLabel(self)
        self.draft_label.setWordWrap(True)
        self.save_button = QPushButton("&Save this run as the evidence", self)
        self.save_button.setToolTip(
            "Keep these figures, the file's name and fingerprint, the mapping and the readings "
            "with the definition's current version (undo with Ctrl+Z)"
        )
        self.save_button.clicked.connect(self.save_run)
        self.save_button.setEnabled(False)
        save_row = QHBoxLayout()
        save_row.addWidget(self.draft_label, 1)
        save_row.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addWidget(results)
        right.addLayout(slider_row)
        right.addWidget(self.chart_label, 1)
        right.addLayout(save_row)
        right.addWidget(self.saved_label)

        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 7)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        link.stateChanged.connect(self._definition_changed)
        self._show_empty()

    # -- loading -------------------------------------------------------------------------------

    def ask_import(self) -> None:
        path = self.context.ask_open_path("Import lead history", "", CSV_FILTER)
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read a lead history; a large one on a thread, with progress and a Stop button."""
        try:
            size = path.stat().st_size
        except OSError as error:
            self.context.show_error("Import lead history", f"Cannot read “{path.name}”: {error.strerror}.")
            return

        def work(progress: Progress | None) -> LeadTable:
            return read_table(path, progress)

        self.file_label.setText(f"Reading <b>{path.name}</b>…")
        self._job = "load"
        self._run(work, lambda table, error: self._loaded(path, table, error), size)

    def _loaded(self, path: Path, table: LeadTable | None, error: str) -> None:
        if table is None:
            self.file_label.setText(f"<b>{self.source}</b>: {self.table.describe()}" if self.table else "")
            self.context.show_error("Import lead history", f"{error[:1].upper()}{error[1:]}.")
            return
        self.table, self.source = table, path.name
        self.columnsLoaded.emit(list(table.columns))
        self.file_label.setText(f"<b>{path.name}</b>: {table.describe()}")
        state = self.link.state()
        remembered = self.run_mapping if self.run_mapping.converted else mapping_of(state) if state else None
        definition = self.link.definition()
        mapping = suggest_mapping(definition.fields(), table.columns, remembered)
        self.partial_box.setChecked(False)
        self.mapping_panel.set_cycle_days(self._sales_cycle_days())
        self.mapping_panel.show_columns(definition.fields(), table, mapping, definition.number_fields())
        self.evaluate(self.mapping_panel.mapping())

    def _sales_cycle_days(self) -> int:
        """The sales cycle set in the funnel, for fair cohorts (0 when not set)."""
        settings = self.context.document.typed(FunnelSettings)
        days = parse_days(settings[0].cycle_days or "0", "Sales cycle") if settings else 0
        return days if isinstance(days, int) else 0

    def _mapping_changed(self, mapping: ColumnMapping) -> None:
        self.evaluate(mapping)

    def _definition_changed(self) -> None:
        if self._storing:
            return  # our own saving of the run: the figures on screen are already these
        if self.table is None:
            self._show_saved()
            return
        definition = self.link.definition()
        if list(self.mapping_panel.combos) != definition.fields():
            mapping = suggest_mapping(definition.fields(), self.table.columns, self.mapping_panel.mapping())
            self.mapping_panel.show_columns(
                definition.fields(), self.table, mapping, definition.number_fields()
            )
        self.evaluate(self.mapping_panel.mapping())

    # -- evaluating ----------------------------------------------------------------------------

    def evaluate(self, mapping: ColumnMapping) -> None:
        """Score the loaded file with the definition: a draft, shown but never saved by itself."""
        if self.table is None:
            return
        definition = self.link.definition()
        unmapped = mapping.unmapped(definition.fields())
        self.partial_box.setVisible(bool(unmapped))
        used = definition.without_fields(unmapped)
        table, source, number_fields = self.table, self.source, used.number_fields()

        def work(progress: Progress | None) -> LeadHistory:
            return leads_from(table, mapping, number_fields, source, progress)

        def done(history: LeadHistory | None, error: str) -> None:
            if history is None:
                self._set_run(None, mapping, unmapped)
                self._show_empty(f"{error[:1].upper()}{error[1:]}.")
                return
            self._show_history(history, mapping, definition, unmapped)

        self._job = "score"
        self._run(work, done, table.size)

    def _run(
        self, work: Callable[[Progress | None], Any], done: Callable[[Any, str], None], size: int
    ) -> None:
        """``work`` here and now for a small file; for a large one on a thread, with progress."""
        if size < self.background_bytes:
            self.reader.stop()
            try:
                result = work(None)
            except LeadFileError as error:
                done(None, str(error))
                return
            done(result, "")
            return
        self.chart_label.setText("Reading the lead history…")
        self.reader.start(work, done)

    def _running(self, running: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(running)
        self.stop_button.setVisible(running)
        for widget in (self.import_button, self.sample_button, self.mapping_panel, self.partial_box):
            widget.setEnabled(not running)

    def stop_reading(self) -> None:
        """Stop the reading in progress; what was on screen before a stopped import stays."""
        if not self.reader.busy:
            return
        self.reader.stop()
        if self._job == "load":
            shown = f"<b>{self.source}</b>: {self.table.describe()}" if self.table is not None else ""
            self.file_label.setText(f"{shown} (reading the new file stopped)".strip())
            if self.evaluation is not None:
                self._draw_chart()
                self.show_threshold(self.slider.value())
            else:
                self._show_empty()
            return
        self._set_run(None, self.mapping_panel.mapping(), [])
        self._show_empty("Stopped. Change the mapping, or import the file again, to read it again.")

    def _show_history(
        self, history: LeadHistory, mapping: ColumnMapping, definition: MqlDefinition, unmapped: list[str]
    ) -> None:
        used = definition.without_fields(unmapped)
        self._show_bad_rows(history, mapping)
        ambiguous = history.ambiguous()
        blockers = []
        if unmapped:
            blockers.append(
                f"Figures incomplete: {len(unmapped)} of the definition's {len(definition.fields())} fields "
                f"have no column: {', '.join(unmapped)}. Choose their columns"
                + ("; the partial figures leave their rules out." if self.partial_box.isChecked() else ".")
            )
        if ambiguous:
            names = ", ".join(f"“{r.column}” ({r.example})" for r in ambiguous)
            blockers.append(
                f"The numbers of {names} could be read with a decimal point or a decimal comma and "
                "nothing in the file decides: choose under Numbers how the file writes decimals."
            )
        undated = history.cohort is not None and history.cohort.reading.ambiguous
        if undated:
            assert history.cohort is not None
            blockers.append(
                f"The dates of “{history.cohort.column}” ({history.cohort.reading.example}) could be day or "
                "month first and nothing in the file decides: choose under Dates how the file writes them."
            )
        self.unmapped_label.setText("\n".join(blockers))
        if ambiguous or undated or (unmapped and not self.partial_box.isChecked()):
            self._set_run(None, mapping, unmapped)
            self._show_empty("The figures appear once every field has a column and its numbers can be read.")
            return
        self.evaluation = Evaluation(used, history)
        self._set_run(history, mapping, unmapped)
        low, high = self.evaluation.score_range()
        self.slider.blockSignals(True)
        self.slider.setRange(min(low, definition.threshold), max(high, definition.threshold))
        self.slider.setValue(definition.threshold)
        self.slider.blockSignals(False)
        self.slider.setEnabled(True)
        self._draw_chart()
        self.show_threshold(definition.threshold)
        self._show_saved()

    def _set_run(self, history: LeadHistory | None, mapping: ColumnMapping, unmapped: list[str]) -> None:
        self.history, self.run_mapping, self.partial = history, mapping, unmapped
        if history is None:
            self.evaluation = None
        complete = history is not None and not unmapped
        state = self.link.state()
        version = state.version if state else 1
        approved = state is not None and fully_approved(state)
        self.save_button.setEnabled(complete and not self.link.read_only)
        self.save_button.setText(
            f"&Save this run as version {version}'s evidence"
            if not approved
            else f"&Replace approved version {version}'s evidence with this run"
        )
        if history is None:
            self.draft_label.setText("")
        elif unmapped:
            self.draft_label.setText("Partial figures: they cannot be saved as evidence.")
        else:
            self.draft_label.setText("<b>Draft</b>: these figures are not saved with the workshop.")

    def _show_bad_rows(self, history: LeadHistory, mapping: ColumnMapping) -> None:
        left = sum(history.left_out.values())
        title = f"Bad rows: {history.bad_count:,} (left out of the figures)"
        if left:
            values = ", ".join(f"{v or '(blank)'} {n:,}" for v, n in history.left_out.most_common(6))
            more = ", …" if len(history.left_out) > 6 else ""
            title += f". Left out by their outcome “{mapping.converted}”: {left:,} ({values}{more})"
        if history.cohort is not None:
            title += f". Fair cohort: {history.cohort.describe()}"
        self.bad_title.setText(title)
        self.bad_rows.clear()
        self.bad_rows.setVisible(history.bad_count > 0)
        for bad in history.bad_summary():
            self.bad_rows.addItem(bad.describe())

    def save_run(self) -> None:
        """Keep the run on screen as the current version's evidence (one undoable step)."""
        state = self.link.state()
        if self.evaluation is None or self.history is None or self.table is None or self.partial:
            return
        if state is None or self.link.read_only:
            return
        if fully_approved(state) and test_results_of(state).get("version") == state.version:
            choice = self.context.dialogs.ask_choice(
                self.context.window,
                "Replace the evidence",
                f"Both teams approved version {state.version} on the run saved with it. Replace that run "
                f"with this one on {self.source}? Undo (Ctrl+Z) brings the approved run back.",
                [("replace", "Replace the evidence")],
            )
            if choice != "replace":
                return
        definition = self.link.definition()
        evidence = run_evidence(self.table, self.run_mapping, self.history)
        self._storing = True
        try:
            self.link.apply(
                f"Save the test on {self.source} as version {state.version}'s evidence",
                remember(
                    state,
                    self.run_mapping,
                    self.evaluation.metrics(),
                    definition.threshold,
                    self.source,
                    now_text(),
                    evidence,
                ),
            )
        finally:
            self._storing = False
        self.draft_label.setText("Saved as the evidence of this version.")
        self._show_saved()

    def _draw_chart(self) -> None:
        from workshop.charts.leads import ChartColours, ScoreChart  # noqa: PLC0415 - matplotlib on demand

        assert self.evaluation is not None
        palette = self.palette()
        colours = ChartColours(
            text=palette.color(QPalette.ColorRole.WindowText).name(),
            background=palette.color(QPalette.ColorRole.Base).name(),
        )
        ratio = self.devicePixelRatioF()
        all_scores, converted = self.evaluation.distribution()
        self.chart = ScoreChart(
            all_scores,
            converted,
            self.slider.value(),
            size=(7.2, 3.3),
            dpi=round(100 * ratio),
            colours=colours,
        )

    def show_threshold(self, threshold: int) -> None:
        """Update every figure and the chart for ``threshold`` (the slider's live path)."""
        if self.evaluation is None:
            return
        metrics = self.evaluation.metrics(threshold)
        partial = " (partial)" if self.partial else ""
        for key, label in self.figures.items():
            label.setText(figure_text(metrics, key) + partial)
        current = self.link.definition().threshold
        self.slider_label.setText(f"Threshold: <b>{threshold}</b>")
        self.use_button.setText(f"Make {threshold} the threshold")
        self.use_button.setEnabled(threshold != current and not self.link.read_only)
        if self.chart is not None:
            self.chart.set_threshold(threshold)
            width, height, pixels = self.chart.render_rgba()
            image = QImage(pixels, width, height, QImage.Format.Format_RGBA8888).copy()
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.chart_label.setPixmap(pixmap)

    def use_threshold(self) -> None:
        threshold = self.slider.value()
        self.link.set_definition(self.link.definition().with_threshold(threshold), "Change MQL threshold")

    def _show_empty(self, message: str = "") -> None:
        for label in self.figures.values():
            label.setText("incomplete" if self.partial else "–")
        self.slider.setEnabled(False)
        self.use_button.setText("Make it the threshold")
        self.use_button.setEnabled(False)
        self.slider_label.setText("Threshold:")
        self.bad_title.setText("")
        self.chart_label.setText(
            message or "Import a lead history exported from your CRM to see how the definition does on it."
        )
        self.file_label.setText(self.file_label.text() or "No lead history loaded.")
        self._show_saved()

    def _show_saved(self) -> None:
        state = self.link.state()
        saved = test_results_of(state) if state else {}
        metrics = saved.get("metrics")
        if not isinstance(metrics, dict):
            self.saved_label.setText("")
            return
        self.saved_label.setText(
            f"Saved with the workshop: version {saved.get('version')} at threshold {saved.get('threshold')} "
            f"on {saved.get('source')}: {metrics.get('qualified', 0):,} of {metrics.get('leads', 0):,} leads "
            f"qualify; MQLs convert at {percent(metrics.get('mql_conversion'))} vs "
            f"{percent(metrics.get('other_conversion'))} for the rest (lift {times(metrics.get('lift'))})."
        )
