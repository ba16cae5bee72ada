"""The English lexicon out of the press conference (issue 16, 2026-12-07, branch stance4): error classes
found on White House briefings and readouts, UN General Debate speeches and MFA answers
(analysis/data/lexicon/en_outdomain.tsv). Each case is a short excerpt of a real statement of the kind
the corpora hold, with its exact label and evidence; each reads differently without the file."""
import pytest

from analysis.scorers.lexicon.scorer import LexiconScorer


@pytest.fixture(scope="module")
def lex():
    return LexiconScorer.ready()


CASES = [
    # routine and domestic wording is no stance towards a state
    ("And the contents of the call are embargoed until 10:00 a.m., Germany; 4:00 a.m., U.S.", "neutral",
     "embargoed until(+0.0)"),
    ("Beyond the devastating impact on women, state abortion bans jeopardize the ability to train the next "
     "generation of medical providers.", "neutral", "abortion bans(+0.0)"),
    ("One, the virus still has hold on us — infecting people and putting them in harm’s way — and we need to "
     "remain vigilant.", "neutral", "harm’s way(+0.0)"),
    ("In that respect, achieving the desired just, comprehensive solution to the Palestinian question is an "
     "urgent priority.", "neutral", "In that respect(+0.0)"),
    # cooperation formulae of MFA answers and readouts
    ("This serves the interests of the two countries and meets the aspirations of the two peoples.",
     "cooperative", "serves the interests of(+6.0 lead x2); aspirations of the two peoples(+3.0)"),
    ("Thank you, my Pakistani \"iron friend\", for your interest in the China-Pakistan Economic Corridor.",
     "cooperative", "Thank you(+0.0); iron friend(+8.0 lead x2)"),
    ("So, at this point, what our focus is on is how we work with the French moving forward.", "cooperative",
     "work with(+4.0 lead x2)"),
    # accusation and urging in UN speeches and MFA answers
    ("As before, the West remained deaf to the new Russian proposal.", "confrontational",
     "deaf to(-8.0 lead x2)"),
    ("The international community sees plainly who is militarizing the South China Sea.", "confrontational",
     "militarizing(-8.0 lead x2)"),
    ("We call upon them to give up their nuclear ambitions.", "confrontational",
     "call upon(-5.0 lead x2); give up(-2.5)"),
    # war words naming history, or a fight against a disease
    ("As we prepare to celebrate the fiftieth anniversary, the memory of the cold war is fading rapidly.",
     "neutral", "memory of the cold war(+0.0)"),
    ("We humans are battling COVID-19, a virus that has ravaged the world.", "neutral", "battling COVID(+0.0)"),
]


@pytest.mark.parametrize("text,label,evidence", CASES)
def test_outdomain_readings(lex, text, label, evidence):
    got = lex.score_one(text, "en")
    assert (got.label, got.evidence()) == (label, evidence), (text, got.raw, got.evidence())
