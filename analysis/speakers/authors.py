"""The author of a first-person document given without a manifest, read from its heading: "Remarks
by President Biden at ...", "Statement by H.E. Mr. X, President of Y", "Address by X, Prime
Minister of Y", a two-line heading ("Thailand" / "Tanasak Patimapragorn, Deputy Prime Minister"),
a byline ("Xi Jinping: The Governance of China II") or a Chinese speech title
("习近平在……上的讲话", "……的致辞", "……祝酒辞")."""
from __future__ import annotations

import re

from analysis.speakers.registry import Registry

# the kinds of first-person text a heading announces, and who delivers them
EN_SPEECH = re.compile(
    r"^\s*(?:(?:Full\s+Text\s+of\s+)?(?:(?:Opening|Closing|Keynote|Prepared|Virtual)\s+)?"
    r"(?:Remarks|Statement|Address|Speech|Keynote|Toast|Message|Letter|Op-?Ed|Lecture)s?)"
    r"\s+(?:as\s+Delivered\s+)?(?:by|of|from)\s+(?P<who>.+)$", re.I)
EN_POSTS = re.compile(
    r"\b(?:President|Prime\s+Minister|Premier|Chancellor|Minister|Secretary|Ambassador|Representative|"
    r"King|Queen|Emir|Sultan|Prince|Crown\s+Prince|Head\s+of\s+(?:State|Government)|Chairman|Chair|"
    r"Vice[-\s]President|Deputy|Governor|Leader|Pope|Cardinal|Archbishop|Delegation|Chief\s+Executive)\b", re.I)
HONORIFICS = re.compile(
    r"^(?:(?:H\.\s?E\.?|HE|His|Her)\s+(?:Excellency|Majesty|Highness|Royal\s+Highness)?\s*|"
    r"(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Sheikh|Sheikha|General|Colonel|Cardinal|Archbishop|Monsignor)\.?\s+)+", re.I)
CUT = re.compile(r"\s*(?:,|;|\s[-–—]\s|\s(?:at|on|to|before|during|in|for|upon|of\s+the)\s).*$")
TITLE_WORDS = re.compile(
    r"^(?:(?:U\.?S\.?|Chinese|American|Former|Vice|Deputy|Foreign|Prime|Crown|State|National\s+Security)\s+)*"
    r"(?:President|Premier|Prime\s+Minister|Minister|Secretary(?:\s+of\s+State)?|Chancellor|Ambassador|"
    r"King|Queen|Emir|Advisor|Adviser|Councilor|Councillor|Chairman|Leader)\s+", re.I)
BYLINE = re.compile(r"^\s*(?P<who>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3})\s*:\s+\S")
ZH_SPEECH = re.compile(
    r"^\s*(?:[（(][^）)]{1,8}[）)])?\s*(?P<who>[\u4e00-\u9fff·]{2,8}?)(?:主席|总书记|总理|副主席|委员长)?"
    r"(?:在|于|出席)[^，。；！？]{2,60}?(?:上|中|时|会|式|典|礼)?的?"
    r"(?:主旨讲话|主旨演讲|重要讲话|书面演讲|讲话|致辞|演讲|祝酒辞|祝酒词|发言|答谢辞|贺词)(?:（全文）|\(全文\)|全文)?\s*$")
ZH_LETTER = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff·]{2,8}?)(?:主席|总书记|总理)?(?:致|给)[^，。；！？]{2,60}?的?"
                       r"(?:贺信|贺电|信|复信|回信|书面致辞|致辞)(?:（全文）|全文)?\s*$")


def _name(raw: str, registry: Registry) -> str | None:
    """A person's name from a heading's words: honorifics and titles off, the registry's canonical
    name where it knows the person."""
    who = CUT.sub("", raw.strip()).strip(" .:")
    who = HONORIFICS.sub("", who).strip()
    if not who or " and " in f" {who.lower()} " or "&" in who:
        return None                 # two speakers ("Remarks by President Biden and President Xi")
    names = registry.lookup(who)
    if names:
        return names[0]
    bare = TITLE_WORDS.sub("", who).strip()
    names = registry.lookup(bare) if bare else []
    if names:
        return names[0]
    words = bare.split()
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words if w.lower() not in ("de", "bin", "al", "van", "von", "da", "del")):
        return None
    return bare


def speech_author(heading: list[str], registry: Registry | None = None) -> str | None:
    """The author a document's leading front-matter lines name as the one delivering it, or None."""
    registry = registry or Registry.load()
    lines = [h.strip() for h in heading if h.strip()][:3]
    for k, line in enumerate(lines):
        m = EN_SPEECH.match(line)
        if m:
            return _name(m.group("who"), registry)
        for pattern in (ZH_SPEECH, ZH_LETTER):
            m = pattern.match(line)
            if m:
                who = m.group("who")
                return (registry.lookup(who) or [who])[0]
        # "Tanasak Patimapragorn, Deputy Prime Minister" (after a line naming the country, or alone)
        if "," in line and EN_POSTS.search(line.split(",", 1)[1]) and len(line) < 200:
            name = _name(line.split(",", 1)[0], registry)
            if name:
                return name
        m = BYLINE.match(line)
        if m and registry.lookup(m.group("who")):
            return registry.lookup(m.group("who"))[0]
    return None
