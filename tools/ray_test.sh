#!/usr/bin/env bash
# tools/ray_test.sh: battc.distributed, the island-model search on Ray
# (docs/search.md, "Beyond one machine"), as a user of the wheel gets it:
#   1. the wheel built and installed into a fresh venv (tools/wheel_venv.sh;
#      the build folder is offline_test.sh's, so after it this is a packaging);
#   2. without Ray, importing battc.distributed says `pip install battc[ray]`;
#   3. battc[ray] (Ray from PyPI) into the venv, then
#      tests/python/distributed_test.py on a local Ray cluster of 2 CPUs and
#      20 ARC-AGI-1 training tasks ($ARC_DATA): the same seed gives the same
#      merged store, a worker killed mid-epoch gives it too, a kept store
#      resumes.
# Usage: tools/ray_test.sh. Env: PYTHON (python3), BATTC_WHEEL_BUILD_DIR
# (default <source>/build-wheel), BATTC_WHEEL (a built wheel to install
# instead), BATTC_OFFLINE_WORK (a scratch folder, kept). Prints "N passed,
# N failed, N skipped" last and exits 1 if a check failed; "[SKIP] why" (no
# venv, no PyPI for the build tools or Ray, no ARC data) exits 0, which CTest
# reports as skipped.
set -uo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-python3}
NAME=ray
. "$SRC/tools/script_checks.sh"
WHEEL_BUILD=${BATTC_WHEEL_BUILD_DIR:-$SRC/build-wheel}
# The test's lines: its [PASS] and [FAIL] counted here.
tally() {
  local out=$1
  passed=$((passed + $(grep -c '^\[PASS\]' "$out"))); failed=$((failed + $(grep -c '^\[FAIL\]' "$out")))
}

# A relative ARC_DATA: against the current folder, then the source tree (as
# the C++ tests read it), before the test leaves for an empty folder.
if [ -n "${ARC_DATA:-}" ] && [ "${ARC_DATA#/}" = "$ARC_DATA" ]; then
  for base in "$PWD" "$SRC"; do
    if [ -d "$base/$ARC_DATA" ]; then ARC_DATA=$(cd "$base/$ARC_DATA" && pwd); break; fi
  done
  export ARC_DATA
fi

. "$SRC/tools/wheel_venv.sh"
mkdir -p "$WORK/empty" && cd "$WORK/empty"
export BATTC_CACHE_DIR=$WORK/cache

"$VBIN/python" "$SRC/tests/python/distributed_test.py" no-ray > no_ray.txt 2>&1
code=$?; cat no_ray.txt; tally no_ray.txt
[ "$code" -eq 0 ] || grep -q '^\[FAIL\]' no_ray.txt || bad "without Ray: the test ended with exit $code"

t0=$(date +%s)
# The extra as a user installs it: battc[ray] (the wheel again, Ray from PyPI).
if ! "$VBIN/pip" install -q "$(ls "$WORK"/dist/battc-*.whl)[ray]" > pip_ray.txt 2>&1; then
  tail -3 pip_ray.txt; skip_all "pip could not install ray from PyPI (no PyPI here?): the Ray tests were not run"
fi
if version=$("$VBIN/python" -c 'import ray; print(ray.__version__)' 2>> pip_ray.txt); then
  ok "battc[ray]: Ray $version from PyPI into the venv ($(($(date +%s) - t0)) s)"
else
  cat pip_ray.txt; bad "pip install battc[ray] installed no Ray"; finish
fi

t0=$(date +%s)
"$VBIN/python" "$SRC/tests/python/distributed_test.py" islands "$SRC" > islands.txt 2>&1
code=$?; cat islands.txt; tally islands.txt
grep -q '^\[SKIP\]' islands.txt && exit 0
[ "$code" -eq 0 ] || grep -q '^\[FAIL\]' islands.txt || bad "the island tests ended with exit $code"
echo "the island tests took $(($(date +%s) - t0)) s"
finish
