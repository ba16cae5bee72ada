"""The diplomatic lexicon scorer: transparent, auditable, English and Chinese.

Each statement is matched against the lexicon data files in analysis/data/lexicon/ (terms with a
Goldstein-like weight from -10, most confrontational, to +10, most cooperative; intensifiers;
negators; reassuring negators; contrast words; names to mask). Rules, each recorded in the
evidence of the statement:

- names of people, countries and bodies are masked first, so "United States" is not "united";
- an intensifier (firmly, strongly, 坚决, 强烈) multiplies the term right after it;
- negation is scoped to the clause and has three outcomes: a plain flip (不反对: mildly cooperative;
  "not constructive": confrontational), reassurance ("does not seek confrontation", 不寻求对抗:
  cooperative), and threats, which are whole formulae in the lexicon ("will not hesitate to",
  绝不容忍) so their negation is never flipped;
- after a contrast word (but, however, 但是) the rest of the sentence counts more;
- the weights are summed and squashed to a score in [-1, 1]: raw / sqrt(raw^2 + alpha);
  the label is neutral inside a band around zero chosen on training data (fit).

Sentiment (general tone, -1..1): VADER's word valences on the masked English text; a word list
(analysis/data/lexicon/zh_sentiment.tsv) with the same negation for Chinese.

Speed (docs/benchmarks.md): transform reads the English statements of a call together, in parts of
about EN_PART_CHARS characters (one regular expression over a part, a table of the facts about each
distinct word looked up in C, numpy for the per-word steps; Python visits only the words where an
entry or a longer name may start, with their candidates and next word fetched from the table) and
finds Chinese words with Aho-Corasick automata (pyahocorasick); a text repeated in one call is
scored once, and the cyclic garbage collector is paused while a call scores. score_one gives
exactly the same answers one statement at a time.
"""
from __future__ import annotations

import bisect
import csv
import gc
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path

import ahocorasick
import numpy as np
import pandas as pd

from analysis.config import LABELS, LEXICON_DIR
from analysis.scorers.base import Scorer
from analysis.scorers.registry import register

ROLES = ("term", "intensifier", "negator", "negator_reassure", "contrast", "mask")
CATEGORIES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
              "diplomatic_code", "")
PARAMS_FILE = "params.json"
TIE = 0.005        # macro-F1 differences smaller than this are treated as ties when fitting
ZH_CLAUSE = "，；：、（）“”,;:"
EN_WINDOW = 4      # tokens between a negator and the term it scopes over
ZH_WINDOW = 4      # characters between a negator and the term it scopes over
INTENSIFIER_GAP_EN = 2
INTENSIFIER_GAP_ZH = 3
EN_PART_CHARS = 120_000     # English statements are read in parts of about this many characters


@dataclass(frozen=True)
class Entry:
    pattern: str
    role: str
    weight: float
    category: str
    source: str
    note: str = ""
    file: str = ""


@dataclass(slots=True)
class Match:
    entry: Entry
    start: int          # character offsets in the statement
    end: int
    text: str
    weight: float = 0.0
    rules: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"term": self.entry.pattern, "text": self.text, "role": self.entry.role,
                "base_weight": self.entry.weight, "weight": round(self.weight, 3),
                "category": self.entry.category, "rules": list(self.rules), "source": self.entry.source}


def _lexicon_dir() -> Path:
    return LEXICON_DIR


def read_entries(path: Path) -> list[Entry]:
    """Entries of one lexicon file; raises ValueError naming the file and line on a bad row."""
    from analysis.data import tsv_rows
    out = []
    for lineno, row in tsv_rows(path.read_text("utf-8"))[1]:
        pattern = (row.get("pattern") or "").strip()
        role = (row.get("role") or "term").strip()
        if not pattern:
            continue
        if role not in ROLES:
            raise ValueError(f"{path}:{lineno}: unknown role {role!r}")
        category = (row.get("category") or "").strip()
        if category not in CATEGORIES:
            raise ValueError(f"{path}:{lineno}: unknown category {category!r}; expected one of {CATEGORIES}")
        w = (row.get("weight") or "").strip()
        try:
            weight = float(w) if w else (1.0 if role == "intensifier" else 0.0)
        except ValueError:
            raise ValueError(f"{path}:{lineno}: weight {w!r} is not a number") from None
        out.append(Entry(pattern, role, weight, category, (row.get("source") or "").strip(),
                         (row.get("note") or "").strip(), path.name))
    return out


GAP_EN = 4      # tokens a "..." in an English pattern may skip
GAP_ZH = 8      # characters a "…" in a Chinese pattern may skip
GAP_STOP = re.compile(r"[,.;:!?，。；：！？]")


# English statements are read as units: words (letters or digits; hyphens and apostrophes split
# words, so patterns write "win win", "so called") and punctuation that ends a clause or a gap.
UNIT = re.compile(r"[A-Za-z\u00c0-\u024f]+|\d+|[,;:()\u2014\u2013\"“”.!?]")
UNIT_PUNCT = frozenset(',;:()\u2014\u2013"“”.!?')
UNIT_CLAUSE = frozenset(',;:()\u2014\u2013"“”')


def unit_starts(text: str, units: list) -> list[int]:
    """Where each unit (from UNIT.findall(text)) starts in the text."""
    starts, pos = [], 0
    for u in units:
        pos = text.find(u, pos)
        starts.append(pos)
        pos += len(u)
    return starts


def units_with_offsets(text: str) -> tuple[list, list]:
    units = UNIT.findall(text)
    return units, unit_starts(text, units)


# The units with the text between them: [gap, unit, gap, unit, ..., gap].
UNIT_SPLIT = re.compile(f"({UNIT.pattern})")
# Many statements at once: joined by a separator that is a unit of its own.
BATCH_SEP = "\x00"
GAP_STOP_UNITS = UNIT_PUNCT | {BATCH_SEP}         # a gap in a pattern never skips these
UNIT_BATCH = re.compile(f"{UNIT.pattern}|{BATCH_SEP}")
UNIT_BATCH_SPLIT = re.compile(f"({UNIT.pattern}|{BATCH_SEP})")    # [gap, unit, gap, ..., unit, gap]
_LATIN = [chr(c) for c in list(range(0x41, 0x5b)) + list(range(0x61, 0x7b)) + list(range(0xc0, 0x250))]
_UPPER = re.escape("".join(c for c in _LATIN if c.isupper()))
_LOWER = re.escape("".join(c for c in _LATIN if c.islower()))


def _automaton(pairs) -> "ahocorasick.Automaton | None":
    """An Aho-Corasick automaton (pyahocorasick, C) over the (key, value) pairs; None if empty."""
    a = ahocorasick.Automaton()
    for k, v in pairs:
        a.add_word(k, v)
    if not len(a):
        return None
    a.make_automaton()
    return a


def _leftmost_longest(automaton, text: str) -> list:
    """Non-overlapping matches of the automaton's keys in text, leftmost first and, at one start,
    longest first: [(start, value)]. Values are (key length, ...)."""
    # the matches come by their end: of two starting at one place the longer comes later and wins
    best = dict((end - v[0] + 1, v) for end, v in automaton.iter(text))
    out, i = [], 0
    for s in sorted(best):
        if s >= i:
            v = best[s]
            out.append((s, v))
            i = s + v[0]
    return out


def _match_spec(spec, k, low, j, masked, n) -> int:
    """Match spec[k:] from unit j (see Lexicon._match_en); the first way through a gap wins."""
    while k < len(spec):
        kind, val = spec[k]
        if kind == "gap":
            for skip in range(0, GAP_EN + 1):
                if skip and (j + skip > n or low[j + skip - 1] in GAP_STOP_UNITS):
                    break
                r = _match_spec(spec, k + 1, low, j + skip, masked, n)
                if r >= 0:
                    return r
            return -1
        if j < n and not masked[j] and ((low[j] == val) if kind == "exact" else low[j].startswith(val)):
            k += 1
            j += 1
            continue
        return -1
    return j


# how find_units matches the rest of a candidate entry, its first word matched (see Lexicon._split)
ONE_WORD, TWO_WORDS, WORDS, GAP_LAST, GAP, SECOND_WORD, SECOND_PREFIX = range(7)


class _Lower:
    """The lower case of a list of units, computed for the units that are read (find_units reads
    only the few near the places where an entry may start)."""

    __slots__ = ("units",)

    def __init__(self, units: list):
        self.units = units

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, k):
        if type(k) is slice:
            return [u.lower() for u in self.units[k]]
        return self.units[k].lower()


class _UnitTable(dict):
    """unit -> id: 0 for a unit that plays no part (most words), 1 for the separator of statements
    (BATCH_SEP), else a number indexing the facts kept about it (`facts`, and as arrays for numpy:
    `arrays()`): lower case, where an entry may start at it, VADER valence, is a negation, names
    starting with it. A dict whose misses are computed once (__missing__), so that
    `map(table.__getitem__, units)` runs in C for known units.

    Entry starts: True when some entry starting here is a single word or goes on with a prefix or a
    gap; else the set of words that must follow (the second words of the entries), so the many
    places where "to" or "in" begins no entry are skipped. Names: (second word -> names starting
    with these two words, in the index's longest-first order), and whether the unit alone is a name."""

    LIMIT = 500_000

    def __init__(self, lexicon: "Lexicon"):
        super().__init__()
        self.lexicon = lexicon
        self.words, negate = _vader_words()
        self.negate = negate | {"t"}
        self.names = _names().latin
        # the words that can come second in a longer name (case-sensitive) or in an entry
        self.name_second = {toks[1] for v in self.names.values() for toks, _ in v if len(toks) > 1}
        self.entry_second = {spec[1][1] for lst in chain(lexicon._exact.values(), lexicon._prefix.values())
                             for _, spec, _ in lst if len(spec) > 1 and spec[1][0] == "exact"}
        # facts: lower case, entry start, valence (nan: none), negation, one-word name, longer names,
        # second word of a longer name, second word of an entry
        self.facts = [("", False, math.nan, False, False, None, False, False)] * 2
        self[BATCH_SEP] = 1
        self._arrays = self._objects = None

    def __missing__(self, u: str):
        low = u.lower()
        punct = u in UNIT_PUNCT
        start = False
        if not punct:
            for _, spec, _ in self.lexicon._candidates(low):
                if len(spec) == 1 or spec[1][0] != "exact":
                    start = True
                    break
                start = (start or set()) | {spec[1][1]}
        val = None if (punct or low in EN_TONE_NEUTRAL) else self.words.get(low)
        neg = low in self.negate
        single, longer = False, None
        for toks, _ in self.names.get(u, ()):
            if len(toks) == 1:
                single = True
            else:
                longer = longer or {}
                longer.setdefault(toks[1], []).append(toks)
        second_name, second_entry = u in self.name_second, low in self.entry_second
        if start or val is not None or neg or single or longer or second_name or second_entry:
            x = len(self.facts)
            self.facts.append((low, start, math.nan if val is None else val, neg, single, longer,
                               second_name, second_entry))
            self._arrays = self._objects = None
            self[u] = x
        else:
            x = 0
            if len(self) < self.LIMIT:
                self[u] = x
        return x

    def arrays(self):
        """The facts as numpy arrays indexed by id: an entry may start here whatever follows (1) or
        if the right word follows (2), valence, negation, one-word name, longer names, second word
        of a longer name, second word of an entry."""
        if self._arrays is None:
            f = self.facts
            self._arrays = (np.array([1 if x[1] is True else 2 if x[1] else 0 for x in f], dtype=np.int8),
                            np.array([x[2] for x in f], dtype=float), np.array([x[3] for x in f]),
                            np.array([x[4] for x in f]), np.array([x[5] is not None for x in f]),
                            np.array([x[6] for x in f]), np.array([x[7] for x in f]))
        return self._arrays

    def objects(self):
        """The facts as numpy object arrays indexed by id: lower case ("" for the ids 0 and 1), the
        entry-start fact (True, or the words that must follow), and the entry's candidates split as
        Lexicon._split gives them (None where no entry starts)."""
        if self._objects is None:
            f = self.facts
            low, start, split = (np.empty(len(f), dtype=object) for _ in range(3))
            low[:] = [x[0] for x in f]
            start[:] = [x[1] for x in f]
            split[:] = [self.lexicon._split_of(x[0]) if x[1] else None for x in f]
            self._objects = (low, start, split)
        return self._objects


class Lexicon:
    """All entries of one language, indexed for fast longest-match lookup.

    English: patterns are token sequences, indexed by their first token (exact, or a prefix for
    `word*`); Chinese: character strings (with `…` gaps), indexed by their first character. At each
    position the longest matching entry wins, and matching resumes after it.
    """

    def __init__(self, lang: str, entries: list[Entry]):
        self.lang = lang
        by_pattern: dict = {}
        for e in entries:           # later files (curated) override earlier ones (derived)
            by_pattern[self._norm(e.pattern)] = e
        self.entries = list(by_pattern.values())
        self._index(self.entries)

    def _norm(self, p: str) -> str:
        if self.lang != "en":
            return p.strip()
        return re.sub(r"\s+", " ", re.sub(r"[\-'’]", " ", p.strip().lower())).strip()

    @classmethod
    def load(cls, lang: str, directory: str | Path | None = None) -> "Lexicon":
        d = Path(directory) if directory else _lexicon_dir()
        order = {"derived": 0, "review": 1}
        files = sorted(d.glob(f"{lang}_*.tsv"), key=lambda p: (min((v for k, v in order.items() if k in p.name), default=2), p.name))
        files = [f for f in files if "sentiment" not in f.name]
        entries = [e for f in files for e in read_entries(f)]
        return cls(lang, entries)

    def _index(self, entries):
        self._exact: dict = {}
        self._prefix: dict = {}
        self._first: dict = {}
        for e in entries:
            if self.lang == "en":
                toks = self._norm(e.pattern).split()
                spec = [("gap", None) if t == "..." else ("prefix", t[:-1]) if t.endswith("*") else ("exact", t)
                        for t in toks]
                if not spec or spec[0][0] == "gap":
                    continue
                kind, first = spec[0]
                length = sum(len(v or "") for _, v in spec) + len(spec)
                target = self._exact if kind == "exact" else self._prefix
                target.setdefault(first, []).append((length, spec, e))
            else:
                segs = [x for x in e.pattern.split("…") if x]
                if segs:
                    self._first.setdefault(segs[0][0], []).append((sum(map(len, segs)), segs, e))
        for d in (self._exact, self._prefix, self._first):
            for k in d:
                d[k].sort(key=lambda x: -x[0])
        # multiword patterns made only of whole words can be matched by comparing list slices
        self._exact_seq = {id(spec): [v for _, v in spec]
                           for lst in list(self._exact.values()) + list(self._prefix.values())
                           for _, spec, _ in lst if len(spec) > 1 and all(k == "exact" for k, _ in spec)}
        self._prefix_lengths = sorted({len(k) for k in self._prefix}, reverse=True)
        self._cand_cache: dict = {}
        self._split_cache: dict = {}

    def _split(self, t: str) -> tuple:
        """The candidates of token t (in their longest-first order, numbered) split into those that
        need no particular second word and, by second word, those that do (cached)."""
        others, by_second = [], {}
        for rank, (length, spec, e) in enumerate(self._candidates(t)):
            # (rank, length, spec, entry, how to match the rest (find_units), what it needs); the
            # candidates with an exact second word are read only when the next unit is that word
            kind, val = spec[1] if len(spec) > 1 else (None, None)
            seq = self._exact_seq.get(id(spec))
            if len(spec) == 1:
                x = (rank, length, spec, e, ONE_WORD, None)
            elif seq is not None:               # words only
                x = (rank, length, spec, e, TWO_WORDS, None) if len(seq) == 2 else \
                    (rank, length, spec, e, WORDS, seq[2:])
            elif kind == "gap":
                # "first ... last" (one gap, then a word or prefix) is read on a window of units
                x = (rank, length, spec, e, GAP_LAST, spec[2]) if len(spec) == 3 and spec[2][0] != "gap" else \
                    (rank, length, spec, e, GAP, None)
            elif kind == "exact":
                x = (rank, length, spec, e, SECOND_WORD, None)
            else:
                x = (rank, length, spec, e, SECOND_PREFIX, val)
            if kind == "exact":
                by_second.setdefault(val, []).append(x)
            else:
                others.append(x)
        # when all the candidates that need no second word are single words, the best of them is
        # known in advance: the longest pattern, then the first
        one = max(others, key=lambda c: (c[1], -c[0]))[3] if others and all(c[4] == ONE_WORD for c in others) else None
        x = (others, by_second, one)
        if len(self._split_cache) < 200_000:
            self._split_cache[t] = x
        return x

    def _split_of(self, t: str) -> tuple:
        return self._split_cache.get(t) or self._split(t)

    def _candidates(self, t: str) -> list:
        """Entries whose first token can match the token t (cached: the vocabulary is bounded)."""
        c = self._cand_cache.get(t)
        if c is None:
            c = list(self._exact.get(t, ()))
            for L in self._prefix_lengths:
                if len(t) >= L and t[:L] in self._prefix:
                    c.extend(self._prefix[t[:L]])
            if len(self._cand_cache) < 200_000:
                self._cand_cache[t] = c
        return c

    def unit_table(self) -> "_UnitTable":
        """English: facts about each distinct unit, looked up in C (see _UnitTable)."""
        if getattr(self, "_units", None) is None:
            self._units = _UnitTable(self)
        return self._units

    def zh_automaton(self):
        """Chinese: an automaton over the first segments of the entries; values (segment length,
        [(rank, segs, entry)]) where rank is the entry's place in the longest-first order."""
        if getattr(self, "_zh_auto", False) is False:
            by_seg: dict = {}
            for c, lst in self._first.items():
                for rank, (_, segs, e) in enumerate(lst):
                    by_seg.setdefault(segs[0], []).append((rank, segs, e))
            self._zh_auto = _automaton((k, (len(k), v)) for k, v in by_seg.items())
        return self._zh_auto

    def find_units(self, low: list, masked: list, starts=None, splits=None, nexts=None,
                   tuples: bool = False) -> list:
        """English: non-overlapping matches over lower-case units, leftmost and longest first;
        Match.start/end are unit indices. starts: the units where an entry can start, ascending
        (default: all units with candidates); splits and nexts, if given: for each start, its
        candidates (_split) and the lower case of the next unit (it may be "" when the next unit
        is no entry's second word: it is compared only with those). tuples: (entry, start, end)
        instead of Match objects."""
        out = []
        n = len(low)
        if starts is None:
            starts = [k for k in range(n) if self._candidates(low[k])]
        if splits is None:
            splits = [self._split_of(low[k]) for k in starts]
            nexts = [low[k + 1] if k + 1 < n else "" for k in starts]
        i = 0
        for i0, (others, by_second, one), nx in zip(starts, splits, nexts):
            if i0 < i or masked[i0]:
                continue
            i = i0
            # candidates: those that do not need a given second word, and those whose second word
            # is the next unit; the best is the longest span, then the longest pattern, then the
            # first in the longest-first order (as if all candidates were tried in that order)
            if by_second and nx in by_second and not masked[i + 1]:
                cands = sorted(chain(others, by_second[nx]))
            elif one is not None:
                out.append((one, i, i + 1))
                i += 1
                continue
            else:
                cands = others
            best = None
            window = None
            for _, length, spec, e, how, need in cands:
                # (an exact second word is the next unit, not masked: cands hold such entries only then)
                if how == ONE_WORD:
                    j = i + 1
                elif how == TWO_WORDS:
                    j = i + 2
                elif how == WORDS:           # words only: compare slices
                    m = len(need)
                    j = i + 2 + m if low[i + 2:i + 2 + m] == need and not any(masked[i + 2:i + 2 + m]) else -1
                elif how == GAP_LAST:        # "first ... last": the first place after the gap
                    if window is None:
                        window = low[i + 1:i + 2 + GAP_EN]
                    j = -1
                    lk, lv = need
                    for p, w in enumerate(window, i + 1):
                        if not masked[p] and ((w == lv) if lk == "exact" else w.startswith(lv)):
                            j = p + 1
                            break
                        if w in GAP_STOP_UNITS:
                            break
                elif how == GAP:
                    j = _match_spec(spec, 1, low, i + 1, masked, n)
                elif how == SECOND_WORD:
                    j = _match_spec(spec, 2, low, i + 2, masked, n)
                elif i + 1 < n and not masked[i + 1] and low[i + 1].startswith(need):
                    j = _match_spec(spec, 2, low, i + 2, masked, n)
                else:
                    j = -1
                if j > i and (best is None or (j - i, length) > (best[0] - i, best[1])):
                    best = (j, length, e)
            if best:
                out.append((best[2], i, best[0]))
                i = best[0]
            else:
                i += 1
        return out if tuples else [Match(e, a, b, "") for e, a, b in out]

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost and longest first, with character offsets."""
        out = []
        if self.lang == "en":
            units, starts = units_with_offsets(text)
            low = [u.lower() for u in units]
            for m in self.find_units(low, [False] * len(low)):
                a, b = starts[m.start], starts[m.end - 1] + len(units[m.end - 1])
                out.append(Match(m.entry, a, b, text[a:b]))
            return out
        auto = self.zh_automaton()
        if auto is None:
            return out
        at: dict = {}
        for end, (n, lst) in auto.iter(text):
            at.setdefault(end - n + 1, []).append(lst)
        i = 0
        for i0 in sorted(at):              # only where the first segment of an entry occurs
            if i0 < i:
                continue
            lists = at[i0]
            found = None
            for _, segs, e in (lists[0] if len(lists) == 1 else sorted(chain(*lists), key=lambda x: x[0])):
                end = i0 + len(segs[0])
                for seg in segs[1:]:
                    k = text.find(seg, end, end + GAP_ZH + len(seg))
                    if k < 0 or GAP_STOP.search(text, end, k):   # a gap never crosses a clause
                        end = -1
                        break
                    end = k + len(seg)
                if end > 0:
                    found = (end, e)
                    break
            if found:
                end, e = found
                out.append(Match(e, i0, end, text[i0:end]))
                i = end
        return out


# ------------------------------------------------------------------------------------ masking
NAMES_EXTRA = ["United States", "United Nations", "United Kingdom", "United Arab Emirates",
               "People's Republic of China", "Republic of Korea", "Democratic People's Republic of Korea"]


@lru_cache(maxsize=1)
def _names():
    """Names of people, countries and bodies: the speaker registry's aliases (the attributor's
    AliasIndex, case-sensitive, whole words) and a few country names."""
    from analysis.speakers.names import AliasIndex, registry_index
    from analysis.speakers.registry import Registry
    index = AliasIndex(registry_index(Registry.load()))
    for name in NAMES_EXTRA:
        index.add(name)
    return index


def _blank(text: str, spans) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if not chars[i].isspace():
                chars[i] = "\u25a1"
    return "".join(chars)


@lru_cache(maxsize=1)
def _name_automata():
    """The Chinese names of the names index as an automaton (alias -> (length, alias)), and the
    characters that send a Chinese text to the names index itself (Latin names inside Chinese text
    are matched by AliasIndex.find)."""
    names = _names()
    cjk = _automaton((a, (len(a), a)) for v in names.cjk.values() for a in v)
    digits = any(k[:1].isdigit() for k in names.latin)
    return cjk, re.compile(r"[A-Za-z\u00c0-\u024f" + (r"\d" if digits else "") + "]")


def name_spans(text: str) -> list:
    """Character spans of the names in a (Chinese) text, as _names().find gives them."""
    cjk, latin_chars = _name_automata()
    if latin_chars.search(text):
        return [(a, b) for a, b, _ in _names().find(text)]
    if cjk is None:
        return []
    return [(s, s + v[0]) for s, v in _leftmost_longest(cjk, text)]


def mask_names(text: str, lexicon: "Lexicon | None" = None) -> tuple[str, list]:
    """Chinese: the text with names blanked (same length), and the lexicon's matches on it (the
    lexicon's `mask` entries, names that contain scorable words, are consumed and dropped).
    English statements go through LexiconScorer._en, which applies the same rules to units."""
    masked = _blank(text, name_spans(text))
    if lexicon is None:
        return masked, []
    return masked, [m for m in lexicon.find(masked) if m.entry.role != "mask"]


# Capitalised multiword names in running English text ("Asia Pacific Economic Cooperation", "Peace
# Corps"), read on the units joined by spaces: two or more capitalised words (with one of
# of/and/the/for/on/de/la between two of them), after a word ending in a lower-case letter or after
# , ; : ) -- so not at the start of a sentence.
CONNECTORS = frozenset({"of", "and", "the", "for", "on", "de", "la"})
CAPS_RUN = re.compile(rf"[{_UPPER}](?<=[{_LOWER},;:)] [{_UPPER}])[^ ]*"       # (starts with a set: fast search)
                      rf"(?: (?:(?:{'|'.join(sorted(CONNECTORS))}) )?[{_UPPER}][^ ]*)+")


# ------------------------------------------------------------------------------------ scoring
@dataclass
class Scored:
    score: float        # the evidence squashed to [-1, 1]; 0 when nothing matched
    raw: float          # the sum of the term weights after the rules
    sentiment: float
    matches: list
    label: str = "neutral"

    def evidence(self) -> str:
        return _evidence(self.matches)


EVIDENCE_TERMS = 100     # terms listed in a statement's evidence at most
LOOK_BACK = 200          # tokens (English) or characters (Chinese) searched back for a term's modifiers


def _evidence(matches) -> str:
    """The matched terms with their weights after the rules and the rules applied."""
    parts = []
    terms = [m for m in matches if m.entry.role == "term"]
    for m in terms[:EVIDENCE_TERMS]:
        rules = f" {' '.join(m.rules)}" if m.rules else ""
        parts.append(f"{m.text}({m.weight:+.1f}{rules})")
    if len(terms) > EVIDENCE_TERMS:
        # a statement without sentence ends (a page pasted as one line) stays readable in a
        # spreadsheet cell; the score counts every term
        parts.append(f"... and {len(terms) - EVIDENCE_TERMS} more terms")
    return "; ".join(parts)


def apply_rules(matches: list[Match], clause, gap, lang: str, contrast_after: float,
                contrast_before: float, first_weight: float = 1.0) -> float:
    """Weights of the term matches after intensifiers, negation, contrast and the lead term (the
    first stance term of a sentence, usually its main verb or formula, counts first_weight times);
    returns the raw sum. clause(i): clause number of position i; gap(p, m): words between p and m."""
    roles = [m.entry.role for m in matches]
    terms = roles.count("term")
    if not terms:                       # no terms: nothing to weigh
        return 0.0
    lead = next((m for m in matches if m.entry.role == "term" and m.entry.weight), None)
    lead_rule = f"lead x{first_weight:g}"
    raw = 0.0
    if terms == len(roles):             # terms only: the lead term rule alone applies
        for m in matches:
            w = m.entry.weight
            if m is lead and first_weight != 1.0:
                w *= first_weight
                m.rules.append(lead_rule)
            m.weight = w
            raw += w
        return raw
    contrast_at = [m.start for m, r in zip(matches, roles) if r == "contrast"]
    first_contrast = min(contrast_at) if contrast_at else None
    int_gap = INTENSIFIER_GAP_EN if lang == "en" else INTENSIFIER_GAP_ZH
    neg_gap = EN_WINDOW if lang == "en" else ZH_WINDOW
    # only modifiers a few words before a term can act on it: the look-back for them stops where every
    # earlier match ends more than LOOK_BACK positions before the term (a statement with thousands of
    # terms stays linear; the windows are 2-4 words or characters)
    reach_end, top = [], -1
    for m in matches:
        top = max(top, m.end)
        reach_end.append(top)
    for k, m in enumerate(matches):
        if m.entry.role != "term":
            continue
        w = m.entry.weight
        if m is lead and first_weight != 1.0:
            w *= first_weight
            m.rules.append(lead_rule)
        here = clause(m.start)
        prev = []
        for j in range(k - 1, -1, -1):
            p = matches[j]
            if m.start - reach_end[j] > LOOK_BACK:
                break
            if p.entry.role != "term" and clause(p.start) == here:
                prev.append(p)
        prev.reverse()
        for p in reversed(prev):
            if p.entry.role == "intensifier" and gap(p, m) <= int_gap:
                w *= p.entry.weight
                m.rules.append(f"x{p.entry.weight:g} {p.text}")
                break
        neg = next((p for p in reversed(prev) if p.entry.role in ("negator", "negator_reassure")
                    and gap(p, m) <= neg_gap), None)
        if neg is not None:
            if neg.entry.role == "negator_reassure" and w < 0:
                w = min(3.0, max(2.0, 0.5 * abs(w)))
                m.rules.append(f"reassurance ({neg.text})")
            elif w < 0:
                w = -0.5 * w
                m.rules.append(f"negated ({neg.text})")
            else:
                w = -0.7 * w
                m.rules.append(f"negated ({neg.text})")
        if contrast_at:
            if first_contrast < m.start:
                w *= contrast_after
                m.rules.append("after contrast")
            else:
                w *= contrast_before
                m.rules.append("before contrast")
        m.weight = w
        raw += w
    return raw


ZH_CLAUSE_RE = re.compile("[" + re.escape(ZH_CLAUSE) + "]")


def _zh_context(text: str):
    """clause and gap functions over characters (Chinese)."""
    bounds = [m.start() for m in ZH_CLAUSE_RE.finditer(text)]
    return (lambda pos: bisect.bisect_right(bounds, pos),
            lambda p, m: len(text[p.end:m.start].strip()))


@lru_cache(maxsize=1)
def _zh_sentiment() -> dict:
    """First character -> [(word, weight)], longest first, from zh_sentiment.tsv (may be absent)."""
    path = _lexicon_dir() / "zh_sentiment.tsv"
    index: dict = {}
    if not path.exists():
        return index
    rows = csv.reader((ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")),
                      delimiter="\t")
    next(rows, None)  # header
    for row in rows:
        if len(row) >= 2 and row[0].strip():
            try:
                index.setdefault(row[0].strip()[0], []).append((row[0].strip(), float(row[1])))
            except ValueError:
                continue
    for k in index:
        index[k].sort(key=lambda x: -len(x[0]))
    return index


@lru_cache(maxsize=1)
def _vader_words() -> tuple[dict, frozenset]:
    """VADER's own word valences (vaderSentiment ships vader_lexicon.txt, MIT) and its negations."""
    import vaderSentiment
    from vaderSentiment.vaderSentiment import NEGATE
    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    words = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z][a-z'\-]*", parts[0]):
            words[parts[0]] = float(parts[1])
    return words, frozenset(NEGATE) | {"not", "no", "never", "without", "nor"}


# Words VADER scores as emotion that are formulaic in diplomacy (or name-like) and carry no tone here.
EN_TONE_NEUTRAL = frozenset({"united", "strongly", "firmly", "support", "supports", "supported", "like",
                             "well", "please", "justice", "security", "peace", "cooperation", "dialogue",
                             "party", "parties", "free", "freedom", "ok", "yes", "no", "want", "care"})


@lru_cache(maxsize=1)
def _zh_sentiment_automaton():
    """zh_sentiment.tsv as an automaton: word -> (length, weight, word); a word listed twice keeps
    its first weight."""
    words: dict = {}
    for lst in _zh_sentiment().values():
        for word, w in lst:
            words.setdefault(word, w)
    return _automaton((k, (len(k), w, k)) for k, w in words.items())


def zh_tone(masked: str) -> tuple[float, list]:
    """General tone of Chinese text from the word list zh_sentiment.tsv (longest match), a negation
    in the three characters before flipping a word (x -0.7)."""
    auto = _zh_sentiment_automaton()
    raw, used = 0.0, []
    if auto is None:
        return raw, used
    for i0, (_, w, word) in _leftmost_longest(auto, masked):
        if ZH_NEGATION.search(masked, max(0, i0 - 3), i0):
            w = -0.7 * w
        raw += w
        used.append((word, w))
    return raw, used


ZH_NEGATION = re.compile(r"[不没未无非]")


def _squash(raw: float, alpha: float) -> float:
    return raw / math.sqrt(raw * raw + alpha) if raw else 0.0


@register
class LexiconScorer(Scorer):
    """scikit-learn style: parameters in __init__, fit(texts, y, langs) returns self (it chooses the
    neutral band and bias on the data given), fitted state in attributes ending in `_`."""

    name = "lexicon"
    extra_columns = ("evidence",)
    method = ("a transparent diplomatic lexicon (English and Chinese formulae, negation, intensifiers, "
              "diplomatic code; every score lists its evidence)")
    rank = 1

    @classmethod
    def ready(cls, **options) -> "LexiconScorer":
        params = load_params()
        if params:
            return cls.from_fitted(params["fitted"], **options)
        return cls(**options)

    @classmethod
    def provenance(cls, **options) -> str:
        import hashlib
        files = sorted(_lexicon_dir().glob("*.tsv"))
        digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:12]
        p = load_params() or {}
        return (f"Lexicon: {len(files)} data files, content hash {digest}; neutral band and bias fitted "
                f"{p.get('date', '?')} on the gold corpus's {p.get('fit_on', {}).get('split', '?')} split.")

    @classmethod
    def train(cls, gold=None, split: str = "train", out=None, rounds=None, **_options) -> dict:
        return train(gold, split=split, out=out, rounds=rounds)

    def __init__(self, alpha: float = 15.0, band: float = 0.25, bias: float = 0.0,
                 contrast_after: float = 1.5, contrast_before: float = 0.5,
                 first_weight: float = 2.0, lexicon_dir: str | None = None):
        self.alpha = alpha
        self.band = band
        self.bias = bias
        self.contrast_after = contrast_after
        self.contrast_before = contrast_before
        self.first_weight = first_weight
        self.lexicon_dir = lexicon_dir

    # -- fitted state
    def _ensure(self):
        if not hasattr(self, "lexicons_"):
            self.lexicons_ = {"en": Lexicon.load("en", self.lexicon_dir),
                              "zh": Lexicon.load("zh", self.lexicon_dir)}
            self.band_ = {"en": self.band, "zh": self.band} if not hasattr(self, "band_") else self.band_
            self.bias_ = {"en": self.bias, "zh": self.bias} if not hasattr(self, "bias_") else self.bias_
        return self

    def score_one(self, text: str, lang: str = "en") -> Scored:
        self._ensure()
        lang = "zh" if lang == "zh" else "en"
        lex = self.lexicons_[lang]
        if lang == "en":
            matches, raw, tone_raw = self._en(text, lex)
        else:
            matches, raw, tone_raw = self._zh(text, lex)
        sentiment = _squash(tone_raw, 15.0 if lang == "en" else 8.0)
        # the score is the evidence alone (no evidence: 0); the label is decided after the fitted bias
        decision = _squash(raw + self.bias_[lang], self.alpha)
        return Scored(_squash(raw, self.alpha), raw, sentiment, matches, self._label(decision, lang))

    def _columns(self, raw, tone, lang: str) -> tuple:
        """score, label and sentiment arrays for arrays of raw stance and tone sums, exactly as
        score_one computes them one by one."""
        alpha, band = self.alpha, self.band_[lang]
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.where(raw != 0, raw / np.sqrt(raw * raw + alpha), 0.0)
            d = raw + self.bias_[lang]
            decision = np.where(d != 0, d / np.sqrt(d * d + alpha), 0.0)
            a = 15.0 if lang == "en" else 8.0
            sentiment = np.where(tone != 0, tone / np.sqrt(tone * tone + a), 0.0)
        label = np.where(decision >= band, "cooperative", np.where(decision <= -band, "confrontational", "neutral"))
        return score, label.astype(object), sentiment

    def _zh(self, text: str, lex: "Lexicon"):
        masked, matches = mask_names(text, lex)
        tone_raw, _ = zh_tone(masked)
        if not matches:
            return matches, 0.0, tone_raw
        clause, gap = _zh_context(masked)
        for m in matches:
            m.text = text[m.start:m.end]
        raw = apply_rules(matches, clause, gap, "zh", self.contrast_after, self.contrast_before,
                          self.first_weight)
        return matches, raw, tone_raw

    def _en(self, text: str, lex: "Lexicon"):
        """English, one statement: (matches, raw, tone) (see _en_batch)."""
        matches, raw, tone = self._en_batch([text], lex)
        return matches.get(0, []), float(raw[0]), float(tone[0])

    def _en_batch(self, texts: list, lex: "Lexicon"):
        """English statements (see _en_part), read in parts of about EN_PART_CHARS characters: a
        part's units, ids and arrays stay in the processor's caches from one pass to the next, and
        the statements are read apart, so the answers do not depend on the parts."""
        T = len(texts)
        if T <= 1:
            return self._en_part(texts, lex)
        ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=T) + 1)
        cuts = np.searchsorted(ends, np.arange(EN_PART_CHARS, int(ends[-1]), EN_PART_CHARS), side="right")
        cuts = [0] + sorted(set(cuts.tolist()) - {0, T}) + [T]
        if len(cuts) == 2:
            return self._en_part(texts, lex)
        matches, raws, tones = {}, [], []
        for a, b in zip(cuts, cuts[1:]):
            ms, raw, tone = self._en_part(texts[a:b], lex)
            for k, m in ms.items():
                matches[a + k] = m
            raws.append(raw)
            tones.append(tone)
        return matches, np.concatenate(raws), np.concatenate(tones)

    def _en_part(self, texts: list, lex: "Lexicon"):
        """English statements, read as units: names left out, lexicon matches, capitalised names
        hiding the terms inside them (unless a term covers the name whole: "a new Cold War"), the
        rules, and the tone of the remaining words. Returns ({statement number: its matches, for
        the statements with any}, raw stance sums, raw tone sums).

        All statements are read at once: one regular expression finds the units of all of them
        (joined by a separator unit), one pass in C gives each unit its id in the unit table, and
        numpy does the per-unit work (name masking, negation windows, tone sums); Python visits only
        the units where an entry or a longer name may start, and the statements with matches."""
        T = len(texts)
        big = BATCH_SEP.join(texts)
        spaced = big.count(BATCH_SEP) != T - 1
        if spaced:      # a text holds the separator: it is no unit, so a space reads the same
            big = BATCH_SEP.join(t.replace(BATCH_SEP, " ") for t in texts)
        # the units with the text between them (as UNIT_SPLIT gives them for each text): the
        # characters a match covers are then known without reading its text again
        parts = UNIT_BATCH_SPLIT.split(big)
        units_all = parts[1::2]
        N = len(units_all)
        raw = np.zeros(T)
        if not N - (T - 1):
            return {}, raw, np.zeros(T)
        table = lex.unit_table()
        ids = np.fromiter(map(table.__getitem__, units_all), dtype=np.intp, count=N)
        START, VAL, NEG, SINGLE, LONGER, NAME2, ENTRY2 = table.arrays()
        facts = table.facts
        is_sep = ids == 1
        text_of = np.cumsum(is_sep)
        first = np.concatenate(([0], np.flatnonzero(is_sep) + 1))     # first unit of each text
        # names (case-sensitive): one-word names masked at once; longer names only where the next
        # unit goes on with one of them, leftmost and longest first
        masked = SINGLE[ids]
        done = -1
        nxt = np.append(ids[1:], 0)                  # the id of the next unit
        for g in np.flatnonzero(LONGER[ids] & NAME2[nxt]).tolist():
            if g <= done or g + 1 >= N:
                continue
            for cand in facts[ids[g]][5].get(units_all[g + 1], ()):
                m = len(cand)
                if units_all[g:g + m] == cand:
                    masked[g:g + m] = True
                    done = g + m - 1
                    break
        # lexicon entries: only where an entry may start (and its second word follows)
        start = START[ids]
        maybe = np.flatnonzero(((start == 1) | ((start == 2) & ENTRY2[nxt])) & ~masked)
        found: dict = {}
        if len(maybe):
            LOW, STARTS, SPLITS = table.objects()
            # the lower case of the next unit where it is some entry's second word (else "")
            nl = LOW[nxt[maybe]].tolist()
            keep = [s is True or w in s for s, w in zip(STARTS[ids[maybe]].tolist(), nl)]
            maybe = maybe[keep]
            nl = [w for w, k in zip(nl, keep) if k]
        if len(maybe):
            # one pass over all statements: the separators are masked (nothing matches them) and stop
            # gaps, so no entry reaches across two statements
            hits = lex.find_units(_Lower(units_all), (masked | is_sep).tolist(), maybe.tolist(),
                                  SPLITS[ids[maybe]].tolist(), nl, tuples=True)
            ts = text_of[np.fromiter(map(itemgetter(1), hits), dtype=np.intp, count=len(hits))]
            for (e, i, j), t, a in zip(hits, ts.tolist(), first[ts].tolist()):
                if e.role == "mask":            # (a name holding scorable words: it only hides them)
                    continue
                # the matched text: a unit, or the units and what lies between them
                if j - i == 1:
                    m = Match(e, i - a, j - a, units_all[i])
                elif not spaced:
                    m = Match(e, i - a, j - a, "".join(parts[2 * i + 1:2 * j]))
                else:
                    offs = list(accumulate(map(len, parts[2 * a:2 * j])))
                    m = Match(e, i - a, j - a, texts[t][offs[2 * (i - a)]:offs[-1]])
                if t in found:
                    found[t].append(m)
                else:
                    found[t] = [m]
        # capitalised multiword names (one regular expression over all units)
        joined = " %s " % " ".join(units_all)
        runs: dict = {}
        if CAPS_RUN.search(joined):
            # a run's first unit: the spaces before it in `joined`, less one (units hold no spaces)
            caps, g, at = [], -1, 0
            for m in CAPS_RUN.finditer(joined):
                s = m.start()
                g += joined.count(" ", at, s)
                at = s
                caps.append((g, m.group().count(" ") + 1))
            gs = np.array([g for g, _ in caps], dtype=np.intp)
            ts = text_of[gs]
            for (g, k), t, a in zip(caps, ts.tolist(), first[ts].tolist()):
                if t in found:
                    runs.setdefault(t, []).append((g - a, g - a + k))
                else:
                    masked[g:g + k] = True
        # tone: VADER valences of the units left, negated by a negation in the 3 units before
        neg = NEG[ids]
        negated = np.zeros(N, dtype=bool)
        for j in (1, 2, 3):
            negated[j:] |= neg[:-j] & (text_of[j:] == text_of[:-j])
        matches: dict = {}
        firsts = first.tolist() + [N + 1]
        for t, ms in found.items():
            rs = runs.get(t)
            if rs:
                a = firsts[t]
                def covers(m, c):
                    return m.entry.role == "term" and m.start <= c[0] and m.end >= c[1]
                ms = [m for m in ms if not any(c[0] <= m.start < c[1] and not covers(m, c) for c in rs)]
                for c in rs:
                    if not any(covers(m, c) for m in ms):
                        masked[a + c[0]:a + c[1]] = True
                if not ms:
                    continue
            matches[t] = ms
            raw[t] = self._rules(units_all, firsts[t], firsts[t + 1] - 1, ms)
        val = VAL[ids]
        sel = ~np.isnan(val) & ~masked
        val = np.where(negated, val * -0.74, val)
        tone = np.bincount(text_of[sel], weights=val[sel], minlength=T)
        return matches, raw, tone

    def _rules(self, units_all: list, a: int, b: int, matches: list) -> float:
        """The rules (apply_rules) on one English statement, units_all[a:b]."""
        for m in matches:
            if m.entry.role == "term":
                break
        else:                               # no terms (only negators, contrast...): nothing to weigh
            return 0.0
        def clause(pos, memo=[]):
            if not memo:                    # clause-ending units, counted only when a rule needs them
                memo.append([k for k, u in enumerate(units_all[a:b]) if u in UNIT_CLAUSE])
            return bisect.bisect_right(memo[0], pos)
        return apply_rules(matches, clause, lambda p, m: m.start - p.end,
                           "en", self.contrast_after, self.contrast_before, self.first_weight)

    def _label(self, decision: float, lang: str) -> str:
        band = self.band_["zh" if lang == "zh" else "en"]
        return "cooperative" if decision >= band else "confrontational" if decision <= -band else "neutral"

    def transform(self, texts, langs=None) -> pd.DataFrame:
        """One row per text: score, label, sentiment, evidence, raw. A text repeated in the input
        (boilerplate, re-posted statements) is scored once; English statements are scored together
        (_en_batch)."""
        self._ensure()
        texts = list(texts)
        if not set(map(type, texts)) <= {str}:
            texts = ["" if t is None or (isinstance(t, float) and math.isnan(t)) else str(t) for t in texts]
        n = len(texts)
        langs = ["en"] * n if langs is None else ["zh" if lang == "zh" else "en" for lang in langs]
        score, sentiment, raw = np.zeros(n), np.zeros(n), np.zeros(n)
        label, evidence = np.full(n, "neutral", dtype=object), np.full(n, "", dtype=object)
        has_zh = "zh" in langs
        for lang in ("en", "zh"):
            if lang == "zh" and not has_zh:
                continue
            sel = list(range(n)) if lang == "en" and not has_zh else [k for k in range(n) if langs[k] == lang]
            if not sel:
                continue
            group = texts if len(sel) == n else [texts[k] for k in sel]
            # the cyclic garbage collector is paused while one language is scored: scoring makes no
            # reference cycles, but its many matches, lists and tuples (all freed on return) would
            # set it off every few hundred allocations to traverse them all (a tenth of the time)
            paused = gc.isenabled()
            gc.disable()
            try:
                cols = self._transform_group(group, lang)
            finally:
                if paused:
                    gc.enable()
            for out, c in zip((score, label, sentiment, evidence, raw), cols):
                if len(sel) == n:
                    out[:] = c
                else:
                    out[sel] = c
        return pd.DataFrame({"score": score, "label": label, "sentiment": sentiment,
                             "evidence": evidence, "raw": raw})

    def _transform_group(self, group: list, lang: str) -> tuple:
        """score, label, sentiment, evidence and raw arrays for texts of one language."""
        uniq = list(dict.fromkeys(group))
        if lang == "en":
            matches, r, tone = self._en_batch(uniq, self.lexicons_["en"])
        else:
            res = [self._zh(t, self.lexicons_["zh"]) for t in uniq]
            matches = {k: x[0] for k, x in enumerate(res) if x[0]}
            r, tone = np.array([x[1] for x in res]), np.array([x[2] for x in res])
        ev = np.full(len(uniq), "", dtype=object)
        for k, ms in matches.items():
            ev[k] = _evidence(ms)
        sc, lab, se = self._columns(r, tone, lang)
        cols = (sc, lab, se, ev, r)
        if len(uniq) < len(group):          # repeated texts: each row takes its text's results
            where = np.fromiter(map(dict(zip(uniq, range(len(uniq)))).__getitem__, group),
                                dtype=np.intp, count=len(group))
            cols = tuple(c[where] for c in cols)
        return cols

    def predict(self, texts, langs=None) -> list[str]:
        return self.transform(texts, langs)["label"].tolist()

    def fit(self, texts, y, langs=None):
        """Choose, per language, the bias and the neutral band that maximise macro-F1 on (texts, y).
        (Adding general tone words as weak stance evidence was tried: it lowered macro-F1 on the
        training split at every weight, so tone feeds only the sentiment score.)"""
        from analysis.evaluation.metrics import macro_f1
        self._ensure()
        langs = list(langs) if langs is not None else ["en"] * len(texts)
        y = list(y)
        self.bias_ = {"en": 0.0, "zh": 0.0}
        table = [("zh" if lang == "zh" else "en", self.score_one(str(t), lang).raw, yy)
                 for t, lang, yy in zip(texts, langs, y)]
        self.fit_report_ = {}
        for lang in ("en", "zh"):
            rows = [(r, yy) for l, r, yy in table if l == lang]
            if len(rows) < 20:
                continue
            gold = [yy for _, yy in rows]
            grid = []
            for bias in [x / 2 for x in range(-6, 7)]:
                decisions = [_squash(r + bias, self.alpha) for r, _ in rows]
                for band in [x / 100 for x in range(5, 80, 5)]:
                    pred = ["cooperative" if d >= band else "confrontational" if d <= -band else "neutral"
                            for d in decisions]
                    grid.append((macro_f1(gold, pred, LABELS), bias, band))
            # the macro-F1 surface is flat near its top: among the settings within TIE of the best,
            # take the widest neutral band (one weak formula alone should not decide a label), then
            # the smallest bias
            top = max(f for f, _, _ in grid)
            f, bias, band = max((g for g in grid if g[0] >= top - TIE), key=lambda g: (g[2], -abs(g[1])))
            self.bias_[lang], self.band_[lang] = bias, band
            self.fit_report_[lang] = {"n": len(rows), "macro_f1": round(f, 4), "bias": bias, "band": band}
        return self

    def get_fitted(self) -> dict:
        self._ensure()
        return {"alpha": self.alpha, "contrast_after": self.contrast_after,
                "contrast_before": self.contrast_before, "first_weight": self.first_weight,
                "bias": self.bias_, "band": self.band_}

    @classmethod
    def from_fitted(cls, params: dict, lexicon_dir: str | None = None) -> "LexiconScorer":
        s = cls(alpha=params.get("alpha", 15.0), contrast_after=params.get("contrast_after", 1.5),
                contrast_before=params.get("contrast_before", 0.5),
                first_weight=params.get("first_weight", 2.0), lexicon_dir=lexicon_dir)
        s.band_ = dict(params["band"])
        s.bias_ = dict(params["bias"])
        return s._ensure()

    def score_frame(self, statements: pd.DataFrame) -> pd.DataFrame:
        out = self.transform(statements["text"].tolist(), statements["lang"].tolist())
        out.index = statements.index
        return pd.DataFrame({"lexicon_score": out.score, "lexicon_label": out.label,
                             "lexicon_sentiment": out.sentiment, "lexicon_evidence": out.evidence})


def train(gold_path=None, split: str = "train", out: str | Path | None = None, rounds=None) -> dict:
    """Fit the neutral band and bias per language on one split of a gold file (only the given
    annotation rounds, if any) and save them (with the figures on train and dev) to
    analysis/data/lexicon/params.json."""
    import datetime as dt

    from analysis.evaluation.gold import read_stance_gold, training_rows
    from analysis.evaluation.metrics import accuracy, macro_f1
    gold = read_stance_gold(gold_path)
    tr = training_rows(gold, split, rounds, gold_path)
    scorer = LexiconScorer().fit(tr.text.tolist(), tr.label.tolist(), tr.lang.tolist())
    report = {"fitted": scorer.get_fitted(), "fit_on": {"gold": str(gold_path or "tenor_gold.jsonl"),
              "split": split, "n": int(len(tr)), **({"rounds": sorted(int(r) for r in rounds)} if rounds else {})},
              "fit_report": scorer.fit_report_,
              "date": dt.date.today().isoformat(), "dev": {}}
    dev = gold[gold.split == "dev"]
    for lang in ("en", "zh"):
        d = dev[dev.lang == lang]
        if len(d):
            p = scorer.predict(d.text.tolist(), d.lang.tolist())
            report["dev"][lang] = {"n": int(len(d)), "accuracy": round(accuracy(d.label, p), 4),
                                   "macro_f1": round(macro_f1(d.label, p, LABELS), 4)}
    path = Path(out) if out else _lexicon_dir() / PARAMS_FILE
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return report


def load_params(directory: str | Path | None = None) -> dict | None:
    p = (Path(directory) if directory else _lexicon_dir()) / PARAMS_FILE
    return json.loads(p.read_text("utf-8")) if p.exists() else None

