"""Which encoder for which language (issue 16): embed the gold corpus's train and dev statements, and
the dev halves of CAMEO and PLOVER, with multilingual-e5-small and all-mpnet-base-v2, fit the
class-balanced logistic-regression stance head on train for each choice, and print dev macro-F1 per
language. Never reads the test split.

    .venv/bin/python scripts/transformer/encoder_choice.py CACHE_DIR [--C 1,3,10,30]

Choices: e5 with one head shared by both languages (what shipped), e5 per language, mpnet (English),
e5 and mpnet concatenated (English); each with the training data of the gold corpus alone or with
CAMEO's train half added (weight w per CAMEO row). Embeddings are cached in CACHE_DIR.
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


def embed(name: str, texts: list, cache: Path) -> np.ndarray:
    path = cache / f"{name}-{len(texts)}.npy"
    if path.exists():
        return np.load(path)
    from analysis.scorers.transformer.encoders import Encoder
    X = Encoder(name, precision="fp32").encode(texts, progress=True)
    np.save(path, X)
    return X


def head(X, y, C, w=None):
    from sklearn.linear_model import LogisticRegression
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=0)
    clf.fit(X, y, sample_weight=w)
    return clf


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("cache", type=Path)
    ap.add_argument("--C", default="1,3,10,30")
    a = ap.parse_args(argv)
    a.cache.mkdir(parents=True, exist_ok=True)
    g = read_stance_gold()
    g = g[g.split.isin(["train", "dev"])].reset_index(drop=True)
    cam = read_stance_gold(SHARED / "cameo_pentaclass" / "cameo_class_train.tsv")
    plo = read_stance_gold(SHARED / "plover_gsr" / "PLOVER_GSR_CAMEO.json")
    texts = g.text.tolist() + cam.text.tolist() + plo.text.tolist()
    E = {"e5": embed("multilingual-e5-small", texts, a.cache)}
    en_rows = [i for i, l in enumerate(g.lang.tolist() + cam.lang.tolist() + plo.lang.tolist()) if l == "en"]
    Xm = np.zeros((len(texts), 768), dtype=np.float32)
    Xm[en_rows] = embed("all-mpnet-base-v2", [texts[i] for i in en_rows], a.cache)
    E["mpnet"] = Xm
    E["e5+mpnet"] = np.hstack([E["e5"], Xm])
    n_g, n_c = len(g), len(cam)
    gi = np.arange(n_g)
    ci = np.arange(n_g, n_g + n_c)
    pi = np.arange(n_g + n_c, len(texts))
    lab = np.array(g.label.tolist() + cam.label.tolist() + plo.label.tolist())
    split = np.array(g.split.tolist() + cam.split.tolist() + plo.split.tolist())
    lang = np.array(g.lang.tolist() + cam.lang.tolist() + plo.lang.tolist())
    tr = gi[split[gi] == "train"]
    # CAMEO comes halved into dev and test (test never read): its dev half is halved again, one
    # quarter of CAMEO to train on and one to measure
    cam_half = ci[split[ci] == "dev"]
    cam_tr, cam_dv = cam_half[::2], cam_half[1::2]
    plo_dv = pi[split[pi] == "dev"]
    print(f"gold train {len(tr)}, dev {int((split[gi] == 'dev').sum())}; CAMEO train {len(cam_tr)} dev "
          f"{len(cam_dv)}; PLOVER dev {len(plo_dv)}")
    print(f"{'encoder':<9} {'head':<8} {'extra':<10} {'C':>4} {'dev en':>7} {'dev zh':>7} {'cameo':>6} {'plover':>6}")
    for enc in ("e5", "mpnet", "e5+mpnet"):
        for scope in (("shared", "per-lang") if enc == "e5" else ("en",)):
            for extra in ("gold", "gold+cameo"):
                for C in [float(c) for c in a.C.split(",")]:
                    if extra == "gold+cameo" and C not in (10.0, 30.0):
                        continue
                    X = E[enc]
                    res = {}
                    for l in (("en", "zh") if scope != "en" else ("en",)):
                        rows = tr if scope == "shared" else tr[lang[tr] == l]
                        w = np.ones(len(rows))
                        if extra == "gold+cameo":
                            rows = np.concatenate([rows, cam_tr])
                            w = np.concatenate([w, np.full(len(cam_tr), 0.5)])
                        clf = head(X[rows], lab[rows], C, w)
                        dv = gi[(split[gi] == "dev") & (lang[gi] == l)]
                        res[l] = macro_f1(lab[dv].tolist(), clf.predict(X[dv]).tolist(), LABELS)
                        if l == "en":
                            res["cameo"] = macro_f1(lab[cam_dv].tolist(), clf.predict(X[cam_dv]).tolist(), LABELS)
                            res["plover"] = macro_f1(lab[plo_dv].tolist(), clf.predict(X[plo_dv]).tolist(), LABELS)
                    print(f"{enc:<9} {scope:<8} {extra:<10} {C:>4g} {res.get('en', float('nan')):>7.3f} "
                          f"{res.get('zh', float('nan')):>7.3f} {res['cameo']:>6.3f} {res['plover']:>6.3f}", flush=True)


if __name__ == "__main__":
    main()
