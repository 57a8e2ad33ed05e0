#!/usr/bin/env bash
# Runs every test of EmergencyOps against real RabbitMQ and Redis.
# Installs them from Debian packages when missing (as root), starts them when not running,
# and stops afterwards whatever it started. Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

RABBITMQ_PORT=${RABBITMQ_PORT:-5672}
REDIS_PORT=${REDIS_PORT:-6379}
started_rabbit=0
started_redis=0

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

need=()
command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/sbin/rabbitmq-server ] || need+=(rabbitmq-server)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# The operations console's browser tests drive Debian's Chromium; its own unit tests run under Node.
[ -x /usr/bin/chromium ] || need+=(chromium)
# Chinese text in the console's screenshots needs a CJK font on this machine.
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
command -v node >/dev/null 2>&1 || need+=(nodejs)
# The Kubernetes manifest tests render the overlays with kubectl kustomize.
command -v kubectl >/dev/null 2>&1 || need+=(kubectl)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "Installing ${need[*]} from Debian packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
export PATH="$PATH:/usr/sbin:/usr/lib/rabbitmq/bin"

cleanup() {
  if [ $started_rabbit = 1 ]; then
    rabbitmqctl -q stop >/dev/null 2>&1 || true
    # The broker daemonised an epmd; it refuses to die while a node is still registered, so wait for ours to leave.
    for _ in $(seq 1 20); do
      epmd -names 2>/dev/null | grep -q "^name " || break
      sleep 0.5
    done
    epmd -kill >/dev/null 2>&1 || true
  fi
  if [ $started_redis = 1 ]; then redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if ! listening "$RABBITMQ_PORT"; then
  echo "Starting RabbitMQ..."
  rabbitmq-server -detached
  started_rabbit=1
fi
if ! listening "$REDIS_PORT"; then
  echo "Starting Redis..."
  redis-server --daemonize yes --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >/dev/null
  started_redis=1
fi

deadline=$((SECONDS + 90))
until rabbitmq-diagnostics -q ping >/dev/null 2>&1 && listening "$RABBITMQ_PORT"; do
  [ $SECONDS -lt $deadline ] || { echo "RabbitMQ did not become ready within 90 s" >&2; exit 1; }
  sleep 1
done
until [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; do
  [ $SECONDS -lt $deadline ] || { echo "Redis did not become ready within 90 s" >&2; exit 1; }
  sleep 0.5
done
echo "RabbitMQ on $RABBITMQ_PORT and Redis on $REDIS_PORT are ready."

export EMERGENCYOPS_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$RABBITMQ_PORT/"
export EMERGENCYOPS_TEST_REDIS="127.0.0.1:$REDIS_PORT"
log="$(mktemp)"
status=0
# The console's page logic (feed parsing and resumption, the wall's state, both languages), without a browser.
node --test src/OperationsConsole/tests/ 2>&1 | tee "$log.node" || status=$?
echo "Console unit tests: $(grep -E '^# pass ' "$log.node" | awk '{print $3}') passed, $(grep -E '^# fail ' "$log.node" | awk '{print $3}') failed"
rm -f "$log.node"
# The AsyncAPI document integrators subscribe by must be valid AsyncAPI 3.0 (its agreement with the contracts and the broker
# is a dotnet test). @asyncapi/cli 5 and later need Node 24; 4.1.1 runs on Debian's Node 20.
ASYNCAPI_CLI_VERSION=${ASYNCAPI_CLI_VERSION:-4.1.1}
if command -v npx >/dev/null 2>&1; then
  asyncapi_status=0
  ASYNCAPI_METRICS=false npx --yes "@asyncapi/cli@$ASYNCAPI_CLI_VERSION" validate docs/asyncapi.yaml || asyncapi_status=$?
  echo "AsyncAPI validation (@asyncapi/cli@$ASYNCAPI_CLI_VERSION): $([ $asyncapi_status = 0 ] && echo valid || echo failed)"
  [ $asyncapi_status = 0 ] || status=$asyncapi_status
else
  echo "AsyncAPI validation skipped: npx is missing (install npm to run @asyncapi/cli@$ASYNCAPI_CLI_VERSION)"
fi
dotnet test EmergencyOps.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# One closing line over every test assembly, for people and CI alike.
passed=$(grep -ahE '^\s+Passed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
failed=$(grep -ahE '^\s+Failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
skipped=$(grep -ahE '^\s+Skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
# The failed tests again, with their messages, so that the end of a long log says what failed.
if [ "$failed" != 0 ]; then
  echo "Failed tests:"
  awk '/^[[:space:]]+Failed [A-Za-z_][A-Za-z0-9_.+`]*(\(.*\))?( \[[^]]*\])?$/ {keep=1; n=0}
       /^[[:space:]]+Stack Trace:/ {keep=0}
       keep && n++ < 25 {print}' "$log"
fi
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
# Every operation of every service declares its security (Redocly's security-defined, on the documents the services serve).
if [ $status = 0 ] && [ -z "${SKIP_OPENAPI_LINT:-}" ]; then
  ConnectionStrings__messaging="$EMERGENCYOPS_TEST_RABBITMQ" ConnectionStrings__redis="$EMERGENCYOPS_TEST_REDIS" \
    scripts/lint-openapi.sh --run-services || status=$?
  echo "OpenAPI lint: $([ $status = 0 ] && echo clean || echo failed)"
fi
exit $status
