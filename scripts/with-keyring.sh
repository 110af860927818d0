#!/usr/bin/env bash
# Runs a command with an unlocked gnome-keyring Secret Service and a virtual
# X display. Meant to run inside dbus-run-session, so the keyring and its
# test secrets vanish with the session.
set -euo pipefail
# Keep Go's caches where they are: a fresh HOME must not mean a cold build.
export GOPATH="$(go env GOPATH)" GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)"
export HOME="${PRAVA_TEST_HOME:-$(mktemp -d)}"
mkdir -p "$HOME/.local/share/keyrings"
eval "$(echo -n prava-test | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export PRAVA_REQUIRE_KEYRING=1
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
if [ -z "${DISPLAY:-}" ]; then
  display=":$((90 + RANDOM % 100))"
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
  export DISPLAY="$display"
fi
"$@"
