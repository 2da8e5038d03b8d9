"""Names in Chinese and Japanese show even on a machine without a CJK font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from pytestqt.qtbot import QtBot

from ui.fonts import register_bundled_fonts


def test_the_bundled_cjk_font_covers_chinese_and_japanese(qtbot: QtBot) -> None:
    families = register_bundled_fonts()
    assert families
    systems = QFontDatabase.writingSystems(families[0])
    assert QFontDatabase.WritingSystem.SimplifiedChinese in systems
    assert QFontDatabase.WritingSystem.Japanese in systems
    raw = QRawFont.fromFont(QFont(families[0]))
    assert raw.familyName() == families[0]
    assert 0 not in raw.glyphIndexesForString("山田太郎王小明")  # glyph 0 is the "missing" box
