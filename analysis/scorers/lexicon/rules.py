"""The rules that weigh the matched terms (intensifiers, negation, contrast, the lead term) and
the evidence text that lists them."""
from __future__ import annotations

import bisect
import re

from analysis.scorers.lexicon.entries import Match
from analysis.scorers.lexicon.matcher import UNIT_CLAUSE

ZH_CLAUSE = "，；：、（）“”,;:"
EN_WINDOW = 4      # tokens between a negator and the term it scopes over
ZH_WINDOW = 4      # characters between a negator and the term it scopes over
INTENSIFIER_GAP_EN = 2
INTENSIFIER_GAP_ZH = 3
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


def en_rules(units_all: list, a: int, b: int, matches: list, contrast_after: float,
             contrast_before: float, first_weight: float) -> float:
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
                       "en", contrast_after, contrast_before, first_weight)
