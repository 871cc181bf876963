#!/usr/bin/env bash
# Checks (and, when run as root on Debian, installs) the system packages a make target needs.
# Usage: scripts/system-check.sh python|gui|test
set -euo pipefail
what=${1:-python}
need=()

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

python=$(command -v python3.11 || command -v python3 || true)
if [ -z "$python" ]; then
  echo "fieldapp needs Python 3.11 or newer: install it (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "fieldapp needs Python 3.11 or newer; $python is $("$python" -V 2>&1)" >&2
  exit 1
fi
if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
  need+=(python3-venv)
fi

# Qt's X11 platform plugin links system libraries: which ones is read from the installed plugin with ldd
# (fieldapp/qtlibs.py), so a Qt upgrade that links one more library is installed too, not an abort.
venv_python="$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/python"
qt_xcb_packages() {
  if [ ! -x "$venv_python" ]; then
    echo "no virtualenv at $venv_python: run 'make install' first" >&2
    exit 1
  fi
  "$venv_python" -m fieldapp.qtlibs packages
}
xcb_packages=""
if [ "$what" = gui ] || [ "$what" = test ]; then
  xcb_packages=$(qt_xcb_packages)
fi

case "$what" in
  gui)
    for p in $xcb_packages; do
      have_pkg "$p" || need+=("$p")
    done ;;
  test)
    # The offscreen plugin for most tests; xvfb-run and the xcb libraries for the real-window test.
    for p in libegl1 libfontconfig1 libglib2.0-0 xvfb xauth $xcb_packages; do
      have_pkg "$p" || need+=("$p")
    done ;;
esac

if ((${#need[@]})); then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "Installing system packages: ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Missing system packages: ${need[*]}" >&2
    echo "Install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
fi

if [ "$what" = gui ] || [ "$what" = test ]; then
  # Names any library still missing (one the package map and Debian's naming rule got wrong).
  "$venv_python" -m fieldapp.qtlibs check
fi
