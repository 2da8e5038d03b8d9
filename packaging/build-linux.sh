#!/usr/bin/env bash
# Build Smarketing Workshop for Linux and smoke-test what was built:
#   - the one-folder bundle (PyInstaller), also as a .tar.gz, and
#   - a .deb (dpkg-deb; checked with lintian) that installs it with its desktop entry, MIME
#     type, icons, man page, licences, and the system libraries Qt needs as dependencies.
# Prints the paths of what it built; exits non-zero when the build or a smoke test fails.
#
#   packaging/build-linux.sh            # uses .venv/bin/python (or $PYTHON)
#   PYTHON=/path/to/python OUT=/tmp/out packaging/build-linux.sh
#   packaging/build-linux.sh --reuse-bundle   # only the .deb and the checks, from the last bundle
set -euo pipefail
reuse=0
if [ "${1:-}" = "--reuse-bundle" ]; then reuse=1; fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=${OUT:-$ROOT/dist}
WORK=${WORK:-$ROOT/build/linux}
started=$(date +%s)
say() { printf '\n== %s\n' "$*"; }

for tool in dpkg-deb lintian readelf Xvfb; do
  command -v "$tool" >/dev/null || {
    echo "$tool is missing: sudo apt install dpkg lintian binutils xvfb" >&2; exit 1; }
done
[ -x "$PYTHON" ] || { echo "no Python at $PYTHON: make the venv (see README) or set PYTHON" >&2; exit 1; }
"$PYTHON" -c "import PyInstaller, PIL, workshop" 2>/dev/null || "$PYTHON" -m pip install -q -e "${ROOT}[package]"

version=$(cd "$ROOT" && "$PYTHON" -c "import workshop; print(workshop.__version__)")
arch=$(dpkg --print-architecture)
machine=$(uname -m)
bundle="$WORK/dist/Smarketing Workshop"
program="$bundle/Smarketing Workshop"
bundle_started=$(date +%s)
if [ "$reuse" = 1 ] && [ -x "$program" ]; then
  rm -rf "$WORK/deb" "$WORK/deb-unpacked" && mkdir -p "$OUT"
  say "bundle: reusing $bundle"
else
  rm -rf "$WORK" && mkdir -p "$WORK" "$OUT"
  say "stage: build stamp, licences and SBOM, icons"
  (cd "$ROOT" && "$PYTHON" packaging/prepare.py "$WORK/stage")
  say "bundle (PyInstaller)"
  SMW_STAGE="$WORK/stage" "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/pyinstaller" "$ROOT/packaging/smarketing-workshop.spec" \
    2>&1 | grep -v "^$" | grep -E "trimmed|ERROR|Error" || true
  [ -x "$program" ] || { echo "PyInstaller made no $program" >&2; exit 1; }
fi
bundle_seconds=$(( $(date +%s) - bundle_started ))
# The newest glibc symbol version any file in the bundle asks for: the oldest system it runs on.
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
  | xargs -0 readelf -V --wide 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -1)
glibc=${glibc#GLIBC_}
tarball="$OUT/smarketing-workshop-$version-linux-$machine.tar.gz"
tar -C "$WORK/dist" -czf "$tarball" "Smarketing Workshop"

say "smoke test: the bundle"
"$ROOT/packaging/smoke-test.sh" --window "$program"

say ".deb"
deb_root="$WORK/deb"
lib="$deb_root/usr/lib/smarketing-workshop"
mkdir -p "$lib" "$deb_root/usr/bin" "$deb_root/DEBIAN"
cp -a "$bundle/." "$lib/"
ln -s "../lib/smarketing-workshop/Smarketing Workshop" "$deb_root/usr/bin/smarketing-workshop"
install -Dm644 "$ROOT/packaging/smarketing-workshop.desktop" "$deb_root/usr/share/applications/smarketing-workshop.desktop"
install -Dm644 "$ROOT/packaging/smarketing-workshop.xml" "$deb_root/usr/share/mime/packages/smarketing-workshop.xml"
for png in "$WORK"/stage/icons/png/smarketing-workshop-*.png; do
  size=${png##*-}; size=${size%.png}
  install -Dm644 "$png" "$deb_root/usr/share/icons/hicolor/${size}x${size}/apps/smarketing-workshop.png"
done
install -Dm644 "$ROOT/resources/icons/app.svg" "$deb_root/usr/share/icons/hicolor/scalable/apps/smarketing-workshop.svg"
doc="$deb_root/usr/share/doc/smarketing-workshop"
install -Dm644 "$WORK/stage/licences/THIRD-PARTY-NOTICES.txt" "$doc/THIRD-PARTY-NOTICES.txt"
install -Dm644 "$WORK/stage/licences/sbom.cdx.json" "$doc/sbom.cdx.json"
gzip -9n -c "$ROOT/CHANGELOG.md" > "$doc/CHANGELOG.md.gz"
"$PYTHON" "$ROOT/packaging/debian.py" changelog | gzip -9n > "$doc/changelog.gz"
"$PYTHON" "$ROOT/packaging/debian.py" copyright "$ROOT" > "$doc/copyright"
mkdir -p "$deb_root/usr/share/man/man1"
"$PYTHON" "$ROOT/packaging/debian.py" manpage "$ROOT" | gzip -9n > "$deb_root/usr/share/man/man1/smarketing-workshop.1.gz"
install -Dm644 "$ROOT/packaging/debian/lintian-overrides" "$deb_root/usr/share/lintian/overrides/smarketing-workshop"
installed_kb=$(du -sk --exclude=DEBIAN "$deb_root" | cut -f1)
SMW_DEB_BUNDLE="$lib" "$PYTHON" "$ROOT/packaging/debian.py" control "$ROOT" "$arch" "$glibc" "$installed_kb" > "$deb_root/DEBIAN/control"
find "$deb_root" -type d -exec chmod 755 {} +
find "$lib" -type f -name '*.so*' -exec chmod 644 {} +  # libraries are loaded, not run
deb="$OUT/smarketing-workshop_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz -z3 --build "$deb_root" "$deb" >/dev/null

say "lintian"
lintian_log="$WORK/lintian.txt"
lintian --tag-display-limit 0 "$deb" > "$lintian_log" 2>&1 || true
cat "$lintian_log"
if grep -q '^E: ' "$lintian_log"; then echo "lintian found errors in $deb" >&2; exit 1; fi

say "smoke test: the .deb's files, unpacked"
unpacked="$WORK/deb-unpacked"
dpkg-deb -x "$deb" "$unpacked"
"$ROOT/packaging/smoke-test.sh" "$unpacked/usr/bin/smarketing-workshop"

say "built in $(( $(date +%s) - started )) s (bundle $bundle_seconds s); needs glibc >= $glibc"
du -sh "$bundle" | sed 's/\t.*/  the bundle (unpacked)/'
for file in "$tarball" "$deb"; do printf '%s  %.1f MB\n' "$file" "$(stat -c %s "$file" | awk '{print $1/1e6}')"; done
echo "$bundle"
echo "$tarball"
echo "$deb"
