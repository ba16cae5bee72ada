"""Attribute each sentence of a document to its speaker, following the annotation guidelines, by an
ordered table of small named rules (RULES) of which the first that matches decides."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from analysis.extract.lang import detect
from analysis.ingest.discover import FIRST_PERSON_KINDS
from analysis.ingest.layout import Paragraph
from analysis.ingest.labels import (is_media_label, is_question_label, label_honorifics, label_is, label_name,
                                    table_label)
from analysis.speakers import rules_en, rules_zh, sources_zh
from analysis.speakers.common import DETERMINERS, HONORIFIC, ZH_SIDE_BODY, mask_quotes, zh_countries
from analysis.speakers.cues import CueSet, load_cues
from analysis.speakers.meetings import meeting_body
from analysis.speakers.authors import ZH_FULL_TEXT, byline_names, statement_on_behalf
from analysis.speakers.registry import BOTH, NARRATOR, Registry
from analysis.speakers.state import Attribution, Context, DocState

ATTRIBUTION_WINDOW = 3000   # characters of a sentence read for its speaker
# the host named in a press conference's title: "2018年6月11日外交部发言人耿爽主持例行记者会",
# "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on January 10, 2020"; the online
# ones of 2020 ("主持网上例行记者会", "Daily Briefing Online"), "答记者问" and "Remarks" pages too
PRESSER_TITLE = re.compile(r"发言人(?P<zh>[\u4e00-\u9fff·]{2,4}?)(?:主持(?:网上|视频)?(?:例行)?记者会|(?:就[^。\n]{1,80}?)?答记者问)|"
                           r"發言人(?P<tw>[\u4e00-\u9fff·]{2,4}?)(?:主持(?:網上|視頻)?(?:例行)?記者會|(?:就[^。\n]{1,80}?)?答記者問)|"
                           r"Spokes(?:person|man|woman) (?P<en>[A-Z][\w\-]+(?: [A-Z][\w\-]+){1,3})[’']s (?:(?:Regular )?"
                           r"Press Conference|Daily Briefing Online|Remarks)")
OWN_LAUGH = re.compile(r"[(（]\s*(?:Laughs|laughs|笑)\s*[.。]?\s*[)）]")
PARENTHETICAL = re.compile(r"\s*[（(][^（）()]*[）)]\s*[。.]?\s*")
QUOTE_REST = re.compile(r"[\s\u2592.,;:!?。，；：！？]")


def author_from_title(title: str | None) -> str | None:
    """The spokesperson who hosts a press conference, from the page's title; None otherwise. Their
    first-person sentences ("我们已经发布了消息") are theirs even where the page is an account."""
    m = PRESSER_TITLE.search(title or "")
    return next((g for g in m.groups() if g), None) if m else None


# ---------------------------------------------------------------- transcript labels
def label_speaker(state: DocState, cues: CueSet, label: str) -> str:
    """The speaker a transcript label names: narrator for a journalist's question, the host for an
    answer (答：), a registered name, an office ("THE PRESIDENT"), else the label's name as a new person."""
    lab = label.strip().rstrip(".")
    if is_media_label(lab, cues) or (is_question_label(lab, cues) and not state.resolve_name(lab)):
        return NARRATOR
    if label_is(lab, "answer", cues):
        # "答：": the host's answer; a host nobody names is not guessed
        return state.author or NARRATOR
    name = state.resolve_name(lab)
    if name:
        return name
    rest = label_name(lab, cues)
    name = state.resolve_name(rest) if rest else None
    if name:
        return name
    if (not rest or rest.upper() in label_honorifics(cues)
            or DETERMINERS.sub("", rest.lower()) in state.registry.roles):
        # "THE PRESIDENT": a White House transcript's own
        t = rules_en.resolve_title(state, lab.lower(), prefer="US")
        if t:
            return t
    if rest and len(found := state.registry.with_surname(rest.split()[-1])) == 1:
        # "DR. JHA:", "SURGEON GENERAL MURTHY:": the one registered person of that surname (no bare alias:
        # the surname is common)
        return found[0]
    # someone at the same podium as the host the title names speaks for the host's side (a White House
    # briefing's guest official, "SECRETARY MAYORKAS:" -> the title's "Alejandro Mayorkas", US)
    host_side = state.side(state.author) if state.author else ""
    return state.learn(rest or lab.title(), host_side if host_side in ("CN", "US") else "other", "person")


# ---------------------------------------------------------------- rules that decide a whole paragraph
def front_matter(c: Context) -> Attribution | None:
    """Title lines, datelines, copyright: the narrator's."""
    return Attribution(NARRATOR, "front_matter") if c.para.front else None


def transcript_label(c: Context) -> Attribution | None:
    """A paragraph opened by a transcript label ("MR. PRICE:", "Q:", "答："): the label's speaker."""
    if c.para.label is None:
        return None
    who = label_speaker(c.state, c.cues, c.para.label)
    return Attribution(who, "question" if is_question_label(c.para.label, c.cues) else "transcript")


def transcript_question(c: Context) -> Attribution | None:
    """A reporter's question printed without its label, answered by the host's next turn: narrator,
    cue question (layout marks it: Paragraph.asks)."""
    return Attribution(NARRATOR, "question") if c.para.asks else None


def transcript_opening(c: Context) -> Attribution | None:
    """A press conference's text before its first turn (the spokesperson's opening announcements):
    the host the title names."""
    return Attribution(c.state.author, "transcript") if c.para.opening and c.state.author else None


def transcript_turn(c: Context) -> Attribution | None:
    """A paragraph without a label after one: the same turn goes on."""
    return Attribution(*c.state.turn) if c.state.turn is not None else None


# a paragraph of a speech's page that is not the speech: a dateline, a photo credit, the agency's
# account of the event ("国家主席习近平出席会议并发表题为《……》的重要讲话")
NOT_THE_SPEECH = re.compile(r"新华社|新華社|中新社|人民日报|记者|記者|\d{1,2}\s*月\s*\d{1,2}\s*日电|摄\b|摄(?=[^\u4e00-\u9fff]|$)|"
                            r"\((?:Xinhua|AFP|AP|Reuters)\)")


BYLINE_MENTION = re.compile(r"[\u3000\n]")      # what follows a name that is a byline: ideographic space, line end
LONG_PARAGRAPH = 600     # characters: a longer paragraph of a speech is checked sentence by sentence


def first_person_document(c: Context) -> Attribution | None:
    """A speech, a talk, a letter (the document's kind) with a known author: every sentence is theirs,
    except paragraphs that name the author in the third person or carry a dateline or photo credit
    (the page's account of the event, read sentence by sentence)."""
    if c.kind not in FIRST_PERSON_KINDS or not c.state.author:
        return None
    # a paragraph is read whole, unless it is long: a speech pasted from a page without paragraph
    # marks is one paragraph, and one word in it ("记者", "新华社") must not make it all narration;
    # its sentences are read one by one (first_person_sentence)
    if len(c.para.text) > LONG_PARAGRAPH or run_in_title(c.para.text):
        return None
    return Attribution(c.state.author, "first_person") if is_the_speech(c, c.para.text) else None


def run_in_title(text: str) -> re.Match | None:
    """A speech's title run into the text with a registered author's byline after it ("……摄在……上的讲话
    （2023年12月29日）习近平同志们"); not "——在……中维护……的发言权" inside a speech."""
    m = ZH_FULL_TEXT.search(text)
    if m and byline_names(m.group("who")):
        return m
    return None


def is_the_speech(c: Context, unit: str) -> bool:
    """Whether this text of a first-person document is the author's: not an account of them (a
    dateline, a photo credit, their name in the third person)."""
    # (the author's name as a byline run into the text, "……而团结奋斗※习近平　　这次全会……", is no
    # account of the author)
    named = {n for a, b, n in c.state.mentions_in(unit) if not BYLINE_MENTION.match(unit[b:b + 1] or "\n")}
    return not (NOT_THE_SPEECH.search(unit) or c.state.author in named)


def first_person_sentence(c: Context) -> Attribution | None:
    """first_person_document for a sentence of a long paragraph (a page pasted without paragraph marks)
    or of one where the speech starts after its title run in ("……摄在全国政协新年茶话会上的讲话（2023年
    12月29日）习近平同志们，……"): the agency's lead and photo credit before it are not the speech."""
    if c.kind not in FIRST_PERSON_KINDS or not c.state.author:
        return None
    run_in = run_in_title(c.para.text)
    if run_in is None and len(c.para.text) <= LONG_PARAGRAPH:
        return None
    if run_in is not None and c.para.text.find(c.full) < run_in.end():
        return None
    return Attribution(c.state.author, "first_person") if is_the_speech(c, c.full) else None


# ---------------------------------------------------------------- rules after a sentence's own cues
def editor_note(c: Context) -> Attribution | None:
    """A sentence all in brackets, "（回信全文另发）", "(Photo: ...)": the editor's note, narrator."""
    return Attribution(NARRATOR, "none") if PARENTHETICAL.fullmatch(c.full) else None


def paragraph_continuation(c: Context) -> Attribution | None:
    """A sentence with no cue of its own inside a speaker's paragraph keeps the speaker."""
    if c.state.quote_closed:
        return None     # "赵乐际宣布：“……。”会场全体起立": the quotation held all the speaker said
    return Attribution(c.para_speaker, "continuation") if c.para_speaker and c.para_speaker != NARRATOR else None


# a paragraph that goes on with the previous paragraph's speech: its points ("二是……", "Second, ...",
# "——坚守和平，……"), its first person ("我们愿……", "希望美方……") or its instructions ("要坚持……",
# "必须……"), with no cue of its own
SPEECH_GOES_ON = re.compile(r"^\s*(?:[一二三四五六七八九十][是要]|第[一二三四五六七八九十][，、,]|其[一二三四五六]是|首先|其次|再次|"
                            # a headed point: "第一个视角：", "第二点："
                            r"第[一二三四五六七八九十](?:个|個|点|點|条|條)?[^，。：:]{0,6}[：:]|"
                            r"我们|我們|我(?![国國])|希望|要(?![闻聞求])|必须|必須|——|"
                            # a proposal to both sides: "双方要……", "两国应……"
                            r"(?:双方|雙方|两国|兩國)(?:要|应|應)|"
                            # after a frame of time: "10年来，我们坚守初心……", "当前，我们……" (not "我们的记者", "我们村")
                            r"(?:\d+年来|\d+年來|多年来|多年來|近年来|近年來|长期以来|長期以來|一直以来|一直以來|当前|當前|目前|"
                            r"如今|今后|今後|未来|未來)[，,](?:我们|我們)(?!的|村|了解|看到|注意到))")


def speech_goes_on(c: Context) -> Attribution | None:
    """A paragraph with no cue that goes on with the previous paragraph's speech (numbered points,
    first person) keeps its speaker; a narrated act or a new subject would have been a cue."""
    prev = c.state.last_paragraph_speaker
    if c.index == 0 and prev and prev == c.state.listing:
        return Attribution(prev, "continuation")    # the points of a list the speaker opened ("一、……")
    if c.index != 0 or not prev or prev == NARRATOR or not SPEECH_GOES_ON.match(c.full):
        return None
    if c.state.speaker(prev) is None or c.state.kind(prev) != "person":
        return None         # a body's words, or a name nobody registered or introduced, do not run on
    if re.search(r"你|您|\byou\b", c.full):
        return None         # "我们已经发布了消息稿，你可以查阅": someone answering the press, not the speech
    return Attribution(prev, "continuation")


# an item that is one voice's words: a statement, a spokesperson's answer, a written interview
ONE_VOICE_TITLE = re.compile(r"声明|聲明|答记者问|答記者問|发言人|發言人|谈话|談話|答问|答問|\bstatement\b|\bspokesperson\b", re.I)


# a letter's text addresses its recipients: "党中央、国务院向你们表示热烈祝贺", "希望你们……", "您"
ADDRESSED = re.compile(r"你们|你們|您")


def letter_text(c: Context) -> Attribution | None:
    """The text of a body's letter or message the text narrated being sent ("中共中央、国务院……致贺电。"),
    printed after it with no cue: its paragraphs that address the recipients. (A person's letter is
    quoted with a cue, "贺信指出"; what follows it is the report's.)"""
    sender, prev = c.state.letter, c.state.last_paragraph_speaker
    if c.index != 0 or not sender or c.para is None or c.state.kind(sender) != "body":
        return None     # (a narrated sentence after the letter's narration or its text clears state.letter)
    if prev in (None, NARRATOR, sender) and ADDRESSED.search(QUESTION_SENTENCE.sub("", c.para.text)):
        return Attribution(sender, "continuation")
    return None


QUESTION_SENTENCE = re.compile(r"[^。！？!?]*[？?]")     # "您觉得……？": a reporter's question addresses someone too


def answer_goes_on(c: Context) -> Attribution | None:
    """In an item whose title makes it one voice's words (a statement, a spokesperson's answer), a
    paragraph with no cue of its own goes on with the previous paragraph's speaker, a body too (the
    guidelines' first-person rule: a spokesperson's answer is theirs throughout)."""
    prev = c.state.last_paragraph_speaker
    if c.index != 0 or not prev or prev == NARRATOR or not c.state.one_voice:
        return None
    # the item's voice (its first speaker), not someone its previous paragraph reported
    return Attribution(c.state.voice or prev, "continuation")


def quote_continues(c: Context) -> Attribution | None:
    """A paragraph that is all quotation, with no cue, goes on with the previous paragraph's speaker."""
    prev = c.state.last_paragraph_speaker
    if c.index != 0 or not prev or prev == NARRATOR or not c.state.current:
        return None
    masked, spans = mask_quotes(c.full)
    if spans and spans[0][0] == 0 and not QUOTE_REST.sub("", masked):
        return Attribution(c.state.current, "continuation")
    return None


def narrator(c: Context) -> Attribution | None:
    """Everything else: the narrator's."""
    return Attribution(NARRATOR, "none")


def is_state(sp) -> bool:
    """Whether a body is a state speaking as a side ("乌克兰", "United States", "中方")."""
    return sp.name in zh_countries() or any(a in zh_countries() for a in sp.aliases)


def other_side_after_china(c: Context, name: str) -> bool:
    """In a readout (no host answering), the other side named "X方" after a Chinese speaker ("习近平……表示愿继续
    提供帮助。缅方深表感谢，表示……"): its own words, unless China answers it in the same sentence, the Chinese
    speaker recounting ("缅方多次表示……，中方对此表示赞赏"). After its own leader ("托卡耶夫表示，……。哈方……")
    it stays the leader's, as the annotators read it."""
    return (not c.state.author and c.state.side(c.para_speaker) == "CN" and bool(ZH_SIDE_BODY.match(name))
            and not CHINA_ANSWERS.search(c.full))


# a later clause in which China answers what the other side said: "，中方对此表示赞赏"
CHINA_ANSWERS = re.compile(r"[，；,;]\s*(?:中方|我们|我們)")


def speakers_content(c: Context, att: Attribution) -> bool:
    """A body's reported words inside a person's paragraph ("China welcomes ...", 中方将 ...) are that
    speaker's content, not a new speaker, unless the sentence names an indefinite source ("A Chinese
    Foreign Ministry statement said"); inside the paragraph of a body the text itself names, another such
    body speaks for itself (not inside the registry's bodies: a ministry reading out another's note)."""
    if not c.inside or att.cue not in ("reported", "quote") or att.speaker == c.para_speaker or c.named_new_source:
        return False
    sp = c.state.speaker(att.speaker)
    if (sp is not None and sp.kind == "body" and c.state.side(att.speaker) != c.state.side(c.para_speaker)
            and (is_state(sp) or other_side_after_china(c, sp.name))):
        return False    # "威特科夫称，……。乌克兰方面称，……": another state's words, not the speaker's content
    if c.para_speaker in c.state.runtime_speakers and c.state.kind(c.para_speaker) == "body" \
            and att.speaker in c.state.runtime_speakers:
        return False    # "以色列国防军4日称，……。黎巴嫩卫生部4日说，……": one body's words, then another's
    return sp is not None and sp.kind == "body"


# ---------------------------------------------------------------- what a decision establishes
# The state changes of attribution, all here: a paragraph rule's row names its record function; every
# sentence decided by the other rules is recorded by record_sentence.
PODIUM_TITLE = re.compile(r"\b(?:Press\s+Briefing|Press\s+Gaggle|Press\s+Call|Briefing)\s+by\b", re.I)


def record_title(state: DocState, att: Attribution, para: Paragraph, sentences: list[str]) -> None:
    """A title names the people whose "The President" a readout means, and may make the item one
    voice's words (a statement, a spokesperson's answer)."""
    state.note_title(para.text)
    before = set(state.runtime_speakers)
    state.introduce(para.text)      # "... and Homeland Security Secretary Alejandro Mayorkas"
    sides = [state.side(n) for n in ([state.author] if state.author else []) + sorted(state.in_title)]
    host_side = next((sd for sd in sides if sd in ("CN", "US")), "")
    if PODIUM_TITLE.search(para.text) and host_side:
        # the briefing's other officials stand at the host's podium: the host's side
        for name in set(state.runtime_speakers) - before:
            if state.runtime_speakers[name].side == "other":
                state.runtime_speakers[name].side = host_side
    state.one_voice = state.one_voice or bool(ONE_VOICE_TITLE.search(para.text))


def record_turn(state: DocState, att: Attribution, para: Paragraph, sentences: list[str]) -> None:
    """A label opens a turn and makes its speaker the current one; its sentences introduce and mention."""
    if att.speaker != NARRATOR:
        state.current = att.speaker
    state.turn = (att.speaker, att.cue)
    for text in sentences:
        state.introduce(text)
        state.note_mentions(text)


def record_mentions(state: DocState, att: Attribution, para: Paragraph, sentences: list[str]) -> None:
    """A turn going on: its sentences introduce and mention people."""
    for text in sentences:
        state.introduce(text)
        state.note_mentions(text)


def record_nothing(state: DocState, att: Attribution, para: Paragraph, sentences: list[str]) -> None:
    """A first-person document's paragraphs change nothing."""


# an announcement quoted in full ("赵乐际宣布：“大会闭幕。”"): a ceremony's act follows, not more of it
QUOTE_CLOSES = re.compile(r"(?:宣布|宣告|宣读|announced)\s*[：:]\s*[“「『\"][^”」』\"]+[”」』\"]\s*[。.!！?？]?\s*$")


def record_sentence(state: DocState, att: Attribution, text: str) -> None:
    """A narrated sentence's opening person is the next "he" ("胡春华出席会议并讲话。他强调"); a
    speaker becomes the current one; the persons the sentence names are mentions."""
    # the "he" after a narrated sentence, or after one that carries another's words ("王岐山转达了习近平
    # 主席的问候。他表示" -> 王岐山), is the person it opens with
    state.narrated_subject = state.opening_person(text) if att.speaker == NARRATOR or att.cue == "embedded" else None
    # a sentence whose speech is an announcement quoted after a colon, ending the sentence: what
    # follows is no more of it unless it says so ("王毅说：“……。”中方愿……" goes on: only announcements)
    state.quote_closed = att.cue == "quote" and bool(QUOTE_CLOSES.search(text))
    # a person's sentence ending in a colon opens a list ("习近平宣布……八项行动：") that its paragraphs go on
    # with until a sentence decided otherwise than by going on
    if text.rstrip().endswith("：") and att.speaker not in (NARRATOR, BOTH):
        state.listing = att.speaker
    elif att.cue != "continuation":
        state.listing = None
    if att.speaker == NARRATOR:
        state.note_issuer(text)
        if state.lang == "zh":
            held = meeting_body(text)
            state.meeting = state.meeting if held is None else (held or None)
    else:
        state.current = att.speaker
        if state.voice is None and att.speaker != BOTH:
            state.voice = att.speaker
    state.note_mentions(text)


# ---------------------------------------------------------------- the table
PARAGRAPH, CUE, SENTENCE = "paragraph", "cue", "sentence"


@dataclass(frozen=True)
class Rule:
    """One row of RULES: `decide(context)` returns an Attribution or None.

    scope: PARAGRAPH (decides every sentence of a paragraph at once, then `record` notes what that
    establishes), CUE (a sentence's own cue, read in the sentence's language `lang`) or SENTENCE (a
    sentence without a cue of its own)."""
    name: str
    scope: str
    lang: str | None
    decide: Callable[[Context], "Attribution | None"]
    record: Callable | None = None


# Tried in this order; the first rule that returns an Attribution decides. A new rule is one function
# and one row here.
RULES: tuple[Rule, ...] = (
    #    name                         scope      lang  decide                             record
    Rule("front_matter",              PARAGRAPH, None, front_matter,                      record_title),
    Rule("transcript_label",          PARAGRAPH, None, transcript_label,                  record_turn),
    Rule("transcript_question",       PARAGRAPH, None, transcript_question,               record_turn),
    Rule("transcript_opening",        PARAGRAPH, None, transcript_opening,                record_mentions),
    Rule("transcript_turn",           PARAGRAPH, None, transcript_turn,                   record_mentions),
    Rule("first_person_document",     PARAGRAPH, None, first_person_document,             record_nothing),
    Rule("first_person_sentence",     SENTENCE,  None, first_person_sentence),
    Rule("editor_note",               SENTENCE,  None, editor_note),
    Rule("en_embedded_speech",        CUE,       "en", rules_en.embedded_speech),      # in which Xi pointed out
    Rule("en_quote_opened_by_cue",    CUE,       "en", rules_en.quote_opened_by_cue),  # Blinken "underscored
    Rule("en_cue_verbs",              CUE,       "en", rules_en.cue_verbs),            # said, met, agreed
    Rule("en_participle_subject",     CUE,       "en", rules_en.participle_subject),   # ..., saying
    Rule("en_according_to",           CUE,       "en", rules_en.according_to),         # "...", according to
    Rule("zh_according_to",           CUE,       "zh", sources_zh.according_to),         # 据……消息，
    Rule("zh_cue_verbs",              CUE,       "zh", rules_zh.cue_verbs),            # 表示, 会见, 双方一致认为
    Rule("zh_author_addresses_press", CUE,       "zh", rules_zh.author_addresses_press),  # 正如你所说
    Rule("zh_author_voice",           CUE,       "zh", rules_zh.author_voice),         # 据我了解
    Rule("paragraph_continuation",    SENTENCE,  None, paragraph_continuation),
    Rule("speech_goes_on",            SENTENCE,  None, speech_goes_on),      # 二是……, 我们愿……
    Rule("letter_text",               SENTENCE,  None, letter_text),         # ……致贺电。 / ……向你们表示祝贺
    Rule("answer_goes_on",            SENTENCE,  None, answer_goes_on),      # a statement's next paragraph
    Rule("quote_continues",           SENTENCE,  None, quote_continues),
    Rule("narrator",                  SENTENCE,  None, narrator),
)
PARAGRAPH_RULES = tuple(r for r in RULES if r.scope == PARAGRAPH)
# a statement read for another is announced in a document's first paragraphs, by the reader speaking in the
# first person outside quotation marks (Attributor.read_on_behalf)
ON_BEHALF_PARAGRAPHS = 3
AS_PRESIDENT_SAID = re.compile(r"^(?:(?:And|But|So|Now|Well|Again|Look),?\s+)?[Aa]s\s+(?:you\s+(?:all\s+)?(?:heard|saw)\s+)?"
                               r"the\s+[Pp]resident\s+(?:has\s+|had\s+|just\s+|also\s+)*"
                               r"(?:said|say|says|noted|made\s+clear|stated|put\s+it|reiterated|emphasized)\b")
THE_PRESIDENT = re.compile(r"\b[Tt]he President\b")
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|my|My|our|Our)\b|我|我们|我們")
# the paragraph rules of transcript turns, inside which a sentence's own cue may still name another speaker
IN_TURN = ("transcript_label", "transcript_question", "transcript_opening", "transcript_turn")
SENTENCE_RULES = tuple(r for r in RULES if r.scope != PARAGRAPH)
CUE_RULES = tuple(r for r in RULES if r.scope == CUE)


def first_match(rules: tuple[Rule, ...], c: Context) -> Attribution | None:
    """The first rule's Attribution, skipping cue rules of another language. A cue that gives a
    speaker's content (speakers_content) is no cue of the sentence's own: the later cue rules are
    skipped and the rules after them decide."""
    cues_done = False
    for rule in rules:
        if rule.lang not in (None, c.lang) or (cues_done and rule.scope == CUE):
            continue
        att = rule.decide(c)
        if att is None:
            continue
        if rule.scope == CUE and speakers_content(c, att):
            cues_done = True
            continue
        return att
    return None


# ---------------------------------------------------------------- the attributor
class Attributor:
    """Assign a speaker to every sentence of a document (one Attributor per document): runs RULES and
    records in its DocState what each decision establishes."""

    def __init__(self, registry: Registry, lang: str, year: int | None = None, kind: str | None = None,
                 author: str | None = None, cues: CueSet | None = None, date: str | None = None,
                 author_side: str = ""):
        self.cues = cues or load_cues()
        self.state = DocState(registry, lang, year, date=date)
        self.kind = (kind or "").lower()
        self.paragraphs = 0         # paragraphs attributed so far
        if author:
            author = HONORIFIC.sub("", author.strip())
            self.state.author = self.state.resolve_name(author) or author
            if author_side and self.state.author not in registry.speakers:
                # an author the registry lacks, whose side the document's source says (a UN speech's state)
                self.state.learn(self.state.author, author_side, "person")

    def end_first_person(self) -> None:
        """The first-person text ends here (a letter's signature): what follows is read by the rules."""
        self.kind = ""
        self.state.author = None

    def note_title(self, text: str) -> None:
        """People a document's title names (see DocState.note_title)."""
        self.state.note_title(text)

    def attribute_paragraph(self, para: Paragraph, spans: list[tuple[int, int]]) -> list[Attribution]:
        """The speaker of each sentence (spans of para.text) of a paragraph, in order."""
        self.paragraphs += 1
        if self.paragraphs <= ON_BEHALF_PARAGRAPHS and (read := self.read_on_behalf(para, spans)):
            return read
        c = Context(self.state, self.cues, self.kind, para)
        for rule in PARAGRAPH_RULES:
            att = rule.decide(c)
            if att is not None:
                sentences = [para.text[a:b] for a, b in spans]
                rule.record(self.state, att, para, sentences)
                if rule.name in IN_TURN and att.cue != "question":
                    return [self.in_turn(text, att) for text in sentences]
                return [Attribution(att.speaker, att.cue) for _ in spans]
        out: list[Attribution] = []
        para_speaker = None
        for k, (a, b) in enumerate(spans):
            text = para.text[a:b]
            self.state.introduce(text)      # "Foreign Minister Penny Wong said": known before the cues
            # a "sentence" beyond any real one (a page without sentence ends) is attributed from
            # its opening: each cue's subject is looked for before it, so the work would grow
            # with the square of its length
            c = self.context(text[:ATTRIBUTION_WINDOW], para_speaker, para, text, k)
            att = first_match(SENTENCE_RULES, c)
            record_sentence(self.state, att, text)
            out.append(att)
            para_speaker = att.speaker
        self.state.last_paragraph_speaker = para_speaker
        return out

    def read_on_behalf(self, para: Paragraph, spans: list[tuple[int, int]]) -> list[Attribution] | None:
        """A delegate opening a speech by saying whose statement they read ("I have the honour to make the
        following statement on behalf of His Excellency Mr. X, the Foreign Minister, who ..."): that
        sentence and those before it are the reader's (the author known so far, else narrator), the rest
        of the document X's speech. None when the paragraph says no such thing."""
        if para.label_end or self.kind not in FIRST_PERSON_KINDS | {""} or "behalf" not in para.text:
            return None
        for k, (a, b) in enumerate(spans):
            who = statement_on_behalf(para.text[a:b], self.state.registry)
            if who is None:
                continue
            reader = Attribution(self.state.author or NARRATOR, "first_person" if self.state.author else "none")
            side = self.state.side(self.state.author) if self.state.author else ""
            self.kind = self.kind or "speech"
            self.state.author = self.state.resolve_name(who) or who
            if side and self.state.author not in self.state.registry.speakers:
                self.state.learn(self.state.author, side, "person")
            return [reader] * (k + 1) + [Attribution(self.state.author, "first_person")] * (len(spans) - k - 1)
        return None

    def in_turn(self, text: str, turn: Attribution) -> Attribution:
        """A sentence of an official's turn is the official's, unless it reports another person it
        names ("President Biden stressed that ...", in the White House's style "as the President said")
        or states a joint position ("The two leaders agreed to ..."): the guidelines apply inside a
        turn too. A pronoun ("he said") stays the official's: who is meant is the official's reading,
        not the text's."""
        if turn.speaker == NARRATOR:
            return turn                 # a host nobody names: not guessed from the answer's words
        if PARENTHETICAL.fullmatch(text) and not OWN_LAUGH.search(text):
            # "（记者笑）", "(Laughter.)": the transcript's note; "(Laughs.)" is the speaker's own
            return Attribution(NARRATOR, "none")
        if AS_PRESIDENT_SAID.match(text) and self.state.side(turn.speaker) == "US":
            # "As the president has said, we will be here ..." (the White House's style since 2024
            # writes the title in lower case): the sitting President on the document's date
            who = rules_en.resolve_title(self.state, "the president", prefer="US")
            if who:
                return Attribution(who, "reported")
        own = first_match(CUE_RULES, self.context(text[:ATTRIBUTION_WINDOW], turn.speaker))
        if own is None or own.speaker in (turn.speaker, NARRATOR):
            return turn
        if own.speaker == BOTH and own.cue == "joint":
            return own
        if own.cue not in ("reported", "quote", "embedded"):
            return turn
        at = [a for a, _, n in self.state.mentions_in(text) if n == own.speaker]
        who = self.state.speaker(own.speaker)
        if not at and (m := THE_PRESIDENT.search(text)) and who is not None \
                and who.has_title("president", self.state.year) and self.state.side(own.speaker) == "US":
            at = [m.start()]            # "As the President said yesterday, ...": the White House's own
                                        # style names the sitting President
        if not at or FIRST_PERSON.search(text[:at[0]]):
            return turn                 # not named, or under the official's own clause ("I noted that ...")
        if who is not None and who.kind == "body" and (who.side == self.state.side(turn.speaker) or is_state(who)):
            # "中方认为", "China deplores": the spokesperson speaks for the body; another state
            # ("日本方面称……。事实恰恰相反。") is named to be answered, in the spokesperson's words
            return turn
        sides = {self.state.side(own.speaker), self.state.side(turn.speaker)}
        if sides == {"CN", "US"}:
            return turn                 # the other side quoted to be answered ("Secretary Blinken claimed that
                                        # ..., which is groundless"): the official's framing of it
        return own

    def attribute_sentence(self, text: str, para_speaker: str | None = None) -> Attribution | None:
        """The sentence's own cue (the CUE rules), or None when it has none (the caller applies
        continuation). para_speaker: the speaker of the previous sentence in the same paragraph."""
        return first_match(CUE_RULES, self.context(text, para_speaker))

    def context(self, text: str, para_speaker: str | None = None, para: Paragraph | None = None,
                full: str | None = None, index: int = 0) -> Context:
        """What the rules read of one sentence; `text` is the part read for its cues."""
        lang = "zh" if detect(text, default=self.state.lang) == "zh" else "en"
        return Context(self.state, self.cues, self.kind, para, text, text if full is None else full, index,
                       para_speaker, lang)

    # ---------------------------------------------------------------- tables
    def table_speaker(self, raw: str) -> tuple[str, str]:
        """(speaker, cue) of a table's speaker cell: a registered name or alias ("耿爽", "Psaki"), a
        transcript-style label ("MS. PSAKI" -> Jen Psaki; "Q" -> narrator), else the cell as written;
        the cue is "question" for a journalist's label, else "table"."""
        cue = "question" if is_question_label(raw, self.cues) else "table"
        name = self.state.resolve_name(raw)
        if name:
            return name, cue
        who = label_speaker(self.state, self.cues, table_label(raw))
        return (who if who == NARRATOR or who in self.state.registry.speakers else raw), cue
