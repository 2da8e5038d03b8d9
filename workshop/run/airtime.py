"""Who spoke how long: speakers, team totals, the Sales/Marketing balance, speaking turns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from workshop.model import MARKETING, SALES
from workshop.run_log import ITEM, PAUSE, RESUME, SPEAKER, START, RunEvent

FACILITATOR = "facilitator"
NOBODY = ""
SILENCE = "silence"
GROUPS = (SALES, MARKETING, FACILITATOR, SILENCE)


def person_key(participant_id: int) -> str:
    return f"p:{participant_id}"


def person_id(speaker: str) -> int | None:
    return int(speaker[2:]) if speaker.startswith("p:") and speaker[2:].isdigit() else None


def group_of(speaker: str, team_of_person: Mapping[int, str]) -> str:
    """The group a speaker's time counts for: a team, the facilitator, or silence."""
    if speaker in (SALES, MARKETING, FACILITATOR):
        return speaker
    pid = person_id(speaker)
    if pid is not None and team_of_person.get(pid) in (SALES, MARKETING):
        return team_of_person[pid]
    return SILENCE


class AirtimeLedger:
    """Milliseconds per speaker, overall and per agenda item; each addition is O(1)."""

    def __init__(self) -> None:
        self.by_speaker: defaultdict[str, int] = defaultdict(int)
        self.by_item: defaultdict[int, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))

    def add(self, speaker: str, item_id: int | None, ms: int) -> None:
        self.by_speaker[speaker] += ms
        if item_id is not None:
            self.by_item[item_id][speaker] += ms


def group_totals(by_speaker: Mapping[str, int], team_of_person: Mapping[int, str]) -> dict[str, int]:
    """Milliseconds for Sales, Marketing, the facilitator and silence."""
    totals = dict.fromkeys(GROUPS, 0)
    for speaker, ms in by_speaker.items():  # group_of, inline: called for every speaker, often
        if speaker in totals:  # a team, the facilitator (or "silence" itself)
            group = speaker
        elif speaker.startswith("p:") and speaker[2:].isdigit():
            team = team_of_person.get(int(speaker[2:]))
            group = team if team in (SALES, MARKETING) else SILENCE
        else:
            group = SILENCE
        totals[group] += ms
    return totals


@dataclass(frozen=True)
class Balance:
    """How Sales' and Marketing's speaking time compare, against a tolerance band."""

    sales_ms: int
    marketing_ms: int
    low: int = 45  # percent; the band is low .. 100 - low

    @property
    def team_ms(self) -> int:
        return self.sales_ms + self.marketing_ms

    @property
    def sales_share(self) -> float | None:
        """Sales' share of the two teams' time, 0..1; None before either has spoken."""
        return self.sales_ms / self.team_ms if self.team_ms else None

    @property
    def outside(self) -> bool:
        share = self.sales_share
        return share is not None and not (self.low / 100 <= share <= 1 - self.low / 100)

    @property
    def owed(self) -> tuple[str, int]:
        """The team that has had less time, and by how many milliseconds."""
        if self.sales_ms < self.marketing_ms:
            return SALES, self.marketing_ms - self.sales_ms
        return MARKETING, self.sales_ms - self.marketing_ms


class Turn(NamedTuple):
    """One stretch of one speaker, within one agenda item, in running milliseconds."""

    start_ms: int
    end_ms: int
    speaker: str
    item_id: int | None


def turns(events: Sequence[RunEvent], until_ms: int | None = None) -> list[Turn]:
    """Every speaking turn (silence included) from the event log."""
    result: list[Turn] = []
    running = False
    speaker, item = NOBODY, None
    since = 0

    def close(at: int) -> None:
        if running and at > since:
            result.append(Turn(since, at, speaker, item))

    for event in events:
        if event.kind in (SPEAKER, ITEM, PAUSE, RESUME, START):
            close(event.at_ms)
            since = event.at_ms
        if event.kind == START:
            running, item = True, _item_id(event.value)
        elif event.kind == RESUME:
            running = True
        elif event.kind == PAUSE:
            running, speaker = False, NOBODY
        elif event.kind == ITEM:
            item = _item_id(event.value)
            running = running and item is not None
        elif event.kind == SPEAKER:
            speaker = event.value
    if until_ms is not None:
        close(until_ms)
    return result


def _item_id(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def describe_minutes(ms: int) -> str:
    """'4 min', '45 s' or '1 h 05 min' for a stretch of time."""
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def totals_by_group(
    ledgers: Iterable[Mapping[str, int]], team_of_person: Mapping[int, str]
) -> dict[str, int]:
    """Group totals summed over several per-speaker mappings."""
    summed: defaultdict[str, int] = defaultdict(int)
    for ledger in ledgers:
        for speaker, ms in ledger.items():
            summed[speaker] += ms
    return group_totals(summed, team_of_person)
