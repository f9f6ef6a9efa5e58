#!/usr/bin/env bash
# Retakes the screenshots docs/console.md shows: the console's browser tests, with CONSOLE_SCREENSHOTS pointing at
# docs/console, save them as they pass (Debian's Chromium, seeded local host; nothing is downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[[ -d node_modules/azurite ]] || npm ci --no-audit --no-fund --loglevel=error
export CONSOLE_SCREENSHOTS="$PWD/docs/console"
dotnet build tests/InfoFloPay.IntegrationTests -c Release -warnaserror -nologo -clp:NoSummary
dotnet test tests/InfoFloPay.IntegrationTests -c Release --no-build -nologo --filter "FullyQualifiedName~IntegrationTests.Console"
ls -l "$CONSOLE_SCREENSHOTS"
