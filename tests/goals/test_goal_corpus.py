"""The checker against real goal statements from public sources, with the sources' verdicts.

Two parts, split once by source (see ``about`` in the files): the development part
(``goal_corpus.json``), which rules may be tuned on, and the held-out part
(``goal_corpus_heldout.json``), which they must never be tuned on; its SHA-256 is
pinned below so it cannot drift. Each statement is judged as of the date its source
was written (``as_of``). Agreement is reported for both parts every time, overall, per
class (SMART and not SMART), with a strict reading (``strict_verdict``: SMART only when the
source says so and no letter it labels fails) and per letter; the checker must agree with the
sources on at least 90% of the overall verdicts, of "measurable" and of "time-bound", in each
part, and with the strict reading on at least 88%.

    python -m tests.goals.test_goal_corpus      # prints the report
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from workshop.goals.checker import check_statement

DATA = Path(__file__).parent / "data"
PARTS = {"development": DATA / "goal_corpus.json", "held-out": DATA / "goal_corpus_heldout.json"}
HELD_OUT_SHA256 = "b1d036b7822d3b5affcc51886440a7c88d2b11b454da527be62db70d53e87828"
TARGET = 0.90
LETTERS = ("specific", "measurable", "attainable", "relevant", "time_bound")
GATED = ("verdict", "measurable", "time_bound")


def statements(part: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(PARTS[part].read_text(encoding="utf-8"))["statements"]
    return rows


@dataclass
class Tally:
    agreed: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.agreed / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.share:6.1%} ({self.agreed}/{self.total})"


def strict_verdict(row: dict[str, Any]) -> str | None:
    """The verdict on a strict reading of the source's own labels.

    A source may call a goal SMART and still say one letter fails ("partially SMART"), or show a
    goal for one letter only while saying another fails. Read strictly, a goal is SMART only
    when the source calls it SMART and no letter it labels fails; it is not SMART when the
    source says so or says any letter fails; otherwise the strict reading has no verdict.
    """
    failed = any(row[letter] is False for letter in LETTERS)
    if row["verdict"] == "bad" or failed:
        return "bad"
    return "good" if row["verdict"] == "good" else None


def agreement(part: str) -> dict[str, Tally]:
    """Per label ("verdict", "SMART", "not SMART" and each letter): how often the checker agrees."""
    tallies: dict[str, Tally] = {}

    def count(label: str, want: object, got: object, row: dict[str, Any]) -> None:
        tally = tallies.setdefault(label, Tally())
        tally.total += 1
        if want == got:
            tally.agreed += 1
        else:
            tally.misses.append(f"#{row['id']} {row['text']!r}: source {want}, checker {got}")

    for row in statements(part):
        check = check_statement(row["text"], date.fromisoformat(row["as_of"]))
        strict = strict_verdict(row)
        if strict is not None:
            count("strict", strict, "good" if check.is_smart else "bad", row)
        if row["verdict"] is not None:
            got = "good" if check.is_smart else "bad"
            count("verdict", row["verdict"], got, row)
            count("SMART" if row["verdict"] == "good" else "not SMART", row["verdict"], got, row)
        for letter in LETTERS:
            if row[letter] is not None:
                count(letter, row[letter], check.smart[letter].status != "fail", row)
    return tallies


def report() -> str:
    lines = []
    for part in PARTS:
        tallies = agreement(part)
        rows = statements(part)
        sources = len({row["source_url"] for row in rows})
        lines.append(f"{part}: {len(rows)} statements from {sources} sources")
        for label in ("verdict", "SMART", "not SMART", "strict", *LETTERS):
            if label in tallies:
                lines.append(f"  {label:<11} {tallies[label]}")
    return "\n".join(lines)


def test_the_held_out_part_has_not_drifted() -> None:
    assert hashlib.sha256(PARTS["held-out"].read_bytes()).hexdigest() == HELD_OUT_SHA256


def test_the_corpus_is_big_cited_balanced_and_split_by_source() -> None:
    rows = [row for part in PARTS for row in statements(part)]
    assert len(rows) >= 300
    assert all(row["source_url"].startswith("http") and row["source_title"] for row in rows)
    assert all(date.fromisoformat(row["as_of"]) and row["as_of_basis"] for row in rows)
    verdicts = Counter(row["verdict"] for row in rows if row["verdict"])
    assert verdicts["bad"] / sum(verdicts.values()) >= 0.4
    assert len({row["source_url"] for row in rows}) >= 80
    dev = {row["source_url"] for row in statements("development")}
    held = {row["source_url"] for row in statements("held-out")}
    assert dev and held and not dev & held, "a source is in both parts"
    assert all(row["part"] == part for part in PARTS for row in statements(part))


# Gated labels still short of the target on a part, marked strict xfail so the mark must go the
# moment they reach it. Empty: the held-out part's measurable reached 90.2% (46/51) in round 4,
# from rules found on fresh development batches 11-15 (each measured before its rules); the
# held-out part was never read for them.
BELOW_TARGET: set[tuple[str, str]] = set()


STRICT_FLOOR = 0.88  # the agreement with a strict reading that issue 15 started from


@pytest.mark.parametrize("part", list(PARTS))
def test_agreement_with_a_strict_reading_is_reported_and_holds(part: str) -> None:
    tally = agreement(part)["strict"]
    assert tally.total > agreement(part)["verdict"].total  # it judges more statements than the verdicts
    assert f"  strict      {tally}" in report()
    assert tally.share >= STRICT_FLOOR, f"{part} strict: {tally}\n" + "\n".join(tally.misses)


@pytest.mark.parametrize(
    "part",
    list(PARTS),
)
@pytest.mark.parametrize("label", GATED)
def test_the_checker_agrees_with_the_sources(part: str, label: str, request: pytest.FixtureRequest) -> None:
    if (part, label) in BELOW_TARGET:
        request.applymarker(
            pytest.mark.xfail(
                strict=True, reason=f"issue 15 open: held-out {label} below 90%, see BELOW_TARGET"
            )
        )
    tally = agreement(part)[label]
    print(report())
    assert tally.total >= 30
    assert tally.share >= TARGET, f"{part} {label}: {tally}\n" + "\n".join(tally.misses)


if __name__ == "__main__":
    print(report())


def test_every_finding_on_the_corpus_has_a_reason_and_every_failure_a_hint() -> None:
    for part in PARTS:
        for row in statements(part):
            check = check_statement(row["text"], date.fromisoformat(row["as_of"]))
            for key, finding in [*check.smart.items(), *check.fast.items()]:
                assert finding.reason.strip(), (row["text"], key)
                if finding.status == "fail":
                    assert finding.hint.strip(), (row["text"], key, finding)
