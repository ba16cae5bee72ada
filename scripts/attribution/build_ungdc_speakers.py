"""Write analysis/data/speakers/ungdc_speakers.tsv from the UN General Debate Corpus's own speaker list.

    python scripts/attribution/build_ungdc_speakers.py ../shared/corpora/ungdc_1994_2024/Speakers_by_session.xlsx

The corpus (Jankin, Baturo & Dasandi, UNGDC; Harvard Dataverse doi:10.7910/DVN/0TJX8Y, CC0 1.0) names
each speech's file <ISO3>_<session>_<year>.txt and lists who gave it in Speakers_by_session.xlsx. Tenor
reads the table so that a speech given as the corpus distributes it, with no heading, is its speaker's
(analysis.speakers.ungdc.ungdc_author). Names are kept as the UN recorded them, runs of spaces made one.
"""
from __future__ import annotations

import sys
from pathlib import Path

import openpyxl

HEADER = """# Who gave each UN General Debate speech, by year and country (ISO 3166-1 alpha-3), as the UN
# General Debate Corpus lists it (Speakers_by_session.xlsx): the speaker of a speech file named
# <ISO3>_<session>_<year>.txt, as the corpus distributes them. Names and posts as the UN recorded them.
# Source: UNGDC, Jankin, Baturo & Dasandi, "Words to unite nations: The complete UN General Debate
#   Corpus, 1946-present", Journal of Peace Research; Harvard Dataverse doi:10.7910/DVN/0TJX8Y (table as
#   mirrored by github.com/SarahFranzen/Emotions_in_the_United_Nations_General_Debates at 3b277c4).
#   Written by scripts/attribution/build_ungdc_speakers.py.
# Licence: CC0 1.0 (Harvard Dataverse).
# Columns: year | iso3 | speaker | post
"""


def rows(path: Path):
    """(year, iso3, speaker, post) of every row with a speaker, in the table's order."""
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    for k, r in enumerate(sheet.iter_rows(values_only=True)):
        if k == 0 or not r or r[0] is None or not r[2] or not r[4]:
            continue
        clean = [" ".join(str(v or "").split()) for v in (r[0], r[2], r[4], r[5])]
        yield clean


def main(argv: list[str]) -> int:
    src = Path(argv[0])
    out = Path(__file__).resolve().parents[2] / "analysis" / "data" / "speakers" / "ungdc_speakers.tsv"
    lines = sorted({"\t".join(r) for r in rows(src)}, key=lambda l: (int(l.split("\t")[0]), l))
    out.write_text(HEADER + "year\tiso3\tspeaker\tpost\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
