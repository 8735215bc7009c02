#!/usr/bin/env bash
# Scores crosscheck's reading of web pages on the public article-extraction benchmark
# (github.com/scrapinghub/article-extraction-benchmark: 181 news and blog pages with
# hand-checked article bodies). The benchmark is not part of this repository: clone it
# and give its folder.
#
#   bench/eval/html-bench.sh PATH/TO/article-extraction-benchmark
#
# Prints body F1, precision, recall and accuracy as the benchmark's own evaluate.py
# computes them (word-shingle matching), and, from the example, how many pages got a
# title, an outlet and a date, and the speed on one core.
set -euo pipefail
bench=${1:?usage: $0 PATH/TO/article-extraction-benchmark}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
for f in "$bench"/html/*.html.gz; do
  gunzip -c "$f" > "$work/pages/$(basename "$f" .gz)"
done
(cd "$here" && cargo build --release --example html_bodies -q)
"$here/target/release/examples/html_bodies" "$work/pages" > "$work/out.json"
cd "$bench"
python3 - "$work/out.json" <<'PY'
import json, sys
from pathlib import Path
import evaluate as ev
truth = ev.load_json(Path("ground-truth.json"))
pred = json.load(open(sys.argv[1]))
m = ev.evaluate(truth, {k: {"articleBody": pred.get(k, {}).get("articleBody", "")} for k in truth}, 1000)
print(f"body F1 {m['f1']:.3f} ± {m['f1_std']:.3f}  precision {m['precision']:.3f}  recall {m['recall']:.3f}  accuracy {m['accuracy']:.3f}")
PY
