#!/usr/bin/env bash
# Body F1 of crosscheck's web-page reading on pages written here: N articles of a text
# corpus (default: the first 300 BBC articles) each put in a page with the furniture of
# real news sites around it (cookie banner, navigation, share buttons, a figure caption,
# "related stories" links, a newsletter box, a footer, scripts and styles), in UTF-8 or
# in Windows-1252 without a declared charset. F1 over word 4-shingles between the
# article's own paragraphs and the body crosscheck reads (the public benchmark's method).
#
#     bench/eval/furniture-pages.sh [CORPUS_DIR] [N]
set -euo pipefail
corpus=${1:-../shared/corpora/bbc-news}
n=${2:-300}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
python3 - "$corpus" "$work/pages" "$n" <<'PY'
import html, os, sys, json
corpus, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out)
files = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))[:n]
truth = {}
for k, f in enumerate(files):
    lines = open(os.path.join(corpus, f), encoding="utf-8", errors="replace").read().split("\n")
    title, body = lines[0].strip(), [l.strip() for l in lines[1:] if l.strip()]
    truth[f"p{k}.html"] = body
    e = html.escape
    related = "".join(f"<li><a href='/r{j}'>{e(os.path.splitext(files[(k + j) % len(files)])[0])} story you may have missed</a></li>" for j in range(1, 5))
    paras = "".join(f"<p>{e(p)}</p>" for p in body[:3]) + "<figure><img src='x.jpg'><figcaption>Image caption: a file photo</figcaption></figure>" + "".join(f"<p>{e(p)}</p>" for p in body[3:])
    page = f"""<!doctype html><html><head><title>{e(title)} - Daily Bench</title><meta property="og:site_name" content="Daily Bench"><style>body{{font:1em sans-serif}}</style><script>window.dataLayer=[{{'page':'article'}}];</script></head>
<body><div class="cookie-banner" id="consent">We use cookies to give you the best experience. By continuing you agree. <button>Accept all</button> <button>Manage settings</button></div>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/business">Business</a> <a href="/login">Sign in</a></nav></header>
<main><article><h1>{e(title)}</h1><div class="share">Share this article <a>Facebook</a> <a>Twitter</a> <a>Email</a></div>{paras}</article>
<aside><h2>Related stories</h2><ul>{related}</ul><div class="newsletter">Get our morning briefing in your inbox. <input> <button>Sign up</button></div></aside></main>
<footer><p>© 2026 Daily Bench. All rights reserved.</p><a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer><script>track();</script></body></html>"""
    data = page.encode("cp1252", errors="replace") if k % 3 == 0 else page.encode("utf-8")
    open(os.path.join(out, f"p{k}.html"), "wb").write(data)
json.dump(truth, open(os.path.join(out, "..", "truth.json"), "w"))
PY
"$here/target/release/crosscheck" --index "$work/idx" claims "$work/pages" --json > "$work/claims.json" 2>/dev/null
python3 - "$work/claims.json" "$work/truth.json" <<'PY'
import json, re, sys
claims, truth = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
def shingles(text, k=4):
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + k]) for i in range(max(1, len(w) - k + 1))}
ps, rs, fs, exact = [], [], [], 0
for a in claims["articles"]:
    name = a["path"].rsplit("/", 1)[-1]
    gold, got = shingles(" ".join(truth[name])), shingles(a["body"])
    tp = len(gold & got)
    p = tp / len(got) if got else 0.0
    r = tp / len(gold) if gold else 0.0
    ps.append(p); rs.append(r); fs.append(2 * p * r / (p + r) if p + r else 0.0)
    exact += a["body"].split("\n\n") == truth[name]
n = len(fs)
print(f"{n} pages: body F1 {sum(fs)/n:.3f} (P {sum(ps)/n:.3f} R {sum(rs)/n:.3f}); paragraphs exactly the article's: {exact}/{n}")
PY
