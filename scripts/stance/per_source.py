"""Macro-F1 of the lexicon and the transformer per source of a stance gold file (JSONL with text, label,
lang, source, doc_id), three classes; White House items are split into briefing turns and readouts by
their document path. Figures only.

    .venv/bin/python scripts/stance/per_source.py tests/fixtures/stance/blind_2026/stance_blind.jsonl
"""
import sys

import pandas as pd

from analysis import scorers as registry
from analysis.evaluation.metrics import macro_f1

LABELS = ["cooperative", "neutral", "confrontational"]


def main(path: str) -> None:
    df = pd.read_json(path, lines=True)
    src = df.source.astype(str) + " " + df.lang.astype(str)
    wh = df.source.astype(str).str.startswith("white_house")
    src[wh] = ["white_house readout" if "briefings-statements" in str(d) or "readout" in str(d).lower()
               else "white_house briefing" for d in df.doc_id[wh]]
    df["group"] = src
    for name in ("lexicon", "transformer"):
        df[name] = registry.get(name).score_frame(df)[f"{name}_label"].values
    rows = [(g, len(x), *(round(macro_f1(x.label, x[n], LABELS), 3) for n in ("lexicon", "transformer")))
            for g, x in df.groupby("group")]
    print(pd.DataFrame(rows, columns=["source", "n", "lexicon", "transformer"]).to_string(index=False))


if __name__ == "__main__":
    main(sys.argv[1])
