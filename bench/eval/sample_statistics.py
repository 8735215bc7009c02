# Draws sentences with numbers from two corpora and prints what two builds' `claims --json`
# extracted from each, for hand labelling (value right, subject right, quantities missed).
#   python3 bench/eval/sample_statistics.py SEED NEW.json OLD.json CORPUS_DIR N [NEW2.json OLD2.json CORPUS2_DIR N2]…
# NEW/OLD.json: `crosscheck claims CORPUS_DIR --json` from the build after and before.
# Prints "[k] sentence", then NEW: text=value <subject> and OLD: where it differs.
# Reads benchmark corpora: not for CI; keep the labels out of the repository.
import json, random, re, os, glob, sys

def load(p):
    return {os.path.basename(a['path']): a['statistics'] for a in json.load(open(p))['articles']}

def W(t):
    return re.sub(r'\s+', ' ', t).strip()

NUMW = r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|dozen|third|quarter|doubled|tripled|twice)\b"
args = sys.argv[1:]
random.seed(int(args[0]))
groups = [args[i:i + 4] for i in range(1, len(args), 4)]
k = 0
for new, old, corpus, n in groups:
    n = int(n)
    N, O = load(new), load(old)
    files = sorted(glob.glob(os.path.join(corpus, '*.txt')))
    random.shuffle(files)
    picked = 0
    for f in files:
        if picked >= n:
            break
        key = os.path.basename(f)
        if key not in N:
            continue
        txt = open(f, errors='replace').read()
        raw = [x.strip() for x in re.split(r'(?<=[.!?])\s+', txt.replace('\n', ' '))
               if re.search(r'\d|' + NUMW, x, re.I) and 30 < len(x) < 400]
        if not raw:
            continue
        s = random.choice(raw)
        ws = W(s)
        pick = lambda st: [(x['text'], x['value'], x.get('subject')) for x in st
                           if x['sentence'] and (W(x['sentence']) in ws or ws in W(x['sentence'])) and x['text'] in s]
        nn, oo = pick(N[key]), pick(O.get(key, []))
        print(f"[{k}] {key} :: {s}")
        print("    NEW:", '; '.join(f"{t}={v:g} <{sub}>" for t, v, sub in nn))
        if oo != nn:
            print("    OLD:", '; '.join(f"{t}={v:g} <{sub}>" for t, v, sub in oo))
        k += 1
        picked += 1
