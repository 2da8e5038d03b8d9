"""Licences: ours in the checkout and the wheel, the fonts', and the third-party notices and SBOM."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator

from workshop import licences
from workshop.resources import resource_path

ROOT = Path(__file__).resolve().parents[1]


def test_the_mit_licence_is_at_the_root_and_named_for_the_wheel() -> None:
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE"]
    # The SPDX form of `license` needs setuptools 77 or newer.
    assert "setuptools>=77" in project["build-system"]["requires"]


def test_every_bundled_font_travels_with_its_licence_text() -> None:
    fonts = resource_path("fonts")
    texts = {path.name: path.read_text(encoding="utf-8") for path in fonts.glob("LICENSE-*.txt")}
    for font in fonts.glob("*.ttf"):
        family = "DejaVu" if font.name.startswith("DejaVu") else "DroidSansFallback"
        text = next(t for name, t in texts.items() if family in name)
        assert ("Bitstream" in text) if family == "DejaVu" else ("Apache License" in text)
    assert "LICENSE-DejaVu.txt" in (fonts / "README.md").read_text(encoding="utf-8")


def test_the_lead_data_states_its_licence() -> None:
    readme = resource_path("data", "README.md").read_text(encoding="utf-8")
    assert "Licence" in readme


def test_the_notices_name_every_python_package_the_app_runs_on() -> None:
    parts = licences.components()
    names = {part.name.lower().replace("_", "-") for part in parts}
    assert {"pyside6-essentials", "shiboken6", "numpy", "matplotlib", "reportlab", "pyhanko"} <= names
    assert {"qt", "python", "openssl", "sqlite", "dejavu sans", "droid sans fallback"} <= names
    assert not {"pytest", "mypy", "ruff"} & names  # test tools are not shipped
    text = licences.notices(parts)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "download.qt.io" in text
    numpy = next(part for part in parts if part.name == "numpy")
    assert numpy.texts and f"numpy {numpy.version}: {numpy.licence}" in text


def test_the_sbom_is_valid_cyclonedx_listing_each_component_with_its_licence(tmp_path: Path) -> None:
    notices_path, sbom_path = licences.write(tmp_path)
    assert notices_path.read_text(encoding="utf-8").startswith("Smarketing Workshop")
    text = sbom_path.read_text(encoding="utf-8")
    assert JsonStrictValidator(SchemaVersion.V1_5).validate_str(text) is None
    bom = json.loads(text)
    by_name = {c["name"]: c for c in bom["components"]}
    assert by_name["Qt"]["licenses"] == [{"license": {"id": "LGPL-3.0-only"}}]
    assert by_name["numpy"]["purl"].startswith("pkg:pypi/numpy@")
    assert bom["metadata"]["component"]["licenses"] == [{"license": {"id": "MIT"}}]
