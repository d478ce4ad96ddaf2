#!/usr/bin/env bash
# Checks the Agora .deb the way a distribution would, then runs it from a throwaway root:
#   1. lintian: no tag beyond the justified ones in tests/packaging/lintian-allowed.txt
#   2. desktop-file-validate on the installed desktop entry
#   3. appstreamcli validate --no-net on the installed metainfo
#   4. the control file declares the runtime dependencies and recommends a Vulkan driver
#   5. dpkg -x into a temporary directory; `agora --version` and `agora-cli devices` run from there
# Usage: tests/packaging/check_package.sh path/to/agora_<version>_<arch>.deb
set -euo pipefail

deb=${1:-}
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    echo "usage: $0 path/to/agora_<version>_<arch>.deb (build it with: make package)" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
need() {
    command -v "$1" >/dev/null 2>&1 || { echo "FAIL: $1 is not installed (package $2); run scripts/install-deps.sh" >&2; exit 1; }
}
need lintian lintian
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need dpkg-deb dpkg

root=$(mktemp -d "${TMPDIR:-/tmp}/agora-package.XXXXXX")
trap 'rm -rf "$root"' EXIT

# --- 1. lintian ---------------------------------------------------------------------------------
# An allowed entry is a tag, or a tag and the start of its detail ("tag word").
mapfile -t allowed < <( (grep -v '^#' "$here/lintian-allowed.txt" || true) | sed '/^\s*$/d')
lintian_out=$(lintian --no-tag-display-limit --display-info "$deb" 2>&1 || true)
unexpected=""
while IFS= read -r line; do
    [ -z "$line" ] && continue
    case "$line" in [EWIPX]:*) ;; *) continue ;; esac
    detail=$(echo "$line" | cut -d' ' -f3-)
    ok=0
    for entry in "${allowed[@]}"; do
        if [ "$detail" = "$entry" ] || [[ "$detail" == "$entry "* ]]; then ok=1; break; fi
    done
    if [ "$ok" = 1 ]; then
        echo "      (allowed) $line"
    else
        unexpected+="$line"$'\n'
    fi
done <<<"$lintian_out"
if [ -n "$unexpected" ]; then
    fail "lintian tags that are not allowed:"$'\n'"$unexpected"
else
    pass "lintian"
fi

# --- unpack -------------------------------------------------------------------------------------
dpkg-deb -x "$deb" "$root"
desktop="$root/usr/share/applications/app.agora.Agora.desktop"
metainfo="$root/usr/share/metainfo/app.agora.Agora.metainfo.xml"
icon="$root/usr/share/icons/hicolor/scalable/apps/app.agora.Agora.svg"

# --- 2. desktop entry ---------------------------------------------------------------------------
if [ ! -f "$desktop" ]; then
    fail "no desktop entry at /usr/share/applications/app.agora.Agora.desktop"
elif out=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$out" ]; then
    pass "desktop-file-validate"
else
    fail "desktop-file-validate: $out"
fi
[ -f "$icon" ] && pass "hicolor icon" || fail "no icon at /usr/share/icons/hicolor/scalable/apps/app.agora.Agora.svg"

# --- 3. AppStream -------------------------------------------------------------------------------
if [ ! -f "$metainfo" ]; then
    fail "no AppStream metainfo at /usr/share/metainfo/app.agora.Agora.metainfo.xml"
elif out=$(appstreamcli validate --no-net --pedantic "$metainfo" 2>&1); then
    pass "appstreamcli validate --no-net"
else
    fail "appstreamcli validate: $out"
fi

# --- 4. control fields --------------------------------------------------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
recommends=$(dpkg-deb -f "$deb" Recommends)
before=$failures
for dep in libvulkan1 libpcre2-8-0 libqt6core6 libqt6gui6 libqt6qml6 libqt6quickcontrols2-6 libqt6network6 \
           libqt6sql6-sqlite qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts \
           qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel; do
    [[ ", $depends," == *", $dep"[\ ,]* ]] || fail "Depends lacks $dep (Depends: $depends)"
done
# spdlog's runtime package name carries its fmt ABI on Debian 12 (libspdlog1.10-fmt9).
[[ "$depends" == *libspdlog1* ]] || fail "Depends lacks the spdlog runtime (Depends: $depends)"
[[ "$recommends" == *mesa-vulkan-drivers* ]] || fail "Recommends lacks mesa-vulkan-drivers (Recommends: $recommends)"
[ "$failures" = "$before" ] && pass "control: Depends and Recommends"

# --- 5. run from the throwaway root -------------------------------------------------------------
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$root/xdg}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export HOME="$root/home" XDG_DATA_HOME="$root/home/data" XDG_CONFIG_HOME="$root/home/config"
mkdir -p "$HOME"
if version=$(QT_QPA_PLATFORM=offscreen timeout 60 "$root/usr/bin/agora" --version 2>&1) && [[ "$version" == *"$(dpkg-deb -f "$deb" Version)"* ]]; then
    pass "agora --version: $version"
else
    fail "agora --version printed: $version"
fi
if devices=$(timeout 120 "$root/usr/bin/agora-cli" devices 2>&1); then
    pass "agora-cli devices:"$'\n'"$(echo "$devices" | sed 's/^/      /')"
else
    fail "agora-cli devices failed: $devices"
fi

if [ "$failures" -gt 0 ]; then
    echo "package check: $failures problem(s) in $deb" >&2
    exit 1
fi
echo "package check passed: $deb"
