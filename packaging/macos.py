"""The macOS app's Info.plist: identity, version, and the .smw document type it opens and owns.

The PyInstaller spec passes :func:`info_plist` to ``BUNDLE``; ``python packaging/macos.py OUT``
writes it as a property list file to check (``plutil -lint`` on a Mac, ``plistlib`` anywhere).
"""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop import APP_NAME, FILE_SUFFIX, __version__  # noqa: E402 - pure Python, no Qt

BUNDLE_ID = "org.smarketing-workshop.app"
MIME_TYPE = "application/x-smarketing-workshop"
FILE_TYPE_ID = "org.smarketing-workshop.smw"  # the uniform type identifier of a .smw file
EXTENSION = FILE_SUFFIX.lstrip(".")
ICON_FILE = "smarketing-workshop.icns"


def info_plist(version: str = __version__, icon_file: str = ICON_FILE) -> dict[str, Any]:
    """The keys PyInstaller adds to its own Info.plist (name, executable and icon it sets itself)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundlePackageType": "APPL",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,
        "LSMinimumSystemVersion": "11.0",
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHumanReadableCopyright": "MIT licence; third-party notices in Help ▸ About",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": f"{APP_NAME} workshop",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [FILE_TYPE_ID],
                "CFBundleTypeIconFile": icon_file,
            },
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": FILE_TYPE_ID,
                "UTTypeDescription": f"{APP_NAME} workshop",
                "UTTypeConformsTo": ["public.data", "public.database"],
                "UTTypeIconFile": icon_file,
                "UTTypeTagSpecification": {
                    "public.filename-extension": [EXTENSION],
                    "public.mime-type": [MIME_TYPE],
                },
            },
        ],
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    Path(sys.argv[1]).write_bytes(plistlib.dumps(info_plist()))
    print(sys.argv[1])
