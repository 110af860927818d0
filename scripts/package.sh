#!/usr/bin/env bash
# Builds Prava's packages into dist/:
#   prava_<version>_amd64.deb             Debian and Ubuntu (dpkg -i / apt install ./…)
#   prava-<version>-linux-amd64.tar.xz    other Linux, laid out as `fyne package -os linux` does
#   prava-<version>-windows-amd64.zip     prava.exe (a GUI program with icon and version), README.txt
#   SHA256SUMS                            of the above
#
#   scripts/package.sh [--linux] [VERSION]
#
# VERSION defaults to FyneApp.toml's [Details] Version, which the binary
# embeds; a VERSION given here is stamped into the binary instead. --linux
# builds only the .deb and the tar.xz (the Windows build compiles Fyne with
# a cross-compiler: slow the first time). Missing Debian packages are
# installed with apt-get, as scripts/setup.sh does. Needs Go on the PATH or
# in /usr/local/go.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
started=$SECONDS

windows=1
version_arg=""
for a in "$@"; do
  case "$a" in
    --linux) windows=0 ;;
    -h | --help) sed -n '2,15s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "package.sh: unknown option $a; use --linux or a version like 1.2.3" >&2; exit 2 ;;
    *)
      [ -z "$version_arg" ] || { echo "package.sh: give one version, not \"$version_arg\" and \"$a\"" >&2; exit 2; }
      [[ "$a" =~ ^[0-9][0-9A-Za-z.+~_-]*$ ]] ||
        { echo "package.sh: version \"$a\" must start with a digit and hold only letters, digits and . + ~ _ - (like 1.2.3)" >&2; exit 2; }
      version_arg=$a ;;
  esac
done

step() { echo "== $* ($((SECONDS - started)) s)"; }

# need installs the Debian packages given that are missing.
need() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

step "tools"
scripts/setup.sh build
need dpkg-dev xz-utils zip imagemagick file
[ "$windows" = 0 ] || need gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64

# toml reads KEY from [SECTION] of FyneApp.toml ("" for the top level): a
# string comes out bare, a list as "a;b;" (the desktop entry's form).
toml() {
  awk -v sec="$1" -v key="$2" '
    /^[[:space:]]*\[/ { s = $0; gsub(/[][[:space:]]/, "", s); cur = s; next }
    { line = $0; sub(/^[[:space:]]+/, "", line) }
    cur == sec && line ~ "^" key "[[:space:]]*=" {
      v = line; sub(/^[^=]*=[[:space:]]*/, "", v); sub(/[[:space:]]*(#.*)?\r?$/, "", v)
      if (v ~ /^\[/) { gsub(/^\[|\]$/, "", v); gsub(/"[[:space:]]*,[[:space:]]*"/, ";", v); gsub(/"/, "", v); if (v != "") v = v ";" }
      else { gsub(/^"|"$/, "", v) }
      print v; exit
    }' FyneApp.toml
}
name=$(toml Details Name)
app_id=$(toml Details ID)
icon_src=$(toml Details Icon)
website=$(toml "" Website)
generic_name=$(toml LinuxAndBSD GenericName)
comment=$(toml LinuxAndBSD Comment)
categories=$(toml LinuxAndBSD Categories)
keywords=$(toml LinuxAndBSD Keywords)
for v in name app_id icon_src website; do
  [ -n "${!v}" ] || { echo "package.sh: FyneApp.toml lacks $v; see fyne's FyneApp.toml format" >&2; exit 1; }
done

work=$(mktemp -d)
syso=rsrc_windows_amd64.syso
cleanup() { rm -rf "$work"; rm -f "$syso"; }
trap cleanup EXIT
mkdir -p dist
# dist/ holds build outputs only: keep it out of git.
[ -f dist/.gitignore ] || echo '*' >dist/.gitignore
# Packages of an earlier run (perhaps another version) would not match
# this run's SHA256SUMS.
rm -f dist/prava[_-]* dist/SHA256SUMS

ldflags=(-s -w)
[ -z "$version_arg" ] || ldflags+=("-X" "prava/appinfo.Version=$version_arg")

step "building the Linux binary"
go build -ldflags "${ldflags[*]}" -o "$work/prava" .
version=$("$work/prava" version | awk '{print $2}')
if [ -n "$version_arg" ] && [ "$version" != "$version_arg" ]; then
  echo "package.sh: the binary says it is $version, not $version_arg" >&2
  exit 1
fi
# The command line alone, without the graphics libraries (issue 25): it
# says the app's version, given at link time.
go build -ldflags "${ldflags[*]} -X prava/appinfo.Version=$version" -o "$work/prava-cli" ./cmd/prava-cli
[ "$("$work/prava-cli" version)" = "prava $version" ] ||
  { echo "package.sh: prava-cli says \"$("$work/prava-cli" version)\", not \"prava $version\"" >&2; exit 1; }
deb_version=${version//-/\~} # Debian sorts 1.0~rc1 before 1.0
echo "Prava $version"
file "$work/prava" | grep -q "ELF 64-bit.*x86-64" || { echo "package.sh: $work/prava is not an x86-64 ELF binary" >&2; exit 1; }

# fill TEMPLATE OUT [FIELD=VALUE…]: writes TEMPLATE with the @FIELD@s that
# packaging/ templates use filled in, and the extra ones given.
shopt -u patsub_replacement 2>/dev/null || true # an & in a value stays an &
fill() {
  local template=$1 out=$2 text nums commas="" dots="" i n kv
  shift 2
  IFS=. read -r -a nums <<<"$version" # 1.2.3-rc1 → 1 2 3; Windows wants four numbers
  for i in 0 1 2 3; do
    n=${nums[$i]:-0}
    n=${n%%[!0-9]*}
    commas+="${commas:+,}${n:-0}"
    dots+="${dots:+.}${n:-0}"
  done
  text=$(<"$template")
  for kv in "NAME=$name" "APP_ID=$app_id" "WEBSITE=$website" "VERSION=$version" \
    "DEB_VERSION=$deb_version" "VERSION_COMMAS=$commas" "VERSION_DOTS=$dots" \
    "GENERIC_NAME=$generic_name" "GENERIC_NAME_LOWER=${generic_name,}" "COMMENT=$comment" \
    "CATEGORIES=$categories" "KEYWORDS=$keywords" "EXEC=prava" \
    "MAINTAINER=${PRAVA_MAINTAINER:-Prava developers <prava@invalid>}" "$@"; do
    text=${text//@${kv%%=*}@/${kv#*=}}
  done
  if [[ "$text" =~ @[A-Z_]+@ ]]; then
    echo "package.sh: $template has a field package.sh does not fill: ${BASH_REMATCH[0]}" >&2
    exit 1
  fi
  printf '%s\n' "$text" >"$out"
}

# licenses GOOS DIR: the licence texts of everything the binary for GOOS
# holds — Go's, the embedded fonts' and data's (every LICENSE under
# assets/), and each linked Go module's, as the module ships it — and
# DIR/../modules.txt listing the modules.
licenses() {
  local goos=$1 dir=$2 mod ver mdir f found
  mkdir -p "$dir/go" "$dir/assets"
  cp "$(go env GOROOT)/LICENSE" "$dir/go/LICENSE"
  (cd assets && find . -iname 'LICENSE*' -o -iname 'COPYING*') | while read -r f; do
    install -Dm644 "assets/$f" "$dir/assets/$f"
  done
  : >"$dir/../modules.txt"
  GOOS=$goos GOARCH=amd64 CGO_ENABLED=1 go list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{with .Replace}}(replaced:{{.Path}}){{end}} {{.Dir}}{{end}}{{end}}' . |
    sort -u | while read -r mod ver mdir; do
      found=0
      for f in "$mdir"/*; do
        case "$(basename "$f" | tr '[:upper:]' '[:lower:]')" in
          licen[cs]e* | copying* | notice* | patents* | unlicense*)
            install -Dm644 "$f" "$dir/$mod/$(basename "$f")"
            found=1 ;;
        esac
      done
      if [ "$found" = 1 ]; then
        echo "$mod ${ver/(/ (}" >>"$dir/../modules.txt"
      else
        echo "package.sh: warning: $mod has no licence file in $mdir" >&2
        echo "$mod ${ver/(/ (} (no licence file shipped with the module)" >>"$dir/../modules.txt"
      fi
    done
}

step "icons"
mkdir -p "$work/icons"
for s in 16 24 32 48 64 128 256 512; do
  convert "$icon_src" -resize "${s}x${s}" -depth 8 "$work/icons/$s.png"
done

step "licences"
licenses linux "$work/doc-linux/licenses"
fill packaging/debian/copyright.in "$work/doc-linux/copyright"

step "the .deb"
deb="$work/deb"
install -Dm755 "$work/prava" "$deb/usr/bin/prava"
install -Dm755 "$work/prava-cli" "$deb/usr/bin/prava-cli"
fill packaging/linux/app.desktop.in "$work/app.desktop"
install -Dm644 "$work/app.desktop" "$deb/usr/share/applications/$app_id.desktop"
for s in 16 24 32 48 64 128 256 512; do
  install -Dm644 "$work/icons/$s.png" "$deb/usr/share/icons/hicolor/${s}x${s}/apps/$app_id.png"
done
mkdir -p "$deb/usr/share/doc/prava"
cp -R "$work/doc-linux/." "$deb/usr/share/doc/prava/"
# dpkg-shlibdeps works out which packages hold the libraries the binary
# links; it wants a debian/control to read, so it runs in a scratch folder.
mkdir -p "$work/shlibs/debian"
printf 'Source: prava\n\nPackage: prava\nArchitecture: any\n' >"$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$deb/usr/bin/prava" 2>"$work/shlibs.log" | sed -n 's/^shlibs:Depends=//p') ||
  { cat "$work/shlibs.log" >&2; exit 1; }
[ -n "$depends" ] || { echo "package.sh: dpkg-shlibdeps found no dependencies" >&2; cat "$work/shlibs.log" >&2; exit 1; }
# GLFW opens the X11 and Wayland libraries at run time (dlopen), which
# neither ldd nor dpkg-shlibdeps sees; their names are in the binary.
# The GL loaders it tries one after another are covered by libgl1 above,
# and libdecor (window borders on Wayland) is optional.
for so in $(strings -n 8 "$deb/usr/bin/prava" | grep -E '^lib(X[A-Za-z0-9_-]*|wayland-[a-z]+|xkbcommon)\.so\.[0-9]+$' | sort -u); do
  pkg=$(dpkg-query -S "*/x86_64-linux-gnu/$so" 2>/dev/null | head -1 | cut -d: -f1) ||
    true
  [ -n "$pkg" ] || { echo "package.sh: the binary loads $so, which no installed package holds; run scripts/setup.sh build" >&2; exit 1; }
  [[ ", $depends," == *", $pkg "* || ", $depends," == *", $pkg,"* ]] || depends+=", $pkg"
done
echo "Depends: $depends"
find "$deb" -type d -exec chmod 755 {} +
find "$deb/usr/share" -type f -exec chmod 644 {} +
mkdir -p "$deb/DEBIAN"
(cd "$deb" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$deb/DEBIAN/md5sums"
installed_size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
fill packaging/debian/control.in "$deb/DEBIAN/control" "DEPENDS=$depends" "INSTALLED_SIZE=$installed_size"
chmod 644 "$deb/DEBIAN/control" "$deb/DEBIAN/md5sums"
deb_file="dist/prava_${deb_version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$deb" "$deb_file" >/dev/null

step "the tar.xz"
tree="$work/tar"
install -Dm755 "$work/prava" "$tree/usr/local/bin/prava"
install -Dm755 "$work/prava-cli" "$tree/usr/local/bin/prava-cli"
install -Dm644 "$work/app.desktop" "$tree/usr/local/share/applications/$app_id.desktop"
install -Dm644 "$work/icons/256.png" "$tree/usr/local/share/pixmaps/$app_id.png"
mkdir -p "$tree/usr/local/share/doc/prava"
cp -R "$work/doc-linux/." "$tree/usr/local/share/doc/prava/"
fill packaging/linux/Makefile.in "$tree/Makefile"
tar_file="dist/prava-$version-linux-amd64.tar.xz"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$tree" -I 'xz -T0' -cf "$tar_file" usr Makefile

artifacts=("$deb_file" "$tar_file")
if [ "$windows" = 1 ]; then
  step "the Windows resources"
  win="$work/win"
  mkdir -p "$win"
  convert "$work/icons/256.png" -define icon:auto-resize=256,128,64,48,32,16 "$win/prava.ico"
  fill packaging/windows/prava.exe.manifest.in "$win/prava.exe.manifest"
  fill packaging/windows/prava.rc.in "$win/prava.rc"
  x86_64-w64-mingw32-windres -I "$win" -O coff -o "$syso" "$win/prava.rc"

  step "building prava.exe (slow the first time: Fyne is compiled with mingw)"
  CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
    go build -ldflags "-H=windowsgui ${ldflags[*]}" -o "$win/prava.exe" .
  rm -f "$syso"
  file "$win/prava.exe" | grep -q "PE32+ executable (GUI) x86-64" ||
    { echo "package.sh: prava.exe is not a PE32+ GUI program: $(file "$win/prava.exe")" >&2; exit 1; }

  step "the zip"
  top="prava-$version-windows-amd64"
  z="$work/zip/$top"
  mkdir -p "$z"
  cp "$win/prava.exe" "$z/"
  CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -ldflags "${ldflags[*]} -X prava/appinfo.Version=$version" -o "$z/prava-cli.exe" ./cmd/prava-cli
  licenses windows "$z/licenses"
  fill packaging/windows/README.txt.in "$work/README.txt"
  sed 's/$/\r/' "$work/README.txt" >"$z/README.txt" # Notepad before Windows 10 wants CRLF
  zip_file="dist/$top.zip"
  rm -f "$zip_file"
  (cd "$work/zip" && zip -q -9 -X -r "$OLDPWD/$zip_file" "$top")
  artifacts+=("$zip_file")
fi

step "SHA256SUMS"
(cd dist && sha256sum "${artifacts[@]#dist/}") >dist/SHA256SUMS
for f in "${artifacts[@]}" dist/SHA256SUMS; do
  printf '%10s  %s\n' "$(du -h --apparent-size "$f" | cut -f1)" "$f"
done
echo "package.sh: done in $((SECONDS - started)) s"
