"""The English lexicon's second train review (issue 16): prefixes that caught unrelated words written
out, blockers for procedural readings, and general diplomatic formulae found in the gold TRAIN
split's errors (never a dev or test statement). Each case is a short real sentence of the kind the
corpora hold (MFA answers, White House readouts, UN speeches) with its exact evidence and label."""
import pytest

from analysis.scorers.lexicon.scorer import LexiconScorer


@pytest.fixture(scope="module")
def lex():
    return LexiconScorer.ready()


CASES = [
    # prefixes written out: ban* caught Bangladesh and bank, protest* Protestants, harm* harmonization,
    # eas* ... sanctions east and eastern
    ("This year, we celebrate the golden jubilee of Bangladesh’s partnership with the United Nations.",
     "cooperative", "partnership(+6.0 lead x2)"),
    ("The President will attend the G20 Summit where he will focus on the World Bank.", "neutral", ""),
    ("There should be no dividing line between Muslims and Jews, Protestants and Catholics.", "neutral", ""),
    ("We must now make progress in the harmonization of financial policies.", "cooperative",
     "progress(+4.0 lead x2)"),
    ("The US banned exports of chips to the company.", "confrontational", "banned(-6.0 lead x2)"),
    ("The sanctions on the eastern provinces remain.", "confrontational", "sanctions(-12.0 lead x2)"),
    # blockers: releasing information is procedure; "with respect to" is a preposition
    ("A high-level Chinese delegation will be attending the funeral, and we will release the relevant "
     "information in due course.", "neutral", "release the relevant information(+0.0)"),
    ("With respect to Saudi Arabia, there is a range of interests.", "neutral", "With respect to(+0.0)"),
    ("The study counted breakthrough infections among vaccinated people.", "neutral", "breakthrough infections(+0.0)"),
    # urging, warnings and accusations
    ("We hope the US will honor its words.", "confrontational", "honor its(-4.0 lead x2)"),
    ("No one should underestimate the Chinese people's firm determination to defend national sovereignty.",
     "confrontational", "No one should underestimate(-12.0 lead x2)"),
    ("The US still turns a deaf ear to international appraisal on China.", "confrontational",
     "deaf ear(-8.0 lead x2)"),
    ("They discussed Russia’s brutal war against Ukraine.", "confrontational", "brutal(-12.0 lead x2); war(-2.0)"),
    # cooperation in the words readouts and UN speeches use
    ("Many countries have worked together to face common challenges.", "cooperative",
     "worked together(+5.0 lead x2); common challenges(+2.0)"),
    ("The leaders affirmed the enduring strength of U.S.-Italy relations.", "cooperative",
     "affirmed(+4.0 lead x2); strength(+2.0)"),
]


@pytest.mark.parametrize("text,label,evidence", CASES)
def test_train_review_readings(lex, text, label, evidence):
    got = lex.score_one(text, "en")
    assert (got.label, got.evidence()) == (label, evidence), (text, got.raw)
