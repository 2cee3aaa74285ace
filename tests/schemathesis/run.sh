#!/usr/bin/env bash
# The API against its own OpenAPI document, with schemathesis and every check it has
# (`--checks all`) in every phase: examples, coverage (boundary values and what lies just
# outside them), fuzzing, and stateful sequences that follow the links between operations.
# Signed in as an administrator. Fails on any 5xx, on any response that does not match the
# document (status code, content type, headers, body schema), on a request valid by the
# document that the server refuses or an invalid one it accepts, and on a missing required
# header that is not refused. The server is the binary given in MFX_BIN (default
# target/debug/mfx) on a new SQLite database with the demo content, so that real ids are
# there to find. schemathesis.toml and hooks.py say what the document cannot (see there).
#
#   tests/schemathesis/run.sh              # needs Python 3; installs schemathesis in target/ci-venv
#   MFX_FUZZ_EXAMPLES=200 tests/schemathesis/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
bin="${MFX_BIN:-target/debug/mfx}"
examples="${MFX_FUZZ_EXAMPLES:-20}"
venv=target/ci-venv
if [ ! -x "$venv/bin/schemathesis" ]; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis>=4.3,<5"
fi

work=$(mktemp -d "$root/target/schemathesis.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export MFX_DATABASE_URL="sqlite://$work/mfx.db" MFX_DATA_DIR="$work" MFX_BIND="127.0.0.1:$port" \
    MFX_JWT_SECRET="schemathesis-secret-0123456789abcdefghijklmnop" MFX_LOG=warn \
    MFX_ACCESS_TOKEN_TTL_SECS=3600 MFX_PUBLIC_URL="http://127.0.0.1:$port"
password="a long enough password for the checks"
"$bin" seed-demo >/dev/null
echo "$password" | "$bin" user add --email checks@example.org --partner bucharest-ilfov --role admin \
    --password-stdin >/dev/null
"$bin" serve >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.05
done

token() {
    curl -fs "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"checks@example.org\",\"password\":\"$password\"}" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# What the hooks need: records of the demo data that bodies may name, and where to ask.
api() { curl -fs "http://127.0.0.1:$port/api/v1/$1" -H "Authorization: Bearer $2"; }
reader=$(token)
MFX_FIXTURES=$(python3 -c '
import json, sys
partners, practices, packages, periods = (json.loads(a) for a in sys.argv[1:])
print(json.dumps({
    "partners": [p["slug"] for p in partners["items"]],
    "practices": [d["id"] for d in practices["items"]],
    "work_packages": [w["code"] for w in packages],
    "periods": [p["code"] for p in periods],
}))' "$(api partners "$reader")" "$(api 'practices?limit=5' "$reader")" "$(api work-packages "$reader")" \
    "$(api periods "$reader")")
export MFX_FIXTURES MFX_API_URL="http://127.0.0.1:$port" MFX_API_TOKEN="$reader" MFX_CHECKS_PASSWORD="$password"
export SCHEMATHESIS_HOOKS="$root/tests/schemathesis/hooks.py"

run() {
    # From the scratch directory, so that what schemathesis keeps between runs stays out of the tree.
    (cd "$work" && "$root/$venv/bin/schemathesis" --config-file "$root/tests/schemathesis/schemathesis.toml" \
        run "http://127.0.0.1:$port/api/openapi.json" \
        --checks all --phases examples,coverage,fuzzing,stateful --max-examples "$examples" \
        --generation-deterministic --workers 1 --request-timeout 30 --warnings off \
        -H "Authorization: Bearer $(token)" "$@")
}

# Everything but what ends the session the run signs in with; then those, each with its own.
run --exclude-operation-id logout --exclude-operation-id change_password --exclude-operation-id deactivate_user
run --include-operation-id logout --include-operation-id change_password --include-operation-id deactivate_user

if grep -q ' ERROR ' "$work/server.log"; then
    echo "the server logged errors:" >&2
    grep ' ERROR ' "$work/server.log" >&2
    exit 1
fi
rm -rf "$work"
