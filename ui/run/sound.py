"""A short chime for the timer's cues: offline, no extra library, silent where there is no sound.

The chime is synthesised once into a small WAV file in the app's data folder and
played with what the system has: ``winsound`` on Windows, ``afplay`` on macOS,
``paplay``, ``pw-play`` or ``aplay`` on Linux. Any failure is ignored: a cue is
also shown on screen, so a missing sound device loses nothing.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess
    from collections.abc import Callable

RATE = 22_050
PLAYERS = ("paplay", "pw-play", "aplay")


def write_chime(path: Path) -> Path:
    """Two soft bell tones (E5 then A5) with a gentle decay, 0.7 s, 16-bit mono."""
    import math  # noqa: PLC0415 - only when the chime is first needed
    import struct  # noqa: PLC0415
    import wave  # noqa: PLC0415

    frames = bytearray()
    length = int(RATE * 0.7)
    for n in range(length):
        t = n / RATE
        value = 0.0
        for start, freq in ((0.0, 659.25), (0.18, 880.0)):
            if t >= start:
                local = t - start
                value += 0.35 * math.sin(2 * math.pi * freq * local) * math.exp(-local * 6)
        frames += struct.pack("<h", int(max(-1.0, min(1.0, value)) * 32767))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


class Chime:
    """Plays the cue sound unless muted; never raises."""

    def __init__(self, folder: Path | Callable[[], Path], muted: bool = False) -> None:
        self._folder = folder  # or how to find it, when the first cue sounds
        self.muted = muted
        self.last_error: str | None = None
        self._player: subprocess.Popen[bytes] | None = None

    @property
    def path(self) -> Path:
        """The cue's sound file (written on first use)."""
        folder = self._folder if isinstance(self._folder, Path) else self._folder()
        return folder / "chime.wav"

    def play(self) -> bool:
        """Start playing without waiting; True when a player was started."""
        if self.muted:
            return False
        import subprocess  # noqa: PLC0415 - only when a cue sounds
        import wave  # noqa: PLC0415

        try:
            if not self.path.exists():
                write_chime(self.path)
            if sys.platform == "win32":
                import winsound  # noqa: PLC0415 - Windows only

                winsound.PlaySound(str(self.path), winsound.SND_FILENAME | winsound.SND_ASYNC)
                return True
            players = ("afplay",) if sys.platform == "darwin" else PLAYERS
            for name in players:
                program = shutil.which(name)
                if program:
                    with contextlib.suppress(OSError):
                        self._player = subprocess.Popen(
                            [program, str(self.path)],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL,
                        )
                        return True
            self.last_error = "no sound player found"
        except (OSError, RuntimeError, wave.Error) as error:
            self.last_error = str(error)
        return False
