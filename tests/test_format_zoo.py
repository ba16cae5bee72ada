"""The format zoo (tests/fixtures/zoo): one short real excerpt per layout that Tenor reads without a
manifest (a saved page with a metadata header, Markdown, a day's news file, White House and MFA
transcripts as the sites print them, UN speeches with their headings, a Xi speech page, YAML front
matter), each statement's expected speaker and section from the annotation guidelines."""
from pathlib import Path

import pytest

from analysis import statements

ZOO = Path(__file__).parent / "fixtures" / "zoo"


def _expected():
    rows = [ln.split("\t") for ln in (ZOO / "expected.tsv").read_text("utf-8").splitlines()
            if ln and not ln.startswith("#")]
    return [tuple(r) for r in rows[1:]]


@pytest.fixture(scope="module")
def found():
    out = {}
    for f in sorted({r[0] for r in _expected()}):
        out[f] = statements([str(ZOO / f)]).statements
    return out


@pytest.mark.parametrize("file,starts,section,speaker", _expected(),
                         ids=[f"{r[0]}:{r[1][:12]}" for r in _expected()])
def test_zoo(found, file, starts, section, speaker):
    df = found[file]
    hits = df[df.text.str.startswith(starts)]
    assert len(hits) == 1, f"{len(hits)} statements start with {starts!r}: {df.text.str[:30].tolist()}"
    row = hits.iloc[0]
    assert (row.section, row.speaker) == (section, speaker)
