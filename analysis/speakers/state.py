"""What one document has established so far about its speakers (DocState), and what one rule reads
(Context): the document's state with the paragraph or sentence in hand."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain, islice, takewhile

from analysis.ingest.layout import Paragraph
from analysis.quickre import quick_test
from analysis.speakers.common import (EN_TITLE_WORDS, HONORIFIC_WORDS, zh_titles_side, POSSESSIVE, STOP_CAPS, ZH_DATELINE,
                                      ZH_NOT_NAME, ZH_TITLE_CHAIN, ZH_TITLES, Subject, side_of, zh_countries)
from analysis.speakers.cues import CueSet
from analysis.speakers.names import AliasIndex, registry_index
from analysis.speakers.registry import BOTH, NARRATOR, Registry, Speaker, Title

# people a text introduces with a title: "State Department spokesman Matthew Miller"; "美国哈佛大学校长巴科，"
# (a Chinese name is only taken where punctuation ends it)
# Chinese surnames that are English words opening sentences ("He Lifeng" ... "He added that ..."): never
# taken alone for the person
EN_PRONOUN_SURNAMES = frozenset({"He", "Yu", "Du"})
NAME_TOKEN = r"(?:[A-Z][a-z]*-[A-Z][a-z]+|[A-Z][a-z'’\-]+|[A-Z]\.|de|van|von|al-[A-Z][a-z]+)"
INTRO = re.compile(rf"\b(?P<title>{EN_TITLE_WORDS})\s+(?:(?:{HONORIFIC_WORDS})\.?\s+)?"     # "Director Dr. Renee Wegrzyn"
                   rf"(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})")
# a name after its title, where punctuation, a date or what a readout says the person did ends it
# ("印度尼西亚总统佐科举行会谈", "瓦努阿图共和国总统摩西互致贺电")
ZH_INTRO_END = (r"(?=[，。、；：！？]|"
                # 和 and another titled person ("总统武契奇和韩国国会议长禹元植"), not 和 inside a name ("西村和夫和")
                r"和(?![\u4e00-\u9fff]{1,2}和)(?=[^，。]{0,20}(?:" + "|".join(ZH_TITLES) + r"))|先生|女士|博士|教授|举行|会谈|会见|主持|出席|宣读|互致|通电话|通话|视频通话|共同|一道|一同|一行|"
                r"时|并|在|于|表示|指出|强调|说|致|的|率领|率|访华|来华|"
                # a date or time after the name: "中央纪委书记李希5日下午参加……"
                r"[0-9０-９]{1,2}[日月]|当天|當天|今天|昨天|日前|近日|上午|下午|晚上|当地时间|當地時間|指派|委派|委托|邀请|邀請|等|现场|現場)")
# overlapping (a lookahead at every place), so that an earlier title inside a word cannot swallow the
# later one: "中央书记处书记蔡奇在……" gives "蔡奇", not only "处书记蔡奇"; transliterations run to 8
# characters ("阿玛尔巴伊斯格楞")
ZH_INTRO = re.compile("(?=(?:" + "|".join(ZH_TITLES) + r")(?P<name>[\u4e00-\u9fff·\-]{2,8}?|"
                      r"[\u4e00-\u9fff]{2,4}[·\-][\u4e00-\u9fff·\-]{2,7}?)" + ZH_INTRO_END + ")")
# characters of words, not of transliterated names: a "name" of 6 to 8 characters with one of them is a
# phrase after a title ("总统亲赴机场迎送", "主席的关心和鼓励", "重要讲话精神")
NOT_TRANSLITERATION = frozenset("的了和与在对将于被把赴迎送围绕领域广场庄严热烈重要讲话精神战略引下专门发来贺信亲机关心鼓励"
                                "会议表示出席举行参加相")
# a title that names someone's spouse: the name after it is another person ("习近平夫人彭丽媛")
ZH_SPOUSE = "夫人"
# words that open what follows a title when no name stands there: verbs of saying and adverbs
ZH_VERB_STARTS = ("表示", "代表", "发言", "發言", "指出", "强调", "強調", "说", "說", "称", "稱", "认为", "認為", "希望", "反复", "一再",
                  "多次", "高度", "共同", "一道", "一同", "分别", "分別", "先后", "都", "也", "还", "還", "再次", "现场", "現場")
ZH_OBJECT_BEFORE = re.compile(r"[向对對给給跟为為][\u4e00-\u9fff]?$")   # "向总书记问好": the title is an object
# a counterpart named bare as the other party of talks or a call: "李强同布朗举行会谈"
ZH_COUNTERPART = re.compile(r"(?:同|与|與)(?P<name>[\u4e00-\u9fff·]{2,8}?)(?=举行|舉行|通电话|通電話|视频通话|會談|会谈|会晤|會晤)")
# a body's name with its short name in brackets: "巴勒斯坦伊斯兰抵抗运动（哈马斯）", "世界卫生组织（世卫组织）"
ZH_SHORT_NAME = re.compile(r"(?:^|(?<=[，。、；：“”（(\s]))(?:据|據)?(?P<long>[\u4e00-\u9fff]{3,24}?(?:运动|組織|组织|政府|委员会|委員會|联盟|聯盟|阵线|陣線|"
                           r"党|黨|军|軍|部队|部隊|武装|武裝|机构|機構|署|局|部))[（(](?P<short>[\u4e00-\u9fff]{2,6})[）)]")
# the capitalised words before a name that opens an English sentence: "Chinese Vice Premier Liu He"
EN_LEAD = re.compile(r"(?:[A-Z][\w.\-’']*\s+){0,5}")


# a time clause opening a sentence ("会见文在寅时，", "在会见中，"): the subject comes after it
ZH_OPENING_FRAME = re.compile(r"^(?:在)?[^，。；：]{1,24}?(?:时|時|期间|期間|中)[，,]")
# an outlet's lead before a news item: "**央视网消息**（新闻联播）："
OUTLET_LEAD = re.compile(r"^[\s*]*[\u4e00-\u9fff]{0,8}(?:消息|电|讯)[\s*]*(?:[（(][^）)]{0,12}[）)])?\s*[：:]")
# a narrated act of issuing a document: "发表声明", "致贺信", "issued a statement"
ISSUES = re.compile(r"(?:发表|发布|发出|致|宣读|签署|發表|發布)[^，。；]{0,12}?(?:声明|聲明|公报|公報|谈话|談話|文章|贺电|賀電|贺信|賀信|"
                    r"信|函|报告|報告)|\b(?:issued|released|published|sent|delivered)\s+(?:a|an|the|its|his|her)?\s*"
                    r"(?:joint\s+)?(?:statement|readout|communiqu[eé]|letter|message|note|declaration)\b")
# a letter or a message (not a statement): its text may follow its narration with no cue, addressed to
# its recipients ("……致贺电。" / "……党中央、国务院向你们表示热烈祝贺！")
LETTER = re.compile(r"贺电|賀電|贺信|賀信|慰问电|慰問電|慰问信|慰問信|唁电|唁電|[^声聲]信$|函$")
# the body that sends it, named first, before a date or the recipient: "中共中央、国务院3月13日向……"
ZH_SENDER = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff、]{2,24}?(?:中央|国务院|國務院|委员会|委員會|常委会|常委會|政府|政协|政協|军委|軍委))"
                       r"(?=\d|今天|日前|近日|向|致)")
# a speech, an instruction or an article given ("发表中共中央总书记……习近平的重要讲话", "李强……作出重要批示", "《求是》
# 杂志发表……习近平的重要文章"): its owner may be named between the act and the document
ISSUES_SPEECH = re.compile(r"(?:发表|發表|作出|作了|做出)[^，。；]{0,64}?(?:讲话|講話|批示|指示|致辞|致辭|文章)")
# quick tests (literal starts, analysis.quickre) before two patterns searched in every sentence
INTRO_QUICK, ISSUES_QUICK, ZH_INTRO_QUICK = quick_test(INTRO), quick_test(ISSUES), quick_test(ZH_INTRO)


def _may(quick: re.Pattern | None, text: str) -> bool:
    """Can the pattern whose quick test this is match in text? (No quick test: it may.)"""
    return quick is None or quick.search(text) is not None


@dataclass
class Attribution:
    """A sentence's speaker and the cue that decided it: what every attribution rule returns."""
    speaker: str
    cue: str  # transcript, first_person, embedded, quote, reported, joint, narration,
    #           participle, continuation, question, front_matter, none


@dataclass
class DocState:
    """The names a document introduced, the people it mentioned, its current speaker and turn, and the
    referents of its pronouns. Rules read it; they add to it only through `learn` (a name met while
    resolving a subject), and the attributor records everything else after a rule has decided."""
    registry: Registry
    lang: str
    year: int | None
    author: str | None = None
    date: str | None = None                          # the document's date (YYYY-MM-DD), if known
    runtime: dict = field(default_factory=dict)      # alias -> canonical name, from this document
    runtime_speakers: dict = field(default_factory=dict)  # name -> Speaker introduced by the text
    mentions: list = field(default_factory=list)     # persons, in order of mention
    zh_titled: set = field(default_factory=set)      # Chinese names the text gave after a title
    zh_titled_by: dict = field(default_factory=dict)  # such a name -> (the titles before it, side)
    in_title: set = field(default_factory=set)       # people the document's title names
    current: str | None = None                       # last speaker (not narrator)
    turn: tuple[str, str] | None = None              # (speaker, cue) of the current transcript turn
    narrated_subject: str | None = None              # the person the last narrated sentence opened with
    last_paragraph_speaker: str | None = None        # the speaker of the previous paragraph's last sentence
    listing: str | None = None      # the person whose words opened a list with a colon ("……八项行动：")
    voice: str | None = None                         # the first speaker of the text (not narrator)
    one_voice: bool = False                          # a title makes the item one voice's words (声明, 答记者问)
    issuer: str | None = None                        # who issued the last statement, letter or message the
                                                     # text narrated ("外交部就……发表声明", "X issued a statement")
    letter: str | None = None                        # who sent the letter or message the text narrated last
                                                     # ("中共中央、国务院……致贺电"): its text may follow bare
    quote_closed: bool = False                       # the last sentence's speech was all a closed quotation
    meeting: str | None = None                       # the body whose meeting the text narrated ("会议指出")
    _alias_index: AliasIndex | None = field(default=None, repr=False)
    _indexed: int = field(default=0, repr=False)     # how many of runtime's aliases _alias_index has

    # ---------------------------------------------------------------- who is who
    def speaker(self, name: str) -> Speaker | None:
        return self.runtime_speakers.get(name) or self.registry.speakers.get(name)

    def side(self, name: str) -> str:
        if name in self.runtime_speakers:
            return self.runtime_speakers[name].side
        return self.registry.side(name)

    def kind(self, name: str) -> str:
        """person, body or group; a name nobody registered counts as a person."""
        return (self.speaker(name) or Speaker("", "")).kind

    def aliases(self) -> AliasIndex:
        """The registry's aliases (one index shared by all documents) plus the names this text
        introduced (a per-document copy, made only when there are any)."""
        if not self.runtime:
            return registry_index(self.registry)
        if self._alias_index is None:
            self._alias_index = AliasIndex(registry_index(self.registry))
        if len(self.runtime) > self._indexed:
            # runtime only gains aliases, in order: the ones not indexed yet are its last ones
            for alias in islice(self.runtime, self._indexed, None):
                self._alias_index.add(alias)
            self._indexed = len(self.runtime)
        return self._alias_index

    def resolve_name(self, alias: str) -> str | None:
        """The canonical name of an alias: this document's own first, then the registry's (the one
        mentioned last where the alias names several people)."""
        alias = alias.strip()
        if alias in self.runtime:
            return self.runtime[alias]
        names = self.registry.lookup(alias)
        if not names:
            return None
        if len(names) == 1:
            return names[0]
        for m in reversed(self.mentions):
            if m in names:
                return m
        return names[0]

    def mentions_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical) for each known name in text, possessives included."""
        out = []
        for start, end, alias in self.aliases().find(text):
            name = self.resolve_name(alias)
            if name:
                out.append((start, end, name))
        return out

    def pronoun_target(self) -> str | None:
        """Who "he", "she", 他 mean: the person a narrated sentence just opened with, else the current
        speaker (a person), else the last person mentioned."""
        if self.narrated_subject:
            return self.narrated_subject
        cur = self.current
        if cur and cur not in (NARRATOR, BOTH):
            sp = self.speaker(cur)
            if sp is None or sp.kind == "person":
                return cur
        return self.mentions[-1] if self.mentions else None

    def note_issuer(self, text: str) -> None:
        """A narrated sentence that has someone issue a statement, a letter or a message ("中华人民共和国
        外交部就……发表声明", "The ministry issued a statement"): its first person or body named before
        the act is who "the statement" (声明, 贺信中, the statement) means afterwards."""
        d = ZH_DATELINE.match(text) or OUTLET_LEAD.match(text)
        text = text[d.end():] if d else text       # "央视网消息（新闻联播）：" is the outlet, not the issuer
        m = (ISSUES.search(text) if _may(ISSUES_QUICK, text) else None) or ISSUES_SPEECH.search(text)
        self.letter = None      # a letter's text follows its narration at once ("贺电全文另发。" ends it)
        if not m:
            return
        inside = [f for f in self.mentions_in(m.group(0)) if self.kind(f[2]) == "person"] \
            if m.re is ISSUES_SPEECH else []
        found = inside or [f for f in self.mentions_in(text[:m.start()]) if not POSSESSIVE.match(text[f[1]:f[1] + 2])]
        if found:
            self.issuer = found[0][2]
        if LETTER.search(m.group(0)):
            # a body the registry lacks sends it: the subject the sentence opens with ("中共中央、国务院3月13日")
            sender = ZH_SENDER.match(text[:m.start()])
            self.letter = self.issuer if found else (
                self.learn(sender.group("who"), zh_titles_side(sender.group("who"), "CN"), "body") if sender else None)

    def document_source(self) -> str | None:
        """Who "the statement" means: the last issuer the text narrated, else the body speaking."""
        if self.issuer:
            return self.issuer
        return self.current if self.current and self.kind(self.current) == "body" else None

    def opening_titled(self, head: str) -> tuple[int, str] | None:
        """(start, name) of a name the text introduced after a title (zh_titled) that opens head,
        after its titles or none ("中共中央政治局委员、中宣部部长李书磊在……", "王瑞杰高度评价……")."""
        best = None
        for name in self.zh_titled:
            k = head.find(name)
            if k >= 0 and (k == 0 or ZH_TITLE_CHAIN.fullmatch(head[:k])) and (best is None or k < best[0]):
                best = (k, name)
        return best

    def first_person(self) -> Subject | None:
        """Who "I", "we", 我 mean: the author, else the current speaker."""
        who = self.author or self.current
        return Subject("person", who) if who and who != NARRATOR else None

    def opening_person(self, text: str) -> str | None:
        """The person a sentence opens with (after a dateline and titles), if any: the next "he"."""
        m = ZH_DATELINE.match(text)
        body = text[m.end():] if m else text
        frame = ZH_OPENING_FRAME.match(body)
        body = body[frame.end():] if frame else body     # "会见文在寅时，王岐山……": after the time clause
        found = [f for f in self.mentions_in(body[:80]) if not POSSESSIVE.match(body[f[1]:f[1] + 2])]
        titled = self.opening_titled(body[:80])
        if titled and (not found or titled[0] < found[0][0]):
            # "中宣部部长李书磊在会上宣读习近平的贺信并讲话。他说，……": the person the text named
            # after a title opens the sentence, before anyone it already knew
            return self.learn_titled(body[:80], titled)
        if not found:
            return None
        a, b, name = found[0]
        lead = body[:a]
        sp = self.speaker(name)
        if sp is None or sp.kind != "person":
            return None
        if EN_LEAD.fullmatch(lead) or ZH_TITLE_CHAIN.fullmatch(lead) or not lead:
            return name
        return None

    # ---------------------------------------------------------------- what the text establishes
    def learn_titled(self, head: str, titled: tuple[int, str]) -> str:
        """learn a name opening_titled found in head, its side from the titles before it."""
        return self.learn(titled[1], zh_titles_side(head[:titled[0]]), "person")

    def learn(self, name: str, side: str, kind: str, titles: list | None = None) -> str:
        """A speaker met while resolving a subject (a capitalised name, a side, a titled Chinese name, a
        transcript label): known from now on in this document. The first learned under a name stays."""
        self.runtime_speakers.setdefault(name, Speaker(name, side, kind, [name], titles or []))
        self.runtime.setdefault(name, name)
        return name

    def _introduce_zh(self, text: str) -> None:
        """introduce's Chinese half: short names in brackets, names after titles, bare counterparts."""
        for m in ZH_SHORT_NAME.finditer(text):
            # "巴勒斯坦伊斯兰抵抗运动（哈马斯）": the short name in brackets is the body's alias
            long, short = re.split("[与和及同與、]", m.group("long"))[-1], m.group("short")
            # the name starts at the last state it names ("以军已打击巴勒斯坦伊斯兰抵抗运动" -> "巴勒斯坦……")
            at = max((long.rfind(c) for c in zh_countries() if c in long), default=0)
            long = long[at:]
            if len(long) < 3:
                continue
            if long not in self.runtime and not self.mentions_in(long):
                self.learn(long, side_of(long), "body")
            canonical = self.resolve_name(long)
            if canonical and short not in self.runtime:
                self.runtime[short] = canonical
        for m in chain(ZH_INTRO.finditer(text) if _may(ZH_INTRO_QUICK, text) else (), ZH_COUNTERPART.finditer(text)):
            name = m.group("name")
            if len(name) >= 6 and "·" not in name and not NOT_TRANSLITERATION.isdisjoint(name):
                continue
            if name.startswith(ZH_VERB_STARTS) or ZH_OBJECT_BEFORE.search(text, max(0, m.start() - 2), m.start()):
                # "……主席表示，", "……总统反复表示": a verb after the title, no name; "高声向总书记问好":
                # the title is the object of a preposition
                continue
            if not ZH_NOT_NAME.search(name) and not self.mentions_in(name) and not any(t in name for t in ZH_TITLES):
                # the titles in the same clause before the name tell the side ("中共中央政治局常委、
                # 中央书记处书记蔡奇" is CN, "越共中央总书记苏林" is not)
                lead = re.split(r"[，。；：！？]", text[max(0, m.start() - 40):m.start("name")])[-1]
                held = self.mentions_in(lead)
                if m.re is ZH_INTRO and (lead in ZH_TITLES or (held and held[-1][1] >= len(lead) - 4
                                                             and self.kind(held[-1][2]) == "person"
                                                             and not lead.endswith(ZH_SPOUSE))):
                    continue    # "总书记十分高兴", "习近平总书记考察……": the title is someone's, no name follows
                self.zh_titled.add(name)
                self.zh_titled_by.setdefault(name, (lead, zh_titles_side(lead)))

    def introduce(self, text: str) -> None:
        """Register people the text introduces with a title: 'State Department spokesman Matthew Miller',
        "美国哈佛大学校长巴科，" (a Chinese name is only taken where punctuation ends it)."""
        if not text.isascii():          # the Chinese patterns find nothing in ASCII text
            self._introduce_zh(text)
        for m in (INTRO.finditer(text) if _may(INTRO_QUICK, text) else ()):
            # the name ends at its first word that is no part of a name ("Olivia Dalton Aboard Air Force One")
            toks = list(takewhile(lambda t: t not in STOP_CAPS, m.group("name").strip().split()))
            if len(toks) < 2:
                continue
            full = " ".join(toks)
            known = self.resolve_name(full)
            surname = toks[-1]
            if known:
                self.runtime.setdefault(surname, known)
                if self.registry.side(known) == "CN" and toks[0] not in EN_PRONOUN_SURNAMES:
                    self.runtime.setdefault(toks[0], known)     # "Director Yang Jiechi" ... "Director Yang said"
                continue
            side = side_of(text[max(0, m.start() - 40):m.start()] + m.group("title"))
            role = m.group("title").lower()
            self.runtime_speakers[full] = Speaker(full, side, "person", [full, surname], [Title(role, 0, None)])
            self.runtime[full] = full
            self.runtime[surname] = full

    def note_title(self, text: str) -> None:
        """People a title names ("Readout of President Joe Biden's Call with ..."): they tell whose
        "The President" a readout means, but are not mentions a pronoun could point back to."""
        for _, _, name in self.mentions_in(text):
            self.in_title.add(name)

    def note_mentions(self, text: str) -> None:
        """The persons a sentence names, in order (the referents of later pronouns and titles)."""
        for start, end, name in self.mentions_in(text):
            sp = self.speaker(name)
            if sp and sp.kind == "person":
                self.mentions.append(name)
                words = name.split() if text[start:end] == name else []   # "Wang Wenbin", not "President Xi"
                # the surname: first in a Chinese name written in English (Wang Wenbin), else last
                surname = (words[0] if sp.side == "CN" else words[-1]) if words else ""
                others = [n for n in self.registry.lookup(surname) + [self.runtime.get(surname)]
                          if n and n != name]
                if len(words) == 2 and others and surname[:1].isupper() and surname.isalpha():
                    # "Spokesperson Wang Wenbin said ... Wang said": a surname after a full name is
                    # that person's, though the registry gives the bare surname to another (Wang Yi)
                    self.runtime[surname] = name


@dataclass
class Context:
    """What a rule reads: the document's state and cue words, the document kind, the paragraph, and
    for sentence rules the sentence (`text`: the part read for its cues; `full`: all of it)."""
    state: DocState
    cues: CueSet
    kind: str
    para: Paragraph | None = None
    text: str = ""
    full: str = ""
    index: int = 0                      # the sentence's place in its paragraph
    para_speaker: str | None = None     # the speaker of the previous sentence in the paragraph
    lang: str = "en"                    # which language's cue rules read it: en or zh
    subjects: list = field(default_factory=list)   # every Subject the rules resolved in it, in order
    memo: dict = field(default_factory=dict)       # per-language readings of the text, made once

    @property
    def inside(self) -> bool:
        """Inside a speaker's paragraph: narration verbs and bodies as subjects ("China welcomes ...",
        中方将 ...) are that speaker's content, not a new speaker."""
        return self.para_speaker not in (None, NARRATOR)

    @property
    def first(self) -> bool:
        """Not inside a speaker's paragraph (its first sentence, or after narration)."""
        return not self.inside

    @property
    def named_new_source(self) -> bool:
        """Did a subject resolved in this sentence name an indefinite source ("A ... statement said")?"""
        return any(s.new_source for s in self.subjects)
