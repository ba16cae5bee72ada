"""General tone (sentiment): VADER's word valences for English, the word list zh_sentiment.tsv
with negation for Chinese."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from analysis.scorers.lexicon.automata import _automaton, _leftmost_longest
from analysis.scorers.lexicon.entries import _lexicon_dir


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
