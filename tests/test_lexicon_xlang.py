"""The same MFA formulae read alike in English and Chinese (issue 16, 2026-12-07, branch stance4): first
sentences of the same MFA answer, taken from odd-day pairs of scripts/stance/cross_language_pairs.py,
whose two versions the lexicon read differently (analysis/data/lexicon/en_xlang.tsv, zh_xlang.tsv and the
re-weighted rows of zh_diplomatic.tsv). Each pair gets the same label; each reads differently without
the alignment."""
import pytest

from analysis.scorers.lexicon.scorer import LexiconScorer


@pytest.fixture(scope="module")
def lex():
    return LexiconScorer.ready()


PAIRS = [
    # following a situation closely is no concern (concern is 关切)
    ("China has been following the situation in Afghanistan closely.", "",
     "中方始终高度关注阿富汗局势。", "高度关注(+0.0)", "neutral"),
    # trade talks are an event (talks are no entry in English)
    ("I can confirm that this round of trade talks between China and the US has concluded.", "",
     "我可以确认，中美经贸磋商已经结束。", "经贸磋商(+0.0)", "neutral"),
    # a solemn position made clear
    ("The Spokesperson of the Commerce Ministry has made clear China's solemn position on the relevant trade "
     "issue.", "made clear China's solemn position(-6.0 lead x2)",
     "中国商务部新闻发言人已表明中方在经贸问题上的严正立场。", "严正立场(-6.0 lead x2)", "confrontational"),
    # sympathy over a disaster
    ("The Chinese side has expressed its sympathy to Japan over the Hokkaido earthquake and typhoon disasters.",
     "sympathy(+4.0 lead x2)", "中方已对日本北海道地震以及台风灾害表示慰问。", "慰问(+4.0 lead x2)", "cooperative"),
    # event words scored in English had no Chinese entry: an arrest, an attack
    ("As authorized by the procuratorial organ, the National Security Bureau of Beijing arrested Australian "
     "national Yang Jun on espionage charges on August 23.", "arrested(-8.0 lead x2)",
     "经检察机关批准，北京市国家安全局于8月23日以涉嫌间谍犯罪依法对澳大利亚籍人员杨军执行逮捕。",
     "逮捕(-8.0 lead x2)", "confrontational"),
    ("The attack on the Chinese Consulate-General in Karachi on November 23 is a terrorist attack.",
     "attack(-6.0 lead x2); attack(-3.0)",
     "11月23日发生的针对中国驻卡拉奇总领馆的袭击是一起恐怖袭击事件。", "袭击(-6.0 lead x2); 袭击(-3.0)",
     "confrontational"),
]


@pytest.mark.parametrize("en,en_evidence,zh,zh_evidence,label", PAIRS)
def test_same_answer_same_reading(lex, en, en_evidence, zh, zh_evidence, label):
    e, z = lex.score_one(en, "en"), lex.score_one(zh, "zh")
    assert (e.label, e.evidence()) == (label, en_evidence), (en, e.raw, e.evidence())
    assert (z.label, z.evidence()) == (label, zh_evidence), (zh, z.raw, z.evidence())
