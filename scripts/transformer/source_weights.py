"""Out-of-domain sets in the transformer head's training, weighed by source (issue 16): the shipped
recipe (English head on e5 + mpnet, Chinese head on e5 learning from the English and Chinese
statements' e5 embeddings, rounds 1-2, class-balanced logistic regression) with a quarter of CAMEO
and a quarter of PLOVER added to the training rows at a weight per source, chosen on gold dev and
on the other quarters. Never reads a test split: the gold test split is dropped on reading, and of
CAMEO and PLOVER only the dev halves are embedded (their test halves are neither embedded nor scored).

    OMP_NUM_THREADS=1 .venv/bin/python scripts/transformer/source_weights.py CACHE_DIR [--C 10]
        [--cameo 0,0.05,0.1,0.2,0.4] [--plover 0,0.2]

CAMEO's dev half and PLOVER's dev half are each halved again by position (even rows to train on,
odd rows to measure), as scripts/transformer/encoder_choice.py halves CAMEO. Each row prints dev
macro-F1 per language (the Chinese head with the extra English rows, and without them), macro-F1 on
the CAMEO and PLOVER quarters kept for measuring, and the paired bootstrap (1,000 resamples of the
dev statements) of the English and Chinese change against weight 0: mean, standard deviation, share
of resamples above 0.
"""
import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from analysis.config import LABELS  # noqa: E402
from analysis.evaluation.metrics import macro_f1  # noqa: E402
from encoder_choice import bootstrap, dev_rows, embed, head  # noqa: E402


def load(cache: Path, precision: str):
    """Texts, languages, labels and kinds ('train', 'dev', 'cameo-fit', 'cameo-measure',
    'plover-fit', 'plover-measure') with the e5 and e5 + mpnet embeddings of every row; rounds."""
    g, cam, plo, texts, lang = dev_rows()
    lab = np.array(g.label.tolist() + cam.label.tolist() + plo.label.tolist())
    kind = np.array(g.split.tolist()
                    + [("cameo-fit", "cameo-measure")[i % 2] for i in range(len(cam))]
                    + [("plover-fit", "plover-measure")[i % 2] for i in range(len(plo))])
    rnd = np.array(g["round"].astype(int).tolist() + [0] * (len(texts) - len(g)))
    e5 = embed("multilingual-e5-small", texts, cache, precision)
    en_rows = np.flatnonzero(lang == "en")
    Xm = np.zeros((len(texts), 768), dtype=np.float32)
    Xm[en_rows] = embed("all-mpnet-base-v2", [texts[i] for i in en_rows], cache, precision)
    return lang, lab, kind, rnd, e5, np.hstack([e5, Xm])


def main(argv=None):
    """Print the grid of source weights (see the module's docstring)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("cache", type=Path)
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--cameo", default="0,0.05,0.1,0.2,0.4")
    ap.add_argument("--plover", default="0,0.2")
    ap.add_argument("--precision", default="auto")
    a = ap.parse_args(argv)
    a.cache.mkdir(parents=True, exist_ok=True)
    lang, lab, kind, rnd, e5, both = load(a.cache, a.precision)
    tr = np.flatnonzero((kind == "train") & (rnd <= 2))
    dev = {l: np.flatnonzero((kind == "dev") & (lang == l)) for l in ("en", "zh")}
    fit = {s: np.flatnonzero(kind == f"{s}-fit") for s in ("cameo", "plover")}
    meas = {s: np.flatnonzero(kind == f"{s}-measure") for s in ("cameo", "plover")}
    print(f"gold train rounds 1-2 {len(tr)}, dev {len(dev['en'])} en {len(dev['zh'])} zh; CAMEO fit/measure "
          f"{len(fit['cameo'])}/{len(meas['cameo'])}, PLOVER fit/measure {len(fit['plover'])}/{len(meas['plover'])}; "
          f"C {a.C:g}")
    print(f"{'w cameo':>7} {'w plover':>8} {'dev en':>7} {'dev zh +x':>9} {'dev zh':>7} {'cameo':>6} {'plover':>6}"
          "   en change (sd, >0)        zh change (sd, >0)")
    base = None
    for wc in [float(x) for x in a.cameo.split(",")]:
        for wp in [float(x) for x in a.plover.split(",")]:
            rows = [tr] + [fit[s] for s, w in (("cameo", wc), ("plover", wp)) if w > 0]
            w = np.concatenate([np.ones(len(tr))] + [np.full(len(fit[s]), w) for s, w in
                                                      (("cameo", wc), ("plover", wp)) if w > 0])
            rows = np.concatenate(rows)
            en_head = head(both[rows[lang[rows] == "en"]], lab[rows[lang[rows] == "en"]], a.C,
                           w[lang[rows] == "en"])
            zh_head = head(e5[rows], lab[rows], a.C, w)
            p_en = en_head.predict(both[dev["en"]]).tolist()
            p_zh = zh_head.predict(e5[dev["zh"]]).tolist()
            if base is None:
                base = (p_en, p_zh)
            f = {"en": macro_f1(lab[dev["en"]].tolist(), p_en, LABELS),
                 "zh": macro_f1(lab[dev["zh"]].tolist(), p_zh, LABELS)}
            f["zh0"] = macro_f1(lab[dev["zh"]].tolist(), base[1], LABELS)
            for s in ("cameo", "plover"):
                f[s] = macro_f1(lab[meas[s]].tolist(), en_head.predict(both[meas[s]]).tolist(), LABELS)
            be = bootstrap(lab[dev["en"]].tolist(), p_en, base[0], n=1000)
            bz = bootstrap(lab[dev["zh"]].tolist(), p_zh, base[1], n=1000)
            print(f"{wc:>7g} {wp:>8g} {f['en']:>7.3f} {f['zh']:>9.3f} {f['zh0']:>7.3f} {f['cameo']:>6.3f} "
                  f"{f['plover']:>6.3f}   {be[0]:+.3f} ({be[1]:.3f}, {be[2]:.0%})      "
                  f"{bz[0]:+.3f} ({bz[1]:.3f}, {bz[2]:.0%})", flush=True)


if __name__ == "__main__":
    main()
