#!/usr/bin/env bash
# Fetch benchmark on this machine, never the network: FEEDS feeds of ITEMS entries each,
# every entry a web page made from one article of a text corpus (default: the BBC
# corpus), served by Python's http.server on 127.0.0.1. Runs `crosscheck fetch` from
# scratch, then again (the feeds answer 304), and prints the time and peak RSS of each.
#
#     bench/feeds-bench.sh [CORPUS_DIR] [FEEDS] [ITEMS]
set -euo pipefail
corpus=${1:-../shared/corpora/bbc-news}
feeds=${2:-20}
items=${3:-25}
port=${PORT:-8799}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin="$here/target/release/crosscheck"
mkdir -p "$work/site" "$work/config/crosscheck"
python3 - "$corpus" "$work/site" "$feeds" "$items" "$port" <<'PY'
import html, os, sys
corpus, site, nfeeds, nitems, port = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
files = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))[: nfeeds * nitems]
base = f"http://127.0.0.1:{port}"
for f in range(nfeeds):
    items = []
    for i in range(nitems):
        k = f * nitems + i
        if k >= len(files):
            break
        lines = open(os.path.join(corpus, files[k]), encoding="utf-8", errors="replace").read().split("\n")
        title, body = lines[0].strip(), [l.strip() for l in lines[1:] if l.strip()]
        page = f"<html><head><title>{html.escape(title)} | Bench News</title><meta property='og:site_name' content='Bench News'></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{html.escape(title)}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in body) + "</article><footer>© Bench News</footer></body></html>"
        open(os.path.join(site, f"p{k}.html"), "w").write(page)
        items.append(f"<item><title>{html.escape(title)}</title><link>{base}/p{k}.html</link><guid>g{k}</guid><description>{html.escape(body[0] if body else '')}</description></item>")
    open(os.path.join(site, f"feed{f}.xml"), "w").write(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Bench feed {f}</title>{''.join(items)}</channel></rss>")
PY
for f in $(seq 0 $((feeds - 1))); do echo "http://127.0.0.1:$port/feed$f.xml"; done > "$work/config/crosscheck/urls"
(cd "$work/site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
sleep 1
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
echo "$feeds feeds × $items entries from $corpus"
for run in first second; do
  /usr/bin/time -f "$run fetch (with indexing): %e s, peak RSS %M KB" "$bin" fetch --json > "$work/$run.json"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('  ', {k: (len(v) if isinstance(v, list) else v) for k, v in d.items()})" "$work/$run.json"
done
/usr/bin/time -f "fetch --no-index (nothing new): %e s, peak RSS %M KB" "$bin" fetch --json --no-index > /dev/null
echo "articles stored: $(find "$work/data/crosscheck/feeds/articles" -name '*.md' | wc -l), $(du -sh "$work/data/crosscheck/feeds/articles" | cut -f1)"
"$bin" search 'government' --json | python3 -c "import json,sys; print('  search government:', json.load(sys.stdin)['total'], 'hits')"
