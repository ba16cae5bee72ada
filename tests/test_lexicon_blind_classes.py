"""Error classes of the lexicon found on the second blind stance set (blind_2026b, a development set
since it was printed) and on blind_2026, gold train and gold dev (issue 16, session stance6): each
rule or entry change has an exact-answer test here that fails without it, in both languages where
it applies (docs/evaluation.md, "The lexicon on the second blind set's error classes")."""
import pytest

from analysis.scorers.lexicon.scorer import LexiconScorer


@pytest.fixture(scope="module")
def lex():
    return LexiconScorer.ready()


def test_what_a_harming_verb_breaks_is_not_cooperation(lex):
    # 违反…共识 was neutral: the consensus it violates had counted as cooperation (+4)
    zh = lex.score_one("印方此举违反双方就维护边境地区和平安宁达成的有关共识。", "zh")
    assert zh.label == "confrontational" and zh.raw == pytest.approx(-6.0)
    assert "object of (违反)" in zh.evidence()
    en = lex.score_one("Such remarks seriously undermine mutual trust and cooperation between the two countries.", "en")
    assert en.raw == pytest.approx(-10.4)
    assert en.evidence().count("object of (undermine)") == 2
    # only in the verb's own clause: a cooperative act after a comma still counts
    apart = lex.score_one("They violated the agreement, and we support the talks.", "en")
    support = apart.evidence().split("; support(", 1)[1]
    assert "object of" not in support and apart.raw == pytest.approx(-2.5)


@pytest.mark.parametrize("text,lang", [
    ("Climate change is the greatest threat affecting our nations and peoples.", "en"),
    ("We will take on the threat posed by domestic terrorism.", "en"),
    ("新冠肺炎疫情正在全球蔓延，给人民生命安全和身体健康带来巨大威胁。", "zh"),
    ("一些国家面临第二波疫情威胁。", "zh"),
])
def test_a_threat_from_a_hazard_is_no_stance(lex, text, lang):
    got = lex.score_one(text, lang)
    assert got.label == "neutral" and got.raw == 0.0, got.evidence()


def test_a_threat_from_a_state_stays_confrontational(lex):
    assert lex.score_one("The threat posed by their missile programme is growing.", "en").label == "confrontational"
    assert lex.score_one("美方的威胁不会得逞。", "zh").label == "confrontational"


@pytest.mark.parametrize("text,label", [
    # confidence in the counterpart (+1); 相信你 to a reporter is procedure
    ("相信文在寅总统会对中方周到妥善安排感到满意。", "cooperative"),
    ("相信你会注意到有关报道。", "neutral"),
    # praise of the relationship and of the counterpart's role (CCTV, MFA)
    ("柬国会愿为促进两国关系发展发挥积极作用。", "cooperative"),
    ("中委关系历经半个世纪国际风云变幻考验，坚如磐石。", "cooperative"),
    ("近些年，中乌保持密切高层交往，双边关系不断走深走实。", "cooperative"),
    # courtesy on a visit
    ("专机抵达吉隆坡国际机场时，马来西亚总理安瓦尔热情迎接。", "cooperative"),
    # co-chairing is procedure, not joint action
    ("鲁托共同主持会议并发言。", "neutral"),
    # urging caution is a soft warning
    ("美方务必慎重处理对台军售问题。", "confrontational"),
])
def test_chinese_formulae_out_of_the_press_conference(lex, text, label):
    got = lex.score_one(text, "zh")
    assert got.label == label, got.evidence()


def test_confidence_in_the_counterpart_in_english(lex):
    got = lex.score_one("We are confident that the two sides will find a way forward.", "en")
    assert got.label == "cooperative" and got.raw == pytest.approx(3.0), got.evidence()


@pytest.mark.parametrize("text", [
    "The President obviously strongly supports funding for antitrust enforcement.",
    "The President continues to stand with law enforcement across the country.",
    "We call on all parties to the conflict to respect international humanitarian law.",
])
def test_domestic_objects_and_invoked_law_are_no_cooperation(lex, text):
    got = lex.score_one(text, "en")
    assert got.label == "neutral" and got.raw == 0.0, got.evidence()


def test_support_for_a_counterpart_and_a_principled_position(lex):
    assert lex.score_one("We support the talks between the two countries.", "en").label == "cooperative"
    got = lex.score_one("President Xi elaborated on China's principled position on the Taiwan question.", "en")
    assert got.raw == pytest.approx(-3.0), got.evidence()


@pytest.mark.parametrize("text,lang", [
    ("It is also crucial to end the Israeli occupation and establish an independent Palestinian State.", "en"),
    ("The US needs to know that the more it engages in such exports, the worse the backfire will be.", "en"),
    ("必须结束对巴勒斯坦领土的占领。", "zh"),
])
def test_occupation_and_backfire_are_accusations(lex, text, lang):
    got = lex.score_one(text, lang)
    assert got.label == "confrontational" and got.raw == pytest.approx(-6.0), got.evidence()


def test_the_release_of_hostages_is_no_cooperation(lex):
    got = lex.score_one("The leaders discussed efforts to secure the release of hostages held by Hamas.", "en")
    assert got.label == "neutral" and got.raw == 0.0, got.evidence()
    assert lex.score_one("China welcomed the release of the detained fishermen.", "en").label == "cooperative"


@pytest.mark.parametrize("text,lang", [
    ("China will continue to participate in the discussions of the relevant UN sanctions committee.", "en"),
    ("And your first question was about Iran sanctions.", "en"),
    ("中方将继续参与安理会有关制裁委员会的讨论。", "zh"),
])
def test_sanctions_named_as_an_institution_or_topic(lex, text, lang):
    got = lex.score_one(text, lang)
    assert got.label == "neutral" and got.raw == 0.0, got.evidence()


def test_sanctions_imposed_stay_strongly_confrontational(lex):
    assert lex.score_one("The United States imposed sanctions on the company.", "en").raw == pytest.approx(-20.0)


def test_not_only_but_also_is_no_contrast(lex):
    got = lex.score_one("It not only benefits the two peoples but also contributes to world peace.", "en")
    assert "contrast" not in got.evidence() and got.raw == pytest.approx(3.0), got.evidence()
    assert "after contrast" in lex.score_one("We support dialogue, but we oppose sanctions.", "en").evidence()


def test_a_third_party_named_as_a_threat(lex):
    got = lex.score_one("They discussed threats from Iran's proxies in the region.", "en")
    assert got.label == "confrontational" and got.raw == pytest.approx(-5.0), got.evidence()
    # a hazard stays no stance
    assert lex.score_one("They discussed threats from the pandemic.", "en").raw == 0.0


def test_addressing_the_counterparts_concerns_is_accommodation(lex):
    got = lex.score_one("中方积极采取有效措施，及时解决他们的合理关切。", "zh")
    assert "解决他们的合理关切(+4.0" in got.evidence() and got.label == "cooperative", got.evidence()


def test_opposing_an_ism_and_sanctions_resolutions(lex):
    got = lex.score_one("我们要反对单边主义。", "zh")
    assert got.raw == pytest.approx(-2.0) and got.label == "neutral", got.evidence()
    assert lex.score_one("中方坚决反对美方的霸凌行径。", "zh").label == "confrontational"
    got = lex.score_one("对于所有安理会涉及朝鲜核问题的制裁决议，中方一直是严格执行的。", "zh")
    assert got.raw == 0.0 and got.label == "neutral", got.evidence()


def test_instead_of_a_threat_is_reassurance(lex):
    got = lex.score_one("China's development means opportunities for the world, instead of a threat to anyone.", "en")
    assert got.label == "cooperative" and got.raw == pytest.approx(4.0), got.evidence()


@pytest.mark.parametrize("text,lang", [
    ("I am very concerned that the current geopolitical polarization is hindering collaborative climate action.", "en"),
    ("这种做法严重阻碍两国合作。", "zh"),
])
def test_concern_and_hindering(lex, text, lang):
    got = lex.score_one(text, lang)
    assert got.label == "confrontational", got.evidence()
    assert "object of (阻碍)" in got.evidence() or "concerned that(" in got.evidence()
