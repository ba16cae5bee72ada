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
NEGATORS = ("negator", "negator_reassure", "negator_refuse")
SCORED = ("term", "negatable")
# a concern or criticism "about" something: a cooperative word inside that object is what the
# speaker objects to ("serious concerns about the PRC's support for Russia"), not cooperation
OBJECT_PREPOSITIONS = frozenset(["about", "over", "regarding", "at", "on"])     # the roles weighed by the rules (the others modify them)
# a lead verb that harms or breaks what follows it ("violates the consensus", "undermines mutual
# trust", 违反…共识, 损害…互信): a cooperative word in its direct object, a few words on in the same
# clause, is what was harmed, not cooperation (English prefixes of the lead's first word; Chinese
# leads that begin with these verbs)
HARM_VERBS_EN = ("undermin", "violat", "damag", "sabotag", "disrupt", "obstruct", "hinder", "jeopardi",
                 "destabili", "wreck", "breach", "betray", "poison", "erod", "harm")
HARM_VERBS_ZH = ("违反", "违背", "损害", "破坏", "背离", "践踏", "阻挠", "阻碍", "妨碍", "干扰", "毒化", "背弃", "冲击", "危害")
HARM_OBJECT_REACH = {"en": 6, "zh": 16}     # words (English) or characters (Chinese) from the verb
# what may stand between two items of one list ("conflict, confrontation, or a new Cold War",
# 冲突、对抗): a negation or reassurance over the first item also covers the others
LIST_JOINERS = frozenset([",", "、", "，", "or", "and", "nor", "a", "an", "any", "even", "the", "或", "和", "与", "及",
                          "或者", "乃至", "甚至"])
# what may stand between a negator cut off by a comma and its object ("We will not seek, nor do we
# want, a crisis"): the comma and a determiner
OBJECT_JOINERS = frozenset([",", "a", "an", "any", "the", "，"])


def _evidence(matches) -> str:
    """The matched terms with their weights after the rules and the rules applied."""
    parts = []
    terms = [m for m in matches if m.entry.role == "term" or (m.entry.role == "negatable" and m.rules)]
    for m in terms[:EVIDENCE_TERMS]:
        rules = f" {' '.join(m.rules)}" if m.rules else ""
        parts.append(f"{m.text}({m.weight:+.1f}{rules})")
    if len(terms) > EVIDENCE_TERMS:
        # a statement without sentence ends (a page pasted as one line) stays readable in a
        # spreadsheet cell; the score counts every term
        parts.append(f"... and {len(terms) - EVIDENCE_TERMS} more terms")
    return "; ".join(parts)


def _joined(between, p, m, joiners) -> bool:
    """Whether only joiners (list or object joiners) stand between matches p and m."""
    if between is None:
        return False
    units = between(p, m)
    return bool(units) and all(u in joiners for u in units)


def _object_of(between, lead, m, lang: str = "en") -> bool:
    """Whether m lies in the prepositional object of the lead term ("concerns about ... m"), or in
    the direct object of a harming lead verb ("violated the agreement", 违反…共识)."""
    text = lead.text.lower()
    if text.rsplit(" ", 1)[-1] in OBJECT_PREPOSITIONS:
        return True
    units = between(lead, m)
    if units and units[0] in OBJECT_PREPOSITIONS:
        return True
    harm = text.startswith(HARM_VERBS_ZH) if lang == "zh" else text.split(" ", 1)[0].startswith(HARM_VERBS_EN)
    return harm and len(units) <= HARM_OBJECT_REACH[lang]


def _negation(m, w: float, neg) -> float:
    """A term's weight w under the negator neg (recorded in m's rules): reassurance for a
    reassuring negator before a confrontational term ("does not seek conflict"), a warning kept for a
    refusal ("allows no interference", "will not tolerate provocations"), else a plain flip."""
    role = neg.entry.role
    if role == "negator_reassure" and w < 0:
        m.rules.append(f"reassurance ({neg.text})")
        return min(3.0, max(2.0, 0.5 * abs(w)))
    if role == "negator_refuse" and w < 0:
        m.rules.append(f"refusal ({neg.text})")
        return w
    m.rules.append(f"negated ({neg.text})")
    return -0.5 * w if w < 0 else -0.7 * w


def _modifiers(matches, k, reach_end, clause, gap, between, negated_by, int_gap, neg_gap):
    """The weight of term k after the nearest intensifier before it in its clause, and the negator
    acting on it (None if none): a few words before it, or across a comma or a list (with between)."""
    m = matches[k]
    w = m.entry.weight
    here = clause(m.start)
    prev = []
    for j in range(k - 1, -1, -1):
        p = matches[j]
        if m.start - reach_end[j] > LOOK_BACK:
            break
        if p.entry.role not in SCORED and clause(p.start) == here:
            prev.append(p)
    prev.reverse()
    for p in reversed(prev):
        if p.entry.role == "intensifier" and gap(p, m) <= int_gap:
            w *= p.entry.weight
            m.rules.append(f"x{p.entry.weight:g} {p.text}")
            break
    neg = next((p for p in reversed(prev) if p.entry.role in NEGATORS and gap(p, m) <= neg_gap), None)
    if neg is None and between is not None:
        # a negator whose object follows a comma ("not seek, nor do we want, a crisis"), or an
        # item of a list whose first item was negated ("prevent conflict, confrontation, or ...")
        for j in range(k - 1, -1, -1):
            p = matches[j]
            if p.entry.role in NEGATORS and _joined(between, p, m, OBJECT_JOINERS):
                return w, p
            if p.entry.role in SCORED:
                if negated_by.get(j) is not None and _joined(between, p, m, LIST_JOINERS):
                    neg = negated_by[j]
                break
    return w, neg


def apply_rules(matches: list[Match], clause, gap, lang: str, contrast_after: float,
                contrast_before: float, first_weight: float = 1.0, between=None) -> float:
    """Weights of the term matches after intensifiers, negation, contrast and the lead term (the
    first stance term of a sentence, usually its main verb or formula, counts first_weight times);
    returns the raw sum. clause(i): clause number of position i; gap(p, m): words between p and m;
    between(p, m): the units (English words and punctuation, Chinese characters) between p and m,
    for the list and object rules (none: those rules are off)."""
    roles = [m.entry.role for m in matches]
    terms = roles.count("term")
    if not terms and "negatable" not in roles:      # no terms: nothing to weigh
        return 0.0
    lead = next((m for m in matches if m.entry.role == "term" and m.entry.weight), None)
    lead_rule = f"lead x{first_weight:g}"
    raw = 0.0
    objects = between is not None and lead is not None and lead.entry.weight < 0 and any(
        m.entry.weight > 0 for m in matches if m.start > lead.start)
    if terms == len(roles) and not objects:     # terms only: the lead term rule alone applies
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
    # only modifiers a few words before a term can act on it: the look-back for them stops where every
    # earlier match ends more than LOOK_BACK positions before the term (a statement with thousands of
    # terms stays linear; the windows are 2-4 words or characters)
    reach_end, top = [], -1
    for m in matches:
        top = max(top, m.end)
        reach_end.append(top)
    negated_by: dict = {}              # term number -> the negator that acted on it
    lead_taken = False
    lead_at = None                     # (number, weight, clause) of the lead term
    for k, m in enumerate(matches):
        negatable = m.entry.role == "negatable"
        if m.entry.role != "term" and not negatable:
            continue
        here = clause(m.start)
        w, neg = _modifiers(matches, k, reach_end, clause, gap, between, negated_by,
                            INTENSIFIER_GAP_EN if lang == "en" else INTENSIFIER_GAP_ZH,
                            EN_WINDOW if lang == "en" else ZH_WINDOW)
        if neg is None and negatable:   # a word that is stance only when negated ("conflict", "crisis")
            m.weight = 0.0
            continue
        # the lead: the first weighed term (its lead rule listed first, as it is applied to the
        # term's own weight; the multiplication comes after the negation, so that a reassuring
        # lead term counts first_weight times too)
        is_lead = not lead_taken and bool(w) and first_weight != 1.0
        lead_taken = lead_taken or bool(w)
        if is_lead:
            m.rules.insert(0, lead_rule)
        if neg is not None:
            w = _negation(m, w, neg)
            negated_by[k] = neg
        if is_lead:
            w *= first_weight
            lead_at = (k, w, here)
        elif (w > 0 and lead_at is not None and lead_at[1] < 0 and lead_at[2] == here and between is not None
              and _object_of(between, matches[lead_at[0]], m, lang)):
            m.rules.append(f"object of ({matches[lead_at[0]].text})")
            m.weight = 0.0
            continue
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
            lambda p, m: len(text[p.end:m.start].strip()),
            lambda p, m: _zh_units(text[p.end:m.start]))


ZH_JOINER_WORDS = ("或者", "乃至", "甚至")


def _zh_units(span: str) -> list:
    """The characters of a Chinese span as units, the two-character joiners kept whole."""
    out, i = [], 0
    while i < len(span):
        two = span[i:i + 2]
        if two in ZH_JOINER_WORDS:
            out.append(two)
            i += 2
        elif not span[i].isspace():
            out.append(span[i])
            i += 1
        else:
            i += 1
    return out


def en_rules(units_all: list, a: int, b: int, matches: list, contrast_after: float,
             contrast_before: float, first_weight: float) -> float:
    """The rules (apply_rules) on one English statement, units_all[a:b]."""
    for m in matches:
        if m.entry.role in SCORED:
            break
    else:                               # no terms (only negators, contrast...): nothing to weigh
        return 0.0
    def clause(pos, memo=[]):
        if not memo:                    # clause-ending units, counted only when a rule needs them
            memo.append([k for k, u in enumerate(units_all[a:b]) if u in UNIT_CLAUSE])
        return bisect.bisect_right(memo[0], pos)
    return apply_rules(matches, clause, lambda p, m: m.start - p.end,
                       "en", contrast_after, contrast_before, first_weight,
                       between=lambda p, m: [u.lower() for u in units_all[a + p.end:a + m.start]])
