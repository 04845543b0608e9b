#!/usr/bin/env bash
# Set up and run Atlas Viewer from a checkout.
#   bash dev.sh start [ARGS...]  set up .venv and start the viewer on the bundled atlases (../shared)
#                                (as root also the X11 libraries a real window needs; with no display
#                                at all it says how to proceed: xvfb-run, or offscreen for --smoke)
#   bash dev.sh test             set up .venv and run the whole check: ruff, mypy, pytest, smoke run
#   bash dev.sh setup            only set up (system libraries where root, .venv, the package)
#   bash dev.sh translations     extract UI strings to translations/messages.pot, update nb.po, nn.po
#                                (and compile them to nb.mo, nn.mo, as setup does)
# Python 3.11+ is needed. As root (CI) the Qt system libraries are installed with apt-get.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
VENV=${ATLASVIEWER_VENV:-.venv}

system_packages() {
    # What PySide6 needs on a bare Debian 12 (../shared/ENVIRONMENT.md), poppler-utils to look at
    # PDFs, and what the bare-machine installer test uses.
    ensure_packages libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 \
        fonts-dejavu-core
}

window_packages() {
    # What Qt's xcb platform plugin needs for a real X11 window (../shared/ENVIRONMENT.md): without
    # libxcb-icccm4, for one, Qt aborts with a misleading message about xcb-cursor0.
    ensure_packages libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
        libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 \
        libxkbcommon-x11-0
}

ensure_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "dev.sh: installing system packages: ${missing[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "dev.sh: please install these system packages: ${missing[*]}" >&2
    fi
}

# Whether `atlasviewer ARGS...` opens the window (not --help, --version or a command).
opens_window() {
    for arg in "$@"; do
        case "$arg" in
            -h|--help|--version|validate|export|factsheet) return 1 ;;
        esac
    done
    return 0
}

# Stop with one line instead of Qt's abort about the xcb platform plugin when there is no screen.
require_display() {
    [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ] && return 0
    echo "dev.sh: no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): run" \
        "'xvfb-run -a bash dev.sh start' (apt-get install xvfb xauth) for a window, or" \
        "'QT_QPA_PLATFORM=offscreen bash dev.sh start --smoke' for a smoke run" >&2
    exit 2
}

setup() {
    system_packages
    if [ ! -x "$VENV/bin/python" ]; then
        "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
            echo "dev.sh: Python 3.11 or newer is needed (found $("$PY" --version))" >&2; exit 2; }
        "$PY" -m venv "$VENV"
    fi
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
    if ! "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[dev]" \
            >"$VENV/pip-install.log" 2>&1; then
        grep -v "is ignored: it is neither a file nor a directory" "$VENV/pip-install.log" | tail -40 >&2
        echo "dev.sh: pip install failed (full log: $VENV/pip-install.log)" >&2
        exit 1
    fi
    # A .venv made before the PySide6 6.11.3 pin still has pyside6-pdf 6.12, whose QtPdf files
    # overlap pyside6-addons' own: remove it and lay the addons' files down again.
    if "$VENV/bin/python" -m pip show -q pyside6-pdf >/dev/null 2>&1; then
        echo "dev.sh: replacing pyside6-pdf (6.12) with pyside6-addons' QtPdf"
        "$VENV/bin/python" -m pip uninstall -q -y pyside6-pdf >/dev/null 2>&1
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall \
            --no-deps "$(grep -o 'pyside6-addons==[0-9.]*' pyproject.toml)" >/dev/null 2>&1
    fi
    "$VENV/bin/python" -c "from PySide6 import QtPdfWidgets" 2>/dev/null \
        || { echo "dev.sh: PySide6's QtPdf is missing from $VENV" >&2; exit 1; }
    "$VENV/bin/python" -c "import atlasviewer" || { echo "dev.sh: installation failed" >&2; exit 1; }
    compile_translations
}

# The catalogues compiled beside their .po (git ignores *.mo): read in ~1 ms, where parsing a .po
# costs ~40-60 ms at each start in Norwegian. The viewer reads a .po newer than its .mo itself.
compile_translations() {
    for lang in nb nn; do
        "$VENV/bin/pybabel" -q compile -i "translations/$lang.po" -o "translations/$lang.mo" -l "$lang"
    done
}

case "${1:-}" in
    setup)
        setup ;;
    start)
        shift
        if opens_window "$@"; then
            require_display
            case "${QT_QPA_PLATFORM:-xcb}" in xcb*) window_packages ;; esac
        fi
        setup
        exec "$VENV/bin/atlasviewer" "$@" ;;
    test)
        shift; setup
        export QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg
        lint=(); for d in src tests benchmarks packaging; do [ -d "$d" ] && lint+=("$d"); done
        echo "== ruff"; "$VENV/bin/ruff" check "${lint[@]}"
        "$VENV/bin/ruff" format --check "${lint[@]}"
        echo "== mypy"; "$VENV/bin/mypy"
        # The suite opens no socket (tests/conftest.py guards Python's); as root, where unshare
        # works, pytest runs with networking cut off, so Qt's and every child's connections fail too.
        pytest=("$VENV/bin/pytest" -q -p no:cacheprovider "$@")
        if [ "$(id -u)" = "0" ] && unshare -n true 2>/dev/null; then
            echo "== pytest (no network: unshare -n)"; unshare -n "${pytest[@]}"
        else
            echo "== pytest"; "${pytest[@]}"
        fi
        echo "== smoke: the real window on the real atlases (screenshots in out/)"
        mkdir -p out
        ATLASVIEWER_CONFIG_DIR=$(mktemp -d) ; export ATLASVIEWER_CONFIG_DIR
        "$VENV/bin/atlasviewer" --smoke --lang nb --screenshot out/smoke-nb.png
        "$VENV/bin/atlasviewer" --smoke --atlas radiologi2 --box 1 --lang en --screenshot out/smoke-en.png
        "$VENV/bin/atlasviewer" --smoke --atlas v1-dagkir2 --box 2 --lang nb --screenshot out/smoke-v1-nb.png
        "$VENV/bin/atlasviewer" --smoke --atlas psyk2-1 --box 1 --lang nn --screenshot out/smoke-draft-nn.png
        ;;
    translations)
        setup
        "$VENV/bin/pybabel" extract -F babel.cfg -k Nn_:1,2 --no-location --sort-output \
            --project=atlasviewer --copyright-holder="Atlas Viewer developers" \
            -o translations/messages.pot src
        for lang in nb nn; do
            "$VENV/bin/pybabel" update --no-fuzzy-matching --ignore-obsolete \
                -i translations/messages.pot -o "translations/$lang.po" -l "$lang"
        done
        compile_translations ;;
    *)
        sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
