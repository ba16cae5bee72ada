"""Seconds to attribute and to lexicon-score one page without sentence ends (a single line of
40,000 words, about 290,000 characters), with the Tenor code under ROOT. Compare two checkouts
(git archive <commit> analysis | tar -x -C /tmp/old) to see how the time grows with the length.

    .venv/bin/python scripts/bench/long_line.py ROOT
"""
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
from analysis.extract.build import document_statements  # noqa: E402
from analysis.scorers import get  # noqa: E402

random.seed(0)
words = ("china firmly opposes the sanctions and urges cooperation with mutual respect while expressing "
         "concern about tensions").split()
page = " ".join(random.choice(words) for _ in range(40000))
t = time.perf_counter()
rows = document_statements(page, "page")
attribution = time.perf_counter() - t
lexicon = get("lexicon")
t = time.perf_counter()
lexicon.transform([page], ["en"])
scoring = time.perf_counter() - t
print(f"{len(page):,} characters, {len(rows)} statement(s): attribution {attribution:.2f} s, "
      f"lexicon {scoring:.2f} s")
