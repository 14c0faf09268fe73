#!/usr/bin/env bash
# Users' writes while the reminder scan records: runs the scan of <day> in a process of its own on the ledger in
# <folder> (as a worker does, through `Ledger.Benchmarks scan`) and, until it ends, adds a department every 200 ms as
# the office through the running host on the same ledger, timing each write. Prints the scan's own figures and the
# writes' count, median, p95, slowest and failures.
# Usage: scan-latency.sh <base-url> <folder> <day>
#   (a ledger made by `Ledger.Benchmarks seed <folder>`, served by a host with Ledger__Jobs__Server=false; build
#   tests/Ledger.Benchmarks in Release first)
set -euo pipefail
source "$(dirname "$0")/load.sh"
base=$1 folder=$2 day=$3
signin "$base" office Ledger@2025
out=$(mktemp -d)
start=$(date +%s.%N)
dotnet run -c Release --no-build --project "$(dirname "$0")" -- scan "$folder" "$day" >"$out/scan.txt" 2>&1 &
scan=$!
i=0
while kill -0 "$scan" 2>/dev/null; do
  i=$((i + 1))
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"name\":\"扫描期间部门-$$-$i\"}" "$base/api/departments" >>"$out/writes" || echo "000 0" >>"$out/writes"
  sleep 0.2
done
wait "$scan" || true
echo "scan of $day, $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s in all: $(tail -n 3 "$out/scan.txt")"
python3 - "$out/writes" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
ok = sorted(float(t) * 1000 for c, t in rows if c.startswith('2'))
failed = [c for c, _ in rows if not c.startswith('2')]
if ok:
    print(f"writes during the scan: {len(rows)}, median {ok[len(ok)//2]:.0f} ms, p95 {ok[max(0, int(len(ok)*0.95)-1)]:.0f} ms, "
          f"slowest {ok[-1]:.0f} ms, failed {len(failed)} {sorted(set(failed))}")
else:
    print(f"writes during the scan: {len(rows)}, none succeeded: {sorted(set(failed))}")
PY
rm -rf "$out"
