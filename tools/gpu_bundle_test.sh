#!/usr/bin/env bash
# tools/gpu_bundle_test.sh: the GPU bundle (tools/gpu_bundle.sh) needs nothing
# beyond itself, glibc, libstdc++, a C++ compiler and Python. The bundle is
# copied to a scratch folder (so it runs moved), then its check,
# `tools/gpu_check.sh --bundle DIR --allow-no-gpu`, runs in a private mount
# namespace (unshare -m) where
#   - /usr/include holds only the C and C++ compiler's own headers (the files
#     of libc6-dev, linux-libc-dev, libcrypt-dev and the compiler's
#     libstdc++-N-dev): no fmt, nlohmann-json, CLI11, Catch2, SQLite or
#     OpenSSL header; /usr/local/include is empty;
#   - the SQLite, OpenSSL and fmt libraries (shared and static) are empty
#     files, so loading one fails;
#   - /usr/local/cuda, the source tree, the ARC data and arc-dsl's folder are
#     empty folders: the tests' data and the tasks can only come from the
#     bundle.
# What runs there are the bundle's CPU and stand-in steps: battc doctor, the
# golden tests on the stand-in device ([gpu_exec]; [gpu] reports itself
# skipped), the ARC-AGI-1 training cross product on the CPU (gpu_benchmark.py
# says the GPU half was not run) and one search round on the CPU. First, in
# the same namespace, controls: a C++ file with <vector> compiles, one with
# each hidden header does not.
#
# Usage: tools/gpu_bundle_test.sh [BUNDLE_DIR]   (default build-gpu-bundle/bundle)
# Env: GPU_CHECK_MAX_TASKS (passed on: tasks of the cross product, default 0:
# all 400), BATTC_BUNDLE_TEST_WORK (a scratch folder, kept; default a
# temporary one, removed).
# Prints "N passed, N failed, N skipped" last; exit 1 if any check failed.
# Without a bundle, or where unshare cannot make a mount namespace (it needs
# root), it prints "[SKIP] why" and exits 0, which CTest reports as skipped.
set -uo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=${1:-$SRC/build-gpu-bundle/bundle}
passed=0 failed=0 skipped=0
ok()   { echo "[PASS] $*"; passed=$((passed + 1)); }
bad()  { echo "[FAIL] $*"; failed=$((failed + 1)); }
skip_all() { echo "[SKIP] $*"; exit 0; }
finish() { echo "$passed passed, $failed failed, $skipped skipped"; [ "$failed" -eq 0 ]; exit $?; }

[[ -x $BUNDLE/bin/battc ]] || skip_all "no GPU bundle at $BUNDLE (make one with tools/gpu_bundle.sh; it builds battc once more, about 20 minutes on 2 cores)"
unshare --mount --propagation private true 2> /dev/null || skip_all "no private mount namespace here (unshare -m needs root)"
command -v dpkg > /dev/null || skip_all "no dpkg: the compiler's own headers cannot be told from the others"

if [[ -n ${BATTC_BUNDLE_TEST_WORK:-} ]]; then
  WORK=$BATTC_BUNDLE_TEST_WORK; rm -rf "$WORK"; mkdir -p "$WORK"
else
  WORK=$(mktemp -d /tmp/battc-bundle-test.XXXXXX); trap 'rm -rf "$WORK"' EXIT
fi
WORK=$(cd "$WORK" && pwd)
cp -a "$BUNDLE" "$WORK/bundle"
B=$WORK/bundle

# /usr/include as a bare compiler has it: the files of the C library's and
# the C++ compiler's -dev packages only.
CXX_INCLUDE=$(echo | c++ -xc++ -E -v - 2>&1 | grep -m1 '^ /usr/include/c++/' | tr -d ' ')
STDCXX_DEV=$(dpkg -S "$CXX_INCLUDE/vector" 2>/dev/null | cut -d: -f1 | head -1)
[[ -n $STDCXX_DEV ]] || skip_all "the package of $CXX_INCLUDE/vector is unknown to dpkg"
for pkg in libc6-dev linux-libc-dev libcrypt-dev "$STDCXX_DEV"; do
  dpkg -L "$pkg" 2> /dev/null | grep '^/usr/include/'
done | sort -u > "$WORK/include.list"
mkdir -p "$WORK/root"
tar -cf - --no-recursion -T "$WORK/include.list" 2> /dev/null | tar -xf - -C "$WORK/root"
echo "the namespace's /usr/include: $(grep -c . "$WORK/include.list") paths of libc6-dev, linux-libc-dev, libcrypt-dev, $STDCXX_DEV"

# The libraries hidden: every file of these packages under /usr/lib.
HIDE_PKGS="libsqlite3-0 libsqlite3-dev libssl3 libssl-dev libfmt9 libfmt-dev"
for pkg in $HIDE_PKGS; do
  dpkg -L "$pkg" 2> /dev/null | grep -E '^/usr/lib/.*\.(so[.0-9]*|a)$'
done | sort -u > "$WORK/hidden_libs.list"
echo "hidden libraries: $(wc -l < "$WORK/hidden_libs.list") files of $HIDE_PKGS"
mkdir -p "$WORK/empty"
: > "$WORK/empty_file"

cat > "$WORK/inside.sh" << EOF
set -u
mount --bind "$WORK/root/usr/include" /usr/include || exit 3
mount --bind "$WORK/empty" /usr/local/include || exit 3
while read -r f; do
  [ -e "\$f" ] && { mount --bind "$WORK/empty_file" "\$f" || exit 3; }
done < "$WORK/hidden_libs.list"
for d in /usr/local/cuda "$SRC" "$(dirname "$SRC")/shared" "${BATTC_ARC_DSL_SOLVERS:+$(dirname "${BATTC_ARC_DSL_SOLVERS}")}"; do
  [ -d "\$d" ] && { mount --bind "$WORK/empty" "\$d" || exit 3; }
done
cd "$WORK"
unset ARC_DATA BATTC_ARC_DSL_SOLVERS BATTC_HOME BATTC_CACHE_DIR BATTC_TEST_SOURCE_DIR CUDA_HOME CUDA_PATH
echo "== controls"
printf '#include <vector>\n#include <cstdio>\nint main() { std::vector<int> v{1}; std::printf("%%d", v[0]); }\n' > ok.cpp
if c++ -std=c++20 ok.cpp -o ok && ./ok > /dev/null; then echo "control: <vector> compiles and links"; else echo "CONTROL FAILED: <vector>"; fi
for h in fmt/core.h nlohmann/json.hpp CLI/CLI.hpp catch2/catch.hpp sqlite3.h openssl/evp.h cuda.h; do
  if printf '#include <%s>\n' "\$h" | c++ -xc++ -fsyntax-only - 2> /dev/null; then echo "CONTROL FAILED: <\$h> is visible"; else echo "control: <\$h> is hidden"; fi
done
for f in \$(grep -E '/lib(sqlite3\.so\.0|crypto\.so\.3|fmt\.so\.9|sqlite3\.a|crypto\.a)\$' "$WORK/hidden_libs.list"); do
  [ -s "\$f" ] && echo "CONTROL FAILED: \$f is visible" || echo "control: \$f is empty"
done
[ -z "\$(ls -A "$SRC")" ] && echo "control: the source tree is hidden" || echo "CONTROL FAILED: the source tree is visible"
echo "== the bundle's check"
GPU_CHECK_OUT="$WORK/figures" "$B/tools/gpu_check.sh" --bundle "$B" --allow-no-gpu
EOF
echo "== in a private mount namespace (output in $WORK/inside.log)"
# Its "[SKIP]" lines (the [gpu] goldens) are shown otherwise: CTest would
# take them for this test's own.
unshare --mount --propagation private bash "$WORK/inside.sh" 2>&1 | tee "$WORK/inside.log" | sed 's/^\[SKIP\]/(skipped)/'
code=${PIPESTATUS[0]}
((code == 3)) && { bad "the mounts that hide the dependencies failed"; finish; }

if grep -q 'CONTROL FAILED' "$WORK/inside.log" || ! grep -q '^control: <vector> compiles' "$WORK/inside.log"; then
  bad "controls: $(grep 'CONTROL FAILED' "$WORK/inside.log" | paste -sd';' -)"
else
  ok "controls: the compiler works, $(grep -c '^control: <.*> is hidden' "$WORK/inside.log") headers, the libraries and the source tree are hidden"
fi
if ((code == 0)); then ok "tools/gpu_check.sh --bundle --allow-no-gpu exits 0"; else bad "tools/gpu_check.sh --bundle exited $code"; fi

FIG=$WORK/figures/gpu_check.json
if [[ ! -f $FIG ]]; then bad "no figures file $FIG"; finish; fi
# Each step's status, as the figures file says.
status() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["steps"].get(sys.argv[2], {}).get("status", "missing"))' "$FIG" "$1"; }
expect() {  # expect STEP STATUS WHAT
  local s
  s=$(status "$1")
  if [[ $s == "$2" ]]; then ok "$3 ($1: $s)"; else bad "$3 ($1: $s, expected $2)"; fi
}
expect bundle passed "the bundle's libraries resolve and battc doctor says CPU runs are ready"
expect gpu_goldens skipped "the [gpu] goldens report themselves skipped without a GPU"
expect stand_in_goldens passed "the stand-in goldens ([gpu_exec]) pass from the bundle"
if [[ -f $B/data/arc-dsl/solvers.py ]]; then
  expect cross_product passed "the ARC-AGI-1 training cross product runs on the CPU from the bundle"
  python3 -c 'import json, sys; f = json.load(open(sys.argv[1]))["cross_product"]; print("  cross product:", f["tasks"], "tasks,", f["cpu"]["evaluations"], "evaluations, run %.1f s, compile %.1f s;" % (f["cpu"]["run_s"], f["cpu"]["compile_s"]), "cuda:", f["cuda"])' "$FIG" 2> /dev/null
else
  echo "[part skipped] the bundle has no arc-dsl solvers (BATTC_ARC_DSL_SOLVERS at bundle time): no cross product"
  skipped=$((skipped + 1))
fi
expect search passed "a search round on the CPU from the bundle"
finish
