#!/usr/bin/env bash
# Tests what scripts/package.sh builds, as a person would get it:
#   - SHA256SUMS matches the files;
#   - the .deb has its fields and files, installs with dpkg -i, the installed
#     /usr/bin/prava says its version and passes scripts/smoke.sh, and
#     dpkg -r removes it all;
#   - the tar.xz has fyne's layout and its Makefile installs and removes it
#     in a scratch home and a scratch root;
#   - the zip holds prava.exe, which `file` calls a PE32+ GUI program, with an
#     icon and the version in its resources and no DLL beyond Windows' own,
#     and a README.
#
#   scripts/test-package.sh [--linux] [--no-build]
#
# It runs scripts/package.sh (with --linux: only the Linux part, quick
# enough for CI) unless --no-build says dist/ is already built. It needs
# root for dpkg (or sudo) and refuses to touch a Prava installed otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

build=1
linux_only=0
for a in "$@"; do
  case "$a" in
    --linux) linux_only=1 ;;
    --no-build) build=0 ;;
    *) echo "test-package.sh: unknown argument $a; use --linux and/or --no-build" >&2; exit 2 ;;
  esac
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if [ "$build" = 1 ]; then
  if [ "$linux_only" = 1 ]; then scripts/package.sh --linux; else scripts/package.sh; fi
fi
scripts/setup.sh test
# desktop-file-validate checks the menu entry; wrestool lists the exe's resources.
missing=()
for p in desktop-file-utils icoutils binutils-mingw-w64-x86-64 unzip make; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
ok() { echo "test-package: ok: $*"; }

# The version the packages must carry is the one FyneApp.toml gives the
# binary built from this source.
scratch=$(mktemp -d)
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then $sudo dpkg -P prava >/dev/null 2>&1 || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

version=$(sed -n 's/^Version: //p' <(dpkg-deb -f dist/prava_*_amd64.deb 2>/dev/null) | head -1)
[ -n "$version" ] || fail "no dist/prava_*_amd64.deb: run scripts/package.sh"
deb=$(ls dist/prava_*_amd64.deb)
[ "$(echo "$deb" | wc -l)" = 1 ] || fail "more than one .deb in dist/: $deb; remove the old ones"
tarball=$(ls dist/prava-*-linux-amd64.tar.xz)
app_id=$(awk -F'"' '/^ID *=/ {print $2}' FyneApp.toml)

(cd dist && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match dist/"
ok "SHA256SUMS matches $(wc -l <dist/SHA256SUMS) files"

# --- the .deb -------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = prava ] || fail ".deb Package is $(field Package)"
[ "$(field Architecture)" = amd64 ] || fail ".deb Architecture is $(field Architecture)"
depends=$(field Depends)
for lib in libc6 libgl1 libx11-6; do
  [[ ", $depends" == *", $lib"* ]] || fail ".deb Depends lacks $lib: $depends"
done
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/prava ./usr/bin/prava-cli "./usr/share/applications/$app_id.desktop" \
  "./usr/share/icons/hicolor/48x48/apps/$app_id.png" "./usr/share/icons/hicolor/256x256/apps/$app_id.png" \
  ./usr/share/doc/prava/copyright ./usr/share/doc/prava/modules.txt \
  ./usr/share/doc/prava/licenses/assets/fonts/LICENSE ./usr/share/doc/prava/licenses/go/LICENSE \
  ./usr/share/doc/prava/licenses/fyne.io/fyne/v2/LICENSE; do
  grep -qxF "$f" <<<"$contents" || fail ".deb lacks $f"
done
ok ".deb $version: fields and files, Depends: $depends"

if dpkg-query -W -f='${Status}' prava 2>/dev/null | grep -q "install ok installed"; then
  fail "a Prava package is already installed here; remove it (dpkg -r prava) to run this test"
fi
[ ! -e /usr/bin/prava ] || fail "/usr/bin/prava exists but no package owns it; move it away to run this test"
installed=1
$sudo dpkg -i "$deb" >"$scratch/dpkg-i.log" 2>&1 || { cat "$scratch/dpkg-i.log" >&2; fail "dpkg -i $deb"; }
got=$(/usr/bin/prava version)
[ "$got" = "prava $version" ] || fail "installed prava version says \"$got\", not \"prava $version\""
got=$(/usr/bin/prava-cli version)
[ "$got" = "prava $version" ] || fail "installed prava-cli version says \"$got\", not \"prava $version\""
ldd /usr/bin/prava-cli | grep -qE 'lib(GL|X11)' && fail "prava-cli links a graphics library: $(ldd /usr/bin/prava-cli)"
desktop-file-validate "/usr/share/applications/$app_id.desktop" || fail "the desktop entry does not validate"
grep -qx "Exec=prava" "/usr/share/applications/$app_id.desktop" || fail "the desktop entry does not run prava"
ok "dpkg -i: /usr/bin/prava says \"$got\"; the desktop entry validates"

scripts/smoke.sh /usr/bin/prava || fail "the smoke test of the installed /usr/bin/prava"

$sudo dpkg -r prava >"$scratch/dpkg-r.log" 2>&1 || { cat "$scratch/dpkg-r.log" >&2; fail "dpkg -r prava"; }
installed=0
left=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print substr($6, 2)}' | while read -r f; do [ ! -e "$f" ] || echo "$f"; done)
[ ! -d /usr/share/doc/prava ] || left+=" /usr/share/doc/prava/"
[ -z "$left" ] || fail "dpkg -r left behind: $left"
dpkg-query -W -f='${Status}' prava 2>/dev/null | grep -q "install ok installed" && fail "dpkg still lists prava as installed"
$sudo dpkg -P prava >/dev/null 2>&1 || true
ok "dpkg -r removed every file the package installed"

# --- the tar.xz -----------------------------------------------------------
mkdir -p "$scratch/tar"
tar -C "$scratch/tar" -xJf "$tarball"
for f in Makefile usr/local/bin/prava usr/local/bin/prava-cli "usr/local/share/applications/$app_id.desktop" \
  "usr/local/share/pixmaps/$app_id.png" usr/local/share/doc/prava/copyright; do
  [ -e "$scratch/tar/$f" ] || fail "the tar.xz lacks $f"
done
[ "$("$scratch/tar/usr/local/bin/prava" version)" = "prava $version" ] || fail "the tar.xz's prava is not version $version"
home="$scratch/home"
mkdir -p "$home"
make -s -C "$scratch/tar" user-install HOME="$home" >/dev/null
[ -x "$home/.local/bin/prava" ] || fail "make user-install did not install ~/.local/bin/prava"
[ -x "$home/.local/bin/prava-cli" ] || fail "make user-install did not install ~/.local/bin/prava-cli"
grep -qx "Exec=$home/.local/bin/prava" "$home/.local/share/applications/$app_id.desktop" ||
  fail "make user-install did not point the desktop entry at ~/.local/bin/prava"
[ -f "$home/.local/share/icons/hicolor/256x256/apps/$app_id.png" ] || fail "make user-install did not install the icon"
make -s -C "$scratch/tar" user-uninstall HOME="$home" >/dev/null
[ -z "$(find "$home" -type f)" ] || fail "make user-uninstall left: $(find "$home" -type f)"
make -s -C "$scratch/tar" install DESTDIR="$scratch/root" >/dev/null
[ -x "$scratch/root/usr/local/bin/prava" ] || fail "make install DESTDIR=… did not install the binary"
[ -f "$scratch/root/usr/local/share/doc/prava/licenses/go/LICENSE" ] || fail "make install DESTDIR=… did not install the licences"
make -s -C "$scratch/tar" uninstall DESTDIR="$scratch/root" >/dev/null
[ -z "$(find "$scratch/root" -type f)" ] || fail "make uninstall left: $(find "$scratch/root" -type f)"
ok "tar.xz: fyne's layout; make user-install/user-uninstall and install/uninstall work"

# --- the zip ----------------------------------------------------------------
if [ "$linux_only" = 1 ]; then
  echo "test-package: the Windows zip was not built (--linux)"
  echo "test-package: all passed"
  exit 0
fi
zip=$(ls dist/prava-*-windows-amd64.zip)
top=$(basename "$zip" .zip)
unzip -q "$zip" -d "$scratch/zip"
exe="$scratch/zip/$top/prava.exe"
for f in prava.exe prava-cli.exe README.txt modules.txt licenses/go/LICENSE licenses/github.com/danieljoos/wincred/LICENSE; do
  [ -e "$scratch/zip/$top/$f" ] || fail "the zip lacks $top/$f"
done
file "$exe" | grep -q "PE32+ executable (GUI) x86-64" || fail "prava.exe: $(file -b "$exe")"
grep -q $'\r$' "$scratch/zip/$top/README.txt" || fail "README.txt has Unix line ends; Notepad wants CRLF"
resources=$(wrestool -l "$exe")
grep -q "type=14" <<<"$resources" || fail "prava.exe has no icon group: $resources"
grep -q "type=16" <<<"$resources" || fail "prava.exe has no version resource: $resources"
grep -q "type=24" <<<"$resources" || fail "prava.exe has no manifest: $resources"
wrestool -x -t14 "$exe" >"$scratch/icon.ico"
icon=$(file -b "$scratch/icon.ico")
[[ "$icon" == *"MS Windows icon resource"* ]] || fail "prava.exe's icon is not an icon: $icon"
strings -el "$exe" | grep -qx "$version" || fail "prava.exe's version resource does not say $version"
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -u)
if grep -iv -e '^kernel32\.dll$' -e '^user32\.dll$' -e '^gdi32\.dll$' -e '^opengl32\.dll$' -e '^advapi32\.dll$' \
  -e '^shell32\.dll$' -e '^ole32\.dll$' -e '^winmm\.dll$' -e '^ws2_32\.dll$' -e '^msvcrt\.dll$' -e '^crypt32\.dll$' \
  -e '^dwmapi\.dll$' -e '^imm32\.dll$' -e '^comdlg32\.dll$' -e '^shlwapi\.dll$' -e '^oleaut32\.dll$' -e '^uxtheme\.dll$' \
  -e '^api-ms-win-' -e '^bcrypt\.dll$' -e '^ntdll\.dll$' -e '^secur32\.dll$' -e '^userenv\.dll$' -e '^powrprof\.dll$' \
  -e '^iphlpapi\.dll$' -e '^dnsapi\.dll$' -e '^netapi32\.dll$' -e '^mswsock\.dll$' -e '^version\.dll$' <<<"$dlls"; then
  fail "prava.exe needs DLLs Windows does not ship (listed above)"
fi
ok "zip: prava.exe is a PE32+ GUI program with icon ($icon), version $version, manifest; imports only $(echo "$dlls" | tr '\n' ' ')"
echo "test-package: all passed"
