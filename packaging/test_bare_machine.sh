#!/usr/bin/env bash
# Prove the .deb works on a bare Debian 12: install it into a fresh minimal root, run the viewer
# offline, validate the bundled atlases, and check that a tampered data file is caught.
#
#   packaging/test_bare_machine.sh [--deb FILE]
#
# Needs root (debootstrap, chroot, unshare) and the Debian mirror (apt's package registry). Builds
# the .deb with packaging/build.sh when none is given or found. Writes
# dist/bare-machine-smoke.png and dist/bare-machine-report.txt. Exit 0 only if every check passed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$REPO/src/atlasviewer/__init__.py")"
DEB="$REPO/dist/atlasviewer_${VERSION}_amd64.deb"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --deb) DEB="$(realpath "$2")"; shift 2 ;;
        *) echo "test_bare_machine.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

REPORT="$REPO/dist/bare-machine-report.txt"
mkdir -p "$REPO/dist"
: >"$REPORT"
say() { printf '[%4ss] %s\n' "$SECONDS" "$*" | tee -a "$REPORT"; }
fail() { say "FAIL: $*"; exit 1; }

if [[ ! -f "$DEB" ]]; then
    say "no $DEB: building it"
    bash "$REPO/packaging/build.sh"
fi
if ! command -v debootstrap >/dev/null; then
    say "installing debootstrap"
    apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

ROOT="$(mktemp -d "${TMPDIR:-/tmp}/atlasviewer-bare.XXXXXX")"
cleanup() {
    for mount in dev/pts dev proc; do
        mountpoint -q "$ROOT/$mount" && umount -l "$ROOT/$mount"
    done
    rm -rf "$ROOT"
}
trap cleanup EXIT

say "debootstrap --variant=minbase bookworm"
debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$ROOT.debootstrap.log" 2>&1 \
    || { tail -20 "$ROOT.debootstrap.log"; fail "debootstrap"; }
rm -f "$ROOT.debootstrap.log"
mount -t proc proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true

say "apt-get install ./$(basename "$DEB") (only its declared Depends)"
cp "$DEB" "$ROOT/tmp/atlasviewer.deb"
chroot "$ROOT" apt-get update -qq
chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends /tmp/atlasviewer.deb >/dev/null \
    || fail "installing the .deb"
say "installed: $(chroot "$ROOT" dpkg-query -W -f '${Package} ${Version} ${Installed-Size} KiB' atlasviewer)"
say "Depends: $(chroot "$ROOT" dpkg-query -W -f '${Depends}' atlasviewer)"

# Every shared library in the bundle must resolve on this root (bundled or from Depends).
missing="$(chroot "$ROOT" sh -c 'cd /opt/atlasviewer/_internal &&
    find . -name "*.so*" -type f -exec env LD_LIBRARY_PATH=/opt/atlasviewer/_internal ldd {} + \
    2>/dev/null | grep "not found" | sort -u' || true)"
if [[ -n "$missing" ]]; then
    say "libraries not found (these plugins will not load; fine if they are optional):"
    printf '%s\n' "$missing" | tee -a "$REPORT"
fi

# No network from here on: the viewer must work offline.
offline() { unshare -n chroot "$ROOT" env -i HOME=/root PATH=/usr/bin:/bin LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen "$@"; }

say "atlasviewer --version: $(offline atlasviewer --version)"

say "atlasviewer validate (offline)"
set +e
offline atlasviewer --lang en validate >"$ROOT/tmp/validate.txt" 2>&1
status=$?
set -e
tail -1 "$ROOT/tmp/validate.txt" | tee -a "$REPORT"
# Exit 1 is allowed: the real data has known defects (links to reports never published).
# What must hold: every atlas was read, and no file differs from the installer's manifest.
if [[ $status -gt 1 ]] || ! grep -q "atlases checked" "$ROOT/tmp/validate.txt"; then
    tail -30 "$ROOT/tmp/validate.txt"; fail "validate exited $status"
fi
grep -q "Reinstall the application" "$ROOT/tmp/validate.txt" \
    && fail "validate reports installed files that differ from the manifest"
say "validate exit $status; no installed file differs from the manifest"

say "atlasviewer --smoke --screenshot /tmp/smoke.png (offline, offscreen)"
set +e
start=$SECONDS
offline atlasviewer --smoke --screenshot /tmp/smoke.png >"$ROOT/tmp/smoke.txt" 2>&1
status=$?
set -e
tail -5 "$ROOT/tmp/smoke.txt" | tee -a "$REPORT"
[[ $status -eq 0 ]] || fail "--smoke exited $status"
[[ -s "$ROOT/tmp/smoke.png" ]] || fail "--smoke wrote no screenshot"
cp "$ROOT/tmp/smoke.png" "$REPO/dist/bare-machine-smoke.png"
say "smoke passed in $((SECONDS - start)) s: dist/bare-machine-smoke.png"

say "tamper test: change one digit of a bundled data file in a copy of the installation"
cp -a "$ROOT/opt/atlasviewer" "$ROOT/tmp/tampered"
victim="$(cd "$ROOT/tmp/tampered/atlases" && find helseatlas-v1/csv -name '*.csv' | sort | head -1)"
[[ -n "$victim" ]] || victim="$(cd "$ROOT/tmp/tampered/atlases" && find . -name '*.json' \
    ! -name 'MANIFEST*' | sort | head -1 | sed 's#^\./##')"
# Same size, different contents: only the checksum can tell.
python3 - "$ROOT/tmp/tampered/atlases/$victim" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, "rb").read()
match = re.search(rb"[0-9]", text[len(text) // 2 :])
at = len(text) // 2 + match.start()
open(path, "wb").write(text[:at] + (b"7" if text[at:at + 1] != b"7" else b"3") + text[at + 1 :])
PY
set +e
offline /tmp/tampered/atlasviewer --lang en validate >"$ROOT/tmp/tampered.txt" 2>&1
status=$?
set -e
grep -F "$victim" "$ROOT/tmp/tampered.txt" | head -3 | tee -a "$REPORT"
[[ $status -eq 1 ]] || fail "validate of the tampered copy exited $status, not 1"
grep -F "$victim" "$ROOT/tmp/tampered.txt" | grep -q "Reinstall the application" \
    || fail "validate did not name $victim as changed"
say "tamper test passed: exit 1 naming $victim"

say "PASS: bare Debian 12 checks in $SECONDS s"
