#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Prava needs, only those missing.
#   scripts/setup.sh build   — compiler and the headers Fyne links against
#   scripts/setup.sh test    — build, plus a real keyring, D-Bus, a virtual
#                              X server, a PDF text extractor, Dovecot and
#                              openssl (a mail server and a time-stamping
#                              authority on loopback) for the tests
set -euo pipefail

build_pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev)
test_pkgs=(dbus dbus-x11 gnome-keyring libsecret-tools xvfb xdotool x11-utils poppler-utils imagemagick
  dovecot-imapd dovecot-submissiond dovecot-lmtpd openssl qpdf)

want=("${build_pkgs[@]}")
if [ "${1:-build}" = "test" ]; then
  want+=("${test_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # The tests start their own Dovecot on loopback: the system's service,
  # which installing the package would start, is kept from starting.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod 755 "$policy"
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -z "$policy" ] || $sudo rm -f "$policy"
fi

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    echo "Go is at /usr/local/go/bin; add it to PATH" >&2
  else
    echo "Go 1.26 or newer is needed: https://go.dev/dl/" >&2
  fi
  exit 1
fi
