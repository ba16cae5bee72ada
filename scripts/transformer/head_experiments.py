"""Dev-split experiments for the transformer head, step 2 of 2 (see embed_variants.py): class-balanced
logistic regression heads on variants of the features and training data; prints dev macro-F1 (en, zh)
and 5-fold cross-validated macro-F1 on the train split. Run with OMP_NUM_THREADS=1 on a shared
machine (thread oversubscription made each fit 8x slower).

    OMP_NUM_THREADS=1 .venv/bin/python scripts/transformer/head_experiments.py OUT_DIR
"""
import sys, warnings, numpy as np, pandas as pd
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
warnings.filterwarnings("ignore")
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from analysis.evaluation.metrics import macro_f1
LABELS = ["cooperative", "neutral", "confrontational"]
D = sys.argv[1]
meta = pd.read_pickle(f"{D}/meta.pkl")
M = {"query": np.load(f"{D}/means_query.npy"), "passage": np.load(f"{D}/means_passage.npy")}
CLS = {"query": np.load(f"{D}/cls_query.npy"), "passage": np.load(f"{D}/cls_passage.npy")}
def l2(X): return X / np.linalg.norm(X, axis=1, keepdims=True)
gold = (meta.src == "gold").values
tr = np.where(gold & (meta.split == "train").values)[0]
dv = np.where(gold & (meta.split == "dev").values)[0]
cam = np.where((meta.src == "cameo").values)[0]
plo = np.where((meta.src == "plover").values)[0]
y = meta.label.values; lang = meta.lang.values

def feats(prefix="query", pool="mean", layers=(-1,), norm="l2"):
    if pool == "cls":
        X = CLS[prefix]
    else:
        X = np.mean([l2(M[prefix][:, l]) if norm == "l2each" else M[prefix][:, l] for l in layers], axis=0)
    if norm in ("l2", "l2each", "l2std"):
        X = l2(X)
    return X.astype(np.float64)

def fit(X, idx, w=None, C=10, cw="balanced", std=False):
    mu, sd = (X[idx].mean(0), X[idx].std(0) + 1e-6) if std else (0, 1)
    clf = LogisticRegression(C=C, max_iter=5000, class_weight=cw, random_state=0)
    clf.fit((X[idx] - mu) / sd, y[idx], sample_weight=w)
    return lambda Z: clf.predict_proba((Z - mu) / sd), list(clf.classes_)

def score(P, classes, idx):
    pred = np.array(classes)[P.argmax(1)]
    out = {}
    for lg in ["en", "zh"]:
        s = lang[idx] == lg
        out[lg] = macro_f1(list(y[idx][s]), list(pred[s]), LABELS)
    return out

def cv(X, extra=(), wextra=0.3, C=10, cw="balanced", std=False, k=5):
    """5-fold CV on gold train (extra data always in the training folds)."""
    skf = StratifiedKFold(k, shuffle=True, random_state=0)
    preds = np.empty(len(tr), dtype=object)
    strat = np.array([f"{a}{b}" for a, b in zip(lang[tr], y[tr])])
    for a, b in skf.split(tr, strat):
        idx = np.concatenate([tr[a], np.asarray(extra, int)])
        w = np.concatenate([np.ones(len(a)), np.full(len(extra), wextra)])
        f, cl = fit(X, idx, w, C, cw, std)
        preds[b] = np.array(cl)[f(X[tr[b]]).argmax(1)]
    return {lg: macro_f1(list(y[tr][lang[tr] == lg]), list(preds[lang[tr] == lg]), LABELS) for lg in ["en", "zh"]}

def run(name, X, extra=(), wextra=0.3, C=10, cw="balanced", std=False, do_cv=True):
    idx = np.concatenate([tr, np.asarray(extra, int)])
    w = np.concatenate([np.ones(len(tr)), np.full(len(extra), wextra)])
    f, cl = fit(X, idx, w, C, cw, std)
    d = score(f(X[dv]), cl, dv)
    c = cv(X, extra, wextra, C, cw, std) if do_cv else {"en": np.nan, "zh": np.nan}
    print(f"{name:<55} dev en {d['en']:.3f} zh {d['zh']:.3f} | cv-train en {c['en']:.3f} zh {c['zh']:.3f}", flush=True)
    return f, cl


if __name__ == "__main__":
    X = feats()
    run("baseline: query, mean, last layer, L2, C=10, balanced", X)
    for C in [1, 3, 30, 100]:
        run(f"  C={C}", X, C=C)
    run("  no class weight", X, cw=None)
    run("  standardised, C=10", X, std=True)
    run("  standardised, C=0.1", X, std=True, C=0.1)
    run("CLS, last layer", feats(pool="cls"))
    run("mean of the last 2 layers", feats(layers=(-1, -2)))
    run("mean of the last 4 layers", feats(layers=(-1, -2, -3, -4)))
    run("layer 11", feats(layers=(-2,)))
    run("layer 9", feats(layers=(-4,)))
    run("mean of layers 1..12", feats(layers=tuple(range(1, 13))))
    run("concat last + layer 9", np.hstack([X, feats(layers=(-4,))]))
    run("concat mean + CLS", np.hstack([X, feats(pool="cls")]))
    run("passage prefix", feats(prefix="passage"))
    run("passage prefix, C=3", feats(prefix="passage"), C=3)
    run("concat query + passage", np.hstack([X, feats(prefix="passage")]))
    run("+ language indicator", np.hstack([X, (lang == "zh")[:, None].astype(float)]))
    for w in [0.1, 0.3, 0.6, 1.0]:
        run(f"+ CAMEO dev half, weight {w}", X, extra=cam, wextra=w)
    for w in [0.3, 1.0]:
        run(f"+ PLOVER dev half, weight {w}", X, extra=plo, wextra=w)
    for w in [0.1, 0.3]:
        run(f"+ CAMEO + PLOVER dev halves, weight {w}", X, extra=np.concatenate([cam, plo]), wextra=w)
    # five-class head summed to three classes
    st = meta.stance.values.astype(int)
    for C in [3, 10]:
        clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=0).fit(X[tr], st[tr])
        P5, c5 = clf.predict_proba(X[dv]), np.array(clf.classes_)
        P = np.stack([P5[:, c5 > 0].sum(1), P5[:, c5 == 0].sum(1), P5[:, c5 < 0].sum(1)], 1)
        d = score(P, LABELS, dv)
        print(f"{'five-class head, C=' + str(C):<55} dev en {d['en']:.3f} zh {d['zh']:.3f}", flush=True)
    # ensembles (mean probability)
    fs = [fit(X, tr, C=C) for C in [3, 10, 30]]
    d = score(np.mean([f(X[dv]) for f, _ in fs], 0), fs[0][1], dv)
    print(f"{'ensemble C=3,10,30':<55} dev en {d['en']:.3f} zh {d['zh']:.3f}")
    Xp, X2 = feats(prefix="passage"), feats(layers=(-1, -2))
    fq, cl = fit(X, tr); fp, _ = fit(Xp, tr); f2, _ = fit(X2, tr)
    d = score((fq(X[dv]) + fp(Xp[dv])) / 2, cl, dv)
    print(f"{'ensemble query + passage heads':<55} dev en {d['en']:.3f} zh {d['zh']:.3f}")
    d = score((fq(X[dv]) + fp(Xp[dv]) + f2(X2[dv])) / 3, cl, dv)
    print(f"{'ensemble query + passage + last-2-layers heads':<55} dev en {d['en']:.3f} zh {d['zh']:.3f}")
    # learning curve
    rng = np.random.default_rng(0)
    for frac in [0.5, 0.75]:
        res = []
        for _ in range(5):
            f, cl = fit(X, np.sort(rng.choice(tr, int(frac * len(tr)), replace=False)))
            res.append(score(f(X[dv]), cl, dv))
        print(f"learning curve {frac:.2f} of train: dev en {np.mean([r['en'] for r in res]):.3f} "
              f"zh {np.mean([r['zh'] for r in res]):.3f}", flush=True)
    # dev noise
    f, cl = fit(X, tr); pred = np.array(cl)[f(X[dv]).argmax(1)]
    for lg in ["en", "zh"]:
        s, p = dv[lang[dv] == lg], pred[lang[dv] == lg]
        bs = [macro_f1(list(y[s][i]), list(p[i]), LABELS) for i in (rng.integers(0, len(s), len(s)) for _ in range(1000))]
        print(f"{lg} dev macro-F1 bootstrap sd {np.std(bs):.3f}")
