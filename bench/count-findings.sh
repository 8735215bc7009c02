#!/bin/bash
# Counts the findings crosscheck makes on a corpus, by kind, on a fresh index, with the
# index build's time and peak RSS.
#
#   bench/count-findings.sh CORPUS [BIN]      (BIN: target/release/crosscheck)
#
# Writes the `conflicts --json` output to /tmp/count_out.json for a hand check.
set -euo pipefail
C=$1; BIN=${2:-$(dirname "$0")/../target/release/crosscheck}
IDX=$(mktemp -d)
/usr/bin/time -f "index: %e s, peak RSS %M KB" "$BIN" index "$C" --index "$IDX" >/dev/null 2>/tmp/count_time.txt
tail -1 /tmp/count_time.txt
"$BIN" conflicts "$C" --json --index "$IDX" --no-update > /tmp/count_out.json
python3 -c "
import json,collections
d=json.load(open('/tmp/count_out.json'))
print('conflicts list',len(d['conflicts']),dict(collections.Counter(f['kind'] for f in d['conflicts'])),'corroborations',len(d['corroborations']),'related',len(d['related_quotes']))
"
rm -rf "$IDX"
