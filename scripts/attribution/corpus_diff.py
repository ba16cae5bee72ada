"""Speakers of every sentence of 600 MFA press-conference answers (with their page titles and dates)
and 150 White House readouts, as attributed by the Tenor code under ROOT, one line per sentence:
`source index section speaker text[:50]`. Run it for two checkouts and diff the outputs to see
what a change to attribution moves on real text. Needs ../shared/corpora.

    git archive <commit> analysis | tar -x -C /tmp/old      # the code before a change
    .venv/bin/python scripts/attribution/corpus_diff.py /tmp/old > /tmp/old.txt
    .venv/bin/python scripts/attribution/corpus_diff.py . > /tmp/new.txt
    diff /tmp/old.txt /tmp/new.txt | grep -c '^>'            # sentences whose line changed
"""
import csv
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
try:
    from analysis.ingest.discover import Meta  # noqa: E402  (the checkout's own code)
    from analysis.extract.build import document_statements  # noqa: E402
except ImportError:                            # a checkout before the stage packages
    from analysis.documents import Meta  # noqa: E402
    from analysis.pipeline import document_statements  # noqa: E402

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
csv.field_size_limit(10**9)
rows = list(csv.DictReader(open(CORPORA / "mfa_presscon_en_zh_2016_2020" / "mfa_presscon_qa_en_zh.csv",
                                encoding="utf-8")))
random.seed(1)
for i, r in enumerate(random.sample(rows, 600)):
    for s in document_statements(r["answer"], f"m{i}", Meta(title=r["title"], date=r["date"])):
        print("mfa", i, s["section"], s["speaker"], s["text"][:50].replace("\n", " "))
readouts = [json.loads(line) for line in open(CORPORA / "white_house_briefing_room_2021_2026" / "wh_readouts.jsonl",
                                               encoding="utf-8")]
random.seed(2)
for i, r in enumerate(random.sample(readouts, 150)):
    for s in document_statements(r.get("text") or "", f"w{i}", Meta(date=(r.get("date") or "")[:10] or None)):
        print("wh", i, s["section"], s["speaker"], s["text"][:50].replace("\n", " "))
