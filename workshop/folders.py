"""The user's data folder for the app: the demo workshop and the signing authority live there."""

from __future__ import annotations

import os
from pathlib import Path

from workshop import APP_NAME

DATA_FOLDER_VARIABLE = "SMARKETING_WORKSHOP_DATA"  # overrides the folder (tests, kiosks, portable use)


def user_data_folder() -> Path:
    """``$SMARKETING_WORKSHOP_DATA`` when set, else the platform's per-user data folder."""
    override = os.environ.get(DATA_FOLDER_VARIABLE)
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - only when the real folder is needed

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
