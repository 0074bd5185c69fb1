#!/usr/bin/env bash
# Builds everything and runs every test project; ends with "N passed, N failed" summed over all projects. A skipped
# or not-run test is counted as failed and named, and fails the run.
# Run from anywhere: ./scripts/test.sh
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH; install the SDK named in global.json" >&2
  exit 2
fi

configuration="${CONFIGURATION:-Release}"

# Compiled schedules the tests store go to a folder of this run's own, never the user's cache.
ACCORD_CACHE="$(mktemp -d "${TMPDIR:-/tmp}/accord-test-cache-XXXXXX")"
export ACCORD_CACHE

# shellcheck source=scripts/debian.sh
source "$root/scripts/debian.sh"

# The build fetches the dashboard's chart library with npm: install it from Debian's packages when missing.
if ! command -v npm >/dev/null 2>&1; then
  apt_install npm npm || { echo "0 passed, 1 failed"; exit 1; }
fi

# The case store's contract tests run against PostgreSQL too.
# shellcheck source=scripts/postgres.sh
source "$root/scripts/postgres.sh"
start_test_postgres || { echo "0 passed, 1 failed"; exit 1; }

# The dashboard's tests run in Debian's Chromium.
# shellcheck source=scripts/chromium.sh
source "$root/scripts/chromium.sh"
find_test_chromium || { echo "0 passed, 1 failed"; exit 1; }

# The replica tests put Debian's HAProxy in front of three servers.
# shellcheck source=scripts/haproxy.sh
source "$root/scripts/haproxy.sh"
find_test_haproxy || { echo "0 passed, 1 failed"; exit 1; }

dotnet build TradeAccord.slnx -c "$configuration" -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
status=0
logs="$root/artifacts/test-logs"
mkdir -p "$logs"
for project in tests/*.Tests/; do
  name="$(basename "$project")"
  exe="$root/artifacts/bin/$name/${configuration,,}/$name"
  if [ ! -x "$exe" ]; then
    echo "error: $exe was not built" >&2
    failed=$((failed + 1)); status=1; continue
  fi
  "$exe" -noColor > "$logs/$name.log" 2>&1
  code=$?
  summary="$(grep -E 'Total: [0-9]+' "$logs/$name.log" | tail -n 1)"
  total=$(sed -E 's/.*Total: ([0-9]+).*/\1/' <<<"$summary")
  errors=$(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$summary")
  fails=$(sed -E 's/.*Failed: ([0-9]+).*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: ([0-9]+).*/\1/' <<<"$summary")
  notrun=$(sed -E 's/.*Not Run: ([0-9]+).*/\1/' <<<"$summary")
  if [ -z "$summary" ]; then
    echo "$name: no test summary (exit $code); see $logs/$name.log"
    cat "$logs/$name.log"
    failed=$((failed + 1)); status=1; continue
  fi
  ok=$((total - fails - errors - skipped - notrun))
  # A test that did not run proves nothing: a skipped or not-run test counts as failed, by name, so a Skip cannot hide.
  unran=$((skipped + notrun))
  passed=$((passed + ok))
  failed=$((failed + fails + errors + unran))
  echo "$name: $ok passed, $((fails + errors + unran)) failed ($skipped skipped, $notrun not run, counted as failed)"
  if [ "$unran" -ne 0 ]; then
    grep -E '\[(SKIP|NOT RUN)\]' "$logs/$name.log" | sed -E 's/^ */  not run: /'
  fi
  if [ "$code" -ne 0 ] || [ "$fails" -ne 0 ] || [ "$errors" -ne 0 ] || [ "$unran" -ne 0 ]; then
    status=1
    grep -A 12 '\[FAIL\]' "$logs/$name.log" | head -n 200
  fi
done

rm -rf "$ACCORD_CACHE"
echo "$passed passed, $failed failed"
exit $status
