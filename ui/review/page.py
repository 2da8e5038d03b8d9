"""Review (Ctrl+0): one review per period, the SLA against the CRM export, goals and actions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.actions.page import CARRIED_COLUMN
from ui.common import icons
from ui.common.page_context import PageContext
from ui.common.record_table import Column, RecordTableModel
from ui.common.record_table_editor import RecordTableEditor
from ui.leads.background import BackgroundReader, progress_and_stop
from workshop.clock import local_today
from workshop.document import WorkshopDocument
from workshop.edits import Insert, Update
from workshop.model import (
    ACTION_STATUSES,
    CONFIDENCES,
    ActionItem,
    Goal,
    GoalCheckIn,
    Participant,
    Record,
    Review,
    WorkshopInfo,
)

if TYPE_CHECKING:
    from workshop.leads.reader import LeadTable, Progress
    from workshop.review.meeting import Scorecard

Index = QModelIndex | QPersistentModelIndex


def _goal_of(document: WorkshopDocument, record: Record) -> Goal | None:
    assert isinstance(record, GoalCheckIn)
    return next((g for g in document.typed(Goal) if g.id == record.goal), None)


def _goal_text(document: WorkshopDocument, record: Record) -> str:
    goal = _goal_of(document, record)
    if goal is None:
        return "(goal removed)"
    return (goal.statement or goal.accomplish or goal.metric or f"Goal {goal.id}").strip()


def _baseline(document: WorkshopDocument, record: Record) -> str:
    goal = _goal_of(document, record)
    return goal.baseline if goal else ""


def _target(document: WorkshopDocument, record: Record) -> str:
    goal = _goal_of(document, record)
    return goal.target if goal else ""


def _trend(document: WorkshopDocument, record: Record) -> str:
    """The goal's value at each review up to this one, oldest first ("12% → 13% → 15%")."""
    assert isinstance(record, GoalCheckIn)
    order = {r.id: (r.position, r.id) for r in document.typed(Review)}
    mine = order.get(record.review)
    if mine is None:
        return ""
    earlier = [
        c
        for c in document.typed(GoalCheckIn)
        if c.goal == record.goal and c.review in order and order[c.review] <= mine
    ]
    earlier.sort(key=lambda c: order[c.review])
    return " → ".join(c.current.strip() or "?" for c in earlier)


REVIEW_COLUMNS = (
    Column("held_on", "Held on", "date", width=110),
    Column("period_start", "Period from", "date", width=110),
    Column("period_end", "Period to", "date", width=110),
    Column("attendees", "Attendees", width=260),
    Column("crm_source", "CRM export", width=160),
    Column("notes", "Notes", stretch=True),
)
CHECK_IN_COLUMNS = (
    Column("goal_text", "Goal", compute=_goal_text, width=300),
    Column("baseline", "Baseline", compute=_baseline, width=80),
    Column("target", "Target", compute=_target, width=80),
    Column("current", "Now", width=80),
    Column("trend", "Trend", compute=_trend, width=120),
    Column("confidence", "Confidence", "choice", options=CONFIDENCES, label=str.capitalize, width=110),
    Column("owner", "Owner", width=140),
    Column("comment", "Comment", stretch=True),
)
OPEN_ACTION_COLUMNS = (
    Column("what", "What", width=320),
    Column("owner", "Owner", width=140),
    Column("due", "Due", "date", width=110),
    Column("status", "Status", "choice", options=ACTION_STATUSES, label=str.capitalize),
    CARRIED_COLUMN,
)


class ByReview(QSortFilterProxyModel):
    """Shows the check-ins of one review."""

    def __init__(self, model: RecordTableModel) -> None:
        super().__init__()
        self.records = model
        self.review = 0

    def show_review(self, review: int) -> None:
        self.beginFilterChange()
        self.review = review
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        record = self.records.record(source_row)
        assert isinstance(record, GoalCheckIn)
        return record.review == self.review


class NotDone(QSortFilterProxyModel):
    """Shows the action items still open or in progress."""

    def __init__(self, model: RecordTableModel) -> None:
        super().__init__()
        self.records = model

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        record = self.records.record(source_row)
        assert isinstance(record, ActionItem)
        return record.status in ("open", "in progress")


def scorecard_lines(review: Review | None) -> list[str]:
    """What the scorecard box says for a review: its clauses' verdicts, or how to get them."""
    from workshop.review.scorecard import describe_clause  # noqa: PLC0415

    if review is None:
        return ["Add a review (Ctrl+N in the reviews table), then read the period's CRM export."]
    try:
        card: Any = json.loads(review.scorecard) if review.scorecard else None
    except ValueError:
        card = None
    if not isinstance(card, dict):
        return ["No CRM export read for this review yet: Read CRM Export… (Ctrl+Shift+O)."]
    lines = [f"{card.get('source', '')}: {card.get('period_start', '')} to {card.get('period_end', '')}"]
    for clause in card.get("clauses", []):
        lines += describe_clause(clause)
    mapping = card.get("mapping")
    if isinstance(mapping, dict) and mapping:
        lines.append("Columns read: " + ", ".join(f"{k} = {v}" for k, v in mapping.items()))
    return lines


class ReviewPage(QWidget):
    """The reviews held after the workshop and, for the one selected, its scorecard and check-ins."""

    title = "Review"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        signals = context.signals
        self.document = signals.document

        self.reviews_model = RecordTableModel(signals, Review, REVIEW_COLUMNS, "review")
        self.reviews = RecordTableEditor(self.reviews_model, self._new_review, None, self._names, self)
        self.read_button = QPushButton(icons.icon("leads"), "Read CRM Export…", self)
        self.read_button.setToolTip("Hold the SLA against the period's CRM export (Ctrl+Shift+O)")
        self.read_button.setShortcut("Ctrl+Shift+O")
        self.read_button.clicked.connect(self.read_export)
        self.columns_button = QPushButton("C&olumns…", self)
        self.columns_button.setToolTip(
            "Choose which column of the export holds each field (once an export is read for this review)"
        )
        self.columns_button.clicked.connect(self.choose_columns)
        self._read: tuple[int, Path, LeadTable] | None = None  # the export last read, for remapping
        self.reader = BackgroundReader(self)
        self.progress, self.stop_button = progress_and_stop(
            self.reader, self, "the CRM export", self.stop_reading
        )
        self.reader.running.connect(self._running)
        self.export_button = QPushButton(icons.icon("export"), "Export PDF…", self)
        self.export_button.setToolTip(
            "The selected review as a PDF: scorecard, trends, goals, overdue actions"
        )
        self.export_button.clicked.connect(self.export_pdf)
        self.hours_label = QLabel(self)
        self.hours_label.setWordWrap(True)
        self.hours_label.setAccessibleName("Working hours the clauses count by")
        self.hours_button = QPushButton("&Working Hours…", self)
        self.hours_button.setToolTip(
            "The workshop's time zone, working days and hours (the SLA's business hours), and when "
            "review meetings start"
        )
        self.hours_button.clicked.connect(self.edit_working_hours)
        self.reading_label = QLabel(self)
        self.reading_label.setVisible(False)
        self.scorecard = QPlainTextEdit(self)
        self.scorecard.setReadOnly(True)
        self.scorecard.setTabChangesFocus(True)
        self.scorecard.setAccessibleName("SLA scorecard")

        self.check_in_model = RecordTableModel(signals, GoalCheckIn, CHECK_IN_COLUMNS, "check-in")
        self.by_review = ByReview(self.check_in_model)
        self.check_ins = RecordTableEditor(
            self.check_in_model, self._new_check_in, self.by_review, self._names, self
        )
        self.check_in_button = QPushButton("Check In Every Goal", self)
        self.check_in_button.setToolTip("Add a check-in for each goal this review has none for")
        self.check_in_button.clicked.connect(self.check_in_all)

        self.actions_model = RecordTableModel(signals, ActionItem, OPEN_ACTION_COLUMNS, "action item")
        self.open_actions = RecordTableEditor(
            self.actions_model, ActionItem, NotDone(self.actions_model), self._names, self
        )
        self.overdue_label = QLabel(self)
        self.overdue_label.setWordWrap(True)

        reviews_box = QGroupBox("Reviews: one per period of the SLA's cadence", self)
        reviews_layout = QVBoxLayout(reviews_box)
        reviews_layout.addWidget(self.reviews)
        card_box = QGroupBox("The SLA against the facts", self)
        card_layout = QVBoxLayout(card_box)
        card_row = QHBoxLayout()
        card_row.addWidget(self.read_button)
        card_row.addWidget(self.columns_button)
        card_row.addWidget(self.export_button)
        card_row.addWidget(self.reading_label)
        card_row.addWidget(self.progress)
        card_row.addWidget(self.stop_button)
        card_row.addStretch(1)
        card_layout.addLayout(card_row)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hours_label, 1)
        hours_row.addWidget(self.hours_button)
        card_layout.addLayout(hours_row)
        card_layout.addWidget(self.scorecard)
        goals_box = QGroupBox("Goal check-ins: each goal now, with its confidence and a comment", self)
        goals_layout = QVBoxLayout(goals_box)
        goals_row = QHBoxLayout()
        goals_row.addWidget(self.check_in_button)
        goals_row.addStretch(1)
        goals_layout.addLayout(goals_row)
        goals_layout.addWidget(self.check_ins)
        actions_box = QGroupBox("Action items not done: update their status here", self)
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addWidget(self.overdue_label)
        actions_layout.addWidget(self.open_actions)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(reviews_box)
        top.addWidget(card_box)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        top.setSizes([400, 600])  # the verdicts get the wider half: they are what the room reads
        bottom = QSplitter(Qt.Orientation.Vertical, self)
        bottom.addWidget(goals_box)
        bottom.addWidget(actions_box)
        bottom.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([280, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.reviews.view.selectionModel().currentChanged.connect(lambda *_: self._show_review())
        signals.changed.connect(lambda *_: self._show_review())
        self._show_review()

    def _names(self, field: str) -> list[str]:
        if field not in ("owner", "attendees"):
            return []
        return [p.name for p in self.document.typed(Participant) if p.name.strip()]

    def _new_review(self) -> Review:
        """A review held today of the month before, attended by the workshop's participants."""
        today = local_today()
        end = today.replace(day=1).toordinal() - 1
        last = date.fromordinal(end)
        names = [p.name.strip() for p in self.document.typed(Participant) if p.name.strip()]
        return Review(
            held_on=today.isoformat(),
            period_start=last.replace(day=1).isoformat(),
            period_end=last.isoformat(),
            attendees="; ".join(names),
        )

    def _new_check_in(self) -> GoalCheckIn:
        return GoalCheckIn(review=self.current_review_id())

    def current_review_id(self) -> int:
        found = self.reviews.current_id()
        if found is not None:
            return found
        reviews = self.document.typed(Review)
        return reviews[-1].id if reviews else 0

    def current_review(self) -> Review | None:
        wanted = self.current_review_id()
        return next((r for r in self.document.typed(Review) if r.id == wanted), None)

    def _show_review(self) -> None:
        review = self.current_review()
        self.by_review.show_review(review.id if review else 0)
        text = "\n".join(scorecard_lines(review))
        if self.scorecard.toPlainText() != text:
            self.scorecard.setPlainText(text)
        editable = review is not None and not self.document.read_only
        self.read_button.setEnabled(editable and not self.reader.busy)
        held = self._read is not None and review is not None and self._read[0] == review.id
        self.columns_button.setEnabled(editable and held and not self.reader.busy)
        self.check_in_button.setEnabled(editable and bool(self.document.typed(Goal)))
        self.export_button.setEnabled(review is not None and self.context.export_review is not None)
        self.hours_button.setEnabled(not self.document.read_only and not self.reader.busy)
        self._show_hours()
        self._show_overdue()

    def _show_hours(self) -> None:
        from workshop.review.hours import working_hours_of  # noqa: PLC0415

        working, notes = working_hours_of(self.document.typed(WorkshopInfo)[0])
        text = f"Business hours: {working.describe()}"
        if notes:
            text += f" — ⚠ {notes[0]}"
        self.hours_label.setText(text)

    def edit_working_hours(self) -> None:
        """The time zone, working days and hours, and review time: one undoable change."""
        from zoneinfo import available_timezones  # noqa: PLC0415

        from ui.review.hours_dialog import WorkingHoursDialog  # noqa: PLC0415

        if self.document.read_only or self.reader.busy:
            return
        info = self.document.typed(WorkshopInfo)[0]
        dialog = WorkingHoursDialog(info, sorted(available_timezones()), self)
        if dialog.exec() != WorkingHoursDialog.DialogCode.Accepted:
            return
        self.set_working_hours(dialog.changes())

    def set_working_hours(self, changes: dict[str, str]) -> None:
        """Apply the settings; the export last read for the review shown is scored again by them."""
        info = self.document.typed(WorkshopInfo)[0]
        changed = {k: v for k, v in changes.items() if getattr(info, k) != v}
        if not changed:
            return
        self.document.apply("change working hours", [Update.of(info, **changed)])
        review = self.current_review()
        if self._read is not None and review is not None and self._read[0] == review.id:
            try:
                mapping = json.loads(review.crm_mapping) if review.crm_mapping else {}
            except ValueError:
                mapping = {}
            self.remap(mapping if isinstance(mapping, dict) else {})
        elif review is not None and review.scorecard:
            self.context.report(
                "Working hours changed: read the CRM export again to count this review's clauses by them."
            )

    def export_pdf(self) -> None:
        """The review shown, as a PDF (made by the window, off its thread)."""
        review = self.current_review()
        if review is not None and self.context.export_review is not None:
            self.context.export_review(review.id)

    def _show_overdue(self) -> None:
        from workshop.review.meeting import overdue_actions  # noqa: PLC0415

        late = overdue_actions(self.document.typed(ActionItem), local_today())
        if not late:
            self.overdue_label.setText("No action item is overdue.")
            return
        shown = "; ".join(f"{a.what.strip() or '(untitled)'} (due {a.due})" for a in late[:5])
        more = f" and {len(late) - 5} more" if len(late) > 5 else ""
        self.overdue_label.setText(f"Overdue: {len(late)} — {shown}{more}.")

    def check_in_all(self) -> None:
        review = self.current_review()
        if review is None or self.document.read_only:
            return
        done = {c.goal for c in self.document.typed(GoalCheckIn) if c.review == review.id}
        new = [
            Insert(GoalCheckIn(review=review.id, goal=g.id, owner=g.owner))
            for g in self.document.typed(Goal)
            if g.id not in done
        ]
        if new:
            self.document.apply("check in every goal", new)
        self.context.report(
            f"Added {len(new)} goal check-ins." if new else "Every goal is checked in already."
        )

    def read_export(self) -> None:
        """Ask for the period's CRM export and read it off the window's thread, with progress."""
        review = self.current_review()
        if review is None or self.document.read_only or self.reader.busy:
            return
        path = self.context.ask_open_path(
            "Read the period's CRM export",
            str(self.document.path.parent),
            "CSV files (*.csv *.txt);;All files (*)",
        )
        if path is None:
            return
        self.read_export_of(review, path)

    def read_export_of(self, review: Review, path: Path) -> None:
        """Read ``path`` into ``review``'s scorecard on a worker thread; applied here when done."""
        from workshop.inputs import InputError  # noqa: PLC0415
        from workshop.leads.reader import LeadFileError, ReadingStoppedError, read_table  # noqa: PLC0415
        from workshop.review.meeting import scorecard_for  # noqa: PLC0415

        try:
            start, end = date.fromisoformat(review.period_start), date.fromisoformat(review.period_end)
        except ValueError:
            self.context.show_error("No period", "Give the review the dates of its period first.")
            return
        content = self.document.content()  # taken here: the worker never touches the document

        def work(progress: Progress) -> tuple[LeadTable, Scorecard]:
            # The reading is most of the time; the scorecard after it is the last tenth.
            try:
                table = read_table(path, lambda share: progress(share * 0.9))
                card = scorecard_for(content, table, start, end)
            except ReadingStoppedError:
                raise
            except OSError as error:
                raise LeadFileError(f"cannot read it: {error.strerror or error}") from error
            except (InputError, LeadFileError, ValueError) as error:
                raise LeadFileError(str(error)) from error
            progress(1.0)
            return table, card

        self.reading_label.setText(f"Reading “{path.name}”…")
        self.reader.start(work, lambda found, error: self._export_read(review.id, path, found, error))

    def choose_columns(self) -> None:
        """Let the user say which column holds each field, then score the export again."""
        from ui.review.columns_dialog import ColumnsDialog  # noqa: PLC0415
        from workshop.review.meeting import approved_definition  # noqa: PLC0415
        from workshop.review.scorecard import FIELD_LABELS, REVIEW_FIELDS  # noqa: PLC0415

        review = self.current_review()
        if review is None or self._read is None or self._read[0] != review.id:
            return
        definition = approved_definition(self.document.content())
        fields = [(name, FIELD_LABELS[name]) for name in REVIEW_FIELDS]
        fields += (
            [(name, f"{name} (in the MQL definition)") for name in definition.fields()] if definition else []
        )
        try:
            mapping = json.loads(review.crm_mapping) if review.crm_mapping else {}
        except ValueError:
            mapping = {}
        dialog = ColumnsDialog(
            self._read[2].columns, fields, mapping if isinstance(mapping, dict) else {}, self
        )
        if dialog.exec() == ColumnsDialog.DialogCode.Accepted:
            self.remap(dialog.chosen())

    def remap(self, chosen: dict[str, str]) -> None:
        """Score the export last read again with ``chosen`` columns (undoable, remembered)."""
        from workshop.leads.reader import LeadFileError  # noqa: PLC0415
        from workshop.review.meeting import scorecard_for  # noqa: PLC0415

        review = self.current_review()
        if review is None or self._read is None or self._read[0] != review.id or self.reader.busy:
            return
        _review_id, path, table = self._read
        try:
            start, end = date.fromisoformat(review.period_start), date.fromisoformat(review.period_end)
        except ValueError:
            self.context.show_error("No period", "Give the review the dates of its period first.")
            return
        content = self.document.content()

        def work(progress: Progress) -> tuple[LeadTable, Scorecard]:
            try:
                card = scorecard_for(content, table, start, end, chosen)
            except ValueError as error:
                raise LeadFileError(str(error)) from error
            progress(1.0)
            return table, card

        self.reading_label.setText(f"Scoring “{path.name}” with the chosen columns…")
        self.reader.start(work, lambda found, error: self._export_read(review.id, path, found, error))

    def _running(self, running: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(running)
        self.stop_button.setVisible(running)
        self.reading_label.setVisible(running)
        self.reviews.setEnabled(not running)  # the scorecard goes to the review it was read for
        self._show_review()

    def stop_reading(self) -> None:
        """Stop the reading in progress; the review keeps the scorecard it had."""
        if not self.reader.busy:
            return
        self.reader.stop()
        self.context.report("Stopped reading the CRM export; the review is as it was.")

    def _export_read(
        self, review_id: int, path: Path, found: tuple[LeadTable, Scorecard] | None, error: str
    ) -> None:
        if found is None:
            self.context.show_error(
                "The CRM export cannot be read", f"“{path.name}”: {error[:1].upper()}{error[1:]}."
            )
            return
        review = next((r for r in self.document.typed(Review) if r.id == review_id), None)
        if review is None or self.document.read_only:
            self.context.report(f"“{path.name}” was read, but its review is gone; nothing changed.")
            return
        table, card = found
        self._read = (review_id, path, table)
        changes = {
            "scorecard": json.dumps(card.to_json(), ensure_ascii=False),
            "crm_mapping": json.dumps(card.mapping, ensure_ascii=False),
            "crm_source": path.name,
        }
        self.document.apply("read CRM export", [Update.of(review, **changes)])
        self.context.report(
            f"Read “{path.name}” for the review of {review.period_start} to {review.period_end}."
        )
