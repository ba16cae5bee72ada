"""English statements scored many at a time: units, names, lexicon matches, rules and tone, with numpy."""
from __future__ import annotations

from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np

from analysis.scorers.lexicon.entries import Match
from analysis.scorers.lexicon.masking import CAPS_RUN
from analysis.scorers.lexicon.matcher import BATCH_SEP, UNIT_BATCH_SPLIT, _Lower
from analysis.scorers.lexicon.rules import en_rules

if TYPE_CHECKING:
    from analysis.scorers.lexicon.matcher import Lexicon

# Speed (docs/benchmarks.md): the scorer's transform reads the English statements of a call
# together, in parts of about EN_PART_CHARS characters (one regular expression over a part, a table
# of the facts about each distinct word looked up in C, numpy for the per-word steps; Python visits
# only the words where an entry or a longer name may start, with their candidates and next word
# fetched from the table). score_one gives exactly the same answers one statement at a time.
EN_PART_CHARS = 120_000     # English statements are read in parts of about this many characters


def en_batch(texts: list, lex: "Lexicon", names, contrast_after: float, contrast_before: float,
             first_weight: float):
    """English statements (see en_part), read in parts of about EN_PART_CHARS characters: a
    part's units, ids and arrays stay in the processor's caches from one pass to the next, and
    the statements are read apart, so the answers do not depend on the parts."""
    T = len(texts)
    if T <= 1:
        return en_part(texts, lex, names, contrast_after, contrast_before, first_weight)
    ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=T) + 1)
    cuts = np.searchsorted(ends, np.arange(EN_PART_CHARS, int(ends[-1]), EN_PART_CHARS), side="right")
    cuts = [0] + sorted(set(cuts.tolist()) - {0, T}) + [T]
    if len(cuts) == 2:
        return en_part(texts, lex, names, contrast_after, contrast_before, first_weight)
    matches, raws, tones = {}, [], []
    for a, b in zip(cuts, cuts[1:]):
        ms, raw, tone = en_part(texts[a:b], lex, names, contrast_after, contrast_before, first_weight)
        for k, m in ms.items():
            matches[a + k] = m
        raws.append(raw)
        tones.append(tone)
    return matches, np.concatenate(raws), np.concatenate(tones)


# en_part is over 100 lines and kept whole on purpose: it is the hot path of English scoring (moved
# unchanged from LexiconScorer._en_part), one pass over a part whose steps (names, entries,
# capitalised runs, rules, tone) share a dozen arrays over the part's units (ids, masked, text_of,
# first, nxt ...); cut into functions, each step would take and return most of them.
def en_part(texts: list, lex: "Lexicon", names, contrast_after: float, contrast_before: float,
            first_weight: float):
    """English statements, read as units: names left out, lexicon matches, capitalised names
    hiding the terms inside them (unless a term covers the name whole: "a new Cold War"), the
    rules, and the tone of the remaining words (names: the names index, masking._names, whose
    names are left out; contrast_after, contrast_before, first_weight: the rules' parameters).
    Returns ({statement number: its matches, for the statements with any}, raw stance sums, raw
    tone sums).

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
    table = lex.unit_table(names)
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
        raw[t] = en_rules(units_all, firsts[t], firsts[t + 1] - 1, ms, contrast_after, contrast_before,
                          first_weight)
    val = VAL[ids]
    sel = ~np.isnan(val) & ~masked
    val = np.where(negated, val * -0.74, val)
    tone = np.bincount(text_of[sel], weights=val[sel], minlength=T)
    return matches, raw, tone