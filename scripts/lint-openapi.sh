#!/usr/bin/env bash
# Lints the services' OpenAPI documents with Redocly CLI. Errors (the exit status is 1): an operation that does not
# declare its security (security-defined; a public one must say `security: []`), a scope an operation names that the
# oauth2 scheme does not declare (security-scopes-defined), a request example its own schema refuses
# (no-invalid-media-type-examples), and the errors of Redocly's `recommended` set.
#
# Usage:
#   scripts/lint-openapi.sh DIR|FILE.json ...      documents already written out (every *.json of a DIR)
#   scripts/lint-openapi.sh URL ...                fetch, e.g. http://localhost:5083/openapi/v1.json
#   scripts/lint-openapi.sh --gateway URL          every service's document through the gateway: URL/openapi/{service}/v1.json
#   scripts/lint-openapi.sh --run-services         build and start each service on a local port (RabbitMQ and Redis
#                                                  running, as for ./test.sh), fetch its document, stop it, lint
# Environment: REDOCLY_CLI_VERSION (2.77.0), LINT_FORMAT (stylish; or codeframe, summary, github-actions, ...),
#   OPENAPI_SERVICES ("hazards warnings inventory shelters webhooks identity"), OPENAPI_PORT (5190, first port for --run-services),
#   OPENAPI_DOCS (a folder to keep the fetched documents in), ConnectionStrings__messaging / ConnectionStrings__redis.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

version="${REDOCLY_CLI_VERSION:-2.77.0}"
format="${LINT_FORMAT:-stylish}"
read -r -a services <<<"${OPENAPI_SERVICES:-hazards warnings inventory shelters webhooks identity}"

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "[lint-openapi] $*" >&2; exit 2; }

# Redocly CLI 2.x runs on Node 20.19+ (it warns that 20 is ending) and 22.12+.
command -v node >/dev/null 2>&1 || die "node is not installed (Redocly CLI needs Node 20.19+ or 22.12+)"
node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  process.exit(major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19) ? 0 : 1);
' || die "Node $(node --version) is too old for @redocly/cli@$version: use 20.19+ or 22.12+"

work="$(mktemp -d)"
pids=()
cleanup() {
    # Only the services this script started, by their process ids.
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
docs="${OPENAPI_DOCS:-$work/docs}"
mkdir -p "$docs"

fetch() { # fetch URL NAME
    curl --fail --silent --show-error --location --max-time 60 "$1" -o "$docs/$2.json" || die "could not fetch $1"
    echo "[lint-openapi] $1 -> $docs/$2.json"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

run_services() {
    local port="${OPENAPI_PORT:-5190}" name project pid
    for name in "${services[@]}"; do
        project="$root/src/${name^}.API"
        [ -d "$project" ] || die "no project $project for service '$name'"
        dotnet build "$project" -v q -nologo >"$work/$name.build.log" 2>&1 || { cat "$work/$name.build.log" >&2; die "build of $name failed"; }
        ! listening "$port" || die "port $port is taken; set OPENAPI_PORT"
        mkdir -p "$work/data/$name"
        # The document needs no data: a throwaway SQLite file, and the local broker and cache the service checks at start.
        env ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" ASPNETCORE_URLS="http://127.0.0.1:$port" \
            ConnectionStrings__messaging="${ConnectionStrings__messaging:-amqp://guest:guest@127.0.0.1:5672/}" \
            ConnectionStrings__redis="${ConnectionStrings__redis:-127.0.0.1:6379}" \
            "ConnectionStrings__${name}db=Data Source=$work/data/$name/$name.db" \
            Identity__KeysDirectory="$work/data/$name/keys" \
            dotnet run --no-build --no-launch-profile --project "$project" >"$work/$name.log" 2>&1 &
        pid=$!
        pids+=("$pid")
        for _ in $(seq 1 120); do
            if curl --fail --silent --max-time 5 "http://127.0.0.1:$port/openapi/v1.json" -o "$docs/$name.json"; then break; fi
            kill -0 "$pid" 2>/dev/null || { tail -n 40 "$work/$name.log" >&2; die "$name stopped before serving its document"; }
            sleep 1
        done
        [ -s "$docs/$name.json" ] || { tail -n 40 "$work/$name.log" >&2; die "$name served no document within 2 minutes"; }
        echo "[lint-openapi] $name -> $docs/$name.json"
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        port=$((port + 1))
    done
}

[ $# -gt 0 ] || { usage; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --run-services) run_services; shift ;;
        --gateway)
            gateway="${2:?--gateway needs the gateway URL, e.g. http://localhost:5080}"
            for name in "${services[@]}"; do fetch "${gateway%/}/openapi/$name/v1.json" "$name"; done
            shift 2 ;;
        http://*|https://*)
            # http://host:5083/openapi/v1.json -> host-5083; .../openapi/inventory/v1.json -> inventory
            name="$(sed -E 's#^https?://##; s#/openapi/v1\.json$##; s#^.*/openapi/([^/]+)/v1\.json$#\1#; s#[^A-Za-z0-9._-]+#-#g' <<<"$1")"
            fetch "$1" "$name"; shift ;;
        *)
            if [ -d "$1" ]; then
                found=0
                for f in "$1"/*.json; do [ -e "$f" ] && cp "$f" "$docs/" && found=1; done
                [ "$found" = 1 ] || die "no *.json in $1"
            elif [ -f "$1" ]; then
                cp "$1" "$docs/"
            else
                die "not a folder, file or URL: $1"
            fi
            shift ;;
    esac
done

config="$work/redocly.yaml"
cat >"$config" <<'EOF'
extends:
  - recommended
rules:
  # What this lint is for: every operation states its security, and every scope it names is declared by the scheme.
  security-defined: error
  security-scopes-defined: error
  # Left as warnings, each for its reason:
  # - the servers entry is not written by the services: ASP.NET Core adds the URL the document was fetched from,
  #   with a trailing slash, so it differs between a direct fetch, the gateway and CI.
  no-server-trailing-slash: warn
  # - internal services: there is no licence to name.
  info-license: warn
  # - tags group operations for readers (WithTags); they carry no contract.
  tag-description: warn
  # Every request example must validate against its own schema: clients are generated from these documents.
  no-invalid-media-type-examples: error
  # - route constraints ({id:guid}) keep routes apart that OpenAPI path templates cannot tell apart.
  no-ambiguous-paths: warn
  # - an endpoint that answers with a file (the hazard registry's QR image) does not declare its 200; its owners add
  #   Produces(200, contentType: "image/png"), then this can become an error.
  operation-2xx-response: warn
EOF

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
# From the documents' folder, so the report names each document by its file name alone.
cd "$docs"
mapfile -t files < <(find . -maxdepth 1 -name '*.json' -printf '%f\n' | sort)
[ "${#files[@]}" -gt 0 ] || die "no documents to lint"
echo "[lint-openapi] @redocly/cli@$version lint ${files[*]}"
npx --yes "@redocly/cli@$version" lint --config "$config" --format "$format" "${files[@]}"
