#!/usr/bin/env bash
# Fuzzes the GGUF reader with libFuzzer (clang++-14, ASan + UBSan), outside CMake and Qt.
#   bash tests/fuzz/run.sh smoke          build, seed, fuzz ~60 s (CI: make fuzz-smoke)
#   bash tests/fuzz/run.sh long SECONDS   the same for SECONDS seconds
#   bash tests/fuzz/run.sh build          only build
# Output in build-fuzz/: the fuzzer, seeds/ (regenerated each run), corpus/ (kept between runs:
# what the fuzzer found interesting), crash-* files for any failure.
set -euo pipefail

mode="${1:-smoke}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/build-fuzz"
shared="${AGORA_SHARED_DIR:-$root/../shared}"
cxx="${CXX_FUZZ:-clang++-14}"

case "$mode" in
    smoke) seconds=60 ;;
    long) seconds="${2:?usage: run.sh long SECONDS}" ;;
    build) seconds=0 ;;
    *) echo "usage: run.sh smoke | long SECONDS | build" >&2; exit 2 ;;
esac

command -v "$cxx" >/dev/null || { echo "run.sh: $cxx not found (apt install clang-14)" >&2; exit 1; }
mkdir -p "$out/seeds" "$out/corpus"

# The engine parts the reader and the summary live in (core and gguf), globbed so that a new
# file in either part needs no edit here.
engine_srcs=("$root"/engine/src/core/*.cpp "$root"/engine/src/gguf/*.cpp)
common=(-std=c++20 -g -O1 -I"$root/engine/include" -I"$root/engine/src" -I"$root/tests/support"
        -DSPDLOG_COMPILED_LIB -DSPDLOG_FMT_EXTERNAL -DSPDLOG_SHARED_LIB -DFMT_SHARED)
libs=(-lspdlog -lfmt -lpthread)

echo "run.sh: building the fuzzer into $out"
"$cxx" "${common[@]}" -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "$root/tests/fuzz/fuzz_gguf.cpp" "${engine_srcs[@]}" "${libs[@]}" -o "$out/fuzz_gguf"
"$cxx" "${common[@]}" "$root/tests/fuzz/make_seeds.cpp" "$root/tests/support/gguf_broken.cpp" \
    "$root/engine/src/gguf/gguf_writer.cpp" "$root/engine/src/gguf/value.cpp" "$root/engine/src/core/tensor_type.cpp" \
    -o "$out/make_seeds"

# Seeds: the broken cases, the valid base, and every fixture GGUF cut to its first 64 KiB (the
# header and metadata are where the parsing is; whole tensor data would only slow mutations).
rm -f "$out/seeds/"*
"$out/make_seeds" "$out/seeds"
if [ -d "$shared/fixtures" ]; then
    while IFS= read -r -d '' f; do
        head -c 65536 "$f" > "$out/seeds/fixture-$(basename "$f")"
    done < <(find "$shared/fixtures" -name '*.gguf' -print0)
fi
echo "run.sh: $(ls "$out/seeds" | wc -l) seed files"

[ "$seconds" = 0 ] && exit 0

# One job; a crash stops the run with a non-zero status and leaves crash-* in build-fuzz/.
cd "$out"
set +e
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ./fuzz_gguf corpus seeds -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024 \
    -max_len=131072 -timeout=10 -print_final_stats=1 > "$out/last-run.log" 2>&1
status=$?
set -e
grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|^Done [0-9]+ runs|stat::(number_of_executed_units|peak_rss_mb)|ERROR|SUMMARY|crash-" \
    "$out/last-run.log" || true
if [ "$status" != 0 ]; then
    echo "run.sh: the fuzzer failed (status $status); see $out/last-run.log and the crash-* file" >&2
fi
exit "$status"
