"""Before the window starts: can Qt load a platform plugin here? If not, say what to install.

On Linux, Qt's ``xcb`` plugin needs a dozen xcb and xkb libraries that a bare system may lack;
without one, or with no display at all, ``QGuiApplication()`` prints "Could not load the Qt
platform plugin" and aborts the process (SIGABRT), and no Python code can say anything more.
So :func:`problem` looks first, in process and cheaply: it reads which shared libraries the
platform plugin (and the Qt libraries it links) need from their ELF headers, and asks the
dynamic loader for each system one. Only when that finds something wrong does it start a
child process that creates a ``QGuiApplication`` to confirm it: a false alarm never keeps the
window from opening. Elsewhere (Windows, macOS) Qt's plugins need nothing from the system.
"""

from __future__ import annotations

import mmap
import os
import re
import struct
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

PROG = "smarketing-workshop"
PROBE_VARIABLE = "SMARKETING_WORKSHOP_PLATFORM_PROBE"
"""Set in the child that confirms a failure: the program then only creates a QGuiApplication."""

# The packages that provide each library Qt's Linux platform plugins load, on Debian/Ubuntu
# and on Fedora. A library not listed here is named, without a package.
PACKAGES: Mapping[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-ewmh.so.2": ("libxcb-ewmh2", "xcb-util-wm"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libzstd.so.1": ("libzstd1", "libzstd"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}


class Finding(NamedTuple):
    """What keeps Qt from starting a window, found without starting it.

    (Named tuples, not dataclasses: this module runs before the window shows, and the
    dataclasses module is not otherwise needed then.)
    """

    platform: str
    missing: tuple[tuple[str, str], ...] = ()  # (library, why) pairs
    no_display: bool = False
    other: str = ""  # a plugin that is not there at all, or any other reason


class _Platform(NamedTuple):
    """Where Qt looks for its plugins and libraries, and which platforms it will try."""

    plugins: Path
    libraries: Path
    candidates: list[str]


# --- the ELF headers: which shared libraries a file needs --------------------------------------

_DT_NEEDED = 1
_SHT_DYNAMIC = 6


def needed_libraries(path: Path) -> list[str]:
    """The sonames an ELF shared object or program names as NEEDED, in order."""
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return _needed(data, path)


def _needed(data: mmap.mmap, path: Path) -> list[str]:
    if data[:4] != b"\x7fELF" or len(data) < 64:
        raise ValueError(f"{path} is not an ELF file")
    wide, endian = data[4] == 2, "<" if data[5] == 1 else ">"
    if wide:
        shoff, shentsize, shnum = (
            struct.unpack_from(endian + "Q", data, 0x28)[0],
            *struct.unpack_from(endian + "HH", data, 0x3A),
        )
        section = struct.Struct(endian + "IIQQQQIIQQ")
        entry = struct.Struct(endian + "qQ")
    else:
        shoff, shentsize, shnum = (
            struct.unpack_from(endian + "I", data, 0x20)[0],
            *struct.unpack_from(endian + "HH", data, 0x2E),
        )
        section = struct.Struct(endian + "IIIIIIIIII")
        entry = struct.Struct(endian + "iI")
    sections = [section.unpack_from(data, shoff + i * shentsize) for i in range(shnum)]
    names: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, *_rest in sections:
        if kind != _SHT_DYNAMIC:
            continue
        strings_offset = sections[link][4]
        for position in range(offset, offset + size, entry.size):
            tag, value = entry.unpack_from(data, position)
            if tag == 0:
                break
            if tag == _DT_NEEDED:
                start = strings_offset + value
                names.append(data[start : data.find(b"\0", start)].decode())
    return names


def system_libraries(plugin: Path, qt_libraries: Path) -> list[str]:
    """The libraries from the system that ``plugin`` needs, through Qt's own libraries too."""
    seen: set[str] = set()
    found: list[str] = []
    pending = [plugin]
    while pending:
        for name in needed_libraries(pending.pop()):
            if name in seen:
                continue
            seen.add(name)
            own = qt_libraries / name
            if own.exists():  # Qt's own libraries, and the ICU it ships
                pending.append(own)
            else:
                found.append(name)
    return found


def _load(name: str) -> str | None:
    """None when the dynamic loader can load ``name``, else why not, in its words."""
    try:
        # ctypes' own C module: what ctypes.CDLL calls, without building the ctypes package's
        # types (about 2 ms before the window shows). The library stays loaded for Qt to reuse.
        from _ctypes import dlopen  # noqa: PLC0415

        dlopen(name, os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as error:
        while isinstance(error.__context__, OSError):  # a bundle's loader wraps the system's error
            error = error.__context__
        text = str(error)
        if "cannot open shared object file" in text:
            return "not installed"
        return f"cannot be loaded: {text}"
    return None


# --- where Qt is, and what it will try -----------------------------------------------------------


def _qt_platform(environ: Mapping[str, str]) -> _Platform:
    from PySide6.QtCore import QLibraryInfo  # noqa: PLC0415 - only the window path reaches here

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    libraries = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    return _Platform(plugins, libraries, platform_candidates(environ))


def platform_candidates(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt tries, in order: QT_QPA_PLATFORM's list, else its own choice."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [name.split(":", 1)[0].strip() for name in chosen.split(";") if name.strip()]
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


_DISPLAYS = {"xcb": ("DISPLAY",), "wayland": ("WAYLAND_DISPLAY",)}


def examine(
    platform: str,
    plugins: Path,
    qt_libraries: Path,
    environ: Mapping[str, str],
    load: Callable[[str], str | None] = _load,
) -> Finding | None:
    """What keeps ``platform`` from starting here, or None when nothing does."""
    plugin = plugins / "platforms" / f"libq{platform}.so"
    if not plugin.exists():
        return Finding(platform, other=f'Qt has no "{platform}" platform plugin (no {plugin})')
    try:
        libraries = system_libraries(plugin, qt_libraries)
    except (OSError, ValueError, IndexError, struct.error):
        return None  # unreadable headers: let Qt itself decide
    missing = tuple((name, why) for name in libraries if (why := load(name)) is not None)
    variables = _DISPLAYS.get(platform, ())
    no_display = bool(variables) and not any(environ.get(name) for name in variables)
    unreachable = _unreachable_display(environ) if platform == "xcb" and not no_display else ""
    if missing or no_display or unreachable:
        return Finding(platform, missing, no_display, unreachable)
    return None


_LOCAL_DISPLAY = re.compile(r"^(?:unix)?:(\d+)(?:\.\d+)?$")


def _unreachable_display(environ: Mapping[str, str]) -> str:
    """Why DISPLAY names no X server on this machine (only checked for a local one), or ''."""
    display = environ.get("DISPLAY", "")
    local = _LOCAL_DISPLAY.match(display)
    if local is None or Path(f"/tmp/.X11-unix/X{local.group(1)}").exists():
        return ""  # a remote display, or a socket that is there: Qt will find out
    return f"No X server answers on the display DISPLAY={display}"


# --- the message -------------------------------------------------------------------------------


def install_commands(libraries: Iterable[str]) -> list[str]:
    """The one command per system family that installs ``libraries`` (those we know)."""
    libraries = list(libraries)
    debian = sorted({PACKAGES[name][0] for name in libraries if name in PACKAGES})
    fedora = sorted({PACKAGES[name][1] for name in libraries if name in PACKAGES})
    if not debian:
        return []
    return [
        f"  Debian, Ubuntu:  sudo apt install {' '.join(debian)}",
        f"  Fedora:          sudo dnf install {' '.join(fedora)}",
    ]


def message(finding: Finding, commands: Sequence[str]) -> str:
    """What the facilitator reads on the terminal instead of Qt's abort."""
    lines = [f"{PROG}: cannot open its window."]
    if finding.missing:
        lines.append(
            f'Qt\'s "{finding.platform}" platform plugin needs system libraries this computer lacks:'
        )
        lines += [f"  {name}  ({why})" for name, why in finding.missing]
        unknown = [name for name, _why in finding.missing if name not in PACKAGES]
        install = install_commands(name for name, _why in finding.missing)
        if install:
            lines.append("Install them with the command for your system, then start it again:")
            lines += install
        if unknown:
            lines.append(f"Install the package that provides {', '.join(unknown)} as well.")
    if finding.no_display:
        lines.append(
            "There is no display: DISPLAY (and WAYLAND_DISPLAY) is not set. Start it from a "
            f"desktop session, or on a virtual display: xvfb-run {PROG}"
        )
    if finding.other:
        lines.append(finding.other + ".")
    if commands:
        lines.append(
            f"The commands that need no window still work: {PROG} {', '.join(commands)} "
            f"(see '{PROG} --help')."
        )
    return "\n".join(lines)


# --- confirming in a child process ---------------------------------------------------------------


def probe() -> int:
    """The child's work: start Qt's platform plugin, then quit (Qt aborts when it cannot)."""
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - the child exists to import it

    app = QGuiApplication([PROG])
    del app
    return 0


def _probe_command() -> tuple[list[str], dict[str, str]]:
    environ = {**os.environ, PROBE_VARIABLE: "1"}
    if getattr(sys, "frozen", False):
        return [sys.executable], environ  # the bundle's launcher sees the variable and probes
    environ["PYTHONPATH"] = os.pathsep.join(entry for entry in sys.path if entry)
    return [sys.executable, "-c", "import sys, ui.platform_check as c; sys.exit(c.probe())"], environ


def confirmed_by_child(timeout: float = 30.0) -> bool:
    """True when a child process that starts Qt's platform plugin fails too."""
    import subprocess  # noqa: PLC0415 - only when something looks wrong

    command, environ = _probe_command()
    try:
        result = subprocess.run(command, env=environ, capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return True
    return result.returncode != 0


def problem(
    environ: Mapping[str, str] | None = None,
    commands: Sequence[str] = (),
    confirm: Callable[[], bool] = confirmed_by_child,
) -> str | None:
    """What to tell the user instead of starting the window, or None when Qt can start it."""
    if not sys.platform.startswith("linux"):
        return None
    environ = os.environ if environ is None else environ
    qt = _qt_platform(environ)
    findings = []
    for platform in qt.candidates:
        finding = examine(platform, qt.plugins, qt.libraries, environ)
        if finding is None:
            return None
        findings.append(finding)
    if not findings or not confirm():
        return None
    # Qt tried them in order; the one the user most likely meant is the first with a plugin.
    shown = next((f for f in findings if not f.other), findings[0])
    return message(shown, commands)
