"""The README's first screen gives exactly two commands, and CI runs the test one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def first_screen_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = text.split("\n---\n")[0]
    return re.findall(r"```sh\n(.*?)\n```", first_screen, re.DOTALL)


def test_first_screen_has_exactly_two_commands() -> None:
    commands = first_screen_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert commands[0].endswith("smarketing-workshop")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert first_screen_commands()[1] in ci.splitlines()
