#!/bin/bash
# Runs every benchmark on one corpus and prints the figures docs/BENCHMARKS.md tabulates.
#
#   bench/run-all.sh CORPUS [RUNS]
#
# Needs: a release build (cargo build --release --examples), tmux, rg (ripgrep), and
# /usr/bin/time. Uses /tmp/bench-<name>-* for indexes. Nothing here asserts on time.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=$(realpath "$1"); RUNS=${2:-3}
NAME=$(basename "$CORPUS")
BIN=$PWD/target/release/crosscheck
EX=$PWD/target/release/examples
IDX=/tmp/bench-$NAME-index
cargo build --release --examples -q

echo "## $NAME"
echo "files: $(find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l), $(du -sh --apparent-size "$CORPUS" | cut -f1)"
echo

echo "### Indexing from scratch: plain Tantivy vs crosscheck"
"$EX/plain_tantivy" "$CORPUS" --runs "$RUNS" --bin "$BIN"
echo

echo "### Stages of a build from scratch (CROSSCHECK_PROFILE): index (returns when searchable), then the findings on demand (conflicts), then index --wait-findings"
rm -rf "$IDX"
CROSSCHECK_PROFILE=1 /usr/bin/time -f "index: total %e s, peak RSS %M KB" "$BIN" --index "$IDX" index "$CORPUS" 2>&1 >/dev/null | grep -E "profile|total"
CROSSCHECK_PROFILE=1 /usr/bin/time -f "conflicts (computes the findings): total %e s, peak RSS %M KB" "$BIN" --index "$IDX" conflicts "$CORPUS" 2>&1 >/dev/null | grep -E "profile|total"
rm -rf "$IDX"
/usr/bin/time -f "index --wait-findings: total %e s, peak RSS %M KB" "$BIN" --index "$IDX" index --wait-findings "$CORPUS" 2>&1 >/dev/null | grep -E "total"
echo

echo "### A search process with default flags vs rg: median ms of $RUNS × 5 runs"
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
N=$((RUNS * 5))
echo "rg -l -i -w -F economy: $(for i in $(seq $N); do ms rg -l -i -w -F economy "$CORPUS"; done | med)"
echo "search, back to back (the last check trusted): $(for i in $(seq $N); do ms "$BIN" --index "$IDX" search economy "$CORPUS"; done | med)"
echo "search, 2.5 s apart (every file checked): $(for i in $(seq "$RUNS"); do sleep 2.5; ms "$BIN" --index "$IDX" search economy "$CORPUS"; done | med)"
echo "search --no-update: $(for i in $(seq $N); do ms "$BIN" --index "$IDX" --no-update search economy "$CORPUS"; done | med)"
echo

echo "### Unchanged corpus, update check only"
for i in $(seq "$RUNS"); do /usr/bin/time -f "%e s, %M KB" "$BIN" --index "$IDX" index "$CORPUS" 2>&1 >/dev/null | tail -1; done
echo

echo "### One file changed: time to searchable (the commit) and to new findings"
case "$CORPUS" in
/tmp/*)
  F=$(find "$CORPUS" -type f -name '*.txt' | sort | sed -n 1p)
  cp "$F" /tmp/bench-orig.txt
  for i in $(seq "$RUNS"); do
    echo "Added paragraph $i: the council said $((4000 + i)) residents signed the petition, according to Mayor Jane Quill." >> "$F"
    CROSSCHECK_PROFILE=1 "$BIN" --index "$IDX" index --wait-findings "$CORPUS" 2>&1 >/dev/null | grep -E "tantivy commit|write findings"
  done
  cp /tmp/bench-orig.txt "$F"
  "$BIN" --index "$IDX" index "$CORPUS" >/dev/null 2>&1
  ;;
*) echo "skipped: this changes a file of the corpus; run it on a copy under /tmp" ;;
esac
echo

echo "### Claim extraction alone, one core"
"$EX/extract_speed" "$CORPUS"
echo

echo "### Cross-article analysis alone"
"$EX/crossref_scale" "$CORPUS" | tail -3
echo

echo "### Search: in process vs rg"
"$EX/bench_search" "$IDX" "$CORPUS" --iters 200 --rg-runs "$RUNS" --bin "$BIN"
echo

echo "### Reader: what it does before the first library frame (no terminal)"
"$EX/reader_load" "$IDX" "$CORPUS" --runs 5 | tail -1
echo

echo "### Reader in tmux: first frame, library frame, keystroke to frame, peak RSS"
for i in $(seq "$RUNS"); do
  T=/tmp/bench-timings-$$.txt; rm -f "$T"
  bash bench/measure-reader.sh "/usr/bin/time -o /tmp/bench-rss-$$.txt -f %M $BIN" "$CORPUS" "$IDX" "$T" "economy growth" >/dev/null 2>&1
  FIRST=$(grep first_frame_ms "$T" | cut -d' ' -f2)
  LIB=$(grep library_frame_ms "$T" | cut -d' ' -f2)
  KEYS=$(grep search_key_to_frame_ms "$T" | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {printf "median %s, max %s (%d keys)", a[int((NR+1)/2)], a[NR], NR}')
  echo "run $i: first frame $FIRST ms, library $LIB ms, keystroke to frame $KEYS ms, peak RSS $(tail -1 /tmp/bench-rss-$$.txt) KB"
done
