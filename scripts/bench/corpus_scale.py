"""How the corpus runner's cost grows with the corpus: statements per second and peak memory on the
MFA press conferences (1,000 / 10,000 / all 12,536 answers), lexicon only and lexicon + transformer,
cold (a new store) and re-run (the same command again over the finished store), local engine and
Dask (a local cluster on the same machine).

    .venv/bin/python scripts/bench/corpus_scale.py [--corpus PATH] [--sizes 1000,10000,all]
        [--scorers lexicon lexicon,transformer] [--engines local,dask] [--repeats 1] [--out FILE.json]
        [--checkouts BASE,.]

--checkouts: run the same measurements with the code of each checkout (a folder holding `analysis/`),
alternating within each repeat (BASE, ., BASE, ., ...), so that two versions are timed side by side under
the same load; each row also gives the process's CPU time (user + system) and minor page faults.

Each measurement runs in a fresh process (tenor's corpus.run in it), so peak memory belongs to that
run alone: VmHWM of the process, and ru_maxrss of its children (the largest Dask worker; an upper
bound, since a child's ru_maxrss starts at its parent's size). The smaller sizes are
a seeded random sample of rows, kept in file order (the file's first rows are all Chinese 2016
pages; English answers are longer). Needs ../shared.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT.parent / "shared/corpora/mfa_presscon_en_zh_2016_2020/mfa_presscon_qa_en_zh.csv"


def one(table: str, store: str, scorers: str, engine: str, code: str = str(ROOT)) -> dict:
    sys.path.insert(0, str(Path(code).resolve()))
    from analysis.corpus import runner as corpus
    t = time.perf_counter()
    s = corpus.run(table, store, text_col="answer", speaker_col="spokesperson", id_col="row_id",
                   scorers=scorers.split(","), engine=engine, progress=False)
    wall = time.perf_counter() - t
    # VmHWM: this process's own peak (ru_maxrss would carry over the parent's size at fork)
    me = next(int(ln.split()[1]) for ln in open("/proc/self/status") if ln.startswith("VmHWM")) / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    me_use = resource.getrusage(resource.RUSAGE_SELF)
    return {"code": str(Path(corpus.__file__).resolve().parents[2]), "cpu_s": me_use.ru_utime + me_use.ru_stime, "minor_faults": me_use.ru_minflt, "seconds": wall, "statements": s["statements"], "rows": s["rows"], "chunks_run": s["chunks_run_now"],
            "peak_mb_process": round(me), "peak_mb_workers": round(kids)}


def measure(table, store, scorers, engine, code=str(ROOT)) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", table, store, scorers, engine, code],
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr[-2000:])
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert Path(got["code"]) == Path(code).resolve(), (got["code"], code)    # the checkout's code ran
    return got


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(one(*sys.argv[2:7])))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--sizes", default="1000,10000,all")
    ap.add_argument("--scorers", nargs="+", default=["lexicon", "lexicon,transformer"])
    ap.add_argument("--engines", default="local")
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--out", default=None)
    ap.add_argument("--checkouts", default=str(ROOT), help="comma-separated checkouts whose code runs "
                    "(default: this one); alternated within each repeat")
    ap.add_argument("--work", default=None, help="folder for the tables and stores (default: a new temporary one)")
    args = ap.parse_args()
    if not Path(args.corpus).exists():
        print(f"skipped: {args.corpus} not found (the MFA corpus lives in ../shared/corpora)")
        return
    import pandas as pd
    full = pd.read_csv(args.corpus, dtype=str, keep_default_na=False)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="tenor-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes.split(","):
        n = len(full) if size == "all" else int(size)
        table = Path(args.corpus) if n == len(full) else work / f"mfa_{n}.csv"
        if n != len(full):
            full.sample(n, random_state=0).sort_index().to_csv(table, index=False)
        codes = args.checkouts.split(",")
        for scorers in args.scorers:
            for engine in args.engines.split(","):
                cold, rerun = {c: [] for c in codes}, {c: [] for c in codes}
                for r in range(args.repeats):
                    for k, code in enumerate(codes):
                        store = work / f"store_{n}_{scorers.replace(',', '+')}_{engine}_{r}_{k}"
                        cold[code].append(measure(str(table), str(store), scorers, engine, code))
                        rerun[code].append(measure(str(table), str(store), scorers, engine, code))
                for code, kind, runs in [(c, kind, runs[c]) for c in codes for kind, runs in
                                         (("cold", cold), ("re-run", rerun))]:
                    secs = [x["seconds"] for x in runs]
                    row = {"checkout": code, "answers": n, "scorers": scorers, "engine": engine, "run": kind,
                           "statements": runs[0]["statements"], "median_s": statistics.median(secs),
                           "runs_s": [round(s, 1) for s in secs], "cpu_s": [round(x["cpu_s"], 1) for x in runs],
                           "minor_faults": [x["minor_faults"] for x in runs],
                           "statements_per_s": runs[0]["statements"] / statistics.median(secs),
                           "peak_mb_process": max(x["peak_mb_process"] for x in runs),
                           "peak_mb_workers": max(x["peak_mb_workers"] for x in runs)}
                    results.append(row)
                    print(json.dumps(row), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1) + "\n")
    print("\n| checkout | answers | scorers | engine | run | statements | median s | statements/s | CPU s (runs) | "
          "peak MB (process / workers) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['checkout']} | {r['answers']:,} | {r['scorers']} | {r['engine']} | {r['run']} | {r['statements']:,} | "
              f"{r['median_s']:.1f} | {r['statements_per_s']:,.0f} | {', '.join(map(str, r['cpu_s']))} | "
              f"{r['peak_mb_process']:,} / {r['peak_mb_workers']:,} |")


if __name__ == "__main__":
    main()
