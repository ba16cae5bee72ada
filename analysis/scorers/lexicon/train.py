"""Training the lexicon scorer (its neutral band and bias, per language) on gold data, and reading
the fitted values Tenor ships."""
from __future__ import annotations

import json
from pathlib import Path

from analysis.config import LABELS
from analysis.scorers.lexicon.entries import _lexicon_dir

PARAMS_FILE = "params.json"


def train(scorer_cls, gold_path=None, split: str = "train", out: str | Path | None = None, rounds=None) -> dict:
    """Fit a scorer_cls (LexiconScorer) on one split of a gold file (only the given annotation rounds,
    if any): its neutral band and bias per language; save them (with the figures on train and dev)
    to analysis/data/lexicon/params.json. The class is given, not imported, so that the scorer
    module can offer this as LexiconScorer.train without an import cycle."""
    import datetime as dt

    from analysis.evaluation.gold import read_stance_gold, training_rows
    from analysis.evaluation.metrics import accuracy, macro_f1
    gold = read_stance_gold(gold_path)
    tr = training_rows(gold, split, rounds, gold_path)
    scorer = scorer_cls().fit(tr.text.tolist(), tr.label.tolist(), tr.lang.tolist())
    report = {"fitted": scorer.get_fitted(), "fit_on": {"gold": str(gold_path or "tenor_gold.jsonl"),
              "split": split, "n": int(len(tr)), **({"rounds": sorted(int(r) for r in rounds)} if rounds else {})},
              "fit_report": scorer.fit_report_,
              "date": dt.date.today().isoformat(), "dev": {}}
    dev = gold[gold.split == "dev"]
    for lang in ("en", "zh"):
        d = dev[dev.lang == lang]
        if len(d):
            p = scorer.predict(d.text.tolist(), d.lang.tolist())
            report["dev"][lang] = {"n": int(len(d)), "accuracy": round(accuracy(d.label, p), 4),
                                   "macro_f1": round(macro_f1(d.label, p, LABELS), 4)}
    path = Path(out) if out else _lexicon_dir() / PARAMS_FILE
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return report


def load_params(directory: str | Path | None = None) -> dict | None:
    p = (Path(directory) if directory else _lexicon_dir()) / PARAMS_FILE
    return json.loads(p.read_text("utf-8")) if p.exists() else None


def shipped_params(directory: str | Path | None = None) -> dict:
    """LexiconScorer's parameters for the fitted values in params.json (alpha, band and bias per
    language, the rule weights); {} when there is no params.json."""
    params = load_params(directory)
    if not params:
        return {}
    f = params["fitted"]
    return {"alpha": f.get("alpha", 15.0), "band": dict(f["band"]), "bias": dict(f["bias"]),
            "contrast_after": f.get("contrast_after", 1.5), "contrast_before": f.get("contrast_before", 0.5),
            "first_weight": f.get("first_weight", 2.0)}
