"""Fuzz the segmenter and attributor with real corpus text and seeded random damage.

    .venv/bin/python scripts/fuzz/fuzz_documents.py [--examples 3000] [--seed 0]

Documents are built from real MFA press-conference answers (English and Chinese) and White House
readouts in ../shared/corpora, then damaged at random: spans deleted or duplicated, quotation marks,
line breaks, blank lines, transcript labels, control characters and random Unicode inserted.
For every damaged document: no exception; every non-space character is in exactly one statement
or is a transcript label; offsets point at the statement's text; a second run gives the same
rows. Prints the number of documents, characters and statements checked, and any failure.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
WS = re.compile(r"\s+")
INSERTS = ["“", "”", '"', "「", "」", "\n", "\n\n", "\r\n", "Q: ", "MR. PRICE: ", "赵立坚：", "问：", "\x0b",
           "\u3000", "…", ". ", "。", "(", "）", "\ufeff", "—", "he said.", "他表示，", "The two sides agreed"]


def corpus_texts(n: int, rng: random.Random) -> list[str]:
    csv.field_size_limit(10**8)
    texts = []
    with open(SHARED / "corpora/mfa_presscon_en_zh_2016_2020/mfa_presscon_qa_en_zh.csv", encoding="utf-8") as fh:
        texts += [r["answer"] for r in csv.DictReader(fh) if r["answer"].strip()]
    with open(SHARED / "corpora/white_house_briefing_room_2021_2026/wh_readouts.jsonl", encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh]
    rng.shuffle(texts)
    return texts[:n]


def damage(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 8)):
        if not text:
            break
        i = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.25:
            text = text[:i] + text[i + rng.randint(1, 40):]
        elif op < 0.35:
            j = min(len(text), i + rng.randint(1, 80))
            text = text[:j] + text[i:j] + text[j:]
        elif op < 0.85:
            text = text[:i] + rng.choice(INSERTS) + text[i:]
        else:
            text = text[:i] + "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(1, 5))) + text[i:]
    return text


def check(text: str) -> int:
    from analysis.extract.build import document_statements
    rows = document_statements(text, "fuzz")
    covered = [0] * len(text)
    for r in rows:
        for k in range(r["start"], r["end"]):
            covered[k] += 1
        assert WS.sub("", text[r["start"]:r["end"]]) == WS.sub("", r["text"]), "offsets"
    assert max(covered, default=0) <= 1, "a character in two statements"
    missing = WS.sub("", "".join(c for c, k in zip(text, covered) if not k))
    assert missing == WS.sub("", "".join(r["label"] for r in rows)), f"lost text: {missing[:60]!r}"
    assert rows == document_statements(text, "fuzz"), "not deterministic"
    return len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"{SHARED} not found: the fuzzer reads real text from ../shared/corpora")
    rng = random.Random(args.seed)
    sources = corpus_texts(2000, rng)
    t0 = time.perf_counter()
    n_chars = n_rows = 0
    failures = []
    for k in range(args.examples):
        parts = [rng.choice(sources) for _ in range(rng.randint(1, 3))]
        doc = damage(rng.choice(["\n\n", "\n", " "]).join(parts), rng)
        try:
            n_rows += check(doc)
        except Exception as e:  # noqa: BLE001 - every failure is reported
            failures.append((k, type(e).__name__, str(e)[:120]))
        n_chars += len(doc)
    dt = time.perf_counter() - t0
    print(f"documents: {args.examples}, characters: {n_chars:,}, statements: {n_rows:,}, "
          f"seconds: {dt:.0f}, failures: {len(failures)}")
    for f in failures[:20]:
        print("  failure", *f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
