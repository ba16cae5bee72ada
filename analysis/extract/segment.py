"""Split paragraph text into sentences, for English and Chinese (Simplified and Traditional).

Sentences tile the paragraph: every non-space character belongs to exactly one sentence.
"""
from __future__ import annotations

import re

CLOSERS = "\"'”’」』）)]》"
# a sentence end: [.!?]+, else [。！？!?]+, else …{1,2} (as the alternation (?:[.!?]+|[。！？!?]+|…{1,2}|\.{3})
# reads them), then closing quotes and brackets. Written to open with one character class, which re
# scans for in C; the alternation made it try every place of the text (a third of split_sentences)
BOUNDARY = re.compile(r"[.!?。！？…](?:(?<=[.!?])[.!?]*|(?<=[。！？])[。！？!?]*|(?<=…)…?)[\"'”’」』）)\]》]*")
ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sen", "rep", "gov", "st", "sgt", "capt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "fig", "vol", "pp", "p",
    "u.s", "u.n", "u.k", "e.u", "e.g", "i.e", "a.m", "p.m", "d.c", "u.s.a", "p.r.c", "h.e", "s.e", "amb",
    "approx", "est", "dept", "univ", "assn", "ave", "blvd", "mt", "ft",
}
# Abbreviations that often end a sentence too: split after them when a sentence starter follows.
FINAL_ABBREV = {"u.s", "u.n", "u.k", "e.u", "etc", "inc", "corp", "co", "ltd", "jr", "sr",
                "a.m", "p.m", "d.c", "u.s.a", "p.r.c"}
STARTERS = {"The", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "In",
            "On", "At", "But", "And", "A", "An", "As", "His", "Her", "Their", "Our", "There",
            "When", "While", "After", "Before", "Meanwhile", "However", "Both", "China", "Chinese"}
INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
OPENERS = "\"'“‘「『（(《"


def _prev_token(text: str, i: int) -> str:
    """The word (letters and inner dots) ending just before position i (the boundary dot)."""
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[j:i]


# read at positions of the paragraph rather than on copies of its rest (a copy per candidate end
# made long paragraphs cost the square of their length)
NONSPACE = re.compile(r"\S")
OPENS_CJK = re.compile(r"[\u3400-\u9fff“‘「]")
OPENS_CJK_NOT_SINGLE = re.compile(r"[\u3400-\u9fff“「]")
HANZI = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[\w’']+")


def _list_number_before(text: str, i: int) -> bool:
    r"""Does text[:i] end with a number of one or two digits standing alone ("1" in "1.习近平",
    after the start, a space or a bracket)? (The pattern (?:^|[\s(（])\d{1,2}$ searched in text[:i],
    whose $ also matches before a final newline.)"""
    for e in ((i, i - 1) if i and text[i - 1] == "\n" else (i,)):
        k = e
        while k > 0 and text[k - 1].isdecimal():
            k -= 1
        if 1 <= e - k <= 2 and (k == 0 or text[k - 1].isspace() or text[k - 1] in "(（"):
            return True
    return False


def _after_name(text: str, i: int) -> bool:
    """Whether the word before position i is capitalised (a name's initials follow it: "Yahya A.J.J.",
    "Mr. A.B."), not a determiner ("the D.P.R.K.", "the U.A.E."): a state's letters end a sentence."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:j][:1].isupper()


def _is_boundary(text: str, m: re.Match, last: int) -> bool:
    """Does the punctuation matched by m end a sentence? last: len(text.rstrip())."""
    end = m.end()
    punct = m.group(0)
    if end >= last:             # only whitespace after it
        return True
    after = text[end]
    if punct[0] in "。！？…" or (punct[0] in "!?" and not after.isspace() and OPENS_CJK.match(text, end)):
        return True
    if not after.isspace():
        # "word.Next" (no space) only ends a sentence before Chinese text, and a list number before
        # it ("1.习近平……；") is no sentence
        if punct == "." and _list_number_before(text, m.start()):
            return False
        return bool(OPENS_CJK_NOT_SINGLE.match(text, end))
    j = NONSPACE.search(text, end).start()
    first = text[j]
    if first.islower() or first in ",;:)]}":
        return False
    if punct.startswith(".") and len(punct.rstrip(CLOSERS)) == 1:
        tok = _prev_token(text, m.start()).lower()
        if len(tok) == 1 and tok.isalpha():       # an initial: "Mute B. Egede"
            return False
        if tok in ABBREV or (INITIALS.fullmatch(tok) and _after_name(text, m.start() - len(tok))):
            # a run of initials ("Yahya A.J.J. Jammeh", "Mr. A.B. Smith") ends a sentence only where
            # a sentence plainly starts after it, as "U.S." does
            if tok in ABBREV and tok not in FINAL_ABBREV:
                return False
            while j < len(text) and text[j] in OPENERS:
                j += 1
            word = WORD.match(text, j)
            return bool(word and word.group(0) in STARTERS)
        if first.isdigit() and tok in {"no", "art", "para", "sec"}:
            return False
    return first.isupper() or first.isdigit() or first in OPENERS or bool(HANZI.match(first)) \
        or not first.isalpha()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of text, whitespace trimmed, tiling all non-space text."""
    spans, start = [], 0
    last = len(text.rstrip())
    for m in BOUNDARY.finditer(text):
        if m.end() <= start:
            continue
        if _is_boundary(text, m, last):
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
