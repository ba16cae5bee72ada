"""Token budgets for all-mpnet-base-v2 (4,096 and 16,384 padded tokens) and multilingual-e5-small
(bfloat16 autocast with batches of 32 against bfloat16 weights with a 4,096-token budget) on the same
real English sentences, interleaved, medians. docs/benchmarks.md.

    .venv/bin/python scripts/bench/encoder_budgets.py N REPEATS
"""
import statistics, sys, time
import numpy as np
ROOT = __import__('pathlib').Path(__file__).resolve().parents[2]; sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / 'scripts' / 'bench'))
from corpus_sentences import sentences
from analysis.scorers.transformer.encoders import Encoder
n = int(sys.argv[1]); reps = int(sys.argv[2])
texts = sentences(n, "en")
cfgs = {"mpnet bf16w-4096": ("all-mpnet-base-v2", dict(precision="bf16-weights", max_tokens=4096)),
        "mpnet bf16w-16384": ("all-mpnet-base-v2", dict(precision="bf16-weights", max_tokens=16384)),
        "e5 autocast-b32": ("multilingual-e5-small", dict(precision="bf16")),
        "e5 bf16w-4096": ("multilingual-e5-small", dict(precision="bf16-weights", max_tokens=4096))}
encs = {k: Encoder(m, **v) for k, (m, v) in cfgs.items()}
for e in encs.values(): e.encode(texts[:64])
times = {k: [] for k in encs}
for _ in range(reps):
    for k, e in encs.items():
        t0 = time.perf_counter(); e.encode(texts); times[k].append(time.perf_counter() - t0)
for k in encs:
    print(f"{k:20s} {n / statistics.median(times[k]):7.1f} sentences/s  runs {', '.join(f'{t:.1f}' for t in times[k])}", flush=True)
