#!/usr/bin/env bash
# Makes sure the system tools a packaging step needs are installed; installs them when run as root on
# Debian/Ubuntu, otherwise names the command to run. Used by `make installer` and tests/packaging.
# Usage: packaging/ensure-tools.sh pyinstaller|nsis|wine ...
set -euo pipefail

need=()
for tool in "$@"; do
  case "$tool" in
    # PyInstaller reads ELF files with objdump and strips the Linux build with strip.
    pyinstaller) { command -v objdump >/dev/null && command -v strip >/dev/null; } || need+=(binutils) ;;
    nsis) command -v makensis >/dev/null || need+=(nsis) ;;
    # Debian's wine is 64-bit only here (the i386 packages cannot be installed beside it); that is
    # enough: the installer is built with `Target amd64-unicode`.
    wine) { command -v wine >/dev/null && { command -v wine64 >/dev/null || [ -x /usr/lib/wine/wine64 ]; }; } \
            || need+=(wine wine64) ;;
    *) echo "ensure-tools: unknown tool '$tool' (known: pyinstaller, nsis, wine)" >&2; exit 2 ;;
  esac
done

((${#need[@]})) || exit 0

if ! command -v apt-get >/dev/null; then
  echo "Missing: ${need[*]}. Install NSIS (makensis) and 64-bit Wine with your system's package manager." >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "Missing Debian packages: ${need[*]}" >&2
  echo "Install them as root:  sudo apt-get update && sudo apt-get install --no-install-recommends ${need[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${need[*]} (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "Installed: ${need[*]}" >&2
