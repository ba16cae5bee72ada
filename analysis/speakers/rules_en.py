"""The English attribution rules: each reads one sentence and returns its speaker and cue, or None, and
the subjects they resolve ("Wang", "the vice premier", "he", "the two sides") to one canonical speaker."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.speakers.common import (DETERMINERS, EN_TITLE_WORDS, POSSESSIVE, SIDE_WORDS, STOP_CAPS, Subject,
                                      mask_quotes, side_of, speaker_list, speaker_table)
from analysis.speakers.cues import CueSet
from analysis.speakers.registry import BOTH, NARRATOR
from analysis.speakers.state import Attribution, Context, DocState

EN_PRONOUNS = {"he", "she"}
EN_FIRST = {"i", "we"}
# "Joseph R. Biden, Jr." is one name
GENERATION_COMMA = re.compile(r",(\s+(?:Jr|Sr|II|III)\b)")
# where the subject phrase before a verb starts: after punctuation, a quote, "that", "who", "which"
CLAUSE_START = re.compile(r"[,;:()\u2014\u2013]|\u2592+|\bthat\b|\bwho\b|\bwhich\b")
QUOTE_CLAUSE_START = re.compile(r"[,;:()\u2014\u2013]")
# a clause mark or a quote before a verb: the verb does not open the sentence
CLAUSE_MARK = re.compile(r"[,;:()\u2014\u2013\u2592]")
_TAILS = speaker_table("en_subject_tails.tsv", "pass", "pattern")
SUBJECT_TAIL = re.compile(r"\b(?:" + "|".join(_TAILS["1"]) + r")\s*$", re.I)
SUBJECT_TAIL_AGAIN = re.compile(r"\b(?:" + "|".join(_TAILS["2"]) + r")\s*$", re.I)
# the subject after an inverted verb: "..., said Liu He in Beijing"
AFTER_END = re.compile(r"[,.;:!?]|\u2592")
AFTER_TAIL = re.compile(r"\s+(?:in|on|at|during|after|before|when|while|referring|as|to)\s+")
ACCORDING_TO = re.compile(r"\baccording to\s+(.{1,60}?)(?:[,.;]|$)")
INDEFINITE = re.compile(r"(?:an?|another|one)\s+\w")
INDEFINITE_SOURCE = re.compile(r"\b(?:" + "|".join(speaker_list("en_indefinite_sources.txt")) + r")$")
# "The President" with a capital P and no name is the White House's own style for the US president
WH_PRESIDENT = re.compile(r"(?:[Tt]he\s+)?(?:Vice\s+)?President")
CAPS_PHRASE = re.compile(r"(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w'’\-]+")
NON_WORD = re.compile(r"[^\w\s]")
AND = re.compile(r"\band\b")
TITLE_HONORIFIC = re.compile(r"^(?:mr\.?|ms\.?|mrs\.?)\s+")
# "the president and vice president" (one side's pair): the first named; "the president and the prime
# minister" (two offices) is left to the joint rules
TITLE_PAIR = re.compile(r"\s+and\s+(?!the\b|a\b|an\b|his\b|her\b|their\b)")
US_CASED = re.compile(r"\b(?:Us|U\.S\.)(?=\s|$)")


@lru_cache(maxsize=None)
def joint_subject(cues: CueSet) -> re.Pattern:
    """'the two sides', 'both leaders' ... ending a subject phrase."""
    alts = "|".join(re.escape(j) for j in sorted(cues.get("en", "joint_subject"), key=len, reverse=True))
    return re.compile(r"(?:^|\s)(?:" + alts + r")$")


@lru_cache(maxsize=None)
def embedded_cue(cues: CueSet) -> re.Pattern:
    """"..., in which Xi pointed out that ...": the subject of the speech inside a message or a call."""
    return re.compile(r"\b(?:in|with|through)\s+which\s+(.{1,60}?)\s+(?:" + cues.regex("en", "speech").pattern + ")",
                      re.I)


# ---------------------------------------------------------------- subjects
EN_OFFICE_OF = re.compile(r"^(?:his|her)\s+(?:office|spokes(?:person|man|woman)|aides?|press\s+office|team)$")
EN_DOCUMENT = re.compile(r"^(?:the|that|this)\s+(?:joint\s+)?(?:statement|readout|communiqu[eé]|letter|message|"
                         r"declaration|release|press\s+release)$")


# a pronoun with its verb contracted: "We’ve conveyed it", "I’m happy to"
CONTRACTED = re.compile(r"\b(I|[Ww]e|[Yy]ou|[Tt]hey|[Hh]e|[Ss]he)['’](?:ve|re|ll|d|m|s)\b")


# "Well, as the President has said before, ...": the clause gives what follows to its subject
AS_SAID_LEAD = re.compile(r"^(?:(?:well|now|and|but|so|look|again|yes|no|and again),?\s+)*as\s+", re.I)
# "as you heard the President say": the one heard speaks
HEARD = re.compile(r"^(?:you|we)\s+(?:all\s+)?(?:heard|saw|have\s+heard|have\s+seen)\s+", re.I)
AUXILIARY_TAIL = re.compile(r"(?:\s+(?:has|had|have|also|already|just|repeatedly|himself|herself|themselves))+$", re.I)


def resolve_en(state: DocState, cues: CueSet, np: str) -> Subject | None:
    """The speaker an English subject phrase names, or None."""
    np = CONTRACTED.sub(r"\1", np.strip(" ,;:-—–\u2592\t"))
    np = HEARD.sub("", AUXILIARY_TAIL.sub("", AS_SAID_LEAD.sub("", np)))
    if np.lower() in ("you", "you all"):
        return Subject("generic", NARRATOR)    # "You said it was a report": the one addressed, no speaker
    if not np:
        return None
    low = np.lower()
    if joint_subject(cues).search(low):
        return Subject("both", BOTH)
    found = [(a, b, n) for a, b, n in state.mentions_in(np) if not POSSESSIVE.match(np[b:b + 2])]
    persons = [f for f in found if state.kind(f[2]) == "person"]
    if persons:
        sides = {state.side(p[2]) for p in persons}
        if len({p[2] for p in persons}) > 1 and AND.search(np) and len(sides) > 1:
            return Subject("both", BOTH)
        return Subject("person", persons[-1][2])
    if INDEFINITE.match(low) and INDEFINITE_SOURCE.search(low):
        bodies = found or state.mentions_in(" ".join(w[:1].upper() + w[1:] for w in np.split()))
        if bodies:
            # "A Chinese Foreign Ministry statement said", "a State Department spokesperson said":
            # the body speaks, as a new source (not content of the speaker before)
            return Subject("body", bodies[-1][2], new_source=True)
        # "a senior official said": someone unnamed, a vague source like "officials said"
        # (narrator), never the previous speaker going on
        return Subject("generic", NARRATOR)
    if EN_OFFICE_OF.match(low):
        # "His office said", "her spokesperson said": the person "he" or "she" means speaks through them
        who = state.pronoun_target()
        return Subject("person", who) if who else Subject("generic", NARRATOR)
    if EN_DOCUMENT.match(low):
        # "The statement said", "the readout said": whoever the text had issue it
        who = state.document_source()
        return Subject(state.kind(who) or "body", who) if who else Subject("generic", NARRATOR)
    last = low.split()[-1] if low.split() else ""
    if last in EN_PRONOUNS or low in EN_PRONOUNS:
        who = state.pronoun_target()
        return Subject("person", who) if who else None
    if low in EN_FIRST or last in EN_FIRST:
        return state.first_person()
    if low in ("they", "the two"):
        # in readouts and wire stories "they" as the subject of a position is the parties
        return Subject("both", BOTH)
    # "The President" with a capital P and no name is the White House's own style for the US
    # president (Xinhua and the MFA write "President Xi", "the U.S. president")
    titled = resolve_title(state, low, prefer="US" if WH_PRESIDENT.fullmatch(np) else None)
    if titled:
        return Subject("person", titled)
    if found:
        return Subject("body", found[-1][2])
    return _unnamed_or_new(state, cues, np, low)


# a title or an honorific right before a surname ("Administrator Regan", "Dr. Jha")
TITLE_END = re.compile(rf"\b(?:{EN_TITLE_WORDS}|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)$")


def _unnamed_or_new(state: DocState, cues: CueSet, np: str, low: str) -> Subject | None:
    """A subject no name or title resolved: a vague source (narrator), or capitalised words taken as a
    person the text has not introduced."""
    generic = cues.get("en", "generic")
    head = NON_WORD.sub("", low).split()
    if head and head[-1] in generic:
        return Subject("generic", NARRATOR)
    if " ".join(head[-2:]) in generic:
        return Subject("generic", NARRATOR)
    caps = CAPS_PHRASE.fullmatch(np.strip())
    if caps and DETERMINERS.sub("", low.strip()) in state.registry.roles:
        # "The Spokesperson said", "The President said" whose holder is unclear: someone the
        # text does not name (narrator), neither a person called "President" nor the previous speaker
        return Subject("generic", NARRATOR)
    if caps:
        toks = [t for t in np.split() if t not in STOP_CAPS]
        if (len(toks) >= 2 and TITLE_END.search(" ".join(toks[:-1]))
                and len(held := state.registry.with_surname(toks[-1])) == 1):
            return Subject("person", held[0])   # "EPA Administrator Regan": the registered Regan, by his title
        if toks and not any(t.lower() in generic for t in toks):
            name = " ".join(toks)
            return Subject("person", state.learn(name, side_of(np), "person"))
    return None


def resolve_title(state: DocState, low: str, prefer: str | None = None) -> str | None:
    """'the chinese vice premier' -> the person holding that office, preferring people in the text
    (and, given `prefer`, holders from that side)."""
    low = DETERMINERS.sub("", low.strip())
    low = TITLE_HONORIFIC.sub("", low)
    low = TITLE_PAIR.split(low)[0]
    side = None
    # title case for the English side words, with US and U.S. kept in capitals ("the us vice president")
    cased = US_CASED.sub(lambda m: m.group(0).upper(), low.title())
    for rx, s in SIDE_WORDS:
        if rx.search(cased) or rx.search(low):
            side = s
    roles = [r for r in state.registry.roles_ending(low.rsplit(" ", 1)[-1]) if low == r or low.endswith(" " + r)]
    roles += [t.role for sp in state.runtime_speakers.values() for t in sp.titles
              if low == t.role or low.endswith(" " + t.role)]
    # "the (US) vice president" is that office, not any "president"
    roles = [r for r in roles if not any(r2 != r and r2.endswith(" " + r) for r2 in roles)]
    if not roles:
        return None
    if len(low.split()) > len(roles[0].split()) + 2:
        return None
    cands = []
    for role in roles:
        for name, sp in state.registry.holders(role) + list(state.runtime_speakers.items()):
            if sp.has_title(role, state.year) and (side is None or sp.side == side):
                cands.append(name)
    if not cands:
        return None
    if prefer:
        # "The President" in a readout that has named the US president (White House style), or
        # that has named no holder of the office at all
        seen = set(state.mentions) | state.in_title
        named = [c for c in cands if state.side(c) == prefer and c in seen]
        if not named and not any(c in seen for c in cands):
            named = [c for c in cands if state.side(c) == prefer]
        cands = named or cands
    if state.current in cands:
        return state.current
    for m in reversed(state.mentions):
        if m in cands:
            return m
    uniq = list(dict.fromkeys(cands))
    if len(uniq) > 1 and prefer == "US" and roles == ["president"] and state.date and state.date[5:10] >= "01-20":
        # a US handover year, after Inauguration Day (2021-05-01: Biden, not Trump): the one who took
        # office that year
        incoming = [c for c in uniq if any(t.start == state.year for t in _speaker_titles(state, c, roles))]
        outgoing = [c for c in uniq if any(t.end == state.year for t in _speaker_titles(state, c, roles))]
        if len(incoming) == 1 and len(outgoing) == len(uniq) - 1:
            return incoming[0]
    return uniq[0] if len(uniq) == 1 else None


def _speaker_titles(state: DocState, name: str, roles: list) -> list:
    sp = state.speaker(name)
    return [t for t in (sp.titles if sp else []) if t.role in roles]


def subject(s: Context, np: str) -> Subject | None:
    """resolve_en for a rule reading sentence s; the result is kept in s.subjects."""
    r = resolve_en(s.state, s.cues, np)
    if r is not None:
        s.subjects.append(r)
    return r


# ---------------------------------------------------------------- one sentence, read once
@dataclass
class Reading:
    """An English sentence as the rules read it: quotes masked, its cue verbs in order of place."""
    masked: str
    qspans: list
    speech: re.Pattern
    events: list                 # (start, end, "speech" | "narration")
    participle: re.Match | None  # "saying", "hoping" after a main clause


def reading(s: Context) -> Reading:
    if "en" not in s.memo:
        masked, qspans = mask_quotes(s.text)
        masked = GENERATION_COMMA.sub(r" \1", masked)
        speech = s.cues.regex("en", "speech")
        events = [(m.start(), m.end(), "speech") for m in speech.finditer(masked)]
        events += [(m.start(), m.end(), "narration") for m in s.cues.regex("en", "narration").finditer(masked)]
        events.sort()
        s.memo["en"] = Reading(masked, qspans, speech, events, s.cues.regex("en", "participle").search(masked))
    return s.memo["en"]


# a name, then an appositive between commas, then the verb: "Thomas Friedman, a famous US expert on
# international relations, wrote"; "Tulsi Gabbard, former member of the US House, said"
APPOSITIVE = re.compile(r"(?:^|[.;:]\s+|\b(?:and|but)\s+)(?P<name>(?:[A-Z][\w.'’\-]+\s+){0,3}[A-Z][\w'’\-]+),\s+"
                        r"(?:a|an|the|former|then|currently|also|one|now)\b[^,;:()]{3,120},\s*(?:also\s+)?$")


def subject_clause(before: str) -> str:
    """The subject phrase right before a verb: the last clause, without adverbs and auxiliaries
    ("Wang also", "the minister has"), at most its last 8 words; a name before an appositive
    ("Thomas Friedman, a famous US expert ..., wrote") is the subject."""
    tail = before.rstrip()
    appositive = APPOSITIVE.search(before) if tail.endswith((",", " also")) and tail.count(",") >= 2 else None
    if appositive:
        return appositive.group("name")
    clause = CLAUSE_START.split(before)[-1]
    clause = SUBJECT_TAIL.sub("", clause.strip()).strip()
    clause = SUBJECT_TAIL_AGAIN.sub("", clause).strip()
    toks = clause.split()
    return " ".join(toks[-8:]) if len(toks) > 8 else clause


# ---------------------------------------------------------------- the rules
WHICH = re.compile(r"which", re.I)     # in every embedded cue: a sentence without it has none


def embedded_speech(s: Context) -> Attribution | None:
    """Embedded speech: "Liu delivered a message from Xi, in which Xi pointed out ..." -> Xi."""
    masked = reading(s).masked
    if not WHICH.search(masked):
        return None
    for m in embedded_cue(s.cues).finditer(masked):
        r = subject(s, m.group(1))
        if r and r.kind in ("person", "both"):
            return Attribution(r.name, "embedded")
    return None


def quote_opened_by_cue(s: Context) -> Attribution | None:
    """A quote that opens with a cue verb: Blinken "underscored the importance ..." -> Blinken."""
    e = reading(s)
    for a, b in e.qspans:
        inner = s.text[a + 1:b].lstrip()
        if e.speech.match(inner) and inner[:1].islower():
            clause = QUOTE_CLAUSE_START.split(e.masked[:a].rstrip())[-1]
            r = subject(s, clause)
            if r and r.kind == "person":
                return Attribution(r.name, "quote")
    return None


# welcoming a guest to a place is an act, not words: "welcomed Czech Prime Minister Petr Fiala to the
# White House" (welcoming a decision, "welcomed the progress", is a position)
WELCOMED_TO = re.compile(r"welcome[ds]?\s+(?:(?:[A-Z][\w.'’\-]*|of|the|and|his|her)\s+){1,8}?(?:to|at|in)\s+"
                         r"(?:the\s+)?(?:White\s+House|Oval\s+Office|[A-Z])")
# "added" with an object is an act ("has added additional military force"); with "that", a comma, a
# colon, a quote or the sentence's end it reports words ("he added that ...", "..., he added.")
ADDED_OBJECT = re.compile(r"add(?:s|ed)?\s+(?!that\b)[\w$]", re.I)
THEY_SUBORDINATE = re.compile(r"\b(?:anything|something|everything|nothing|what|whatever|if|whether|when|because|"
                              r"than|unless)\s+(?:that\s+)?they\b[^,;]*$", re.I)


def cue_verbs(s: Context) -> Attribution | None:
    """Verbs of saying and of narration, in the order they come: the first whose subject decides gives
    the speaker (reported speech, a direct quote, the two sides, or the narrator)."""
    e = reading(s)
    for start, end, kind in e.events:
        before = e.masked[:start]
        clause = subject_clause(before)
        if clause.lower() == "they" and THEY_SUBORDINATE.search(before):
            continue    # "anything that they say": "they" inside a clause is no joint position
        if kind == "speech" and WELCOMED_TO.match(e.masked, start):
            kind = "narration"      # "President Biden welcomed Prime Minister Fiala to the White House"
        if kind == "speech" and ADDED_OBJECT.match(e.masked, start):
            continue                # "the President has added additional military force": an act, no words
        if kind == "narration":
            att = narration_verb(s, e, before, end, clause)
        else:
            att = speech_verb(s, e, end, clause)
        if att is not None:
            return att
    return None


def narration_verb(s: Context, e: Reading, before: str, end: int, clause: str) -> Attribution | None:
    """"The two leaders discussed ...", "Wang Yi met ...": narration when it opens the sentence or a
    speaker's run; "Xi met ..., saying ...": the subject speaks in the participle."""
    r = subject(s, clause)
    if r and r.kind == "person" and e.participle and e.participle.start() > end:
        return Attribution(r.name, "participle")
    initial = not CLAUSE_MARK.search(before)
    if r and r.kind == "both" and (s.first or initial):
        return Attribution(NARRATOR, "narration")
    if r and s.first and r.kind in ("person", "body") and not e.qspans:
        return Attribution(NARRATOR, "narration")
    return None


def speech_verb(s: Context, e: Reading, end: int, clause: str) -> Attribution | None:
    """"Wang said ...", "..., said Liu He", "the two sides agreed": the verb's subject speaks."""
    if not clause:
        after = AFTER_END.split(e.masked[end:])[0]
        r = subject(s, AFTER_TAIL.split(" " + after.strip())[0])
    else:
        r = subject(s, clause)
    if r is None:
        return None
    if r.kind == "generic":
        return Attribution(NARRATOR, "reported")
    if r.kind == "both":
        return Attribution(BOTH, "joint")
    return Attribution(r.name, "quote" if e.qspans else "reported")


def participle_subject(s: Context) -> Attribution | None:
    """"Xi met Biden in Bali, saying ...": the person named before the participle."""
    e = reading(s)
    if e.participle:
        for a, b, name in s.state.mentions_in(e.masked[:e.participle.start()]):
            sp = s.state.speaker(name)
            if sp and sp.kind == "person":
                return Attribution(name, "participle")
    return None


def according_to(s: Context) -> Attribution | None:
    """A quote "according to" a person or a body."""
    e = reading(s)
    if e.qspans:
        m = ACCORDING_TO.search(e.masked)
        if m:
            r = subject(s, m.group(1))
            if r and r.kind in ("person", "body"):
                return Attribution(r.name, "quote")
    return None
