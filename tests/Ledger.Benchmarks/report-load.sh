#!/usr/bin/env bash
# Times the progress report of one round against a running host: the draft today and as of a past date, both
# downloads, the figures, one publication, the frozen .docx and the editions list; six runs each after a warm-up.
# Usage: report-load.sh <base-url> <round-id> <past-date> [user] [password]
set -euo pipefail
source "$(dirname "$0")/load.sh"
base=$1 round=$2 past=$3 runs=6
signin "$base" "${4:-office}" "${5:-Ledger@2025}"
times "draft today" "$base/api/rounds/$round/report" "$runs"
times "draft as of $past" "$base/api/rounds/$round/report?asOf=$past" "$runs"
times "docx" "$base/api/rounds/$round/report/docx" "$runs"
times "text" "$base/api/rounds/$round/report/text" "$runs"
times "figures" "$base/api/rounds/$round/figures" "$runs"
version=$(curl -sf -H "$auth" "$base/api/rounds/$round/report" | json '["version"]')
if [ -z "$version" ]; then
  version=$(curl -sf -X PUT -H "$auth" -H 'Content-Type: application/json' "$base/api/rounds/$round/report" \
    -d '{"version":null,"organisation":"院党组成立整改工作领导小组。","nextSteps":"持续巩固整改成效。"}' | json '["version"]')
fi
edition=$(curl -sf -o /tmp/report-load.json -w '%{time_total}' -X POST -H "$auth" -H 'Content-Type: application/json' \
  "$base/api/rounds/$round/report/editions" -d "{\"version\":\"$version\",\"issuesReviewed\":true}")
echo "publish: $edition s"
id=$(json '["id"]' < /tmp/report-load.json)
times "edition docx" "$base/api/report-editions/$id/docx" "$runs"
times "editions list" "$base/api/rounds/$round/report/editions" "$runs"
