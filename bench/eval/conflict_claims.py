# For each labelled conflict of the dev clusters, what the extractor made of each labelled
# claim (value, kind, qualifier, subject, time) or that it found none. Run from the project
# root: python3 bench/eval/conflict_claims.py [BIN] [DEV_DIR]. Reads research data: not for CI.
# Diagnose missed conflicts: for each gold claim, the extracted statistic (value, kind, subject).
import json, subprocess, re, os, tempfile, sys
BIN=sys.argv[1] if len(sys.argv)>1 else 'target/release/crosscheck'
root=sys.argv[2] if len(sys.argv)>2 else '../shared/eval/crossref-dev'
g=json.load(open(root+'/gold.json'))['clusters']
def toks(s): return set(re.findall(r"[a-z0-9]+",(s or "").replace("\u2019","'").lower()))
def num(v):
    try: return float(v)
    except: return None
stats={'no_stat':0,'no_subject':0,'ok':0}
for c,v in g.items():
    idx=tempfile.mkdtemp()
    out=json.loads(subprocess.run([BIN,'claims',root+'/'+c,'--json','--index',idx],capture_output=True,text=True).stdout)
    arts={os.path.basename(a['path']):a for a in out['articles']}
    for cf in v.get('conflicts',[]):
        print(f"== {c}: {cf['about'][:100]}")
        for x in cf['claims']:
            a=arts.get(os.path.basename(x['file']))
            val=num(x['value'])
            cand=[]
            for s in (a['statistics'] if a else []):
                if val is not None and (abs(s['value']-val)<1e-6 or (s.get('high') and abs(s['high']-val)<1e-6)):
                    ov=len(toks(x['text'])&toks(s['sentence']))/max(1,len(toks(x['text'])))
                    cand.append((ov,s))
            cand.sort(key=lambda t:-t[0])
            if cand and cand[0][0]>=0.5:
                s=cand[0][1]
                stats['ok' if s.get('subject') else 'no_subject']+=1
                print(f"   {os.path.basename(x['file'])}: {x['value']} -> text={s['text']!r} kind={s['kind']} q={s.get('qualifier')} subj={s.get('subject')!r} time={s.get('time')!r}")
            else:
                stats['no_stat']+=1
                print(f"   {os.path.basename(x['file'])}: {x['value']} NOT EXTRACTED :: {x['text'][:80]!r}")
print(stats)
