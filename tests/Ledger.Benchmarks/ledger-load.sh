#!/usr/bin/env bash
# Times the ledger's four heavy lists and the all-rounds dashboard against a running host on a ledger made by
# `Ledger.Benchmarks seed`: (a) overdue items of one department by deadline, (b) the same for all departments,
# (c) page 2001 of the open items, (d) the count of overdue items (a page of one). <runs> requests each after a warm-up.
# Usage: ledger-load.sh <base-url> [runs]
set -euo pipefail
source "$(dirname "$0")/load.sh"
base=$1 runs=${2:-10}
signin "$base" office Ledger@2025
department=$(curl -sf -H "$auth" "$base/api/departments" | json '[0]["id"]')
open="status=NotStarted&status=InProgress&status=PartiallyDone"
times "(a) overdue, one department, by deadline" "$base/api/items?overdue=true&leadDepartmentId=$department&sort=Deadline&pageSize=50" "$runs"
times "(b) overdue, all departments, by deadline" "$base/api/items?overdue=true&sort=Deadline&pageSize=50" "$runs"
times "(c) open items, page 2001 of 50" "$base/api/items?$open&page=2001&pageSize=50" "$runs"
times "(d) count of overdue (page of one)" "$base/api/items?overdue=true&pageSize=1" "$runs"
times "dashboard, all rounds" "$base/api/dashboard" "$runs"
