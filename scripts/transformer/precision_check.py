"""The transformer head's labels on the gold dev split with its encoders as they run by default
(on a CPU with native bfloat16: bfloat16 weights and batches of up to 4,096 padded tokens, as the
per-language head's card says) against float32 (batches of 32): label agreement, macro-F1 both
ways, the largest score difference and the cosine of each encoder's embeddings. Dev only: the test
split is dropped on reading.

    .venv/bin/python scripts/transformer/precision_check.py [--head PATH] [--model NAME]
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


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--head", default=None, help="head JSON (default: the shipped default head)")
    ap.add_argument("--model", default=None, help="one encoder for every language (its own head)")
    a = ap.parse_args(argv)
    g = read_stance_gold()
    dv = g[g.split == "dev"].reset_index(drop=True)            # only the dev split is kept
    texts, langs, gold = dv.text.tolist(), dv.lang.tolist(), dv.label.tolist()
    fast = TransformerScorer(model=a.model, head=a.head, cache=False).fit()
    ref = TransformerScorer(model=a.model, head=a.head, cache=False, precision="fp32").fit()
    F, R = fast.transform(texts, langs, use_cache=False), ref.transform(texts, langs, use_cache=False)
    print(f"head {a.head or 'default'}: encoders as run by default "
          + ", ".join(f"{e.name} {e.precision}/{e.max_tokens or e.batch_size}" for e in fast.encoders_.values())
          + "; reference " + ", ".join(f"{e.name} {e.precision}/{e.max_tokens or e.batch_size}"
                                         for e in ref.encoders_.values()))
    for lang in sorted(set(langs)):
        sel = [i for i, l in enumerate(langs) if l == lang]
        agree = sum(F.label[i] == R.label[i] for i in sel)
        f1 = [macro_f1([gold[i] for i in sel], [P.label[i] for i in sel], LABELS) for P in (F, R)]
        diff = np.abs(F.score[sel].to_numpy() - R.score[sel].to_numpy()).max()
        cos = []
        for key in fast.plan_[lang]:
            Xf = fast.encoders_[key].encode([texts[i] for i in sel])
            Xr = ref.encoders_[key].encode([texts[i] for i in sel])
            cos.append(f"{fast.encoders_[key].name} min {(Xf * Xr).sum(1).min():.5f}")
        print(f"{lang}: n {len(sel)}, labels agree {agree}/{len(sel)} ({agree / len(sel):.3f}), macro-F1 "
              f"{f1[0]:.4f} as run, {f1[1]:.4f} float32; largest score difference {diff:.4f}; cosine to "
              f"float32: {', '.join(cos)}")


if __name__ == "__main__":
    main()
