"""The lexicon engine's rules, on a tiny lexicon written here (exact answers)."""
import math

import pytest

from analysis.scorers.lexicon.entries import read_entries
from analysis.scorers.lexicon.scorer import LexiconScorer

EN = """# test lexicon
pattern\trole\tweight\tcategory\tsource\tnote
oppos*\tterm\t-4\tverbal_conflict\ttest\t
cooperat*\tterm\t3\tverbal_cooperation\ttest\t
constructive\tterm\t2\tverbal_cooperation\ttest\t
confrontation\tterm\t-4\tverbal_conflict\ttest\t
will not hesitate to\tterm\t-6\tverbal_conflict\ttest\tthreat formula
interfer* ... internal affairs\tterm\t-5\tverbal_conflict\ttest\t
united\tterm\t2\tverbal_cooperation\ttest\tonly to prove masking
firmly\tintensifier\t1.5\t\ttest\t
not\tnegator\t\t\ttest\t
does not seek\tnegator_reassure\t\t\ttest\t
but\tcontrast\t\t\ttest\t
peace corps\tmask\t\t\ttest\t
"""
ZH = """pattern\trole\tweight\tcategory\tsource\tnote
反对\tterm\t-4\tverbal_conflict\ttest\t
合作\tterm\t3\tverbal_cooperation\ttest\t
对抗\tterm\t-4\tverbal_conflict\ttest\t
干涉…内政\tterm\t-5\tverbal_conflict\ttest\t
绝不容忍\tterm\t-7\tverbal_conflict\ttest\t
坚决\tintensifier\t1.5\t\ttest\t
不\tnegator\t\t\ttest\t
不寻求\tnegator_reassure\t\t\ttest\t
但是\tcontrast\t\t\ttest\t
上海合作组织\tmask\t\t\ttest\t
"""


@pytest.fixture
def scorer(tmp_path):
    (tmp_path / "en_test.tsv").write_text(EN, "utf-8")
    (tmp_path / "zh_test.tsv").write_text(ZH, "utf-8")
    return LexiconScorer(alpha=15, band=0.2, contrast_after=1.5, contrast_before=0.5, first_weight=1.0,
                         lexicon_dir=str(tmp_path))


def raw(scorer, text, lang="en"):
    return scorer.score_one(text, lang).raw


def test_plain_term_and_squash(scorer):
    s = scorer.score_one("We oppose this.")
    assert s.raw == -4 and math.isclose(s.score, -4 / math.sqrt(16 + 15))
    assert s.label == "confrontational"


def test_intensifier(scorer):
    assert raw(scorer, "We firmly oppose this.") == -6
    assert raw(scorer, "中方坚决反对。", "zh") == -6


def test_negation_flip_both_ways(scorer):
    assert raw(scorer, "We do not oppose it.") == 2.0          # -0.5 * -4
    assert math.isclose(raw(scorer, "That was not constructive."), -1.4)
    assert raw(scorer, "中方不反对。", "zh") == 2.0


def test_reassurance(scorer):
    s = scorer.score_one("The US does not seek confrontation.")
    assert s.raw == 2.0 and "reassurance" in s.evidence()
    assert raw(scorer, "中方不寻求对抗。", "zh") == 2.0


def test_threat_formula_is_not_flipped(scorer):
    assert raw(scorer, "We will not hesitate to respond.") == -6
    assert raw(scorer, "我们绝不容忍。", "zh") == -7


def test_negation_is_clause_scoped(scorer):
    assert raw(scorer, "We did not come, we oppose it.") == -4


def test_gapped_patterns(scorer):
    assert raw(scorer, "They interfere in China's internal affairs.") == -5
    assert raw(scorer, "美方干涉中国内政。", "zh") == -5


def test_contrast(scorer):
    assert raw(scorer, "We cooperate, but we oppose the plan.") == 3 * 0.5 + -4 * 1.5
    assert raw(scorer, "双方合作，但是中方反对。", "zh") == 3 * 0.5 + -4 * 1.5


def test_names_are_masked(scorer):
    assert raw(scorer, "The United States met the delegation.") == 0
    assert raw(scorer, "He joined the Peace Corps in Ghana, united.") == 2
    assert raw(scorer, "上海合作组织成员国举行会议。", "zh") == 0


def test_evidence_lists_terms_weights_and_rules(scorer):
    ev = scorer.score_one("We firmly oppose this, but not confrontation.").evidence()
    assert "oppose(-3.0 x1.5 firmly before contrast)" in ev


def test_fit_chooses_band_on_the_data(scorer):
    texts = ["We oppose it.", "We cooperate.", "They met."] * 10
    y = ["confrontational", "cooperative", "neutral"] * 10
    scorer.fit(texts, y, ["en"] * 30)
    assert scorer.predict(texts[:3], ["en"] * 3) == y[:3]
    assert scorer.fit_report_["en"]["macro_f1"] == 1.0


def test_bad_lexicon_file_names_the_line(tmp_path):
    p = tmp_path / "en_bad.tsv"
    p.write_text("pattern\trole\tweight\tcategory\tsource\tnote\nfoo\tbogus\t1\t\tx\t\n", "utf-8")
    with pytest.raises(ValueError, match="en_bad.tsv:2: unknown role"):
        read_entries(p)


def test_gaps_do_not_cross_clauses(scorer):
    assert raw(scorer, "They interfere, as always, in China's internal affairs.") == 0
    assert raw(scorer, "美方干涉，中国内政。", "zh") == 0


def test_lead_term_counts_more(scorer):
    scorer.first_weight = 2.0
    assert raw(scorer, "They oppose cooperation.") == -4 * 2 + 3
    assert "lead x2" in scorer.score_one("They oppose cooperation.").evidence()


def test_bad_category_names_the_line(tmp_path):
    p = tmp_path / "en_bad.tsv"
    p.write_text("pattern\trole\tweight\tcategory\tsource\tnote\nfoo\tterm\t1\tfriendly\tx\t\n", "utf-8")
    with pytest.raises(ValueError, match="en_bad.tsv:2: unknown category 'friendly'"):
        read_entries(p)


# ---- the batch path (transform) reads each statement exactly as score_one does
TRICKY = [
    "We oppose this.", "They interfere", "in China's internal affairs.",       # a gap never crosses statements
    "They interfere in China's internal affairs.", "We firmly oppose", "cooperation, but not now.",
    "we met", "Asia Pacific Economic Cooperation met, we oppose it.",          # capitalised runs stay inside one
    "He joined the Peace Corps in Ghana, united.", "The United States met the delegation.",
    "We do not oppose it.", "", "   ", "We oppose this.",                      # repeats and empty statements
    "We\x00oppose this.",                                                      # the batch separator inside a text
]


def test_transform_equals_score_one(scorer):
    out = scorer.transform(TRICKY, ["en"] * len(TRICKY))
    for text, row in zip(TRICKY, out.itertuples()):
        s = scorer.score_one(text, "en")
        assert (row.score, row.label, row.sentiment, row.evidence, row.raw) == \
            (s.score, s.label, s.sentiment, s.evidence(), s.raw), text


def test_batch_keeps_statements_apart(scorer):
    raws = scorer.transform(["They interfere", "in China's internal affairs.", "We oppose this."]).raw.tolist()
    assert raws == [0.0, 0.0, -4.0]
    assert scorer.transform(["We\x00oppose this."]).raw.tolist() == [-4.0]   # NUL reads as a space


def test_mixed_languages_and_missing_texts(scorer):
    out = scorer.transform(["中方坚决反对。", None, "We oppose this.", float("nan")], ["zh", "en", "en", "en"])
    assert out.raw.tolist() == [-6.0, 0.0, -4.0, 0.0]
    assert out.label.tolist() == ["confrontational", "neutral", "confrontational", "neutral"]
    assert list(scorer.transform([]).columns) == ["score", "label", "sentiment", "evidence", "raw"]


def test_leftmost_longest_matches_a_plain_scan():
    """The automaton's matches, leftmost and longest first, against trying the words longest first
    at each position (the rule the lexicon states), on random strings."""
    import random

    from analysis.scorers.lexicon.automata import _automaton, _leftmost_longest

    def plain(words, text):
        out, i = [], 0
        while i < len(text):
            w = next((w for w in sorted(words, key=len, reverse=True) if text.startswith(w, i)), None)
            if w:
                out.append((i, w))
                i += len(w)
            else:
                i += 1
        return out

    rng = random.Random(4)
    for _ in range(500):
        words = {"".join(rng.choice("abc") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))}
        text = "".join(rng.choice("abcx") for _ in range(rng.randint(0, 30)))
        auto = _automaton((w, (len(w), w)) for w in words)
        assert [(s, v[1]) for s, v in _leftmost_longest(auto, text)] == plain(words, text)


def test_parts_do_not_change_answers(scorer, monkeypatch):
    """English statements are read in parts of about EN_PART_CHARS characters; any part size gives
    the same rows, and the garbage collector is left as it was."""
    import gc

    import analysis.scorers.lexicon.english as english
    texts = TRICKY * 3 + ["The Peace Corps does not seek confrontation, but we firmly oppose it."]
    whole = scorer.transform(texts)
    for chars in (1, 30, 200):
        monkeypatch.setattr(english, "EN_PART_CHARS", chars)
        assert scorer.transform(texts).equals(whole), chars
    assert gc.isenabled()
    gc.disable()
    try:
        scorer.transform(texts)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_unit_table_arrays_grow_as_a_rebuild_would(scorer):
    # the unit table's arrays are extended with the facts each call adds, not rebuilt (speed): they must
    # hold what arrays made at once from all the facts hold
    import numpy as np
    from analysis.scorers.lexicon.masking import _names
    scorer.transform(["They firmly oppose interference."])
    scorer.transform(["We do not seek confrontation, but cooperation is constructive.", "A happy, good day."])
    table = scorer.lexicons_["en"].unit_table(_names(scorer.registry))
    grown, objects = table.arrays(), table.objects()
    table._arrays = table._objects = None
    for a, b in zip(grown, table.arrays()):
        assert a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype == float)
    for a, b in zip(objects, table.objects()):
        assert len(a) == len(b) == len(table.facts) and all(x == y for x, y in zip(a, b))
