"""The house's layout: each stage of the method has one package on each side, named as the user names it."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import ui
import workshop
from ui.workshop_view import STAGES, Stage

DOMAIN = Path(workshop.__file__).parent
INTERFACE = Path(ui.__file__).parent


def _modules(package: Path) -> list[str]:
    return sorted(p.stem for p in package.glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("stage", STAGES, ids=[s.key for s in STAGES])
def test_every_stage_has_its_package_in_the_domain_and_in_the_interface(stage: Stage) -> None:
    key = stage.key
    for side in (DOMAIN, INTERFACE):
        package = side / key
        assert (package / "__init__.py").is_file(), f"stage {key!r} has no package {package}"
        assert _modules(package), f"{package} holds no module"
        name = f"{side.name}.{key}"
        assert importlib.import_module(name).__doc__, f"{name} says nothing of itself"


@pytest.mark.parametrize("stage", STAGES, ids=[s.key for s in STAGES])
def test_every_stage_page_lives_in_its_stage_package(stage: Stage) -> None:
    key, page = stage.key, stage.page
    module_name, class_name = page.split(":")
    assert module_name.startswith(f"ui.{key}."), f"the {key} page is outside ui/{key}/"
    assert hasattr(importlib.import_module(module_name), class_name)


# The core every stage builds on, and the command line. The run's event log is core: the
# model holds it and the store writes it.
CORE = {
    "build", "cli", "clock", "crash", "document", "edits", "events", "folders", "inputs", "licences",
    "locking", "model", "resources", "run_log",
}  # fmt: skip


def test_the_top_of_the_domain_keeps_only_the_core() -> None:
    top = set(_modules(DOMAIN))
    assert top <= CORE, f"put {sorted(top - CORE)} in a stage package"


def test_no_loose_page_modules_at_the_top_of_the_interface() -> None:
    assert not any(name.endswith("_page") and name != "welcome_page" for name in _modules(INTERFACE))
