"""Screen candidate English lexicon entries (issue 16, the second train review): the lexicon's
English macro-F1 on gold train (all rounds, and rounds 1-2) and on the dev halves of CAMEO and
PLOVER, with each candidate added alone and with all of them together; gold dev only with --dev
(for accepting or rejecting a batch, never for choosing entries one by one). Never reads a test
split: every set is cut to its train or dev rows right after reading.

    .venv/bin/python scripts/lexicon/experiments/screen_entries.py CANDIDATES.tsv [--each] [--dev]
        [--opts '{"bias": {"en": 0, "zh": -0.5}}']
    .venv/bin/python scripts/lexicon/experiments/screen_entries.py --figures [--dev] [--opts ...]

CANDIDATES.tsv: one `pattern<TAB>role<TAB>weight` per line ('#' lines skipped); a candidate is
written to a copy of analysis/data/lexicon as the last file read, so it overrides a pattern that
exists already. --figures prints the shipped lexicon's figures alone; --opts passes scorer
parameters (LexiconScorer.ready) such as the bias and band.
"""
import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from analysis.config import LABELS  # noqa: E402
from analysis.evaluation.gold import read_stance_gold  # noqa: E402
from analysis.evaluation.metrics import macro_f1, three_way  # noqa: E402
from analysis.scorers.lexicon.entries import _lexicon_dir  # noqa: E402
from analysis.scorers.lexicon.scorer import LexiconScorer  # noqa: E402

SHARED = Path(__file__).resolve().parents[4] / "shared" / "labeled"
HEADER = "# candidates (screen_entries.py)\npattern\trole\tweight\tcategory\tsource\tnote\n"


def sets(with_dev: bool) -> dict:
    """The English sets measured, each cut to its train or dev rows on reading."""
    gold = read_stance_gold(None)
    gold = gold[gold.split.isin(["train", "dev"]) & (gold.lang == "en")]
    out = {"train": gold[gold.split == "train"],
           "train r1-2": gold[(gold.split == "train") & gold["round"].isin([1, 2])]}
    for name, path in (("CAMEO dev", SHARED / "cameo_pentaclass" / "cameo_class_train.tsv"),
                       ("PLOVER dev", SHARED / "plover_gsr" / "PLOVER_GSR_CAMEO.json")):
        s = read_stance_gold(path)
        out[name] = s[s.split == "dev"]
    if with_dev:
        out["DEV"] = gold[gold.split == "dev"]
    return out


def measure(data: dict, lines: list, opts: dict) -> dict:
    """Macro-F1 per set with the candidate lines added to a copy of the lexicon."""
    d = Path(tempfile.mkdtemp())
    try:
        for f in _lexicon_dir().glob("*"):
            shutil.copy(f, d / f.name)
        (d / "en_zzz_candidates.tsv").write_text(
            HEADER + "".join(f"{p}\t{r}\t{w}\t\tcorpus\tcandidate\n" for p, r, w in lines), "utf-8")
        lex = LexiconScorer.ready(lexicon_dir=str(d), **opts)
        res = {}
        for name, df in data.items():
            pred = lex.transform(df.text.tolist(), ["en"] * len(df))["label"].tolist()
            res[name] = macro_f1([three_way(int(s)) for s in df.stance], pred, list(LABELS))
        return res
    finally:
        shutil.rmtree(d)


def main(argv=None):
    """Print the figures (see the module's docstring)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("candidates", nargs="?")
    ap.add_argument("--each", action="store_true")
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--figures", action="store_true")
    ap.add_argument("--opts", default="{}")
    a = ap.parse_args(argv)
    opts = json.loads(a.opts)
    data = sets(a.dev)
    base = measure(data, [], opts)
    print("shipped lexicon  " + "  ".join(f"{k} {v:.4f}" for k, v in base.items()))
    if a.figures or not a.candidates:
        return
    cands = [ln.rstrip("\n").split("\t")[:3] for ln in open(a.candidates, encoding="utf-8")
             if ln.strip() and not ln.startswith("#")]
    for c in (cands if a.each else []):
        r = measure(data, [c], opts)
        print(f"{c[0][:32]:32s} {c[2]:>5s}  " + "  ".join(f"{k} {r[k] - base[k]:+.4f}" for k in r))
    r = measure(data, cands, opts)
    print("all candidates   " + "  ".join(f"{k} {v:.4f} ({v - base[k]:+.4f})" for k, v in r.items()))


if __name__ == "__main__":
    main()
