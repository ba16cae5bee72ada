import math

import pandas as pd
import pytest

from analysis.cli import main
from analysis.errors import TenorError
from analysis.evaluation.gold import DEFAULT_GOLD, read_stance_gold
from analysis.evaluation.stance import stance


@pytest.fixture
def tiny_gold(tmp_path):
    p = tmp_path / "gold.csv"
    pd.DataFrame({
        "text": ["The talks were held.", "We strongly oppose the sanctions.", "A great success for both.",
                 "The meeting took place.", "They met on Monday.", "双方同意加强合作。"],
        "lang": ["en", "en", "en", "en", "en", "zh"],
        "stance": [0, -2, 2, 0, 0, 2],
        "split": ["train", "test", "test", "test", "train", "test"],
    }).to_csv(p, index=False)
    return p


def test_majority_and_vader_baselines_exact(tiny_gold):
    rep = stance(tiny_gold, split="test", scorer_names=[])
    t = rep.table.set_index(["scorer", "lang"])
    # majority of train is neutral: 1 of 3 English test items and 0 of 1 Chinese are neutral
    assert math.isclose(t.loc[("majority", "en"), "accuracy"], 1 / 3)
    assert t.loc[("majority", "zh"), "accuracy"] == 0.0
    assert t.loc[("majority", "all"), "n"] == 4
    # VADER reads only English; it calls "strongly oppose the sanctions" cooperative (+0.27)
    assert ("vader", "zh") not in t.index
    assert rep.confusions[("vader", "en")].loc["confrontational", "cooperative"] == 1


def test_gold_needs_stance_columns(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("text\nhello\n", "utf-8")
    with pytest.raises(TenorError, match="E701.*no stance column"):
        read_stance_gold(p)


def test_gold_with_labels_only_and_no_language(tmp_path):
    """A user's file of text and class names: stance from the names, language detected, split test."""
    p = tmp_path / "mine.csv"
    p.write_text("Sentence,Label\n\"China firmly opposes the sanctions.\",Confrontational\n"
                 "双方同意加强合作。,cooperative\nThe meeting was held on Monday.,neutral\n", "utf-8")
    g = read_stance_gold(p)
    assert g.stance.tolist() == [-1, 1, 0]
    assert g.label.tolist() == ["confrontational", "cooperative", "neutral"]
    assert g.lang.tolist() == ["en", "zh", "en"]
    assert set(g.split) == {"test"}


@pytest.mark.parametrize("body, message", [
    ("text,label\nfine,cooperative\nbad,friendly\n", "E702.*line 3: stance/label 'friendly'"),
    ("text,stance\nfine,1\nbad,7\n", "E702.*line 3: stance '7' is not a whole number"),
    ("text,stance\nfine,0.4\n", "E702.*line 2: stance '0.4' is not a whole number"),
    ("text,stance\nfine,\n", "E702.*line 2: no stance or label"),
    ("text,stance,label\nfine,-2,cooperative\n", "E702.*line 2: label 'cooperative' disagrees"),
    ("text,stance,label\nfine,1,cooperativ\n", "E702.*line 2: stance/label 'cooperativ' is neither"),
    ("text,stance,label\nfine,-2,-1\nok,,cooperative\nsure,1,\n", None),     # numeric label, label alone
    ("text,stance\n\nfine,1\n\nbad,9\n", "E702.*line 5: stance '9'"),        # blank lines counted
    ("text,stance\nWe,oppose,-1\n", "E702.*line 2: 3 fields where the header has 2"),
    ("text,stance\n\"No,\" he said.,-1\n", "E702.*line 2: .*must be quoted whole"),   # never stripped
    ("text,stance\na,1\n   \nb,1\n", None),                                       # a blank line
    ("text,stance\n\"unclosed,1\n" + "x,1\n" * 30000, "E702.*line 2"),             # no traceback
    ("text,stance\n,1\n", "E702.*line 2: empty text"),
    ("text,stance,split\na,1,train\nb,1,\n", "E702.*line 3: empty split"),
    ("text,stance,lang\nbonjour,1,fr\n", "E702.*line 2: language 'fr'"),
])
def test_bad_gold_rows_are_named(tmp_path, body, message):
    p = tmp_path / "bad.csv"
    p.write_text(body, "utf-8")
    if message is None:
        assert read_stance_gold(p).stance.tolist() in ([-2, 1, 1], [1, 1])
        return
    with pytest.raises(TenorError, match=message):
        read_stance_gold(p)


def test_jsonl_gold_errors_name_the_files_line(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text('\n\n{"text": "We welcome it.", "stance": 1}\n{"text": "", "stance": 1}\n', "utf-8")
    with pytest.raises(TenorError, match="line 4: empty text"):
        read_stance_gold(p)
    p.write_text('{"text": "ok", "stance": null}\n', "utf-8")       # null is missing, not neutral
    with pytest.raises(TenorError, match="line 1: no stance or label"):
        read_stance_gold(p)
    p.write_text('{"text": "ok", "stance": 1}\n[1, 2]\n', "utf-8")
    with pytest.raises(TenorError, match="line 2: not a JSON object but list"):
        read_stance_gold(p)


def test_gold_language_names_and_tsv_quotes(tmp_path):
    import csv
    p = tmp_path / "g.tsv"
    with p.open("w", newline="", encoding="utf-8") as fh:     # as csv/pandas write a TSV: quoted fields
        w = csv.writer(fh, delimiter="\t")
        w.writerows([["text", "stance", "lang"], ['He said "no"\ttoday', 1, "Chinese"], ["plain", 0, "EN-us"]])
    g = read_stance_gold(p)
    assert g.text.tolist() == ['He said "no"\ttoday', "plain"]
    assert g.lang.tolist() == ["zh", "en"]


def test_unknown_scorer_is_a_coded_error(tiny_gold, capsys):
    assert main(["evaluate", "stance", str(tiny_gold), "--scorers", "nope"]) == 2
    assert capsys.readouterr().err.startswith("E401 --scorers: unknown scorer(s) nope; available: ")


def test_cli_reports_a_bad_gold_file_without_a_traceback(tmp_path, capsys):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "We oppose it.", "label": "conflict"}\n{broken\n', "utf-8")
    assert main(["evaluate", "stance", str(p), "--scorers", "lexicon"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"E702 {p}: gold file line 2: not a JSON object")
    assert main(["evaluate", "stance", str(tmp_path / "missing.csv")]) == 2
    assert "E104" in capsys.readouterr().err


def test_cli_prints_the_table(tiny_gold, capsys):
    assert main(["evaluate", "stance", str(tiny_gold), "--split", "test"]) == 0
    out = capsys.readouterr().out
    assert "macro_f1" in out and "majority" in out and "confusion, vader, en" in out


@pytest.mark.skipif(not DEFAULT_GOLD.exists(), reason="gold corpus not built")
def test_shipped_gold_is_split_by_document():
    g = read_stance_gold()
    assert (g.groupby("doc_id").split.nunique() == 1).all()
    assert len(g) >= 1200 and (g.lang == "zh").sum() >= 400 and (g.lang == "en").sum() >= 600
    assert set(g.stance) <= {-2, -1, 0, 1, 2} and set(g.sentiment) <= {-1, 0, 1}


def test_cli_reports_a_bad_speaker_gold_file(tmp_path, capsys):
    p = tmp_path / "speakers.csv"
    p.write_text("a,b\n1,2\n", "utf-8")
    assert main(["evaluate", "speakers", str(p)]) == 2
    assert capsys.readouterr().err.startswith(f"E701 {p}: gold file: a speaker gold file needs columns")
