#!/usr/bin/env bash
# Runs the whole EmergencyOps topology on this machine: ./run.sh [--seed demo] [--help for all options]
# Installs RabbitMQ and Redis from Debian when they are missing (as root), then hands over to the AppHost.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

installed() {
    command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/lib/rabbitmq/bin/$1" ]
}

missing=()
installed rabbitmq-server || missing+=(rabbitmq-server)
installed redis-server || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "[run.sh] installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        apt-get install -y -q "${missing[@]}"
    else
        # Not fatal: a server already listening on the port is reused, otherwise the AppHost explains.
        echo "[run.sh] ${missing[*]} not installed; as root run: apt-get install -y ${missing[*]}" >&2
    fi
fi

project=aspire/EmergencyOps.AppHost
dll="$project/bin/Debug/net10.0/EmergencyOps.AppHost.dll"
if [[ " $* " != *" --no-build "* || ! -f "$dll" ]]; then
    log="$(mktemp)"
    if ! dotnet build "$project/EmergencyOps.AppHost.csproj" -c Debug --nologo -v q -nodeReuse:false >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "[run.sh] the AppHost did not build" >&2
        exit 1
    fi
    rm -f "$log"
fi

# Not `dotnet run`: it forwards SIGTERM but not SIGINT to the app, so `kill -INT` on this script's
# pid would stop nothing. Exec'ing the built AppHost makes this pid the AppHost's own.
exec dotnet "$dll" "$@"
