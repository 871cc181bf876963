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

case "$what" in
  gui)
    # Qt's xcb platform plugin needs these on a desktop Debian; offscreen needs none.
    for p in libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3; do
      have_pkg "$p" || need+=("$p")
    done ;;
  test)
    for p in libegl1 libfontconfig1 libglib2.0-0; do
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
