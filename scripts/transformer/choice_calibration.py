"""Which encoders English reads, and whether the transformer's scores mean what they say, on the gold
dev split only (the test split is dropped on reading and never embedded).

    .venv/bin/python scripts/transformer/choice_calibration.py OUT_DIR [--C 10] [--folds 5] [--bins 5]
        [--choices e5,mpnet,e5+mpnet] [--show e5+mpnet] [--ship HEAD_TRAINED_WITH_CALIBRATE]

1. Embeds the training statements of annotation rounds 1-2 (what the shipped head learns from) and
   the dev statements with multilingual-e5-small (en, zh) and all-mpnet-base-v2 (en), run as the
   scorer runs them (on a CPU with native bfloat16: bfloat16 weights, batches of up to 4,096 tokens);
   the embeddings are kept in OUT_DIR/embeddings.npz for a re-run.
2. Per English choice (e5, mpnet, e5+mpnet; Chinese always e5): the heads as `tenor train
   transformer` fits them (class-balanced logistic regression, C; a head also learns from every
   language whose encoders include its own, so with English on mpnet alone the Chinese head learns
   from Chinese only), and dev macro-F1, accuracy, Brier score and expected calibration error.
3. Reliability on dev of the shipped head's stance probabilities (after 5): the most probable label's
   probability (confidence) against how often that label is right, and the score (P(cooperative) -
   P(confrontational)) against the mean of +1 / 0 / -1 over the gold labels, per bin.
4. Temperature scaling fitted on the training split only: out-of-fold probabilities from `--folds`
   folds of the training statements (each fold's head fitted on the other folds), one temperature
   per language minimising their log loss; then the same dev tables with the temperature. Dividing
   the logits by a temperature never changes which label is most probable, so labels and F1 stay.
5. The shipped per-language head's own figures on dev, with temperature 1 and with its temperature
   (its stored one, else the one fitted in 4 for e5+mpnet / e5), and a paired bootstrap of the
   change in ECE and Brier score.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from analysis.config import LABELS  # noqa: E402
from analysis.evaluation.gold import read_stance_gold, training_rows  # noqa: E402
from analysis.evaluation.metrics import macro_f1  # noqa: E402
from analysis.scorers.transformer.heads import LinearHead, calibration_error, fit_temperature  # noqa: E402

E5, MPNET = "multilingual-e5-small", "all-mpnet-base-v2"
CHOICES = {"e5": [E5], "mpnet": [MPNET], "e5+mpnet": [E5, MPNET]}
VALUE = {"cooperative": 1.0, "neutral": 0.0, "confrontational": -1.0}


def embed(out: Path, texts: list, langs: list) -> dict:
    path = out / "embeddings.npz"
    if path.exists():
        got = np.load(path)
        if got["n"] == len(texts):
            return {E5: got["e5"], MPNET: got["mpnet"]}
    from analysis.scorers.transformer.encoders import BATCHED, Encoder, cpu_precision
    run = BATCHED if cpu_precision() == "bf16" else {"precision": "fp32"}
    e5 = Encoder(E5, **run).encode(texts, progress=True)
    en = [i for i, l in enumerate(langs) if l == "en"]
    mp = np.zeros((len(texts), 768), dtype=np.float32)
    mp[en] = Encoder(MPNET, **run).encode([texts[i] for i in en], progress=True)
    out.mkdir(parents=True, exist_ok=True)
    np.savez(path, n=len(texts), e5=e5, mpnet=mp)
    return {E5: e5, MPNET: mp}


def features(emb: dict, names: list, rows) -> np.ndarray:
    return np.hstack([emb[k][rows] for k in names])


def figures(P: np.ndarray, classes: list, gold: list, bins: int) -> dict:
    pred = [classes[k] for k in P.argmax(1)]
    Y = np.array([[1.0 if g == c else 0.0 for c in classes] for g in gold])
    right = np.array([p == g for p, g in zip(pred, gold)], dtype=float)
    ece = calibration_error(P, right, bins)
    return {"f1": macro_f1(gold, pred, LABELS), "acc": right.mean(), "brier": ((P - Y) ** 2).sum(1).mean(),
            "ece": ece, "nll": -np.log(np.clip((P * Y).sum(1), 1e-12, None)).mean()}


def reliability(P: np.ndarray, classes: list, gold: list, bins: int) -> list:
    """Rows: (bin, n, mean confidence, share right) and (bin, n, mean score, mean gold value)."""
    conf, pred = P.max(1), P.argmax(1)
    right = np.array([classes[k] == g for k, g in zip(pred, gold)], dtype=float)
    score = P[:, classes.index("cooperative")] - P[:, classes.index("confrontational")]
    value = np.array([VALUE[g] for g in gold])
    rows = []
    lo = 1.0 / len(classes)
    for a, b in zip(np.linspace(lo, 1, bins + 1)[:-1], np.linspace(lo, 1, bins + 1)[1:]):
        sel = (conf > a) & (conf <= b) if a > lo else (conf >= a) & (conf <= b)
        rows.append(("confidence", f"{a:.2f}-{b:.2f}", int(sel.sum()),
                     conf[sel].mean() if sel.any() else np.nan, right[sel].mean() if sel.any() else np.nan))
    edges = np.linspace(-1, 1, bins + 1)
    for a, b in zip(edges[:-1], edges[1:]):
        sel = (score >= a) & ((score < b) if b < 1 else (score <= b))
        rows.append(("score", f"{a:+.1f} to {b:+.1f}", int(sel.sum()),
                     score[sel].mean() if sel.any() else np.nan, value[sel].mean() if sel.any() else np.nan))
    return rows


def ship_temperatures(trained: Path) -> None:
    """Write the stance temperatures of a head trained with `tenor train transformer --calibrate`
    (same encoders, C, seed and rounds) into the shipped per-language head, its coefficients left as
    they are: a temperature never changes a label, and refitting the coefficients would (the
    training embeddings differ in bfloat16 from run to run at the 1e-5 level; docs/evaluation.md)."""
    import json

    from analysis.scorers.transformer.heads import read_head
    from analysis.scorers.transformer.scorer import default_head_path
    path = default_head_path()
    doc = json.loads(path.read_text("utf-8"))
    heads, card = read_head(trained)
    assert {k: card[k] for k in ("encoders", "C", "seed", "trained_on", "trained_on_rounds", "learned_from")} == \
        {k: doc["card"][k] for k in ("encoders", "C", "seed", "trained_on", "trained_on_rounds", "learned_from")}
    for lang, hs in heads.items():
        doc["heads"][lang]["stance"]["temperature"] = round(hs["stance"].temperature, 6)
    doc["card"]["calibration"] = dict(card["calibration"], fitted=f"{card['date']}, by tenor train transformer "
                                      "--rounds 1,2 --calibrate; the coefficients are those trained before")
    path.write_text(json.dumps(doc) + "\n", "utf-8")
    print(f"wrote the temperatures {card['calibration']['temperature']} into {path}")


def shipped(emb: dict, lang, labels, dev_idx, fitted: dict, bins: int) -> dict:
    """The shipped per-language head's own stance numbers on dev: with temperature 1, and with its
    stored temperature (or, when it has none, the one fitted above for its choice); returns
    {language: (P, P with T, classes, gold, T)}."""
    from analysis.scorers.transformer.heads import plan_of, read_head
    from analysis.scorers.transformer.scorer import default_head_path
    path = default_head_path()
    heads, card = read_head(path)
    plan = plan_of(card, heads)
    print(f"\nshipped head {path.name} on dev: macro-F1, Brier, ECE with T = 1 | with T")
    out = {}
    for l in ("en", "zh"):
        head = heads[l]["stance"]
        dsel = dev_idx[lang[dev_idx] == l]
        X, gold = features(emb, plan[l], dsel), labels[dsel].tolist()
        T = head.temperature if head.temperature != 1.0 else fitted[l]
        P, Pt = head.proba(X, 1.0), head.proba(X, T)
        f, ft = figures(P, head.classes, gold, bins), figures(Pt, head.classes, gold, bins)
        assert ft["f1"] == f["f1"]
        print(f"  {l}: n {len(gold)}  F1 {f['f1']:.4f}  Brier {f['brier']:.4f}  ECE {f['ece']:.4f}  NLL {f['nll']:.4f} | "
              f"T = {T:.3f} ({'stored' if head.temperature != 1.0 else 'fitted here'})  F1 {ft['f1']:.4f}  "
              f"Brier {ft['brier']:.4f}  ECE {ft['ece']:.4f}  NLL {ft['nll']:.4f}")
        out[l] = (P, Pt, head.classes, gold, T)
        rng, better = np.random.default_rng(0), {"ece": [], "brier": []}
        for _ in range(1000):                   # paired bootstrap over the dev statements
            k = rng.integers(0, len(gold), len(gold))
            g = [gold[i] for i in k]
            a, b = figures(P[k], head.classes, g, bins), figures(Pt[k], head.classes, g, bins)
            for m in better:
                better[m].append(b[m] - a[m])
        print("      with T minus without, paired bootstrap (1,000 resamples): " + "; ".join(
            f"{m} {np.mean(v):+.4f} (sd {np.std(v):.4f}, lower in {np.mean(np.array(v) < 0):.0%})"
            for m, v in better.items()))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--bins", type=int, default=5)
    ap.add_argument("--show", default="e5+mpnet", help="the English choice whose reliability is printed")
    ap.add_argument("--choices", default=",".join(CHOICES), help="English choices to measure (comma-separated)")
    ap.add_argument("--ship", default=None, help="a head trained with --calibrate: write its stance "
                    "temperatures into the shipped per-language head first")
    a = ap.parse_args(argv)
    if a.ship:
        ship_temperatures(Path(a.ship))
    g = read_stance_gold()
    tr = training_rows(g, "train", [1, 2]).reset_index(drop=True)
    dv = g[g.split == "dev"].reset_index(drop=True)          # the test split is not kept
    texts = tr.text.tolist() + dv.text.tolist()
    langs = tr.lang.tolist() + dv.lang.tolist()
    labels = np.array(tr.label.tolist() + dv.label.tolist())
    emb = embed(Path(a.out), texts, langs)
    lang = np.array(langs)
    n_tr = len(tr)
    train_idx, dev_idx = np.arange(n_tr), np.arange(n_tr, len(texts))
    print(f"training statements (rounds 1-2): {n_tr} ({int((lang[:n_tr] == 'en').sum())} en); dev "
          f"{len(dev_idx)} ({int((lang[n_tr:] == 'en').sum())} en); C={a.C}; calibration bins {a.bins}")
    print(f"{'English':<9} {'lang':<4} {'learns from':<11} {'macro-F1':>8} {'acc':>6} {'Brier':>6} {'ECE':>6} "
          f"{'NLL':>6} | with temperature (train folds): {'T':>5} {'Brier':>6} {'ECE':>6} {'NLL':>6}")
    shown = {}
    for choice, names in ((c, CHOICES[c]) for c in a.choices.split(",")):
        plan = {"en": names, "zh": [E5]}
        for l in ("en", "zh"):
            with_ = [m for m in plan if set(plan[l]) <= set(plan[m])]
            rows = train_idx[np.isin(lang[train_idx], with_)]
            X = features(emb, plan[l], rows)
            head = LinearHead.fit(X, labels[rows], a.C, 0)
            dsel = dev_idx[lang[dev_idx] == l]
            Xd = features(emb, plan[l], dsel)
            gold = labels[dsel].tolist()
            P = head.proba(Xd)
            f = figures(P, head.classes, gold, a.bins)
            T = fit_temperature(X, labels[rows], a.C, 0, a.folds)
            Pt = head.proba(Xd, T)
            ft = figures(Pt, head.classes, gold, a.bins)
            assert ft["f1"] == f["f1"]
            print(f"{choice:<9} {l:<4} {'+'.join(with_):<11} {f['f1']:>8.3f} {f['acc']:>6.3f} {f['brier']:>6.3f} "
                  f"{f['ece']:>6.3f} {f['nll']:>6.3f} | {'':>30} {T:>5.2f} {ft['brier']:>6.3f} {ft['ece']:>6.3f} "
                  f"{ft['nll']:>6.3f}", flush=True)
            if choice == a.show:
                shown[l] = (P, Pt, head.classes, gold, T)
    ship = shipped(emb, lang, labels, dev_idx, {l: v[4] for l, v in shown.items()}, a.bins)
    for l, (P, Pt, classes, gold, T) in ship.items():
        print(f"\nreliability on dev of the shipped head, {l}, n {len(gold)}: without temperature | with T = {T:.3f}")
        for r0, r1 in zip(reliability(P, classes, gold, a.bins), reliability(Pt, classes, gold, a.bins)):
            print(f"  {r0[0]:<10} {r0[1]:<13} n {r0[2]:>3}  mean {r0[3]:+.3f}  observed {r0[4]:+.3f} | "
                  f"{r1[1]:<13} n {r1[2]:>3}  mean {r1[3]:+.3f}  observed {r1[4]:+.3f}")


if __name__ == "__main__":
    main()
