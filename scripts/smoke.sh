#!/usr/bin/env bash
# Starts the real prava binary in a virtual X display, waits for its window,
# takes a screenshot, asks it to quit and checks that it exits cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${PRAVA_SMOKE_OUT:-$(mktemp -d)}"
mkdir -p "$out"
go build -o "$out/prava" .

display=":$((200 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

export HOME="$out/home"
mkdir -p "$HOME"
"$out/prava" >"$out/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 300); do
  if xdotool search --onlyvisible --name '^Prava$' >/dev/null 2>&1; then found=1; break; fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if [ "${found:-0}" != 1 ]; then
  echo "smoke: the Prava window did not appear within 30 s" >&2
  cat "$out/app.log" >&2
  kill "$app_pid" 2>/dev/null || true
  exit 1
fi
sleep 1
import -display "$display" -window root "$out/window.png" 2>/dev/null || true

kill -TERM "$app_pid"
status=0
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then
  echo "smoke: the app did not quit within 10 s of SIGTERM" >&2
  kill -9 "$app_pid"
  exit 1
fi
wait "$app_pid" || status=$?
if [ "$status" -ne 0 ]; then
  echo "smoke: the app exited with status $status" >&2
  cat "$out/app.log" >&2
  exit 1
fi
echo "smoke: window appeared and the app quit cleanly (screenshot: $out/window.png)"
