#!/usr/bin/env bash
# Prints an X-MS-CLIENT-PRINCIPAL value shaped like App Service Authentication's, for calling the local host.
#   scripts/principal.sh carol@contoso.com                      # a customer user
#   scripts/principal.sh ava.agent@infoflopay.example Support.Agent
#   curl -H "X-MS-CLIENT-PRINCIPAL: $(scripts/principal.sh olivia.ops@infoflopay.example Support.Manager)" ...
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 EMAIL [ROLE ...]" >&2; exit 2; }
email=$1; shift
claims="{\"typ\":\"preferred_username\",\"val\":\"$email\"},{\"typ\":\"name\",\"val\":\"${email%%@*}\"}"
for role in "$@"; do claims+=",{\"typ\":\"roles\",\"val\":\"$role\"}"; done
printf '{"auth_typ":"aad","claims":[%s],"name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","role_typ":"roles"}' "$claims" | base64 -w0
echo
