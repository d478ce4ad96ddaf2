#!/usr/bin/env bash
# Takes the README screenshots of the real app under Xvfb (1280x800), each with a throw-away
# home and data folder (--data-dir) so the shots never depend on (or touch) the user's own
# history, models or settings. The chat shots run the real engine on stories260K (a tiny base
# model: it continues the text it is given), copied from ../shared into the throw-away folder.
# The compare and arena shots add small synthetic chat models from ../shared (random weights:
# their answers are noise, but every pane, stat and leaderboard row is the real app's).
# The arena rounds are typed with xdotool, a dev-only tool for this script (apt-get install
# xdotool); the app itself has no demo mode.
# Usage: docs/screenshots/take-screenshots.sh [build-dir [shot...]]   (default: build, every shot)
#   e.g. take-screenshots.sh build compare arena-leaderboard   retakes only those two
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
only=" ${*:2} "
# wanted <output.png>: true when no shots were named or this one was.
wanted() { [ "$only" = "  " ] || [[ "$only" == *" $(basename "$1" .png) "* ]]; }
app="$build/app/agora"
[ -x "$app" ] || { echo "build the app first: $app is missing" >&2; exit 1; }
fixtures=${AGORA_SHARED_DIR:-../shared}/fixtures/models
stories=$fixtures/stories260K.gguf
[ -f "$stories" ] || { echo "missing $stories (the shared fixtures)" >&2; exit 1; }
command -v xdotool >/dev/null || { echo "the arena shot needs xdotool (apt-get install xdotool)" >&2; exit 1; }
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

# with_models <name> <fixture>...: a data folder holding these fixtures (paths under $fixtures).
with_models() {
    local dir; dir=$(fresh_data "$1"); shift
    mkdir -p "$dir/models"
    for f in "$@"; do cp "$fixtures/$f" "$dir/models/"; done
    echo "$dir"
}

shoot() { # shoot <output.png> <seconds to wait> <agora arguments...>
    local out=$1 wait=$2; shift 2
    wanted "$out" || return 0
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

# Compare: the tiny story model next to a synthetic Qwen2-style chat model, same prompt.
d=$(with_models compare stories260K.gguf synthetic/syn-qwen2-4k-Q8_0.gguf)
shoot docs/screenshots/compare.png 20 --data-dir "$d" --theme light --lang en \
    --compare "$d/models/stories260K.gguf" --compare "$d/models/syn-qwen2-4k-Q8_0.gguf" --send "$prompt"

# Arena: real blind rounds typed on the keyboard (Enter starts a round, 1-4 votes, Space is
# "New round"), then the Leaderboard tab. The clicks are at fixed spots of the 1280x800 window.
arena_shot() { # arena_shot <output.png> <data folder>
    local out=$1 data=$2
    wanted "$out" || return 0
    HOME="$scratch/home" XDG_DATA_HOME= XDG_CONFIG_HOME= \
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$0" -geometry 1280x800+0+0 --data-dir "$2" --theme light --lang en --section arena & pid=$!
        sleep 8
        xdotool mousemove 600 218 click 1   # the question field
        round=0
        for vote in 1 2 1 3 1 2 4 1; do
            round=$((round + 1))
            xdotool type --delay 5 "Tell me a short story about a lighthouse, take $round"
            xdotool key Return
            sleep 20
            xdotool key "$vote"
            sleep 1
            xdotool key space
            sleep 1
        done
        xdotool mousemove 978 83 click 1    # the Leaderboard tab
        sleep 3
        import -window root "$1"
        kill $pid; wait $pid 2>/dev/null || true' "$app" "$out" "$data"
    echo "wrote $out"
}
d=$(with_models arena stories260K.gguf synthetic/syn-qwen2-4k-Q8_0.gguf synthetic/syn-llama3-2k-Q8_0.gguf \
    synthetic/syn-gemma2-2k-Q8_0.gguf)
arena_shot docs/screenshots/arena-leaderboard.png "$d"
