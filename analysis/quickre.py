"""Quick tests before slow regular expressions (for speed): `quick_test(pattern)` is a pattern of
the literal strings that every match of `pattern` starts with, searched anywhere. A text where the
quick test finds nothing has no match, so the slow pattern need not be run on it. Python's `re` scans
fast for a pattern that opens with literal characters, slowly for one that opens with \\b or an
optional group; the quick test opens with literals only.

The literal starts are read from the pattern as `re` parses it; where they cannot be read for
certain (a class of many characters first, a back-reference, a look-behind, flags), there is no
quick test (None) and the caller runs the pattern as before.
"""
from __future__ import annotations

import re

try:
    from re import _parser as _sre     # the parser `re` itself uses (Python 3.11 and later)
    from re import _constants as _c
except ImportError:                    # pragma: no cover - older Pythons: no quick tests
    _sre = _c = None

MAX_STARTS = 200        # more literal starts than this: no quick test
MAX_CLASS = 8           # a class of up to this many characters is read as that many literals
REPEATS = tuple(getattr(_c, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, n)) if _c else ()


class _Unknown(Exception):
    """The starts of this part of the pattern cannot be read for certain."""


def _chars(op, av) -> list[str]:
    """The characters a LITERAL or a small IN (class) matches."""
    if op is _c.LITERAL:
        return [chr(av)]
    if op is _c.IN:
        out = []
        for kind, v in av:
            if kind is _c.LITERAL:
                out.append(chr(v))
            elif kind is _c.RANGE and v[1] - v[0] < MAX_CLASS:
                out.extend(chr(x) for x in range(v[0], v[1] + 1))
            else:
                raise _Unknown
        if len(out) > MAX_CLASS:
            raise _Unknown
        return out
    raise _Unknown


def _starts(items: list) -> set:
    """Literal starts of a sequence of parsed items: every match of the sequence starts with one of
    them; "" among them: the sequence may match the empty string (nothing is known of its start).
    Raises _Unknown when not even the first character is known for certain."""
    prefixes = {""}
    for k, (op, av) in enumerate(items):
        if op is _c.AT:
            continue                                    # \b, ^, $: zero width
        try:
            if op in (_c.LITERAL, _c.IN):
                prefixes = _join(prefixes, set(_chars(op, av)))
                continue
            inner = _item_starts(op, av)
        except _Unknown:
            if prefixes == {""}:
                raise
            return prefixes     # what follows is not read: the starts so far are known
        if "" in inner:     # the item may match nothing: then the match starts with what follows it
            inner = (inner - {""}) | _starts(items[k + 1:])
        # (the starts of the item are as far as is known for certain: the item's length varies)
        return _join(prefixes, inner)
    return prefixes


def _item_starts(op, av) -> set:
    """Literal starts of a group, an alternation or a repeat (see _starts)."""
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown
        return _starts(list(sub))
    if op is _c.BRANCH:
        return set().union(*(_starts(list(alt)) for alt in av[1]))
    if op in REPEATS:
        lo, _hi, sub = av
        return _starts(list(sub)) | ({""} if lo == 0 else set())
    if op is _c.ASSERT and av[0] == 1:
        # a look-ahead (?=...): the text where it stands begins with one of its starts
        return _starts(list(av[1]))
    raise _Unknown          # any character, a look-behind, a negative look-around, a group reference


def _join(prefixes: set, starts: set) -> set:
    out = {p + s for p in prefixes for s in starts}
    if len(out) > MAX_STARTS:
        raise _Unknown
    return out


def literal_starts(pattern: re.Pattern | str) -> list[str] | None:
    """The literal strings every match of the pattern starts with (none empty), or None."""
    if _sre is None:
        return None
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    if not isinstance(source, str) or flags & ~(re.UNICODE | re.DOTALL):
        return None         # re.I, re.M, re.X, bytes: not read here
    try:
        parsed = _sre.parse(source, flags)
        if parsed.state.flags & ~(re.UNICODE | re.DOTALL):
            return None     # inline flags, (?i) ...
        starts = _starts(list(parsed))
    except (_Unknown, re.error, RecursionError, ValueError, AttributeError):
        return None
    if "" in starts or not starts:
        return None
    return sorted(starts, key=len, reverse=True)


def quick_test(pattern: re.Pattern | str) -> re.Pattern | None:
    """A pattern of `pattern`'s literal starts (see literal_starts), or None when there is none."""
    starts = literal_starts(pattern)
    return re.compile("|".join(map(re.escape, starts))) if starts else None
