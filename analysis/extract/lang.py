"""Language of a text: 'zh' (Simplified or Traditional Chinese), 'en', or 'und'."""
from __future__ import annotations

import re
import string

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")
TWO_LATIN = re.compile(r"[A-Za-z][^A-Za-z]*[A-Za-z]")
LETTERS = string.ascii_letters.encode()


def detect(text: str, default: str = "und") -> str:
    """'zh' or 'en' by the share of hanzi and Latin letters in the first 20,000 characters, else
    default (fewer than two of either)."""
    text = text[:20000]
    if text.isascii():
        # no hanzi (the common case, asked for every sentence): English from two Latin letters on
        return "en" if TWO_LATIN.search(text) else default
    han = len(HAN.findall(text))
    # the Latin letters (LATIN) counted in C: the text's ASCII characters less those left when the
    # letters are deleted (a list of every letter, from findall, cost most of the time)
    ascii_part = text.encode("ascii", "ignore")
    latin = len(ascii_part) - len(ascii_part.translate(None, LETTERS))
    if han + latin < 2:
        return default
    # one Chinese character carries about as much as three Latin letters
    return "zh" if han * 3 >= latin else "en"
