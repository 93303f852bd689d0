#!/usr/bin/env bash
# Spec conformance by an outside tool: Schemathesis (pinned in install.sh) generates requests from
# openapi/ucdn.yaml — valid and invalid — and checks the standalone mock server's answers against the same spec.
# hooks.py turns each case into the signed wire request PROTOCOL.md describes. Exits non-zero on any failure.
#
# Usage: tests/reliability/schemathesis/run.sh [extra schemathesis options, e.g. --seed 42]
# Env:   SCHEMATHESIS_MAX_EXAMPLES (default 100)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"

bash "$here/install.sh"
# The mock server's bin (a cache hit when already built).
(cd "$root" && pnpm exec turbo run build --filter=@scloud/ucdn-mock --output-logs=errors-only >/dev/null)

log="$(mktemp)"
work="$(mktemp -d)"
node "$root/packages/ucdn-mock/dist/bin.js" --demo --port 0 >"$log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$log" "$work"
}
trap cleanup EXIT

url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "the mock server did not start:" >&2
  cat "$log" >&2
  exit 1
fi
echo "mock server: $url"

# Run from a scratch directory: Hypothesis keeps no example database in the repository.
cd "$work"
UCDN_MOCK_URL="$url" PYTHONPATH="$here" SCHEMATHESIS_HOOKS=hooks "$root/.tools/venv/bin/schemathesis" --no-color run \
  "$root/openapi/ucdn.yaml" \
  --url "$url" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,mock_agrees_with_spec \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-100}" \
  --workers 1 \
  --generation-database none \
  --generation-with-security-parameters false \
  --request-timeout 10 \
  "$@"
