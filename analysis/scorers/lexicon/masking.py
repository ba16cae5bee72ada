"""Names of people, countries and bodies found in statements and masked, so that "United States"
is not "united"."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from analysis.scorers.lexicon.automata import _automaton, _leftmost_longest

if TYPE_CHECKING:
    from analysis.scorers.lexicon.matcher import Lexicon

NAMES_EXTRA = ["United States", "United Nations", "United Kingdom", "United Arab Emirates",
               "People's Republic of China", "Republic of Korea", "Democratic People's Republic of Korea"]


@lru_cache(maxsize=8)
def _names(registry: str | None = None):
    """Names of people, countries and bodies: the aliases of a speaker registry (the TSV at the
    path `registry`, None: the one Tenor ships), in the attributor's AliasIndex (case-sensitive,
    whole words), and a few country names. Cached by path."""
    from analysis.speakers.names import AliasIndex
    from analysis.speakers.registry import Registry
    # the index is built here, as speakers.names.registry_index builds it, rather than taken from
    # that function's cache, which is keyed by id(): a registry loaded here and freed could leave
    # its id, and so its index, to the next registry loaded
    index = AliasIndex()
    for alias in Registry.load(registry).alias_index:
        index.add(alias)
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


@lru_cache(maxsize=8)
def _name_automata(registry: str | None = None):
    """The Chinese names of the names index as an automaton (alias -> (length, alias)), and the
    characters that send a Chinese text to the names index itself (Latin names inside Chinese text
    are matched by AliasIndex.find)."""
    names = _names(registry)
    cjk = _automaton((a, (len(a), a)) for v in names.cjk.values() for a in v)
    digits = any(k[:1].isdigit() for k in names.latin)
    return cjk, re.compile(r"[A-Za-z\u00c0-\u024f" + (r"\d" if digits else "") + "]")


def name_spans(text: str, registry: str | None = None) -> list:
    """Character spans of the names in a (Chinese) text, as _names(registry).find gives them."""
    cjk, latin_chars = _name_automata(registry)
    if latin_chars.search(text):
        return [(a, b) for a, b, _ in _names(registry).find(text)]
    if cjk is None:
        return []
    return [(s, s + v[0]) for s, v in _leftmost_longest(cjk, text)]


def mask_names(text: str, lexicon: "Lexicon | None" = None,
               registry: str | None = None) -> tuple[str, list]:
    """Chinese: the text with the names of the registry (see _names) blanked (same length), and the
    lexicon's matches on it (the lexicon's `mask` entries, names that contain scorable words, are
    consumed and dropped). English statements go through english.en_part, which applies the same
    rules to units."""
    masked = _blank(text, name_spans(text, registry))
    if lexicon is None:
        return masked, []
    return masked, [m for m in lexicon.find(masked) if m.entry.role != "mask"]


_LATIN = [chr(c) for c in list(range(0x41, 0x5b)) + list(range(0x61, 0x7b)) + list(range(0xc0, 0x250))]
_UPPER = re.escape("".join(c for c in _LATIN if c.isupper()))
_LOWER = re.escape("".join(c for c in _LATIN if c.islower()))

# Capitalised multiword names in running English text ("Asia Pacific Economic Cooperation", "Peace
# Corps"), read on the units joined by spaces: two or more capitalised words (with one of
# of/and/the/for/on/de/la between two of them), after a word ending in a lower-case letter or after
# , ; : ) -- so not at the start of a sentence.
CONNECTORS = frozenset({"of", "and", "the", "for", "on", "de", "la"})
CAPS_RUN = re.compile(rf"[{_UPPER}](?<=[{_LOWER},;:)] [{_UPPER}])[^ ]*"       # (starts with a set: fast search)
                      rf"(?: (?:(?:{'|'.join(sorted(CONNECTORS))}) )?[{_UPPER}][^ ]*)+")
