"""Int8 encoders (ONNX Runtime, dynamic quantisation, per-channel int8 weights) against the default
head as it runs now (bfloat16 weights, batches of up to 4,096 tokens) on the gold DEV split only (the
test split is dropped on reading): per language, label agreement, macro-F1 both ways and the largest
score difference; for each candidate, which encoders run in int8.

    PYTHONPATH=. .venv/bin/python scripts/transformer/int8_check.py [--int8 all-mpnet-base-v2] [--int8 all]

The ONNX files are exported once into the cache folder (Encoder(runtime="onnx-int8")).
"""
import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from analysis.config import LABELS  # noqa: E402
from analysis.evaluation.gold import read_stance_gold  # noqa: E402
from analysis.evaluation.metrics import macro_f1  # noqa: E402
from analysis.scorers.transformer.scorer import TransformerScorer  # noqa: E402


def candidate(keys: list) -> TransformerScorer:
    s = TransformerScorer(cache=False).fit()
    for key in (s.settings_ if keys == ["all"] else keys):
        s.settings_.setdefault(key, {}).update(runtime="onnx-int8", max_tokens=4096)
    return s


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--int8", action="append", default=None,
                    help="encoder to run in int8 (repeatable; 'all' for every encoder); default: each "
                         "of all-mpnet-base-v2 alone and all")
    a = ap.parse_args(argv)
    g = read_stance_gold()
    dv = g[g.split == "dev"].reset_index(drop=True)            # only the dev split is kept
    texts, langs, gold = dv.text.tolist(), dv.lang.tolist(), dv.label.tolist()
    ref = TransformerScorer(cache=False).fit()
    R = ref.transform(texts, langs, use_cache=False)
    for keys in ([[k] for k in a.int8] if a.int8 else [["all-mpnet-base-v2"], ["all"]]):
        s = candidate(keys)
        F = s.transform(texts, langs, use_cache=False)
        print(f"int8: {', '.join(keys)} ({', '.join(f'{e.name} {e.precision}' for e in s.encoders_.values())})")
        for lang in sorted(set(langs)):
            sel = [i for i, l in enumerate(langs) if l == lang]
            agree = sum(F.label[i] == R.label[i] for i in sel)
            f1 = [macro_f1([gold[i] for i in sel], [P.label[i] for i in sel], LABELS) for P in (F, R)]
            diff = np.abs(F.score[sel].to_numpy() - R.score[sel].to_numpy()).max()
            print(f"  {lang}: n {len(sel)}, labels agree {agree}/{len(sel)} ({agree / len(sel):.3f}), macro-F1 "
                  f"{f1[0]:.4f} int8, {f1[1]:.4f} default; largest score difference {diff:.4f}", flush=True)


if __name__ == "__main__":
    main()
