# tools/script_checks.sh: sourced by the test scripts that run the wheel as a
# user would (offline_test.sh, ray_test.sh): their scratch folder and how they
# count and report checks. Needs NAME (the folder's prefix) before sourcing;
# sets WORK: $BATTC_OFFLINE_WORK (emptied, kept) or a temporary folder
# (removed at exit). ok/bad/skip count a check; skip_all prints "[SKIP] why"
# and exits 0 (CTest's skipped); finish prints the tally and exits 1 when a
# check failed.
if [ -n "${BATTC_OFFLINE_WORK:-}" ]; then
  WORK=$BATTC_OFFLINE_WORK; rm -rf "$WORK"; mkdir -p "$WORK"
else
  WORK=$(mktemp -d "/tmp/battc-$NAME.XXXXXX"); trap 'rm -rf "$WORK"' EXIT
fi
passed=0; failed=0; skipped=0
ok()   { echo "[PASS] $*"; passed=$((passed + 1)); }
bad()  { echo "[FAIL] $*"; failed=$((failed + 1)); }
skip() { echo "[part skipped] $*"; skipped=$((skipped + 1)); }
skip_all() { echo "[SKIP] $*"; exit 0; }
finish() { echo "$passed passed, $failed failed, $skipped skipped"; [ "$failed" -eq 0 ]; exit $?; }
