"""Fonts shipped with the app, made available to Qt's font fallback."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from workshop.resources import resource_path

FALLBACK_FONTS = ("DroidSansFallbackFull.ttf", "NanumGothic.ttf", "Symbola.ttf")  # CJK; Korean; emoji


def register_bundled_fonts() -> list[str]:
    """Add the bundled fonts to the application; returns the families added.

    A missing or unreadable font file is skipped: text in that script then shows
    with whatever the system has.
    """
    families: list[str] = []
    for name in FALLBACK_FONTS:
        path = resource_path("fonts", name)
        if not path.exists():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:  # the app's own font falls back to them, in this order, for what it lacks
        QFont.insertSubstitutions(QGuiApplication.font().family(), families)
    return families


def fallback_chain() -> list[str]:
    """The families text is drawn with: the app's font, then what it substitutes for it."""
    family = QGuiApplication.font().family()
    return [family, *QFont.substitutes(family)]
