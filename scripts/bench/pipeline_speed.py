"""End-to-end speed of the pipeline around the scorers (issue 18), against VADER, in one run.

    .venv/bin/python scripts/bench/pipeline_speed.py [--n 20000] [--repeats 3] [--work DIR]
        [--only e2e,transform,docs,memory] [--profile KIND]

Measured side by side (repeats interleaved, medians; wall clock and CPU time, since this machine is
shared with other jobs; `uptime`'s load is printed with every figure):

- e2e: `tenor score TABLE --scorers lexicon --out X.csv` as a new process (start-up, reading,
  segmentation, attribution, scoring and writing included) on a table (`id`, `text`) of n real
  English sentences (scripts/bench/corpus_sentences.py: MFA answers and White House briefing turns),
  against VADER's `polarity_scores` on the same sentences in this process (its loading not counted).
  Goal: the ratio at least 1x. Also `--rows statements` (one row, one statement).
- transform: the lexicon's `transform` alone on the same sentences against VADER. Goal: at least 5x.
- docs: a folder of documents (all White House readouts as .txt files and the CCTV day files):
  `analysis.extract.build.statements(folder)` in process (reading, layout, segmentation,
  attribution, dates, language, target), statements per second. Goal: 5,000/s or more. Also the
  whole `tenor score FOLDER --scorers lexicon` as a process.
- memory: `tenor score TABLE --store DIR --scorers lexicon` in a fresh process on the table of n
  sentences and on one of 4n (the sentences repeated with other ids): peak resident memory (VmHWM).
  Goal: flat in the corpus size.

--profile e2e|docs runs that command once under cProfile instead and prints the top functions.
Needs ../shared/corpora.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_sentences import SHARED, sentences  # noqa: E402

# runs `tenor` in this process and prints its peak resident memory last (VmHWM: this process's
# own peak; ru_maxrss of a child can carry over its parent's size)
CHILD = ("import sys; from analysis.cli import main; rc = main(sys.argv[1:]); "
         "print('VmHWM', next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')), "
         "file=sys.stderr); sys.exit(rc)")


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu_name() -> str:
    for ln in open("/proc/cpuinfo"):
        if ln.startswith("model name"):
            return ln.split(":", 1)[1].strip() + f" ({os.cpu_count()} cores)"
    return "unknown CPU"


def write_table(path: Path, texts: list[str], copies: int = 1) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        for c in range(copies):
            for i, t in enumerate(texts):
                w.writerow([f"s{c}-{i}", t])


def write_docs(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        return
    readouts = SHARED / "corpora/white_house_briefing_room_2021_2026/wh_readouts.jsonl"
    for i, line in enumerate(open(readouts, encoding="utf-8")):
        r = json.loads(line)
        (folder / f"wh{i:04d}.txt").write_text((r.get("title") or "") + "\n\n" + (r.get("text") or ""),
                                              encoding="utf-8")
    for p in sorted((SHARED / "corpora/cctv_xinwenlianbo_2022_2026/days").glob("*.md")):
        (folder / f"cctv{p.name}").write_bytes(p.read_bytes())


def tenor(args: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak kB) of `tenor ARGS` in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=ROOT, capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode:
        raise SystemExit(f"tenor {' '.join(args)} failed:\n{p.stderr[-3000:]}")
    peak = int(p.stderr.strip().splitlines()[-1].split()[1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak


def timed(fn) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def med(xs):
    return statistics.median(xs)


def report(name: str, n: int, walls: list, cpus: list, unit: str = "statements") -> tuple[float, float]:
    r_wall, r_cpu = n / med(walls), n / med(cpus)
    print(f"  {name}: {r_wall:,.0f} {unit}/s wall, {r_cpu:,.0f}/s CPU "
          f"(runs {', '.join(f'{w:.2f}s' for w in walls)}; {load()})", flush=True)
    return r_wall, r_cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "tenor-bench-pipeline")
    ap.add_argument("--only", default="e2e,transform,docs,memory")
    ap.add_argument("--profile", choices=["e2e", "statements", "docs", "store"])
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    texts = sentences(a.n, "en")
    table = a.work / f"en{a.n}.csv"
    write_table(table, texts)
    docs = a.work / "docs"
    write_docs(docs)
    out = a.work / "out.csv"
    if a.profile:
        import cProfile
        import pstats
        from analysis.cli import main as tenor_main
        args = {"e2e": ["score", str(table), "--scorers", "lexicon", "--out", str(out)],
                "statements": ["score", str(table), "--scorers", "lexicon", "--rows", "statements", "--out", str(out)],
                "docs": ["score", str(docs), "--scorers", "lexicon", "--out", str(out)],
                "store": ["score", str(table), "--scorers", "lexicon", "--store", str(a.work / "store-prof"),
                          "--overwrite", "--quiet"]}[a.profile]
        prof = cProfile.Profile()
        prof.runcall(tenor_main, args)
        st = pstats.Stats(prof)
        st.sort_stats("cumulative").print_stats(45)
        st.sort_stats("tottime").print_stats(35)
        return
    only = set(a.only.split(","))
    print(f"CPU: {cpu_name()}; {a.n:,} English sentences; repeats {a.repeats}; {load()}", flush=True)
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    vader = SentimentIntensityAnalyzer()
    vader_run = lambda: [vader.polarity_scores(x) for x in texts]   # noqa: E731
    if "e2e" in only or "transform" in only:
        from analysis.scorers import get
        lex = get("lexicon")
        lex.transform(texts[:50], ["en"] * 50)
        kinds = {"vader": lambda: timed(vader_run)}
        if "transform" in only:
            kinds["transform"] = lambda: timed(lambda: lex.transform(texts, ["en"] * len(texts)))
        if "e2e" in only:
            for rows in ("turns", "statements"):
                kinds[f"e2e_{rows}"] = (lambda rows=rows: tenor(
                    ["score", str(table), "--scorers", "lexicon", "--rows", rows, "--out", str(out)])[:2])
        times = {k: ([], []) for k in kinds}
        for _ in range(a.repeats):
            for k, fn in kinds.items():
                w, c = fn()
                times[k][0].append(w)
                times[k][1].append(c)
        print("side by side:")
        rates = {k: report(k, a.n, *v) for k, v in times.items()}
        v_wall, v_cpu = rates["vader"]
        for k in kinds:
            if k != "vader":
                goal = {"transform": "goal 5x"}.get(k, "goal 1x")
                print(f"  ratio {k} / VADER: {rates[k][0] / v_wall:.2f}x wall, {rates[k][1] / v_cpu:.2f}x CPU ({goal})")
    if "docs" in only:
        from analysis.extract.build import statements
        from analysis.speakers.registry import Registry
        registry = Registry.load()
        statements([docs / "wh0000.txt"], registry=registry)        # data files loaded before timing
        n_docs = sum(1 for _ in docs.iterdir())
        walls, cpus, n = [], [], 0
        e2e_w, e2e_c = [], []
        for _ in range(a.repeats):
            holder = {}
            w, c = timed(lambda: holder.update(r=statements([docs], registry=registry)))
            n = len(holder["r"].statements)
            walls.append(w)
            cpus.append(c)
            w, c, _ = tenor(["score", str(docs), "--scorers", "lexicon", "--out", str(out)])
            e2e_w.append(w)
            e2e_c.append(c)
        print(f"documents: {n_docs} files, {n:,} statements")
        report("segmentation + attribution (in process, goal 5,000/s)", n, walls, cpus)
        report("tenor score FOLDER --scorers lexicon (process)", n, e2e_w, e2e_c)
    if "memory" in only:
        big = a.work / f"en{a.n}x4.csv"
        write_table(big, texts, copies=4)
        print("peak memory, tenor score TABLE --store DIR --scorers lexicon (fresh process each):")
        for path, rows in ((table, a.n), (big, 4 * a.n)):
            store = a.work / f"store-{rows}"
            w, c, peak = tenor(["score", str(path), "--scorers", "lexicon", "--store", str(store),
                                "--overwrite", "--quiet"])
            print(f"  {rows:,} rows: peak {peak / 1024:.0f} MB, {rows / w:,.0f} rows/s wall, "
                  f"{rows / c:,.0f}/s CPU ({load()})", flush=True)


if __name__ == "__main__":
    main()
