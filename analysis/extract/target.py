"""What a statement is about (the `target` column): the United States (US), China (CN), another state
(other) or none, from side words ("the Chinese side", 美方, Washington, 北京), the registry's people and
bodies, and country names; a statement that names its speaker's counterpart is about the counterpart."""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from analysis.data import data_lines
from analysis.quickre import quick_test
from analysis.speakers.common import SIDE_WORDS
from analysis.speakers.names import registry_index
from analysis.speakers.registry import Registry

COUNTERPART = {"CN": "US", "US": "CN"}
ZH_SIDES = {"CN": ("北京", "华方", "習近平", "台湾", "臺灣", "台灣", "香港", "澳门", "澳門", "新疆", "西藏"),
            "US": ("华盛顿", "華盛頓", "白宫", "白宮")}
EN_CN = re.compile(r"\b(?:Taiwan|Taiwanese|Hong Kong|Macau|Macao|Xinjiang|Tibet|Tibetan)\b")
EN_CN_QUICK = quick_test(EN_CN)      # (analysis.quickre: the words anywhere, a search 4x cheaper)
# a two-character state name inside a longer word is not the state: 印度洋, 朝鲜族, 中非合作, 沿海地区, 内蒙古
ZH_NOT_STATE = re.compile(r"印度洋|朝鲜族|朝鮮族|中非合作|海地区|内蒙古|內蒙古|加纳入|增加纳|南非洲")


CJK = re.compile(r"[\u3400-\u9fff]")
CAPITALISED = re.compile(r"[A-Z][\w'’\-]*")


@lru_cache(maxsize=None)
def _other_countries() -> tuple[dict, re.Pattern]:
    """English names by their first word ({"New": [["New", "Zealand"]], ...}, longest first) and one
    pattern of the Chinese names: checked per capitalised word, and only in text with hanzi."""
    first: dict = {}
    for name in data_lines("en_countries.txt"):
        words = name.split()
        first.setdefault(words[0], []).append(words)
    for v in first.values():
        v.sort(key=len, reverse=True)
    zh = [re.escape(w) for w in data_lines("zh_countries.txt") if w not in ("中国", "中國", "美国", "美國", "台湾", "臺灣", "台灣", "香港", "澳门", "澳門")]
    return first, re.compile("|".join(sorted(zh, key=len, reverse=True)))


def _other_at(text: str) -> int | None:
    """Where the text first names a third state, or None."""
    first, zh = _other_countries()
    at = None
    words = CAPITALISED.findall(text)         # offsets are read only for a word that starts a name
    if not first.keys().isdisjoint(words):
        for k, w in enumerate(words):
            if any(words[k:k + len(name)] == name for name in first.get(w, ())):
                at = next(itertools.islice(CAPITALISED.finditer(text), k, None)).start()
                break
    if not text.isascii() and CJK.search(text):
        masked = ZH_NOT_STATE.sub(lambda m: "\u2592" * len(m.group(0)), text)
        m = zh.search(masked)
        if m and (at is None or m.start() < at):
            at = m.start()
    return at


# SIDE_WORDS with each side's quick test, for the sides a target can be
SIDE_TESTS = [(rx, side, quick_test(rx)) for rx, side in SIDE_WORDS if side in COUNTERPART]


def sides_mentioned(text: str, registry: Registry, names=None) -> list[str]:
    """The sides a text names, in the order they first appear: "CN", "US", "other". names: the alias
    index of the document's speaker state, if any (the registry's index, or a view of it with the
    names the document introduced): the registry's names are then read from what it found in the text
    where it can tell them (AliasIndex.base_find); the registry's own index decides either way."""
    found: list[tuple[int, str]] = []
    for rx, side, quick in SIDE_TESTS:
        m = rx.search(text) if quick is None or quick.search(text) else None
        if m:
            found.append((m.start(), side))
    m = EN_CN.search(text) if EN_CN_QUICK is None or EN_CN_QUICK.search(text) else None
    if m:
        found.append((m.start(), "CN"))          # Taiwan, Hong Kong, Xinjiang, Tibet: China's questions
    # (Chinese words, all of them hanzi: not looked for in text without any, such as English with a
    # curly quote or a dash)
    for side, words in (ZH_SIDES.items() if not text.isascii() and CJK.search(text) else ()):
        at = [text.find(w) for w in words if w in text]
        if at:
            found.append((min(at), side))
    index = registry_index(registry)
    for start, _, alias in (names.base_find(text) if names is not None and names.base is index else index.find(text)):
        for name in registry.lookup(alias):
            side = registry.side(name)
            if side in ("CN", "US", "other"):
                found.append((start, side))
    at = _other_at(text)
    if at is not None:
        found.append((at, "other"))
    out: list[str] = []
    for _, side in sorted(found):
        if side not in out:
            out.append(side)
    return out


def target(text: str, speaker_side: str, registry: Registry, names=None) -> str:
    """US, CN, other or none: the speaker's counterpart where the text names it; else, for a speaker of
    neither side, the first of China and the United States it names; else another state; else the
    speaker's own side; else none. names: see sides_mentioned."""
    sides = sides_mentioned(text, registry, names)
    counterpart = COUNTERPART.get(speaker_side)
    if counterpart in sides:
        return counterpart
    if counterpart is None:
        first = next((s for s in sides if s in COUNTERPART), None)
        if first:
            return first
    if "other" in sides:
        return "other"
    if speaker_side in sides:
        return speaker_side
    return "none"
