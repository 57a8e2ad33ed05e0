#!/usr/bin/env bash
# Regenerates the sample integrator's REST client with Kiota (pinned in dotnet-tools.json) from openapi/warnings.json,
# the warnings service's document. Usage: samples/Integrator.Rest/generate.sh [OUTPUT_DIR] (default: Warnings beside this script).
# After an API change: EMERGENCYOPS_WRITE_OPENAPI=1 dotnet test tests/Warnings.API.Tests --filter IntegratorClientTests
# rewrites openapi/warnings.json from the service; then run this script and commit both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out="${1:-samples/Integrator.Rest/Warnings}"
dotnet tool restore >/dev/null
# Paths relative to the repository, so the lock file reads the same in every clone; no update check (no internet here).
KIOTA_OFFLINE_ENABLED=true dotnet kiota generate --language CSharp --openapi samples/Integrator.Rest/openapi/warnings.json \
  --class-name WarningsClient --namespace-name EmergencyOps.Samples.Integrator.Rest.Warnings --output "$out" \
  --include-path "/api/warnings" --include-path "/api/warnings/{id}" --exclude-backward-compatible --clean-output --log-level Error
rm -f "$out/.kiota.log"
