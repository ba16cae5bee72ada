"""The shipped lexicon reads diplomatic code as diplomats do (the cases general lexicons get wrong)."""
import pandas as pd
import pytest

from analysis.scorers import available, get


@pytest.fixture(scope="module")
def lex():
    return get("lexicon")


@pytest.mark.parametrize("text, lang, label", [
    ("We strongly oppose the sanctions.", "en", "confrontational"),            # VADER: +0.27
    ("The United States is deeply concerned.", "en", "confrontational"),       # VADER: +0.42
    ("The US does not seek a new Cold War.", "en", "cooperative"),             # reassurance
    ("China will not hesitate to take countermeasures.", "en", "confrontational"),  # threat
    ("There is no room to compromise on this issue.", "en", "confrontational"),
    ("We welcome the agreement and look forward to win-win cooperation.", "en", "cooperative"),
    ("The two sides exchanged views on regional issues.", "en", "neutral"),
    ("中方坚决反对美方的错误做法。", "zh", "confrontational"),
    ("中方不寻求对抗。", "zh", "cooperative"),
    ("美方不寻求新冷战。", "zh", "cooperative"),          # the reassurance English already read
    ("我们反对煽动“新冷战”。", "zh", "confrontational"),
    ("双方应坚持合作共赢。", "zh", "cooperative"),
    ("勿谓言之不预也。", "zh", "confrontational"),
    ("我们对此表示严重关切。", "zh", "confrontational"),
    ("中方不反对。", "zh", "cooperative"),                                    # plain flip
    ("上海合作组织成员国外长会议在北京举行。", "zh", "neutral"),               # a name, not cooperation
    ("中方堅決反對。", "zh", "confrontational"),                              # Traditional
])
def test_diplomatic_code(lex, text, lang, label):
    s = lex.score_one(text, lang)
    assert s.label == label, s.evidence()
    assert -1 <= s.score <= 1 and -1 <= s.sentiment <= 1


def test_names_are_not_sentiment(lex):
    plain = lex.score_one("The delegation arrived.", "en").score
    assert lex.score_one("The United States delegation arrived.", "en").score == plain


def test_registered_and_fitted(lex):
    assert "lexicon" in available()
    assert lex.band_["en"] > 0 and lex.band_["zh"] > 0       # fitted on the training split


def test_score_frame_contract(lex):
    df = pd.DataFrame({"text": ["We firmly oppose interference.", "双方同意加强合作。", ""], "lang": ["en", "zh", "en"]})
    out = lex.score_frame(df)
    assert list(out.columns) == ["lexicon_score", "lexicon_label", "lexicon_sentiment", "lexicon_evidence"]
    assert out.lexicon_label.tolist() == ["confrontational", "cooperative", "neutral"]
    assert "oppose" in out.lexicon_evidence.iloc[0]
    assert out.lexicon_score.between(-1, 1).all() and out.lexicon_sentiment.between(-1, 1).all()


@pytest.mark.parametrize("text, label", [
    # reported events (en_event_verbs.tsv): the verb of the event carries the stance
    ("Zambia extradited the suspect to Britain on Sunday.", "cooperative"),
    ("Uganda has granted political asylum to 18 rebels.", "cooperative"),
    ("Army bulldozers demolished homes in the south on Sunday.", "confrontational"),
    ("Guerillas blew up three power lines last month.", "confrontational"),
    # words that read differently in statements are not event entries
    ("The relevant authorities have carried out a serious investigation.", "neutral"),
    ("The DPRK had suspended its nuclear tests.", "neutral"),
])
def test_event_reports(lex, text, label):
    s = lex.score_one(text, "en")
    assert s.label == label, s.evidence()
