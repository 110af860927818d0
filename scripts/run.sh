#!/usr/bin/env bash
# Builds Prava and opens the desktop app (arguments are passed on, so
# "scripts/run.sh analyze policy.txt" runs the command line instead).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
scripts/setup.sh build
mkdir -p bin
go build -o bin/prava .
exec bin/prava "$@"
