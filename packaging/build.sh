#!/usr/bin/env bash
# Build Atlas Viewer's offline installers for Linux from a clean checkout.
#
#   packaging/build.sh [--data-dir DIR] [--no-installers]
#
# Makes its own build venv (build/venv, `pip install .[build]`), freezes the app with PyInstaller
# (packaging/atlasviewer.spec) into dist/atlasviewer/, adds the atlases listed in data/bundle.json
# from DIR (default: ../shared beside the checkout, which holds helseatlas/ and helseatlas-v1/),
# their checksums (atlases/MANIFEST.sha256.json), the licences and THIRD_PARTY_NOTICES.md, then
# packs dist/atlasviewer_<version>_amd64.deb and dist/atlasviewer-<version>-linux-x86_64.tar.gz.
#
# Environment: PYTHON (the interpreter that makes the venv, default python3);
# ATLASVIEWER_BUILD_VENV (an existing venv to use instead of build/venv; it must have
# atlasviewer installed non-editable, or PyInstaller misses the resources).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="$REPO/../shared"
MAKE_INSTALLERS=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --data-dir) DATA_DIR="$2"; shift 2 ;;
        --no-installers) MAKE_INSTALLERS=0; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
DATA_DIR="$(cd "$DATA_DIR" && pwd)"
cd "$REPO"

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

VENV="${ATLASVIEWER_BUILD_VENV:-$REPO/build/venv}"
if [[ -z "${ATLASVIEWER_BUILD_VENV:-}" ]]; then
    step "build venv $VENV"
    [[ -x "$VENV/bin/python" ]] || "${PYTHON:-python3}" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    # Not editable: PyInstaller must see the installed package with its resources.
    "$VENV/bin/python" -m pip install --quiet ".[build]"
fi
PY="$VENV/bin/python"
VERSION="$("$PY" -c 'import atlasviewer; print(atlasviewer.__version__)')"

step "PyInstaller one-folder bundle"
BUNDLE="$REPO/dist/atlasviewer"
WORKPATH="$REPO/build/pyinstaller"
ATLASVIEWER_WORKPATH="$WORKPATH" "$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$REPO/dist" --workpath "$WORKPATH" "$REPO/packaging/atlasviewer.spec"

step "atlases from $DATA_DIR"
"$PY" "$REPO/packaging/bundle_data.py" --data-dir "$DATA_DIR" --out "$BUNDLE/atlases"

step "licences and notices"
"$PY" "$REPO/packaging/notices.py" --bundle "$BUNDLE" --data-dir "$DATA_DIR" \
    --top-level "$WORKPATH/bundled-top-level.json"

step "check the frozen app"
"$BUNDLE/atlasviewer" --version
# validate exits 1 on the real data's own defects (links to reports never published), so what
# is checked here is that the frozen app reads every bundled atlas and that the manifest agrees.
if "$BUNDLE/atlasviewer" --help | grep -q ' validate '; then
    set +e
    "$BUNDLE/atlasviewer" --lang en validate >"$REPO/build/validate-frozen.txt" 2>&1
    status=$?
    set -e
    tail -1 "$REPO/build/validate-frozen.txt"
    if [[ $status -gt 1 ]] || ! grep -q "atlases checked" "$REPO/build/validate-frozen.txt" \
        || grep -q "Reinstall the application" "$REPO/build/validate-frozen.txt"; then
        echo "frozen validate failed (exit $status):"; tail -20 "$REPO/build/validate-frozen.txt"
        exit 1
    fi
fi

if [[ "$MAKE_INSTALLERS" == 1 ]]; then
    step "portable tar.gz"
    TARBALL="$REPO/dist/atlasviewer-$VERSION-linux-x86_64.tar.gz"
    tar -C "$REPO/dist" -czf "$TARBALL" atlasviewer
    step "Debian package"
    bash "$REPO/packaging/linux/make_deb.sh" "$BUNDLE" "$VERSION" \
        "$REPO/dist/atlasviewer_${VERSION}_amd64.deb"
    ls -l "$TARBALL" "$REPO/dist/atlasviewer_${VERSION}_amd64.deb"
fi
step "done"
