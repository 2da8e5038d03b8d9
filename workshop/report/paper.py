"""Paper size: US Letter where the locale uses it, A4 elsewhere, or as chosen."""

from __future__ import annotations

import os

A4 = "a4"
LETTER = "letter"
PAPERS = (A4, LETTER)
# Countries whose offices print on US Letter.
_LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "DO", "PA", "SV", "NI"}


def default_paper(locale_name: str | None = None) -> str:
    """``letter`` for a US-Letter country's locale (e.g. ``en_US.UTF-8``), else ``a4``."""
    if locale_name is None:
        # The environment first: Python reports the "C" locale as en_US, which is not a choice.
        from_env = next((os.environ[k] for k in ("LC_ALL", "LC_PAPER", "LANG") if os.environ.get(k)), "")
        if not from_env:
            import locale

            from_env = locale.getlocale()[0] or ""
        locale_name = from_env
    if locale_name.split(".")[0] in ("C", "POSIX"):
        return A4
    country = locale_name.split(".")[0].replace("-", "_").split("_")[-1].upper()
    return LETTER if country in _LETTER_COUNTRIES else A4


def page_size(paper: str) -> tuple[float, float]:
    """Width and height in points."""
    from reportlab.lib.pagesizes import A4 as A4_SIZE
    from reportlab.lib.pagesizes import LETTER as LETTER_SIZE

    width, height = LETTER_SIZE if paper == LETTER else A4_SIZE
    return float(width), float(height)
