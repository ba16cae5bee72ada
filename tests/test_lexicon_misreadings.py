"""Misreadings a new user found in the lexicon (issue 16), each with the label the annotation
guidelines give, in both languages where it applies; and the rules they led to (refusal,
reassurance over a list and across a comma, words that are stance only when negated, the object
of a concern, questions never compared)."""
import pandas as pd
import pytest

from analysis import compare
from analysis.scorers.lexicon.scorer import LexiconScorer


@pytest.fixture(scope="module")
def lex():
    return LexiconScorer.ready()


CASES = [
    # refusing others' interference is a warning, not reassurance
    ("Tibet affairs are purely China's domestic affairs and allow no interference.", "en", "confrontational"),
    ("China will not allow any interference in its internal affairs.", "en", "confrontational"),
    ("西藏事务纯属中国内政，不容其他国家干涉。", "zh", "confrontational"),
    ("中方决不允许任何外部势力干涉。", "zh", "confrontational"),
    # procedure, not a release
    ("The Chinese side has issued the press release.", "en", "neutral"),
    ("中方已发布新闻稿。", "zh", "neutral"),
    # managing competition and preventing conflict is +1
    ("We must manage competition responsibly to prevent it from veering into conflict, confrontation, "
     "or a new Cold War.", "en", "cooperative"),
    ("双方应管控分歧，防止竞争滑向冲突对抗。", "zh", "cooperative"),
    # allies named against the counterpart, rivalry stressed
    ("We have an ironclad commitment to defending our Indo-Pacific allies.", "en", "confrontational"),
    ("The United States and China are in competition.", "en", "confrontational"),
    # reassurance
    ("We will not seek, nor do we want, a crisis.", "en", "cooperative"),
    ("Nothing has changed about our One China policy.", "en", "cooperative"),
    ("合则两利、斗则俱伤。", "zh", "cooperative"),
    ("We do not seek conflict with China.", "en", "cooperative"),
    # concern is -1, and what it is about is not cooperation
    ("The President raised serious concerns about the PRC's support for Russia.", "en", "confrontational"),
]


@pytest.mark.parametrize("text,lang,label", CASES)
def test_misreadings_get_the_guidelines_label(lex, text, lang, label):
    got = lex.score_one(text, lang)
    assert got.label == label, (text, got.score, got.evidence())


def test_situation_words_are_no_stance_unless_negated(lex):
    """'conflict' and 'crisis' name situations: 'address the climate crisis' is not
    confrontation; 'we do not want a crisis' is reassurance."""
    assert lex.score_one("The leaders discussed the climate crisis.", "en").raw == 0.0
    assert lex.score_one("Early on in the conflict, talks stalled.", "en").raw == 0.0
    assert lex.score_one("We do not want a crisis.", "en").raw > 0


def test_refusal_keeps_the_warning_and_negation_still_flips(lex):
    refusal = lex.score_one("Sovereignty allows no interference.", "en")
    plain = lex.score_one("There was no interference.", "en")
    assert refusal.raw < 0 < plain.raw
    assert "refusal (allows no)" in refusal.evidence()


def test_reassurance_runs_over_a_list_only(lex):
    listed = lex.score_one("We must prevent conflict, confrontation, or a new Cold War.", "en")
    assert listed.evidence().count("reassurance") == 3, listed.evidence()
    apart = lex.score_one("We must prevent conflict, and we condemn the confrontation they started.", "en")
    assert "condemn" in apart.evidence() and apart.evidence().count("reassurance") == 1, apart.evidence()


def test_a_cooperative_word_is_the_object_of_a_concern(lex):
    got = lex.score_one("We have serious concerns about their support for the junta.", "en")
    assert "object of" in got.evidence() and got.raw < 0
    # not across a clause: a concern and then a cooperative act
    two = lex.score_one("We have serious concerns about the election; we support the talks.", "en")
    assert "object of" not in two.evidence()


def test_questions_are_scored_but_never_compared():
    df = pd.DataFrame({"section": ["body"] * 3, "speaker": ["narrator", "Jen Psaki", "narrator"],
                       "cue": ["question", "turn", "said"], "text": ["Q?", "A.", "N."]})
    assert compare.speech(df, include_narrator=True)["text"].tolist() == ["A.", "N."]
    assert compare.speech(df)["text"].tolist() == ["A."]
