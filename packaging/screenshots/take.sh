#!/usr/bin/env bash
# Renders docs/screenshots/first-run.png and catalog.png (offscreen) with the QML test runner of a
# build directory: packaging/screenshots/take.sh [build-dir]  (default: build-ci)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$repo/build-ci}" && pwd)
cd "$repo/docs/screenshots"
QT_QPA_PLATFORM=offscreen "$build/tests/qml/test_qml_main" -input "$repo/packaging/screenshots/shot_first_run.qml"
ls -l first-run.png catalog.png
