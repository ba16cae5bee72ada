"""Dev experiment (transformer head, English): English translations of Chinese MFA gold *train*
statements as extra English training data, with the Chinese statement's label.

For each Chinese MFA train statement whose press conference has an English page and whose date
holds no dev or test MFA statement (either language), the English answers on that date within 4
question positions are split into sentences and the one closest to the Chinese statement (e5
cosine) is taken as its translation. Then a head is trained on the train split plus these, and
dev macro-F1 printed. Needs OUT_DIR from embed_variants.py. Slow: encodes about 15,000 sentences.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/transformer/mfa_translations.py OUT_DIR
"""
import re, sys, time, numpy as np, pandas as pd
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]; sys.path.insert(0, str(ROOT))
from analysis.scorers.transformer.encoders import Encoder
g = pd.read_json(ROOT / "analysis/data/gold/tenor_gold.jsonl", lines=True)
g["date"] = g.date.astype(str).str[:10]
mfa = g[g.source == "mfa_presscon_en_zh_2016_2020"]
held_dates = set(mfa[mfa.split != "train"].date)
zh = mfa[(mfa.split == "train") & (mfa.lang == "zh") & ~mfa.date.isin(held_dates)]
c = pd.read_csv(str(ROOT.parent / "shared/corpora")+"/mfa_presscon_en_zh_2016_2020/mfa_presscon_qa_en_zh.csv")
en = c[(c.lang == "en") & c.answer.notna()]
zh = zh[zh.date.isin(set(en.date))]
print("zh train items with an English page, date not held out:", len(zh))
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
cands, owner = [], []
def qa(doc_id):
    m = re.search(r"#qa(\d+)", doc_id); return int(m.group(1)) if m else None
print(zh.doc_id.head(3).tolist())
for k, r in enumerate(zh.itertuples()):
    q = qa(r.doc_id)
    rows = en[en.date == r.date]
    if q is not None:
        rows = rows[(rows.qa_index - q).abs() <= 4]
    for a in rows.answer:
        for s in SENT.split(a.replace("\n", " ")):
            if 20 <= len(s) <= 600:
                cands.append(s); owner.append(k)
print("candidate sentences", len(cands))
enc = Encoder("multilingual-e5-small")
t = time.time()
Z = enc.encode(zh.text.tolist()); E = enc.encode(cands)
print("encoded", time.time() - t)
owner = np.array(owner); out = []
for k in range(len(zh)):
    idx = np.where(owner == k)[0]
    if not len(idx): continue
    sims = E[idx] @ Z[k]; o = np.argsort(-sims)
    best = sims[o[0]]; second = sims[o[1]] if len(o) > 1 else 0
    out.append({"id": zh.iloc[k].id, "zh": zh.iloc[k].text, "en": cands[idx[o[0]]], "sim": float(best),
                "margin": float(best - second), "label": zh.iloc[k].label, "stance": zh.iloc[k].stance})
out = pd.DataFrame(out); out.to_pickle(sys.argv[1] + "/aligned.pkl")
print(out.sim.describe()); print(out.margin.describe())
for r in out.sample(8, random_state=0).itertuples(): print(round(r.sim, 3), round(r.margin, 3), r.zh[:60], "||", r.en[:120])

# ---- heads with the aligned translations as extra English training data
sys.argv = sys.argv[:2]
exec(open(str(ROOT / "scripts/transformer/head_experiments.py")).read().split("if __name__")[0])
al = pd.read_pickle(f"{D}/aligned.pkl")
print(len(al), al.label.value_counts().to_dict())
Ea = Encoder("multilingual-e5-small").encode(al.en.tolist()).astype(np.float64)
X = feats()
# dedupe against gold English texts (exact)
goldtexts = set(meta.text[gold & (lang == "en")])
keep0 = ~al.en.isin(goldtexts).values
print("aligned equal to a gold en text:", (~keep0).sum())
XX = np.vstack([X, Ea]); yy = np.concatenate([y, al.label.values])
for thr in [0.0, 0.8, 0.85]:
    for w in [0.5, 1.0]:
        keep = np.where(keep0 & (al.sim.values >= thr))[0]
        idx = np.concatenate([tr, len(X) + keep]); ww = np.concatenate([np.ones(len(tr)), np.full(len(keep), w)])
        clf = LogisticRegression(C=10, max_iter=5000, class_weight="balanced", random_state=0).fit(XX[idx], yy[idx], sample_weight=ww)
        d = score(clf.predict_proba(X[dv]), list(clf.classes_), dv)
        print(f"+{len(keep)} English MFA translations of zh train items, sim>={thr} w={w}: dev en {d['en']:.3f} zh {d['zh']:.3f}", flush=True)
