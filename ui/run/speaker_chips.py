"""One button per possible speaker, with its key: the teams, the facilitator, people 1-9, nobody."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QSizePolicy, QToolButton, QWidget

from ui.common.palette import roles, text_on
from workshop.document import WorkshopDocument
from workshop.model import MARKETING, SALES, Participant, Team, team_colours, team_name
from workshop.run.airtime import FACILITATOR, NOBODY, person_key


class SpeakerChips(QWidget):
    """Emits ``speakerChosen(key)`` when a chip is clicked; shows who speaks now."""

    speakerChosen = Signal(str)

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.chips: dict[str, QToolButton] = {}
        self.setAutoFillBackground(True)  # opaque: a new speaker repaints two chips, not the group box
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.rebuild()

    def slots(self) -> list[Participant]:
        """The people on digit keys 1-9, in Setup's order."""
        return self.document.typed(Participant)[:9]

    def rebuild(self) -> None:
        for chip in self.chips.values():
            self.group.removeButton(chip)
            chip.deleteLater()
        self.chips = {}
        teams = self.document.typed(Team)
        colours = team_colours(teams)
        entries = [
            (SALES, f"S  {team_name(teams, SALES)}", colours[SALES]),
            (MARKETING, f"M  {team_name(teams, MARKETING)}", colours[MARKETING]),
            (FACILITATOR, "F  Facilitator", roles().neutral),
            (NOBODY, "0  Nobody", ""),
        ]
        for digit, person in enumerate(self.slots(), start=1):
            name = person.name.strip() or "(no name)"
            short = name if len(name) <= 16 else name[:15] + "…"
            entries.append(
                (person_key(person.id), f"{digit}  {short}", self.document.team(person.team).colour)
            )
        for position, (key, text, colour) in enumerate(entries):
            chip = QToolButton(self)
            chip.setText(text)
            chip.setCheckable(True)
            chip.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            chip.setAccessibleName(f"Speaker: {text[3:]}")
            chip.setToolTip(f"{text[3:]} speaks now (key {text[0]})")
            fill = colour or roles().muted_fill
            chip.setStyleSheet(
                f"QToolButton {{ border: 2px solid {fill}; border-radius: 12px; padding: 3px 10px; }}"
                f"QToolButton:checked {{ background: {fill}; color: {text_on(fill)}; font-weight: bold; }}"
                f"QToolButton:focus {{ border: 3px dashed {roles().accent}; }}"
            )
            chip.clicked.connect(lambda _c=False, k=key: self.speakerChosen.emit(k))
            self.group.addButton(chip)
            row, column = (0, position) if position < 4 else (1 + (position - 4) // 5, (position - 4) % 5)
            self.grid.addWidget(chip, row, column)
            self.chips[key] = chip

    def show_speaker(self, key: str) -> None:
        chip = self.chips.get(key)
        if chip is not None and not chip.isChecked():
            chip.setChecked(True)
