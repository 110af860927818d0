#!/usr/bin/env bash
# Runs every check and test on a fresh Debian/Ubuntu machine: installs what
# is missing, checks formatting, go vet and staticcheck, runs the Go tests
# against a real Secret Service keyring inside a private D-Bus session (where
# PRAVA_REQUIRE_KEYRING=1 makes the real-keyring tests run, and fail if the
# keyring does not work; elsewhere the tests use a keyring double), again
# under the race detector for the packages without the UI, fuzzes every
# target for 30 s, and starts the real binary in a virtual X display as a
# smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin:$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin"
scripts/setup.sh test

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' ':!third_party' 2>/dev/null || find . -name '*.go' -not -path './third_party/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi

echo "== go vet"
go vet ./...

echo "== go vet for Windows and macOS"
# Fyne's drivers need cgo and there is no cross C compiler here: Windows is
# vetted with Fyne's software driver, macOS without the packages that import
# Fyne (app, main).
GOOS=windows CGO_ENABLED=0 go vet -tags ci ./...
GOOS=darwin CGO_ENABLED=0 go vet $(GOOS=darwin CGO_ENABLED=0 go list -e -f '{{.ImportPath}}{{range .Deps}} {{.}}{{end}}' ./... | awk '!/fyne\.io\/fyne/ {print $1}')

echo "== staticcheck"
if ! command -v staticcheck >/dev/null 2>&1; then
  go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
fi
staticcheck ./...

echo "== go test (real keyring in a private D-Bus session, virtual display)"
dbus-run-session -- scripts/with-keyring.sh go test -count=1 ./... "$@"

# The packages without the UI, again under the race detector: the vault's
# saves encode parts in parallel, and policy downloads run beside the app.
nonui="./cli/... ./casework/... ./directory/... ./law/... ./letters/... ./policy/... ./storage/..."
echo "== go test -race ($nonui)"
dbus-run-session -- scripts/with-keyring.sh go test -race -count=1 $nonui

# Every fuzz target of those packages, 30 s each (FUZZTIME to change it).
# New targets are found by name, so none is forgotten.
echo "== fuzzing, ${FUZZTIME:-30s} per target"
for pkg in $(go list $nonui); do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
    echo "-- $pkg $target"
    go test -run '^$' -fuzz "^$target\$" -fuzztime "${FUZZTIME:-30s}" "$pkg"
  done
done

echo "== smoke test: the real app in a virtual display"
scripts/smoke.sh

echo "== packages: the Linux part of scripts/package.sh, installed, smoke-tested, removed"
scripts/test-package.sh --linux
