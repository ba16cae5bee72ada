"""Transformer scorer throughput against sentence-transformers' encode() with the same model, in
one run, and peak memory of each configuration in a fresh process.

    .venv/bin/python scripts/bench/transformer_speed.py [--n 5000] [--repeats 3] [--model NAME]
        [--kinds tenor-torch,tenor-torch-prev,tenor-onnx-int8,sentence-transformers] [--memory-only | --no-memory]

    .venv/bin/python scripts/bench/transformer_speed.py --latency 200 [--model default]

NAME: an encoder (multilingual-e5-small, all-MiniLM-L6-v2, all-mpnet-base-v2) with its own head, or
`default`: the shipped per-language head, on English sentences, against sentence-transformers
running the same encoders as the head's English path, one after the other.
--latency N: one statement at a time through the Python API as a user calls it, warm (the scorer
built with `TransformerScorer.ready()`, result cache on, as by default; each statement new to
the cache): N English and N Chinese statements, median and 90th percentile in milliseconds.
Sentences: n real sentences (half English, half Chinese MFA answers for multilingual-e5-small;
English only for the English-only encoders and `default`). Tenor: the full scorer (encode + heads),
cache off; torch with the encoders' default settings (precision="auto": on a bfloat16 CPU, for
all-MiniLM-L6-v2, all-mpnet-base-v2 and every encoder of the per-language head, bfloat16 weights
and batches of up to 4,096 tokens; else bfloat16 autocast or fp32, batches of 32), `tenor-torch-b32` (bfloat16 autocast, batches of 32),
`tenor-torch-fp32` (float32, batches of 32), `tenor-torch-prev` (as tenor-torch, with the
encoders' batching before 2026-12-07: each batch tokenized on its own, packed by character count)
and ONNX Runtime int8. Peer:
SentenceTransformer(model folder).encode(texts, batch_size=32) on the CPU (it sorts by length too).
Repeats interleaved; medians reported.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


ENGLISH_ONLY = ("all-MiniLM-L6-v2", "all-mpnet-base-v2", "default")


def peer_encoders(model: str) -> list:
    """The encoders sentence-transformers runs for a comparison with the same encoders: for
    `default`, every encoder of the shipped per-language head's English path, one after the other."""
    if model != "default":
        return [model]
    from analysis.scorers.transformer.heads import encoder_info, plan_of, read_head
    from analysis.scorers.transformer.scorer import default_head_path
    heads, card = read_head(default_head_path())
    return [encoder_info(card)[k]["name"] for k in plan_of(card, heads)["en"]]


def texts_for(model: str, n: int) -> tuple[list, list]:
    from corpus_sentences import sentences
    if model in ENGLISH_ONLY:
        return sentences(n, "en"), ["en"] * n
    en, zh = sentences(n // 2, "en"), sentences(n - n // 2, "zh")
    return en + zh, ["en"] * len(en) + ["zh"] * len(zh)


def runner(kind: str, model: str):
    """A function texts, langs -> None doing the work of one configuration."""
    if kind == "sentence-transformers":
        from sentence_transformers import SentenceTransformer

        from analysis.scorers.transformer.encoders import resolve
        peers = []
        for name in peer_encoders(model):
            name, path = resolve(name)
            peers.append((SentenceTransformer(str(path), device="cpu"), "query: " if "e5" in name else ""))
        return lambda texts, langs: [st.encode([prefix + t for t in texts], batch_size=32) for st, prefix in peers]
    from analysis.scorers.transformer.scorer import TransformerScorer, default_head_path
    model = None if model == "default" else model
    head = default_head_path(model)
    if not head.exists():
        from analysis.scorers.transformer.scorer import train
        train(model=model, out=head)
    scorer = TransformerScorer.load(head, model=model, cache=False)
    from analysis.scorers.transformer.encoders import Encoder, cpu_precision
    for key in dict.fromkeys(k for ks in scorer.plan_.values() for k in ks):
        if kind == "tenor-torch-prev":
            enc = Encoder(key, **scorer.settings_.get(key, {}))
            enc.encode = previous_encode.__get__(enc)
        elif kind == "tenor-onnx-int8":
            enc = Encoder(key, runtime="onnx-int8")
        elif kind == "tenor-torch-b32":
            enc = Encoder(key, precision=cpu_precision(), max_tokens=0)
        elif kind == "tenor-torch-fp32":
            enc = Encoder(key, precision="fp32")
        else:                       # as the scorer runs it: a per-language head's card says how
            enc = Encoder(key, **scorer.settings_.get(key, {}))
        scorer.encoders_[key] = enc
        print(f"# {kind} {enc.name}: precision {enc.precision}, batch_size {enc.batch_size}, "
              f"max_tokens {enc.max_tokens}", file=sys.stderr)
    return lambda texts, langs: scorer.transform(texts, langs, use_cache=False)


def previous_encode(enc, texts: list, progress: bool = False):
    """The encoders' path before 2026-12-07 (each batch tokenized on its own, texts ordered and
    packed by character count: 4 characters a token), kept for a side-by-side measurement."""
    import numpy as np
    import torch
    texts = [enc.prefix + (t or "") for t in texts]
    out = np.zeros((len(texts), enc.dim), dtype=np.float32)
    order = np.argsort([len(t) for t in texts], kind="stable")
    batches, k = [], 0
    while k < len(order):
        j = min(len(order), k + enc.batch_size)
        while j < len(order) and enc.max_tokens and \
                (j + 1 - k) * min(enc.max_length, len(texts[order[j]]) // 4 + 2) <= enc.max_tokens:
            j += 1
        batches.append(order[k:j])
        k = j
    with torch.inference_mode():
        for idx in batches:
            b = enc.tokenizer([texts[i] for i in idx], padding=True, truncation=True,
                              max_length=enc.max_length, return_tensors="pt")
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=enc.precision == "bf16"):
                h = enc.model(**b).last_hidden_state.float()
            m = b["attention_mask"].unsqueeze(-1).float()
            out[idx] = torch.nn.functional.normalize((h * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=1).numpy()
    return out


def one(kind: str, model: str, data: str) -> None:
    """Child process: run one configuration once on the texts in the JSON file `data`, print its
    time and peak memory (so that reading the corpora does not count) as JSON."""
    texts, langs = json.loads(Path(data).read_text("utf-8"))
    fn = runner(kind, model)
    fn(texts[:64], langs[:64])
    t0 = time.perf_counter()
    fn(texts, langs)
    dt = time.perf_counter() - t0
    print(json.dumps({"seconds": dt, "peak_rss_mb": peak_rss_mb()}))


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM). Not ru_maxrss: Linux carries it over from
    the parent across fork and exec, so a child would report at least its parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latency(model: str, n: int) -> None:
    """Warm one-statement calls through the Python API (TransformerScorer.ready().transform)."""
    import os
    import tempfile

    from analysis.config import models_dir
    models = models_dir()
    tmp = Path(tempfile.mkdtemp(prefix="tenor-latency-"))     # an empty result cache: every statement
    (tmp / "models").symlink_to(models, target_is_directory=True)     # is new; the same model folders
    os.environ["TENOR_CACHE"] = str(tmp)
    from corpus_sentences import sentences

    from analysis.scorers.transformer.scorer import TransformerScorer
    scorer = TransformerScorer.ready(model=None if model == "default" else model)
    for lang in ("en", "zh"):
        texts = sentences(n + 5, lang, seed=11)
        for t in texts[:5]:                                        # warm: encoders loaded, first calls
            scorer.transform([t], [lang])
        ms = []
        for t in texts[5:]:
            t0 = time.perf_counter()
            scorer.transform([t], [lang])
            ms.append((time.perf_counter() - t0) * 1000)
        ms.sort()
        print(f"{model} {lang}: one statement, warm, {n} statements: median {statistics.median(ms):.1f} ms, "
              f"90th percentile {ms[int(0.9 * len(ms))]:.1f} ms, max {ms[-1]:.1f} ms")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--models", "--model", default="multilingual-e5-small,all-MiniLM-L6-v2",
                    help="comma-separated encoder names, or default (the per-language head's English "
                         "path); default: multilingual-e5-small,all-MiniLM-L6-v2")
    ap.add_argument("--kinds", default="tenor-torch,tenor-onnx-int8,sentence-transformers",
                    help="configurations, comma-separated, among tenor-torch, tenor-torch-prev (the encoders' "
                         "previous batching), tenor-torch-b32, tenor-torch-fp32, tenor-onnx-int8, "
                         "sentence-transformers (the peer; ratios need it)")
    ap.add_argument("--memory-only", action="store_true", help="only the peak-memory runs")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    ap.add_argument("--latency", type=int, default=0, help="warm one-statement calls (N per language)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return one(*args.child)
    if args.latency:
        return latency(args.models, args.latency)
    kinds = args.kinds.split(",")
    for model in args.models.split(","):
        texts, langs = texts_for(model, args.n)
        import tempfile
        data = Path(tempfile.mkdtemp()) / "texts.json"
        data.write_text(json.dumps([texts, langs], ensure_ascii=False), "utf-8")
        if args.memory_only:
            for k in kinds:
                r = subprocess.run([sys.executable, __file__, "--child", k, model, str(data)],
                                   capture_output=True, text=True, check=True)
                m = json.loads(r.stdout.strip().splitlines()[-1])
                print(f"{model} {k:22s} peak RSS {m['peak_rss_mb']:,.0f} MB ({args.n / m['seconds']:.1f} statements/s, one run)")
            shutil.rmtree(data.parent, ignore_errors=True)
            continue
        fns = {k: runner(k, model) for k in kinds}
        for k, fn in fns.items():
            fn(texts[:64], langs[:64])   # warm up (and build the ONNX model once)
        times, cpu = {k: [] for k in kinds}, {k: [] for k in kinds}
        for _ in range(args.repeats):
            for k, fn in fns.items():
                t0, c0 = time.perf_counter(), time.process_time()
                fn(texts, langs)
                times[k].append(time.perf_counter() - t0)
                cpu[k].append(time.process_time() - c0)
        del fns
        mem = {}
        for k in ([] if args.no_memory else kinds):
            r = subprocess.run([sys.executable, __file__, "--child", k, model, str(data)],
                               capture_output=True, text=True, check=True)
            mem[k] = json.loads(r.stdout.strip().splitlines()[-1])["peak_rss_mb"]
        shutil.rmtree(data.parent, ignore_errors=True)
        peer = times.get("sentence-transformers")
        base = args.n / statistics.median(peer) if peer else float("nan")
        print(f"\n{model}: {args.n} sentences, {args.repeats} interleaved repeats")
        for k in kinds:
            rate = args.n / statistics.median(times[k])
            print(f"  {k:22s} {rate:8.1f} statements/s  ({rate / base:.2f}x sentence-transformers)  "
                  f"peak RSS {mem.get(k, float('nan')):,.0f} MB  runs: {', '.join(f'{t:.1f}s' for t in times[k])}; "
                  f"CPU time {', '.join(f'{t:.1f}s' for t in cpu[k])}"
                  + (f" ({statistics.median(cpu['sentence-transformers']) / statistics.median(cpu[k]):.2f}x "
                     "by CPU time)" if peer else ""))
            if peer:
                print(f"  {'':22s} round by round: "
                      + ", ".join(f"{p / t:.2f}x" for p, t in zip(peer, times[k])))


if __name__ == "__main__":
    main()
