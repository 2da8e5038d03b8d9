"""Sales and Marketing each approve the current version; the history shows what changed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.leads.definition_link import DefinitionLink, now_text
from workshop.leads.definition import DefinitionError, definition_from_json
from workshop.leads.state import approvals, approve, definition_of, describe_changes, history_of, withdraw
from workshop.model import TEAM_KEYS, Participant, Team, team_name


def when(at: str) -> str:
    try:
        return datetime.fromisoformat(at).strftime("%a %d %b %Y, %H:%M")
    except ValueError:
        return at or "an unknown time"


class ApprovalPanel(QGroupBox):
    """Each team's approval of this version, and the versions before it."""

    def __init__(self, link: DefinitionLink, parent: QWidget | None = None) -> None:
        super().__init__("Approval", parent)
        self.link = link
        self.document = link.document
        grid = QGridLayout()
        self.version_label = QLabel(self)
        grid.addWidget(self.version_label, 0, 0, 1, 4)
        self.status: dict[str, QLabel] = {}
        self.names: dict[str, QLineEdit] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, team in enumerate(TEAM_KEYS, start=1):
            title = team_name(self.document.typed(Team), team)
            name = QLineEdit(self)
            name.setMaxLength(120)
            name.setPlaceholderText("Name of who approves")
            name.setAccessibleName(f"{title} approver")
            name.setText(self._signatory(team))
            button = QPushButton(self)
            button.setAccessibleName(f"{title} approval")
            button.clicked.connect(lambda _c=False, t=team: self.toggle(t))
            status = QLabel(self)
            status.setWordWrap(True)
            grid.addWidget(QLabel(f"<b>{title}</b>", self), row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(button, row, 2)
            grid.addWidget(status, row, 3)
            grid.setColumnStretch(3, 1)
            self.status[team], self.names[team], self.buttons[team] = status, name, button
        self.history = QListWidget(self)
        self.history.setAccessibleName("Earlier versions")
        self.history.setMaximumHeight(56)
        self.history.currentRowChanged.connect(self._show_changes)
        self.changes = QPlainTextEdit(self)
        self.changes.setTabChangesFocus(True)
        self.changes.setReadOnly(True)
        self.changes.setAccessibleName("What changed")
        self.changes.setMaximumHeight(120)
        left = QVBoxLayout()
        left.addLayout(grid)
        left.addStretch(1)
        right = QVBoxLayout()
        self.history_title = QLabel("Earlier versions (select one to see what changed since):", self)
        right.addWidget(self.history_title)
        right.addWidget(self.history)
        right.addWidget(self.changes)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        link.stateChanged.connect(self.refresh)
        self.refresh()

    def _signatory(self, team: str) -> str:
        people = [p for p in self.document.typed(Participant) if p.team == team]
        signers = [p.name for p in people if p.signatory]
        return signers[0] if signers else ""

    def toggle(self, team: str) -> None:
        state = self.link.ensure_state()
        title = team_name(self.document.typed(Team), team)
        if team in approvals(state):
            self.link.apply(f"Withdraw {title} approval", withdraw(state, team))
            return
        name = self.names[team].text().strip()
        if not name:
            self.names[team].setFocus()
            self.status[team].setText("Type the name of who approves for the team first.")
            return
        self.link.apply(f"{title} approves the MQL definition", approve(state, team, name, now_text()))

    def refresh(self) -> None:
        state = self.link.state()
        given = approvals(state) if state else {}
        version = state.version if state else 1
        both = len(given) == len(TEAM_KEYS)
        mark = "✔ approved by both teams" if both else "waiting for approval"
        self.version_label.setText(f"Version {version}: {mark}")
        for team in TEAM_KEYS:
            approval = given.get(team)
            self.buttons[team].setText("Withdraw" if approval else "Approve")
            self.buttons[team].setEnabled(not self.link.read_only)
            self.names[team].setEnabled(approval is None and not self.link.read_only)
            if approval:
                self.names[team].setText(approval["name"])
                self.status[team].setText(f"Approved by {approval['name']} on {when(approval['at'])}")
            else:
                self.status[team].setText("Not approved yet")
        self.history.clear()
        versions = history_of(state) if state else []
        for old in reversed(versions):
            names = ", ".join(a.get("name", "") for a in old.get("approvals", {}).values())
            self.history.addItem(
                f"Version {old.get('version')}: approved by {names or 'nobody'}; "
                f"replaced {when(str(old.get('replaced_at', '')))}"
            )
        self.history_title.setVisible(bool(versions))
        self.history.setVisible(bool(versions))
        self.changes.setVisible(bool(versions))
        if versions:
            self.history.setCurrentRow(0)

    def _show_changes(self, row: int) -> None:
        state = self.link.state()
        versions = list(reversed(history_of(state))) if state else []
        if state is None or not 0 <= row < len(versions):
            self.changes.setPlainText("")
            return
        newer = definition_of(state) if row == 0 else None
        try:
            old = definition_from_json(versions[row].get("definition"))
            if newer is None:
                newer = definition_from_json(versions[row - 1].get("definition"))
        except DefinitionError:
            self.changes.setPlainText("This version could not be read.")
            return
        newer_number = state.version if row == 0 else versions[row - 1].get("version")
        lines = describe_changes(old, newer) or ["No change to the rules."]
        header = f"From version {versions[row].get('version')} to version {newer_number}:"
        self.changes.setPlainText("\n".join([header, *("• " + line for line in lines)]))
