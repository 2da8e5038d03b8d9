"""What the app is made of, and under which licences: the third-party notices and the SBOM.

The Python packages come from the installed distributions' metadata (the app's own
requirements, followed to the bottom); the rest of what a bundle carries (Python itself, Qt,
OpenSSL, SQLite, the fonts, the demo's lead data) is described here. The packaging scripts
write both files into every bundle (``packaging/licences.py``); Help ▸ About shows the shipped
notices, or makes them from this installation when there are none (a checkout, a wheel).
"""

from __future__ import annotations

import json
import re
import sqlite3
import ssl
import sys
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from workshop import APP_NAME, __version__
from workshop.resources import resource_path

DISTRIBUTION = "smarketing-workshop"
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
SBOM_FILE = "sbom.cdx.json"

QT_SOURCE_OFFER = (
    "Qt and PySide6 are used under the GNU Lesser General Public License v3 (LGPL-3.0-only); "
    "its text (with the GNU GPL v3 it builds on) is in licences/LGPL-3.0.txt and "
    "licences/GPL-3.0.txt. The bundle links them dynamically, unmodified: you may replace the "
    "Qt and PySide6 libraries in the bundle's PySide6 folder with your own build of the same "
    "version. Their complete source code is available at "
    "https://download.qt.io/official_releases/QtForPython/pyside6/ (PySide6 and Shiboken) and "
    "https://download.qt.io/official_releases/qt/ (Qt); on request we provide the source of "
    "the exact version shipped, for at least three years from the release."
)


@dataclass(frozen=True)
class Component:
    """One thing the app ships: its name, version, licence (SPDX where it has one) and texts."""

    name: str
    version: str
    licence: str
    kind: str = "library"  # CycloneDX component type: library, framework, data, ...
    url: str = ""
    purl: str = ""
    note: str = ""
    texts: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # (file name, text)


_CLASSIFIER = re.compile(r"^License :: (?:OSI Approved :: )?(.+)$")
_LICENCE_FILE = re.compile(r"(?i)(^|/)(licen[cs]e|copying|notice|authors)[^/]*$")


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def _licence_of(meta: metadata.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    declared = _field(meta, "License")
    if declared and "\n" not in declared and len(declared) <= 80:
        return declared
    classified = [m.group(1) for c in meta.get_all("Classifier") or [] if (m := _CLASSIFIER.match(c))]
    return " AND ".join(classified) or "see the licence text"


def _texts_of(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    texts = []
    for file in dist.files or []:
        path = str(file)
        if ".dist-info/" in path and _LICENCE_FILE.search(path):
            try:
                texts.append((path.split(".dist-info/", 1)[1], file.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return tuple(sorted(texts))


def _home_of(meta: metadata.PackageMetadata) -> str:
    for entry in meta.get_all("Project-URL") or []:
        text = str(entry)
        label, _, url = text.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "source code", "repository"}:
            return url.strip()
    return _field(meta, "Home-page")


def _requirement_names(requirements: Iterable[str]) -> list[str]:
    """The distributions named by requirement strings that apply here (no extras, markers true)."""
    from packaging.requirements import Requirement  # noqa: PLC0415 - matplotlib's own dependency

    names = []
    for text in requirements:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        names.append(requirement.name)
    return names


def _own_requirements() -> list[str]:
    try:
        return list(metadata.requires(DISTRIBUTION) or [])
    except metadata.PackageNotFoundError:
        import tomllib  # noqa: PLC0415 - a checkout that is not installed

        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        return list(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"])


def python_components() -> list[Component]:
    """Every Python distribution the app needs to run, found from its requirements, by name."""
    found: dict[str, Component] = {}
    pending = _requirement_names(_own_requirements())
    while pending:
        name = pending.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        meta = dist.metadata
        found[key] = Component(
            name=str(meta["Name"]),
            version=dist.version,
            licence=_licence_of(meta),
            url=_home_of(meta),
            purl=f"pkg:pypi/{key}@{dist.version}",
            texts=_texts_of(dist),
        )
        pending += _requirement_names(dist.requires or [])
    return sorted(found.values(), key=lambda c: c.name.lower())


def _read(*parts: str) -> tuple[str, str]:
    path = resource_path(*parts)
    return "/".join(parts), path.read_text(encoding="utf-8")


def other_components() -> list[Component]:
    """What ships beside the Python packages: the interpreter, Qt, OpenSSL, SQLite, fonts, data."""
    qt_version = _version_of("PySide6-Essentials") or _version_of("PySide6")
    python = ".".join(str(part) for part in sys.version_info[:3])
    openssl = ssl.OPENSSL_VERSION.split()[1] if ssl.OPENSSL_VERSION.startswith("OpenSSL") else ""
    return [
        Component(
            "Python", python, "PSF-2.0", "framework", "https://www.python.org/",
            note="The interpreter and its standard library (bundles only).",
        ),
        Component(
            "Qt", qt_version, "LGPL-3.0-only", "framework", "https://www.qt.io/",
            note=QT_SOURCE_OFFER,
            texts=(_read("licences", "LGPL-3.0.txt"), _read("licences", "GPL-3.0.txt")),
        ),
        Component(
            "OpenSSL", openssl or ssl.OPENSSL_VERSION, "Apache-2.0", "library", "https://www.openssl.org/",
            note="Linked by Python's ssl and hashlib modules and by cryptography.",
        ),
        Component(
            "SQLite", sqlite3.sqlite_version, "blessing", "library", "https://www.sqlite.org/",
            note="Public domain: the workshop file format.",
        ),
        Component(
            "DejaVu Sans", "2.37", "Bitstream-Vera", "file", "https://dejavu-fonts.github.io/",
            note="resources/fonts/DejaVuSans*.ttf; DejaVu changes are in the public domain.",
            texts=(_read("fonts", "LICENSE-DejaVu.txt"),),
        ),
        Component(
            "Droid Sans Fallback", "2010", "Apache-2.0", "file", "https://android.googlesource.com/",
            note="resources/fonts/DroidSansFallbackFull.ttf, © 2006-2010 Google Corp.",
            texts=(_read("fonts", "LICENSE-DroidSansFallback-Apache-2.0.txt"),),
        ),
        Component(
            "X Education lead history", "1", "LicenseRef-no-licence-stated", "data",
            note=(
                "resources/data/leads-x-education.csv: demo data only. Its publishers stated no "
                "licence (see resources/data/README.md); it is not part of the MIT-licensed code."
            ),
        ),
    ]  # fmt: skip


def _version_of(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def components() -> list[Component]:
    """Everything the app is made of, other than its own code."""
    return other_components() + python_components()


def notices(parts: list[Component] | None = None) -> str:
    """The third-party notices: each component, its licence, and the licence texts it carries."""
    parts = components() if parts is None else parts
    rule = "=" * 78
    lines = [
        f"{APP_NAME} {__version__}: third-party notices",
        "",
        f"{APP_NAME} itself is under the MIT licence (LICENSE). It ships the components below,",
        "each under its own licence. Component, version, licence (SPDX), and where to find it:",
        "",
    ]
    lines += [f"  {c.name} {c.version}: {c.licence}" + (f"  {c.url}" if c.url else "") for c in parts]
    lines += ["", "Qt and PySide6 (LGPL-3.0-only)", "", QT_SOURCE_OFFER, ""]
    for component in parts:
        lines += [rule, f"{component.name} {component.version}", f"Licence: {component.licence}"]
        if component.url:
            lines.append(f"Home: {component.url}")
        if component.note and component.note != QT_SOURCE_OFFER:
            lines.append(component.note)
        for name, text in component.texts:
            lines += ["", f"--- {name} ---", "", text.rstrip()]
        lines.append("")
    return "\n".join(lines) + "\n"


_SPDX_IDS = {
    "0BSD", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "blessing", "Bitstream-Vera", "CC0-1.0",
    "GPL-2.0-only", "GPL-3.0-only", "HPND", "ISC", "LGPL-3.0-only", "MIT", "MIT-0", "MIT-CMU",
    "MPL-2.0", "PSF-2.0", "Python-2.0", "Unlicense", "Zlib",
}  # fmt: skip
_SPDX_EXPRESSION = re.compile(r"[A-Za-z0-9.+-]+(?: (?:AND|OR|WITH) [A-Za-z0-9.+-]+)+")


def _licences_entry(licence: str) -> list[dict[str, Any]]:
    """CycloneDX's licence entry: an SPDX id, an SPDX expression, or a licence's name."""
    if licence in _SPDX_IDS:
        return [{"license": {"id": licence}}]
    if _SPDX_EXPRESSION.fullmatch(licence):
        return [{"expression": licence}]
    return [{"license": {"name": licence}}]


def sbom(parts: list[Component] | None = None, when: datetime | None = None) -> dict[str, Any]:
    """A CycloneDX 1.5 software bill of materials (JSON) of the app and what it ships."""
    parts = components() if parts is None else parts
    when = datetime.now(UTC) if when is None else when
    app_ref = f"pkg:pypi/{DISTRIBUTION}@{__version__}"
    entries = []
    for component in parts:
        entry: dict[str, Any] = {
            "type": component.kind,
            "bom-ref": component.purl or f"{component.name}@{component.version}",
            "name": component.name,
            "version": component.version,
            "licenses": _licences_entry(component.licence),
        }
        if component.purl:
            entry["purl"] = component.purl
        if component.url:
            entry["externalReferences"] = [{"type": "website", "url": component.url}]
        if component.note:
            entry["description"] = component.note
        entries.append(entry)
    return {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": f"urn:uuid:{uuid.uuid4()}",
        "version": 1,
        "metadata": {
            "timestamp": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "component": {
                "type": "application",
                "bom-ref": app_ref,
                "name": APP_NAME,
                "version": __version__,
                "purl": app_ref,
                "licenses": [{"license": {"id": "MIT"}}],
            },
        },
        "components": entries,
        "dependencies": [{"ref": app_ref, "dependsOn": [e["bom-ref"] for e in entries]}],
    }


def write(folder: Path) -> tuple[Path, Path]:
    """Write the notices and the SBOM into ``folder``; their paths."""
    parts = components()
    folder.mkdir(parents=True, exist_ok=True)
    notices_path = folder / NOTICES_FILE
    notices_path.write_text(notices(parts), encoding="utf-8")
    sbom_path = folder / SBOM_FILE
    sbom_path.write_text(json.dumps(sbom(parts), indent=2) + "\n", encoding="utf-8")
    return notices_path, sbom_path


def shipped_notices() -> str:
    """The notices shipped with this build, or made now from this installation."""
    path = resource_path("licences", NOTICES_FILE)
    if path.exists():
        return path.read_text(encoding="utf-8")
    return notices()
