"""Stance accuracy of the registered scorers on a gold file, beside VADER and the majority class."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.errors import TenorError
from analysis.evaluation.gold import DEFAULT_GOLD, STANCE_CLASSES, read_stance_gold  # noqa: F401

@dataclass
class StanceReport:
    table: pd.DataFrame                 # scorer, lang, n, accuracy, macro_f1, f1_<class>, spearman
    confusions: dict                    # (scorer, lang) -> confusion DataFrame
    split: str
    gold: str

    def summary(self) -> str:
        lines = [f"stance evaluation on {self.gold}, split: {self.split}",
                 "three classes: cooperative / neutral / confrontational; spearman: scorer score "
                 "against the gold -2..+2 stance; sent_spearman: scorer sentiment against the gold "
                 "-1..+1 sentiment", ""]
        t = self.table.copy()
        lines.append(t.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        for (scorer, lang), m in self.confusions.items():
            lines.append("")
            lines.append(f"confusion, {scorer}, {lang} (rows gold, columns predicted):")
            lines.append(m.to_string())
        return "\n".join(lines)


def stance(gold_path=None, split: str = "test", scorer_names=None, baselines: bool = True) -> StanceReport:
    from analysis import scorers as registry
    from analysis.evaluation.baselines import MajorityBaseline, VaderBaseline
    from analysis.evaluation.metrics import accuracy, confusion, macro_f1, per_class_f1, spearman

    gold = read_stance_gold(gold_path)
    train = gold[gold.split == "train"]
    data = gold if split == "all" else gold[gold.split == split]
    if data.empty:
        raise TenorError("E701", gold_path or DEFAULT_GOLD, detail=f"no statements in split {split!r} (the file's "
                         f"splits: {sorted(gold.split.unique())}; --split takes train, dev, test or all)")
    names = registry.available() if scorer_names in (None, "all") else list(scorer_names)
    registry.require(names)     # E401 before any scoring
    scored = {}
    for name in names:
        scored[name] = registry.get(name).score_frame(data)
    if baselines:
        scored["vader"] = VaderBaseline().fit().score_frame(data)
        scored["majority"] = MajorityBaseline().fit(y=(train if len(train) else gold).label).score_frame(data)
    rows, confs = [], {}
    for name, frame in scored.items():
        for lang in ["en", "zh", "all"]:
            sel = data.index if lang == "all" else data.index[data.lang == lang]
            labels = frame.loc[sel, f"{name}_label"]
            ok = labels.notna()
            if name == "vader" and lang != "en":
                continue  # VADER reads English only
            g = data.loc[sel].label[ok]
            p = labels[ok]
            if not len(g):
                continue
            f1 = per_class_f1(g, p, STANCE_CLASSES)
            present = [c for c in STANCE_CLASSES if c in set(g) | set(p)]  # as scikit-learn does
            rows.append({"scorer": name, "lang": lang, "n": int(len(g)), "abstained": int((~ok).sum()),
                         "accuracy": accuracy(g, p), "macro_f1": macro_f1(g, p, present),
                         **{f"f1_{c[:4]}": f1[c] for c in STANCE_CLASSES},
                         "spearman": spearman(frame.loc[sel, f"{name}_score"][ok], data.loc[sel].stance[ok]),
                         "sent_spearman": (spearman(frame.loc[sel, f"{name}_sentiment"][ok],
                                                    data.loc[sel].sentiment[ok])
                                           if "sentiment" in data.columns else float("nan"))})
            confs[(name, lang)] = confusion(g, p, STANCE_CLASSES)
    return StanceReport(pd.DataFrame(rows), confs, split, str(gold_path or DEFAULT_GOLD))
