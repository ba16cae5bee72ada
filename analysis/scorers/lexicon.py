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
"""
from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from . import LABELS, register

ROLES = ("term", "intensifier", "negator", "negator_reassure", "contrast", "mask")
CATEGORIES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
              "diplomatic_code", "")
PARAMS_FILE = "params.json"
EN_CLAUSE = re.compile(r"[,;:()\u2014\u2013\"“”]|\s-\s")
ZH_CLAUSE = "，；：、（）“”,;:"
EN_WINDOW = 4      # tokens between a negator and the term it scopes over
ZH_WINDOW = 4      # characters between a negator and the term it scopes over
INTENSIFIER_GAP_EN = 2
INTENSIFIER_GAP_ZH = 3


@dataclass(frozen=True)
class Entry:
    pattern: str
    role: str
    weight: float
    category: str
    source: str
    note: str = ""
    file: str = ""


@dataclass
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
    return Path(str(resources.files("analysis.data").joinpath("lexicon")))


def read_entries(path: Path) -> list[Entry]:
    """Entries of one lexicon file; raises ValueError naming the file and line on a bad row."""
    lines = path.read_text("utf-8").splitlines()
    body = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.startswith("#")]
    if not body:
        return []
    header = body[0][1].split("\t")
    out = []
    for lineno, ln in body[1:]:
        row = dict(zip(header, ln.split("\t")))
        pattern = (row.get("pattern") or "").strip()
        role = (row.get("role") or "term").strip()
        if not pattern:
            continue
        if role not in ROLES:
            raise ValueError(f"{path}:{lineno}: unknown role {role!r}")
        w = (row.get("weight") or "").strip()
        try:
            weight = float(w) if w else (1.0 if role == "intensifier" else 0.0)
        except ValueError:
            raise ValueError(f"{path}:{lineno}: weight {w!r} is not a number") from None
        out.append(Entry(pattern, role, weight, (row.get("category") or "").strip(),
                         (row.get("source") or "").strip(), (row.get("note") or "").strip(), path.name))
    return out


# English tokens are runs of letters or digits: hyphens and apostrophes split words, so lexicon
# patterns write "win win", "so called", "don t".
TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f]+|\d+")
GAP_EN = 4      # tokens a "..." in an English pattern may skip
GAP_ZH = 8      # characters a "…" in a Chinese pattern may skip
GAP_STOP = re.compile(r"[,.;:!?，。；：！？]")


class _LazyStops:
    """stops[j] is True when clause punctuation separates token j-1 from token j (computed only
    when a gapped pattern asks)."""

    def __init__(self, text, tokens):
        self.text, self.tokens, self._cache = text, tokens, None

    def __getitem__(self, sl):
        if self._cache is None:
            t = self.tokens
            self._cache = [False] + [bool(GAP_STOP.search(self.text, t[k - 1][1], t[k][0]))
                                     for k in range(1, len(t))] + [True]
        return self._cache[sl]


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
        self._prefix_lengths = sorted({len(k) for k in self._prefix}, reverse=True)
        self._cand_cache: dict = {}

    def _match_en(self, spec, toks, i, stops=()) -> int:
        """Index after the last token matched from toks[i], or -1. A gap never crosses a clause
        boundary: stops[j] is True when punctuation separates token j-1 from token j."""
        def ok(kind, val, t):
            return t == val if kind == "exact" else t.startswith(val)

        def go(k, j):
            if k == len(spec):
                return j
            kind, val = spec[k]
            if kind == "gap":
                for skip in range(0, GAP_EN + 1):
                    if skip and (j + skip > len(toks) or any(stops[j + 1:j + skip + 1])):
                        break
                    r = go(k + 1, j + skip)
                    if r >= 0:
                        return r
                return -1
            if j < len(toks) and ok(kind, val, toks[j]):
                return go(k + 1, j + 1)
            return -1
        return go(0, i)

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

    def find(self, text: str, tokens=None) -> list[Match]:
        """Non-overlapping matches, leftmost and longest first. English only: `tokens` may give the
        (start, end, lower-case token) list to match (e.g. with names left out)."""
        out = []
        if self.lang == "en":
            if tokens is None:
                tokens = [(m.start(), m.end(), m.group(0).lower()) for m in TOKEN.finditer(text)]
            toks = [t for _, _, t in tokens]
            stops = _LazyStops(text, tokens)
            spans = tokens
            i = 0
            while i < len(toks):
                cands = self._candidates(toks[i])
                if not cands:
                    i += 1
                    continue
                best = None
                for length, spec, e in cands:
                    j = self._match_en(spec, toks, i, stops)
                    if j > i and (best is None or (j - i, length) > (best[0] - i, best[1])):
                        best = (j, length, e)
                if best:
                    j, _, e = best
                    a, b = spans[i][0], spans[j - 1][1]
                    out.append(Match(e, a, b, text[a:b]))
                    i = j
                else:
                    i += 1
            return out
        i, n = 0, len(text)
        while i < n:
            found = None
            for length, segs, e in self._first.get(text[i], ()):
                if not text.startswith(segs[0], i):
                    continue
                end = i + len(segs[0])
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
                out.append(Match(e, i, end, text[i:end]))
                i = end
            else:
                i += 1
        return out


# ------------------------------------------------------------------------------------ masking
class NameIndex:
    """Names of people, countries and bodies (the speaker registry's aliases and a few more), matched
    case-sensitively by tokens (English) or characters (Chinese): fast enough for every statement."""

    EXTRA = ["United States", "United Nations", "United Kingdom", "United Arab Emirates",
             "People's Republic of China", "Republic of Korea", "Democratic People's Republic of Korea"]

    def __init__(self, names):
        self.en: dict = {}
        self.zh: dict = {}
        for n in set(names):
            if re.search(r"[\u3400-\u9fff]", n):
                self.zh.setdefault(n[0], []).append(n)
            else:
                toks = TOKEN.findall(n)
                if toks:
                    self.en.setdefault(toks[0], []).append(toks)
        for d in (self.en, self.zh):
            for k in d:
                d[k].sort(key=len, reverse=True)

    def en_tokens(self, tokens) -> set:
        """Indices of the (start, end, text) tokens that belong to a name."""
        out = set()
        words = [t[2] for t in tokens]
        i = 0
        get = self.en.get
        while i < len(words):
            hit = 0
            for cand in get(words[i], ()):
                n = len(cand)
                if n == 1 or words[i:i + n] == cand:
                    hit = n
                    break
            if hit:
                out.update(range(i, i + hit))
                i += hit
            else:
                i += 1
        return out

    def zh_spans(self, text: str) -> list[tuple[int, int]]:
        out = []
        if not CJK_ANY.search(text):
            return out
        i = 0
        while i < len(text):
            step = 1
            for cand in self.zh.get(text[i], ()):
                if text.startswith(cand, i):
                    out.append((i, i + len(cand)))
                    step = len(cand)
                    break
            i += step
        return out

    def spans(self, text: str) -> list[tuple[int, int]]:
        toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
        en = [(toks[k][0], toks[k][1]) for k in sorted(self.en_tokens(toks))]
        return en + self.zh_spans(text)


@lru_cache(maxsize=1)
def _names() -> NameIndex:
    from ..registry import Registry
    reg = Registry.load()
    return NameIndex([a for a in reg.alias_index if len(a) > 1] + NameIndex.EXTRA)


CJK_ANY = re.compile(r"[\u3400-\u9fff]")
CAPS_SEQ = re.compile(r"(?<=[a-z,;:’'\)] )(?:[A-Z][\w'’\-]*(?:\s+(?:of|and|the|for|on|de|la)\b)?\s+)+[A-Z][\w'’\-]*")


def _blank(text: str, spans) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if not chars[i].isspace():
                chars[i] = "\u25a1"
    return "".join(chars)


def mask_names(text: str, lexicon: "Lexicon | None" = None) -> tuple[str, list]:
    """The text with names blanked (same length), and the lexicon's matches on it.

    Names of people, countries and bodies are blanked first; the lexicon's `mask` entries (names
    that contain scorable words) are consumed by the matcher like any entry and then ignored; a
    capitalised multiword name in running English text ("Asia-Pacific Economic Cooperation") hides
    the terms inside it, unless a term covers it whole ("a new Cold War")."""
    masked = _blank(text, _names().spans(text))
    if lexicon is None:
        return masked, []
    matches = lexicon.find(masked)
    caps = [(m.start(), m.end()) for m in CAPS_SEQ.finditer(masked)] if lexicon.lang == "en" else []
    if caps:
        def hidden(t):
            inside = [c for c in caps if c[0] <= t.start < c[1]]
            return bool(inside) and not (t.entry.role == "term" and any(t.start <= c[0] and t.end >= c[1]
                                                                         for c in inside))
        kept = [t for t in matches if not hidden(t)]
        hide = [c for c in caps if not any(t.entry.role == "term" and t.start <= c[0] and t.end >= c[1]
                                           for t in kept)]
        masked = _blank(masked, hide)
        matches = kept
    return masked, [m for m in matches if m.entry.role != "mask"]


# ------------------------------------------------------------------------------------ scoring
@dataclass
class Scored:
    score: float        # the evidence squashed to [-1, 1]; 0 when nothing matched
    raw: float          # the sum of the term weights after the rules
    sentiment: float
    matches: list
    label: str = "neutral"

    def evidence(self) -> str:
        parts = []
        for m in self.matches:
            if m.entry.role != "term":
                continue
            rules = f" {' '.join(m.rules)}" if m.rules else ""
            parts.append(f"{m.text}({m.weight:+.1f}{rules})")
        return "; ".join(parts)


def _clause_ids(text: str, lang: str):
    """A function giving the clause number of a character position."""
    import bisect
    if lang == "zh":
        bounds = [i for i, c in enumerate(text) if c in ZH_CLAUSE]
    else:
        bounds = [m.start() for m in EN_CLAUSE.finditer(text)]
    return lambda pos: bisect.bisect_right(bounds, pos)


def apply_rules(text: str, matches: list[Match], lang: str, contrast_after: float,
                contrast_before: float, first_weight: float = 1.0) -> float:
    """Weights of the term matches after intensifiers, negation, contrast and the lead term
    (the first stance term of a sentence, usually its main verb or formula, counts first_weight
    times); returns the raw sum."""
    clause = _clause_ids(text, lang)
    contrast_at = [m.start for m in matches if m.entry.role == "contrast"]
    lead = next((m for m in matches if m.entry.role == "term" and m.entry.weight), None)
    raw = 0.0
    for k, m in enumerate(matches):
        if m.entry.role != "term":
            continue
        w = m.entry.weight
        if m is lead and first_weight != 1.0:
            w *= first_weight
            m.rules.append(f"lead x{first_weight:g}")
        here = clause(m.start)
        prev = [p for p in matches[:k] if clause(p.start) == here]
        gap = (lambda p: len(re.findall(r"[\w'’\-]+", text[p.end:m.start]))) if lang == "en" else \
            (lambda p: len(text[p.end:m.start].strip()))
        for p in reversed(prev):
            if p.entry.role == "intensifier" and gap(p) <= (INTENSIFIER_GAP_EN if lang == "en" else INTENSIFIER_GAP_ZH):
                w *= p.entry.weight
                m.rules.append(f"x{p.entry.weight:g} {p.text}")
                break
        neg = next((p for p in reversed(prev) if p.entry.role in ("negator", "negator_reassure")
                    and gap(p) <= (EN_WINDOW if lang == "en" else ZH_WINDOW)), None)
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
            if any(c < m.start for c in contrast_at):
                w *= contrast_after
                m.rules.append("after contrast")
            else:
                w *= contrast_before
                m.rules.append("before contrast")
        m.weight = w
        raw += w
    return raw


@lru_cache(maxsize=1)
def _zh_sentiment() -> tuple[dict, re.Pattern | None]:
    path = _lexicon_dir() / "zh_sentiment.tsv"
    if not path.exists():
        return {}, None
    words = {}
    rows = csv.reader((ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")),
                      delimiter="\t")
    header = next(rows, None)
    for row in rows:
        if len(row) >= 2 and row[0].strip():
            try:
                words[row[0].strip()] = float(row[1])
            except ValueError:
                continue
    if not words:
        return {}, None
    rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    return words, rx


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


def en_tone(masked: str) -> tuple[float, list]:
    """General tone of English text from VADER's word valences (names masked, diplomatic formula
    words neutral), with negation flipping the next words as VADER does (x -0.74). Returns the raw
    sum and the (word, valence) pairs."""
    return en_tone_tokens([m.group(0).lower() for m in TOKEN.finditer(masked)])


def en_tone_tokens(toks: list) -> tuple[float, list]:
    words, negate = _vader_words()
    raw, used = 0.0, []
    for k, t in enumerate(toks):
        v = words.get(t)
        if v is None or t in EN_TONE_NEUTRAL:
            continue
        if any(p in negate or p == "t" for p in toks[max(0, k - 3):k]):   # "don't" -> don, t
            v *= -0.74
        raw += v
        used.append((t, v))
    return raw, used


def zh_tone(masked: str) -> tuple[float, list]:
    """General tone of Chinese text from the word list zh_sentiment.tsv, negation as for English."""
    words, rx = _zh_sentiment()
    if rx is None:
        return 0.0, []
    raw, used = 0.0, []
    for m in rx.finditer(masked):
        w = words[m.group(0)]
        if re.search(r"[不没未无非]", masked[max(0, m.start() - 3):m.start()]):
            w = -0.7 * w
        raw += w
        used.append((m.group(0), w))
    return raw, used


def _squash(raw: float, alpha: float) -> float:
    return raw / math.sqrt(raw * raw + alpha) if raw else 0.0


class LexiconScorer:
    """scikit-learn style: parameters in __init__, fit(texts, y, langs) returns self (it chooses the
    neutral band and bias on the data given), fitted state in attributes ending in `_`."""

    name = "lexicon"

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
            masked, matches, tone_raw = self._en(text, lex)
        else:
            masked, matches = mask_names(text, lex)
            tone_raw, _ = zh_tone(masked)
        for m in matches:
            m.text = text[m.start:m.end]
        raw = apply_rules(masked, matches, lang, self.contrast_after, self.contrast_before,
                          self.first_weight)
        sentiment = _squash(tone_raw, 15.0 if lang == "en" else 8.0)
        # the score is the evidence alone (no evidence: 0); the label is decided after the fitted bias
        decision = _squash(raw + self.bias_[lang], self.alpha)
        return Scored(_squash(raw, self.alpha), raw, sentiment, matches, self._label(decision, lang))

    def _en(self, text: str, lex: "Lexicon"):
        """English in one tokenisation: names left out, lexicon matches, capitalised names hiding
        the terms inside them, and the tone of the remaining words. Same rules as mask_names."""
        toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
        names = _names().en_tokens(toks)
        kept = [(a, b, t.lower()) for k, (a, b, t) in enumerate(toks) if k not in names]
        matches = lex.find(text, kept)
        caps = [(m.start(), m.end()) for m in CAPS_SEQ.finditer(text)]
        if caps:
            def covers(t, c):
                return t.entry.role == "term" and t.start <= c[0] and t.end >= c[1]
            matches = [t for t in matches
                       if not any(c[0] <= t.start < c[1] and not covers(t, c) for c in caps)]
            hide = [c for c in caps if not any(covers(t, c) for t in matches)]
            kept = [x for x in kept if not any(c[0] <= x[0] < c[1] for c in hide)]
        matches = [m for m in matches if m.entry.role != "mask"]
        tone_raw, _ = en_tone_tokens([t for _, _, t in kept])
        return text, matches, tone_raw

    def _label(self, decision: float, lang: str) -> str:
        band = self.band_["zh" if lang == "zh" else "en"]
        return "cooperative" if decision >= band else "confrontational" if decision <= -band else "neutral"

    def transform(self, texts, langs=None) -> pd.DataFrame:
        langs = list(langs) if langs is not None else ["en"] * len(texts)
        rows = []
        for t, lang in zip(texts, langs):
            s = self.score_one("" if t is None or (isinstance(t, float) and math.isnan(t)) else str(t), lang)
            rows.append({"score": s.score, "label": s.label, "sentiment": s.sentiment,
                         "evidence": s.evidence(), "raw": s.raw})
        return pd.DataFrame(rows)

    def predict(self, texts, langs=None) -> list[str]:
        return self.transform(texts, langs)["label"].tolist()

    def fit(self, texts, y, langs=None):
        """Choose, per language, the bias and the neutral band that maximise macro-F1 on (texts, y).
        (Adding general tone words as weak stance evidence was tried: it lowered macro-F1 on the
        training split at every weight, so tone feeds only the sentiment score.)"""
        from ..metrics import macro_f1
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
            best = None
            for bias in [x / 2 for x in range(-6, 7)]:
                decisions = [_squash(r + bias, self.alpha) for r, _ in rows]
                for band in [x / 100 for x in range(5, 80, 5)]:
                    pred = ["cooperative" if d >= band else "confrontational" if d <= -band else "neutral"
                            for d in decisions]
                    f = macro_f1(gold, pred, LABELS)
                    if best is None or f > best[0] + 1e-9:
                        best = (f, bias, band)
            f, bias, band = best
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


def train(gold_path=None, split: str = "train", out: str | Path | None = None) -> dict:
    """Fit the neutral band and bias per language on one split of a gold file and save them
    (with the figures on train and dev) to analysis/data/lexicon/params.json."""
    import datetime as dt

    from ..evaluate import read_stance_gold
    from ..metrics import accuracy, macro_f1
    gold = read_stance_gold(gold_path)
    tr = gold[gold.split == split]
    scorer = LexiconScorer().fit(tr.text.tolist(), tr.label.tolist(), tr.lang.tolist())
    report = {"fitted": scorer.get_fitted(), "fit_on": {"gold": str(gold_path or "tenor_gold.jsonl"),
              "split": split, "n": int(len(tr))}, "fit_report": scorer.fit_report_,
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


@register("lexicon")
def default_lexicon_scorer(**kw) -> LexiconScorer:
    params = load_params()
    if params:
        return LexiconScorer.from_fitted(params["fitted"], **kw)
    return LexiconScorer(**kw)
