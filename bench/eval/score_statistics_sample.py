#!/usr/bin/env python3
# Scores a build's figures (statistics) against a hand-annotated gold sample of news sentences.
#   python3 bench/eval/score_statistics_sample.py GOLD.jsonl BBC_CLAIMS.json REUTERS_CLAIMS.json [--verbose]
# GOLD.jsonl: one sentence a line, {"id", "corpus": "bbc"|"reuters", "file", "sentence",
#   "quantities": [{"text", "start" (offset in sentence, optional), "value", "low"/"high" (ranges),
#   "subject_required": [word or "a|b", ...], "subject_max_words", "optional" (don't care)}]}.
# *_CLAIMS.json: `crosscheck claims CORPUS_DIR --json` of the build, run with a fresh cache.
# A build's statistic belongs to a gold sentence when its sentence is that sentence (whitespace
# normalised, containment either way, as sample_statistics.py) and its text lies in it; statistics
# and gold quantities are paired one-to-one by overlapping span (equal value breaks ties).
# Prints value precision/recall/F1 (value within 0.5% relative; a gold range needs the build's
# value and high to equal its two bounds, a single gold number needs high to be null), subject
# accuracy over value hits (contains every required word, plural/singular allowed, at most
# subject_max_words words) and value-and-subject correct out of all gold quantities, per corpus
# and overall. --verbose prints every miss, wrong value, false positive and wrong subject.
# Reads research data (benchmark corpora and their hand labels): not for CI; keep the gold
# labels and the corpora out of the repository.
import json, os, re, sys


def W(t):
    return re.sub(r'\s+', ' ', t).strip()


def load_claims(path):
    return {os.path.basename(a['path']): a for a in json.load(open(path))['articles']}


def close(a, b):
    if a is None or b is None:
        return False
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def value_ok(g, e):
    if 'low' in g and g.get('high') is not None:
        if e.get('high') is None:
            return False
        lo, hi = sorted([e['value'], e['high']])
        return close(lo, min(g['low'], g['high'])) and close(hi, max(g['low'], g['high']))
    return e.get('high') is None and close(e['value'], g['value'])


def variants(w):
    w = re.sub(r"['\u2019]s$", '', w.lower())
    v = {w, w + 's', w + 'es'}
    if w.endswith('ies'):
        v.add(w[:-3] + 'y')
    if w.endswith('es'):
        v.add(w[:-2])
    if w.endswith('s'):
        v.add(w[:-1])
    if w.endswith('y'):
        v.add(w[:-1] + 'ies')
    return v


def subject_ok(g, subj):
    req = g.get('subject_required') or []
    if not req:
        return True, ''
    if not subj:
        return False, 'no subject'
    toks = [variants(t) for t in re.findall(r"[a-z0-9]+", subj.lower().replace('\u2019', "'"))]
    missing = [r for r in req if not any(variants(alt) & t for alt in r.split('|') for t in toks)]
    n = len(subj.split())
    why = []
    if missing:
        why.append('lacks ' + ', '.join(repr(m) for m in missing))
    if g.get('subject_max_words') and n > g['subject_max_words']:
        why.append(f"{n} words > {g['subject_max_words']}")
    return not why, '; '.join(why)


class Body:
    """A body with whitespace-normalised text and maps between its char, byte and normalised offsets."""

    def __init__(self, body):
        self.body = body
        self.byte2char = {}
        b = 0
        for i, ch in enumerate(body):
            self.byte2char[b] = i
            b += len(ch.encode('utf-8'))
        self.byte2char[b] = len(body)
        out, self.c2n, prev_space = [], [], True
        for ch in body:
            if ch.isspace():
                if not prev_space:
                    out.append(' ')
                prev_space = True
            else:
                out.append(ch)
                prev_space = False
            self.c2n.append(len(out) - 1 if out else 0)
        self.c2n.append(len(out))
        self.norm = ''.join(out)

    def nspan(self, start, end):
        cs, ce = self.byte2char.get(start), self.byte2char.get(end)
        if cs is None or ce is None or ce <= cs:
            return None
        return self.c2n[cs], self.c2n[ce - 1] + 1


def norm_offset(sentence, start):
    return len(re.sub(r'\s+', ' ', sentence[:start]).lstrip())


def find_all(hay, needle):
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def score_sentence(g, art):
    """Returns (pairs [(gold, stat, value_ok)], misses [gold], fps [stat], ignored [stat])."""
    sent = g['sentence']
    ws = W(sent)
    golds = []
    for q in g['quantities']:
        t = W(q['text'])
        off = norm_offset(sent, q['start']) if 'start' in q else ws.find(t)
        golds.append((q, (off, off + len(t))))
    if art is None:
        return [], [q for q, _ in golds if not q.get('optional')], [], []
    body = Body(art.get('body') or '')
    at = body.norm.find(ws)
    cands = []
    for st in art.get('statistics', []):
        s2 = st.get('sentence')
        if not s2 or not st.get('text') or st['text'] not in sent and W(st['text']) not in ws:
            continue
        w2 = W(s2)
        if not (w2 in ws or ws in w2):
            continue
        spans = None
        if at >= 0 and st.get('start') is not None:
            sp = body.nspan(st['start'], st['end'])
            if sp is not None:
                if sp[0] < at or sp[1] > at + len(ws):
                    continue          # the statistic lies outside this sentence (e.g. a dateline)
                spans = [(sp[0] - at, sp[1] - at)]
        if spans is None:             # no usable offsets: every place its text occurs
            t = W(st['text'])
            spans = [(i, i + len(t)) for i in find_all(ws, t)]
        cands.append((st, spans))
    edges = []
    for ei, (st, spans) in enumerate(cands):
        for gi, (q, (a, b)) in enumerate(golds):
            ov = max(max(0, min(b, y) - max(a, x)) for x, y in spans)
            if ov > 0:
                edges.append((not q.get('optional'), value_ok(q, st), ov, -ei, -gi, ei, gi))
    edges.sort(reverse=True)
    used_e, used_g, pairs = set(), set(), []
    for real, vok, ov, _, _, ei, gi in edges:
        if ei in used_e or gi in used_g:
            continue
        used_e.add(ei)
        used_g.add(gi)
        pairs.append((golds[gi][0], cands[ei][0], vok))
    opt_e = {ei for _, _, _, _, _, ei, gi in edges if golds[gi][0].get('optional')}
    fps, ignored = [], []
    for ei, (st, _) in enumerate(cands):
        if ei in used_e:
            continue
        (ignored if ei in opt_e else fps).append(st)
    ignored += [st for q, st, _ in pairs if q.get('optional')]
    pairs = [p for p in pairs if not p[0].get('optional')]
    misses = [q for gi, (q, _) in enumerate(golds) if gi not in used_g and not q.get('optional')]
    return pairs, misses, fps, ignored


def fmt_stat(st):
    hi = f"..{st['high']:g}" if st.get('high') is not None else ''
    return f"'{st['text']}'={st['value']:g}{hi} [{st.get('kind')}] <{st.get('subject')}>"


def fmt_gold(q):
    v = f"{q['low']:g}..{q['high']:g}" if 'low' in q else f"{q['value']:g}"
    return f"'{q['text']}'={v} need {q.get('subject_required')} <= {q.get('subject_max_words')} words"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    verbose = '--verbose' in sys.argv
    if len(args) != 3:
        sys.exit(__doc__ or 'usage: score_statistics_sample.py GOLD.jsonl BBC_CLAIMS.json REUTERS_CLAIMS.json [--verbose]')
    gold = [json.loads(l) for l in open(args[0]) if l.strip()]
    claims = {'bbc': load_claims(args[1]), 'reuters': load_claims(args[2])}
    tot = {}
    for g in gold:
        c = g['corpus']
        t = tot.setdefault(c, dict(sent=0, gold=0, extracted=0, matched=0, vhit=0, subj=0, ignored=0, absent=0))
        art = claims[c].get(g['file'])
        if art is None:
            t['absent'] += 1
        pairs, misses, fps, ignored = score_sentence(g, art)
        t['sent'] += 1
        t['gold'] += sum(1 for q in g['quantities'] if not q.get('optional'))
        t['extracted'] += len(pairs) + len(fps)
        t['matched'] += len(pairs)
        t['ignored'] += len(ignored)
        lines = []
        for q, st, vok in pairs:
            if not vok:
                lines.append(f"  WRONG VALUE  gold {fmt_gold(q)}  build {fmt_stat(st)}")
                continue
            t['vhit'] += 1
            ok, why = subject_ok(q, st.get('subject'))
            if ok:
                t['subj'] += 1
            else:
                lines.append(f"  WRONG SUBJECT gold {fmt_gold(q)}  build {fmt_stat(st)}: {why}")
        for q in misses:
            lines.append(f"  MISS         gold {fmt_gold(q)}")
        for st in fps:
            lines.append(f"  FALSE POS    build {fmt_stat(st)}")
        if verbose and lines:
            print(f"[{g['id']}] {c} {g['file']} :: {g['sentence']}")
            print('\n'.join(lines))
    if verbose:
        print()

    def row(name, t):
        p = t['vhit'] / t['extracted'] if t['extracted'] else 0.0
        r = t['vhit'] / t['gold'] if t['gold'] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        sa = t['subj'] / t['vhit'] if t['vhit'] else 0.0
        print(f"{name:8} sentences {t['sent']:3}  gold {t['gold']:3}  extracted {t['extracted']:3}  "
              f"value hits {t['vhit']:3}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
              f"subject {t['subj']}/{t['vhit']} = {sa:.3f}  value+subject {t['subj']}/{t['gold']} = "
              f"{(t['subj'] / t['gold'] if t['gold'] else 0):.3f}  (ignored on don't-care items: {t['ignored']})")

    all_t = {}
    for c in sorted(tot):
        row(c, tot[c])
        for k, v in tot[c].items():
            all_t[k] = all_t.get(k, 0) + v
        if tot[c]['absent']:
            print(f"         warning: {tot[c]['absent']} gold files are not in the claims JSON")
    row('overall', all_t)


if __name__ == '__main__':
    main()
