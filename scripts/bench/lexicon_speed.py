"""Lexicon scorer speed against VADER on the same real sentences, in one run.

    .venv/bin/python scripts/bench/lexicon_speed.py [--n 20000] [--repeats 5]

Prints statements per second (median of the repeats, the two scorers interleaved) for Tenor's
lexicon (stance + sentiment + evidence, as `tenor score` produces) and for VADER's polarity_scores,
and their ratio. English: the same n sentences for both.
Chinese: the lexicon alone (VADER does not read Chinese).

Both wall-clock time and the CPU time of this process are measured: on a machine shared with other
jobs the wall clock also counts the time other processes held the CPU, so the CPU-time ratio is the
steadier comparison of the work each scorer does.
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
    hits both); statements/s from the median wall-clock and the median CPU time of each, and all
    the wall-clock times."""
    wall = [[] for _ in fns]
    cpu = [[] for _ in fns]
    for _ in range(repeats):
        for k, fn in enumerate(fns):
            t0, c0 = time.perf_counter(), time.process_time()
            fn(items)
            wall[k].append(time.perf_counter() - t0)
            cpu[k].append(time.process_time() - c0)
    return [(len(items) / statistics.median(w), len(items) / statistics.median(c), w)
            for w, c in zip(wall, cpu)]


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
    (r_lex, c_lex, t_lex), (r_vad, c_vad, t_vad) = rates(
        [lambda xs: lex.transform(xs, ["en"] * len(xs)),
         lambda xs: [vader.polarity_scores(x) for x in xs]], en, args.repeats)
    [(r_zh, c_zh, t_zh)] = rates([lambda xs: lex.transform(xs, ["zh"] * len(xs))], zh, args.repeats)
    print(f"sentences: {len(en)} English, {len(zh)} Chinese; repeats: {args.repeats}")
    print(f"lexicon, English: {r_lex:,.0f} statements/s wall, {c_lex:,.0f}/s CPU "
          f"(wall runs: {', '.join(f'{t:.2f}s' for t in t_lex)})")
    print(f"VADER,   English: {r_vad:,.0f} statements/s wall, {c_vad:,.0f}/s CPU "
          f"(wall runs: {', '.join(f'{t:.2f}s' for t in t_vad)})")
    print(f"ratio lexicon/VADER (English): {r_lex / r_vad:.2f}x wall, {c_lex / c_vad:.2f}x CPU")
    print(f"lexicon, Chinese: {r_zh:,.0f} statements/s wall, {c_zh:,.0f}/s CPU "
          f"(wall runs: {', '.join(f'{t:.2f}s' for t in t_zh)})")


if __name__ == "__main__":
    main()
