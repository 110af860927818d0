#!/usr/bin/env bash
# Times "prava company add" end to end against a vault with 10,000
# companies and 50,000 requests (issue #5's target: 500 ms), in a private
# D-Bus session with gnome-keyring, as the tests run. Needs hyperfine.
#   scripts/bench-add.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PRAVA_IN_KEYRING:-}" ]; then
  command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
  exec dbus-run-session -- env PRAVA_IN_KEYRING=1 scripts/with-keyring.sh "$0" "$@"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/prava" .
PRAVA_BIG_VAULT="$work/big.vault" go test -count=1 -run TestWriteBigVault ./storage >/dev/null
ls -l "$work/big.vault"
hyperfine -N --warmup 2 --runs "${1:-20}" \
  "$work/prava --vault $work/big.vault company add policy/testdata/seeds/003_667823663de3ed12.txt"
