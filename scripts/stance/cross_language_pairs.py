"""Cross-language consistency at the statement level (issue 16): the first sentence of the same MFA
answer in English and in Chinese should get the same label and a similar score.

    .venv/bin/python scripts/stance/cross_language_pairs.py [../shared/corpora/mfa_presscon_en_zh_2016_2020/mfa_presscon_qa_en_zh.csv]
        [--scorers lexicon,transformer] [--out pairs.csv] [--days all|odd|even]

Pairs: the press conferences whose English and Chinese pages have the same number of answers (the
corpus's `doc_type` regular_press_conference, grouped by date), aligned by their order on the page;
a pair is the first sentence of each answer (Tenor's own segmenter), kept only where the two answers
are of comparable length (their character ratio, Chinese counted twice, between 1:3 and 3:1), so that
a page that leaves an item out does not shift its day's pairs. Prints, per scorer: the number of pairs,
Cohen's kappa of the three labels, the share of equal labels, and Spearman of the scores (with a
bootstrap 95% interval over days). Nothing here is fitted; the gold's test split is not read.
--days odd / even keeps the pairs of odd / even days of the month only (since 2026-12-07 the lexicon
is aligned on odd days, and even days are kept for reporting).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from analysis.evaluation.metrics import spearman  # noqa: E402
from analysis.extract.segment import split_sentences  # noqa: E402
from analysis.scorers import registry  # noqa: E402

DEFAULT = ROOT.parent / "shared/corpora/mfa_presscon_en_zh_2016_2020/mfa_presscon_qa_en_zh.csv"


def first_sentence(text: str) -> str:
    text = (text or "").strip()
    spans = split_sentences(text)
    return text[spans[0][0]:spans[0][1]].strip() if spans else text


def pairs(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str).fillna("")
    df = df[(df["answer"].str.strip() != "") & (df["doc_type"].isin(["regular_press_conference", ""]))]
    df["qa"] = pd.to_numeric(df["qa_index"], errors="coerce")
    out = []
    for date, part in df.groupby("date", sort=True):
        en = part[part["lang"] == "en"].sort_values("qa")
        zh = part[part["lang"] == "zh"].sort_values("qa")
        if not len(en) or len(en) != len(zh):
            continue
        for (_, e), (_, z) in zip(en.iterrows(), zh.iterrows()):
            ratio = len(e["answer"]) / max(1, 2 * len(z["answer"]))
            if 1 / 3 <= ratio <= 3:
                out.append({"date": date, "en": first_sentence(e["answer"]), "zh": first_sentence(z["answer"])})
    return pd.DataFrame(out)


def kappa(a, b) -> float:
    a, b = np.asarray(a), np.asarray(b)
    labels = sorted(set(a) | set(b))
    po = float(np.mean(a == b))
    pe = sum(float(np.mean(a == c)) * float(np.mean(b == c)) for c in labels)
    return (po - pe) / (1 - pe) if pe < 1 else float("nan")


def day_bootstrap(p: pd.DataFrame, x: str, y: str, n_boot: int = 2000, seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    days = p["date"].unique()
    idx = {d: np.flatnonzero(p["date"].to_numpy() == d) for d in days}
    vals = []
    for _ in range(n_boot):
        take = np.concatenate([idx[d] for d in rng.choice(days, len(days))])
        vals.append(spearman(p[x].to_numpy()[take], p[y].to_numpy()[take]))
    return float(np.nanpercentile(vals, 2.5)), float(np.nanpercentile(vals, 97.5))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", nargs="?", default=str(DEFAULT))
    ap.add_argument("--scorers", default="lexicon,transformer")
    ap.add_argument("--out", default="")
    ap.add_argument("--days", choices=["all", "odd", "even"], default="all")
    a = ap.parse_args(argv)
    p = pairs(Path(a.csv))
    if a.days != "all":
        odd = p["date"].str[-2:].astype(int) % 2 == 1
        p = p[odd if a.days == "odd" else ~odd].reset_index(drop=True)
    print(f"{len(p)} pairs on {p['date'].nunique()} days")
    for name in a.scorers.split(","):
        sc = registry.get(name)
        en = sc.transform(p["en"].tolist(), ["en"] * len(p))
        zh = sc.transform(p["zh"].tolist(), ["zh"] * len(p))
        p[f"en_{name}_label"], p[f"zh_{name}_label"] = en["label"].to_numpy(), zh["label"].to_numpy()
        p[f"en_{name}_score"], p[f"zh_{name}_score"] = en["score"].to_numpy(), zh["score"].to_numpy()
        lo, hi = day_bootstrap(p, f"en_{name}_score", f"zh_{name}_score")
        print(f"{name:12s} kappa {kappa(p[f'en_{name}_label'], p[f'zh_{name}_label']):.3f}  "
              f"same label {np.mean(p[f'en_{name}_label'] == p[f'zh_{name}_label']):.3f}  "
              f"Spearman {spearman(p[f'en_{name}_score'], p[f'zh_{name}_score']):.3f} [{lo:.3f}, {hi:.3f}]")
    if a.out:
        p.to_csv(a.out, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
