#!/usr/bin/env bash
# Pack a PyInstaller one-folder bundle as a Debian package.
#
#   make_deb.sh BUNDLE_DIR VERSION OUTPUT.deb
#
# Installs the bundle under /opt/atlasviewer, a /usr/bin/atlasviewer wrapper, a .desktop entry and
# the icon. Depends lists only the system libraries the bundle does not carry itself: the ones
# its Qt and Python extension libraries load from the system on a bare Debian 12 (found with
# ldd against a debootstrap root, see packaging/test_bare_machine.sh): OpenGL/EGL, xkbcommon,
# fontconfig, glib, D-Bus, and what the X11 (xcb) and Wayland platform plugins load that the bundle
# does not carry, so the window opens on a desktop. CUPS is only recommended: without it Qt prints
# to PDF only (the spec leaves libcups to the system).
set -euo pipefail
BUNDLE="$(cd "$1" && pwd)"; VERSION="$2"; OUTPUT="$3"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
DEPENDS="$(tr '\n' ' ' <"$HERE/depends.txt" | sed -E 's/ +$//; s/ +/, /g')"

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
    "$STAGE/usr/share/doc/atlasviewer"
cp -a "$BUNDLE" "$STAGE/opt/atlasviewer"
install -m 0755 "$HERE/wrapper.sh" "$STAGE/usr/bin/atlasviewer"
install -m 0644 "$HERE/atlasviewer.desktop" "$STAGE/usr/share/applications/atlasviewer.desktop"
install -m 0644 "$REPO/resources/icons/atlasviewer.png" \
    "$STAGE/usr/share/icons/hicolor/256x256/apps/atlasviewer.png"
install -m 0644 "$REPO/resources/icons/atlasviewer.svg" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps/atlasviewer.svg"
# Debian policy: the licence in /usr/share/doc/<package>/copyright.
{
    echo "Atlas Viewer is licensed under the GNU General Public License version 3 or later:"
    echo "see /opt/atlasviewer/LICENSE. Bundled software and data, and their licences:"
    echo "/opt/atlasviewer/THIRD_PARTY_NOTICES.md"
} >"$STAGE/usr/share/doc/atlasviewer/copyright"

INSTALLED_KIB="$(du -sk "$STAGE" | cut -f1)"
cat >"$STAGE/DEBIAN/control" <<CONTROL
Package: atlasviewer
Version: $VERSION
Section: science
Priority: optional
Architecture: amd64
Maintainer: Atlas Viewer developers <atlasviewer@invalid>
Installed-Size: $INSTALLED_KIB
Depends: $DEPENDS
Recommends: libcups2
Description: Norwegian healthcare atlases (Helseatlas), offline
 Atlas Viewer shows the healthcare atlases of SKDE and Helse Førde - maps,
 charts and tables of how use of health services varies between hospital
 referral areas - on a desktop without a network connection. The atlases
 are bundled with the application.
CONTROL
cat >"$STAGE/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
POSTINST
chmod 0755 "$STAGE/DEBIAN/postinst"
# Files owned by root whatever user builds the package.
dpkg-deb --root-owner-group -Zxz -z6 --build "$STAGE" "$OUTPUT" >/dev/null
echo "$OUTPUT: Depends: $DEPENDS"
