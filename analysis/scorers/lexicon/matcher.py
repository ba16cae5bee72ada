"""The entries of one language indexed (Lexicon) and found in statements, leftmost and longest first, fast."""
from __future__ import annotations

import math
import re
from itertools import chain
from pathlib import Path

import numpy as np

from analysis.scorers.lexicon.automata import _automaton
from analysis.scorers.lexicon.entries import Entry, Match, _lexicon_dir, read_entries
from analysis.scorers.lexicon.tone import EN_TONE_NEUTRAL, _vader_words

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
    with these two words, in the index's longest-first order), and whether the unit alone is a name:
    the names of `names`, a names index (masking._names)."""

    LIMIT = 500_000

    def __init__(self, lexicon: "Lexicon", names):
        super().__init__()
        self.lexicon = lexicon
        self.words, negate = _vader_words()
        self.negate = negate | {"t"}
        self.names = names.latin
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
            self[u] = x
        else:
            x = 0
            if len(self) < self.LIMIT:
                self[u] = x
        return x

    def arrays(self):
        """The facts as numpy arrays indexed by id: an entry may start here whatever follows (1) or
        if the right word follows (2), valence, negation, one-word name, longer names, second word
        of a longer name, second word of an entry. Facts are only ever appended: arrays made before
        are extended with the new ones (a new process's table grows on each of its first calls)."""
        done = 0 if self._arrays is None else len(self._arrays[0])
        if done < len(self.facts):
            f = self.facts[done:]
            part = (np.array([1 if x[1] is True else 2 if x[1] else 0 for x in f], dtype=np.int8),
                    np.array([x[2] for x in f], dtype=float), np.array([x[3] for x in f], dtype=bool),
                    np.array([x[4] for x in f], dtype=bool), np.array([x[5] is not None for x in f], dtype=bool),
                    np.array([x[6] for x in f], dtype=bool), np.array([x[7] for x in f], dtype=bool))
            self._arrays = part if self._arrays is None else tuple(map(np.concatenate, zip(self._arrays, part)))
        return self._arrays

    def objects(self):
        """The facts as numpy object arrays indexed by id: lower case ("" for the ids 0 and 1), the
        entry-start fact (True, or the words that must follow), and the entry's candidates split as
        Lexicon._split gives them (None where no entry starts); extended as arrays() is."""
        done = 0 if self._objects is None else len(self._objects[0])
        if done < len(self.facts):
            f = self.facts[done:]
            low, start, split = (np.empty(len(f), dtype=object) for _ in range(3))
            for k, x in enumerate(f):       # one by one: a list of tuples would be read as rows
                low[k] = x[0]
                start[k] = x[1]
                split[k] = self.lexicon._split_of(x[0]) if x[1] else None
            part = (low, start, split)
            self._objects = part if self._objects is None else tuple(map(np.concatenate, zip(self._objects, part)))
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

    def unit_table(self, names) -> "_UnitTable":
        """English: facts about each distinct unit, looked up in C (see _UnitTable), with the names
        of the names index `names` (masking._names); one table per names index."""
        tables = self.__dict__.setdefault("_units", {})
        if names not in tables:
            tables[names] = _UnitTable(self, names)
        return tables[names]

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
