"""Speaker accuracy on the web-page harness (make.py): body rows whose text comes from the record's speech
(heading rows not counted), per heading style.

    PYTHONPATH=. .venv/bin/python scripts/attribution/web_harness/score.py ROOT HARNESS_DIR [v]"""
import sys, gzip, json, re
from pathlib import Path
sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
from analysis import statements
norm = lambda t: re.sub(r"[\s\-]+", "", t)
rows = [l.rstrip('\n').split('\t') for l in open(Path(sys.argv[2]) / 'expected.tsv')][1:]
lines = {int(r[3]) for r in rows}
rec = {}
for i, l in enumerate(gzip.open(Path(sys.argv[1]).resolve().parent / 'shared/corpora/ungdc_1994_2024/ungdc_speeches_1994_2024.jsonl.gz', 'rt'), 1):
    if i in lines: rec[i] = norm(json.loads(l)['text'])
docs = sorted((Path(sys.argv[2]) / 'docs').iterdir())
df = statements([str(d) for d in docs]).statements
by = {}
for r in df.itertuples():
    by.setdefault(r.doc_id, []).append((r.speaker, norm(r.text)[:60]))
tot = ok = 0; per = {}
for doc, st, name, line, *_ in rows:
    sp = [s for s, t in by.get(doc, []) if t and t in rec[int(line)]]
    k = sum(str(s).casefold() == name.casefold() for s in sp); tot += len(sp); ok += k
    per.setdefault(st, []).append(k / max(1, len(sp)))
    if len(sys.argv) > 3 and k < len(sp): print(f"{doc:22} want={name!r} got={sorted(set(map(str, sp)))[:3]}")
print(' '.join(f"s{st}:{sum(v)/len(v):.2f}" for st, v in sorted(per.items(), key=lambda x: int(x[0]))), f"all {ok/tot:.3f}")
