#!/usr/bin/env bash
# Runs every test on a fresh machine: installs Azurite (npm ci), restores and builds with warnings as errors,
# builds and lints the Bicep templates, runs the console's JavaScript unit tests (node --test, no package needed),
# then the unit and integration tests (which start Azurite themselves). Ends with one line "N passed, N failed" over
# both.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "==> npm ci (Azurite)"
npm ci --no-audit --no-fund --loglevel=error

echo "==> dotnet build (warnings are errors)"
dotnet build InfoFloPay.Functions.sln -c Release -warnaserror -nologo -clp:NoSummary

if [[ -x scripts/bicep.sh ]]; then
  echo "==> bicep build + lint"
  scripts/bicep.sh
fi

# The portal's browser tests drive Debian's Chromium; Playwright never downloads a browser.
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "==> apt-get install chromium (portal browser tests)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The portal's browser tests need /usr/bin/chromium: install Debian's 'chromium' package (apt-get install chromium) or run as root." >&2
    exit 1
  fi
fi

log=$(mktemp)
node_log=$(mktemp)
trap 'rm -f "$log" "$node_log"' EXIT

echo "==> node --test (console modules)"
set +e
node --test --test-reporter=tap tests/console/ 2>&1 | tee "$node_log"
node_status=${PIPESTATUS[0]}
set -e

echo "==> dotnet test"
set +e
dotnet test InfoFloPay.Functions.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line across all test assemblies and the node tests, in the plain form CI reads.
awk 'FNR == NR && /^# (pass|fail|skipped|todo|cancelled) [0-9]+$/ {
       if ($2 == "pass") passed += $3
       else if ($2 == "fail" || $2 == "cancelled") failed += $3
       else skipped += $3
       next
     }
     FNR != NR && /^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Passed:") passed += $(i+1) + 0
         if ($i == "Failed:") failed += $(i+1) + 0
         if ($i == "Skipped:") skipped += $(i+1) + 0
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$node_log" "$log"

if grep -qE '^(Passed|Failed)!.*Skipped: *[1-9]' "$log" || grep -qE '^# (skipped|todo) [1-9]' "$node_log"; then
  echo "Skipped tests found: every test must run here." >&2
  exit 1
fi
if [[ $node_status -ne 0 ]]; then
  exit "$node_status"
fi
exit "$status"
