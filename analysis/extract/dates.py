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
# what follows a month's name and day (pattern 2 below; no capital letter in it)
MONTH_DAY = r"\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)"),
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(MONTH_RE + MONTH_DAY, re.I),
    re.compile(r"\b(?P<d>\d{1,2})\s+" + MONTH_RE + r"\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
]
# Speed: `re` scans for a case-insensitive pattern that opens with letters at every place (no set of
# first characters), 5x slower than for the same pattern in lower case without re.I. So pattern 2
# runs as MONTH_DAY_LOW over the text's lower case where that reads the same (_lower_reads_same).
MONTH_DAY_LOW = re.compile(MONTH_RE.lower().replace("(?p<mon>", "(?P<mon>") + MONTH_DAY)
LOW_PATTERN = {2: MONTH_DAY_LOW}
NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SAME_LOWER: dict = {}
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
        for k, (rx, needs) in enumerate(zip(PATTERNS, NEEDS)):
            read = text
            if needs is MONTH:
                month = _may_name_month(text) if month is None else month
                if not month:
                    continue
                if k in LOW_PATTERN and _lower_reads_same(text):
                    # the same matches, at the same places (the month's and day's groups in lower case)
                    rx, read = LOW_PATTERN[k], text.lower()
            elif needs not in text:
                continue    # a character every match of this pattern has is not in the text
            for m in rx.finditer(read):
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


def _lower_reads_same(text: str) -> bool:
    """Does a case-insensitive pattern of ASCII letters, digits, punctuation, \\s, \\d and \\b match
    in text where its lower-case form matches in text.lower(), at the same places? So for ASCII text;
    for other text, when each of its other characters lowers to one character that is not ASCII and
    matches no ASCII letter under re.I ("\u017f" matches "s", "\u212a" "k"), and is a space, digit or
    word character exactly when its lower case is."""
    if text.isascii():
        return True
    for c in set(NON_ASCII.findall(text)):
        same = _SAME_LOWER.get(c)
        if same is None:
            low = c.lower()
            same = _SAME_LOWER[c] = (len(low) == 1 and not low.isascii() and not re.match("[a-z]", c, re.I)
                                     and all(bool(re.match(p, c)) == bool(re.match(p, low))
                                             for p in (r"\s", r"\d", r"\w")))
        if not same:
            return False
    return True


def year_of(date: str | None) -> int | None:
    if date and re.match(r"\d{4}", date):
        return int(date[:4])
    return None
