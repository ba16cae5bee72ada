"""Find a document's date in its text: "WASHINGTON, Jan. 31 (Xinhua)", "On the afternoon of
November 9, 2017", "2019年1月31日", "1月31日电". Dates without a year come out as --MM-DD (ISO 8601)."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i for i, names in enumerate([
    (), ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")]) for m in names}
MONTH_RE = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
            r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)"),
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(MONTH_RE + r"\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\s+" + MONTH_RE + r"\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
]
# a character every match of each pattern contains: patterns without it are not run; MONTH: a
# month's first three letters in any case (_may_name_month)
MONTH = "month"
NEEDS = ("-", "月", MONTH, MONTH, "月")
MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DIGIT = re.compile(r"\d")
SKIP = re.compile(r"(updated|published|posted|copyright|©|printed|accessed|retrieved|更新|发布时间|責任編輯)\s*[:：]?\s*$",
                  re.I)


def parse_iso(value: str) -> str | None:
    """A valid YYYY-MM-DD (or YYYY-MM, YYYY) string, else None."""
    value = (value or "").strip()
    for fmt, n in (("%Y-%m-%d", 10), ("%Y/%m/%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            d = dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        if len(value) in (n, n - 1, n - 2) or fmt == "%Y":
            return d.strftime({10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}[n])
    return None


def _valid(y, m, d) -> bool:
    try:
        dt.date(y or 2000, m, d)  # 2000 is a leap year: Feb 29 without a year is allowed
        return True
    except ValueError:
        return False


def find_date(paragraphs: list[str]) -> str | None:
    """The first date in the text that is not a publication/update stamp."""
    for text in paragraphs:
        if not DIGIT.search(text):
            continue        # every pattern has a day number
        hits = []
        month = None
        for rx, needs in zip(PATTERNS, NEEDS):
            if needs is MONTH:
                month = _may_name_month(text) if month is None else month
                if not month:
                    continue
            elif needs not in text:
                continue    # a character every match of this pattern has is not in the text
            for m in rx.finditer(text):
                if SKIP.search(text[max(0, m.start() - 25):m.start()]):
                    continue
                g = m.groupdict()
                mon = MONTHS.get(g["mon"].lower().rstrip(".")) if g.get("mon") else int(g["m"])
                day = int(g["d"])
                year = int(g["y"]) if g.get("y") else None
                if mon and _valid(year, mon, day):
                    hits.append((m.start(), year, mon, day))
        if hits:
            hits.sort(key=lambda h: (h[0], h[1] is None))
            _, year, mon, day = hits[0]
            return f"{year:04d}-{mon:02d}-{day:02d}" if year else f"--{mon:02d}-{day:02d}"
    return None


def _may_name_month(text: str) -> bool:
    """Can MONTH_RE match in text? Its lower case has a month's first three letters (or the text
    has ſ, which re.I matches with s and str.lower() keeps)."""
    if "\u017f" in text:
        return True
    low = text.lower()
    return any(m in low for m in MONTH_STARTS)


def year_of(date: str | None) -> int | None:
    if date and re.match(r"\d{4}", date):
        return int(date[:4])
    return None
