"""Transformer scorer throughput against sentence-transformers' encode() with the same model, in
one run, and peak memory of each configuration in a fresh process.

    .venv/bin/python scripts/bench/transformer_speed.py [--n 5000] [--repeats 3] [--model NAME]
        [--kinds tenor-torch,tenor-onnx-int8,sentence-transformers] [--memory-only]

NAME: an encoder (multilingual-e5-small, all-MiniLM-L6-v2, all-mpnet-base-v2) with its own head, or
`default`: the per-language default head, on English sentences (multilingual-e5-small and
all-mpnet-base-v2 concatenated), against sentence-transformers with all-mpnet-base-v2.
Sentences: n real sentences (half English, half Chinese MFA answers for multilingual-e5-small;
English only for the English-only encoders and `default`). Tenor: the full scorer (encode + heads),
cache off; torch with the encoders' default settings (precision="auto": on a bfloat16 CPU, for
all-MiniLM-L6-v2, all-mpnet-base-v2 and every encoder of the per-language head, bfloat16 weights
and batches of up to 4,096 tokens; else bfloat16 autocast or fp32, batches of 32), `tenor-torch-b32` (bfloat16 autocast, batches of 32),
`tenor-torch-fp32` (float32, batches of 32) and ONNX Runtime int8. Peer:
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
PEER = {"default": "all-mpnet-base-v2"}     # the per-language head's English path against mpnet alone


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
        name, path = resolve(PEER.get(model, model))
        st = SentenceTransformer(str(path), device="cpu")
        prefix = "query: " if "e5" in name else ""
        return lambda texts, langs: st.encode([prefix + t for t in texts], batch_size=32)
    from analysis.scorers.transformer.scorer import TransformerScorer, default_head_path
    model = None if model == "default" else model
    head = default_head_path(model)
    if not head.exists():
        from analysis.scorers.transformer.scorer import train
        train(model=model, out=head)
    scorer = TransformerScorer.load(head, model=model, cache=False)
    from analysis.scorers.transformer.encoders import Encoder, cpu_precision
    for key in dict.fromkeys(k for ks in scorer.plan_.values() for k in ks):
        if kind == "tenor-onnx-int8":
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--models", "--model", default="multilingual-e5-small,all-MiniLM-L6-v2",
                    help="comma-separated encoder names, or default (the per-language head's English "
                         "path); default: multilingual-e5-small,all-MiniLM-L6-v2")
    ap.add_argument("--kinds", default="tenor-torch,tenor-onnx-int8,sentence-transformers",
                    help="configurations, comma-separated, among tenor-torch, tenor-torch-b32, "
                         "tenor-torch-fp32, tenor-onnx-int8, sentence-transformers (the peer; ratios need it)")
    ap.add_argument("--memory-only", action="store_true", help="only the peak-memory runs")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return one(*args.child)
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
        times = {k: [] for k in kinds}
        for _ in range(args.repeats):
            for k, fn in fns.items():
                t0 = time.perf_counter()
                fn(texts, langs)
                times[k].append(time.perf_counter() - t0)
        del fns
        mem = {}
        for k in kinds:
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
                  f"peak RSS {mem[k]:,.0f} MB  runs: {', '.join(f'{t:.1f}s' for t in times[k])}")
            if peer:
                print(f"  {'':22s} round by round: "
                      + ", ".join(f"{p / t:.2f}x" for p, t in zip(peer, times[k])))


if __name__ == "__main__":
    main()
