"""Only to stamp the wheel with its build date and commit (``workshop/build-info.json``).

Everything else about the package is in ``pyproject.toml``.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithBuildInfo(build_py):
    """The usual build of the Python files, then ``build-info.json`` beside ``workshop/build.py``."""

    def run(self) -> None:
        super().run()
        sys.path.insert(0, str(ROOT))
        from workshop.build import write_build_info  # noqa: PLC0415 - from this checkout

        write_build_info(Path(self.build_lib) / "workshop", ROOT)


setup(cmdclass={"build_py": BuildPyWithBuildInfo})
