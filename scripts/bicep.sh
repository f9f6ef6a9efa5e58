#!/usr/bin/env bash
# Builds and lints every .bicep file under infra/ with the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 NuGet
# package (no download at run time, so it works offline once NuGet restore has run). Fails on any warning or error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

package_id="azure.bicep.commandline.linux-x64"
# The version lives in one place: the central package versions.
version="$(sed -n 's/.*PackageVersion Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)"
if [[ -z "$version" ]]; then
  echo "bicep.sh: Azure.Bicep.CommandLine.linux-x64 has no version in Directory.Packages.props" >&2
  exit 1
fi

dotnet restore tools/bicep/bicep.csproj --verbosity quiet >&2

# NuGet's global packages folder: NUGET_PACKAGES if set, else what dotnet reports (normally ~/.nuget/packages).
packages="${NUGET_PACKAGES:-}"
if [[ -z "$packages" ]]; then
  packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
fi
bicep="${packages%/}/${package_id}/${version}/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "bicep.sh: no Bicep CLI at $bicep after restore" >&2
  exit 1
fi
# NuGet does not promise to keep the executable bit.
[[ -x "$bicep" ]] || chmod +x "$bicep"

if [[ "${1:-}" == "--print-path" ]]; then
  echo "$bicep"
  exit 0
fi

echo "Bicep CLI: $bicep ($("$bicep" --version))"

failed=0
out_dir="$(mktemp -d)"
trap 'rm -rf "$out_dir"' EXIT

while IFS= read -r -d '' file; do
  for verb in build lint; do
    log="$out_dir/log"
    if [[ "$verb" == build ]]; then
      "$bicep" build "$file" --outdir "$out_dir" >"$log" 2>&1 && status=0 || status=$?
    else
      "$bicep" lint "$file" >"$log" 2>&1 && status=0 || status=$?
    fi
    # The CLI exits 0 on warnings, so the output is read as well as the exit code.
    if [[ $status -ne 0 ]] || grep -Eiq '(^|[^a-z])(warning|error)([^a-z]|$)' "$log"; then
      echo "FAIL bicep $verb $file (exit $status)"
      sed 's/^/  /' "$log"
      failed=1
    else
      echo "ok   bicep $verb $file"
    fi
  done
done < <(find infra -name '*.bicep' -print0 | sort -z)

if [[ $failed -ne 0 ]]; then
  echo "bicep.sh: warnings or errors above" >&2
  exit 1
fi
echo "bicep.sh: all files build and lint clean"
