"""Quick tests before slow patterns (analysis.quickre) never skip a match: on random patterns and
texts, and on the real patterns that use them (the target column's side words, the speaker rules'
introductions and issued statements) over every gold statement."""
from __future__ import annotations

import json
import random
import re

from pathlib import Path

import pytest

from analysis.config import GOLD
from analysis.quickre import literal_starts, quick_test

ROOT = Path(__file__).resolve().parents[1]

PIECES = ["a", "b", "ab", "c", "\\b", "(?:a|bc)", "(?:a|)", "a?", "b*", "c+", "[ab]", "[a-c]", "\\d", "\\w+",
          "(?:x\\d|y)?", "(?=a)", ".", "(b)", "(?:ab|a)?", "x{0,2}", "x{2}", " ", "[^a]", "(?:\\s+a)?", "(?=ab|c)", "(?=b?)"]


def _random_pattern(rnd: random.Random) -> str:
    alts = ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 3))]
    return "|".join(alts)


def test_quickre_never_skips_a_match_on_random_patterns():
    rnd = random.Random(18)
    texts = ["".join(rnd.choice("abcxy1 ") for _ in range(rnd.randint(0, 12))) for _ in range(300)]
    made = 0
    for _ in range(600):
        rx = re.compile(_random_pattern(rnd))
        quick = quick_test(rx)
        if quick is None:
            continue
        made += 1
        for t in texts:
            assert quick.search(t) or not rx.search(t), (rx.pattern, quick.pattern, t)
    assert made > 150


@pytest.mark.parametrize("pattern, starts", [(r"x(?=ab)a", ["xab"]), (r"(?!a)b", None), (r"(?<=a)b", None),
                                             (r"a?b", ["a", "b"]), (r"ab\w+", ["ab"]), (r"\bab(?:c\d|d)e", ["abd", "abc"]),
                                             (r"[Ss]pokes", ["spokes", "Spokes"]), (r"(?:\d|x)y", None), (r"\d+", None),
                                             (r"a|", None), (r"(?i)abc", None), ("abc", ["abc"])])
def test_quickre_literal_starts(pattern, starts):
    got = literal_starts(pattern)
    assert (sorted(got) if got else got) == (sorted(starts) if starts else starts)
    assert literal_starts(re.compile(pattern, re.I)) is None


def test_quickre_on_the_real_patterns():
    from analysis.extract import target as T
    from analysis.speakers import state
    texts = [json.loads(x)["text"] for x in open(GOLD, encoding="utf-8")]
    texts += ["the U.S. side", "America's", "Americas", "Chinas", "China's", "xChina", "PRC.", "中国人",
              "Hong Kong's", "HongKong", "Tibetans", "Macao", "USA", "US-China", "State  Department",
              "Vice President Kamala Harris", "spokesperson Wang Wenbin", "Prime Minister Li Qiang",
              "中共中央书记处书记蔡奇在会上讲话。", "美国总统拜登表示", "印度尼西亚总统佐科举行会谈"]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))[:200]]
    pairs = [(rx, q) for rx, _, q in T.SIDE_TESTS] + [(T.EN_CN, T.EN_CN_QUICK)]
    for rx in (state.INTRO, state.ISSUES, state.ZH_INTRO):
        pairs.append((rx, quick_test(rx)))
    assert all(q is not None for _, q in pairs)
    for rx, quick in pairs:
        for t in texts:
            assert quick.search(t) or not rx.search(t), (rx.pattern[:60], t)
