"""Front matter of a document: the patterns that mark a line or paragraph as front matter (a date
alone, markup, bylines, sources, copyright lines, links ...) and `is_front_matter`, which layout and
the statement rows ask about every line, paragraph and sentence."""
from __future__ import annotations

import re
from functools import lru_cache

FRONT_PATTERNS = [re.compile(p, re.I) for p in (
    r"^\s*(updated|published|posted|source|editor|editors?'s? note|photo|image|video|by|from|"
    r"reporting by|writing by|edited by|file photo)\s*[:|]",
    r"\bupdated\s*:\s*\d", r"copyright|©|all rights reserved|not to be republished",
    r"^\s*\(?\s*not to be republished", r"^\s*presented by\b",
    r"^\s*https?://\S+\s*$", r"^\s*www\.\S+\s*$",
    r"^\s*\*(?!\*)\s*\S", r"^\s*[(（]?\s*(责任编辑|編輯|编辑|来源|來源|记者|記者)\s*[:：]",
    r"^\s*(新华社|人民日报|新華社)?记者\s*[\u4e00-\u9fff\s]{2,30}$",
    r"^\s*(本报记者|本報記者)\s*[\u4e00-\u9fff\s]{2,30}$",
    r"^\s*[（(]\s*\d{4}\s*年[^）)]{0,30}[）)]\s*$",       # a speech's date and place: "（2020年11月10日，北京）"
    # a UN speech's session line: "General Assembly, 77th session", "Seventy-seventh session of the
    # General Assembly, General Debate"
    r"^\s*(?:(?:United\s+Nations|UN)\s+)?General\s+(?:Assembly|Debate)\b[^.!?]{0,50}\bsession\s*$",
    r"^\s*(?:the\s+)?[\w\-]+(?:\s[\w\-]+)?\s+session\s+of\s+the\s+(?:United\s+Nations\s+)?General\s+Assembly"
    r"(?:\s*[,:(–—-][^.!?]{0,40})?\s*$",        # not a wrapped sentence ("... General Assembly provides us")
    # the same with its place or year: "General Debate of the 65th Session, New York, 2010", and the place and
    # date first: "New York, September 2007 -- General Assembly, 62nd session, general debate"
    r"^\s*(?:(?:United\s+Nations|UN)\s+)?General\s+(?:Assembly|Debate)\b[^.!?]{0,80}\b(?:session|(?:19|20)\d\d)\s*$",
    r"^\s*(?:New\s+York|Geneva)\b[^.!?]{0,40}\b(?:19|20)\d\d\b[^.!?]{0,40}\bGeneral\s+(?:Assembly|Debate)\b[^.!?]{0,60}$",
    # a speech's text as distributed before it is given
    r"^\s*\(?\s*(?:Please\s+)?check\s+against\s+delivery\s*\)?\s*$",
)]
# what a text must contain for each of FRONT_PATTERNS to match, so that a pattern is searched only
# in text that has it (the unanchored ones cost most on long paragraphs): one of the strings, as
# written; LOWER: one of them in the text in lower case (not checked so in text with one of
# RE_I_ODD, the letters re.I matches with an ASCII letter of those words that str.lower() does not
# give: İ, ı, ſ); None: always searched
LOWER = "lower"
RE_I_ODD = "\u0130\u0131\u017f"
FRONT_NEEDS = ((":", "|"), (":",), (LOWER, "copyright", "©", "all rights reserved", "not to be republished"),
               None, None, (":",), None, None, (":", "："), ("记者",), ("记者", "記者"), ("年",),
               (LOWER, "session"), (LOWER, "session"), (LOWER, "general"), (LOWER, "general"), (LOWER, "delivery"))
# one entry per pattern: a pattern added without one would never be searched
assert len(FRONT_NEEDS) == len(FRONT_PATTERNS), "FRONT_NEEDS needs an entry (None: always) per FRONT_PATTERNS"
# Markdown and scraped web pages: headings, HTML comments, lone links and images, rules, YAML fences
MARKUP = re.compile(r"^\s*(?:\*\*[^*]+\*\*\s*:?\s*$|#{1,6}\s|<!--.*-->\s*$|!?\[[^\]]*\]\([^)]*\)\s*$|(?:-{3,}|\*{3,}|_{3,})\s*$)")
MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
DATE_ONLY = re.compile(
    # a place may come first: "New York, 25 September 2014"
    r"^\s*(?:(?-i:[A-Z])[\w.'’\-]+(?:\s+(?-i:[A-Z])[\w.'’\-]+){0,2},\s+)?"
    rf"(?:{MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS}\s+\d{{4}}|{MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d)\s*[\u00a0\s]*$", re.I)     # a year alone too


def is_front_matter(s: str) -> bool:
    """A line or paragraph that is front matter: a date alone, markup, a byline, a source, a
    copyright line, a link ... (the patterns above)."""
    return _front_matter(s.strip())


@lru_cache(maxsize=8192)
def _front_matter(s: str) -> bool:
    """is_front_matter of a stripped text."""
    # remembered: a one-line paragraph is asked about as a line, as a paragraph and as a statement
    return bool(DATE_ONLY.match(s) or MARKUP.match(s) or _front_pattern(s))


def _checks(pairs) -> list:
    """(pattern, lower, words) of (pattern, needs) pairs: lower True when the words are looked for in
    the lower-cased text (LOWER), words None when the pattern is always searched."""
    return [(p, needs is not None and needs[0] is LOWER,
             None if needs is None else tuple(needs[1:]) if needs[0] is LOWER else tuple(needs))
            for p, needs in pairs]


def _plain_ascii_patterns() -> list:
    """(pattern, needs) of FRONT_PATTERNS that can match ASCII text without ':' or '|' (the common
    sentence): those whose required strings are not all non-ASCII or made with ':' or '|'."""
    def impossible(needs):
        return needs is not None and needs[0] is not LOWER and all(
            not w.isascii() or ":" in w or "|" in w for w in needs)
    return [(p, needs) for p, needs in zip(FRONT_PATTERNS, FRONT_NEEDS) if not impossible(needs)]


PLAIN_ASCII = _plain_ascii_patterns()
# the same as (pattern, lower, words) for _front_pattern
ALL_CHECKS, PLAIN_ASCII_CHECKS = _checks(zip(FRONT_PATTERNS, FRONT_NEEDS)), _checks(PLAIN_ASCII)


def _front_pattern(s: str) -> bool:
    """any(p.search(s) for p in FRONT_PATTERNS), without searching for a pattern whose required
    text (FRONT_NEEDS) s lacks (looked for with map in C: a generator per pattern cost more than
    most searches)."""
    ascii_ = s.isascii()
    low = s.lower() if ascii_ or not any(map(s.__contains__, RE_I_ODD)) else None
    for p, lower, words in (PLAIN_ASCII_CHECKS if ascii_ and ":" not in s and "|" not in s else ALL_CHECKS):
        if words is not None:
            if lower:
                if low is not None and not any(map(low.__contains__, words)):
                    continue
            elif not any(map(s.__contains__, words)):
                continue
        if p.search(s):
            return True
    return False
