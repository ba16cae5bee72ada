"""Attribute each sentence of a document to its speaker, following the annotation guidelines.

Cues, in the order they decide: transcript labels; first-person documents (the author);
embedded speech ("a message from Xi, in which Xi pointed out"); a quote opened by a cue verb
(Blinken "underscored ..."); reported speech and direct quotes with a cue verb and its subject
(said, noted, told ...; 表示, 指出 ...), including the inverted "..., said Liu" and "This, he said,";
joint subjects (the two sides agreed, 双方一致认为 -> both sides); narration (the two leaders
discussed, 双方讨论了 -> narrator); participles ("met ..., saying" -> the subject); continuation
(a cue-less sentence inside a speaker's paragraph keeps the speaker); everything else: narrator.
Subjects are resolved to one canonical speaker: registry names and aliases, people the text
introduces, pronouns (he, she, 他, 我), titles ("the vice premier", "the Chinese leader").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.speakers.common import (DETERMINERS, EN_TITLE_WORDS, HONORIFIC, MASK, SIDE_WORDS, STOP_CAPS,
                                      ZH_BARE_TITLE, ZH_CLAUSE, ZH_DATELINE, ZH_HEAD_TITLE, ZH_NOT_NAME,
                                      ZH_NOT_NAME_BEFORE_TITLE, ZH_SIDE_BODY, ZH_SINGLE_ADVERBS,
                                      ZH_SUBJECT_TAIL, ZH_TITLE_CHAIN, ZH_TITLES, mask_quotes, speaker_list,
                                      speaker_table)
from analysis.speakers.cues import CueSet, load_cues
from analysis.data import data_lines
from analysis.ingest.discover import FIRST_PERSON_KINDS
from analysis.extract.lang import detect
from analysis.ingest.layout import (Paragraph, is_question_label, label_honorifics, label_is, label_name,
                                    table_label)
from analysis.speakers.names import AliasIndex, registry_index
from analysis.speakers.registry import BOTH, NARRATOR, Registry, Speaker, Title

EN_PRONOUNS = {"he", "she"}
EN_FIRST = {"i", "we"}
ZH_PRONOUNS = ("他们", "她们", "他們", "她們", "他", "她")
ZH_FIRST = ("我们", "我們", "我")
ZH_INTRO = re.compile("(?:" + "|".join(ZH_TITLES) + r")(?P<name>[\u4e00-\u9fff·]{2,5})(?=[，。、；：！？]|先生|女士)")
# the author speaking for themselves in an account: "据我了解", "我们会及时发布" (addressing the press:
# ZH_ADDRESS / ZH_ASKED below)
ZH_AUTHOR_VOICE = re.compile(r"(?:^|[，、；：]|据|據|正如|如)(?:我们|我們|我(?![国國方军軍]))")
NAME_TOKEN = r"(?:[A-Z][a-z'’\-]+|[A-Z]\.|[A-Z][a-z]*-[A-Z][a-z]+|de|van|von|al-[A-Z][a-z]+)"
INTRO = re.compile(rf"\b(?P<title>{EN_TITLE_WORDS})\s+(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})")
ATTRIBUTION_WINDOW = 3000   # characters of a sentence read for its speaker
# the host named in a press conference's title: "2018年6月11日外交部发言人耿爽主持例行记者会",
# "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on January 10, 2020"
PRESSER_TITLE = re.compile(r"发言人(?P<zh>[\u4e00-\u9fff·]{2,4}?)主持(?:例行)?记者会|"
                           r"發言人(?P<tw>[\u4e00-\u9fff·]{2,4}?)主持(?:例行)?記者會|"
                           r"Spokes(?:person|man|woman) (?P<en>[A-Z][\w\-]+(?: [A-Z][\w\-]+){1,3})[’']s (?:Regular )?"
                           r"Press Conference")
# English subject phrases: adverbs and auxiliaries before the verb ("Wang also said"), dropped in
# two passes; the nouns that end an indefinite source ("a senior official")
_TAILS = speaker_table("en_subject_tails.tsv", "pass", "pattern")
SUBJECT_TAIL = re.compile(r"\b(?:" + "|".join(_TAILS["1"]) + r")\s*$", re.I)
SUBJECT_TAIL_AGAIN = re.compile(r"\b(?:" + "|".join(_TAILS["2"]) + r")\s*$", re.I)
INDEFINITE_SOURCE = re.compile(r"\b(?:" + "|".join(speaker_list("en_indefinite_sources.txt")) + r")$")


def author_from_title(title: str | None) -> str | None:
    """The spokesperson who hosts a press conference, from the page's title; None otherwise. Their
    first-person sentences ("我们已经发布了消息") are theirs even where the page is an account."""
    m = PRESSER_TITLE.search(title or "")
    return next((g for g in m.groups() if g), None) if m else None


PARENTHETICAL = re.compile(r"\s*[（(][^（）()]*[）)]\s*[。.]?\s*")


@lru_cache(maxsize=1)
def zh_countries() -> tuple[str, ...]:
    """Chinese short names of states (analysis/data/zh_countries.txt), longest first."""
    return tuple(sorted(set(data_lines("zh_countries.txt")), key=len, reverse=True))


def zh_name_before_title(before: str) -> str:
    """The name in the characters before a title ("巴基斯坦侯赛因" + 总统 -> "侯赛因"): what follows the
    last country named there; "" when a country stands right before the title ("巴西总统"). Where a
    country's name is only part of a longer word (1 character left: "巴西尔"), the last 2-6 characters."""
    run = re.search(r"[\u3400-\u9fff·]+$", before)
    if not run:
        return ""
    run = run.group(0)
    end = max((run.rfind(c) + len(c) for c in zh_countries() if c in run), default=-1)
    if end >= 0 and len(run) - end != 1:
        rest = run[end:]
        return rest if len(rest) <= 6 else rest[-6:]
    return run[-6:] if len(run) >= 2 else ""


# a meeting, a ceremony or a session as a sentence's subject: "报告会17日在京举行" is narration
ZH_EVENT_SUBJECT = re.compile(r"^[\u4e00-\u9fff、·“”《》0-9A-Za-z]*?(?:" + "|".join(speaker_list("zh_events.txt"))
                              + ")")
# the host addressing the press: 你/你们, and 大家 only as the one spoken to ("向大家介绍", "大家可以看到");
# idioms are not an address (你中有我、你追我赶), nor is 大家 as a subject ("大家一致认为")
ZH_ADDRESS = re.compile(r"你们|你們|(?<!迷)你(?![方国國])|我们?(?:向|请|請|跟|和|同|为|為)大家(?![庭族])|"
                        r"(?:告诉|告訴)大家|大家(?:可以|也可以|也都|都知道|所|关心|關心|注意到|看到|知道)")
# a reporter's question is not the host's voice: "有记者问，你对此有何评论？"
ZH_QUESTION = re.compile(r"记者|記者|提问|提問|问[：:，,]|問[：:，,]|[？?]\s*$")
ZH_ASKED = re.compile(r"你们?(?:问到|问的|問到|問的|提到|提及|提出的问题|关心|關心|关注|關注|所说|所說|说的|說的|刚才|剛才)|"
                      r"你们?(?:也|都)?(?:已经|已經)?(?:注意到|看到了)|正如你|如你所说|请你|請你|建议你|建議你")
ZH_IDIOMS = re.compile("|".join(speaker_list("zh_idioms.txt")))
ZH_FIRST_LEAD = re.compile(r"^(?:我们|我們|我)(?![国國方军軍])")
# what the speaker says will or should happen ("莱特希泽...将率领...") is the speaker's content
ZH_MODAL = re.compile("|".join(speaker_list("zh_modals.txt")))
# a narration verb inside an adverbial frame, "在会见中指出": the frame, not the sentence's verb
ZH_FRAME = re.compile(r"在[^，。；：]{0,24}$")
ZH_FRAME_END = re.compile(r"^[^，。；：]{0,4}?(?:中|时|時|期间|期間|上|后|後|之际|之際)")

# "will" in the subject of a speech event (王毅将发表讲话, 习近平将以视频方式发表讲话): an announcement
# of a later speech, not a report of one; 上将/中将/少将 are ranks ("魏凤和上将表示")
ZH_WILL = re.compile(r"(?<![上中少大])(?:将要|將要|即将|即將|将|將)")
ZH_SPEECH_EVENT = tuple(speaker_list("zh_speech_events.txt"))

@dataclass
class Attribution:
    speaker: str
    cue: str  # transcript, first_person, embedded, quote, reported, joint, narration,
    #           participle, continuation, question, front_matter, none


@dataclass
class DocState:
    registry: Registry
    lang: str
    year: int | None
    author: str | None = None
    runtime: dict = field(default_factory=dict)      # alias -> canonical name, from this document
    runtime_speakers: dict = field(default_factory=dict)  # name -> Speaker introduced by the text
    mentions: list = field(default_factory=list)     # persons, in order of mention
    zh_titled: set = field(default_factory=set)      # Chinese names the text gave after a title
    in_title: set = field(default_factory=set)       # people the document's title names
    current: str | None = None                       # last speaker (not narrator)

    def speaker(self, name: str) -> Speaker | None:
        return self.runtime_speakers.get(name) or self.registry.speakers.get(name)

    def side(self, name: str) -> str:
        if name in self.runtime_speakers:
            return self.runtime_speakers[name].side
        return self.registry.side(name)



class Attributor:
    """Assign a speaker to every sentence of a document (one Attributor per document)."""

    def __init__(self, registry: Registry, lang: str, year: int | None = None, kind: str | None = None,
                 author: str | None = None, cues: CueSet | None = None):
        self.cues = cues or load_cues()
        self.state = DocState(registry, lang, year)
        self.kind = (kind or "").lower()
        if author:
            author = HONORIFIC.sub("", author.strip())
            self.state.author = self.resolve_name(author) or author
        self._alias_index = None        # a copy of the registry's index, made once the text introduces a name
        self._turn = None               # the speaker of the current transcript turn
        self._turn_cue = "transcript"   # and its cue ("question" for a journalist's turn)
        self._new_source = False        # the sentence's subject is an indefinite source ("A ... statement")
        self._narr_subject = None       # the person a narrated sentence opened with ("胡春华出席…")
        self._last_para_speaker = None  # the speaker of the previous paragraph's last sentence

    # ---------------------------------------------------------------- names and mentions
    def _aliases(self) -> "AliasIndex":
        """The registry's aliases (one index shared by all documents) plus the names this text
        introduced (a per-document copy, made only when there are any)."""
        if not self.state.runtime:
            return registry_index(self.state.registry)
        if self._alias_index is None:
            self._alias_index = AliasIndex(registry_index(self.state.registry))
        for alias in self.state.runtime:
            self._alias_index.add(alias)
        return self._alias_index

    def resolve_name(self, alias: str) -> str | None:
        alias = alias.strip()
        if alias in self.state.runtime:
            return self.state.runtime[alias]
        names = self.state.registry.lookup(alias)
        if not names:
            return None
        if len(names) == 1:
            return names[0]
        for m in reversed(self.state.mentions):
            if m in names:
                return m
        return names[0]

    def mentions_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical) for each known name in text, possessives included."""
        out = []
        for start, end, alias in self._aliases().find(text):
            name = self.resolve_name(alias)
            if name:
                out.append((start, end, name))
        return out

    def introduce(self, text: str) -> None:
        """Register people the text introduces with a title: 'State Department spokesman Matthew Miller',
        "美国哈佛大学校长巴科，" (a Chinese name is only taken where punctuation ends it)."""
        for m in ZH_INTRO.finditer(text):
            name = m.group("name")
            if not ZH_NOT_NAME.search(name) and not self.mentions_in(name):
                self.state.zh_titled.add(name)
        for m in INTRO.finditer(text):
            full = m.group("name").strip()
            toks = full.split()
            while toks and toks[-1] in STOP_CAPS:
                toks.pop()
            if len(toks) < 2:
                continue
            full = " ".join(toks)
            known = self.resolve_name(full)
            surname = toks[-1]
            if known:
                self.state.runtime.setdefault(surname, known)
                continue
            before = text[max(0, m.start() - 40):m.start()] + m.group("title")
            side = next((s for rx, s in SIDE_WORDS if rx.search(before)), "other")
            role = m.group("title").lower()
            sp = Speaker(full, side, "person", [full, surname], [Title(role, 0, None)])
            self.state.runtime_speakers[full] = sp
            self.state.runtime[full] = full
            self.state.runtime[surname] = full

    def note_title(self, text: str) -> None:
        """People a title names ("Readout of President Joe Biden's Call with ..."): they tell whose
        "The President" a readout means, but are not mentions a pronoun could point back to."""
        for _, _, name in self.mentions_in(text):
            self.state.in_title.add(name)

    def note_mentions(self, text: str) -> None:
        for start, end, name in self.mentions_in(text):
            sp = self.state.speaker(name)
            if sp and sp.kind == "person":
                self.state.mentions.append(name)
                words = name.split() if text[start:end] == name else []   # "Wang Wenbin", not "President Xi"
                # the surname: first in a Chinese name written in English (Wang Wenbin), else last
                surname = (words[0] if sp.side == "CN" else words[-1]) if words else ""
                others = [n for n in self.state.registry.lookup(surname) + [self.state.runtime.get(surname)]
                          if n and n != name]
                if len(words) == 2 and others and surname[:1].isupper() and surname.isalpha():
                    # "Spokesperson Wang Wenbin said ... Wang said": a surname after a full name is
                    # that person's, though the registry gives the bare surname to another (Wang Yi)
                    self.state.runtime[surname] = name

    # ---------------------------------------------------------------- subject resolution
    def resolve_en(self, np: str) -> tuple[str, str] | None:
        """('person'|'body'|'both'|'generic', name) for an English subject phrase, or None."""
        np = np.strip(" ,;:-—–\u2592\t")
        if not np:
            return None
        low = np.lower()
        if self._joint_en().search(low):
            return ("both", BOTH)
        found = [(a, b, n) for a, b, n in self.mentions_in(np)
                 if not re.match(r"[’']s\b", np[b:b + 2])]
        persons = [f for f in found if (self.state.speaker(f[2]) or Speaker("", "")).kind == "person"]
        if persons:
            sides = {self.state.side(p[2]) for p in persons}
            if len({p[2] for p in persons}) > 1 and re.search(r"\band\b", np) and len(sides) > 1:
                return ("both", BOTH)
            return ("person", persons[-1][2])
        if re.match(r"(?:an?|another|one)\s+\w", low) and INDEFINITE_SOURCE.search(low):
            bodies = found or self.mentions_in(" ".join(w[:1].upper() + w[1:] for w in np.split()))
            if bodies:
                # "A Chinese Foreign Ministry statement said", "a State Department spokesperson said":
                # the body speaks, as a new source (not content of the speaker before)
                self._new_source = True
                return ("body", bodies[-1][2])
            # "a senior official said": someone unnamed, a vague source like "officials said"
            # (narrator), never the previous speaker going on
            return ("generic", NARRATOR)
        last = low.split()[-1] if low.split() else ""
        if last in EN_PRONOUNS or low in EN_PRONOUNS:
            who = self._pronoun_target()
            return ("person", who) if who else None
        if low in EN_FIRST or last in EN_FIRST:
            who = self.state.author or self.state.current
            return ("person", who) if who and who != NARRATOR else None
        if low in ("they", "the two"):
            # in readouts and wire stories "they" as the subject of a position is the parties
            return ("both", BOTH)
        # "The President" with a capital P and no name is the White House's own style for the US
        # president (Xinhua and the MFA write "President Xi", "the U.S. president")
        own = "US" if re.fullmatch(r"(?:[Tt]he\s+)?(?:Vice\s+)?President", np) else None
        titled = self._resolve_title(low, prefer=own)
        if titled:
            return ("person", titled)
        if found:
            return ("body", found[-1][2])
        head = re.sub(r"[^\w\s]", "", low).split()
        if head and head[-1] in self.cues.get("en", "generic"):
            return ("generic", NARRATOR)
        if " ".join(head[-2:]) in self.cues.get("en", "generic"):
            return ("generic", NARRATOR)
        caps = re.fullmatch(r"(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w'’\-]+", np.strip())
        if caps and DETERMINERS.sub("", low.strip()) in self.state.registry.roles:
            # "The Spokesperson said", "The President said" whose holder is unclear: someone the
            # text does not name (narrator), neither a person called "President" nor the previous speaker
            return ("generic", NARRATOR)
        if caps:
            toks = [t for t in np.split() if t not in STOP_CAPS]
            if toks and not any(t.lower() in self.cues.get("en", "generic") for t in toks):
                name = " ".join(toks)
                sp = Speaker(name, next((s for rx, s in SIDE_WORDS if rx.search(np)), "other"),
                             "person", [name], [])
                self.state.runtime_speakers.setdefault(name, sp)
                self.state.runtime.setdefault(name, name)
                return ("person", name)
        return None

    def _subject_person(self, text: str) -> str | None:
        """The person a sentence opens with (after titles), if any."""
        m = ZH_DATELINE.match(text)
        body = text[m.end():] if m else text
        found = [f for f in self.mentions_in(body[:80]) if not re.match(r"[’']s\b", body[f[1]:f[1] + 2])]
        if not found:
            return None
        a, b, name = found[0]
        lead = body[:a]
        sp = self.state.speaker(name)
        if sp is None or sp.kind != "person":
            return None
        if re.fullmatch(r"(?:[A-Z][\w.\-’']*\s+){0,5}", lead) or ZH_TITLE_CHAIN.fullmatch(lead) or not lead:
            return name
        return None

    def _joint_en(self) -> re.Pattern:
        """'the two sides', 'both leaders' ... ending a subject phrase."""
        if not hasattr(self, "_joint_re"):
            alts = "|".join(re.escape(j) for j in sorted(self.cues.get("en", "joint_subject"), key=len, reverse=True))
            self._joint_re = re.compile(r"(?:^|\s)(?:" + alts + r")$")
        return self._joint_re

    def _pronoun_target(self) -> str | None:
        if self._narr_subject:
            return self._narr_subject
        cur = self.state.current
        if cur and cur not in (NARRATOR, BOTH):
            sp = self.state.speaker(cur)
            if sp is None or sp.kind == "person":
                return cur
        return self.state.mentions[-1] if self.state.mentions else None

    def _resolve_title(self, low: str, prefer: str | None = None) -> str | None:
        """'the chinese vice premier' -> the person holding that office, preferring people in the text
        (and, given `prefer`, holders from that side)."""
        low = DETERMINERS.sub("", low.strip())
        low = re.sub(r"^(?:mr\.?|ms\.?|mrs\.?)\s+", "", low)
        # "the president and vice president" (one side's pair): the first named; "the president and the
        # prime minister" (two offices) is left to the joint rules
        low = re.split(r"\s+and\s+(?!the\b|a\b|an\b|his\b|her\b|their\b)", low)[0]
        side = None
        # title case for the English side words, with US and U.S. kept in capitals ("the us vice president")
        cased = re.sub(r"\b(?:Us|U\.S\.)(?=\s|$)", lambda m: m.group(0).upper(), low.title())
        for rx, s in SIDE_WORDS:
            if rx.search(cased) or rx.search(low):
                side = s
        roles = [r for r in self.state.registry.roles if low == r or low.endswith(" " + r)]
        roles += [t.role for sp in self.state.runtime_speakers.values() for t in sp.titles
                  if low == t.role or low.endswith(" " + t.role)]
        # "the (US) vice president" is that office, not any "president"
        roles = [r for r in roles if not any(r2 != r and r2.endswith(" " + r) for r2 in roles)]
        if not roles:
            return None
        if len(low.split()) > len(roles[0].split()) + 2:
            return None
        year = self.state.year
        cands = []
        for role in roles:
            for name, sp in list(self.state.registry.speakers.items()) + list(self.state.runtime_speakers.items()):
                if sp.has_title(role, year) and (side is None or sp.side == side):
                    cands.append(name)
        if not cands:
            return None
        if prefer:
            # "The President" in a readout that has named the US president (White House style), or
            # that has named no holder of the office at all
            seen = set(self.state.mentions) | self.state.in_title
            named = [c for c in cands if self.state.side(c) == prefer and c in seen]
            if not named and not any(c in seen for c in cands):
                named = [c for c in cands if self.state.side(c) == prefer]
            cands = named or cands
        if self.state.current in cands:
            return self.state.current
        for m in reversed(self.state.mentions):
            if m in cands:
                return m
        uniq = list(dict.fromkeys(cands))
        return uniq[0] if len(uniq) == 1 else None

    def resolve_zh(self, subj: str) -> tuple[str, str] | None:
        s = ZH_SUBJECT_TAIL.sub("", subj.strip(" \u3000\u2592"))
        r = self._resolve_zh(s)
        if r is None and len(s) > 2 and s[-1] in ZH_SINGLE_ADVERBS:
            # "瑞方亦表示", "巴科则表示": a one-character adverb, tried only where the whole does not
            # resolve (首都, a name ending in 均)
            r = self._resolve_zh(s[:-1])
        return r

    def _resolve_zh(self, s: str) -> tuple[str, str] | None:
        if not s:
            return None
        for js in self.cues.get("zh", "joint_subject"):
            if s.startswith(js):
                return ("both", BOTH)
        for p in ZH_FIRST:
            if s.startswith(p) and not s.startswith(("我国", "我國", "我方")):
                who = self.state.author or self.state.current
                return ("person", who) if who and who != NARRATOR else None
        for p in ZH_PRONOUNS:
            if s.startswith(p):
                who = self._pronoun_target()
                return ("person", who) if who else None
        found = self.mentions_in(s)
        if found:
            # the subject comes first in a Chinese clause; ignore names after 致/向/同/与
            a, b, name = found[0]
            kind = (self.state.speaker(name) or Speaker("", "")).kind
            if kind != "person":
                # "外交部发言人毛宁": a body, a title, then the person who holds it speaks
                for a2, b2, name2 in found[1:]:
                    if ((self.state.speaker(name2) or Speaker("", "")).kind == "person"
                            and ZH_BARE_TITLE.fullmatch(s[b:a2])):
                        return ("person", name2)
            return ("person" if kind == "person" else "body", name)
        for g in self.cues.get("zh", "generic"):
            if g in s:
                return ("generic", NARRATOR)
        if s in self.state.zh_titled:
            # "巴科表示": a name the text introduced with its title ("哈佛大学校长巴科")
            self.state.runtime_speakers.setdefault(s, Speaker(s, "other", "person", [s], []))
            self.state.runtime.setdefault(s, s)
            return ("person", s)
        if ZH_SIDE_BODY.match(s):
            # a side the speaker table does not list, named as the text names it
            self.state.runtime_speakers.setdefault(s, Speaker(s, "other", "body", [s], []))
            self.state.runtime.setdefault(s, s)
            return ("body", s)
        for t in ZH_TITLES:
            k = s.rfind(t)
            if k >= 0:
                name = s[k + len(t):].strip()
                if name.startswith(tuple(self.cues.get("zh", "speech"))):
                    # "连任尼日利亚总统表示祝贺": a verb of saying follows the title, so this is not
                    # a subject ending in a name
                    return None
                if not name and s.endswith(t):
                    # a foreign name before its title, "侯赛因总统": the name, not a country or a body
                    known = [n for n in self.state.zh_titled if s[:k].endswith(n)]
                    name = max(known, key=len) if known else zh_name_before_title(s[:k])
                    if name and not known and (ZH_NOT_NAME.search(name) or ZH_NOT_NAME_BEFORE_TITLE.search(name)
                                               or self.mentions_in(name)):
                        name = ""
                if 2 <= len(name) <= 6 and re.fullmatch(r"[\u3400-\u9fff·]+", name):
                    side = next((sd for rx, sd in SIDE_WORDS if rx.search(s[:k])), "other")
                    sp = Speaker(name, side, "person", [name], [Title(t, 0, None)])
                    self.state.runtime_speakers.setdefault(name, sp)
                    self.state.runtime.setdefault(name, name)
                    return ("person", name)
        return None

    def _head_names(self, head: str) -> list[str]:
        """The opening of a Chinese sentence up to its first named person, titles included
        ("国家主席习近平"), so that a subject is only taken from the start of the sentence."""
        h = head.strip(" " + MASK)
        found = self.mentions_in(h)
        if not found:
            return []
        a, b, _ = found[0]
        lead = h[:a]
        if lead and not ZH_TITLE_CHAIN.fullmatch(lead) and not ZH_HEAD_TITLE.fullmatch(lead):
            return []
        return [h[:b]]

    # ---------------------------------------------------------------- sentences
    def attribute_paragraph(self, para: Paragraph, spans: list[tuple[int, int]]) -> list[Attribution]:
        out: list[Attribution] = []
        if para.front:
            self.note_title(para.text)
            return [Attribution(NARRATOR, "front_matter") for _ in spans]
        if para.label is not None:
            who = self._label_speaker(para.label)
            self.state.current = who if who != NARRATOR else self.state.current
            cue = "question" if is_question_label(para.label, self.cues) else "transcript"
            self._turn, self._turn_cue = who, cue
            for a, b in spans:
                self.introduce(para.text[a:b])
                self.note_mentions(para.text[a:b])
            return [Attribution(who, cue) for _ in spans]
        if self._turn is not None:
            turn = self._turn
            for a, b in spans:
                self.note_mentions(para.text[a:b])
            return [Attribution(turn, self._turn_cue) for _ in spans]
        if self.kind in FIRST_PERSON_KINDS and self.state.author:
            return [Attribution(self.state.author, "first_person") for _ in spans]
        para_speaker = None
        for k, (a, b) in enumerate(spans):
            text = para.text[a:b]
            self.introduce(text)
            if PARENTHETICAL.fullmatch(text):   # "（回信全文另发）", "(Photo: ...)": the editor's note
                att = Attribution(NARRATOR, "none")
            else:
                # a "sentence" beyond any real one (a page without sentence ends) is attributed from
                # its opening: each cue's subject is looked for before it, so the work would grow
                # with the square of its length
                att = self.attribute_sentence(text[:ATTRIBUTION_WINDOW], para_speaker)
            self._narr_subject = None
            if att is None:
                if para_speaker and para_speaker != NARRATOR:
                    att = Attribution(para_speaker, "continuation")
                elif k == 0 and self._continues_quote(text):
                    att = Attribution(self.state.current, "continuation")
                else:
                    att = Attribution(NARRATOR, "none")
            out.append(att)
            if att.speaker == NARRATOR:
                # "胡春华出席会议并讲话。他强调，..." -- the next "he" is this sentence's subject
                self._narr_subject = self._subject_person(text)
            para_speaker = att.speaker
            if att.speaker != NARRATOR:
                self.state.current = att.speaker
            self.note_mentions(text)
        self._last_para_speaker = para_speaker
        return out

    def _continues_quote(self, text: str) -> bool:
        """A paragraph that is all quotation, with no cue, goes on with the previous speaker."""
        prev = self._last_para_speaker
        if not prev or prev == NARRATOR or not self.state.current:
            return False
        masked, spans = mask_quotes(text)
        rest = re.sub(r"[\s\u2592.,;:!?。，；：！？]", "", masked)
        return bool(spans) and spans[0][0] == 0 and not rest

    def table_speaker(self, raw: str) -> tuple[str, str]:
        """(speaker, cue) of a table's speaker cell: a registered name or alias ("耿爽", "Psaki"), a
        transcript-style label ("MS. PSAKI" -> Jen Psaki; "Q" -> narrator), else the cell as written;
        the cue is "question" for a journalist's label, else "table"."""
        cue = "question" if is_question_label(raw, self.cues) else "table"
        name = self.resolve_name(raw)
        if name:
            return name, cue
        who = self._label_speaker(table_label(raw))
        return (who if who == NARRATOR or who in self.state.registry.speakers else raw), cue

    def _label_speaker(self, label: str) -> str:
        lab = label.strip().rstrip(".")
        if label_is(lab, "question", self.cues):
            return NARRATOR
        if label_is(lab, "answer", self.cues):
            # "答：": the host's answer; a host nobody names is not guessed
            return self.state.author or NARRATOR
        name = self.resolve_name(lab)
        if name:
            return name
        rest = label_name(lab, self.cues)
        name = self.resolve_name(rest) if rest else None
        if name:
            return name
        if (not rest or rest.upper() in label_honorifics(self.cues)
                or DETERMINERS.sub("", rest.lower()) in self.state.registry.roles):
            # "THE PRESIDENT": a White House transcript's own
            t = self._resolve_title(lab.lower(), prefer="US")
            if t:
                return t
        rest = rest or lab.title()
        self.state.runtime_speakers.setdefault(rest, Speaker(rest, "other", "person", [rest], []))
        self.state.runtime.setdefault(rest, rest)
        return rest

    def attribute_sentence(self, text: str, para_speaker: str | None = None) -> Attribution | None:
        """The sentence's own cue, or None when it has none (the caller applies continuation).

        para_speaker: the speaker of the previous sentence in the same paragraph, if any. Inside a
        speaker's paragraph, narration verbs and bodies as subjects ("China welcomes ...", 中方将 ...)
        are the speaker's content, not a new speaker.
        """
        inside = para_speaker not in (None, NARRATOR)
        self._new_source = False
        if detect(text, default=self.state.lang) == "zh":
            att = self._sentence_zh(text, not inside, para_speaker)
        else:
            att = self._sentence_en(text, not inside)
        if att and inside and att.cue in ("reported", "quote") and att.speaker != para_speaker \
                and not self._new_source:
            sp = self.state.speaker(att.speaker)
            if sp is not None and sp.kind == "body":
                return None
        return att

    def _sentence_en(self, text: str, first: bool) -> Attribution | None:
        masked, qspans = mask_quotes(text)
        masked = re.sub(r",(\s+(?:Jr|Sr|II|III)\b)", r" \1", masked)  # "Joseph R. Biden, Jr." is one name
        quoted = bool(qspans)
        cue_of = "quote" if quoted else "reported"
        speech = self.cues.regex("en", "speech")
        # embedded speech: "..., in which Xi pointed out that ..."
        for m in re.finditer(r"\b(?:in|with|through)\s+which\s+(.{1,60}?)\s+(?:" + speech.pattern + ")", masked,
                             re.I):
            r = self.resolve_en(m.group(1))
            if r and r[0] in ("person", "both"):
                return Attribution(r[1], "embedded")
        # a quote that opens with a cue verb: Blinken "underscored the importance ..."
        for a, b in qspans:
            inner = text[a + 1:b].lstrip()
            if speech.match(inner) and inner[:1].islower():
                before = masked[:a].rstrip()
                clause = re.split(r"[,;:()\u2014\u2013]", before)[-1]
                r = self.resolve_en(clause)
                if r and r[0] == "person":
                    return Attribution(r[1], "quote")
        events = []
        for m in speech.finditer(masked):
            events.append((m.start(), m.end(), "speech"))
        for m in self.cues.regex("en", "narration").finditer(masked):
            events.append((m.start(), m.end(), "narration"))
        events.sort()
        participle = self.cues.regex("en", "participle").search(masked)
        for start, end, kind in events:
            before = masked[:start]
            clause = re.split(r"[,;:()\u2014\u2013]|\u2592+|\bthat\b|\bwho\b|\bwhich\b", before)[-1]
            clause = SUBJECT_TAIL.sub("", clause.strip()).strip()
            clause = SUBJECT_TAIL_AGAIN.sub("", clause).strip()
            toks = clause.split()
            if len(toks) > 8:
                clause = " ".join(toks[-8:])
            if kind == "narration":
                r = self.resolve_en(clause)
                if r and r[0] == "person" and participle and participle.start() > end:
                    return Attribution(r[1], "participle")
                initial = not re.search(r"[,;:()\u2014\u2013\u2592]", before)
                if r and r[0] == "both" and (first or initial):
                    return Attribution(NARRATOR, "narration")
                if r and first and r[0] in ("person", "body") and not quoted:
                    return Attribution(NARRATOR, "narration")
                continue
            if not clause:
                after = re.split(r"[,.;:!?]|\u2592", masked[end:])[0]
                after = re.split(r"\s+(?:in|on|at|during|after|before|when|while|referring|as|to)\s+",
                                 " " + after.strip())[0]
                r = self.resolve_en(after)
            else:
                r = self.resolve_en(clause)
            if r is None:
                continue
            if r[0] == "generic":
                return Attribution(NARRATOR, "reported")
            if r[0] == "both":
                return Attribution(BOTH, "joint")
            return Attribution(r[1], cue_of)
        if participle:
            for a, b, name in self.mentions_in(masked[:participle.start()]):
                sp = self.state.speaker(name)
                if sp and sp.kind == "person":
                    return Attribution(name, "participle")
        if quoted:
            m = re.search(r"\baccording to\s+(.{1,60}?)(?:[,.;]|$)", masked)
            if m:
                r = self.resolve_en(m.group(1))
                if r and r[0] in ("person", "body"):
                    return Attribution(r[1], "quote")
        return None

    def _sentence_zh(self, text: str, first: bool, para_speaker: str | None = None) -> Attribution | None:
        masked, qspans = mask_quotes(text)
        m = ZH_DATELINE.match(masked)
        if m:  # "新华社北京5月18日电" is the agency's dateline, not a speaker
            masked = MASK * m.end() + masked[m.end():]
        speech = self.cues.regex("zh", "speech", "joint_verb")
        narr = self.cues.regex("zh", "narration")
        events = [(m.start(), m.end(), "speech") for m in speech.finditer(masked)]
        events += [(m.start(), m.end(), "narration") for m in narr.finditer(masked)]
        events.sort()
        head = re.split("[" + ZH_CLAUSE + "]", masked)[0]
        own = None
        plain = ZH_IDIOMS.sub("", masked)
        if self.state.author and self.kind not in FIRST_PERSON_KINDS and not ZH_QUESTION.search(plain) and (
                ZH_ASKED.search(plain) or (first and ZH_ADDRESS.search(plain))):
            # the author addressing the press ("正如你所说", "至于你问到"): the spokesperson's own sentence,
            # whatever it narrates, unless the sentence has a named speaker's cue ("蓬佩奥说，你们...");
            # inside another speaker's paragraph only the reporter's question ("至于你问到"), where a
            # plain 你/你们 is that speaker's
            own = Attribution(self.state.author, "first_person")
        for start, end, kind in events:
            before = masked[:start]
            k = max(before.rfind(c) for c in ZH_CLAUSE)
            subj = before[k + 1:]
            initial = not any(c in before for c in ZH_CLAUSE)
            if kind == "narration":
                if own is not None:
                    continue    # the host's own sentence narrates; only a named speaker's cue beats it
                if ZH_FRAME.search(before) and ZH_FRAME_END.match(masked[end:]):
                    continue    # "习近平主席在会见中指出": the meeting frames the speech verb
                r = self.resolve_zh(subj) or (self.resolve_zh(head) if not subj.strip() else None)
                if r and (first or (initial and r[0] == "both")) and r[0] in ("both", "person", "body"):
                    return Attribution(NARRATOR, "narration")
                if initial and not first and (
                        (r and r[0] == "person" and r[1] != para_speaker and not ZH_MODAL.search(subj))
                        or (r is None and ZH_EVENT_SUBJECT.match(subj.strip(" " + MASK)))):
                    # inside a speaker's paragraph, another person's action ("胡春华出席会议") or a
                    # meeting's ("报告会17日在京举行", "会议传达了...") is the reporter's again
                    return Attribution(NARRATOR, "narration")
                continue
            cue = masked[start:end]
            if not subj.strip(" " + MASK) and start == 0:
                if self.state.current and self.state.current != NARRATOR:
                    return Attribution(self.state.current, "continuation")
                continue
            if cue in ZH_SPEECH_EVENT and ZH_WILL.search(subj):
                continue    # "外交部长王毅将发表讲话": an announcement of what someone will say
            r = None
            if subj.strip(" " + MASK) and (len(subj) <= 30 or subj.startswith(
                    tuple(self.cues.get("zh", "joint_subject")))):
                r = self.resolve_zh(subj)
            if r is None and len(subj) > 30 and (names := self._head_names(subj)):
                # a long subject that opens with titles and a name: "国家主席习近平对...作出重要指示强调"
                r = self.resolve_zh(names[0])
            if r is None and not initial and ZH_SIDE_BODY.match(head.strip(" " + MASK)[:2]):
                # "瑞方积极评价中瑞关系，表示...": the side that opens the sentence
                r = self.resolve_zh(head.strip(" " + MASK)[:2])
            if r is None and not initial and (names := self._head_names(head)):
                # "习近平...回信，对...表示欢迎": a later clause shares the sentence's subject
                r = self.resolve_zh(names[0])
            if r is None:
                continue
            if (r[0] == "person" and r[1] == self.state.author and first
                    and ZH_FIRST_LEAD.match(subj.strip(" " + MASK))):
                # "我在这里可以强调一下，...王毅外长强调...": the author frames another's words
                own = own or Attribution(r[1], "first_person")
                continue
            if r[0] == "generic":
                return Attribution(NARRATOR, "reported")
            if r[0] == "both":
                return Attribution(BOTH, "joint")
            if cue in self.cues.get("zh", "joint_verb"):
                continue
            return Attribution(r[1], "quote" if qspans else "reported")
        if own:
            return own
        if first and self.state.author and self.kind not in FIRST_PERSON_KINDS and ZH_AUTHOR_VOICE.search(masked):
            # the author's own voice in an account: a spokesperson's "据我了解", "我们已经发布了消息"
            return Attribution(self.state.author, "first_person")
        return None
