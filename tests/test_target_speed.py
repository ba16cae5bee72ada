"""The target column's quick tests (analysis.extract.target) never skip a side word the full pattern
would find: checked on every gold statement and on words glued to the side words."""
from __future__ import annotations

import json

from analysis.config import GOLD
from analysis.extract import target as T


def test_target_quick_tests_are_made_and_never_skip_a_match():
    texts = [json.loads(x)["text"] for x in open(GOLD, encoding="utf-8")]
    texts += ["the U.S. side", "America's", "Americas", "Chinas", "China's", "xChina", "PRC.", "中国人",
              "Hong Kong's", "HongKong", "Tibetans", "Macao", "USA", "US-China", "State  Department"]
    assert all(quick is not None for _, _, quick in T.SIDE_TESTS)
    for rx, side, quick in T.SIDE_TESTS:
        for t in texts:
            assert quick.search(t) or not rx.search(t), (side, t)
    for t in texts:
        assert T.EN_CN_ANY.search(t) or not T.EN_CN.search(t), t
