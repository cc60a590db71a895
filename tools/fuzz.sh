#!/usr/bin/env bash
# tools/fuzz.sh SECONDS: runs every libFuzzer target (tests/fuzz/fuzz_*.cpp)
# for SECONDS each, with AddressSanitizer and UndefinedBehaviorSanitizer.
# It configures and builds the clang build folder ($BATTC_FUZZ_BUILD, default
# build-fuzz) when needed, seeds each target's corpus from the test data (the
# same files the replay tests read) and the inputs found before
# (tests/fuzz/regressions/<target>/), and keeps the corpus between runs.
# Exit 0 when nothing was found; else 1, with each finding under
# <build>/findings/<target>/: reproduce with `<build>/tests/fuzz/fuzz_<target> FILE`,
# fix it, and copy the file into tests/fuzz/regressions/<target>/ (a
# regression test from then on).
# BATTC_FUZZ_SEED=N fixes libFuzzer's random seed, so that the same commit
# explores the same inputs (CI sets it: its verdict must be the commit's, not
# the draw's); left unset, each run explores afresh (libFuzzer draws a seed).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:?usage: tools/fuzz.sh SECONDS}"
build="${BATTC_FUZZ_BUILD:-build-fuzz}"
command -v clang++ > /dev/null || { echo "fuzz.sh: needs clang++ (apt-get install clang libclang-rt-dev)" >&2; exit 2; }

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        -DBATTC_FUZZ=ON -DBATTC_SANITIZE=ON -DBATTC_BUILD_TESTS=OFF -DCMAKE_DISABLE_FIND_PACKAGE_CUDAToolkit=ON
fi
targets=(tasks programs generate)
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

seed() {  # target -> the seed files from the test data
  case "$1" in
    tasks) find tasks/demo tests/data -name '*.json' ;;
    *) find tests/generator/diagnostics tests/golden tasks/demo -name '*.py' ;;
  esac
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
found=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t" findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings"
  seed "$t" | while read -r f; do cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"; done
  exe="$build/tests/fuzz/fuzz_$t"
  [ -x "$exe" ] || { echo "fuzz.sh: $exe was not built" >&2; exit 2; }
  echo "fuzz.sh: fuzz_$t for ${seconds} s"
  # -timeout: an input that takes 10 s is a finding (a runaway parse or check)
  if ! "$exe" ${BATTC_FUZZ_SEED:+-seed="$BATTC_FUZZ_SEED"} -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "tests/fuzz/regressions/$t" \
        > "$build/fuzz_$t.log" 2>&1; then
    echo "fuzz.sh: fuzz_$t found something: $(ls "$findings" | head -5 | tr '\n' ' ')(log: $build/fuzz_$t.log)"
    tail -30 "$build/fuzz_$t.log"
    found=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz_$t.log" | sed "s/^/fuzz.sh: fuzz_$t /"
  fi
done
if [ "$found" -ne 0 ]; then exit 1; fi
echo "fuzz.sh: nothing found (${seconds} s per target)"
