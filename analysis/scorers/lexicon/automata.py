"""Aho-Corasick automata (pyahocorasick, in C) and their leftmost-longest matches, for the
matcher, the name masking and the Chinese tone."""
from __future__ import annotations

import ahocorasick


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
