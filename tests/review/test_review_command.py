"""``smarketing-workshop review``: the scorecard printed, as text and as JSON, and clear refusals."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from workshop.cli import main


def _export(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Lead Id", "Create Date", "Lifecycle Stage"])
        for i in range(40):
            month = 10 if i < 25 else 11
            writer.writerow([i, f"02/{month}/2026", "MQL" if i % 2 == 0 else "Lead"])  # day first
    return path


def test_review_prints_the_verdict_per_month(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crm = _export(tmp_path / "crm.csv")
    assert main(["review", str(demo_file), "--crm", str(crm), "--period", "2026-10-01..2026-12-31"]) == 0
    out = capsys.readouterr().out
    assert "2026-10: missed" in out
    assert "2026-12: no data" in out
    assert "crm_mql = Lifecycle Stage" in out


def test_review_json_counts_the_crm_flag(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crm = _export(tmp_path / "crm.csv")
    argv = ["review", str(demo_file), "--crm", str(crm), "--json", "--period", "2026-10-01..2026-11-30"]
    assert main(argv) == 0
    card = json.loads(capsys.readouterr().out)
    months = card["clauses"][0]["months"]
    assert [(m["month"], m["rows"], m["by_crm"]) for m in months] == [("2026-10", 25, 13), ("2026-11", 15, 7)]
    assert len(card["sla_sha256"]) == 64


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--period", "2026-13-01..2026-12-31"], "is not a period"),
        (["--map", "Nope=crm_mql"], "has no column “Nope”"),
        (["--map", "nonsense"], "should read COLUMN=FIELD"),
    ],
)
def test_review_refuses_bad_input_in_words(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    crm = _export(tmp_path / "crm.csv")
    assert main(["review", str(demo_file), "--crm", str(crm), *extra]) == 1
    assert message in capsys.readouterr().err
