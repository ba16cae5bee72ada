"""Do two versions of the lexicon scorer give the same scores, labels and evidence? Scores every
statement of the gold corpus and 3,000 whole MFA answers (seed 3) with the code under OLD and NEW.
Needs ../shared/corpora.

    git archive <commit> analysis | tar -x -C /tmp/old
    .venv/bin/python scripts/lexicon/compare_versions.py /tmp/old .
"""
import csv
import random
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "mfa_presscon_en_zh_2016_2020"
CHILD = """
import csv, pickle, random, sys
sys.path.insert(0, sys.argv[1])
from analysis.evaluation.gold import read_stance_gold
from analysis.scorers import get
g = read_stance_gold(None)
texts, langs = list(g.text), list(g.lang)
csv.field_size_limit(10**9)
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
random.seed(3)
for r in random.sample(rows, 3000):
    texts.append(r["answer"]); langs.append(r["lang"] if r["lang"] in ("en", "zh") else "en")
df = get("lexicon").transform(texts, langs)
sys.stdout.buffer.write(pickle.dumps(df[["score", "label", "evidence"]].astype(str)))
"""


def scores(root: str):
    import pickle
    out = subprocess.run([sys.executable, "-c", CHILD, str(Path(root).resolve()),
                          str(CORPUS / "mfa_presscon_qa_en_zh.csv")], capture_output=True, check=True)
    return pickle.loads(out.stdout)


old, new = scores(sys.argv[1]), scores(sys.argv[2])
differ = (old != new).any(axis=1)
print(f"{len(old)} texts; {int(differ.sum())} differ in score, label or evidence")
for i in list(old.index[differ])[:10]:
    print(" old:", old.evidence[i][:120], "\n new:", new.evidence[i][:120])
