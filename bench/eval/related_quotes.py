# For each labelled related-quotes group the analysis does not link: each quotation's
# extracted speaker, or that the quotation was not found. Run from the project root:
# python3 bench/eval/related_quotes.py [BIN] [DEV_DIR]. Reads research data: not for CI.
# Diagnose missed related-quote groups: for each gold claim, the extracted quote and speaker.
import json, subprocess, re, sys, os, tempfile
BIN=sys.argv[1] if len(sys.argv)>1 else 'target/release/crosscheck'
root=sys.argv[2] if len(sys.argv)>2 else '../shared/eval/crossref-dev'
g=json.load(open(root+'/gold.json'))['clusters']
def toks(s): return set(re.findall(r"[a-z0-9]+",(s or "").replace("\u2019","'").lower()))
tot=miss=0
for c,v in g.items():
    rqs=v.get('related_quotes',[])
    if not rqs: continue
    idx=tempfile.mkdtemp()
    out=json.loads(subprocess.run([BIN,'claims',root+'/'+c,'--json','--index',idx],capture_output=True,text=True).stdout)
    conf=json.loads(subprocess.run([BIN,'conflicts',root+'/'+c,'--json','--index',idx],capture_output=True,text=True).stdout)
    arts={os.path.basename(a['path']):a for a in out['articles']}
    for q in rqs:
        tot+=1
        ok=False
        for e in conf.get('related_quotes',[]):
            n=sum(1 for x in q['claims'] if any(os.path.basename(y['path'])==os.path.basename(x['file']) and len(toks(x['text'])&toks(y['text']))>=0.6*len(toks(x['text'])) for y in e['quotes']))
            if n>=2: ok=True;break
        if ok: continue
        miss+=1
        print(f"== {c} speaker={q['speaker']!r} identical={q.get('identical')}")
        for x in q['claims']:
            a=arts.get(os.path.basename(x['file']))
            best=None
            if a:
                for y in a['quotes']:
                    ov=len(toks(x['text'])&toks(y['text']))/max(1,len(toks(x['text'])))
                    if best is None or ov>best[0]: best=(ov,y)
            if best and best[0]>=0.6:
                print(f"   {os.path.basename(x['file'])}: spk={best[1].get('speaker')!r} kind={best[1].get('kind')} :: {x['text'][:70]!r}")
            else:
                print(f"   {os.path.basename(x['file'])}: NOT EXTRACTED (best {best[0] if best else 0:.2f}) :: {x['text'][:90]!r}")
print(tot,miss)
