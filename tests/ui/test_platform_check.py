"""A computer that cannot show the window gets a clear word, not Qt's abort (exit 134)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import platform_check
from ui.platform_check import Finding

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ["check-goal", "demo", "export", "verify"]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")


def _qt_paths() -> tuple[Path, Path]:
    from PySide6.QtCore import QLibraryInfo

    return (
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)),
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath)),
    )


def _launch(environ: dict[str, str], prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """``smarketing-workshop`` (no command: the window) as a user starts it, with ``environ``."""
    command = [*(prefix or []), sys.executable, "-m", "ui.launch", os.devnull + ".smw"]
    return subprocess.run(
        command, env=environ, capture_output=True, text=True, timeout=60, check=False, cwd=ROOT
    )


def _desktop_environ(**extra: str) -> dict[str, str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    return {**environ, "PYTHONPATH": str(ROOT), **extra}


@linux_only
def test_a_hidden_libxcb_cursor_names_the_library_and_the_command_that_installs_it(tmp_path: Path) -> None:
    library = Path("/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0").resolve()
    if not library.exists():
        library = Path(
            subprocess.run(
                ["sh", "-c", "ldconfig -p | sed -n 's/.*libxcb-cursor.so.0.*=> //p' | head -1"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        ).resolve()
    empty = tmp_path / "empty.so"
    empty.write_bytes(b"")
    # A private mount namespace: the library is an empty file for this process tree only.
    prefix = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"'
    result = _launch(
        _desktop_environ(DISPLAY=":0"), [*prefix, "sh", "-c", script, "sh", str(empty), str(library)]
    )

    assert result.returncode == 1, result.stderr
    assert "libxcb-cursor.so.0" in result.stderr
    assert "sudo apt install libxcb-cursor0" in result.stderr
    assert "sudo dnf install xcb-util-cursor" in result.stderr
    assert "smarketing-workshop check-goal, demo, export" in result.stderr
    assert "Could not load the Qt platform plugin" not in result.stderr  # Qt never got to abort


@linux_only
def test_no_display_at_all_says_so_and_exits_1() -> None:
    result = _launch(_desktop_environ())

    assert result.returncode == 1, result.stderr
    assert "There is no display" in result.stderr
    assert "xvfb-run smarketing-workshop" in result.stderr
    assert "verify" in result.stderr


@linux_only
def test_the_xcb_plugin_needs_are_read_from_its_elf_header_through_qt_libraries() -> None:
    plugins, libraries = _qt_paths()
    needed = platform_check.system_libraries(plugins / "platforms" / "libqxcb.so", libraries)

    assert {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4"} <= set(needed)
    assert not any(name.startswith("libQt6") for name in needed)  # Qt's own are followed, not listed


@linux_only
def test_every_missing_library_is_listed_with_one_install_command_per_family() -> None:
    plugins, libraries = _qt_paths()
    gone = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libmystery.so.3"}
    real = platform_check.system_libraries(plugins / "platforms" / "libqxcb.so", libraries)
    finding = platform_check.examine(
        "xcb",
        plugins,
        libraries,
        {"DISPLAY": "remote:0"},
        load=lambda name: "not installed" if name in gone else None,
    )
    assert finding is not None
    assert {name for name, _why in finding.missing} == gone & set(real)

    text = platform_check.message(
        Finding(
            "xcb", (("libxcb-cursor.so.0", "x"), ("libxkbcommon-x11.so.0", "x"), ("libmystery.so.3", "x"))
        ),
        COMMANDS,
    )
    assert "  Debian, Ubuntu:  sudo apt install libxcb-cursor0 libxkbcommon-x11-0\n" in text
    assert "  Fedora:          sudo dnf install libxkbcommon-x11 xcb-util-cursor\n" in text
    assert "Install the package that provides libmystery.so.3 as well." in text


def test_the_platforms_qt_tries_follow_its_own_rules() -> None:
    assert platform_check.platform_candidates({}) == ["xcb"]
    assert platform_check.platform_candidates({"QT_QPA_PLATFORM": "offscreen"}) == ["offscreen"]
    assert platform_check.platform_candidates({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]
    assert platform_check.platform_candidates(
        {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    ) == ["wayland", "xcb"]


@linux_only
def test_a_working_platform_passes_without_a_child_process() -> None:
    def no_child() -> bool:
        raise AssertionError("a child process was started although nothing was wrong")

    assert platform_check.problem({"QT_QPA_PLATFORM": "offscreen"}, COMMANDS, confirm=no_child) is None


@linux_only
def test_a_false_alarm_that_the_child_disproves_opens_the_window() -> None:
    assert platform_check.problem({"QT_QPA_PLATFORM": "xcb"}, COMMANDS, confirm=lambda: False) is None
    assert "There is no display" in (
        platform_check.problem({"QT_QPA_PLATFORM": "xcb"}, COMMANDS, confirm=lambda: True) or ""
    )


@linux_only
def test_the_child_confirms_a_platform_that_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not platform_check.confirmed_by_child()
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert platform_check.confirmed_by_child()


def test_the_check_loads_the_libraries_without_the_ctypes_package() -> None:
    """It runs before every window: the loader's own call, not ctypes' ~2 ms of type building."""
    code = (
        "import sys, ui.platform_check as c; c.examine('xcb', *(lambda q: (q.plugins, q.libraries))"
        "(c._qt_platform({})), {'DISPLAY': ':0'}); print('ctypes' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
