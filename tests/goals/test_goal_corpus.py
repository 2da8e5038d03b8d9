"""The checker against real goal statements from public SMART-goal guides, with the guides' verdicts.

``tests/goals/data/goal_corpus.json`` holds each statement with its source (URL and
title) and what the guide's authors said: good or bad overall, and whether it
is measurable and time-bound (null where the guide does not say). The checker
must agree with them on at least 90% of each.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from workshop.goals.checker import check_statement

CORPUS = Path(__file__).parent / "data" / "goal_corpus.json"
TODAY = date(2027, 6, 1)
TARGET = 0.90


def statements() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(CORPUS.read_text(encoding="utf-8"))["statements"]
    return rows


def agreement(label: str) -> tuple[int, int, list[str]]:
    agreed, total, misses = 0, 0, []
    for row in statements():
        want = row[label]
        if want is None:
            continue
        today = date.fromisoformat(row["today"]) if row.get("today") else TODAY
        check = check_statement(row["text"], today)
        got = (
            ("good" if check.is_smart else "bad")
            if label == "verdict"
            else check.smart["measurable" if label == "measurable" else "time_bound"].status == "pass"
        )
        total += 1
        if got == want:
            agreed += 1
        else:
            misses.append(f"#{row['id']} {row['text']!r}: guide {want}, checker {got}")
    return agreed, total, misses


def test_the_corpus_is_big_cited_balanced_and_sales_and_marketing_first() -> None:
    rows = statements()
    assert len(rows) >= 60
    assert all(row["source_url"].startswith("http") and row["source_title"] for row in rows)
    verdicts = Counter(row["verdict"] for row in rows if row["verdict"])
    assert min(verdicts["good"], verdicts["bad"]) / sum(verdicts.values()) >= 0.4
    domains = Counter(row["domain"] for row in rows)
    assert (domains["sales"] + domains["marketing"]) / len(rows) >= 0.9
    hard = {row.get("hard_case", "") for row in rows}
    for case in ("number with no deadline", "deadline with no metric", "relative span", "number in words"):
        assert any(case in h for h in hard), case
    assert len({row["source_url"] for row in rows}) >= 20


@pytest.mark.parametrize("label", ["verdict", "measurable", "time_bound"])
def test_the_checker_agrees_with_the_guides(label: str) -> None:
    agreed, total, misses = agreement(label)
    assert total >= 60
    assert agreed / total >= TARGET, "\n".join(misses)
