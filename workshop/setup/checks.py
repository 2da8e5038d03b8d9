"""Checks of a workshop's setup, said in the facilitator's words.

Nothing here refuses an edit: whatever is typed is kept, and each finding says
what needs fixing before sign-off and which records it is about.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from workshop.model import TEAM_KEYS, Participant, WorkshopContent, team_name

LONG_NAME = 120


@dataclass(frozen=True)
class Finding:
    """One problem: how bad, what to do, and which records (and field) it concerns."""

    severity: Literal["error", "warning"]
    message: str
    table: str = ""
    record_ids: tuple[int, ...] = ()
    field: str = ""


def name_key(name: str) -> str:
    """A name as compared for duplicates: same letters, any case, spacing or composition."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _short(name: str, limit: int = 40) -> str:
    """A name short enough for a one-line message."""
    name = name.strip()
    return name if len(name) <= limit else name[: limit - 1] + "…"


def check_setup(content: WorkshopContent) -> list[Finding]:
    """Everything about the workshop, teams and participants that needs attention."""
    findings: list[Finding] = []
    info = content.info
    if not info.title.strip():
        findings.append(
            Finding("warning", "Give the workshop a title: it heads every report.", "workshop", (1,), "title")
        )
    if info.start_date and info.end_date and info.end_date < info.start_date:
        findings.append(
            Finding(
                "error", "The workshop ends before it starts: check the dates.", "workshop", (1,), "end_date"
            )
        )
    findings += _check_teams(content)
    findings += _check_participants(content.participants, content)
    return findings


def _check_teams(content: WorkshopContent) -> list[Finding]:
    findings: list[Finding] = []
    names = {team.key: team.name.strip() for team in content.teams}
    for team in content.teams:
        if not names[team.key]:
            findings.append(
                Finding("error", f"The {team.key} team needs a name.", "teams", (team.id,), "name")
            )
    if (
        len(content.teams) == 2
        and names[TEAM_KEYS[0]]
        and name_key(names[TEAM_KEYS[0]]) == name_key(names[TEAM_KEYS[1]])
    ):
        findings.append(
            Finding(
                "error",
                f"Both teams are called “{names[TEAM_KEYS[0]]}”: give them different names.",
                "teams",
                tuple(t.id for t in content.teams),
                "name",
            )
        )
    return findings


def _check_participants(people: list[Participant], content: WorkshopContent) -> list[Finding]:
    findings: list[Finding] = []
    by_name: dict[str, list[tuple[int, Participant]]] = defaultdict(list)
    for row, person in enumerate(people, start=1):
        if not person.name.strip():
            findings.append(
                Finding(
                    "error", f"Row {row}: a participant needs a name.", "participants", (person.id,), "name"
                )
            )
        else:
            by_name[name_key(person.name)].append((row, person))
        if len(person.name) > LONG_NAME:
            findings.append(
                Finding(
                    "warning",
                    f"Row {row}: this name is {len(person.name):,} characters long; "
                    f"shorten it to at most {LONG_NAME} so it fits on the signature page.",
                    "participants",
                    (person.id,),
                    "name",
                )
            )
    for entries in by_name.values():
        if len(entries) > 1:
            rows = ", ".join(str(r) for r, _ in entries[:-1]) + f" and {entries[-1][0]}"
            shown = _short(entries[0][1].name)
            findings.append(
                Finding(
                    "warning",
                    f"“{shown}” is listed more than once (rows {rows}).",
                    "participants",
                    tuple(p.id for _, p in entries),
                    "name",
                )
            )
    for key in TEAM_KEYS:
        label = team_name(content.teams, key)
        signers = [p for p in people if p.team == key and p.signatory]
        if not signers:
            findings.append(
                Finding(
                    "warning",
                    f"{label} has no signatory yet: tick the person who signs the SLA for {label}.",
                    "participants",
                    (),
                    "signatory",
                )
            )
        elif len(signers) > 1:
            names = ", ".join(_short(p.name) or "(no name)" for p in signers)
            findings.append(
                Finding(
                    "error",
                    f"{label} has {len(signers)} signatories ({names}): "
                    "exactly one person signs for each team.",
                    "participants",
                    tuple(p.id for p in signers),
                    "signatory",
                )
            )
    return findings
