"""Two ways to lift the English transformer head (issue 16, 2026-12-07, branch stance4), measured on gold
DEV only: (a) the lexicon's features (its score, raw sum, positive and negative weight sums, term count
and label) beside the embeddings, and (b) the blind_2026 English statements added to the head's training
rows at a weight. For (a) blind_2026 en is a second development set; for (b) it is training rows and is
not measured. The gold test split is dropped on reading, never embedded or scored.

    OMP_NUM_THREADS=2 .venv/bin/python scripts/transformer/lexicon_features.py CACHE_DIR [--lexicon-dir DIR]

Embeddings: the shipped per-language head's own encoders as it runs them (e5 + mpnet for English),
cached in CACHE_DIR. Heads: class-balanced logistic regression, C = 10, on the English training
statements of rounds 1-2 (the shipped recipe); the base row is that recipe refitted on these
embeddings. Bootstrap: 2,000 paired resamples of the dev statements, the change against the base row
(mean, standard deviation, share of resamples above 0). --lexicon-dir: the lexicon data files to take
the features from (default: the shipped ones; a folder holding an older version measures that one).
"""
import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from analysis.config import LABELS  # noqa: E402
from analysis.evaluation.gold import read_stance_gold  # noqa: E402
from analysis.evaluation.metrics import macro_f1  # noqa: E402
from encoder_choice import bootstrap, head  # noqa: E402

BLIND = Path(__file__).resolve().parents[2] / "tests/fixtures/stance/blind_2026/stance_blind.jsonl"


def rows():
    """English gold train (rounds 1-2) and dev statements, and blind_2026's English ones."""
    g = read_stance_gold()
    g = g[g.split.isin(["train", "dev"]) & (g.lang == "en")]          # the test split is dropped here
    tr = g[(g.split == "train") & g["round"].isin([1, 2])]
    dv = g[g.split == "dev"]
    b = pd.read_json(BLIND, lines=True)
    b = b[b.lang == "en"]
    return tr, dv, b


def embeddings(texts: list, cache: Path) -> np.ndarray:
    path = cache / f"shipped-en-{len(texts)}.npy"
    if path.exists():
        return np.load(path)
    from analysis.scorers.transformer.scorer import TransformerScorer
    s = TransformerScorer().fit()
    emb = s._embed(texts, ["en"] * len(texts), s.plan_, progress=True)
    X = s._features(emb, s.plan_["en"], list(range(len(texts))))
    np.save(path, X)
    return X


def lexicon_features(texts: list, lexicon_dir=None) -> np.ndarray:
    from analysis.scorers.lexicon.scorer import LexiconScorer
    from analysis.scorers.lexicon.train import shipped_params
    lex = LexiconScorer(**{**shipped_params(lexicon_dir), "lexicon_dir": lexicon_dir}).fit()   # its own params.json
    out = []
    for t in texts:
        r = lex.score_one(t, "en")
        w = [m.weight for m in r.matches if m.entry.role in ("term", "negatable") and m.weight]
        pos, neg = sum(x for x in w if x > 0), sum(x for x in w if x < 0)
        out.append([r.score, np.tanh(r.raw / 10), np.tanh(pos / 10), np.tanh(neg / 10), min(len(w), 5) / 5,
                    r.label == "cooperative", r.label == "neutral", r.label == "confrontational"])
    return np.asarray(out, dtype=np.float32)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("cache", type=Path)
    ap.add_argument("--lexicon-dir", default=None)
    ap.add_argument("--C", type=float, default=10.0)
    a = ap.parse_args(argv)
    a.cache.mkdir(parents=True, exist_ok=True)
    tr, dv, b = rows()
    texts = tr.text.tolist() + dv.text.tolist() + b.text.tolist()
    X = embeddings(texts, a.cache)
    L = lexicon_features(texts, a.lexicon_dir)
    n1, n2 = len(tr), len(tr) + len(dv)
    y = np.array(tr.label.tolist() + dv.label.tolist() + b.label.tolist())
    itr, idv, ibl = np.arange(n1), np.arange(n1, n2), np.arange(n2, len(texts))
    gd, gb = y[idv].tolist(), y[ibl].tolist()
    print(f"English: train rounds 1-2 {len(itr)}, dev {len(idv)}, blind_2026 {len(ibl)}; C {a.C:g}")
    print(f"lexicon alone: dev {macro_f1(gd, np.array(LABELS)[L[idv, 5:].argmax(1)].tolist(), LABELS):.3f}, "
          f"blind {macro_f1(gb, np.array(LABELS)[L[ibl, 5:].argmax(1)].tolist(), LABELS):.3f}")
    base = head(X[itr], y[itr], a.C)
    p0d, p0b = base.predict(X[idv]).tolist(), base.predict(X[ibl]).tolist()
    print(f"{'variant':34s} {'dev en':>7} {'blind en':>8}   dev change against the base (sd, share > 0)")
    print(f"{'base (shipped recipe refitted)':34s} {macro_f1(gd, p0d, LABELS):>7.3f} {macro_f1(gb, p0b, LABELS):>8.3f}")
    for s in (0.25, 0.5, 1.0, 2.0, 4.0):
        F = np.hstack([X, s * L])
        h = head(F[itr], y[itr], a.C)
        pd_, pb = h.predict(F[idv]).tolist(), h.predict(F[ibl]).tolist()
        bs = bootstrap(gd, pd_, p0d)
        print(f"{'+ lexicon features x ' + format(s, 'g'):34s} {macro_f1(gd, pd_, LABELS):>7.3f} "
              f"{macro_f1(gb, pb, LABELS):>8.3f}   {bs[0]:+.3f} ({bs[1]:.3f}, {bs[2]:.0%})", flush=True)
    for w in (0.25, 0.5, 1.0, 2.0):
        idx = np.concatenate([itr, ibl])
        sw = np.concatenate([np.ones(len(itr)), np.full(len(ibl), w)])
        h = head(X[idx], y[idx], a.C, sw)
        pd_ = h.predict(X[idv]).tolist()
        bs = bootstrap(gd, pd_, p0d)
        print(f"{'+ blind_2026 en rows, weight ' + format(w, 'g'):34s} {macro_f1(gd, pd_, LABELS):>7.3f} "
              f"{'(train)':>8}   {bs[0]:+.3f} ({bs[1]:.3f}, {bs[2]:.0%})", flush=True)


if __name__ == "__main__":
    main()
