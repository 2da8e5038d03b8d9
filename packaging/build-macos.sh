#!/usr/bin/env bash
# Build Smarketing Workshop for macOS: the .app (it opens .smw files from the Finder, also
# while running) and a .dmg with it and a link to Applications. Smoke-tests the app's program.
# Signs and notarizes when the secrets are set, skips that otherwise:
#   MACOS_CERTIFICATE (base64 .p12), MACOS_CERTIFICATE_PASSWORD, MACOS_SIGNING_IDENTITY,
#   and for notarization APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD.
#
#   packaging/build-macos.sh            # uses .venv/bin/python (or $PYTHON)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=${OUT:-$ROOT/dist}
WORK=${WORK:-$ROOT/build/macos}
rm -rf "$WORK" && mkdir -p "$WORK" "$OUT"
version=$(cd "$ROOT" && "$PYTHON" -c "import workshop; print(workshop.__version__)")
arch=$(uname -m)

"$PYTHON" "$ROOT/packaging/prepare.py" "$WORK/stage"
SMW_STAGE="$WORK/stage" "$PYTHON" -m PyInstaller --noconfirm --clean \
  --distpath "$WORK/dist" --workpath "$WORK/pyinstaller" "$ROOT/packaging/smarketing-workshop.spec"
app="$WORK/dist/Smarketing Workshop.app"
plutil -lint "$app/Contents/Info.plist"

if [ -n "${MACOS_CERTIFICATE:-}" ]; then
  keychain="$WORK/signing.keychain-db"
  security create-keychain -p build "$keychain"
  security set-keychain-settings "$keychain"
  security unlock-keychain -p build "$keychain"
  echo "$MACOS_CERTIFICATE" | base64 --decode > "$WORK/signing.p12"
  security import "$WORK/signing.p12" -k "$keychain" -P "$MACOS_CERTIFICATE_PASSWORD" -T /usr/bin/codesign
  security set-key-partition-list -S apple-tool:,apple: -s -k build "$keychain" >/dev/null
  security list-keychains -d user -s "$keychain"
  codesign --deep --force --options runtime --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$app"
  codesign --verify --deep --strict "$app"
else
  echo "not signed (no MACOS_CERTIFICATE)"
fi

"$ROOT/packaging/smoke-test.sh" "$app/Contents/MacOS/Smarketing Workshop"

staging="$WORK/dmg"
mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
dmg="$OUT/smarketing-workshop-$version-macos-$arch.dmg"
hdiutil create -volname "Smarketing Workshop" -srcfolder "$staging" -ov -format UDZO "$dmg"

if [ -n "${MACOS_CERTIFICATE:-}" ] && [ -n "${APPLE_ID:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$dmg"
else
  echo "not notarized (no signing certificate or APPLE_ID)"
fi
echo "$dmg"
