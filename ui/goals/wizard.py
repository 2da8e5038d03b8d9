"""The New goal wizard: the four questions, then the goal itself with live SMART and FAST checks.

Every keystroke is saved to the workshop as it is typed, so whatever the team
wrote stays as a draft goal even if the wizard is cancelled. The goal record is
created on the first keystroke (an untouched wizard leaves nothing behind), and
each field's typing run is one undo step. The fields are FieldBindings, so an
undo or redo (Ctrl+Z in a field included) shows in the wizard at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui.common.bindings import REDO_KEYS, FieldBinding
from ui.common.document_signals import DocumentSignals
from ui.common.palette import choice_focus_style
from ui.goals.check_panel import CheckPanel
from workshop.edits import Change, Insert, Update
from workshop.goals.checker import GoalCheck
from workshop.goals.records import (
    check_in_workshop,
    deadline_change,
    joint_goals,
    other_team_key,
    split_list,
)
from workshop.goals.room_results import check_details, checks_of
from workshop.model import (
    BLOCKER_KINDS,
    GOAL_TEAMS,
    JOINT,
    MARKETING,
    REVIEW_CADENCES,
    SALES,
    VERDICTS,
    Goal,
    Participant,
    RoomCheck,
    Team,
    team_name,
)

PAGES = ("aim", "initiatives", "blockers", "help", "goal", "verdict")


def _long_date(iso: str) -> str:
    """An ISO date as people read it: "Thu 30 September 2027"."""
    day = date.fromisoformat(iso)
    return f"{day:%a} {day.day} {day:%B %Y}"


def _text_box(parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)  # Tab goes to the next field, as in every form
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class GoalWizard(QWizard):
    """Drafts a new goal (``goal_id`` 0) or edits one; the record is saved as it is typed.

    ``goal_id`` is the goal being written once it exists (0 again if an undo takes
    the new draft back).
    """

    def __init__(
        self,
        signals: DocumentSignals,
        team: str = SALES,
        goal_id: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.signals = signals
        self.document = document = signals.document
        self.goal_id = goal_id
        self._taken_back = 0  # the draft an undo took back, which a redo may bring back
        self._team = document.find(Goal.TABLE, goal_id)[1].team if goal_id else team  # type: ignore[attr-defined]
        self._loading = True
        self.setWindowTitle("Edit goal" if goal_id else "New goal")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Done")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Close (keeps the draft)")
        self.setMinimumSize(940, 640)
        self.fields: dict[str, QWidget] = {}
        self.bindings: list[FieldBinding] = []
        self.page_by_key: dict[str, QWizardPage] = {}
        self._build_aim()
        self._build_text_page(
            "initiatives",
            "Which initiatives will get us there?",
            "initiatives",
            "Campaigns, plays and projects, one per line: e.g. 'Paid search plan', "
            "'Conversion-rate work on the pricing page'.",
        )
        self._build_blockers()
        self._build_text_page(
            "help",
            "",
            "other_team_help",
            "What the other team can share or do: customer questions, data, follow-up …",
        )
        self._build_goal()
        self._build_verdict()
        for key in PAGES:
            self.page_by_key[key].setFinalPage(True)  # Done is there on every page: nothing is required
            self.addPage(self.page_by_key[key])
        self._loading = False
        self._refresh_team_texts()
        self.refresh_checks()
        self.finished.connect(lambda _r: self.document.seal_undo())
        # Each page starts where typing makes sense (not on a combo box that typing would open).
        self.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, self.focus_typing_field))
        signals.changed.connect(self._changed)
        # The wizard is modal, so Edit ▸ Undo and Redo are out of reach: their keys work here too.
        QShortcut(QKeySequence.StandardKey.Undo, self, document.undo)
        redo = QShortcut(self)
        redo.setKeys(list(REDO_KEYS))
        redo.activated.connect(document.redo)

    # -- the record --------------------------------------------------------------------------

    def goal(self) -> Goal:
        """The goal as saved so far (an empty one before the first keystroke)."""
        if self.goal_id:
            _, record = self.document.find(Goal.TABLE, self.goal_id)
            assert isinstance(record, Goal)
            return record
        return Goal(team=self._team)

    def set_fields(self, label: str, **changes: Any) -> None:
        """Save what the boxes that are not FieldBindings say: the first change creates the draft."""
        if self._loading or self.document.read_only:
            return
        if not self.goal_id:
            self._create(changes)
        else:
            goal = self.goal()
            key = (Goal.TABLE, self.goal_id, *sorted(changes))
            self.document.apply(f"Change goal {label}", [Update.of(goal, **changes)], merge_key=key)

    def _create(self, changes: dict[str, Any]) -> None:
        """Save the draft goal with its first change."""
        done = self.document.apply("Draft goal", [Insert(Goal(team=self._team, **changes))])
        inserted = done[0]
        assert isinstance(inserted, Insert)
        self.goal_id = inserted.record.id
        self._taken_back = 0
        self._fill_joint_goals()  # not itself
        self.refresh_checks()

    def _bind(
        self,
        widget: QWidget,
        field: str,
        name: str,
        label: str,
        write: Callable[[Any], dict[str, Any]] | None = None,
    ) -> None:
        """Bind ``widget``, called ``name``, to the goal's ``field``; undo names it "goal ``label``"."""
        self.fields[field] = widget
        binding = FieldBinding(
            self.signals,
            Goal.TABLE,
            lambda: self.goal_id,
            field,
            widget,
            name,
            undo_text=f"Change goal {label}",
            write=write,
            create=self._create,
        )
        self.bindings.append(binding)

    # -- pages -------------------------------------------------------------------------------

    def _page(self, key: str, title: str, subtitle: str) -> tuple[QWizardPage, QVBoxLayout]:
        page = QWizardPage(self)
        page.setTitle(title)
        page.setSubTitle(subtitle)
        layout = QVBoxLayout(page)
        self.page_by_key[key] = page
        return page, layout

    def _build_aim(self) -> None:
        page, layout = self._page(
            "aim",
            "1. What do we want to accomplish, and why does it matter?",
            "Everything you type is saved as a draft as you go, even if you close the wizard.",
        )
        row = QHBoxLayout()
        row.addWidget(QLabel("Whose goal:", page))
        team = QComboBox(page)
        team.setAccessibleName("Whose goal")
        teams = self.document.typed(Team)
        for key in GOAL_TEAMS:
            team.addItem("Joint (both teams)" if key == JOINT else team_name(teams, key), key)
        team.setCurrentIndex(max(0, team.findData(self._team)))
        team.currentIndexChanged.connect(lambda _i: self._set_team(str(team.currentData())))
        team.setEnabled(not self.document.read_only)
        self.fields["team"] = team
        row.addWidget(team)
        row.addStretch(1)
        layout.addLayout(row)
        box = _text_box(
            page,
            "What we want to accomplish and why",
            "e.g. More of our leads should become MQLs "
            "this quarter, so sales spends its time on real buyers.",
        )
        self._bind(box, "accomplish", box.accessibleName(), "aim")
        layout.addWidget(box)

    def _build_text_page(self, key: str, title: str, field: str, placeholder: str) -> None:
        number = PAGES.index(key) + 1
        page, layout = self._page(key, f"{number}. {title}", "")
        box = _text_box(page, title or "How the other team can help", placeholder)
        self._bind(box, field, box.accessibleName(), key)
        layout.addWidget(box)

    def _build_blockers(self) -> None:
        page, layout = self._page(
            "blockers", "3. What stops us?", "Tick what holds the goal back, then say how in your own words."
        )
        grid = QGridLayout()
        self.blocker_boxes: dict[str, QCheckBox] = {}
        chosen = set(split_list(self.goal().blockers))
        for i, kind in enumerate(BLOCKER_KINDS):
            box = QCheckBox(kind.capitalize(), page)
            box.setChecked(kind in chosen)
            box.setEnabled(not self.document.read_only)
            box.toggled.connect(lambda _on: self.set_fields("blockers", blockers=self._blockers()))
            self.blocker_boxes[kind] = box
            grid.addWidget(box, i // 4, i % 4)
        layout.addLayout(grid)
        notes = _text_box(page, "What stops us, in our words", "e.g. No visibility into referral sources.")
        self._bind(notes, "blocker_notes", notes.accessibleName(), "blockers")
        layout.addWidget(notes)

    def _blockers(self) -> str:
        return ",".join(kind for kind, box in self.blocker_boxes.items() if box.isChecked())

    def _build_goal(self) -> None:
        page, layout = self._page(
            "goal",
            "5. The goal",
            "One outcome, a number, an owner and a deadline. The checks on the right follow as you type.",
        )
        body = QHBoxLayout()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        statement = QPlainTextEdit(page)
        statement.setTabChangesFocus(True)
        statement.setPlaceholderText(
            "e.g. Raise the lead-to-MQL conversion rate from 12% to 17% by end of Q3"
        )
        statement.setTabChangesFocus(True)
        statement.setFixedHeight(70)
        self._bind(statement, "statement", "Goal statement", "statement")
        form.addRow("&Statement:", statement)
        for field, label, placeholder in (
            ("metric", "Metric", "e.g. lead-to-MQL conversion rate"),
            ("unit", "Unit", "e.g. %, MQLs a month, $"),
            ("baseline", "Baseline (today)", "e.g. 12%"),
            ("target", "Target", "e.g. 17%"),
        ):
            line = QLineEdit(page)
            line.setPlaceholderText(placeholder)
            self._bind(line, field, label, label.lower())
            form.addRow(f"{label}:", line)
        deadline = QLineEdit(page)
        deadline.setPlaceholderText("a date, 'Q3 2027', 'end of FY27', 'within 90 days' …")
        self._bind(deadline, "deadline", "Deadline", "deadline", write=self._deadline_changes)
        self.deadline_shown = QLabel(page)
        self.deadline_shown.setAccessibleName("Deadline date")
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(deadline)
        column.addWidget(self.deadline_shown)
        form.addRow("Deadline:", column)
        milestones = QLineEdit(page)
        milestones.setPlaceholderText("e.g. 14% by end of July; 15.5% by end of August")
        self._bind(milestones, "milestones", "Milestones", "milestones")
        form.addRow("Milestones:", milestones)
        owner = QComboBox(page)
        owner.setEditable(True)
        self._bind(owner, "owner", "Owner", "owner")
        self._fill_owners()
        form.addRow("&Owner:", owner)
        cadence = QComboBox(page)
        cadence.addItem("Not set", "")
        for value in REVIEW_CADENCES:
            cadence.addItem(value.capitalize(), value)
        self._bind(cadence, "review_cadence", "Review cadence", "review cadence")
        form.addRow("Reviewed:", cadence)
        shared = QHBoxLayout()
        self.share_boxes: dict[str, QCheckBox] = {}
        chosen = set(split_list(self.goal().shared_with))
        for key in (SALES, MARKETING, "company"):
            box = QCheckBox(page)
            box.setChecked(key in chosen)
            box.setEnabled(not self.document.read_only)
            box.toggled.connect(lambda _on: self.set_fields("shared with", shared_with=self._shared()))
            self.share_boxes[key] = box
            shared.addWidget(box)
        shared.addStretch(1)
        form.addRow("Shared with:", shared)
        serves = QComboBox(page)
        self._bind(serves, "serves_goal", "Serves joint goal", "joint goal")
        self._fill_joint_goals()
        form.addRow("Serves joint goal:", serves)
        self.panel = CheckPanel(page)
        self.panel.setMinimumWidth(340)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        body.addLayout(left, 3)
        body.addWidget(self.panel, 2)
        layout.addLayout(body)

    def _build_verdict(self) -> None:
        page, layout = self._page("verdict", "", "")
        page.setStyleSheet(choice_focus_style())  # the keyboard's place among the verdicts shows
        self.verdict_group = QButtonGroup(page)
        row = QHBoxLayout()
        current = self.goal().verdict
        for i, value in enumerate(("", *VERDICTS)):
            button = QRadioButton(value.capitalize() if value else "Not judged yet", page)
            button.setChecked(value == current)
            button.setEnabled(not self.document.read_only)
            self.verdict_group.addButton(button, i)
            row.addWidget(button)
        row.addStretch(1)
        self.verdict_group.idClicked.connect(lambda i: self.set_fields("verdict", verdict=("", *VERDICTS)[i]))
        layout.addLayout(row)
        comment = QLineEdit(page)
        comment.setPlaceholderText("Why: e.g. 'Only if referral tracking is fixed in month 1'")
        self._bind(comment, "verdict_comment", "Verdict comment", "verdict comment")
        layout.addWidget(comment)
        self.verdict_summary = QLabel(page)
        self.verdict_summary.setWordWrap(True)
        layout.addWidget(self.verdict_summary)
        self.room_evidence = QLabel(page)  # the other team's check from their phones, if one was held
        self.room_evidence.setWordWrap(True)
        self.room_evidence.setTextFormat(Qt.TextFormat.PlainText)  # reasons are typed text
        self.room_evidence.setAccessibleName("The room's check from their phones")
        layout.addWidget(self.room_evidence)
        layout.addStretch(1)

    # -- keeping the pages in step -----------------------------------------------------------

    def _set_team(self, team: str) -> None:
        if self._loading:
            return
        self._team = team
        if self.goal_id:
            self.set_fields("team", team=team)
        else:
            self.refresh_checks()
        self._fill_owners()
        self._fill_joint_goals()
        self._refresh_team_texts()

    def _deadline_changes(self, text: str) -> dict[str, Any]:
        """A typed deadline saves the date it means alongside."""
        return deadline_change(self.goal(), text, self.document.info)

    def _changed(self, change: Change) -> None:
        """Follow the document after an edit, undo or redo: the goal's boxes and the checks.

        The FieldBindings show their own fields.
        """
        if change.kind == "reset":
            self._show_goal()
            self._fill_owners()
            self._fill_joint_goals()
            self._refresh_team_texts()
        elif change.table == Goal.TABLE:
            if self.goal_id and change.record_id == self.goal_id:
                if change.kind == "delete":
                    self._taken_back, self.goal_id = self.goal_id, 0  # an undo took the draft back
                    self._refresh_bindings()
                self._show_goal()
            elif change.kind == "insert" and self._taken_back and change.record_id == self._taken_back:
                self.goal_id, self._taken_back = self._taken_back, 0  # and a redo brought it back
                self._refresh_bindings()
                self._show_goal()
            if change.kind != "update" or change.record_id != self.goal_id:
                self._fill_joint_goals()
        elif change.table in (Team.TABLE, Participant.TABLE):
            self._fill_owners()
            self._refresh_team_texts()
        self.refresh_checks()

    def _refresh_bindings(self) -> None:
        for binding in self.bindings:
            binding.refresh()

    def _show_goal(self) -> None:
        """Show the goal's team, ticks and verdict: the boxes that are not FieldBindings."""
        goal = self.goal()
        self._loading = True
        try:
            if goal.team != self._team:
                self._team = goal.team
                team = self.fields["team"]
                assert isinstance(team, QComboBox)
                team.setCurrentIndex(max(0, team.findData(goal.team)))
                self._fill_owners()
                self._fill_joint_goals()
                self._refresh_team_texts()
            blockers = set(split_list(goal.blockers))
            for kind, box in self.blocker_boxes.items():
                box.setChecked(kind in blockers)
            shared = set(split_list(goal.shared_with))
            for key, box in self.share_boxes.items():
                box.setChecked(key in shared)
            verdicts = ("", *VERDICTS)
            if goal.verdict in verdicts:
                self.verdict_group.button(verdicts.index(goal.verdict)).setChecked(True)
        finally:
            self._loading = False

    def _shared(self) -> str:
        return ",".join(key for key, box in self.share_boxes.items() if box.isChecked())

    def _fill_owners(self) -> None:
        owner = self.fields["owner"]
        assert isinstance(owner, QComboBox)
        text = owner.currentText()
        owner.blockSignals(True)
        owner.clear()
        people = [
            p.name
            for p in self.document.typed(Participant)
            if p.name.strip() and self._team in (JOINT, p.team)
        ]
        owner.addItems(people)
        owner.setCurrentText(text or self.goal().owner)
        owner.blockSignals(False)

    def _fill_joint_goals(self) -> None:
        serves = self.fields["serves_goal"]
        assert isinstance(serves, QComboBox)
        serves.blockSignals(True)
        serves.clear()
        serves.addItem("None", 0)
        for joint in joint_goals(self.document.typed(Goal)):
            if joint.id != self.goal_id:
                text = joint.statement.strip() or "(untitled joint goal)"
                serves.addItem(text if len(text) < 70 else text[:69] + "…", joint.id)
        serves.setCurrentIndex(max(0, serves.findData(self.goal().serves_goal)))
        serves.setEnabled(self._team != JOINT and not self.document.read_only)
        serves.blockSignals(False)

    def _refresh_team_texts(self) -> None:
        teams = self.document.typed(Team)
        other = other_team_key(self._team)
        other_name = team_name(teams, other)
        helper = "both teams" if other == JOINT else other_name
        self.page_by_key["help"].setTitle(f"4. How can {helper} help?")
        self.page_by_key["verdict"].setTitle(f"6. Is it attainable? {other_name} judges")
        self.page_by_key["verdict"].setSubTitle(
            f"{other_name} judges whether the goal can be reached: attainable, a stretch, or not attainable."
        )
        for key, box in self.share_boxes.items():
            box.setText("The whole company" if key == "company" else team_name(teams, key))

    def check(self) -> GoalCheck:
        document = self.document
        return check_in_workshop(self.goal(), document.info, document.typed(Team), document.typed(Goal))

    def refresh_checks(self) -> None:
        """Show the checks of the goal as typed so far, and the date its deadline means."""
        check = self.check()
        self.panel.show_check(check)
        goal = self.goal()
        if goal.deadline.strip():
            if goal.deadline_date:
                self.deadline_shown.setText(
                    f"→ {_long_date(goal.deadline_date)}  (from “{goal.deadline.strip()}”)"
                )
            else:
                self.deadline_shown.setText(
                    "→ not a date yet: try '30 September', 'Q3 2027' or 'within 90 days'"
                )
        elif check.deadline:
            self.deadline_shown.setText(f"→ {_long_date(check.deadline.isoformat())}  (from the statement)")
        else:
            self.deadline_shown.setText("")
        letters = ", ".join(k.replace("_", "-") for k in check.failing()) or "none"
        self.verdict_summary.setText(
            f"SMART letters failing now: {letters}. {check.smart['attainable'].reason}"
        )
        self.room_evidence.setText(self._room_evidence(goal))

    def _room_evidence(self, goal: Goal) -> str:
        checks = checks_of(self.document.typed(RoomCheck), goal.id)
        if not checks:
            return ""
        latest = checks[-1]
        lines = check_details(latest, self.document.typed(Team))
        when = latest.held_at[:16].replace("T", " ")
        return "\n".join([f"The room's check from their phones ({when}):", *lines])

    def focus_typing_field(self) -> None:
        """Put the cursor in the current page's first text field, if it has one."""
        page = cast("QWizardPage | None", self.currentPage())  # None once the wizard has closed
        if page is None:
            return
        for field in page.findChildren(QWidget):
            if isinstance(field, QPlainTextEdit | QLineEdit) and field.isVisible() and field.isEnabled():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def page_for(self, key: str) -> QWizardPage:
        return self.page_by_key[key]

    def go_to(self, key: str, on_page: Callable[[], None] | None = None) -> None:
        """Jump to a page (used by Edit to open the goal page directly)."""
        if self.currentId() < 0:
            self.restart()  # not shown yet: start it, so that Back leads to the four questions
        while self.currentPage() is not self.page_by_key[key] and self.currentId() < len(PAGES) - 1:
            self.next()
        if on_page:
            on_page()
        focus = {"goal": "statement"}.get(key)
        if focus:
            self.fields[focus].setFocus(Qt.FocusReason.OtherFocusReason)
