"""List a bundle folder's files as a WiX fragment (WiX 3 syntax, which wixl also reads).

    python packaging/windows/harvest.py BUNDLE_FOLDER files.wxs

One component per file, under ``INSTALLDIR``, all in the component group ``BundleFiles``.
Sources are relative to the current folder: run WiX (or wixl) from the same folder. Ids and
component GUIDs are derived from each file's path, so they stay the same from one
build to the next (what an upgrade needs), as WiX's ``Guid="*"`` would make them.
"""

from __future__ import annotations

import hashlib
import os
import sys
import uuid
from pathlib import Path
from xml.sax.saxutils import quoteattr

NAMESPACE = uuid.UUID("6f3b0c5e-8d7e-4d0b-9c55-5f2a3d2e1a10")  # this app's, for uuid5


def _id(prefix: str, relative: str) -> str:
    return prefix + hashlib.sha1(relative.encode()).hexdigest()[:24]


def fragment(bundle: Path) -> str:
    """The ``<Wix>`` document listing every file below ``bundle``."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
    ]
    lines += ["  <Fragment>", '    <DirectoryRef Id="INSTALLDIR">']
    components: list[str] = []

    def walk(folder: Path, depth: int) -> None:
        indent = "  " * depth
        for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
            relative = path.relative_to(bundle).as_posix()
            if path.is_dir():
                directory = quoteattr(_id("d", relative))
                lines.append(f"{indent}<Directory Id={directory} Name={quoteattr(path.name)}>")
                walk(path, depth + 1)
                lines.append(f"{indent}</Directory>")
                continue
            component = _id("c", relative)
            guid = str(uuid.uuid5(NAMESPACE, relative)).upper()
            components.append(component)
            source = quoteattr(Path(os.path.relpath(path)).as_posix())  # from where WiX runs
            lines.append(f'{indent}<Component Id={quoteattr(component)} Guid={quoteattr(guid)} Win64="yes">')
            lines.append(
                f"{indent}  <File Id={quoteattr(_id('f', relative))} Name={quoteattr(path.name)} "
                f'Source={source} KeyPath="yes"/>'
            )
            lines.append(f"{indent}</Component>")

    walk(bundle, 3)
    lines += ["    </DirectoryRef>", "  </Fragment>", "  <Fragment>", '    <ComponentGroup Id="BundleFiles">']
    lines += [f"      <ComponentRef Id={quoteattr(c)}/>" for c in components]
    lines += ["    </ComponentGroup>", "  </Fragment>", "</Wix>"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    Path(sys.argv[2]).write_text(fragment(Path(sys.argv[1])), encoding="utf-8")
