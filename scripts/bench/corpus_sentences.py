"""Real sentences for benchmarks, read from ../shared/corpora (skips cleanly when absent)."""
from __future__ import annotations

import csv
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def sentences(n: int, lang: str = "en", seed: int = 7) -> list[str]:
    """n real sentences: MFA press-conference answers (en or zh) and, for English, White House
    briefing turns; split with Tenor's own segmenter."""
    sys.path.insert(0, str(ROOT))
    from analysis.extract.segment import split_sentences
    if not SHARED.exists():
        raise SystemExit(f"{SHARED} not found: benchmarks need ../shared/corpora beside the project")
    texts = []
    csv.field_size_limit(10**8)
    with open(SHARED / "corpora/mfa_presscon_en_zh_2016_2020/mfa_presscon_qa_en_zh.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["lang"] == lang:
                texts.append(row["answer"])
    if lang == "en":
        with gzip.open(SHARED / "corpora/white_house_briefing_room_2021_2026/wh_press_briefings_turns.jsonl.gz",
                       "rt", encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k > 40000:
                    break
                texts.append(json.loads(line)["text"])
    out = []
    for t in texts:
        for para in t.split("\n"):
            out.extend(para[a:b] for a, b in split_sentences(para) if b - a > 20)
    random.Random(seed).shuffle(out)
    if len(out) < n:
        raise SystemExit(f"only {len(out)} {lang} sentences available")
    return out[:n]
