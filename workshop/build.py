"""Which build this is: the version (``workshop.__version__``, its one place), build date and commit.

A wheel or a bundle carries ``build-info.json`` beside this module, written when it was built
(``setup.py`` for the wheel, ``packaging/`` for the bundles, with :func:`write_build_info`). A
source checkout has no such file: its commit comes from git, and its date is the commit's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workshop import APP_NAME, __version__

BUILD_FILE = "build-info.json"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class BuildInfo:
    """The version, when it was built (ISO date) and from which commit; ``checkout`` if not built."""

    version: str
    date: str
    commit: str
    checkout: bool = False

    def line(self) -> str:
        """One line for ``--version`` and Help ▸ About."""
        if self.checkout:
            return f"{APP_NAME} {self.version} (source checkout, commit {self.commit} of {self.date})"
        return f"{APP_NAME} {self.version} (built {self.date}, commit {self.commit})"


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def commit_of(root: Path) -> tuple[str, str]:
    """The short commit hash of ``root``'s checkout and its date, or ``unknown`` for each."""
    found = _git(root, "log", "-1", "--format=%h %cs")
    if not found:
        commit = os.environ.get("GITHUB_SHA", "")[:7] or UNKNOWN
        return commit, UNKNOWN
    commit, date = found.split(" ", 1)
    return commit, date


def build_info(folder: Path | None = None) -> BuildInfo:
    """This program's build: from the file written at build time, else from the checkout's git."""
    folder = Path(__file__).parent if folder is None else folder
    try:
        data: dict[str, Any] = json.loads((folder / BUILD_FILE).read_text(encoding="utf-8"))
        return BuildInfo(str(data["version"]), str(data["date"]), str(data["commit"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    root = folder.parent
    if (root / ".git").exists():
        commit, date = commit_of(root)
        return BuildInfo(__version__, date, commit, checkout=True)
    return BuildInfo(__version__, UNKNOWN, UNKNOWN)


def write_build_info(target: Path, root: Path) -> BuildInfo:
    """Write ``target``/build-info.json for a build made now from the checkout at ``root``.

    The date honours ``SOURCE_DATE_EPOCH`` (reproducible builds), else it is today, in UTC.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    info = BuildInfo(__version__, when.date().isoformat(), commit_of(root)[0])
    fields = asdict(info)
    del fields["checkout"]
    target.mkdir(parents=True, exist_ok=True)
    (target / BUILD_FILE).write_text(json.dumps(fields, indent=2) + "\n", encoding="utf-8")
    return info


class VersionAction(argparse.Action):
    """``--version``: print the build's line and exit (found only when asked: git may run)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version, build date and commit")

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(build_info().line())
        parser.exit()
