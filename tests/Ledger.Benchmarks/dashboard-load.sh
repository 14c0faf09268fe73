#!/usr/bin/env bash
# Times the leaders' dashboard against a running host: every round, then the first round alone; <runs> requests each
# (default 50) after one warm-up, reported as median and p95.
# Usage: dashboard-load.sh <base-url> [runs] [user] [password]
# The office of a ledger made by `Ledger.Benchmarks seed` signs in with Ledger@2025.
set -euo pipefail
base=$1 runs=${2:-50} user=${3:-office} password=${4:-Ledger@2025}
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1 or '')"; }
token=$(curl -sf -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"$user\",\"password\":\"$password\"}" | json '["accessToken"]')
auth="Authorization: Bearer $token"
times() {
  local label=$1 url=$2
  curl -sf -o /dev/null -H "$auth" "$url"
  for _ in $(seq "$runs"); do curl -sf -o /tmp/dashboard-load.out -w '%{time_total}\n' -H "$auth" "$url"; done \
    | sort -n | python3 -c "import sys; t=[float(l) for l in sys.stdin]; print(f'$label: median {t[len(t)//2]*1000:.0f} ms, p95 {t[int(len(t)*0.95)-1]*1000:.0f} ms over {len(t)} requests')"
  echo "  ($(stat -c %s /tmp/dashboard-load.out) bytes)"
}
times "all rounds" "$base/api/dashboard"
round=$(curl -sf -H "$auth" "$base/api/rounds" | json '[0]["id"]')
times "one round" "$base/api/dashboard?roundId=$round"
