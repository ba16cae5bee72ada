"""The author of a first-person document given without a manifest, read from its heading: "Remarks
by President Biden at ...", "Statement by H.E. Mr. X, President of Y", "Address by X, Prime
Minister of Y", a two-line heading ("Thailand" / "Tanasak Patimapragorn, Deputy Prime Minister"),
a byline ("Xi Jinping: The Governance of China II") or a Chinese speech title
("习近平在……上的讲话", "……的致辞", "……祝酒辞")."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.speakers.common import HONORIFIC_WORDS, ROMAN, mask_quotes, speaker_list, usual_case
from analysis.speakers.names import CJK_RE, registry_index
from analysis.speakers.registry import Registry


@lru_cache(maxsize=1)
def shipped_registry() -> Registry:
    """The registry Tenor ships, read once (a heading test runs on every document's first lines)."""
    return Registry.load()

# the kinds of first-person text a heading announces, and who delivers them
EN_SPEECH = re.compile(
    r"^\s*(?:(?:Full\s+Text\s+of\s+)?(?:(?:Opening|Closing|Keynote|Prepared|Virtual)\s+)?"
    r"(?:Remarks|Statement|Address|Speech|Keynote|Toast|Message|Letter|Op-?Ed|Lecture)s?)"
    r"\s+(?:(?:as\s+)?Delivered\s+)?(?:by|of|from)\s+(?P<who>.+)$", re.I)
EN_POSTS = re.compile(
    r"\b(?:President|Prime\s+Minister|Premier|Chancellor|Minister|Secretary|Ambassador|Representative|"
    r"King|Queen|Emir|Sultan|Prince|Crown\s+Prince|Head\s+of\s+(?:State|Government)|Chairman|Chair|"
    r"Vice[-\s]President|Deputy|Governor|Leader|Pope|Cardinal|Archbishop|Delegation|Chief\s+Executive)\b", re.I)
# the honorifics of analysis/data/speakers/honorifics.txt, and in headings the military and church ones and the
# Commonwealth's ("the Right Honourable") too
HONORIFICS = re.compile(
    r"^(?:(?:[Tt]he\s+)?(?:Right\s+|Rt\.?\s+)?(?:Hon(?:ou?rable)?\.?)\s+|"
    r"(?:H\.\s?E\.?|HE)\s+(?:Excellency\s+)?|(?:His|Her)\s+(?:Excellency|Majesty|Highness|Royal\s+Highness)\s+|"
    r"(?:" + HONORIFIC_WORDS + r"|Sheikha|General|Colonel|Cardinal|Archbishop|Monsignor)\.?\s+)+")
# what ends a name in a heading: "Prime Minister Janez Drnovšek of Slovenia to the General Assembly"
CUT = re.compile(r"\s*(?:,|;|:|\s[-–—]\s|\s(?:at|on|to|before|during|in|for|upon|of\s+the)\s).*$")
TITLE_WORDS = re.compile(
    r"^(?:(?:U\.?S\.?|Chinese|American|Former|Vice|Deputy|Foreign|Prime|Crown|State|National\s+Security)\s+)*"
    r"(?:President|Premier|Prime\s+Minister|Chancellor|Ambassador|King|Queen|Emir|Advisor|Adviser|Councilor|Councillor|"
    r"Chairman|Leader|"
    # the department after the office: "Secretary of Defense", "Minister of Foreign Affairs", "Minister for Trade"
    r"(?:Minister|Secretary)(?:\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z])\w+(?:\s+(?:and\s+)?(?:Affairs|Security|Services|"
    r"Industry|Development|Cooperation|Relations|Trade|Commerce|Planning|Finance|Economy))?)?)\s+", re.I)
# a book's byline ("Xi Jinping: The Governance of China II"): a Title Case title after the colon
BYLINE = re.compile(r"^\s*(?P<who>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3})\s*:\s+"
                    r"(?P<title>(?:[A-Z0-9][\w'\-]*|of|the|and|in|for|on|a|an)(?:\s+(?:[A-Z0-9][\w'\-]*|of|the|and|in|for|on|a|an|I{1,3}|IV|V))*)\s*$")
# the opening of a news report: a page about a speech is an account of it, not the speech
CJK_NEWS_LEAD = re.compile(r"日电|日電")
NEWS_LEAD = re.compile(r"\((?:Xinhua|Reuters|AFP|AP|Bloomberg|Kyodo|Yonhap|TASS|UPI)\)|\s--\s|"
                       r"(?:新华社|新華社|中新社|人民网|央视网消息|央视网|中国日报网)[^。]{0,20}?(?:电|讯|消息)")
# what every NEWS_LEAD match holds, one of them (its quick test: NEWS_LEAD's alternation opens with "\(",
# "\s" and hanzi, so `re` tries it at every place of a text, about 4 µs a sentence)
NEWS_LEAD_NEEDS = ("(", "--", "新华社", "新華社", "中新社", "人民网", "央视网", "中国日报网")


def news_lead(text: str) -> bool:
    """Does NEWS_LEAD match somewhere in text?"""
    return any(map(text.__contains__, NEWS_LEAD_NEEDS)) and NEWS_LEAD.search(text) is not None


MIDDLE_INITIAL = re.compile(r"\s[A-Z]\.\s")
ZH_SPEECH = re.compile(
    r"^\s*(?:[（(][^）)]{1,8}[）)])?\s*(?P<who>[\u4e00-\u9fff·]{2,8}?)(?:主席|总书记|总理|副主席|委员长)?"
    r"(?:在|于|出席|会见|会晤)[^，。；！？]{2,60}?(?:上|中|时|会|式|典|礼)?的?"
    r"(?:主旨讲话|主旨演讲|重要讲话|书面演讲|讲话|致辞|演讲|祝酒辞|祝酒词|发言|答谢辞|贺词)(?:（全文）|\(全文\)|全文)?\s*$")
# a speech title that names no one ("在全国抗击新冠肺炎疫情表彰大会上的讲话", also after its main title:
# "弘扬“上海精神” ……——在上海合作组织成员国元首理事会第二十次会议上的讲话"), its author on a line of
# their own below it ("习近平", "中华人民共和国主席　习近平"), after a date line ("（2020年9月8日）")
ZH_SPEECH_UNNAMED = re.compile(
    r"^\s*(?:[^。！？\n]{2,60}?——)?(?:在|于)[^，。；！？]{2,60}?的?(?:主旨讲话|主旨演讲|重要讲话|书面演讲|讲话|致辞|演讲|祝酒辞|祝酒词|发言|答谢辞)"
    r"(?:（全文）|\(全文\)|全文)?\s*$")
# a Chinese byline before the title: "习近平：在文化传承发展座谈会上的讲话", "习近平：为实现……而团结奋斗"
ZH_TITLE_BYLINE = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff·]{2,8})[：:]\s*\S")
ZH_DATE_LINE = re.compile(r"^\s*[（(]\s*\d{4}\s*年[^）)]{0,30}[）)]\s*$")
ZH_BYLINE = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,24}?(?:主席|总书记|总理|副主席|委员长|部长)[\s\u3000]*)?"
                       r"(?P<who>[\u4e00-\u9fff·]{2,8})\s*$")
# a news page that prints the speech in full after its lead: "新华社利马11月16日电　<title>——在……上的讲话
# （2024年11月16日，利马）中华人民共和国主席　习近平": the text after the byline is the speech
# (also a title that does not open with 在: "新华社河内4月14日电抵达越南河内内排国际机场的书面讲话（2025年4月14日，
# 河内）中共中央总书记、中华人民共和国主席　习近平", "……日电关于《……》的说明习近平同志们：", its date line left out)
ZH_FULL_TEXT = re.compile(
    r"(?:——|日电|摄)\s*(?:(?:在|于|会见|会晤)[^。！？]{2,80}?|[^。！？——]{2,80}?的)"
    r"(?:书面讲话|讲话|致辞|演讲|祝酒辞|祝酒词|发言|说明)\s*(?:[（(][^）)]{4,40}[）)])?\s*"
    r"(?:[\u4e00-\u9fff、]{2,40}?(?:主席|总书记|总理|副主席|委员长))?[\s\u3000]*(?P<who>[\u4e00-\u9fff·]{2,8})")
# a news lead that announces the full text below it: "……发表了二〇二六年新年贺词。全文如下："
FULL_TEXT_FOLLOWS = re.compile(r"(?P<lead>[^。！？]{0,200}?(?:讲话|講話|贺词|賀詞|致辞|致辭|演讲|演講|文章|贺信|賀信|回信|复信|"
                               r"複信|贺电|賀電|说明|說明)[^。！？]{0,120}?)[。！]\s*[^。！？：:]{0,8}?全文如下[：:]")
# a lead that announces someone else's writing about the speaker ("人民日报……发表评论员文章"): no author
COMMENTARY = re.compile(r"评论员|評論員|社论|社論|评论|評論|署名文章")
ZH_LETTER = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff·]{2,8}?)(?:主席|总书记|总理)?(?:致|给)[^，。；！？]{2,60}?的?"
                       r"(?:贺信|贺电|信|复信|回信|书面致辞|致辞)(?:（全文）|全文)?\s*$")


# a page's field naming its speaker ("Speaker: X (post)", "**Speaker:** X, post")
SPEAKER_KEY = re.compile(r"^\W*(?:Speaker|Delivered\s+by|Statement\s+by)\W*:\W*(?P<who>[^()]+)", re.I)
# "NATO Secretary General Jens Stoltenberg": the office before the name, with "General" in it
SECRETARY_GENERAL = re.compile(r"^(?:[A-Z]{2,6}\s+)?Secretary[-\s]+General\s+")
# letters after a name: "Gordon Brown MP"
NAME_SUFFIX = re.compile(r"\s+(?:MP|M\.P\.|QC|KC|OBE|CBE|KBE|GCMG|Jr\.?|Sr\.?)$", re.I)
# the small words inside names ("Elmar Maharram oglu Mammadyarov", "João Bernardo de Miranda")
NAME_PARTICLES = ("de", "bin", "bint", "ibn", "al", "van", "von", "der", "den", "da", "das", "do", "dos", "del", "della",
                  "di", "du", "oglu", "y", "e", "ould", "ben")


INITIAL = re.compile(r"[A-Z]\.")      # "A. S. M. Mostafizur Rahman": initials are a name's, not an office's


def _name(raw: str, registry: Registry) -> str | None:
    """A person's name from a heading's words: honorifics and titles off, the registry's canonical
    name where it knows the person."""
    who = CUT.sub("", raw.strip()).strip(" .:")
    state = re.search(r"\s+of\s+(?=\S)", who)
    if state and states_pattern().match(who, state.end()):
        who = who[:state.start()]   # "President Janez Drnovšek of Slovenia": the state ends the name
    who = NAME_SUFFIX.sub("", HONORIFICS.sub("", who)).strip()
    if not who or " and " in f" {who.lower()} " or "&" in who:
        return None                 # two speakers ("Remarks by President Biden and President Xi")
    for cand in (who, MIDDLE_INITIAL.sub(" ", who)):    # "Antony J. Blinken"
        for form in (cand, TITLE_WORDS.sub("", cand).strip()):
            names = [n for n in (registry.lookup(form) if form else []) if _person(registry, n)]
            if names:
                return names[0]
            if form and registry.lookup(form):
                return None         # a body or a place ("Message from Beijing"), not an author
    bare = SECRETARY_GENERAL.sub("", TITLE_WORDS.sub("", who)).strip()
    words = bare.split()
    # "NSC Spokesperson Adrienne Watson": the name is the last capitalised words after an office
    while len(words) > 2 and ((words[0].isupper() and not INITIAL.fullmatch(words[0])) or EN_POSTS.fullmatch(words[0]) or
                              words[0].lower() in ("spokesperson", "spokesman", "spokeswoman", "adviser", "advisor")):
        words = words[1:]
    if len(words) == 1 and HONORIFICS.match(raw.strip()) and re.fullmatch(r"[A-Z][a-z'\-]{2,}", words[0]) \
            and not EN_POSTS.fullmatch(words[0]):        # "MR. PRESIDENT" is an address, not a surname
        return words[0]             # "Mrs. Otunbayeva": a surname after an honorific is a name
    if not 2 <= len(words) <= 5 or not all(w.lstrip("‘'’")[:1].isupper() for w in words if w.lower() not in NAME_PARTICLES):
        return None
    if COUNTRY_WORDS.search(" ".join(words)) or " ".join(words) in state_names():
        return None                 # "Address of Bolivarian Republic of Venezuela": a state, not its speaker
    return registered_within(words, registry) or usual_case(" ".join(words))     # "JACQUES CHIRAC"


def registered_within(words: list[str], registry: Registry) -> str | None:
    """The registered person a longer form of their name holds, its words in a row ("Mohammad Ashraf Ghani
    Ahmadzai" -> "Ashraf Ghani"); None when it holds none or two."""
    for n in range(len(words) - 1, 1, -1):
        found = {name for k in range(len(words) - n + 1) for name in registry.lookup(" ".join(words[k:k + n]))
                 if _person(registry, name)}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _person(registry: Registry, name: str) -> bool:
    sp = registry.speakers.get(name)
    return sp is None or sp.kind == "person"


HEADLINE_VERB = re.compile(r"\b(?:said|says|hold|holds|held|met|meet|meets|warns?|urges?|calls?)\b")


def name_and_post(line: str, registry: Registry) -> str | None:
    """The name of a "Name, post" heading line ("Tanasak Patimapragorn, Deputy Prime Minister"): a
    name of two to six capitalised words, then a post, nothing else."""
    head, _, post = line.partition(",")
    words = head.split()
    if not post or len(line) > 120 or not 2 <= len(words) <= 6 or ":" in line or DASH_PARTS.search(head):
        return None             # "Sri Lanka - Ali Sabry, Minister ... - 2022" is a dash heading
    if not all(w[:1].isupper() and not w.isupper() for w in words if len(w) > 3):
        return None
    if not is_post(post) or HEADLINE_VERB.search(line):
        return None
    return _name(head, registry)


POST_QUALIFIERS = re.compile(r"^\s*(?:the\s+)?(?:(?:Deputy|Vice|Acting|Former|First|Permanent|Federal|Foreign|Senior|UN|U\.N\.)"
                             r"[-\s]+)*")


def is_post(text: str) -> bool:
    """Whether text opens with a post ("President of Romania", "UN Representative", "the Deputy Prime
    Minister")."""
    return bool(EN_POSTS.match(POST_QUALIFIERS.sub("", text)))


DASH_PARTS = re.compile(r"\s+[-–—]\s+")
YEAR = re.compile(r"^(?:19|20)\d\d$")
DEBATE_YEAR = re.compile(r"^(?:UN\s+)?General\s+Debate,?\s+(?:19|20)\d\d$", re.I)
COUNTRY_WORDS = re.compile(r"\b(?:Republic|Kingdom|Islands|States|Federation|Emirates|Union|Principality|"
                           r"Commonwealth|Democratic|Federal|Plurinational|Sultanate|Darussalam)\b|\bOf\b|\bof\b")


def dash_heading(line: str, registry: Registry) -> str | None:
    """The speaker of a "Country - Name - Year" heading ("Cameroon - Eyebe Ayissi - 2011", as speech
    collections name their files): three parts, the last a year, the middle a person's name."""
    parts = DASH_PARTS.split(line.strip())
    # the last part a year, or the debate and its year ("Estonia - Kersti Kaljulaid, President - General Debate, 2018")
    if len(parts) != 3 or not (YEAR.match(parts[2]) or DEBATE_YEAR.match(parts[2])) or len(line) > 120:
        return None
    who = parts[1]
    if COUNTRY_WORDS.search(CUT.sub("", who)) and not COUNTRY_WORDS.search(parts[0]):
        who = parts[0]                  # "Joseph Kabila - Democratic Republic of the Congo - 2013"
    return _name(who, registry)


# "Trinidad and Tobago: Amery Browne, Minister of Foreign Affairs (2022)", as a Markdown heading too
COLON_HEADING = re.compile(r"^#*\s*(?P<country>[A-Z][^:()]{1,60}):\s*(?P<who>[^:()]{3,100}?)\s*"
                           r"(?P<year>\((?:19|20)\d\d\))?\s*$")


def colon_heading(line: str, registry: Registry) -> str | None:
    """The speaker of a "Country: Name, post (year)" heading: a name, with or without its post; without
    the year only a name and a post ("Myanmar: Wunna Maung Lwin, Minister for Foreign Affairs"), a
    surname the UN prints in capitals in its usual case ("Jordan: Mr. Marwan MUASHER, Minister ...")."""
    m = COLON_HEADING.match(line.strip())
    if not m or len(line) > 160 or HEADLINE_VERB.search(m.group("who")):
        return None
    if not m.group("year"):
        return name_and_post(usual_case(m.group("who")), registry)
    return _name(m.group("who"), registry)


# what a speech heading says besides its speaker's name: the kind of text, the debate, the session, the place
HEADING_WORDS = frozenset("""general assembly debate session united nations un u.n. unga statement statements speech
    address remarks intervention message delivered new york geneva hall plenary meeting high-level week summit full
    text official transcript video keynote opening closing ministerial segment annual national day""".split())
POST_WORDS = frozenset("""president prime minister premier chancellor foreign vice deputy king queen emir sultan prince
    crown ambassador permanent representative secretary secretary-general chairman chair head state government
    acting first senior federal his her excellency majesty highness royal h.e. mr. mr mrs. mrs ms. ms dr. dr
    honourable honorable hon. right rt. the affairs relations cooperation international external trade defence defense
    development integration planning""".split())
ORDINAL_WORD = re.compile(r"^(?:\w+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                          r"\w+teenth|\w+tieth)$", re.I)
HEADING_TOKEN = re.compile(r"[^\W\d_][\w.’'\-]*|\d+\w*|[^\w\s]")


@lru_cache(maxsize=1)
def state_names() -> frozenset:
    """The states' short English names (analysis/data/speakers/en_states.txt)."""
    return frozenset(speaker_list("en_states.txt"))


@lru_cache(maxsize=1)
def states_pattern() -> re.Pattern:
    """Any state's name as whole words, the longest first ("Saint Vincent and the Grenadines" before "Saint")."""
    names = sorted(state_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w’'])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")


def _heading_runs(text: str) -> list[list[str]]:
    """The runs of capitalised words of a heading (a name particle inside a run), broken at punctuation,
    numbers, lower-case words and a possessive ("Guyana's President Irfaan Ali" -> Guyana | President Irfaan Ali)."""
    runs, run = [], []
    for tok in HEADING_TOKEN.findall(text):
        poss = tok.endswith(("'s", "’s"))
        word = tok[:-2] if poss else tok
        if word[:1].isupper() or (run and word.lower() in NAME_PARTICLES):
            run.append(word)
        else:
            runs.append(run)
            run = []
        if poss:
            runs.append(run)
            run = []
    runs.append(run)
    return [r for r in runs if r]


# a reporter's byline ("By Leila Haddad | September 29, 2014"): no one's speech (an honorific after "By" is a speaker's)
REPORTER = re.compile(r"^\s*(?:By|Posted\s+by|Written\s+by|Reporting\s+by|Edited\s+by|Author)\s*:?\s+"
                      r"(?!H\.\s?E\.|His\s|Her\s|Mr\.?\s|Mrs\.?\s|Ms\.?\s|Dr\.?\s|(?:the\s+)?(?:Rt\.?\s+|Right\s+)?Hon)[A-Z]",
                      re.I)


def heading_name(lines: list[str], registry: Registry) -> str | None:
    """The one person's name a speech heading gives, whatever its style ("UN General Assembly 2016: Speech by
    Michel Temer (Brazil)", "Irfaan Ali" / "Guyana" / "2021", "Guyana's President Irfaan Ali at UNGA 76"):
    the runs of capitalised words that are not the heading's other parts (a state, the debate, the session, a
    post, a month) leave one name. The heading must say it is a speech (a post, a state, the debate, the kind
    of text) and no news verb."""
    text = " | ".join(heading_case(h.strip().strip("#*").strip()) for h in lines[:HEADING_LINES] if not REPORTER.match(h))
    if (len(text) > 300 or HEADLINE_VERB.search(text) or ends_sentence_text(text) or NOT_SPEECH.search(text)
            or any(w not in HEADING_SMALL for w in re.findall(r"(?<![\w’'\-])[a-z][\w’'\-]*", text))):
        return None         # a sentence, a headline ("... arrives in ..."), a readout or a briefing
    found = []
    # the states it names are no one's name, and say it is a state's speech
    text, evidence = states_pattern().subn(" | ", text)
    for run in _heading_runs(text):
        titled = False
        while run and (run[0].lower() in POST_WORDS or run[0].lower() in NAME_PARTICLES):
            evidence |= run[0].lower() in POST_WORDS and run[0].lower() not in ("the", "his", "her")
            titled |= run[0].lower() in POST_WORDS
            run = run[1:]
        while run and (run[-1].lower() in POST_WORDS or run[-1].lower() in NAME_PARTICLES):
            run = run[:-1]
        cut = next((i for i, w in enumerate(run) if TITLE_VERB.match(w)), len(run))
        run = run[:cut]             # "President Biden Delivers Remarks": a headline's verb ends the name
        joined = " ".join(run)
        if not run:
            continue
        if any(w.lower() in NOT_NAME_WORDS for w in run):
            continue                # "Thank You", "Ladies and Gentlemen": words of a speech, not a name
        if any(w.lower() in HEADING_WORDS or ORDINAL_WORD.match(w) or MONTH.match(w)
                                   or COUNTRY_WORDS.fullmatch(w) for w in run):
            evidence = True         # a state, the debate, the session, a date: what a speech heading says
            continue
        if 2 <= len(run) <= 6 or (titled and len(run) == 1):     # "President Biden": a person, too
            found.append(joined)
    if not evidence or len(set(found)) != 1:
        return None
    return _name(found[0], registry)


NOT_NAME_WORDS = frozenset("thank thanks you good morning afternoon evening welcome ladies gentlemen excellencies "
                           "distinguished dear friends colleagues home news contact services menu search about "
                           "print share email issue vol volume edition newsletter".split())
# (and a page's menu and masthead: "Consular Services", "Issue No. 3")
# a headline's verbs written in title case ("Prime Minister Modi Addresses Nation")
TITLE_VERB = re.compile(r"^(?:Address|Deliver|Host|Face|Open|Announce|Visit|Sign|Launch|Join|Welcome|Say|Speak|Meet|Call|Urge|"
                        r"Warn|Hold|Arrive|Depart|Travel|Lead|Attend|Discuss|Tell|Vow|Pledge|Reject|Slam|Praise)e?s$")


def heading_case(line: str) -> str:
    """A heading line printed all in capitals or all in lower case, in its usual case, so that its names
    and states are read: "SPEECH OF HIS EXCELLENCY MR. X, PRESIDENT OF THE REPUBLIC" -> "Speech of His
    Excellency Mr. X, President of the Republic"; small words in lower case, regnal numbers, initials and
    known acronyms in capitals ("ABDULLAH II", "H.E.", "NATO", "MP"). A line in mixed case is as printed."""
    if not (line.isupper() or line.islower()):
        return line
    caps = line.isupper()

    def word(m: re.Match) -> str:
        w = m.group(0)
        if w.lower() in LOWER_WORDS and m.start() > 0:
            return w.lower()
        if caps and (ROMAN.match(w) or w in ACRONYMS or re.fullmatch(r"(?:[A-Z]\.){2,}", w)):
            return w                # "II", "NATO", "MP", "H.E."
        return w[:1].upper() + w[1:].lower()
    return re.sub(r"[^\W\d_][\w.'’]*", word, line)


# the small words a heading leaves in lower case, and the acronyms it keeps in capitals
LOWER_WORDS = frozenset("by of at to the on for in and from before during upon with a an".split())
ACRONYMS = frozenset("UN UNGA NATO OSCE ASEAN EU AU OAS WHO US USA UK MP QC KC OBE CBE KBE PRC DPRK ROK".split())


# how many lines a heading may run to (a PDF's: "UNITED NATIONS" / "GENERAL ASSEMBLY" / "Seventy-first session" /
# "General debate" / "LIBERIA" / "H.E. Mrs. ..." / "President of the Republic" / "Check against delivery")
HEADING_LINES = 8
# the lower-case words a speech heading has ("Speech delivered by X, Prime Minister of Y, at the ...")
HEADING_SMALL = (frozenset("by of at to the on for in and delivered addresses before during from a an s state government against"
                           " delivery".split())
                 | set(NAME_PARTICLES) | HEADING_WORDS)
# texts that are not one person's speech, whoever their heading names
NOT_SPEECH = re.compile(r"\b(?:Readout|Briefing|Gaggle|Interview|Press\s+Conference|Call|Meeting\s+with|Talks|Visit|"
                        r"Joint\s+Statement)\b", re.I)
MONTH = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)$")


# a delegate reading another's statement: "I have the honour to make the following statement on behalf of His
# Excellency Mr. A. S. M. Mostafizur Rahman, the Foreign Minister of Bangladesh, who ..."
ON_BEHALF = re.compile(r"^\s*(?:I|We)\b[^.!?\"“”]{0,60}?\b(?:mak|deliver|read|present|giv)\w*\s+(?:out\s+)?"
                       r"(?:the\s+following\s+|this\s+|the\s+|a\s+)?(?:statement|address|message|speech)\s+"
                       r"on\s+behalf\s+of\s+(?P<who>[A-Z][^,;:()!?]{3,90}?)"
                       r"(?=\s*,|\s+who\b|\s*[.!?]?[”\"’]?\s*$)")


def statement_on_behalf(sentence: str, registry: Registry | None = None) -> str | None:
    """The person whose statement the speaker says they read ("I have the honour to make the following
    statement on behalf of His Excellency Mr. X, ..."): what follows is X's. A group, a government or a
    people ("on behalf of the Group of 77", "of my Government") is none."""
    m = ON_BEHALF.search(sentence)
    if not m:
        return None
    who = m.group("who").strip()
    if not (HONORIFICS.match(who) or TITLE_WORDS.match(who)):
        return None                 # a person is named with an honorific or a post ("President X")
    return _name(who, registry or shipped_registry())


def ends_sentence_text(text: str) -> bool:
    """A heading does not end as a sentence ends."""
    return text.rstrip().endswith((".", "!", "?")) and not text.rstrip().endswith(("Jr.", "Sr."))


def _zh_who(who: str, registry: Registry) -> str | None:
    """A Chinese title's speaker: a registered name, or a short name that is nothing else."""
    names = registry.lookup(who)
    if names:
        return names[0]
    if 2 <= len(who) <= 4 and not re.search(r"[向在同与和于会议国方部院委]", who):
        return who
    return None


# a title that reports a speech ("习近平在……上发表重要讲话"), not one that names it ("……五项原则发表70周年
# 纪念大会上的讲话": 发表 there is part of the event's name)
REPORTED_SPEECH = re.compile(r"(?:发表|發表)了?(?:重要|主旨|书面|書面|视频|視頻|电视|電視)?(?:讲话|講話|演讲|演講|致辞|致辭)")


def speech_author(heading: list[str], registry: Registry | None = None) -> str | None:
    """The author a document's leading front-matter lines name as the one delivering it, or None."""
    registry = registry or shipped_registry()
    lines = [heading_case(h.strip()) for h in heading if h.strip()][:HEADING_LINES]
    for k, line in enumerate(lines):
        m = EN_SPEECH.match(line)
        if m and (name := _name(m.group("who"), registry)):
            return name
        for pattern in (ZH_SPEECH, ZH_LETTER):
            m = pattern.match(line)
            if m and not REPORTED_SPEECH.search(line):     # "……发表重要讲话": a report of a speech
                return _zh_who(m.group("who"), registry)
        if ZH_SPEECH_UNNAMED.match(line):
            for below in lines[k + 1:]:
                if ZH_DATE_LINE.match(below):
                    continue
                m = ZH_BYLINE.match(below)
                names = registry_names(m.group("who"), registry) if m else []
                if names:
                    return names[0]
                break
        m = SPEAKER_KEY.match(line)
        if m and (name := _name(m.group("who"), registry)):
            return name             # "Speaker: Denis Ronaldo Moncada Colindres (Minister for Foreign Affairs)"
        name = name_and_post(line, registry) or dash_heading(line, registry) or colon_heading(line, registry)
        if name:
            return name
        m = BYLINE.match(line) or ZH_TITLE_BYLINE.match(line)
        if m and registry.lookup(m.group("who")):
            return registry.lookup(m.group("who"))[0]
        m = ZH_SIGNED.match(line) if k >= 1 else None
        if m and registry_names(m.group("who"), registry):
            # an article's byline under its title: "建设……的考古学" / "※习近平"
            return registry_names(m.group("who"), registry)[0]
    return None


FIRST_PERSON_EN = re.compile(r"\b(?:I|we|We|my|My|our|Our|me|us)\b")


# a registered person's name alone on a line, after a mark or a post: a byline under a title ("※习近平"),
# a letter's signature ("中华人民共和国主席习近平", "习近平")
ZH_SIGNED = re.compile(r"^\s*※?\s*(?:[\u4e00-\u9fff]{2,24}?(?:主席|总书记|总理|副主席|委员长|部长)[\s\u3000]*)?"
                       r"(?P<who>[\u4e00-\u9fff·]{2,8})\s*$")
# the date under a letter's signature: "2020年8月30日"
ZH_BARE_DATE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def letter_signature(texts: list[str], registry: Registry | None = None) -> tuple[int, str] | None:
    """(index, author) of a letter's signature: a registered person's name alone on a line with a date
    line below it ("习近平" / "2020年8月30日"), where no news lead comes before it (the letter is printed
    first, the agency's report after it); else None."""
    registry = registry or shipped_registry()
    for i in range(len(texts) - 1):
        if news_lead(texts[i]) or CJK_NEWS_LEAD.search(texts[i]):
            return None
        m = ZH_SIGNED.match(texts[i])
        if m and ZH_BARE_DATE.match(texts[i + 1]) and (names := registry_names(m.group("who"), registry)):
            return i, names[0]
    return None


def document_author(heading: list[str], body_start: str, registry: Registry | None = None,
                    body_after: str = "", full_text: bool = True) -> str | None:
    """speech_author, unless the body opens as a news report ("(Xinhua) --", "新华社……电",
    "央视网消息"): a page about a speech is an account of it, unless it prints the text in full after
    its lead ("全文如下："; full_text=False for a file of several items, where one item's text is not
    the whole file's)."""
    author = speech_author(heading, registry)
    if heading and not any(map(CJK_RE.search, heading)):
        # an English heading: a speech where it says so ("Remarks by", "Statement by"), else only over a
        # speech's text, its salutation or its first person outside quotations (a report quoting someone's
        # "we" is none); then, whatever its style, the one name it gives
        speech = any(EN_SPEECH.match(h.strip()) for h in heading) or SPEECH_OPENING.match(body_start.lstrip("•·*-– \t")) or \
            FIRST_PERSON_EN.search(mask_quotes((body_start + "\n" + body_after)[:4000])[0])
        author = (author or heading_name(heading, registry)) if speech else None
    text = (body_start + "\n" + body_after)[:1500]
    full = ZH_FULL_TEXT.search(text)
    if news_lead(body_start[:200]) or (full and CJK_NEWS_LEAD.search(full.string[:full.start() + 2])):
        # (a photo caption may stand between the title and the Xinhua lead: "……新华社记者 张领 摄" /
        # "新华社北京6月28日电 <title>——在……的讲话")
        names = byline_names(full.group("who"), registry) if full else []
        # the page prints the speech in full, after its lead: it is the speech, by the one the
        # heading names (or the byline, when the heading names no one)
        if names and (author is None or author in names):
            return author or names[0]
        return full_text_author(text, registry) if full_text else None
    if author is None and full and full.start() < 120 and full.group(0).startswith("——"):
        # the speech's title, date and byline run into its text on one line ("构建新发展格局 实现互利
        # 共赢——在亚太经合组织工商领导人对话会上的主旨演讲（2020年11月19日，北京）中华人民共和国主席
        # 习近平各位工商界朋友，……"): its author
        author = next(iter(byline_names(full.group("who"), registry)), None)
    return author or (full_text_author(text, registry) if full_text else None)


def full_text_author(text: str, registry: Registry | None = None) -> str | None:
    """The registered person a news lead says delivered the text printed in full after it ("国家主席习近平
    ……发表了二〇二六年新年贺词。全文如下："), else None."""
    if "全文如下" not in text:
        return None         # the pattern's lazy lead would be tried at every place of every text
    m = FULL_TEXT_FOLLOWS.search(text)
    if not m or COMMENTARY.search(m.group("lead")):
        return None
    registry = registry or shipped_registry()
    # the person named last before the act owns it ("李强……宣读了国家主席习近平的贺信" -> Xi)
    for _, _, alias in reversed(registry_index(registry).find(m.group("lead"))):
        names = registry_names(alias, registry)
        if names:
            return names[0]
    return None


def registry_names(who: str, registry: Registry | None = None) -> list[str]:
    """The registered people a Chinese name stands for."""
    registry = registry or shipped_registry()
    return [n for n in registry.lookup(who) if _person(registry, n)]


def byline_names(who: str, registry: Registry | None = None) -> list[str]:
    """The registered people a byline's name stands for where it runs into what follows when lines were
    joined ("习近平当地时间……", "习近平各位工商界朋友"): its first 4, else 3, else 2 characters."""
    return next((names for n in (4, 3, 2) if (names := registry_names(who[:n], registry))), [])


# a speech's first words when it has no heading: its salutation
SPEECH_OPENING = re.compile(r"^\s*(?:尊敬的|各位|女士们|先生们|同志们|朋友们|亲爱的|尊敬嘅|主席先生|主席女士|回信|你们好|"
                            r"(?:Your\s+)?Excellenc|(?:Mr\.?|Madam|Madame)\s+(?:President|Chair|Secretary)|"
                            r"Ladies\s+and\s+gentlemen|Distinguished\s|Your\s+Majest|Dear\s)", re.I)
FILE_NAME_PARTS = re.compile(r"[_\-.\s]+")


def author_from_file_name(doc_id: str, body_start: str, registry: Registry | None = None) -> str | None:
    """The author of a speech that opens with its salutation and has no heading at all ("尊敬的温敏总统，
    ……女士们，先生们：", "Mr. President, Excellencies"), from its file name where one of the name's parts
    is the alias of exactly one registered person ("xi_2020-01-18_myanmar_banquet" -> Xi Jinping);
    else None. The text cannot say whose speech it is; the file name is how the user named it."""
    if not SPEECH_OPENING.match(body_start or ""):
        return None
    registry = registry or shipped_registry()
    found = set()
    for part in FILE_NAME_PARTS.split(doc_id.rsplit("/", 1)[-1]):
        if len(part) < 2 or part.isdigit():
            continue
        names = {n for form in {part, part.capitalize(), part.title()} for n in registry.lookup(form)
                 if _person(registry, n)}
        if len(names) == 1:
            found |= names
    return found.pop() if len(found) == 1 else None
