#!/usr/bin/env bash
# Runs EmergencyOps under its Aspire AppHost, after installing RabbitMQ and Redis from Debian when they are
# missing (as root). Usage: ./run.sh [-c Debug|Release] [--seed demo] [--data-dir PATH] [--replicas N]
# Everything after the configuration goes to the AppHost, as with: dotnet run --project aspire/EmergencyOps.AppHost -- ARGS
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

configuration=Debug
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        -c|--configuration) configuration="${2:?$1 needs Debug or Release}"; shift 2 ;;
        --configuration=*) configuration="${1#*=}"; shift ;;
        -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) args+=("$1"); shift ;;
    esac
done

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "[run.sh] installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        apt-get install -y -q "${missing[@]}"
    else
        # Not fatal when connection strings point the AppHost at existing servers.
        echo "[run.sh] ${missing[*]} not installed; as root run: apt-get install -y ${missing[*]}" >&2
    fi
fi

# exec: Ctrl-C reaches the AppHost directly, and SIGTERM to this pid is forwarded to it by dotnet run.
exec dotnet run --project aspire/EmergencyOps.AppHost --configuration "$configuration" -- "${args[@]}"
