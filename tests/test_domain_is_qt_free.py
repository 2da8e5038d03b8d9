"""The domain must work without Qt: import every module of ``workshop`` with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import workshop

SCRIPT = """
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError(f'{name} is blocked: the domain must not import Qt')
        return None
sys.meta_path.insert(0, Block())
import workshop
names = [m.name for m in pkgutil.walk_packages(workshop.__path__, 'workshop.')]
for name in names:
    importlib.import_module(name)
assert not any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules)
print(len(names))
"""


def test_every_domain_module_imports_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    modules = int(result.stdout.strip())
    expected = len(list(Path(workshop.__file__).parent.rglob("*.py"))) - 2  # minus the two __init__ files
    assert modules >= expected
