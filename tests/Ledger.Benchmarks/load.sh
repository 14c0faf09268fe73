# Sourced by the *-load.sh scripts: signs in to a running host and times GET requests.
# The office of a ledger made by `Ledger.Benchmarks seed` signs in with Ledger@2025.
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1 or '')"; }

# signin <base-url> <user> <password>: sets $auth, the header every request sends.
signin() {
  local token
  token=$(curl -sf -X POST "$1/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"userName\":\"$2\",\"password\":\"$3\"}" | json '["accessToken"]')
  auth="Authorization: Bearer $token"
}

# times <label> <url> <runs>: one warm-up, then <runs> requests, reported as median and p95 with the response's size.
times() {
  local label=$1 url=$2 runs=$3 stats
  curl -sf -o /dev/null -H "$auth" "$url"
  stats=$(for _ in $(seq "$runs"); do curl -sf -o /tmp/load.out -w '%{time_total}\n' -H "$auth" "$url"; done \
    | sort -n | python3 -c "import sys; t=[float(l) for l in sys.stdin]; print(f'median {t[len(t)//2]*1000:.0f} ms, p95 {t[max(0, int(len(t)*0.95)-1)]*1000:.0f} ms over {len(t)} requests')")
  echo "$label: $stats ($(stat -c %s /tmp/load.out) bytes)"
}
