"""The encoders with and without freed memory kept in glibc's heap (`encoders.keep_freed_memory`,
TENOR_KEEP_FREED_MEMORY=0 turns it off), side by side: fresh processes alternating off / on, each
encoding real MFA statements (multilingual-e5-small on Chinese, then all-mpnet-base-v2 on English, each
after a warm-up of 100) and printing the timed call's CPU seconds and minor page faults.

    PYTHONPATH=. .venv/bin/python scripts/bench/encoder_memory.py [--rounds 3] [--threads 1] [--zh 600] [--en 300]

Needs ../shared/corpora (the statements come from the MFA table, split into sentences by
corpus_sentences.sentences).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def one(threads: int, zh: int, en: int) -> dict:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import torch
    from corpus_sentences import sentences

    from analysis.scorers.transformer.encoders import Encoder, keep_freed_memory
    torch.set_num_threads(threads)
    out = {"kept": None}
    for key, lang, n in (("multilingual-e5-small", "zh", zh), ("all-mpnet-base-v2", "en", en)):
        texts = sentences(n + 100, lang, seed=7)
        enc = Encoder(key, precision="bf16-weights", max_tokens=4096)
        enc.encode(texts[:100])
        faults, cpu = resource.getrusage(resource.RUSAGE_SELF).ru_minflt, time.process_time()
        enc.encode(texts[100:])
        out[key] = {"cpu_s": round(time.process_time() - cpu, 2),
                    "minor_faults": resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults}
    out["kept"] = keep_freed_memory()
    return out


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(one(*map(int, sys.argv[2:5]))))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--zh", type=int, default=600)
    ap.add_argument("--en", type=int, default=300)
    a = ap.parse_args()
    if not (ROOT.parent / "shared" / "corpora").exists():
        print("skipped: ../shared/corpora not found")
        return
    print("| round | setting | e5, Chinese: CPU s (minor faults) | mpnet, English: CPU s (minor faults) |")
    print("|---|---|---|---|")
    for r in range(1, a.rounds + 1):
        for flag, name in (("0", "glibc default"), ("1", "freed memory kept")):
            env = {**os.environ, "TENOR_KEEP_FREED_MEMORY": flag}
            run = subprocess.run([sys.executable, __file__, "--one", str(a.threads), str(a.zh), str(a.en)],
                                 env=env, capture_output=True, text=True)
            if run.returncode:
                raise SystemExit(run.stderr[-2000:])
            x = json.loads(run.stdout.strip().splitlines()[-1])
            e5, mp = x["multilingual-e5-small"], x["all-mpnet-base-v2"]
            print(f"| {r} | {name}{'' if x['kept'] == (flag == '1') else ' (setting not applied)'} | "
                  f"{e5['cpu_s']} ({e5['minor_faults']:,}) | {mp['cpu_s']} ({mp['minor_faults']:,}) |", flush=True)


if __name__ == "__main__":
    main()
