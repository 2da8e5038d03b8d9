"""Files shipped in ``resources/``, found the same way from a checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from importlib import resources as importlib_resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("icons", "app.svg")``."""
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle unpacks data here
    if bundle:
        return Path(bundle, "resources", *parts)
    return Path(str(importlib_resources.files("resources").joinpath(*parts)))
