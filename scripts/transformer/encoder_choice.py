"""Which encoder for which language: embed the gold corpus's train and dev statements, and the dev
halves of CAMEO and PLOVER, with multilingual-e5-small and all-mpnet-base-v2, fit the class-balanced
logistic-regression stance head on train for each choice, and print dev macro-F1 per language.
Never reads a test split: the gold test split is dropped on reading, and only the dev halves of
CAMEO and PLOVER are embedded (their test halves are neither embedded nor scored).

    .venv/bin/python scripts/transformer/encoder_choice.py CACHE_DIR [--C 3,10,30] [--precision auto]

Choices: e5 with one head shared by both languages (what shipped), e5 per language, mpnet
(English), e5 and mpnet concatenated (English); each fitted on annotation rounds 1-2 (what the
shipped heads use) or on every round, with the gold training statements alone or with a quarter of
CAMEO added (CAMEO's dev half halved again by position: one quarter to train on, weight 0.5 per
row, the other quarter to measure). Embeddings come from the scorer's own encoder path
(`--precision auto`: bfloat16 where the CPU has it, as Tenor scores) and are cached in CACHE_DIR.
The last lines give paired bootstrap differences on English dev against the shipped choice.
"""
import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from analysis.config import LABELS  # noqa: E402
from analysis.evaluation.gold import read_stance_gold  # noqa: E402
from analysis.evaluation.metrics import macro_f1  # noqa: E402

SHARED = Path(__file__).resolve().parents[3] / "shared" / "labeled"


def embed(name: str, texts: list, cache: Path, precision: str) -> np.ndarray:
    path = cache / f"{name}-{precision}-{len(texts)}.npy"
    if path.exists():
        return np.load(path)
    from analysis.scorers.transformer.encoders import Encoder
    X = Encoder(name, precision=precision).encode(texts, progress=True)
    np.save(path, X)
    return X


def head(X, y, C, w=None):
    from sklearn.linear_model import LogisticRegression
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=0)
    clf.fit(X, y, sample_weight=w)
    return clf


def bootstrap(gold, a, b, n=2000, seed=0):
    """Mean and standard deviation of macro-F1(a) - macro-F1(b) over resamples of the rows."""
    rng = np.random.default_rng(seed)
    gold, a, b = np.array(gold), np.array(a), np.array(b)
    d = []
    for _ in range(n):
        k = rng.integers(0, len(gold), len(gold))
        d.append(macro_f1(gold[k].tolist(), a[k].tolist(), LABELS) - macro_f1(gold[k].tolist(), b[k].tolist(), LABELS))
    return float(np.mean(d)), float(np.std(d)), float(np.mean(np.array(d) > 0))


def dev_rows():
    """The gold's train and dev statements and the CAMEO and PLOVER dev halves (every test split and
    half dropped here): (gold, cameo, plover, their texts in that order, their languages)."""
    g = read_stance_gold()
    g = g[g.split.isin(["train", "dev"])].reset_index(drop=True)       # the test split is dropped here
    cam = read_stance_gold(SHARED / "cameo_pentaclass" / "cameo_class_train.tsv")
    plo = read_stance_gold(SHARED / "plover_gsr" / "PLOVER_GSR_CAMEO.json")
    cam = cam[cam.split == "dev"].reset_index(drop=True)               # test halves are dropped here
    plo = plo[plo.split == "dev"].reset_index(drop=True)
    texts = g.text.tolist() + cam.text.tolist() + plo.text.tolist()
    lang = np.array(g.lang.tolist() + cam.lang.tolist() + plo.lang.tolist())
    return g, cam, plo, texts, lang


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("cache", type=Path)
    ap.add_argument("--C", default="3,10,30")
    ap.add_argument("--precision", default="auto")
    a = ap.parse_args(argv)
    a.cache.mkdir(parents=True, exist_ok=True)
    g, cam, plo, texts, lang = dev_rows()
    E = {"e5": embed("multilingual-e5-small", texts, a.cache, a.precision)}
    en_rows = np.flatnonzero(lang == "en")
    Xm = np.zeros((len(texts), 768), dtype=np.float32)
    Xm[en_rows] = embed("all-mpnet-base-v2", [texts[i] for i in en_rows], a.cache, a.precision)
    E["mpnet"] = Xm
    E["e5+mpnet"] = np.hstack([E["e5"], Xm])
    n_g, n_c = len(g), len(cam)
    gi = np.arange(n_g)
    lab = np.array(g.label.tolist() + cam.label.tolist() + plo.label.tolist())
    split = np.array(g.split.tolist() + ["cameo"] * n_c + ["plover"] * len(plo))
    rnd = np.array(g["round"].astype(int).tolist() + [0] * (len(texts) - n_g))
    # CAMEO's dev half, halved again: a quarter of CAMEO to train on, a quarter to measure
    cam_half = np.arange(n_g, n_g + n_c)
    cam_tr, cam_dv = cam_half[::2], cam_half[1::2]
    plo_dv = np.arange(n_g + n_c, len(texts))
    dev = {l: gi[(split[gi] == "dev") & (lang[gi] == l)] for l in ("en", "zh")}
    print(f"gold train {int((split == 'train').sum())} (rounds 1-2: {int(((split == 'train') & (rnd <= 2)).sum())}), "
          f"dev {len(dev['en'])} en {len(dev['zh'])} zh; CAMEO train quarter {len(cam_tr)}, dev quarter "
          f"{len(cam_dv)}; PLOVER dev half {len(plo_dv)}; precision {a.precision}")
    print(f"{'encoder':<9} {'head':<8} {'rounds':<6} {'extra':<10} {'C':>4} {'dev en':>7} {'dev zh':>7} "
          f"{'cameo':>6} {'plover':>6}")
    preds = {}
    for enc in ("e5", "mpnet", "e5+mpnet"):
        for scope in (("shared", "per-lang") if enc == "e5" else ("en",)):
            for rounds in ("1-2", "all"):
                tr = gi[(split[gi] == "train") & ((rnd[gi] <= 2) if rounds == "1-2" else True)]
                for extra in ("gold", "gold+cameo"):
                    for C in [float(c) for c in a.C.split(",")]:
                        X = E[enc]
                        res = {}
                        for l in (("en", "zh") if scope != "en" else ("en",)):
                            rows = tr if scope == "shared" else tr[lang[tr] == l]
                            w = np.ones(len(rows))
                            if extra == "gold+cameo":
                                rows = np.concatenate([rows, cam_tr])
                                w = np.concatenate([w, np.full(len(cam_tr), 0.5)])
                            clf = head(X[rows], lab[rows], C, w)
                            p = clf.predict(X[dev[l]]).tolist()
                            preds[(enc, scope, rounds, extra, C, l)] = p
                            res[l] = macro_f1(lab[dev[l]].tolist(), p, LABELS)
                            if l == "en":
                                res["cameo"] = macro_f1(lab[cam_dv].tolist(), clf.predict(X[cam_dv]).tolist(), LABELS)
                                res["plover"] = macro_f1(lab[plo_dv].tolist(), clf.predict(X[plo_dv]).tolist(), LABELS)
                        print(f"{enc:<9} {scope:<8} {rounds:<6} {extra:<10} {C:>4g} {res.get('en', float('nan')):>7.3f} "
                              f"{res.get('zh', float('nan')):>7.3f} {res['cameo']:>6.3f} {res['plover']:>6.3f}", flush=True)
    base = ("e5", "shared", "1-2", "gold", 10.0, "en")
    gold_en = lab[dev["en"]].tolist()
    print("\npaired bootstrap on English dev (2,000 resamples) against e5 shared, rounds 1-2, C=10: "
          "mean difference, its standard deviation, share of resamples above 0")
    for enc in ("mpnet", "e5+mpnet"):
        for rounds in ("1-2", "all"):
            for extra in ("gold", "gold+cameo"):
                for C in [float(c) for c in a.C.split(",")]:
                    m, s, up = bootstrap(gold_en, preds[(enc, "en", rounds, extra, C, "en")], preds[base])
                    print(f"  {enc:<9} rounds {rounds:<4} {extra:<10} C={C:<4g} {m:+.3f} (sd {s:.3f}, {up:.0%} above 0)")


if __name__ == "__main__":
    main()
