"""The short cut for a lone sentence with no cue (analysis.speakers.lone) gives what the speaker rules
give: checked on every gold statement and every sentence of the attribution fixtures, each read as a
document of its own, with the short cut and without it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.config import GOLD
from analysis.extract.build import document_statements
from analysis.speakers import lone
from analysis.speakers.registry import Registry

FIXTURES = Path(__file__).parent / "fixtures" / "attribution"


def _texts() -> list[str]:
    texts = [json.loads(x)["text"] for x in open(GOLD, encoding="utf-8")]
    registry = Registry.load()
    for p in sorted(FIXTURES.rglob("*.txt"))[:40]:
        texts += [r["text"] for r in document_statements(p.read_text("utf-8"), registry=registry)]
    # the cues' neighbours: a lone sentence one word away from a cue, a quotation, brackets
    texts += ["The minister said nothing new.", "The statement, which was long, ended.", "(Photo: Xinhua)",
              "Joseph R. Biden, Jr. visited Ohio.", "It was “historic”.", "Talks went on", "Wang Yi met Blinken.",
              "美方表示欢迎。", "中方 welcomes it", "Xi Jinping, saying nothing, left.", "", " ", "Q: What now?"]
    return texts


def test_the_speaker_short_cut_gives_what_the_rules_give(monkeypatch):
    registry = Registry.load()
    texts = _texts()
    fast = [document_statements(t, "d", registry=registry) for t in texts]
    taken = sum(lone.lone_narrated(t, "en") for t in texts)
    monkeypatch.setattr(lone, "ACTIVE", False)
    slow = [document_statements(t, "d", registry=registry) for t in texts]
    assert fast == slow
    assert taken > 1000         # the short cut was taken, not only allowed


@pytest.mark.parametrize("text", ["He said so.", "The talks, in which Xi noted progress, ended.",
                                  'It was "historic".', "Ties improved, saying much."])
def test_the_speaker_short_cut_leaves_a_cue_to_the_rules(text):
    assert not lone.lone_narrated(text, "en")


def test_the_speaker_short_cut_is_off_when_the_rules_change():
    from analysis.speakers.attributor import RULES
    assert lone.ACTIVE, "RULES changed: check analysis/speakers/lone.py's reasoning, then its REASONED_FOR"
    assert tuple(r.name for r in RULES) == lone.REASONED_FOR


def test_the_speaker_short_cut_for_table_rows_that_are_statements(monkeypatch):
    """A table read with rows="statements": each row's own cue (attribute_sentence) or the narrator."""
    import pandas as pd
    from analysis.extract.build import table_statements
    registry = Registry.load()
    df = pd.DataFrame({"id": range(len(_texts())), "text": _texts()})
    fast, _ = table_statements(df, "t", "t.csv", registry, rows="statements")
    monkeypatch.setattr(lone, "ACTIVE", False)
    slow, _ = table_statements(df, "t", "t.csv", registry, rows="statements")
    pd.testing.assert_frame_equal(fast, slow)


def test_the_one_line_turn_short_cut_gives_the_full_path(monkeypatch):
    """A table's turn of one plain sentence (analysis.extract.build._one_line_turn) gets what
    document_statements gives it, on every gold statement and fixture sentence, with and without
    lang and date columns."""
    import pandas as pd
    from analysis.extract import build
    registry = Registry.load()
    texts = _texts() + ["Dear Mr. President, thank you.", "Remarks by President Biden", "Q: What now?",
                        "(Xinhua) -- Talks ended.", "Updated: 2024-01-02", "Talks ended.\nThey left.",
                        "   Talks ended.\n", "\tTalks ended.\r\n", "Talks\u3000ended.", "  China Daily  "]
    df = pd.DataFrame({"id": [f"xi_{k}" for k in range(len(texts))], "text": texts})
    with_lang = df.assign(lang=["en" if k % 3 else "zh" for k in range(len(texts))],
                          date=["2021-03-04" if k % 2 else "" for k in range(len(texts))])
    fast = [build.table_statements(d, "t", "t.csv", registry)[0] for d in (df, with_lang)]
    taken = [build._one_line_turn(t, "r", None, None, registry) for t in texts]
    monkeypatch.setattr(build, "ONE_LINE_TURNS", False)
    slow = [build.table_statements(d, "t", "t.csv", registry)[0] for d in (df, with_lang)]
    for f, s in zip(fast, slow):
        pd.testing.assert_frame_equal(f, s)
    # the short cut was taken, not only allowed: without the rules and with them
    assert sum(x is not None and x[0]["cue"] == "none" for x in taken) > 1000
    assert sum(x is not None and x[0]["cue"] != "none" for x in taken) > 300
