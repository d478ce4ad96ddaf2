#!/usr/bin/env bash
# Takes the README screenshots of the real app under Xvfb (1280x800), each with a throw-away
# home and data folder (--data-dir) so the shots never depend on (or touch) the user's own
# history, models or settings. The chat shots run the real engine on stories260K (a tiny base
# model: it continues the text it is given), copied from ../shared into the throw-away folder.
# Usage: docs/screenshots/take-screenshots.sh [build-dir]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
app="$build/app/agora"
[ -x "$app" ] || { echo "build the app first: $app is missing" >&2; exit 1; }
stories=${AGORA_SHARED_DIR:-../shared}/fixtures/models/stories260K.gguf
[ -f "$stories" ] || { echo "missing $stories (the shared fixtures)" >&2; exit 1; }
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/agora-runtime-$(id -u)}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# fresh_data <name>: an empty data folder; with_model <name>: one holding stories260K.
fresh_data() { mkdir -p "$scratch/$1"; echo "$scratch/$1"; }
with_model() {
    local dir; dir=$(fresh_data "$1")
    mkdir -p "$dir/models" && cp "$stories" "$dir/models/"
    echo "$dir"
}

shoot() { # shoot <output.png> <seconds to wait> <agora arguments...>
    local out=$1 wait=$2; shift 2
    HOME="$scratch/home" XDG_DATA_HOME= XDG_CONFIG_HOME= \
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$0" -geometry 1280x800+0+0 "${@:3}" & pid=$!
        sleep "$2"
        import -window root "$1"
        kill $pid; wait $pid 2>/dev/null || true' "$app" "$out" "$wait" "$@"
    echo "wrote $out"
}

prompt="Once upon a time, there was a little robot"

shoot docs/screenshots/first-run.png 6 --data-dir "$(fresh_data first-run)" --theme light --lang en
d=$(with_model chat-light)
shoot docs/screenshots/chat-light.png 12 --data-dir "$d" --theme light --lang en \
    --open-model "$d/models/stories260K.gguf" --send "$prompt"
d=$(with_model chat-dark)
shoot docs/screenshots/chat-dark.png 12 --data-dir "$d" --theme dark --lang en \
    --open-model "$d/models/stories260K.gguf" --send "$prompt"
d=$(with_model chat-de)
shoot docs/screenshots/chat-de.png 12 --data-dir "$d" --theme light --lang de \
    --open-model "$d/models/stories260K.gguf" --send "Es war einmal ein kleiner Roboter"
d=$(with_model models)
shoot docs/screenshots/models.png 8 --data-dir "$d" --theme light --lang en --section models \
    --open-model "$d/models/stories260K.gguf"
shoot docs/screenshots/settings.png 6 --data-dir "$(with_model settings)" --theme light --lang en --section settings
shoot docs/screenshots/main-devices.png 6 --data-dir "$(with_model devices)" --theme light --lang en --section devices
shoot docs/screenshots/main-devices-dark.png 6 --data-dir "$(with_model devices-dark)" --theme dark --lang en --section devices
shoot docs/screenshots/main-devices-de.png 6 --data-dir "$(with_model devices-de)" --theme light --lang de --section devices
