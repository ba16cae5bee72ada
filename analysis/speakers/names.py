"""Known names found in text fast: the aliases of a speaker registry, and the names a document
introduces, indexed for whole-word (Latin) and first-character (Chinese) lookup."""
from __future__ import annotations

import re
from itertools import compress

NAME_TOKEN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+|\d+")
CJK_RE = re.compile(r"[\u3400-\u9fff]")


class AliasIndex:
    """Find known names in text fast: Latin-script aliases by their tokens (case-sensitive, whole
    words, longest first), Chinese aliases by their first character. `add` extends a copy-on-write
    view for the names a document introduces."""

    def __init__(self, base: "AliasIndex | None" = None):
        # a view shares its base's lists: add() gives a first word or character a new list
        self.latin: dict = dict(base.latin) if base else {}
        self.cjk: dict = dict(base.cjk) if base else {}
        self.known: set = set(base.known) if base else set()
        # find() of the texts asked about lately: a sentence is looked up by several rules, its
        # speaker's bookkeeping and the target column, always with the same result
        self._found: dict = {}
        self._cjk_first: re.Pattern | None = None
        # latin's lists split by second word (see _by_second), made when first read
        self._second: dict = dict(base._second) if base else {}
        # a view: the index it was made from (and how many names it had then), and the names it added
        self.base = base
        self._base_known = len(base.known) if base else 0
        self.added: set = set()

    def add(self, alias: str) -> None:
        if alias in self.known or not alias.strip():
            return
        self.known.add(alias)
        self.added.add(alias)
        self._found.clear()
        self._cjk_first = None
        if CJK_RE.search(alias):
            lst = self.cjk[alias[0]] = self.cjk.get(alias[0], []) + [alias]
            lst.sort(key=len, reverse=True)
        else:
            toks = NAME_TOKEN_RE.findall(alias)
            if toks:
                self._second.pop(toks[0], None)
                lst = self.latin[toks[0]] = self.latin.get(toks[0], []) + [(toks, alias)]
                lst.sort(key=lambda x: len(x[0]), reverse=True)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, alias) of every known name in text, in order of place."""
        found = self._found.get(text)
        if found is None:
            found = self._find(text)
            if len(self._found) >= FIND_MEMO:
                self._found.clear()
            self._found[text] = found
        return list(found)

    def base_find(self, text: str) -> list[tuple[int, int, str]]:
        """base.find(text) for a view (find(text) for an index that is none): read from what this view
        found in the text, when it remembers that and found none of the names it added. The view's
        names are its base's and those it added, each list of candidates in the base's order with the
        added names after the base's of the same length; so where the view, matching leftmost and
        longest first, took only its base's names, its base takes the same at the same places."""
        base = self.base
        if base is None:
            return self.find(text)
        found = self._found.get(text)
        if (found is not None and len(base.known) == self._base_known
                and not any(alias in self.added for _, _, alias in found)):
            return list(found)
        return base.find(text)

    def _by_second(self, first: str) -> tuple[dict, list]:
        """latin[first] as ({second word: its aliases of more than one word}, its one-word aliases),
        each in latin's order."""
        by_second: dict = {}
        singles = []
        for cand, alias in self.latin[first]:
            if len(cand) > 1:
                by_second.setdefault(cand[1], []).append((cand, alias))
            else:
                singles.append((cand, alias))
        self._second[first] = (by_second, singles)
        return by_second, singles

    def _find(self, text: str) -> tuple:
        out = []
        latin = self.latin
        if latin:
            # the words (C-level findall); their offsets only up to where a whole alias matches
            words = NAME_TOKEN_RE.findall(text)
            if not latin.keys().isdisjoint(words):
                starts: list = []       # where words[0], words[1] ... start, read as far as needed
                i = 0
                last = len(words) - 1
                for i0 in compress(range(len(words)), map(latin.__contains__, words)):
                    if i0 < i:
                        continue
                    by_second, singles = self._second.get(words[i0]) or self._by_second(words[i0])
                    # the aliases of more than one word whose second word comes next, then those of one
                    # word: latin's order (longest first) among the aliases that can match here
                    nxt = by_second.get(words[i0 + 1]) if i0 < last else None
                    for cand, alias in (nxt + singles if nxt else singles):
                        n = len(cand)
                        if words[i0:i0 + n] == cand:
                            # whole words: no letter or digit glued on either side ("U.S." is fine).
                            # A word's offset is text.find(word) from the end of the word before it:
                            # what lies between two words holds no letter or digit, so the word is
                            # the first place where its letters occur
                            j = i0 + n - 1
                            if len(starts) <= j:
                                pos = starts[-1] + len(words[len(starts) - 1]) if starts else 0
                                for w in words[len(starts):j + 1]:
                                    pos = text.find(w, pos)
                                    starts.append(pos)
                                    pos += len(w)
                            out.append((starts[i0], starts[j] + len(words[j]), alias))
                            i = i0 + n
                            break
        if self.cjk and CJK_RE.search(text):
            if self._cjk_first is None:
                self._cjk_first = _first_chars(self.cjk)
            i = 0
            for m in self._cjk_first.finditer(text):
                i0 = m.start()
                if i0 < i:
                    continue
                for alias in self.cjk[text[i0]]:
                    if text.startswith(alias, i0):
                        out.append((i0, i0 + len(alias), alias))
                        i = i0 + len(alias)
                        break
        out.sort()
        return tuple(out)


FIND_MEMO = 4096    # texts whose names an index remembers (then it starts afresh)


_FIRST_CHARS: dict = {}


def _first_chars(cjk: dict) -> re.Pattern:
    """A class of the first characters of the Chinese aliases (cjk's keys), compiled once for each set
    of them: every document's view that meets Chinese text asks for one, and most views add no new
    first character to their base's (185 compiles of 74 sets on the benchmark's folder before)."""
    key = "".join(sorted(cjk))
    pattern = _FIRST_CHARS.get(key)
    if pattern is None:
        if len(_FIRST_CHARS) >= 256:
            _FIRST_CHARS.clear()
        pattern = _FIRST_CHARS[key] = re.compile("[" + "".join(map(re.escape, key)) + "]")
    return pattern


_REGISTRY_INDEX: dict = {}


def registry_index(registry) -> AliasIndex:
    """The alias index of a registry, built once for the last registry asked about. The registry
    itself is kept beside its index and compared by identity: an id alone can be reused by a new
    registry once the old one is freed, which would hand it the old one's names."""
    held = _REGISTRY_INDEX.get("entry")
    if held is None or held[0] is not registry:
        idx = AliasIndex()
        for alias in registry.alias_index:
            idx.add(alias)
        _REGISTRY_INDEX["entry"] = (registry, idx)
    return _REGISTRY_INDEX["entry"][1]
