#!/usr/bin/env bash
# Runs the desk locally: installs Azurite (npm ci), starts it in memory, then the local host with seed data.
# Ctrl+C stops them all. AZURITE_TABLE_PORT, AZURITE_BLOB_PORT (attachments) and HELPDESK_URL change the ports.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
table_port=${AZURITE_TABLE_PORT:-10002}
blob_port=${AZURITE_BLOB_PORT:-10000}
url=${HELPDESK_URL:-http://localhost:7071}

# Something answering on a port means the port is taken; checked up front so a busy port gets one clear line
# instead of Azurite's or Kestrel's stack trace.
port_in_use() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

if port_in_use 127.0.0.1 "$table_port"; then
  echo "Port $table_port is already in use; set AZURITE_TABLE_PORT to a free port." >&2
  exit 1
fi
if port_in_use 127.0.0.1 "$blob_port"; then
  echo "Port $blob_port is already in use; set AZURITE_BLOB_PORT to a free port." >&2
  exit 1
fi

# HELPDESK_URL is scheme://host[:port][/...]; a wildcard host listens on every interface, so check loopback.
authority=${url#*://}
authority=${authority%%/*}
host_port=${authority##*:}
host=${authority%:*}
if [[ $host_port == "$authority" || $host_port == *]* ]]; then
  host=$authority
  [[ $url == https://* ]] && host_port=443 || host_port=80
fi
case $host in
  '*' | + | 0.0.0.0 | '[::]') host=127.0.0.1 ;;
  \[*\]) host=${host#[}; host=${host%]} ;;
esac
if port_in_use "$host" "$host_port"; then
  echo "Port $host_port ($url) is already in use; set HELPDESK_URL to a free one, e.g. HELPDESK_URL=http://localhost:7072 $0" >&2
  exit 1
fi

[[ -d node_modules/azurite ]] || npm ci --no-audit --no-fund --loglevel=error
settings=functions/InfoFloPay.Functions/local.settings.json
[[ -f $settings ]] || { cp local.settings.sample.json "$settings"; echo "Created $settings from local.settings.sample.json"; }

node_modules/.bin/azurite-table --inMemoryPersistence --silent --disableTelemetry --skipApiVersionCheck \
  --tableHost 127.0.0.1 --tablePort "$table_port" &
azurite=$!
# Attachments live in Blob Storage: Azurite's blob service, also in memory.
node_modules/.bin/azurite-blob --inMemoryPersistence --silent --disableTelemetry --skipApiVersionCheck \
  --blobHost 127.0.0.1 --blobPort "$blob_port" &
azurite_blob=$!
trap 'kill $azurite $azurite_blob 2>/dev/null || true' EXIT
echo "Azurite Tables on 127.0.0.1:$table_port, Blobs on 127.0.0.1:$blob_port (in memory)"

export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
# Email links point where this host listens, unless set explicitly.
export Desk__PublicBaseUrl="${Desk__PublicBaseUrl:-$url}"
dotnet run --project devhost -c Debug -- --urls "$url" --seed
