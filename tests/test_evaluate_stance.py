import math

import pandas as pd
import pytest

from analysis.cli import main
from analysis.evaluate import DEFAULT_GOLD, read_stance_gold, stance


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
    with pytest.raises(ValueError, match="stance"):
        read_stance_gold(p)


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
