"""Measure a broad CAMEO event-verb layer (made by derive_en_cameo_verbs.py) added to the lexicon,
on the gold train/dev splits (English) and the PLOVER and CAMEO dev halves; never a test split.
A negative result, kept so it can be re-run (docs/evaluation.md, "A broad CAMEO verb layer").

    python3 scripts/lexicon/experiments/derive_en_cameo_verbs.py --out /tmp/layer.tsv --scale 1
    OMP_NUM_THREADS=1 .venv/bin/python scripts/lexicon/experiments/harness.py /tmp/layer.tsv --scales 0.25,1
Options: --scales (layer weight factors), --kinds past|base|s|ing (verb forms kept), --phrases-only,
--verbs-only, --exclude 01,04 (CAMEO root codes left out), --minabs W. Environment switches: CONTENT=1
(phrase patterns need a content word), GENERIC=1 / GENERIC_ALL=1 (drop the generic X0 codes), PRON=1
(layer off in first/second-person statements). Each set is printed with both rules: fb (the layer only
where the curated files find no term) and add (layer added to them).
"""
import sys, time, json, itertools
import numpy as np, pandas as pd
sys.path.insert(0, str(__import__('pathlib').Path(__file__).resolve().parents[3]))
from analysis.evaluation.gold import read_stance_gold
from analysis.scorers.lexicon.entries import Entry, read_entries
from analysis.scorers.lexicon.matcher import Lexicon
from analysis.scorers.lexicon.scorer import LexiconScorer
from analysis.evaluation.metrics import macro_f1
from pathlib import Path
LAB = ["cooperative", "neutral", "confrontational"]
def sets():
    out = {}
    g = read_stance_gold(None)
    for sp in ("train", "dev"):
        d = g[(g.split == sp) & (g.lang == "en")]
        out["gold_"+sp] = d
    p = read_stance_gold(str(__import__('pathlib').Path(__file__).resolve().parents[4] / 'shared' / 'labeled') + '/plover_gsr/PLOVER_GSR_CAMEO.json'); out["plover_dev"] = p[p.split == "dev"]
    c = read_stance_gold(str(__import__('pathlib').Path(__file__).resolve().parents[4] / 'shared' / 'labeled') + '/cameo_pentaclass/cameo_class_train.tsv'); out["cameo_dev"] = c[c.split == "dev"]
    return out

def mf1(gold, pred):
    present = [c for c in LAB if c in set(gold) | set(pred)]
    return macro_f1(gold, pred, present)

import re as _re, os
CONTENT = os.environ.get("CONTENT"); GENERIC = os.environ.get("GENERIC"); GENERIC_ALL = os.environ.get("GENERIC_ALL")
def kind(e):
    m = _re.search(r"\((base|s|past|ing)\) =", e.note)
    return m.group(1) if m else "?"

def main(layer_path, scales, exclude_roots=(), verbs_only=False, kinds=None, phrases_only=False, minabs=0.0):
    sc = LexiconScorer.ready()
    base = sc.lexicons_["en"]
    t0 = time.time()
    layer_entries = read_entries(Path(layer_path))
    layer_entries = [e for e in layer_entries if e.source.split(":")[1][:2] not in exclude_roots]
    if kinds:
        layer_entries = [e for e in layer_entries if kind(e) in kinds]
    if phrases_only:
        layer_entries = [e for e in layer_entries if "..." in e.pattern]
    if GENERIC:
        layer_entries = [e for e in layer_entries if not ("..." not in e.pattern and len(e.source) == 9 and e.source.endswith("0"))]
    if GENERIC_ALL:
        layer_entries = [e for e in layer_entries if not (len(e.source) == 9 and e.source.endswith("0"))]
    if CONTENT:
        FW = {"to","with","for","from","in","on","at","by","of","against","into","over","about","as","off","up","out","down","back","away","toward","towards","under","after","before","through","between","upon","the","a","an"}
        def ok(e):
            toks = [t for t in e.pattern.split()[1:] if t != "..."]
            return "..." not in e.pattern or any(t not in FW for t in toks)
        layer_entries = [e for e in layer_entries if ok(e)]
    if minabs:
        layer_entries = [e for e in layer_entries if abs(e.weight) >= minabs]
    if verbs_only:
        layer_entries = [e for e in layer_entries if "..." not in e.pattern]
    func = [e for e in base.entries if e.role != "term"]
    print("layer entries", len(layer_entries), "load", round(time.time()-t0,1))
    data = sets()
    res = {}
    for name, d in data.items():
        texts = d.text.tolist()
        m0, r0, _ = sc._en_batch(texts, base)
        has = np.array([any(m.entry.role == "term" for m in m0.get(k, [])) for k in range(len(texts))])
        res[name] = (d.label.tolist(), r0, has)
    out = {}
    for s in scales:
        lex = Lexicon("en", func + [Entry(e.pattern, e.role, e.weight * s, e.category, e.source, e.note, e.file) for e in layer_entries])
        line = [f"s={s}"]
        for name, d in data.items():
            gold, r0, has = res[name]
            m1, r1, _ = sc._en_batch(d.text.tolist(), lex)
            if os.environ.get("PRON"):
                pr = _re.compile(r"\b(we|i|our|us|you|your|my|me|let)\b", _re.I)
                r1 = np.where([bool(pr.search(t)) for t in d.text.tolist()], 0.0, r1)
            for mode in ("fallback", "add"):
                r = np.where(has, r0, r1) if mode == "fallback" else r0 + r1
                _, lab, _ = sc._columns(r, np.zeros(len(r)), "en")
                out[(s, name, mode)] = mf1(gold, list(lab))
            line.append(f"{name}: fb {out[(s,name,'fallback')]:.3f} add {out[(s,name,'add')]:.3f} (nofb {(~has).sum()}, layerhit {((~has)&(r1!=0)).sum()})")
        print(" | ".join(line), flush=True)
    # baseline
    line = ["base"]
    for name in data:
        gold, r0, has = res[name]
        _, lab, _ = sc._columns(r0, np.zeros(len(r0)), "en")
        line.append(f"{name}: {mf1(gold, list(lab)):.3f}")
    print(" | ".join(line))

if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("layer"); ap.add_argument("--scales", default="0.5")
    ap.add_argument("--exclude", default=""); ap.add_argument("--verbs-only", action="store_true")
    ap.add_argument("--kinds", default=""); ap.add_argument("--phrases-only", action="store_true"); ap.add_argument("--minabs", type=float, default=0)
    a = ap.parse_args()
    main(a.layer, [float(x) for x in a.scales.split(",")], tuple(x for x in a.exclude.split(",") if x), a.verbs_only,
         set(a.kinds.split(",")) if a.kinds else None, a.phrases_only, a.minabs)
