"""The timer's chime: a real WAV made offline, silent when muted or when nothing can play it."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from ui.run.sound import Chime, write_chime


def test_the_chime_is_a_short_audible_wav(tmp_path: Path) -> None:
    path = write_chime(tmp_path / "chime.wav")
    with wave.open(str(path)) as chime:
        seconds = chime.getnframes() / chime.getframerate()
        frames = chime.readframes(chime.getnframes())
    assert 0.3 < seconds < 1.5
    assert (
        max(abs(int.from_bytes(frames[i : i + 2], "little", signed=True)) for i in range(0, 4000, 2)) > 3000
    )


def test_muted_plays_nothing(tmp_path: Path) -> None:
    assert not Chime(tmp_path, muted=True).play()
    assert not (tmp_path / "chime.wav").exists()


def test_no_sound_player_fails_silently(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.run.sound.shutil.which", lambda name: None)
    monkeypatch.setattr("ui.run.sound.sys.platform", "linux")
    chime = Chime(tmp_path)
    assert not chime.play()
    assert chime.last_error == "no sound player found"
