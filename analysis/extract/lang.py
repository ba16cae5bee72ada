"""Language of a text: 'zh' (Simplified or Traditional Chinese), 'en', or 'und'."""
from __future__ import annotations

import re

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")


def detect(text: str, default: str = "und") -> str:
    han = len(HAN.findall(text[:20000]))
    latin = len(LATIN.findall(text[:20000]))
    if han + latin < 2:
        return default
    # one Chinese character carries about as much as three Latin letters
    return "zh" if han * 3 >= latin else "en"
