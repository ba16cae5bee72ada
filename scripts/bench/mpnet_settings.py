"""all-mpnet-base-v2 encoder settings side by side on real English sentences (float32, bfloat16
autocast, bfloat16 weights, with and without a 4,096-token batch budget), interleaved, medians, with
the cosine of each embedding to float32. docs/benchmarks.md.

    .venv/bin/python scripts/bench/mpnet_settings.py N REPEATS
"""
import statistics
import sys
import time

import numpy as np

ROOT = __import__('pathlib').Path(__file__).resolve().parents[2]; sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / 'scripts' / 'bench'))
from corpus_sentences import sentences  # noqa: E402
from analysis.scorers.transformer.encoders import Encoder  # noqa: E402

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 2
texts = sentences(n, "en")
cfgs = {"fp32-b32": dict(precision="fp32"), "bf16-autocast-b32": dict(precision="bf16"),
        "bf16-weights-b32": dict(precision="bf16-weights"),
        "bf16-weights-4096": dict(precision="bf16-weights", max_tokens=4096)}
encs = {k: Encoder("all-mpnet-base-v2", **v) for k, v in cfgs.items()}
X = {}
for k, e in encs.items():
    e.encode(texts[:64])
times = {k: [] for k in encs}
for _ in range(reps):
    for k, e in encs.items():
        t0 = time.perf_counter()
        X[k] = e.encode(texts)
        times[k].append(time.perf_counter() - t0)
for k in encs:
    cos = (X[k] * X["fp32-b32"]).sum(1)
    print(f"{k:20s} {n / statistics.median(times[k]):7.1f} sentences/s  runs {', '.join(f'{t:.1f}' for t in times[k])}  "
          f"cos to fp32 min {cos.min():.5f} mean {cos.mean():.6f}", flush=True)
