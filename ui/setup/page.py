"""Setup (Ctrl+1): the workshop's details, the two teams, and who is in the room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.bindings import FieldBinding
from ui.common.findings_list import FindingsList
from ui.common.page_context import PageContext
from ui.common.palette import confusable_warning
from ui.common.record_table import Column, RecordTableModel, colour_icon
from ui.common.record_table_editor import RecordTableEditor
from ui.common.tone import set_tone
from workshop.edits import Change, Update
from workshop.model import (
    DEFAULT_TEAM_NAMES,
    MARKETING,
    SALES,
    TEAM_KEYS,
    Participant,
    Team,
    WorkshopInfo,
    team_name,
)
from workshop.setup.checks import check_setup

MAX_TEXT = 500  # form fields; longer names are accepted in tables and flagged
PARTICIPANT_COLUMNS = (
    Column("name", "Name", width=220),
    Column("title", "Job title", width=260),
    Column("team", "Team", "team", options=TEAM_KEYS, width=140),
    Column("signatory", "Signs the SLA", tip="The one person per team who signs the SLA"),
)


class SetupPage(QWidget):
    """Edits the workshop's details, teams and participants; shows what needs fixing."""

    title = "Setup"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        signals = context.signals
        self.signals = signals
        self.document = signals.document
        self.bindings: list[FieldBinding] = []

        details = QGroupBox("Workshop", self)
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        for field, label in (
            ("title", "Title"),
            ("company", "Company"),
            ("venue", "Venue"),
            ("facilitator", "Facilitator"),
        ):
            line = QLineEdit(details)
            line.setMaxLength(MAX_TEXT)
            line.setClearButtonEnabled(True)
            self._bind(WorkshopInfo.TABLE, 1, field, line, label)
            form.addRow(f"&{label}:", line)
        dates = QHBoxLayout()
        start, end = QDateEdit(details), QDateEdit(details)
        self._bind(WorkshopInfo.TABLE, 1, "start_date", start, "Start date")
        self._bind(WorkshopInfo.TABLE, 1, "end_date", end, "End date")
        day_start = QTimeEdit(details)
        self._bind(WorkshopInfo.TABLE, 1, "day_start", day_start, "Day starts at")
        dates.addWidget(start)
        dates.addWidget(QLabel("to", details))
        dates.addWidget(end)
        dates.addSpacing(12)
        dates.addWidget(QLabel("day starts at", details))
        dates.addWidget(day_start)
        dates.addStretch(1)
        form.insertRow(2, "Dates:", dates)

        teams_box = QGroupBox("Teams", self)
        teams_form = QFormLayout(teams_box)
        self.colour_buttons: dict[str, QPushButton] = {}
        for key in TEAM_KEYS:
            team = self.document.team(key)
            row = QHBoxLayout()
            name = QLineEdit(teams_box)
            name.setMaxLength(60)
            self._bind(Team.TABLE, team.id, "name", name, f"{key.capitalize()} team name")
            button = QPushButton("Colour…", teams_box)
            button.setAccessibleName(f"{key.capitalize()} team colour")
            button.setEnabled(not self.document.read_only)
            button.clicked.connect(lambda _c=False, k=key: self.choose_colour(k))
            self.colour_buttons[key] = button
            row.addWidget(name, 1)
            row.addWidget(button)
            teams_form.addRow(f"{DEFAULT_TEAM_NAMES[key]} side:", row)
        hint = QLabel("Each team's colour marks it on every page, chart and report.", teams_box)
        hint.setWordWrap(True)
        set_tone(hint, "hint")  # legible: not a disabled grey
        teams_form.addRow(hint)
        self.colour_warning = QLabel(teams_box)
        self.colour_warning.setWordWrap(True)
        self.colour_warning.setAccessibleName("Team colour warning")
        self.colour_warning.hide()
        teams_form.addRow(self.colour_warning)

        top = QHBoxLayout()
        top.addWidget(details, 3)
        top.addWidget(teams_box, 2)

        self.participants_model = RecordTableModel(signals, Participant, PARTICIPANT_COLUMNS, "participant")
        self.participants = RecordTableEditor(self.participants_model, self._new_participant, parent=self)
        people_box = QGroupBox("Participants", self)
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.participants)
        self.findings = FindingsList(people_box)
        self.findings.recordActivated.connect(self._go_to_record)
        people_layout.addWidget(self.findings)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(people_box, 1)

        signals.changed.connect(self._changed)
        self._refresh_teams()
        self.refresh_findings()

    def _bind(self, table: str, record_id: int, field: str, widget: QWidget, label: str) -> None:
        self.fields[f"{table}.{field}"] = widget
        self.bindings.append(FieldBinding(self.signals, table, record_id, field, widget, label))

    def _new_participant(self) -> Participant:
        sales = sum(p.team == SALES for p in self.document.typed(Participant))
        marketing = sum(p.team == MARKETING for p in self.document.typed(Participant))
        team = MARKETING if marketing < sales else SALES
        teams = self.document.typed(Team)
        why = "the smaller team" if marketing != sales else "the teams are even"
        self.context.report(
            f"New participant on {team_name(teams, team)} ({why}); change it in the Team column if needed."
        )
        return Participant(name="", team=team)

    def choose_colour(self, key: str) -> None:
        team = self.document.team(key)
        colour = QColorDialog.getColor(
            QColor(team.colour), self, f"Colour of {team_name(self.document.typed(Team), key)}"
        )
        if colour.isValid():
            self.set_team_colour(key, colour.name())

    def set_team_colour(self, key: str, colour: str) -> None:
        team = self.document.team(key)
        self.document.apply(
            f"Change {team_name(self.document.typed(Team), key)} colour", [Update.of(team, colour=colour)]
        )

    def refresh_findings(self) -> None:
        findings = check_setup(self.document.content())
        findings.sort(key=lambda f: f.severity == "error")  # errors win a shared cell
        problems = {
            (record_id, f.field): (f.severity, f.message)
            for f in findings
            if f.table == Participant.TABLE
            for record_id in f.record_ids
        }
        self.participants_model.set_problems(problems)
        ready = "Ready for sign-off: each team has one signatory and every participant has a name."
        self.findings.show_findings(findings, ready)

    def _refresh_teams(self) -> None:
        for key, button in self.colour_buttons.items():
            button.setIcon(colour_icon(self.document.team(key).colour, 14))
        teams = self.document.typed(Team)
        close = [
            team_name(teams, key) for key in TEAM_KEYS if confusable_warning(self.document.team(key).colour)
        ]
        if close:
            names = " and ".join(close)
            self.colour_warning.setText(
                f"⚠ {names}: this colour is close to the yellow or red the timer uses to warn, so the room "
                "could read the team's bar as a warning. Choose a clearly different colour."
            )
            set_tone(self.colour_warning, "warning")
        self.colour_warning.setVisible(bool(close))

    def _go_to_record(self, table: str, record_id: int) -> None:
        if table == Participant.TABLE:
            self.participants.select_id(record_id)
            self.participants.view.setFocus()

    def _changed(self, change: Change) -> None:
        if change.table == Team.TABLE:
            self._refresh_teams()
        if change.table in (Team.TABLE, Participant.TABLE, WorkshopInfo.TABLE):
            self.refresh_findings()

    def focus_first_field(self) -> None:
        self.fields["workshop.title"].setFocus(Qt.FocusReason.ShortcutFocusReason)
