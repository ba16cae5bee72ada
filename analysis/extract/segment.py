"""Split paragraph text into sentences, for English and Chinese (Simplified and Traditional).

Sentences tile the paragraph: every non-space character belongs to exactly one sentence.
"""
from __future__ import annotations

import re

CLOSERS = "\"'”’」』）)]》"
BOUNDARY = re.compile(r"(?:[.!?]+|[。！？!?]+|…{1,2}|\.{3})[\"'”’」』）)\]》]*")
ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sen", "rep", "gov", "st", "sgt", "capt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "fig", "vol", "pp", "p",
    "u.s", "u.n", "u.k", "e.u", "e.g", "i.e", "a.m", "p.m", "d.c", "u.s.a", "p.r.c", "h.e", "amb",
    "approx", "est", "dept", "univ", "assn", "ave", "blvd", "mt", "ft",
}
# Abbreviations that often end a sentence too: split after them when a sentence starter follows.
FINAL_ABBREV = {"u.s", "u.n", "u.k", "e.u", "etc", "inc", "corp", "co", "ltd", "jr", "sr",
                "a.m", "p.m", "d.c", "u.s.a", "p.r.c"}
STARTERS = {"The", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "In",
            "On", "At", "But", "And", "A", "An", "As", "His", "Her", "Their", "Our", "There",
            "When", "While", "After", "Before", "Meanwhile", "However", "Both", "China", "Chinese"}
OPENERS = "\"'“‘「『（(《"


def _prev_token(text: str, i: int) -> str:
    """The word (letters and inner dots) ending just before position i (the boundary dot)."""
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[j:i]


def _is_boundary(text: str, m: re.Match) -> bool:
    end = m.end()
    punct = m.group(0)
    rest = text[end:]
    if not rest.strip():
        return True
    if punct[0] in "。！？…" or (punct[0] in "!?" and rest[:1] and not rest[:1].isspace()
                                 and re.match(r"[\u3400-\u9fff“‘「]", rest)):
        return True
    if punct[0] in "。！？":
        return True
    if not rest[:1].isspace():
        # "word.Next" (no space) only ends a sentence before Chinese text, and a list number before
        # it ("1.习近平……；") is no sentence
        if punct == "." and re.search(r"(?:^|[\s(（])\d{1,2}$", text[:m.start()]):
            return False
        return bool(re.match(r"[\u3400-\u9fff“「]", rest))
    nxt = rest.lstrip()
    first = nxt[:1]
    if not first:
        return True
    if first.islower() or first in ",;:)]}":
        return False
    if punct.startswith(".") and len(punct.rstrip(CLOSERS)) == 1:
        tok = _prev_token(text, m.start()).lower()
        if len(tok) == 1 and tok.isalpha():       # an initial: "Mute B. Egede"
            return False
        if tok in ABBREV:
            if tok not in FINAL_ABBREV:
                return False
            word = re.match(r"[\w’']+", nxt.lstrip(OPENERS))
            return bool(word and word.group(0) in STARTERS)
        if first.isdigit() and tok in {"no", "art", "para", "sec"}:
            return False
    return first.isupper() or first.isdigit() or first in OPENERS or bool(re.match(r"[\u3400-\u9fff]", first)) \
        or not first.isalpha()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of text, whitespace trimmed, tiling all non-space text."""
    spans, start = [], 0
    for m in BOUNDARY.finditer(text):
        if m.end() <= start:
            continue
        if _is_boundary(text, m):
            spans.append((start, m.end()))
            start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for a, b in spans:
        seg = text[a:b]
        if not seg.strip():
            continue
        a += len(seg) - len(seg.lstrip())
        b -= len(seg) - len(seg.rstrip())
        out.append((a, b))
    return out
