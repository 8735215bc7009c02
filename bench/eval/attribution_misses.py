#!/usr/bin/env python3
"""Each PolNeAR attribution miss with its context, sorted into rough causes.

usage: attribution_misses.py SPLIT_DIR CLAIMS.json [--cause NAME] [--sample N]

SPLIT_DIR holds gold.json and text/; CLAIMS.json is `crosscheck claims DIR/text --json`.
Prints a count per cause, then (with --cause) each miss of that cause with the paragraph
that holds the quotation and the one before it. The causes are rough: they say where the
gold speaker sits relative to the quotation, not why the extractor missed it.
"""
import json, os, random, re, sys
import unicodedata

# The scorer's matching rules (../shared/eval/score_claims.py runs on import, so they are
# restated here): a quotation matches when 80% of the gold words are in it; a speaker
# matches when it shares a name word with one of the gold aliases.
class sc:
    TITLES = set("mr mrs ms dr sen senator rep representative gov governor president the a an of and "
                 "democrat republican former chief executive director california secretary general manager".split())
    @staticmethod
    def norm(s):
        s = unicodedata.normalize("NFKC", s or "")
        for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
            s = s.replace(a, b)
        return s.lower()
    @staticmethod
    def toks(s):
        return re.findall(r"[a-z0-9]+", sc.norm(s))
    @staticmethod
    def contains_most(g, h):
        g, h = sc.toks(g), set(sc.toks(h))
        return bool(g) and sum(1 for t in g if t in h) / len(g) >= 0.8
    @staticmethod
    def name_tokens(alias):
        caps = re.findall(r"\b[A-Z][\w'\u2019.-]*", alias)
        t = [x for c in caps for x in sc.toks(c) if x not in sc.TITLES]
        return t or [x for x in sc.toks(alias) if x not in sc.TITLES]
    @staticmethod
    def speaker_ok(aliases, got):
        g = set(sc.toks(got))
        return bool(g) and any(set(sc.name_tokens(a)) & g for a in aliases)
    @staticmethod
    def basename(p):
        return re.split(r"[\\/]", p or "")[-1]

DOC = re.compile(r"\b(report|email|e-mail|letter|statement|memo|ad|advert|website|site|tweet|post|poll|survey|study|document|filing|complaint|release|editorial|headline|article|book|sign|banner|message|lawsuit|order|ruling|video|caption|page|bill|study|column|story)s?\b", re.I)

def main():
    split, claims = sys.argv[1], sys.argv[2]
    cause_sel = None
    sample = 0
    if "--cause" in sys.argv:
        cause_sel = sys.argv[sys.argv.index("--cause") + 1]
    if "--sample" in sys.argv:
        sample = int(sys.argv[sys.argv.index("--sample") + 1])
    gold = json.load(open(os.path.join(split, "gold.json")))
    got = json.load(open(claims))
    by_file = {sc.basename(a.get("path")): a for a in got.get("articles", [])}
    rows = []
    for fname, g in gold["articles"].items():
        a = by_file.get(fname)
        if a is None:
            continue
        text = open(os.path.join(split, "text", fname), encoding="utf-8", errors="replace").read()
        paras = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
        quotes = a.get("quotes", [])
        for gq in g.get("quotes", []):
            if gq.get("optional") or not gq.get("speaker"):
                continue
            hit = None
            for k, q in enumerate(quotes):
                if sc.contains_most(gq["text"], q.get("text", "")):
                    hit = k
                    break
            if hit is None:
                continue
            got_sp = quotes[hit].get("speaker") or ""
            if sc.speaker_ok(gq["speaker"], got_sp):
                continue
            want = gq["speaker"][0]
            # where is the quote and the speaker?
            key = gq["text"][:40]
            pi = next((i for i, p in enumerate(paras) if key[:25] in p), None)
            para = paras[pi] if pi is not None else ""
            prev = paras[pi - 1] if pi else ""
            names = sc.name_tokens(want)
            in_para = any(re.search(r"\b%s\b" % re.escape(n), sc.norm(para)) for n in names)
            in_prev = any(re.search(r"\b%s\b" % re.escape(n), sc.norm(prev)) for n in names)
            if DOC.search(want) and not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", want):
                cause = "document"
            elif not re.search(r"[A-Z]", want):
                cause = "pronoun-or-role"
            elif got_sp and re.search(r"\b[A-Z][a-z]+\b", got_sp) and any(t in sc.toks(want) for t in sc.toks(got_sp)):
                cause = "partial-name"
            elif not got_sp:
                cause = "none:" + ("same-para" if in_para else "prev-para" if in_prev else "far")
            else:
                cause = "other:" + ("same-para" if in_para else "prev-para" if in_prev else "far")
            rows.append((cause, fname, gq["text"], want, got_sp, prev, para))
    counts = {}
    for r in rows:
        counts[r[0]] = counts.get(r[0], 0) + 1
    for c, n in sorted(counts.items(), key=lambda x: -x[1]):
        print(f"{n:5d} {c}")
    if cause_sel:
        sel = [r for r in rows if r[0] == cause_sel]
        if sample:
            random.seed(1)
            sel = random.sample(sel, min(sample, len(sel)))
        for cause, fname, q, want, gotsp, prev, para in sel:
            print("\n==", fname, "| want:", want, "| got:", repr(gotsp))
            print("   Q:", q[:100])
            print("   PREV:", prev[-300:])
            print("   PARA:", para[:600])

main()
