"""Lexicon scorer speed against VADER on the same real sentences, in one run.

    .venv/bin/python scripts/bench/lexicon_speed.py [--n 20000] [--repeats 5]

Prints statements per second (median of the repeats, the two scorers interleaved) for Tenor's
lexicon (stance + sentiment + evidence, as `tenor score` produces) and for VADER's polarity_scores,
and their ratio. English: the same n sentences for both.
Chinese: the lexicon alone (VADER does not read Chinese).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_sentences import sentences  # noqa: E402


def rates(fns, items, repeats):
    """Run the functions in turn, repeats times (interleaved, so that a slow spell of the machine
    hits both); statements/s from the median time of each, and all the times."""
    times = [[] for _ in fns]
    for _ in range(repeats):
        for k, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn(items)
            times[k].append(time.perf_counter() - t0)
    return [(len(items) / statistics.median(t), t) for t in times]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.scorers import get
    en = sentences(args.n, "en")
    zh = sentences(min(args.n, 20000), "zh")
    lex = get("lexicon")
    lex.transform(en[:50], ["en"] * 50)     # load data files before timing
    lex.transform(zh[:50], ["zh"] * 50)
    vader = SentimentIntensityAnalyzer()
    (r_lex, t_lex), (r_vad, t_vad) = rates([lambda xs: lex.transform(xs, ["en"] * len(xs)),
                                            lambda xs: [vader.polarity_scores(x) for x in xs]],
                                           en, args.repeats)
    [(r_zh, t_zh)] = rates([lambda xs: lex.transform(xs, ["zh"] * len(xs))], zh, args.repeats)
    print(f"sentences: {len(en)} English, {len(zh)} Chinese; repeats: {args.repeats}")
    print(f"lexicon, English: {r_lex:,.0f} statements/s (runs: {', '.join(f'{t:.2f}s' for t in t_lex)})")
    print(f"VADER,   English: {r_vad:,.0f} statements/s (runs: {', '.join(f'{t:.2f}s' for t in t_vad)})")
    print(f"ratio lexicon/VADER (English): {r_lex / r_vad:.2f}x")
    print(f"lexicon, Chinese: {r_zh:,.0f} statements/s (runs: {', '.join(f'{t:.2f}s' for t in t_zh)})")


if __name__ == "__main__":
    main()
