"""The installers' sources, checked here although Windows and macOS build them elsewhere.

The MSI is built with Debian's wixl from a stand-in bundle folder, the release workflow is
linted with actionlint, the macOS Info.plist goes through plistlib, and the icons are made
from the SVG. (The Linux bundle and .deb are built and smoke-tested by
packaging/build-linux.sh: minutes, not a unit test.)
"""

from __future__ import annotations

import importlib.util
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

from workshop import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"needs {name} (.ci/run installs it)")
    return found


def test_the_macos_info_plist_declares_and_owns_the_smw_document_type() -> None:
    plist = plistlib.loads(plistlib.dumps(_module(PACKAGING / "macos.py").info_plist()))
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["CFBundleIdentifier"] == "org.smarketing-workshop.app"
    (document,) = plist["CFBundleDocumentTypes"]
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert document["LSHandlerRank"] == "Owner" and document["CFBundleTypeRole"] == "Editor"
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["smw"]
    assert "public.data" in exported["UTTypeConformsTo"]


def test_the_msi_builds_from_a_bundle_folder_with_association_start_menu_and_uninstall(
    tmp_path: Path, qapp: object
) -> None:
    wixl, msiinfo = _tool("wixl"), _tool("msiinfo")
    bundle = tmp_path / "Smarketing Workshop"
    (bundle / "_internal" / "resources" / "licences").mkdir(parents=True)
    for name in ("Smarketing Workshop.exe", "smarketing-workshop.exe", "_internal/python311.dll"):
        (bundle / name).write_bytes(b"MZ stand-in for " + name.encode())
    (bundle / "_internal" / "resources" / "licences" / "THIRD-PARTY-NOTICES.txt").write_text("notices")
    icons = _module(PACKAGING / "icons.py").make_icons(tmp_path / "icons")
    ico = next(path for path in icons if path.suffix == ".ico")
    _module(PACKAGING / "windows" / "harvest.py")  # importable; run as the build script runs it
    subprocess.run(
        [sys.executable, str(PACKAGING / "windows" / "harvest.py"), bundle.name, "files.wxs"],
        cwd=tmp_path,
        check=True,
    )
    msi = tmp_path / "test.msi"
    built = subprocess.run(
        [wixl, "-a", "x64", "-D", f"Version={__version__}", "-D", f"IconFile={ico.relative_to(tmp_path)}",
         "-o", msi.name, str(PACKAGING / "windows" / "smarketing-workshop.wxs"), "files.wxs"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr

    def table(name: str) -> str:
        command = [msiinfo, "export", str(msi), name]
        exported = subprocess.run(command, capture_output=True, text=True, check=True)
        return exported.stdout

    files = table("File")
    assert "Smarketing Workshop.exe" in files and "THIRD-PARTY-NOTICES.txt" in files
    registry = table("Registry")
    assert "Software\\Classes\\.smw\t\tSmarketingWorkshop.Workshop" in registry
    assert '"[INSTALLDIR]Smarketing Workshop.exe" "%1"' in registry
    shortcuts = table("Shortcut")
    assert "ProgramMenuDir\tSmarketing Workshop\t" in shortcuts
    assert "[System64Folder]msiexec.exe\t/x [ProductCode]" in shortcuts
    properties = table("Property")
    assert f"ProductVersion\t{__version__}" in properties and "ARPPRODUCTICON" in properties


def test_the_release_workflow_passes_actionlint() -> None:
    actionlint = _tool("actionlint")
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = subprocess.run([actionlint, *map(str, workflows)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_icons_come_in_every_size_from_the_svg(tmp_path: Path, qapp: object) -> None:
    icons = _module(PACKAGING / "icons.py").make_icons(tmp_path)
    pngs = sorted(path for path in icons if path.suffix == ".png")
    sizes = set()
    for path in pngs:
        with Image.open(path) as image:
            sizes.add(image.size)
    assert sizes == {(s, s) for s in (16, 24, 32, 48, 64, 128, 256, 512)}
    with Image.open(next(p for p in pngs if p.name.endswith("-256.png"))) as big:
        centre, corner = big.getpixel((128, 128)), big.getpixel((0, 0))
        assert isinstance(centre, tuple) and isinstance(corner, tuple)
        assert centre[3] == 255 and corner[3] == 0  # drawn, with transparent rounded corners
    with Image.open(next(path for path in icons if path.suffix == ".ico")) as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    with Image.open(next(path for path in icons if path.suffix == ".icns")) as icns:
        assert icns.size == (1024, 1024)
