"""Invariants, checked on generated documents (hypothesis): every non-space character of the input
is in exactly one statement (or front matter), offsets point at the statement's text, scores lie in
[-1, 1], and the same input gives the same output."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.extract.build import document_statements

WS = re.compile(r"\s+")
EN = ["The two sides agreed to cooperate.", "Wang said the talks were candid.", "“We oppose this,” he added.",
      "China firmly opposes the sanctions", "Mr. Li met U.S. officials on Jan. 31.", "Q: Any comment?",
      "MR. PRICE: We remain concerned.", "\"Unbalanced quote, said Xi.", "win-win"]
ZH = ["双方一致认为，合作是唯一正确的选择。", "王毅表示，中方坚决反对。", "“我们不寻求对抗。”", "特朗", "普总统",
      "赵立坚：美方应停止干涉。", "问：有何评论？", "「未闭合的引号", "习近平指出"]
pieces = st.lists(st.one_of(st.sampled_from(EN + ZH), st.text(min_size=0, max_size=30)), min_size=1, max_size=12)
seps = st.sampled_from(["\n", "\n\n", " ", "\r\n", "\n\n\n", ""])


@settings(max_examples=150, deadline=None)
@given(pieces, st.lists(seps, min_size=12, max_size=12))
def test_every_character_once_offsets_and_determinism(parts, gaps):
    text = "".join(p + g for p, g in zip(parts, gaps))
    rows = document_statements(text, "d")
    covered = [0] * len(text)
    for r in rows:
        for i in range(r["start"], r["end"]):
            covered[i] += 1
        assert WS.sub("", text[r["start"]:r["end"]]) == WS.sub("", r["text"])
        assert r["speaker"] and r["side"] in ("CN", "US", "other", "none")
    assert max(covered, default=0) <= 1
    missing = "".join(c for c, k in zip(text, covered) if not k)
    assert WS.sub("", missing) == WS.sub("", "".join(r["label"] for r in rows))   # only turn labels
    assert rows == document_statements(text, "d")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(EN + ZH), min_size=1, max_size=6), st.sampled_from(["en", "zh"]))
def test_lexicon_scores_in_range(parts, lang):
    from analysis.scorers import get
    lex = get("lexicon")
    out = lex.transform([" ".join(parts)], [lang])
    assert -1 <= out.score[0] <= 1 and -1 <= out.sentiment[0] <= 1
    assert out.label[0] in ("cooperative", "neutral", "confrontational")
