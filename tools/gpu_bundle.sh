#!/usr/bin/env bash
# tools/gpu_bundle.sh: one folder, at most 64 MiB, that runs the GPU check
# (tools/gpu_check.sh --bundle) on a machine where nothing can be installed:
# it needs there only glibc, libstdc++, a C++ compiler (the host JIT), the
# CUDA toolkit's NVRTC and nvJitLink, the CUDA driver and Python 3.
#
#   bin/battc, bin/golden_tests   Release (-O2), stripped; fmt header-only, SQLite
#                                 and libcrypto linked statically
#                                 (BATTC_STATIC_DEPS), so ldd lists only the C
#                                 and C++ runtime libraries
#   lib/battc/, share/battc/      battc's install layout (cmake --install):
#                                 the DSL library, one DSL device library per
#                                 architecture, the headers units compile
#                                 against, the demo
#   tasks/demo/, tests/golden/    the golden tests' data, where golden_tests
#                                 finds it from bin/ (tests/golden/source_dir.h)
#   tools/                        gpu_check.sh, gpu_benchmark.py, bench_common.py
#   data/arc/ARC-AGI-1/training/  the 400 ARC-AGI-1 training tasks ($ARC_DATA)
#   data/arc-dsl/solvers.py       arc-dsl's solvers, when $BATTC_ARC_DSL_SOLVERS
#                                 names them (fetched, never in the project)
#   BUNDLE.txt                    what was built from what, sizes, the glibc and
#                                 libstdc++ versions the binaries need
#
# Usage: tools/gpu_bundle.sh [OUT_DIR]   (default build-gpu-bundle/bundle)
# Env:  BATTC_BUNDLE_BUILD     the build folder (default build-gpu-bundle/build),
#                              configured once (Release), then built again as
#                              the sources change
#       BATTC_CUDA_ARCHS       device library architectures at the first
#                              configure (default 75;80;89;90)
#       ARC_DATA               the ARC data folder (default ../shared/arc)
#       BATTC_ARC_DSL_SOLVERS  arc-dsl's solvers.py (optional)
# The script fails when the build has no DSL device library, when ldd lists a
# library outside the C and C++ runtimes, or when the folder is over 64 MiB.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$SRC/build-gpu-bundle/bundle}
BUILD=${BATTC_BUNDLE_BUILD:-$SRC/build-gpu-bundle/build}
ARC=${ARC_DATA:-$SRC/../shared/arc}
LIMIT=$((64 << 20))
die() { echo "gpu_bundle: $*" >&2; exit 1; }

echo "== build ($BUILD)"
if [[ ! -f $BUILD/CMakeCache.txt ]]; then
  GEN=()
  command -v ninja > /dev/null && GEN=(-G Ninja)
  # -O2 as CI's builds (RelWithDebInfo): g++ 12 at -O3 warns falsely
  # (-Wrestrict on string concatenation, GCC bug 105329).
  cmake -S "$SRC" -B "$BUILD" "${GEN[@]}" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
    -DBATTC_FMT_HEADER_ONLY=ON -DBATTC_STATIC_DEPS=ON "-DBATTC_CUDA_ARCHS=${BATTC_CUDA_ARCHS:-75;80;89;90}" > /dev/null
fi
cmake --build "$BUILD" --target battc golden_tests battc_dsl_device
ARCHS=$(sed -n 's/^BATTC_CUDA_ARCHS:STRING=//p' "$BUILD/CMakeCache.txt")
for a in ${ARCHS//;/ }; do
  [[ -f $BUILD/lib/battc/device/libbattc_dsl_device_sm_$a.a ]] ||
    die "no DSL device library for sm_$a in $BUILD (is the CUDA toolkit's nvcc here?)"
done

echo "== the bundle ($OUT)"
rm -rf "$OUT"
cmake --install "$BUILD" --prefix "$OUT" --strip > /dev/null
install -m 755 "$BUILD/tests/golden_tests" "$OUT/bin/golden_tests"
strip "$OUT/bin/golden_tests"
mkdir -p "$OUT/tasks" "$OUT/tests/golden" "$OUT/tools"
cp -r "$SRC/tasks/demo" "$OUT/tasks/"
cp -r "$SRC/tests/golden/README.md" "$SRC/tests/golden/demo" "$SRC/tests/golden/arc1" "$SRC/tests/golden/tk1" "$OUT/tests/golden/"
cp "$SRC/tools/gpu_check.sh" "$SRC/tools/gpu_benchmark.py" "$SRC/tools/bench_common.py" "$OUT/tools/"
if [[ -d $ARC/ARC-AGI-1/training ]]; then
  mkdir -p "$OUT/data/arc/ARC-AGI-1"
  cp -r "$ARC/ARC-AGI-1/training" "$OUT/data/arc/ARC-AGI-1/"
  [[ -f $ARC/ARC-AGI-1/LICENSE ]] && cp "$ARC/ARC-AGI-1/LICENSE" "$OUT/data/arc/ARC-AGI-1/"
else
  echo "gpu_bundle: no ARC-AGI-1/training under $ARC: the bundle has no ARC tasks (its ARC steps will be skipped)" >&2
fi
if [[ -n ${BATTC_ARC_DSL_SOLVERS:-} ]]; then
  [[ -f $BATTC_ARC_DSL_SOLVERS ]] || die "BATTC_ARC_DSL_SOLVERS=$BATTC_ARC_DSL_SOLVERS is no file"
  mkdir -p "$OUT/data/arc-dsl"
  cp "$BATTC_ARC_DSL_SOLVERS" "$OUT/data/arc-dsl/solvers.py"
  [[ -f $(dirname "$BATTC_ARC_DSL_SOLVERS")/LICENSE ]] && cp "$(dirname "$BATTC_ARC_DSL_SOLVERS")/LICENSE" "$OUT/data/arc-dsl/"
fi

echo "== checks"
# Only the C and C++ runtimes (and the loader) may be linked dynamically.
allowed='^(linux-vdso\.so|ld-linux-x86-64\.so|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so|libdl\.so|libpthread\.so|librt\.so)'
for exe in "$OUT/bin/battc" "$OUT/bin/golden_tests"; do
  extra=$(ldd "$exe" | awk '{print $1}' | sed 's|.*/||' | grep -Ev "$allowed" || true)
  [[ -z $extra ]] || die "$(basename "$exe") links $(echo $extra) (only glibc and libstdc++ may be dynamic)"
done
glibc=$(objdump -T "$OUT/bin/battc" "$OUT/bin/golden_tests" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
glibcxx=$(objdump -T "$OUT/bin/battc" "$OUT/bin/golden_tests" | grep -o 'GLIBCXX_[0-9.]*' | sort -uV | tail -1)
size=$(du -sb "$OUT" | cut -f1)
((size <= LIMIT)) || die "the bundle is $((size >> 20)) MiB, over 64 MiB"

sizes() { for p in "$@"; do [[ -e $OUT/$p ]] && printf '  %-32s %6s KiB\n' "$p" "$(($(du -sb "$OUT/$p" | cut -f1) >> 10))"; done; true; }
commit=$(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$SRC" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
{
  echo "battc GPU bundle (tools/gpu_bundle.sh); run it with: tools/gpu_check.sh --bundle <this folder>"
  echo "built:          $(date -u +%Y-%m-%dT%H:%MZ) from commit $commit"
  echo "compiler:       $("$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$BUILD/CMakeCache.txt")" --version | head -1)"
  echo "device library: sm_${ARCHS//;/, sm_} ($("$OUT/bin/battc" doctor 2>&1 | grep -o 'built with CUDA [0-9.]*' | head -1 || true))"
  echo "needs:          $glibc, $glibcxx or newer (glibc, libstdc++), a C++20 compiler, NVRTC and nvJitLink, the CUDA driver, python3"
  echo "size:           $((size >> 10)) KiB in all"
  sizes bin/battc bin/golden_tests lib/battc/libbattc_dsl.a lib/battc/device share/battc tasks tests tools data/arc data/arc-dsl
} > "$OUT/BUNDLE.txt"
cat "$OUT/BUNDLE.txt"
