"""The page's hold on the workshop's MQL definition: read it, change it, hear when it changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ui.common.document_signals import DocumentSignals
from workshop.clock import local_now
from workshop.edits import Change, Insert, Operation
from workshop.leads.definition import MqlDefinition
from workshop.leads.state import approvals, change_definition, definition_of, state_for
from workshop.leads.templates import starting_template
from workshop.model import MqlState


def now_text() -> str:
    return local_now().isoformat(timespec="minutes")


class DefinitionLink(QObject):
    """Signals: ``stateChanged()`` after any change of the MQL record (edit, undo, redo)."""

    stateChanged = Signal()

    def __init__(self, signals: DocumentSignals, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signals = signals
        self.document = signals.document
        signals.changed.connect(self._changed)

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    def state(self) -> MqlState | None:
        states = self.document.typed(MqlState)
        return states[0] if states else None

    def definition(self) -> MqlDefinition:
        state = self.state()
        return definition_of(state) if state else starting_template()

    def ensure_state(self) -> MqlState:
        """The MQL record, created from the starting template if the workshop has none yet."""
        state = self.state()
        if state is None:
            self.document.apply("Start the MQL definition", [Insert(state_for(starting_template()))])
            state = self.state()
            assert state is not None
        return state

    def set_definition(self, definition: MqlDefinition, text: str, merge: str | None = None) -> None:
        if self.read_only:
            return
        state = self.ensure_state()
        operations = change_definition(state, definition, now_text())
        if not operations:
            return
        if approvals(state):
            # Starting a new version is its own undo step, never merged with typing after it.
            self.document.seal_undo()
            merge = None
        self.document.apply(text, operations, merge_key=("mql", merge) if merge else None)

    def apply(self, text: str, operations: list[Operation]) -> None:
        if not self.read_only and operations:
            self.document.apply(text, operations)

    def _changed(self, change: Change) -> None:
        if change.table == MqlState.TABLE:
            self.stateChanged.emit()
