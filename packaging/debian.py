"""The text files of the .deb that packaging/build-linux.sh makes.

    python packaging/debian.py control ROOT ARCH GLIBC INSTALLED_KB   (reads the bundle's needs)
    python packaging/debian.py copyright ROOT
    python packaging/debian.py manpage ROOT

``control``'s Depends lists the system packages that provide each shared library the bundle's
programs and libraries need but do not carry (found as dpkg-shlibdeps would: NEEDED entries,
``ldconfig -p`` for the file, ``dpkg -S`` for its package), so apt installs Qt's xcb libraries
along with the app.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ui.platform_check import needed_libraries  # noqa: E402 - reads ELF headers, imports no Qt
from workshop import APP_NAME, __version__  # noqa: E402

PACKAGE = "smarketing-workshop"
MAINTAINER = "Smarketing Workshop maintainers <maintainers@smarketing-workshop.invalid>"
SUMMARY = "lead a sales and marketing alignment workshop"
DESCRIPTION = """\
 The facilitator's app for a joint planning workshop between Sales and
 Marketing: a timed agenda with equal speaking time for both teams and a
 projector view, goals checked against SMART and FAST, a reverse-funnel quota,
 an MQL definition tested on real lead history, and a service level agreement
 PDF signed by both team leads. Every edit is saved to the file as it is made."""


def _elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _system_paths() -> dict[str, str]:
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for line in listing.splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and "64" in match.group(2):  # this machine's 64-bit libraries, not the 32-bit ones
            paths.setdefault(match.group(1), match.group(3))
    return paths


def system_packages(bundle: Path) -> list[str]:
    """The Debian packages of the libraries the bundle needs and does not carry."""
    files = _elf_files(bundle)
    carried = {path.name for path in bundle.rglob("*.so*")}
    needed = set()
    for path in files:
        try:
            needed.update(needed_libraries(path))
        except (ValueError, IndexError, OSError):
            continue
    paths = _system_paths()
    packages = set()
    for name in sorted(needed - carried):
        path = paths.get(name)
        if path is None:
            raise SystemExit(f"the bundle needs {name}, which this build machine lacks")
        owner = subprocess.run(
            ["dpkg", "-S", os.path.realpath(path)], capture_output=True, text=True, check=False
        )
        if owner.returncode != 0:
            owner = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False)
        if owner.returncode == 0:
            packages.add(owner.stdout.split(":", 1)[0].strip())
    return sorted(packages)


def control(root: Path, arch: str, glibc: str, installed_kb: str) -> str:
    bundle = Path(
        os.environ.get("SMW_DEB_BUNDLE") or root / "build" / "linux" / "deb" / "usr" / "lib" / PACKAGE
    )
    depends = [f"libc6 (>= {glibc})" if p == "libc6" else p for p in system_packages(bundle)]
    if not any(d.startswith("libc6") for d in depends):
        depends.insert(0, f"libc6 (>= {glibc})")
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {__version__}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(depends)}\n"
        "Recommends: fonts-dejavu-core\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {APP_NAME}: {SUMMARY}\n{DESCRIPTION}\n"
    )


def copyright_file(root: Path) -> str:
    mit = (root / "LICENSE").read_text(encoding="utf-8").split("\n\n", 2)[2]
    body = "\n".join(f" {line}" if line else " ." for line in mit.strip().splitlines())
    year = datetime.now(UTC).year
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {PACKAGE}\n"
        "Comment: The program in /usr/lib/smarketing-workshop carries Python, Qt (LGPL-3.0-only),\n"
        " PySide6 and other libraries, each under its own licence: see THIRD-PARTY-NOTICES.txt\n"
        " and the CycloneDX SBOM sbom.cdx.json in this folder.\n"
        "\n"
        "Files: *\n"
        f"Copyright: {year} The Smarketing Workshop authors\n"
        "License: Expat\n"
        f"{body}\n"
    )


def changelog() -> str:
    """The Debian changelog of this package: one entry, pointing to the project's CHANGELOG."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return (
        f"{PACKAGE} ({__version__}) unstable; urgency=medium\n\n"
        f"  * Release {__version__}: see CHANGELOG.md.gz in this folder.\n\n"
        f" -- {MAINTAINER}  {when.strftime('%a, %d %b %Y %H:%M:%S +0000')}\n"
    )


def manpage(root: Path) -> str:
    del root
    return f""".TH SMARKETING-WORKSHOP 1 "" "{__version__}" "User Commands"
.SH NAME
smarketing-workshop \\- {SUMMARY}
.SH SYNOPSIS
.B smarketing-workshop
[\\fIFILE.smw\\fR]
.br
.B smarketing-workshop
\\fICOMMAND\\fR [\\fIOPTIONS\\fR]
.SH DESCRIPTION
With no command, opens the window on FILE (or the last workshop, or the demo).
The commands work without a display:
.B demo, export, verify, check-goal, funnel, score-leads.
Run
.B smarketing-workshop COMMAND --help
for each one's options, and
.B smarketing-workshop --version
for the version, build date and commit.
.SH EXIT STATUS
0 on success, 1 when the work could not be done (or the window cannot start: the
message names the missing system libraries), 2 for a wrong command line.
"""


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "control":
        print(control(Path(rest[0]), rest[1], rest[2], rest[3]), end="")
    elif command == "copyright":
        print(copyright_file(Path(rest[0])), end="")
    elif command == "changelog":
        print(changelog(), end="")
    elif command == "manpage":
        print(manpage(Path(rest[0])), end="")
    else:
        raise SystemExit(__doc__)
