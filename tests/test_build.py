"""One version, and the build date and commit it was made from."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from workshop import __version__
from workshop.build import BUILD_FILE, BuildInfo, build_info, write_build_info

ROOT = Path(__file__).resolve().parents[1]


def test_a_built_program_reads_its_stamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28
    written = write_build_info(tmp_path / "workshop", ROOT)
    stamp = json.loads((tmp_path / "workshop" / BUILD_FILE).read_text(encoding="utf-8"))
    assert stamp == {"version": __version__, "date": "2026-05-28", "commit": written.commit}
    read = build_info(tmp_path / "workshop")
    assert read == BuildInfo(__version__, "2026-05-28", written.commit)
    assert read.line() == f"Smarketing Workshop {__version__} (built 2026-05-28, commit {written.commit})"


def test_a_checkout_names_its_git_commit() -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")  # an unpacked sdist
    head = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h"], capture_output=True, text=True, check=True
    ).stdout.strip()
    info = build_info()
    assert info.checkout and info.commit == head
    assert info.line().startswith(f"Smarketing Workshop {__version__} (source checkout, commit {head}")


def test_a_damaged_stamp_is_not_believed(tmp_path: Path) -> None:
    (tmp_path / BUILD_FILE).write_text("{not json", encoding="utf-8")
    info = build_info(tmp_path)
    assert info.version == __version__ and info.commit == "unknown"


def test_the_changelog_has_the_current_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {__version__}" in changelog
