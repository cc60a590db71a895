# tools/wheel_venv.sh: sourced by tools/offline_test.sh and tools/ray_test.sh:
# the wheel built (scikit-build-core and nanobind from PyPI into a build venv;
# the build folder is reused between runs, so a second script costs a
# packaging, not a build) and installed with --no-index into a fresh venv.
# Needs SRC, WORK, PY, WHEEL_BUILD and the functions ok, bad, finish and
# skip_all; sets VBIN (the venv's bin folder) and PKG (the installed package),
# and leaves the wheel installed as the one file in $WORK/dist.
# BATTC_WHEEL, a wheel already built, is installed instead of building one;
# BATTC_WHEEL_FROM, a folder of wheels (CTest's: tools/build_wheels.sh's, one
# per Python tag): the one pip finds fitting $PY, when there is one.
# BATTC_WHEEL_OUT, a folder: the wheel built is left there too (emptied
# first, so it never holds a stale one).
mkdir -p "$WORK/dist" "$WORK/wheels"
"$PY" -m venv "$WORK/venv" > /dev/null 2>&1 || skip_all "no Python venv here ($PY -m venv failed)"
if [ -z "${BATTC_WHEEL:-}" ] && [ -n "${BATTC_WHEEL_FROM:-}" ] && ls "$BATTC_WHEEL_FROM"/battc-*.whl > /dev/null 2>&1; then
  # pip chooses among the tags, as `pip install --find-links` would.
  if "$WORK/venv/bin/pip" download -q --disable-pip-version-check --no-index --no-deps \
       --find-links "$BATTC_WHEEL_FROM" -d "$WORK/dist" battc > "$WORK/pick.log" 2>&1; then
    BATTC_WHEEL=$(ls "$WORK"/dist/battc-*.whl)
  else
    cat "$WORK/pick.log"; bad "no wheel in $BATTC_WHEEL_FROM fits $PY"; finish
  fi
fi
if [ -n "${BATTC_WHEEL_OUT:-}" ]; then rm -rf "$BATTC_WHEEL_OUT"; mkdir -p "$BATTC_WHEEL_OUT"; fi
if [ -n "${BATTC_WHEEL:-}" ]; then
  if [ -f "$WORK/dist/$(basename "$BATTC_WHEEL")" ] || cp "$BATTC_WHEEL" "$WORK/dist/"; then
    ok "wheel given: $(basename "$BATTC_WHEEL")"
  else bad "BATTC_WHEEL=$BATTC_WHEEL cannot be read"; finish; fi
else
  echo "== building the wheel (build folder $WHEEL_BUILD)"
  "$PY" -m venv "$WORK/build-venv" > /dev/null 2>&1 || skip_all "no Python venv here ($PY -m venv failed)"
  "$WORK/build-venv/bin/pip" install -q scikit-build-core nanobind > "$WORK/pip.log" 2>&1 ||
    skip_all "pip could not install the wheel's build tools (scikit-build-core, nanobind): no PyPI? $(tail -1 "$WORK/pip.log")"
  if "$WORK/build-venv/bin/pip" wheel -q --no-build-isolation --no-deps -w "$WORK/dist" \
       -C "build-dir=$WHEEL_BUILD" "$SRC" > "$WORK/wheel.log" 2>&1; then
    ok "wheel built: $(basename "$WORK"/dist/battc-*.whl)"
    [ -n "${BATTC_WHEEL_OUT:-}" ] && cp "$WORK"/dist/battc-*.whl "$BATTC_WHEEL_OUT/"
  else
    tail -30 "$WORK/wheel.log"; bad "pip wheel failed"; finish
  fi
fi
if "$WORK/venv/bin/pip" install -q --no-index "$WORK"/dist/battc-*.whl; then
  ok "installed with --no-index into a fresh venv"
else
  bad "pip install --no-index of the wheel failed"; finish
fi
VBIN=$WORK/venv/bin
PKG=$("$VBIN/python" -c 'import battc, os; print(os.path.dirname(battc.__file__))')
