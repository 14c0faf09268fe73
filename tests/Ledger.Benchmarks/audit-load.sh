#!/usr/bin/env bash
# Times 审计记录 as its page asks for it (50 a page, newest first): unfiltered, a late page, by 操作人, by 操作 over a
# month, and one item's records; <runs> requests each (default 30) after one warm-up, reported as median and p95.
# Usage: audit-load.sh <base-url> <actor> <item-id> [runs] [user] [password]
set -euo pipefail
source "$(dirname "$0")/load.sh"
base=$1 actor=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$2") item=$3 runs=${4:-30}
signin "$base" "${5:-office}" "${6:-Ledger@2025}"
times "newest" "$base/api/audit?pageSize=50" "$runs"
times "page 200" "$base/api/audit?pageSize=50&page=200" "$runs"
times "by actor" "$base/api/audit?pageSize=50&actor=$actor" "$runs"
times "by action, one month" "$base/api/audit?pageSize=50&action=StartItem&from=2024-06-01&to=2024-06-30" "$runs"
times "one item" "$base/api/audit?pageSize=50&entityId=$item" "$runs"
