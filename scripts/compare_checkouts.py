"""Compare what two checkouts of Tenor print, byte for byte: `tenor score` (both scorers) on the
seeds, every attribution fixture folder, every gold stance statement, 600 MFA answers (as a table
of turns) and 150 White House readouts, and `tenor evaluate speakers` on every speaker gold file.
For refactors and speed work, whose outputs must not move. Needs ../shared/corpora for the MFA and
readout samples (left out with a note when absent).

    git worktree add /tmp/old <commit>          # or: git archive <commit> | tar -x -C /tmp/old
    .venv/bin/python scripts/compare_checkouts.py /tmp/old .   [--work /tmp/cmp] [--scorers all]

Each checkout is run with its own code (PYTHONPATH) and this interpreter; exit 1 when any output
differs, listing which.
"""
from __future__ import annotations

import argparse
import csv
import filecmp
import json
import os
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def inputs(work: Path, shared: Path) -> list[tuple[str, list[str]]]:
    """(name, tenor arguments) of every run; builds the sampled tables under `work`."""
    fixtures = HERE / "tests" / "fixtures" / "attribution"
    runs = [("seeds", ["score", str(HERE / "seeds")])]
    for d in sorted(p for p in fixtures.iterdir() if p.is_dir()):
        runs.append((f"fixture_{d.name}", ["score", str(d)]))
    gold = HERE / "analysis" / "data" / "gold" / "tenor_gold.jsonl"
    runs.append(("gold_statements", ["score", str(gold), "--rows", "statements", "--speaker-col", "speaker"]))
    corpora = shared / "corpora"
    mfa = corpora / "mfa_presscon_en_zh_2016_2020" / "mfa_presscon_qa_en_zh.csv"
    if mfa.exists():
        csv.field_size_limit(10**9)
        rows = list(csv.DictReader(open(mfa, encoding="utf-8")))
        sample = random.Random(1).sample(rows, 600)
        path = work / "mfa600.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(sample)
        runs.append(("mfa600", ["score", str(path), "--text-col", "answer", "--speaker-col", "spokesperson",
                                "--id-col", "row_id"]))
    readouts = corpora / "white_house_briefing_room_2021_2026" / "wh_readouts.jsonl"
    if readouts.exists():
        recs = [json.loads(x) for x in open(readouts, encoding="utf-8")]
        folder = work / "readouts150"
        folder.mkdir(exist_ok=True)
        for i, r in enumerate(random.Random(2).sample(recs, 150)):
            (folder / f"w{i:03d}.txt").write_text((r.get("title") or "") + "\n\n" + (r.get("text") or ""),
                                                 encoding="utf-8")
        runs.append(("readouts150", ["score", str(folder)]))
    if not mfa.exists() or not readouts.exists():
        print(f"note: {corpora} not found: MFA and readout samples left out", file=sys.stderr)
    for g in [HERE / "tests" / "gold" / "seeds_speakers.tsv"] + sorted(fixtures.glob("*/gold_speakers.tsv")):
        docs = ["--docs", str(HERE / "seeds")] if g.parent.name == "gold" else []
        runs.append((f"speakers_{g.parent.name}", ["evaluate", "speakers", str(g)] + docs))
    return runs


def run(checkout: Path, name: str, args: list[str], out: Path, scorers: str) -> Path:
    target = out / f"{name}.out"
    cmd = [sys.executable, "-m", "analysis"] + args
    if args[0] == "score":
        cmd += ["--out", str(out / f"{name}.csv"), "--scorers", scorers]
    env = dict(os.environ, PYTHONPATH=str(checkout.resolve()))
    p = subprocess.run(cmd, env=env, cwd=checkout, capture_output=True, text=True)
    err = "\n".join(ln for ln in p.stderr.replace("\r", "\n").splitlines() if "%|" not in ln and ln.strip())
    text = f"exit {p.returncode}\n{p.stdout}\n--stderr--\n{err}\n".replace(str(out), "<OUT>")   # progress bars vary
    target.write_text(text, encoding="utf-8")
    return target


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--work", type=Path, default=Path("/tmp/tenor-compare"))
    ap.add_argument("--shared", type=Path, default=HERE.parent / "shared")
    ap.add_argument("--scorers", default="all")
    ap.add_argument("--keep-old", action="store_true",
                    help="reuse the old checkout's outputs already in --work (a reference run once, many new runs)")
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    runs = inputs(a.work, a.shared)
    differ = []
    for name, args in runs:
        outs = []
        for side, checkout in (("old", a.old), ("new", a.new)):
            d = a.work / side
            d.mkdir(exist_ok=True)
            if side == "old" and a.keep_old and (d / f"{name}.out").exists():
                outs.append((d / f"{name}.out", d / f"{name}.csv"))
                continue
            outs.append((run(checkout, name, args, d, a.scorers), d / f"{name}.csv"))
        same = filecmp.cmp(outs[0][0], outs[1][0], shallow=False)
        if outs[0][1].exists() or outs[1][1].exists():
            same = same and outs[0][1].exists() and outs[1][1].exists() and \
                filecmp.cmp(outs[0][1], outs[1][1], shallow=False)
        rows = sum(1 for _ in open(outs[1][1], encoding="utf-8")) - 1 if outs[1][1].exists() else 0
        print(f"{'same' if same else 'DIFFERENT':9} {name}" + (f" ({rows} statements)" if rows else ""))
        if not same:
            differ.append(name)
    print(f"{len(runs) - len(differ)} of {len(runs)} outputs identical" + (f"; differ: {', '.join(differ)}" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
