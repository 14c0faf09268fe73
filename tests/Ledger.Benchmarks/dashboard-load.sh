#!/usr/bin/env bash
# Times the leaders' dashboard against a running host: every round, then the first round alone; <runs> requests each
# (default 50) after one warm-up, reported as median and p95.
# Usage: dashboard-load.sh <base-url> [runs] [user] [password]
set -euo pipefail
source "$(dirname "$0")/load.sh"
base=$1 runs=${2:-50}
signin "$base" "${3:-office}" "${4:-Ledger@2025}"
times "all rounds" "$base/api/dashboard" "$runs"
round=$(curl -sf -H "$auth" "$base/api/rounds" | json '[0]["id"]')
times "one round" "$base/api/dashboard?roundId=$round" "$runs"
