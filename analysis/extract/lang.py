"""Language of a text: 'zh' (Simplified or Traditional Chinese), 'en', or 'und'."""
from __future__ import annotations

import re

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")
TWO_LATIN = re.compile(r"[A-Za-z][^A-Za-z]*[A-Za-z]")


def detect(text: str, default: str = "und") -> str:
    text = text[:20000]
    if text.isascii():
        # no hanzi (the common case, asked for every sentence): English from two Latin letters on
        return "en" if TWO_LATIN.search(text) else default
    han = len(HAN.findall(text))
    latin = len(LATIN.findall(text))
    if han + latin < 2:
        return default
    # one Chinese character carries about as much as three Latin letters
    return "zh" if han * 3 >= latin else "en"
