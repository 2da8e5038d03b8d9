"""Files shipped in ``resources/``, found the same way from a checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import resources


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("icons", "app.svg")``."""
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle unpacks data here
    if bundle:
        return Path(bundle, "resources", *parts)
    return Path(resources.__file__).parent.joinpath(*parts)
