"""The author of an English speech saved from a web page or a PDF, from the lines above its text: the
page's boilerplate (a ministry's breadcrumbs, a mission's letterhead, a news archive's headline and
reporter, a metadata block, a caption and its photo credit) stands between the title and the speech,
so the heading readers of analysis.speakers.authors, which read a clean heading, find no one. Here
every line above the speech's first paragraph is read for the person it introduces as the one
speaking: a name after an honorific ("H.E. Mr. X", "S.E. M. X", "Excmo. Sr. X"), after a post ("the
President, X", "Prime Minister X") or after a lead ("Speaker:", "Delivered by", "Statement by"), or a
name alone on a line above its post. A reporter's byline, a photographer's credit and a meeting's
presiding officer are no one's speech. Each mention weighs by its lead (a lead saying whose text it is
most, a reader least); the name of the greatest weight, else the first, is the author."""
from __future__ import annotations

import re

from analysis.speakers.authors import (EN_POSTS, FIRST_PERSON_EN, NAME_PARTICLES, NOT_NAME_WORDS, NOT_SPEECH, REPORTER,
                                       SPEECH_OPENING, _name, heading_case, is_post, news_lead, shipped_registry)
from analysis.extract.segment import split_sentences
from analysis.speakers.common import mask_quotes
from analysis.speakers.registry import Registry

# how far a heading block runs: paragraphs above the speech's first, and their characters
BLOCK_PARAGRAPHS = 14
BLOCK_CHARS = 2000
SPEECH_PARAGRAPH = 200  # characters: a paragraph this long is the speech's, not a line of the page's
OPENING_WORDS = 120     # characters of a paragraph in which a speech's first person shows

# a word of a name: capitalised (any script's capital), an initial, a name in capitals; particles between
WORD = r"(?:[‘'’]?[A-Z][\w'’\-]*[\w'’]|[A-Z]\.(?:[A-Z]\.)*|[A-Z][A-Z'’\-]+)"
PARTICLE = "(?:" + "|".join(NAME_PARTICLES) + ")"
NAME = rf"(?P<name>{WORD}(?:\s+(?:{PARTICLE}\s+)*{WORD}){{1,5}})"
# what introduces the one speaking: honorifics in English, French and Spanish pages
HONOR = (r"(?:H\.\s?E\.|S\.\s?E\.|His\s+Excellency|Her\s+Excellency|His\s+Majesty|Her\s+Majesty|His\s+Royal\s+Highness|"
         r"Her\s+Royal\s+Highness|His\s+Highness|Her\s+Highness|(?:The\s+)?(?:Right\s+|Rt\.?\s+)?Hon(?:ou?rable|\.)|"
         r"Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Excm[oa]\.?\s+Sr[a]?\.?|Sr\.|Sra\.|Mme|M\.|Sheikh|Sheikha|Prince|Princess|King|"
         r"Queen|Emir|Sultan|Archbishop|Monsignor|Lyonpo|Dato['’]?\s+Sri|Tan\s+Sri)")
BY_HONOR = re.compile(rf"(?<![\w.]){HONOR}\s+(?:{HONOR}\s+)*{NAME}")
# "the President, Recep Tayyip Erdogan", "Prime Minister Narendra Modi", "Vice-President, Hon. X"
POST = (r"(?:Vice[-\s])?(?:[Pp]resident|Prime\s+Minister|Premier|Chancellor|(?:Foreign\s+)?Minister(?:\s+(?:of|for)\s+"
        r"(?:the\s+)?[A-Z][\w]*(?:\s+(?:and\s+)?[A-Z][\w]*){0,3})?|Secretary\s+of\s+State|Ambassador|"
        r"Permanent\s+Representative|Head\s+of\s+(?:State|Government|(?:the\s+)?Delegation)|Chair(?:man|person)?\s+of\s+"
        r"the\s+Delegation|Deputy\s+Prime\s+Minister|Crown\s+Prince|Governor[-\s]General)"
        # the post's state or body after it: "Permanent Representative to the United Nations", "President of Chile"
        r"(?:\s+to\s+the\s+United\s+Nations|\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:and\s+)?[A-Z][\w\-]*){0,3}(?=\s*,))?")
BY_POST = re.compile(rf"\b{POST}\s*,?\s+(?:{HONOR}\s+)*{NAME}")
# "RYUTARO HASHIMOTO, Prime Minister of Japan, said:", "Robert G. Mugabe | President | Speeches"
THEN_POST = re.compile(rf"^\s*(?:{HONOR}\s+)*{NAME}\s*(?:,|\||–|—|\s-|\()\s*(?:the\s+)?{POST}")
# a catalogue's inverted name: "Author/Speaker: Goff, Phil (Hon), Minister of Foreign Affairs and Trade"
INVERTED = re.compile(r"^\s*(?:Author|Speaker|Author/Speaker|Creator)\s*:\s*(?P<last>[A-Z][\w'’\-]+),\s+"
                      r"(?P<first>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\b(?!\s*[A-Z])")
# "Speaker: X", "Delivered by X", "Statement by X", "Orador: X", "Discours de X"
LEAD = re.compile(rf"(?:\b(?:Speaker|Speakers|Orador|Oradora|Intervenant|(?P<reader>Delivered\s+by|Presented\s+by|"
                  rf"Read\s+(?:out\s+)?by)|(?P<behalf>on\s+behalf\s+of)|(?:Statement|Address|Speech|Remarks|"
                  rf"Intervention)\s+(?:by|of)|Intervenci[oó]n\s+de(?:l)?|Discours\s+de)\s*:?\s*(?:the\s+)?"
                  rf"(?:{HONOR}\s+)*(?:{POST}\s*,?\s+(?:{HONOR}\s+)*)?{NAME})", re.I)
# a news report's dateline with a dash: "UNITED NATIONS — ", "NEW YORK, Sept. 24 – "
DASH_DATELINE = re.compile(r"^[A-Z][A-Z .,'’]{2,40}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+[—–-]{1,2}\s")
# a page's lead saying the text follows: "Following is an excerpt from the address by X", "Below is the full text"
FOLLOWING_TEXT = re.compile(r"\b(?:Following|Below)\s+(?:is|are)\s+(?:the\s+|an?\s+)?(?:full\s+|prepared\s+|official\s+)?"
                            r"(?:text|excerpts?|transcript)\b", re.I)
# a name alone on its line (its post on the next): "RECEP TAYYIP ERDOGAN" / "President of the Republic of Turkey"
ALONE = re.compile(rf"^\s*(?:{HONOR}\s+)*{NAME}\s*,?\s*$")
# what names someone who is not speaking: a photographer, a meeting's officer, a page's other speeches (a
# reporter's byline: authors.REPORTER)
NOT_SPEAKING = re.compile(r"(?:Photo|Photograph|Credit|Image)\s*:.*$|UN\s+Photo/\S+(?:\s+\S+)?|"
                          r"(?:Acting\s+)?President\s*(?:\(|:)|Secretary[-\s]General\s+\w+(?:\s+\w+)?|"
                          r"(?:Other|Related|More)\s+(?:speeches|news|stories).*$", re.I)
# capitalised words that make a run no person's name
NOT_NAME = re.compile(r"\b(?:Movement|Group|Community|Countries|Alliance|Coalition|Forum|Organi[sz]ation|Association|"
                      r"Caucus|Bloc|Union|States|General|Assembly|Nations|United|Session|Debate|Ministry|Mission|Republic|Kingdom|"
                      r"Government|Office|Department|News|Media|Speeches|Statement|Address|Speech|Remarks|Home|Press|"
                      r"Release|Share|Print|Email|Meeting|Plenary|New\s+York|Affairs|Foreign|Council|Delegation|"
                      r"Permanent|Official|Records|Coverage|Photo|Check|Delivery|Full|Text|Session|Embassy|Consulate|"
                      r"Services|Menu|Search|Contact|Posted|Tags|Read|Cookie|Cookies|Skip|Content|Library|Symbol)\b")


def speech_opening(texts: list[str]) -> int | None:
    """The index of the first paragraph that is the speech itself: its salutation, or its first person
    outside quotations in a paragraph that ends as a sentence ends; None when none opens within the
    first BLOCK_PARAGRAPHS (or BLOCK_CHARS) or a news lead comes first (a report about a speech)."""
    used, follows, lead = 0, False, False
    for i, text in enumerate(texts[:BLOCK_PARAGRAPHS + 1]):
        t = text.strip()
        if follows and t:
            return i                # "Following is the text of the address by X": what follows is it
        if FOLLOWING_TEXT.search(t):
            follows = True
            continue
        if news_lead(t[:200]) or DASH_DATELINE.match(t):
            return None         # a report about a speech ("UNITED NATIONS — Brazilian President ... urged")
        if lead and len(t) >= SPEECH_PARAGRAPH and FIRST_PERSON_EN.search(t):
            return i                # a page that says whose speech it prints ("Statement delivered on behalf
                                    # of H.E. X"), then a speech quoted whole, its first person further on
        lead = lead or bool(LEAD.search(t[:400]))
        # (the first person in its opening words: a readout's "which makes us all safer" is no speech)
        if SPEECH_OPENING.match(t) or (len(t) >= 60 and t.endswith((".", "!", "?", ".”", ":"))
                                                     and FIRST_PERSON_EN.search(mask_quotes(t)[0][:OPENING_WORDS])):
            return i
        used += len(t)
        if used > BLOCK_CHARS:
            return None
    return None


def block_end(texts: list[str], opening: int) -> int:
    """Where the lines above a speech end: at its opening, or at an earlier paragraph as long as a
    speech's ("Trinidad and Tobago would like to congratulate ..." before "My delegation ...")."""
    return next((i for i, t in enumerate(texts[:opening]) if len(t) >= SPEECH_PARAGRAPH), opening)


def block_lines(texts: list[str], end: int) -> list[str]:
    """The lines above a speech: its paragraphs before `end`, and the first sentence of the paragraph at
    `end` where that does not open as a speech (a PDF's heading run into the text's first lines:
    "Discours de S.E. Ion Iliescu, Président (Romania), ... My most sincere congratulations ...")."""
    if end >= len(texts) or SPEECH_OPENING.match(texts[end]) or (FIRST_PERSON_EN.search(texts[end][:OPENING_WORDS])
                                                               and not LEAD.match(texts[end])):
        return texts[:end]      # ("Delivered by H.E. X, Prime Minister I have the honour ...": a lead first)
    a, b = split_sentences(texts[end])[0]
    return texts[:end] + [texts[end][a:b]]


def block_author(lines: list[str], registry: Registry | None = None) -> str | None:
    """The one speaking, as the lines above a speech introduce them; None when they name no one, or two
    people once each after an honorific or a post and nothing else."""
    registry = registry or shipped_registry()
    if any(NOT_SPEECH.search(line) for line in lines):
        return None                 # a readout, a briefing, an interview: not one person's speech
    weights: dict[str, float] = {}          # name -> the weights of its mentions, summed
    first: dict[str, int] = {}              # name -> the line it is first named on
    lines = [heading_case(ln.strip().strip("#*>-• ").strip()) for ln in "\n".join(lines).splitlines()]
    for k, line in enumerate(lines):
        if not line or REPORTER.match(line):
            continue
        line = NOT_SPEAKING.sub(" | ", line)
        # a lead saying whose text it is ("Statement by X", "on behalf of Y") weighs more than a name after an
        # honorific or a post, a reader ("Delivered by X") less
        names = [(m.group("name"), 0.5 if m.group("reader") else 2.0 if m.group("behalf") else 1.5)
                 for m in LEAD.finditer(line)]
        names += [(m.group("name"), 1.0) for pattern in (BY_HONOR, BY_POST, THEN_POST) for m in pattern.finditer(line)]
        if inverted := INVERTED.match(line):
            names.append((f"{inverted.group('first')} {inverted.group('last')}", 1.5))
        alone = ALONE.match(line)
        if alone and k + 1 < len(lines) and (is_post(lines[k + 1]) or EN_POSTS.match(lines[k + 1])):
            names.append((alone.group("name"), 1.0))
        seen = set()
        for raw, weight in names:
            who = _clean(raw, registry)
            if who and who not in seen:     # one mention a line, its strongest lead first
                seen.add(who)
                weights[who] = weights.get(who, 0.0) + weight
                first.setdefault(who, k)
    # a short form of a longer name found too is the same person ("Erdogan", "Recep Tayyip Erdogan")
    for short in [n for n in weights if any(n != m and m.casefold().endswith(" " + n.casefold()) for m in weights)]:
        longer = next(m for m in weights if m != short and m.casefold().endswith(" " + short.casefold()))
        weights[longer] += weights.pop(short)
        first[longer] = min(first[longer], first.pop(short))
    if not weights:
        return None
    ranked = sorted(weights, key=lambda n: (-weights[n], first[n]))
    if len(ranked) > 1 and weights[ranked[0]] == weights[ranked[1]] == 1:
        return None                 # two people named once each: whose speech is not said
    return ranked[0]


def _clean(raw: str, registry: Registry) -> str | None:
    raw = re.split(r"\s+(?:at|to|before|on|in|of|from|for|during)\s+", raw)[0]
    words = raw.split()
    while words and (NOT_NAME.search(words[-1]) or EN_POSTS.fullmatch(words[-1])):
        words = words[:-1]
    if len(words) < 2 or any(NOT_NAME.search(w) or w.lower() in NOT_NAME_WORDS for w in words):
        return None                 # ("Mr. President, Thank You": a salutation, no name)
    name = " ".join(words)
    return _name(heading_case(name) if name.isupper() else name, registry)     # "RYUTARO HASHIMOTO"
