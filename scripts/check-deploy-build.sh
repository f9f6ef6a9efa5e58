#!/usr/bin/env sh
# Stops an azd package/deploy whose `dotnet publish` would leave out the Service Bus host extension.
# azd's publish inherits this environment, and MSBuild reads environment variables as properties, so the check asks
# MSBuild what the property evaluates to for a Release build in this same environment.
set -eu

root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/functions/InfoFloPay.Functions/InfoFloPay.Functions.csproj"

if [ "${IncludeServiceBusHostExtension:-}" != "true" ]; then
  echo "IncludeServiceBusHostExtension is not 'true' in the environment: the package would have no Service Bus host extension." >&2
  echo "Run: IncludeServiceBusHostExtension=true azd up   (or export it; see docs/deploy.md)" >&2
  exit 1
fi

evaluated="$(dotnet msbuild "$project" -nologo -getProperty:IncludeServiceBusHostExtension -p:Configuration=Release | tr -d '[:space:]')"
if [ "$evaluated" != "true" ]; then
  echo "IncludeServiceBusHostExtension evaluates to '$evaluated' for a Release build of $project; the project overrides the environment." >&2
  exit 1
fi

echo "Deploy build includes the Service Bus host extension (IncludeServiceBusHostExtension=true)."
