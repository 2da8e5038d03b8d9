"""Make what a bundle carries besides the code, made at build time, into one staging folder.

    python packaging/prepare.py STAGE

writes ``STAGE/workshop/build-info.json`` (version, build date, commit), ``STAGE/licences/``
(LICENSE, THIRD-PARTY-NOTICES.txt, sbom.cdx.json: from the environment that builds the bundle,
so they list exactly what goes in) and ``STAGE/icons/`` (PNG sizes, .ico, .icns). The
PyInstaller spec takes them from there (``SMW_STAGE``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

from icons import make_icons  # noqa: E402

from workshop import licences  # noqa: E402
from workshop.build import write_build_info  # noqa: E402


def prepare(stage: Path) -> None:
    """Fill ``stage``; prints what it wrote."""
    info = write_build_info(stage / "workshop", ROOT)
    print(f"build: {info.line()}")
    notices, sbom = licences.write(stage / "licences")
    shutil.copy(ROOT / "LICENSE", stage / "licences" / "LICENSE")
    print(f"licences: {notices}, {sbom}")
    icons = make_icons(stage / "icons")
    print(f"icons: {len(icons)} files in {stage / 'icons'}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    prepare(Path(sys.argv[1]).resolve())
