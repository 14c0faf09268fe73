#!/usr/bin/env bash
# Times the progress report of one round against a running host: the draft today and as of a past date, both
# downloads, the figures, one publication, the frozen .docx and the editions list; six runs each (the first is cold).
# Usage: report-load.sh <base-url> <round-id> <past-date> [user] [password]
# The office of a ledger made by `Ledger.Benchmarks seed` signs in with Ledger@2025.
set -euo pipefail
base=$1 round=$2 past=$3 user=${4:-office} password=${5:-Ledger@2025}
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1 or '')"; }
token=$(curl -sf -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"$user\",\"password\":\"$password\"}" | json '["accessToken"]')
auth="Authorization: Bearer $token"
times() {
  local label=$1 url=$2 runs=()
  for _ in 1 2 3 4 5 6; do runs+=("$(curl -sf -o /tmp/report-load.out -w '%{time_total}' -H "$auth" "$url")"); done
  echo "$label: ${runs[*]} s ($(stat -c %s /tmp/report-load.out) bytes)"
}
times "draft today" "$base/api/rounds/$round/report"
times "draft as of $past" "$base/api/rounds/$round/report?asOf=$past"
times "docx" "$base/api/rounds/$round/report/docx"
times "text" "$base/api/rounds/$round/report/text"
times "figures" "$base/api/rounds/$round/figures"
version=$(curl -sf -H "$auth" "$base/api/rounds/$round/report" | json '["version"]')
if [ -z "$version" ]; then
  version=$(curl -sf -X PUT -H "$auth" -H 'Content-Type: application/json' "$base/api/rounds/$round/report" \
    -d '{"version":null,"organisation":"院党组成立整改工作领导小组。","nextSteps":"持续巩固整改成效。"}' | json '["version"]')
fi
edition=$(curl -sf -o /tmp/report-load.json -w '%{time_total}' -X POST -H "$auth" -H 'Content-Type: application/json' \
  "$base/api/rounds/$round/report/editions" -d "{\"version\":\"$version\",\"issuesReviewed\":true}")
echo "publish: $edition s"
id=$(json '["id"]' < /tmp/report-load.json)
times "edition docx" "$base/api/report-editions/$id/docx"
times "editions list" "$base/api/rounds/$round/report/editions"
