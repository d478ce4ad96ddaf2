#!/usr/bin/env bash
# Takes the README screenshots of the real app under Xvfb (1280x800), with a throw-away data
# and config folder so the shots never depend on (or touch) the user's own history.
# Usage: docs/screenshots/take-screenshots.sh [build-dir]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
app="$build/app/agora"
[ -x "$app" ] || { echo "build the app first: $app is missing" >&2; exit 1; }
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/agora-runtime-$(id -u)}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

shoot() { # shoot <output.png> <agora arguments...>
    local out=$1; shift
    HOME="$scratch/home" XDG_DATA_HOME= XDG_CONFIG_HOME= \
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$0" -geometry 1280x800+0+0 "${@:2}" & pid=$!
        sleep 6
        import -window root "$1"
        kill $pid; wait $pid 2>/dev/null || true' "$app" "$out" "$@"
    echo "wrote $out"
}

shoot docs/screenshots/main-devices.png --theme light --lang en
shoot docs/screenshots/main-devices-dark.png --theme dark --lang en
shoot docs/screenshots/main-devices-de.png --theme light --lang de
