"""The New goal wizard: the four questions, then the goal itself with live SMART and FAST checks.

Every keystroke is saved to the workshop as it is typed, so whatever the team
wrote stays as a draft goal even if the wizard is cancelled. The goal record is
created on the first keystroke (an untouched wizard leaves nothing behind), and
each field's typing run is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
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

from ui.goals.check_panel import CheckPanel
from workshop.document import WorkshopDocument
from workshop.edits import Insert, Update
from workshop.goals.checker import GoalCheck
from workshop.goals.records import (
    check_in_workshop,
    deadline_change,
    joint_goals,
    other_team_key,
    split_list,
)
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
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class GoalWizard(QWizard):
    """Drafts a new goal (``goal_id`` 0) or edits one; the record is saved as it is typed.

    ``goal_id`` is the goal being written once it exists.
    """

    def __init__(
        self,
        document: WorkshopDocument,
        team: str = SALES,
        goal_id: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.goal_id = goal_id
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

    # -- the record --------------------------------------------------------------------------

    def goal(self) -> Goal:
        """The goal as saved so far (an empty one before the first keystroke)."""
        if self.goal_id:
            _, record = self.document.find(Goal.TABLE, self.goal_id)
            assert isinstance(record, Goal)
            return record
        return Goal(team=self._team)

    def set_fields(self, label: str, **changes: Any) -> None:
        """Save changed fields: the first change creates the draft goal."""
        if self._loading or self.document.read_only:
            return
        if not self.goal_id:
            done = self.document.apply("Draft goal", [Insert(Goal(team=self._team, **changes))])
            inserted = done[0]
            assert isinstance(inserted, Insert)
            self.goal_id = inserted.record.id
        else:
            goal = self.goal()
            key = (Goal.TABLE, self.goal_id, *sorted(changes))
            self.document.apply(f"Change goal {label}", [Update.of(goal, **changes)], merge_key=key)
        self.refresh_checks()

    def _bind_text(self, widget: QLineEdit | QPlainTextEdit, field: str, label: str) -> None:
        self.fields[field] = widget
        value = str(getattr(self.goal(), field))
        if isinstance(widget, QLineEdit):
            widget.setText(value)
            widget.textEdited.connect(lambda text: self.set_fields(label, **{field: text}))
            widget.editingFinished.connect(self.document.seal_undo)
        else:
            widget.setPlainText(value)
            widget.textChanged.connect(lambda: self.set_fields(label, **{field: widget.toPlainText()}))
        widget.setReadOnly(self.document.read_only)

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
        self._bind_text(box, "accomplish", "aim")
        layout.addWidget(box)

    def _build_text_page(self, key: str, title: str, field: str, placeholder: str) -> None:
        number = PAGES.index(key) + 1
        page, layout = self._page(key, f"{number}. {title}", "")
        box = _text_box(page, title or "How the other team can help", placeholder)
        self._bind_text(box, field, key)
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
        self._bind_text(notes, "blocker_notes", "blockers")
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
        statement.setAccessibleName("Goal statement")
        statement.setPlaceholderText(
            "e.g. Raise the lead-to-MQL conversion rate from 12% to 17% by end of Q3"
        )
        statement.setTabChangesFocus(True)
        statement.setFixedHeight(70)
        self._bind_text(statement, "statement", "statement")
        form.addRow("&Statement:", statement)
        for field, label, placeholder in (
            ("metric", "Metric", "e.g. lead-to-MQL conversion rate"),
            ("unit", "Unit", "e.g. %, MQLs a month, $"),
            ("baseline", "Baseline (today)", "e.g. 12%"),
            ("target", "Target", "e.g. 17%"),
        ):
            line = QLineEdit(page)
            line.setPlaceholderText(placeholder)
            line.setAccessibleName(label)
            self._bind_text(line, field, label.lower())
            form.addRow(f"{label}:", line)
        deadline = QLineEdit(page)
        deadline.setAccessibleName("Deadline")
        deadline.setPlaceholderText("a date, 'Q3 2027', 'end of FY27', 'within 90 days' …")
        deadline.setText(self.goal().deadline)
        deadline.textEdited.connect(self._deadline_edited)
        deadline.editingFinished.connect(self.document.seal_undo)
        deadline.setReadOnly(self.document.read_only)
        self.fields["deadline"] = deadline
        self.deadline_shown = QLabel(page)
        self.deadline_shown.setAccessibleName("Deadline date")
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(deadline)
        column.addWidget(self.deadline_shown)
        form.addRow("Deadline:", column)
        milestones = QLineEdit(page)
        milestones.setPlaceholderText("e.g. 14% by end of July; 15.5% by end of August")
        self._bind_text(milestones, "milestones", "milestones")
        form.addRow("Milestones:", milestones)
        owner = QComboBox(page)
        owner.setEditable(True)
        owner.setAccessibleName("Owner")
        self.fields["owner"] = owner
        self._fill_owners()
        owner.setCurrentText(self.goal().owner)
        owner.editTextChanged.connect(lambda text: self.set_fields("owner", owner=text))
        owner.setEnabled(not self.document.read_only)
        form.addRow("&Owner:", owner)
        cadence = QComboBox(page)
        cadence.setAccessibleName("Review cadence")
        cadence.addItem("Not set", "")
        for value in REVIEW_CADENCES:
            cadence.addItem(value.capitalize(), value)
        cadence.setCurrentIndex(max(0, cadence.findData(self.goal().review_cadence)))
        cadence.currentIndexChanged.connect(
            lambda _i: self.set_fields("review cadence", review_cadence=str(cadence.currentData()))
        )
        cadence.setEnabled(not self.document.read_only)
        self.fields["review_cadence"] = cadence
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
        serves.setAccessibleName("Serves joint goal")
        self.fields["serves_goal"] = serves
        self._fill_joint_goals()
        serves.currentIndexChanged.connect(
            lambda _i: self.set_fields("joint goal", serves_goal=int(serves.currentData() or 0))
        )
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
        comment.setAccessibleName("Verdict comment")
        self._bind_text(comment, "verdict_comment", "verdict comment")
        layout.addWidget(comment)
        self.verdict_summary = QLabel(page)
        self.verdict_summary.setWordWrap(True)
        layout.addWidget(self.verdict_summary)
        layout.addStretch(1)

    # -- keeping the pages in step -----------------------------------------------------------

    def _set_team(self, team: str) -> None:
        self._team = team
        if self.goal_id:
            self.set_fields("team", team=team)
        else:
            self.refresh_checks()
        self._fill_owners()
        self._fill_joint_goals()
        self._refresh_team_texts()

    def _deadline_edited(self, text: str) -> None:
        self.set_fields("deadline", **deadline_change(self.goal(), text, self.document.info))

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
