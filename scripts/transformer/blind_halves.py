"""Do out-of-domain rows help out-of-domain text? blind_2026 halved by document, 2-fold (issue 16,
2026-12-07, branch tf5).

An earlier experiment (scripts/transformer/lexicon_features.py) added all of blind_2026's English rows to
the head's training and measured gold dev only, which is in-domain (MFA, readouts): dev fell. Here
blind_2026 is split by document into halves A and B, stratified by source (fixed seed; the split is
written to tests/fixtures/stance/blind_2026/halves.tsv), and each variant is trained with one half and
measured on the other, both ways; the two folds' predictions are pooled so that every blind statement is
predicted once by a head that never saw it (or its document).

    .venv/bin/python scripts/transformer/blind_halves.py split [--seed 2026] [--halves PATH]   # (re)writes halves.tsv
    OMP_NUM_THREADS=1 .venv/bin/python scripts/transformer/blind_halves.py run CACHE_DIR [--C 10]
        [--weights 0.5,1,2] [--n 2000] [--halves PATH]

The figures in docs/evaluation.md are from OMP_NUM_THREADS=1 (the solver stops at a tolerance, so the
thread count moves a few labels); other seeds' splits (`split --seed S --halves /tmp/...`) check that a
result is not the split's luck. Embeddings are cached in CACHE_DIR/emb-N.npz (about 4 minutes on 2 cores).

Variants (all the shipped recipe: English head on e5 + mpnet embeddings as the shipped head runs them,
Chinese head on e5 learning from the English and Chinese statements, class-balanced logistic regression,
C = 10, gold training statements of rounds 1-2):
- base: the recipe refitted (gold train only), and the shipped head file itself (its coefficients);
- + the other blind half at a sample weight w (its English rows enter both heads' training as
  `tenor train transformer` would give them: English to the English head, English and Chinese to the
  Chinese one);
- refit on gold train + gold dev (the usual refit after model selection), with and without the half.
Figures: pooled out-of-domain macro-F1 per language (each half predicted by the head trained with the
other), per fold, and gold dev (per fold, since a fold's head differs; '-' where dev was trained on).
Paired bootstrap: resamples of the pooled blind statements (per language), the change against the base
(mean, sd, share of resamples above 0); and of the gold dev statements, the change of each fold's head.
The gold test split is dropped on reading (never embedded or scored); /work/blind_gen is not read.
"""
import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from analysis.config import LABELS  # noqa: E402
from analysis.evaluation.metrics import macro_f1  # noqa: E402

BLIND = ROOT / "tests/fixtures/stance/blind_2026/stance_blind.jsonl"
HALVES = ROOT / "tests/fixtures/stance/blind_2026/halves.tsv"
SEED = 2026


def group_of(row) -> str:
    """The stratum: source and language, White House readouts apart from briefing turns (as
    scripts/stance/per_source.py groups them); MFA's two languages are one stratum, since a document
    is a day's press conference in either language."""
    if str(row.source).startswith("white_house"):
        d = str(row.doc_id)
        return "white_house readout" if "briefings-statements" in d or "readout" in d.lower() else "white_house briefing"
    if str(row.source).startswith("mfa"):
        return "mfa"
    return f"{row.source} {row.lang}"


def document_of(row) -> str:
    """The document: doc_id without its '#row..' / '#turn..' anchor; for MFA, the press conference's
    date (the English and the Chinese page of one day go to the same half)."""
    if str(row.source).startswith("mfa"):
        return f"mfa {pd.Timestamp(row.date).date()}"
    d = str(row.doc_id)
    head, sep, tail = d.rpartition("#")
    return head if sep and (tail.startswith("row") or tail.startswith("turn")) else d


def make_split(seed: int = SEED) -> pd.DataFrame:
    """Per stratum, the documents in a seeded random order, largest first (stable), each to the half
    with fewer statements of the stratum so far (A on a tie)."""
    b = pd.read_json(BLIND, lines=True)
    b["group"] = [group_of(r) for r in b.itertuples()]
    b["document"] = [document_of(r) for r in b.itertuples()]
    rng = np.random.default_rng(seed)
    half = {}
    for g in sorted(b.group.unique()):
        sizes = b[b.group == g].groupby("document").size()
        docs = list(sizes.index)
        rng.shuffle(docs)
        docs = sorted(docs, key=lambda d: -sizes[d])          # stable: the shuffle breaks ties
        n = {"A": 0, "B": 0}
        for d in docs:
            h = "A" if n["A"] <= n["B"] else "B"
            half[(g, d)], n[h] = h, n[h] + sizes[d]
    b["half"] = [half[(g, d)] for g, d in zip(b.group, b.document)]
    return b[["id", "lang", "group", "document", "half"]]


def read_split(path: Path = HALVES) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", dtype=str)


def rows(halves: Path = HALVES):
    """Gold train (rounds 1-2) and dev statements, both languages, and blind_2026 with its halves."""
    from analysis.evaluation.gold import read_stance_gold
    g = read_stance_gold()
    g = g[g.split.isin(["train", "dev"])]                               # the test split is dropped here
    g = g[(g.split == "dev") | g["round"].isin([1, 2])].reset_index(drop=True)
    b = pd.read_json(BLIND, lines=True).merge(read_split(halves)[["id", "half", "document"]], on="id", validate="1:1")
    assert len(b) == 370
    return g, b


def embeddings(texts: list, langs: list, cache: Path) -> dict:
    """{'e5': every row's e5 embedding, 'mpnet': the English rows' mpnet embedding (zeros elsewhere)},
    from the shipped per-language head's own encoders as it runs them; cached in CACHE/emb-N.npz."""
    path = cache / f"emb-{len(texts)}.npz"
    if path.exists():
        z = np.load(path)
        assert z["texts_hash"].item() == hash_texts(texts), "the cache holds other texts"
        return {"e5": z["e5"], "mpnet": z["mpnet"]}
    from analysis.scorers.transformer.scorer import TransformerScorer
    s = TransformerScorer().fit()
    emb = s._embed(texts, langs, s.plan_, progress=True)
    out = {"e5": emb["multilingual-e5-small"], "mpnet": emb["all-mpnet-base-v2"]}
    np.savez(path, texts_hash=np.array(hash_texts(texts)), **out)
    return out


def hash_texts(texts: list) -> str:
    import hashlib
    return hashlib.sha256("\x00".join(texts).encode()).hexdigest()


def head(X, y, C, w=None):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=0).fit(X, y, sample_weight=w)


def bootstrap(gold, a, b, n=2000, seed=0, clusters=None):
    """Mean, sd and share above 0 of macro-F1(a) - macro-F1(b) over resamples of the rows (or, given
    `clusters`, a cluster id per row, of whole clusters: documents)."""
    rng = np.random.default_rng(seed)
    gold, a, b = np.asarray(gold), np.asarray(a), np.asarray(b)
    members = None
    if clusters is not None:
        cl = np.asarray(clusters)
        members = [np.flatnonzero(cl == c) for c in dict.fromkeys(cl.tolist())]
    d = np.empty(n)
    for k in range(n):
        if members is None:
            i = rng.integers(0, len(gold), len(gold))
        else:
            i = np.concatenate([members[j] for j in rng.integers(0, len(members), len(members))])
        d[k] = macro_f1(gold[i].tolist(), a[i].tolist(), LABELS) - macro_f1(gold[i].tolist(), b[i].tolist(), LABELS)
    return float(d.mean()), float(d.std()), float((d > 0).mean())


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["split", "run"])
    ap.add_argument("cache", type=Path, nargs="?")
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--weights", default="0.5,1,2")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=SEED, help="split: the seed (default %(default)s)")
    ap.add_argument("--halves", type=Path, default=HALVES, help="split: where to write; run: which split to use")
    a = ap.parse_args(argv)
    if a.cmd == "split":
        s = make_split(a.seed)
        s.to_csv(a.halves, sep="\t", index=False)
        print(s.groupby(["group", "half"]).size().unstack().to_string())
        return
    a.cache.mkdir(parents=True, exist_ok=True)
    g, b = rows(a.halves)
    texts = g.text.tolist() + b.text.tolist()
    lang = np.array(g.lang.tolist() + b.lang.tolist())
    y = np.array(g.label.tolist() + b.label.tolist())
    kind = np.array(g.split.tolist() + ("blind" + b.half).tolist())      # train, dev, blindA, blindB
    E = embeddings(texts, lang.tolist(), a.cache)
    X = {"en": np.hstack([E["e5"], E["mpnet"]]), "zh": E["e5"]}
    # the English head learns from English rows, the Chinese (e5) head from English and Chinese rows
    learns = {"en": lang == "en", "zh": np.ones(len(lang), bool)}
    at = {(k, l): np.flatnonzero((kind == k) & (lang == l)) for k in ("train", "dev", "blindA", "blindB")
          for l in ("en", "zh")}

    def fit_predict(l, base_kinds, extra, w):
        """Head of language l on rows of `base_kinds` (weight 1) and `extra` ('blindA'/'blindB'/None, weight
        w); its labels on dev l, blind A l and blind B l."""
        sel = np.isin(kind, base_kinds) & learns[l]
        sw = np.ones(len(kind))
        if extra:
            sel |= (kind == extra) & learns[l]
            sw[kind == extra] = w
        idx = np.flatnonzero(sel)
        h = head(X[l][idx], y[idx], a.C, sw[idx])
        return {k: h.predict(X[l][at[(k, l)]]) for k in ("dev", "blindA", "blindB")}

    # the shipped head file's own coefficients on these embeddings (labels: temperature does not matter)
    from analysis.scorers.transformer.heads import read_head
    from analysis.scorers.transformer.scorer import heads_dir
    shipped, _ = read_head(heads_dir() / "per-language.json")

    def shipped_predict(l):
        hd = shipped[l]["stance"]
        return {k: np.array(hd.classes)[hd.logits(X[l][at[(k, l)]]).argmax(1)] for k in ("dev", "blindA", "blindB")}

    gold = {(k, l): y[at[(k, l)]] for (k, l) in at}
    pooled_gold = {l: np.concatenate([gold[("blindB", l)], gold[("blindA", l)]]) for l in ("en", "zh")}
    docs = np.array(len(g) * [""] + b.document.tolist())
    pooled_docs = {l: np.concatenate([docs[at[("blindB", l)]], docs[at[("blindA", l)]]]) for l in ("en", "zh")}
    counts = {k: int((kind == k).sum()) for k in ("train", "dev", "blindA", "blindB")}
    print(f"rows: {counts}; blind en A/B {len(at[('blindA', 'en')])}/{len(at[('blindB', 'en')])}, "
          f"zh A/B {len(at[('blindA', 'zh')])}/{len(at[('blindB', 'zh')])}; C {a.C:g}")

    variants = [("shipped head file", None, None, None), ("base: recipe refitted (train)", ("train",), None, 0)]
    for w in [float(x) for x in a.weights.split(",")]:
        variants.append((f"train + other half, w {w:g}", ("train",), "half", w))
    variants.append(("refit train + dev", ("train", "dev"), None, 0))
    for w in [float(x) for x in a.weights.split(",")]:
        variants.append((f"train + dev + other half, w {w:g}", ("train", "dev"), "half", w))

    res = {}
    for name, base_kinds, extra, w in variants:
        r = {}
        for l in ("en", "zh"):
            if base_kinds is None:
                p = shipped_predict(l)
                pB, pA, devB, devA = p["blindB"], p["blindA"], p["dev"], p["dev"]
            elif extra is None:
                p = fit_predict(l, base_kinds, None, 0)
                pB, pA, devB, devA = p["blindB"], p["blindA"], p["dev"], p["dev"]
            else:
                pa = fit_predict(l, base_kinds, "blindA", w)        # trained with A: measured on B
                pb = fit_predict(l, base_kinds, "blindB", w)        # trained with B: measured on A
                pB, pA, devB, devA = pa["blindB"], pb["blindA"], pa["dev"], pb["dev"]
            r[l] = {"pooled": np.concatenate([pB, pA]), "B": pB, "A": pA, "devB": devB, "devA": devA,
                    "dev_trained": "dev" in (base_kinds or ())}
        res[name] = r

    ref = res["base: recipe refitted (train)"]
    f1 = lambda g_, p_: macro_f1(list(g_), list(p_), LABELS)  # noqa: E731
    for l in ("en", "zh"):
        print(f"\n== {l}: pooled blind_2026 (n {len(pooled_gold[l])}), halves, gold dev (n {len(gold[('dev', l)])})")
        print(f"{'variant':36s} {'pooled':>7} {'on B':>6} {'on A':>6} {'dev(A-fold)':>11} {'dev(B-fold)':>11}"
              "   pooled change vs base (sd, >0; by documents: sd, >0)   dev change, fold A / fold B (sd, >0)")
        for name, r in res.items():
            x = r[l]
            dv = ("-", "-") if x["dev_trained"] else (f"{f1(gold[('dev', l)], x['devB']):.3f}",
                                                       f"{f1(gold[('dev', l)], x['devA']):.3f}")
            line = (f"{name:36s} {f1(pooled_gold[l], x['pooled']):>7.3f} {f1(gold[('blindB', l)], x['B']):>6.3f} "
                    f"{f1(gold[('blindA', l)], x['A']):>6.3f} {dv[0]:>11} {dv[1]:>11}")
            if x is not ref[l]:
                bp = bootstrap(pooled_gold[l], x["pooled"], ref[l]["pooled"], a.n)
                bd = bootstrap(pooled_gold[l], x["pooled"], ref[l]["pooled"], a.n, clusters=pooled_docs[l])
                line += f"   {bp[0]:+.3f} ({bp[1]:.3f}, {bp[2]:.0%}; {bd[1]:.3f}, {bd[2]:.0%})"
                if not x["dev_trained"]:
                    bA = bootstrap(gold[("dev", l)], x["devB"], ref[l]["devB"], a.n)
                    bB = bootstrap(gold[("dev", l)], x["devA"], ref[l]["devA"], a.n)
                    line += (f"   {bA[0]:+.3f} ({bA[1]:.3f}, {bA[2]:.0%}) / "
                             f"{bB[0]:+.3f} ({bB[1]:.3f}, {bB[2]:.0%})")
            print(line, flush=True)
    # per source group, pooled, for the base and the variants with the half
    sp = read_split(a.halves).set_index("id")
    b2 = b.assign(group=[sp.loc[i, "group"] for i in b.id])
    order = np.concatenate([at[("blindB", l)] for l in ("en", "zh")] + [at[("blindA", l)] for l in ("en", "zh")])
    print("\n== pooled blind_2026 macro-F1 per source group")
    names = [n for n in res]
    grp = {}
    for l in ("en", "zh"):
        idx = np.concatenate([at[("blindB", l)], at[("blindA", l)]])
        for n in names:
            grp.setdefault(n, {}).update(dict(zip(idx, res[n][l]["pooled"])))
    bi = {i: k for k, i in enumerate(np.flatnonzero(np.char.startswith(kind.astype(str), "blind")))}
    table = []
    for gname in sorted(b2.group.unique()):
        members = [i for i in order if b2.group.iloc[bi[i]] == gname]
        table.append([gname, len(members)] + [round(f1(y[members], [grp[n][i] for i in members]), 3) for n in names])
    print(pd.DataFrame(table, columns=["group", "n"] + names).to_string(index=False))


if __name__ == "__main__":
    main()
