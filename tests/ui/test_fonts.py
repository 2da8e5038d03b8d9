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


TEST_NAMES = (
    "Zoë Łódź",
    "Γιώργος Παπαδόπουλος",
    "Олена Коваленко",
    "山田 太郎",
    "김민준",
    "محمد الأحمد",
    "پویا رضایی",
    "Ana 🚀 Silva",
)


def test_every_letter_of_the_test_names_has_a_glyph_in_the_ui_fallback_chain(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFontMetrics

    from ui.fonts import fallback_chain

    register_bundled_fonts()
    chain = [QFontMetrics(QFont(family)) for family in fallback_chain()]
    assert len(chain) >= 4
    missing = [
        ch
        for name in TEST_NAMES
        for ch in name
        if not ch.isspace() and not any(metrics.inFontUcs4(ord(ch)) for metrics in chain)
    ]
    assert missing == []
