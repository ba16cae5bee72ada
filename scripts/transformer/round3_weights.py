"""Dev macro-F1 of the transformer head when the third annotation round's training statements get a
sample weight (0, 0.25, 0.5, 1): multilingual-e5-small embeddings, logistic regression C = 10,
class-balanced, as `tenor train transformer` fits it (stance only).

    OMP_NUM_THREADS=2 .venv/bin/python scripts/transformer/round3_weights.py
"""
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from analysis.scorers.transformer.encoders import Encoder  # noqa: E402
from analysis.evaluation.gold import read_stance_gold# noqa: E402


def main() -> None:
    gold = read_stance_gold(None)
    tr, dv = gold[gold.split == "train"], gold[gold.split == "dev"]
    enc = Encoder("multilingual-e5-small")
    Xt, Xd = enc.encode(tr.text.tolist()), enc.encode(dv.text.tolist())
    is3 = (tr["round"].astype(int) == 3).to_numpy()
    for w in (0.0, 0.25, 0.5, 1.0):
        sw = np.where(is3, w, 1.0)
        keep = sw > 0
        clf = LogisticRegression(C=10, max_iter=5000, class_weight="balanced", random_state=0)
        clf.fit(Xt[keep], tr.label.to_numpy()[keep], sample_weight=sw[keep])
        pred = clf.predict(Xd)
        f1 = [round(f1_score(dv.label.to_numpy()[m], pred[m], average="macro"), 4)
              for m in ((dv.lang == lang).to_numpy() for lang in ("en", "zh"))]
        print(f"round-3 weight {w}: dev macro-F1 en {f1[0]}, zh {f1[1]}", flush=True)


if __name__ == "__main__":
    main()
