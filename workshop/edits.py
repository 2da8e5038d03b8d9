"""The four kinds of change to a workshop, and the change notices the document emits.

Every edit the user makes is a list of these operations, applied through
:meth:`WorkshopDocument.apply`; the document works out each inverse, so every
feature built on them gets undo and redo for free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from workshop.model import Record


@dataclass(frozen=True)
class Update:
    """Set some fields of one record."""

    table: str
    record_id: int
    changes: tuple[tuple[str, Any], ...]

    @classmethod
    def of(cls, record: Record, **changes: Any) -> Update:
        return cls(record.TABLE, record.id, tuple(changes.items()))


@dataclass(frozen=True)
class Insert:
    """Put a record into its table at ``index`` (-1: at the end); id 0 means "give it one"."""

    record: Record
    index: int = -1


@dataclass(frozen=True)
class Delete:
    """Remove one record."""

    table: str
    record_id: int


@dataclass(frozen=True)
class Move:
    """Move one record to ``index`` in its list."""

    table: str
    record_id: int
    index: int


Operation = Update | Insert | Delete | Move


@dataclass(frozen=True)
class Change:
    """A notice of one change, sent before it happens and after.

    ``index`` is the record's place before the change (for insert: the place it
    will take); ``to_index`` is its place after a move. A ``reset`` means the
    whole document was replaced.
    """

    table: str
    kind: Literal["insert", "delete", "update", "move", "reset"]
    record_id: int = 0
    index: int = -1
    to_index: int = -1
    fields: tuple[str, ...] = ()
