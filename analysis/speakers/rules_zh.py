"""The Chinese attribution rules: each reads one sentence and returns its speaker and cue, or None, and
the subjects they resolve (习近平主席, 他, 双方, 瑞方, 侯赛因总统) to one canonical speaker."""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.ingest.discover import FIRST_PERSON_KINDS
from analysis.speakers.common import (MASK, ZH_ANSWERED, ZH_BARE_TITLE, ZH_CLAUSE, ZH_DATELINE,
                                      ZH_HEAD_TITLE, ZH_NOT_NAME,
                                      ZH_NOT_NAME_BEFORE_TITLE, ZH_SIDE_BODY, ZH_SINGLE_ADVERBS,
                                      ZH_SUBJECT_TAIL, ZH_TITLE_CHAIN, ZH_TITLES, Subject, mask_quotes,
                                      side_of, speaker_list, zh_countries, zh_foreign_name, zh_titles_side)
from analysis.speakers.cues import CueSet
from analysis.speakers.meetings import MEETING_NAMED, MEETING_WORDS, crowd_subject
from analysis.speakers.registry import BOTH, NARRATOR, Title
from analysis.speakers.inside_zh import (ZH_ADDRESSEE, ZH_DATED, ZH_GAVE_SPEECH, ZH_HEADS, ZH_MENTION_CUES, ZH_OWN_NOUN,
                                         ZH_PROPOSAL, ZH_RECALL, ZH_SPEAKER_ACTS, ZH_WILL, head_of_state, recalled, said_after,
                                         shares_speech)
from analysis.speakers.state import ZH_SPOUSE, Attribution, Context, DocState

ZH_PRONOUNS = ("他们", "她们", "他們", "她們", "他", "她")
ZH_FIRST = ("我们", "我們", "我")
ZH_OURS = ("我国", "我國", "我方")     # "our country", "our side": a body, not the speaker
CLAUSE_SPLIT = re.compile("[" + ZH_CLAUSE + "]")
ZH_FIRST_CLAUSE = re.compile("[，,；;。]")      # a sentence's first clause (a list with 、 inside it)
HAN_RUN_END = re.compile(r"[\u3400-\u9fff·]+$")
HAN_NAME = re.compile(r"[\u3400-\u9fff·]+")
# the author speaking for themselves in an account: "据我了解", "我们会及时发布" (addressing the press:
# ZH_ADDRESS / ZH_ASKED below)
ZH_AUTHOR_VOICE = re.compile(r"(?:^|[，、；：]|据|據|正如|如)(?:我们|我們|我(?![国國方军軍]))")
# a meeting, a ceremony or a session as a sentence's subject: "报告会17日在京举行" is narration
ZH_EVENT_SUBJECT = re.compile(r"^[\u4e00-\u9fff、·“”《》0-9A-Za-z]*?(?:" + "|".join(speaker_list("zh_events.txt"))
                              + ")")
# the host addressing the press: 你/你们, and 大家 only as the one spoken to ("向大家介绍", "大家可以看到");
# idioms are not an address (你中有我、你追我赶), nor is 大家 as a subject ("大家一致认为")
ZH_ADDRESS = re.compile(r"你们|你們|(?<!迷)你(?![方国國])|我们?(?:向|请|請|跟|和|同|为|為)大家(?![庭族])|"
                        r"(?:告诉|告訴)大家|大家(?:可以|也可以|也都|都知道|所|关心|關心|注意到|看到|知道)")
# a reporter's question is not the host's voice: "有记者问，你对此有何评论？" (a sentence's own words;
# transcript labels such as 问： are read by analysis.ingest.labels)
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
ZH_SPEECH_EVENT = tuple(speaker_list("zh_speech_events.txt"))
# what may follow a speech event that gives none of the speech's words: its title, the sentence's end
ZH_TOPIC = re.compile(r"^[\s" + MASK + r"]*(?:关于|關於|至于|至於)")
ZH_NAME_WITH = re.compile(r"(?:同|与|與)[^，。]{2,40}?(?:联名|聯名|共同|一道|一起)[^，。]*$")   # "同……联名致贺电"
ZH_EVENT_ONLY = re.compile(r"^(?:[，,]?\s*题为《[^》]*》)?\s*[。！]?\s*$")
LONG_SUBJECT = 30     # characters: a longer "subject" is a clause, read for the names opening it


def name_cap(name: str) -> int:
    """The longest a Chinese name runs: 6 characters, 14 for a transliteration with its dot
    ("班禅额尔德尼·确吉杰布")."""
    return 14 if "·" in name else 6


def zh_name_before_title(before: str) -> str:
    """The name in the characters before a title ("巴基斯坦侯赛因" + 总统 -> "侯赛因"): what follows the
    last country named there; "" when a country stands right before the title ("巴西总统"). Where a
    country's name is only part of a longer word (1 character left: "巴西尔"), the last 2-6 characters."""
    run = HAN_RUN_END.search(before)
    if not run:
        return ""
    run = run.group(0)
    end = max((run.rfind(c) + len(c) for c in zh_countries() if c in run), default=-1)
    cap = name_cap(run)
    if end >= 0 and len(run) - end != 1:
        rest = run[end:]
        return rest if len(rest) <= cap else rest[-cap:]
    return run[-cap:] if len(run) >= 2 else ""


# ---------------------------------------------------------------- subjects
# a document as the subject of a cue: "声明指出", "该声明表示", "贺信中说"
ZH_DOCUMENT_SOURCE = re.compile(r"(?:该|這|这|此|这份|该份)?(?:联合|重要)?(?:声明|聲明|公报|公報|谈话|談話|贺电|賀電|贺信|賀信|复信|回信|信|函|"
                                r"讲话|講話|批示|指示|致辞|致辭|文章)"
                                r"(?:中|里|裡)?")


ZH_OWNED_DOCUMENT = re.compile(r"^(?P<owner>[^，。；：]{2,24}?)(?:的|发布的|發布的|发表的|發表的)" + ZH_DOCUMENT_SOURCE.pattern + "$")


# what may stand between a subject and its verb besides adverbs: a time ("19日", "同一天", "近日") and a
# frame ("在主持座谈会时")
ZH_SUBJECT_TIME = re.compile(r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日|当天|當天|当日|当晚|當晚|同一天|同日|近日|日前|今天|今日|"
                             r"昨天|[（(][^）)]{2,12}[）)]|(?:发表|發表|发布|發布)了?(?:书面|書面)?(?:声明|聲明|公告|通报|通報|谈话|談話)(?:中)?(?:对此)?|"
                             r"在[^，。；：在]{1,24}?(?:时|時|中|上|期间|期間)|"
                             # on whose behalf: "英国副首相科菲代表英国政府感谢……"
                             r"代表[\u4e00-\u9fff]{2,16}?(?:政府|人民|国家|國家|党|黨|方面|中央|界|会|會|团|團|联|聯)(?:发言|發言)?|"
                             # how: "总书记亲切地对大家说"
                             r"(?:亲切|親切|深情|动情|動情|高兴|高興|风趣|風趣|郑重|鄭重|激动|激動|坚定|堅定|明确|明確|诚恳|誠懇|"
                             r"热情|熱情|认真|認真|语重心长|語重心長|意味深长|意味深長)地|"
                             r"代表[\u4e00-\u9fff]{2,12}?(?:发言|發言)|"
                             # to whom: "总书记跟乡亲们说", "他对记者表示"
                             r"(?:跟|向|对|對)(?:[\u4e00-\u9fff]{1,6}?们|记者|記者|媒体|媒體|大家))+$")
# the name of a body the registry lacks ("俄罗斯国防部", "印尼地质局", "以军")
_BODY_ENDINGS = sorted(speaker_list("zh_body_suffixes.txt"), key=len, reverse=True)
ZH_BODY = re.compile(r"^[\u4e00-\u9fff]{2,16}?(?:" + "|".join(_BODY_ENDINGS) + r")$|^以军$|"
                     r"^(?:" + "|".join(e for e in _BODY_ENDINGS if len(e) >= 3) + r")$")   # "商务部" alone
# a body nobody names ("国际机构认为", "有关部门表示", "多家研究机构"): a generic source, narrator
GENERIC_BODY = re.compile(r"^(?:有关|有關|相关|相關|国际|國際|多家|研究|一些|部分|各|多个|多個|某|其他|其它|该|該)")
THAT_SPOKESPERSON = re.compile(r"^(?:该|該|这位|這位|此)(?:新闻|新聞)?(?:发言人|發言人)$")
BODY_END = re.compile("(?:" + "|".join(_BODY_ENDINGS) + ")$")


def resolve_zh(state: DocState, cues: CueSet, subj: str) -> Subject | None:
    """The speaker a Chinese subject names, or None; adverbs, a time and a frame before the verb are not
    part of it."""
    s = ZH_SUBJECT_TAIL.sub("", subj.strip(" \u3000\u2592"))
    t = ZH_SUBJECT_TAIL.sub("", ZH_SUBJECT_TIME.sub("", s))       # "蔡奇在主持座谈会时说", "俄罗斯国防部19日称"
    r = _resolve(state, cues, t) if t and t != s else None
    r = r or _resolve(state, cues, s)
    if r is None and len(s) > 2 and s[-1] in ZH_SINGLE_ADVERBS:
        # "瑞方亦表示", "巴科则表示": a one-character adverb, tried only where the whole does not
        # resolve (首都, a name ending in 均)
        r = _resolve(state, cues, s[:-1])
    return r


def meeting_subject(state: DocState) -> Subject | None:
    """The body whose meeting the text narrated, as a subject; None when no meeting is known."""
    return Subject("body", state.learn(state.meeting, zh_titles_side(state.meeting), "body")) if state.meeting else None


ZH_WITH = ("同", "与", "與", "跟")
ZH_AND = re.compile(r"(?<=.)[和与與及、]")    # (not the first character: 和田浩, 与谢野馨)
ZH_PAIR = re.compile(r"(?:主席|总统|總統|总理|總理|首相|总书记|總書記)?(?:和|与|與|及)(?:[\u4e00-\u9fff]{0,6}?(?:主席|总统|總統|总理|總理|首相))?")


def _resolve(state: DocState, cues: CueSet, s: str) -> Subject | None:
    if not s:
        return None
    for js in cues.get("zh", "joint_subject"):
        if s.startswith(js):
            # "双方要警惕和反对……": what one proposes both should do, in a speech, not the two sides' words
            return None if ZH_PROPOSAL.match(s) else Subject("both", BOTH)
    for p in ZH_FIRST:
        if s.startswith(p) and not s.startswith(ZH_OURS):
            return state.first_person()
    for p in ZH_PRONOUNS:
        if s.startswith(p):
            who = state.pronoun_target()
            return Subject("person", who) if who else None
    if THAT_SPOKESPERSON.match(s):
        # "该发言人还表示": the spokesperson the text just quoted
        return Subject(state.kind(state.current) or "body", state.current) \
            if state.current and state.current not in (NARRATOR, BOTH) else None
    if MEETING_WORDS.match(s):
        # "会议指出", "会议强调": the body whose meeting the text narrated; none known, no speaker
        return meeting_subject(state)
    owned = ZH_OWNED_DOCUMENT.match(s)
    if owned:
        # "哈马斯的声明称", "以色列政府发布的声明称": the document speaks for its owner
        return _resolve(state, cues, owned.group("owner"))
    if ZH_DOCUMENT_SOURCE.fullmatch(s):
        # "声明指出", "贺信中表示": the document speaks for whoever the text had issue it
        who = state.document_source()
        return Subject(state.kind(who) or "body", who) if who else None
    found = state.mentions_in(s)
    if found and found[0][0] > 0 and (ZH_SIDE_BODY.match(s[:2]) or s[:found[0][0]].endswith(ZH_WITH)):
        # "马方对习近平主席的远见……表示赞赏": the side opening the subject speaks; "很高兴同习近平主席共同宣布":
        # a name after 同/与 is whom the subject acts with, not the subject
        found = []
    if found and found[0][0] > 0 and (opening := state.opening_titled(s)) and opening[0] < found[0][0]:
        # "哈桑转达穆罕默德六世国王对习近平主席的……": a name the text introduced with a title opens the
        # subject, before anyone the registry knows
        return Subject("person", state.learn_titled(s, opening))
    if found and state.kind(found[0][2]) != "person" and s[:found[0][0]].endswith(zh_countries()) \
            and not s[:found[0][0]].endswith(("中国", "中國")):
        found = []           # "俄罗斯外交部发言人扎哈罗娃": another state's ministry, not China's
    if len(found) >= 2 and ZH_PAIR.fullmatch(s[found[0][1]:found[1][0]]) and found[0][0] == 0 \
            and {state.kind(found[0][2]), state.kind(found[1][2])} == {"person"} \
            and state.side(found[0][2]) != state.side(found[1][2]) and found[1][1] >= len(s) - 2:
        # "习近平和拜登一致同意": two leaders of two sides as one subject state a joint position
        return Subject("both", BOTH)
    if found and s.startswith(ZH_SPOUSE, found[0][1]):
        # "马克龙夫人表示": the spouse, not the person named; "马克龙夫人布丽吉特表示": the name after the title
        spouse = s[found[0][1] + len(ZH_SPOUSE):] or s[:found[0][1] + len(ZH_SPOUSE)]
        return Subject("person", state.learn(spouse, state.side(found[0][2]), "person"))
    if found:
        # the subject comes first in a Chinese clause; ignore names after 致/向/同/与
        a, b, name = found[0]
        kind = state.kind(name)
        if kind != "person":
            # "外交部发言人毛宁": a body, a title, then the person who holds it speaks
            for a2, b2, name2 in found[1:]:
                if state.kind(name2) == "person" and ZH_BARE_TITLE.fullmatch(s[b:a2]):
                    return Subject("person", name2)
        return Subject("person" if kind == "person" else "body", name)
    for g in cues.get("zh", "generic"):
        if g in s:
            return Subject("generic", NARRATOR)
    if crowd := crowd_subject(cues, s):
        # "大家表示", "广大干部群众表示": a crowd, no speaker; at a body's meeting, "大家一致认为" is the
        # meeting's, but its guests ("与会嘉宾表示") are never the voice of the body that hosts them
        return (meeting_subject(state) if crowd == "members" else None) or Subject("generic", NARRATOR)
    if (first := s if s in state.zh_titled else ZH_AND.split(s, 1)[0]) in state.zh_titled:
        # "巴科表示": a name the text introduced with its title ("哈佛大学校长巴科"), on the side its
        # titles tell ("中央书记处书记蔡奇" CN); two such guests as one subject ("伍德伦和苏博科高度评价"): the
        # first named, as two registered names are read
        return Subject("person", state.learn(first, state.zh_titled_by.get(first, ("", "other"))[1], "person"))
    if ZH_SIDE_BODY.match(s):
        # a side the speaker table does not list, named as the text names it
        return Subject("body", state.learn(s, "other", "body"))
    if s.endswith("方面") and s[:-2] in zh_countries():
        # "乌克兰方面称": the country's side (one the registry knows is found above, "美国方面")
        return Subject("body", state.learn(s[:-2], side_of(s[:-2]), "body"))
    if ZH_SIDE_BODY.match(s[:2]) and not s[2:3].isdigit():
        return _resolve(state, cues, s[:2])
    titled = _titled(state, cues, s)
    if titled is None and ZH_BODY.match(s) and not GENERIC_BODY.match(s):
        # a body the registry lacks, named as the text names it ("俄罗斯国防部", "以军")
        return Subject("body", state.learn(s, zh_titles_side(s), "body"))
    return titled


def strip_titles(state: DocState, name: str) -> str:
    """What follows a title, without another title before the name ("助理乌沙科夫" -> "乌沙科夫",
    "会会长谭森" -> "谭森") and cut to a name the text introduced ("夏立言在视频" -> "夏立言")."""
    for _ in range(3):
        cut = max(((name.find(t) + len(t)) for t in ZH_TITLES if 0 <= name.find(t) <= 3), default=0)
        if not cut or len(name) - cut < 2:
            break
        name = name[cut:]
    known = [n for n in state.zh_titled if name.startswith(n) and n != name]
    return max(known, key=len) if known else name


def _titled(state: DocState, cues: CueSet, s: str) -> Subject | None:
    """A name after its title ("美国哈佛大学校长巴科") or before it ("侯赛因总统"): a person the text
    introduces; a country or an office before a bare title ("巴西总统", "美国国防部长") is no name: with
    no holder named, the office speaks ("德国防长"); an unnamed spokesperson speaks for the body."""
    for t in ZH_TITLES:
        k = s.rfind(t)
        if k >= 0:
            name = s[k + len(t):].strip()
            if name.startswith(tuple(cues.get("zh", "speech"))):
                # "连任尼日利亚总统表示祝贺": a verb of saying follows the title, so this is not
                # a subject ending in a name
                return None
            name = strip_titles(state, name)
            unnamed = not name and s.endswith(t)
            if unnamed and t in ("发言人", "發言人", "负责人", "負責人"):
                body = _spokesperson_body(state, s[:k])
                if body or t in ("负责人", "負責人"):      # no name stands before 负责人: the later rules read it
                    return body
            if unnamed and not s[:k] and (holder := _named_holder(state, t)):
                return Subject("person", holder)    # "总书记强调": the holder the text has named ("习近平总书记")
            if unnamed:
                # a foreign name before its title, "侯赛因总统": the name, not a country or a body
                known = [n for n in state.zh_titled if s[:k].endswith(n)]
                name = max(known, key=len) if known else zh_name_before_title(s[:k])
                if name and not known and (ZH_NOT_NAME.search(name) or ZH_NOT_NAME_BEFORE_TITLE.search(name)
                                           or state.mentions_in(name)):
                    name = ""
            if 2 <= len(name) <= name_cap(name) and HAN_NAME.fullmatch(name) and not ZH_NOT_NAME.search(name):
                # (never a time after the title: "北约外长当天举行会谈")
                return Subject("person", state.learn(name, zh_titles_side(s[:k + len(t)]), "person", [Title(t, 0, None)]))
            if unnamed and s[:k] in zh_countries():
                # "德国防长21日宣布": an office the text names without its holder is its registered
                # holder that year ("美国总统" in 2023 -> Joe Biden), else stays the office (China's own
                # offices go on to the rules after, as before)
                holder = _office_holder(state, s[:k], t)
                if holder or s[:k] not in ("中国", "中國"):
                    return Subject("person", holder or state.learn(s, side_of(s), "person", [Title(t, 0, None)]))
    return None


# Chinese titles and the registry's roles they stand for
ZH_ROLES = {"总统": ("president",), "總統": ("president",), "总理": ("prime minister", "premier"),
            "總理": ("prime minister", "premier"), "首相": ("prime minister",), "外长": ("foreign minister",),
            "外長": ("foreign minister",), "防长": ("defense minister", "secretary of defense"),
            "国务卿": ("secretary of state",), "國務卿": ("secretary of state",),
            "总书记": ("general secretary",), "總書記": ("general secretary",)}


def _named_holder(state: DocState, title: str) -> str | None:
    """The person a bare title means ("总书记说"): the last one the text named who holds it that year."""
    roles = ZH_ROLES.get(title, ())
    if any(lead.endswith(title) for lead, _ in state.zh_titled_by.values()):
        return None     # the text named another holder too ("越共中央总书记苏林"): which one is meant is unclear
    for name in reversed(state.mentions):
        sp = state.speaker(name)
        if sp is not None and any(sp.has_title(r, state.year) for r in roles):
            return name
    return None


def _office_holder(state: DocState, country: str, title: str) -> str | None:
    """The one registered person of the country's side holding the title in the document's year."""
    side = side_of(country)
    roles = ZH_ROLES.get(title, ())
    found = [sp.name for sp in state.registry.speakers.values()
             if roles and sp.kind == "person" and sp.side == side and side in ("CN", "US")
             and any(sp.has_title(r, state.year) for r in roles)]
    return found[0] if len(found) == 1 else None


def _spokesperson_body(state: DocState, before: str) -> Subject | None:
    """The body an unnamed spokesperson speaks for ("……国家安全公署发言人", "商务部新闻发言人": never
    "商务部新闻"): one the text knows, else a body's name as the text gives it; None otherwise."""
    body = re.sub("(?:新闻|新聞)$", "", before)
    if not 2 <= len(body) <= 32 or body[0] in "从從在对對向据據由经經与與和同把被为為":
        return None     # "从国防部发言人表态中可以看出": a preposition opens no subject
    known = state.mentions_in(body)
    if known and known[-1][1] == len(body) and state.kind(known[-1][2]) != "person":
        return Subject("body", known[-1][2])
    if BODY_END.search(body) and not GENERIC_BODY.match(body):
        return Subject("body", state.learn(body, zh_titles_side(body, "CN" if state.lang == "zh" else "other"), "body"))
    return None


def head_names(state: DocState, head: str) -> list[str]:
    """The opening of a Chinese sentence up to its first named person, titles included
    ("国家主席习近平"), so that a subject is only taken from the start of the sentence."""
    h = head.strip(" " + MASK)
    found = state.mentions_in(h)
    if not found:
        return []
    a, b, _ = found[0]
    lead = h[:a]
    if lead and not ZH_TITLE_CHAIN.fullmatch(lead) and not ZH_HEAD_TITLE.fullmatch(lead):
        return []
    return [h[:b]]


# ---------------------------------------------------------------- one sentence, read once
@dataclass
class Reading:
    """A Chinese sentence as the rules read it: quotes and a dateline masked, its cue verbs in order of
    place, its first clause, and whether its author addresses the press in it."""
    masked: str
    qspans: list
    events: list          # (start, end, "speech" | "narration")
    head: str             # up to the first clause mark
    addressed: bool       # the author addressing the press ("正如你所说", "至于你问到")


def reading(s: Context) -> Reading:
    if "zh" not in s.memo:
        masked, qspans = mask_quotes(s.text)
        m = ZH_DATELINE.match(masked)
        if m:  # "新华社北京5月18日电" is the agency's dateline, not a speaker
            masked = MASK * m.end() + masked[m.end():]
        # a verb of saying before 的 names a thing, not a speech ("习近平主席提出的全球发展倡议")
        events = [(m.start(), m.end(), "speech") for m in s.cues.regex("zh", "speech", "joint_verb", "meeting_verb").finditer(masked)
                  if not masked.startswith("的", m.end())]
        events += [(m.start(), m.end(), "narration") for m in s.cues.regex("zh", "narration").finditer(masked)]
        # the longer of two cues at one place first: "介绍了" (narration) is read before "介绍" (saying)
        events.sort(key=lambda e: (e[0], -e[1]))
        plain = ZH_IDIOMS.sub("", masked)
        # the spokesperson's own sentence, whatever it narrates, unless the sentence has a named
        # speaker's cue ("蓬佩奥说，你们..."); inside another speaker's paragraph only the reporter's
        # question ("至于你问到"), where a plain 你/你们 is that speaker's
        addressed = bool(s.state.author and s.kind not in FIRST_PERSON_KINDS and not ZH_QUESTION.search(plain)
                         and (ZH_ASKED.search(plain) or (s.first and ZH_ADDRESS.search(plain))))
        s.memo["zh"] = Reading(masked, qspans, events, CLAUSE_SPLIT.split(masked)[0], addressed)
    return s.memo["zh"]


# ---------------------------------------------------------------- the rules
def cue_verbs(s: Context) -> Attribution | None:
    """Verbs of saying and of narration, in the order they come: the first whose subject decides gives
    the speaker. Where the author frames another's words ("我在这里可以强调一下，王毅外长强调..."), the
    author, unless a later cue decides."""
    z = reading(s)
    framed = False
    for start, end, kind in z.events:
        before = z.masked[:start]
        k = max(before.rfind(c) for c in ZH_CLAUSE)
        subj = before[k + 1:]
        initial = not any(c in before for c in ZH_CLAUSE)
        if initial and ZH_TOPIC.match(before):    # "关于普京总统呼吁……，": the topic the answer takes up
            continue
        if kind == "narration":
            if z.addressed or framed:
                continue    # the host's own sentence narrates; only a named speaker's cue beats it
            if z.masked[start:end] in ZH_BRIEFED and (
                    any(k2 == "speech" and a > start for a, _, k2 in z.events)
                    or ZH_POSITION.search(z.masked, end) or ZH_FIRST_LEAD.search(subj.strip(" " + MASK))):
                # "李希介绍了……情况，表示……": the briefing leads into what the speaker said; a position
                # briefed is the speaker's ("介绍了……中方原则立场"), and so is the host's own ("我已经介绍了")
                continue
            if z.masked[start:end] in ZH_CONVEY:
                asker = ZH_ASKS_TO_CONVEY.search(before)
                r = resolve_zh(s.state, s.cues, asker.group("who")) if asker else None
                if r is not None and r.kind == "person":
                    # "拉马福萨请李强转达对习近平主席的问候，表示……": the greetings and what follows are
                    # the one who asks
                    return Attribution(r.name, "reported")
                # "王岐山首先……转达习近平主席的亲切问候，他表示……": a verb of saying after it decides;
                # alone, the greetings are the one whose they are ("转达了习近平主席的问候" -> Xi)
                if any(k == "speech" and a > start and CLAUSE_SPLIT.search(z.masked, end, a) for a, _, k in z.events):
                    continue
                att = conveyed(s, z.masked[end:end + 40])
                if att is not None:
                    return att
            if said_after(z.events, z.masked, end):
                continue    # "李强会见蒙古国总理，表示……", "夏巴兹到使馆吊唁，表示……": the act leads into what the
                            # subject said, in a later clause with no subject of its own
            att = narration_verb(s, z, before, end, subj, initial)
        else:
            att = speech_verb(s, z, start, end, subj, initial)
            if att is not None and att.cue == "first_person":
                framed = True
                continue
        if att is not None:
            return att
    return Attribution(s.state.author, "first_person") if framed else None


ZH_CONVEY = ("转达", "轉達")
ZH_BRIEFED = ("介绍了", "介紹了")     # alone, "赵乐际介绍了……有关情况" is narration
ZH_POSITION = re.compile(r"(?:立场|立場|主张|主張|观点|觀點|看法|态度|態度)[。！]?\s*$")
ZH_ASKS_TO_CONVEY = re.compile(r"^[\s" + MASK + r"]*(?P<who>[^，。；：\s" + MASK + r"]{2,20}?)(?:还|還|也)?(?:请|請)[^，。；：]{2,12}$")
ZH_WHEN_CLAUSE = re.compile(r"[^，。；：]{0,16}?(?:时|時)[，,]?")   # "会见斯凯里特时赵乐际表示"
ZH_GREETINGS = re.compile(r"问候|問候|祝愿|祝願|祝贺|祝賀|祝福|谢意|謝意|感谢|感謝|敬意|慰问|慰問")
ZH_CONVEYED = re.compile(r"^了?(?P<who>[^，。；、对對的]{2,14}?)(?:对|對|的)")


def conveyed(s: Context, after: str) -> Attribution | None:
    """The person whose greetings are conveyed, named right after 转达 ("转达习近平主席的亲切问候",
    "转达萨勒曼国王对习近平的问候"): the greetings are theirs; None for "请王岐山转达对习近平主席的问候"
    (the subject's own) and for a message whose words the text gives after ("转达……的口信")."""
    m = ZH_CONVEYED.match(after)
    if not m or not ZH_GREETINGS.search(after.split("，")[0]):
        return None     # "转达习近平主席致特朗普总统的口信": a message whose words come after, narration
    r = resolve_zh(s.state, s.cues, m.group("who"))
    return Attribution(r.name, "embedded") if r and r.kind == "person" else None


# the end of an adverbial frame right before a verb of saying: "……审议时说", "……发言后表示"
ZH_FRAME_TAIL = re.compile(r"(?:中|时|時|期间|期間|上|后|後|之际|之際)(?:还|還|也|再次|进一步|進一步|都)?$")


def frames_speech(z: Reading, end: int) -> bool:
    """Whether a verb of saying follows in the same clause right after the end of a frame."""
    for a, _, kind in z.events:
        if a <= end or kind != "speech":
            continue
        gap = z.masked[end:a]
        if len(gap) > 40 or CLAUSE_SPLIT.search(gap):
            return False
        if ZH_FRAME_TAIL.search(gap):
            return True
    return False


def narration_verb(s: Context, z: Reading, before: str, end: int, subj: str, initial: bool) -> Attribution | None:
    """"双方讨论了", "王毅会见了": narration when it opens the sentence or a speaker's run; inside a
    speaker's paragraph, another person's action ("胡春华出席会议") or a meeting's ("报告会17日在京举行")."""
    if not s.first and ZH_SPEAKER_ACTS.search(subj):
        return None     # "费尔南德斯表示，……。今年2月我赴北京出席冬奥会开幕式……": the speaker recounts what they did
    if (ZH_FRAME.search(before) and ZH_FRAME_END.match(z.masked[end:])) or frames_speech(z, end):
        # "习近平主席在会见中指出", "王毅在参加广西代表团审议时说", "刘国中参加河南代表团审议时说",
        # "王沪宁在听取代表们发言后表示": the act frames the verb of saying that follows it in the same clause
        return None
    if not subj.strip(" " + MASK) and ZH_WHEN_CLAUSE.match(z.masked[end:]):
        return None     # "会见文在寅时，王岐山……": a time clause, the sentence's subject comes after it
    r = resolve_zh(s.state, s.cues, subj) or (resolve_zh(s.state, s.cues, z.head) if not subj.strip() else None)
    if r and r.kind == "both" and shares_speech(z, end, s.cues.get("zh", "joint_verb")):
        return None     # "双方就……交换意见，一致认为……": the two sides' act, then their joint position
    if r and (s.first or (initial and r.kind == "both")) and r.kind in ("both", "person", "body"):
        return Attribution(NARRATOR, "narration")
    if initial and not s.first and (
            (r and r.kind == "person" and r.name != s.para_speaker and not ZH_MODAL.search(subj)
             and not ZH_RECALL.search(subj) and not ZH_ADDRESSEE.search(subj) and not ZH_DATED.search(subj))
            or (r is None and ZH_EVENT_SUBJECT.match(subj.strip(" " + MASK)))):
        return Attribution(NARRATOR, "narration")
    # the speaker named again doing something ("随后，习近平听取汇报", "上午10时许，习近平来到……"): the
    # account of the event goes on, the speech has ended (after at most a short opening clause)
    if (not s.first and r and r.kind == "person" and r.name == s.para_speaker and not ZH_MODAL.search(subj)
            and (named := s.state.mentions_in(subj)) and named[0][2] == r.name and len(before) - len(subj) <= 14):
        return Attribution(NARRATOR, "narration")
    return None


ZH_RECEIVED = re.compile(r"(?:受到|得到|获得|獲得|赢得|贏得|广受|廣受|深受)[^，。；]{0,20}$")


def speech_verb(s: Context, z: Reading, start: int, end: int, subj: str, initial: bool) -> Attribution | None:
    """"刘鹤表示", "双方一致认为", "他说": the verb's subject speaks; a verb opening the sentence goes on
    with the current speaker; the author framing another's words gives the author (first_person)."""
    cue = z.masked[start:end]
    bare = ZH_SUBJECT_TAIL.sub("", subj.strip(" " + MASK))     # the subject without its adverbs
    if cue in s.cues.get("zh", "meeting_verb") and not (MEETING_NAMED.search(bare) and z.masked[end:end + 1] in "，,：:") \
            and not ZH_DOCUMENT_SOURCE.fullmatch(bare):   # "要求" is a meeting's words ("会议要求，……") or a document's
        return None    # ("文章部署了……任务", like 文章提出了), not anyone's demand, nor "会议部署了……"
    if ZH_FRAME.search(subj) and frames_speech(z, end):
        return None    # "在回答……提问时说", "在视频致辞中表示": a speech inside a frame; the later verb decides
    if initial and not bare:
        # "表示，……", "由衷感谢习主席……": a verb opening the sentence with no subject of its own (adverbs
        # at most) goes on with the current speaker
        cur = s.state.current
        return Attribution(cur, "continuation") if cur and cur != NARRATOR else None
    if ZH_RECEIVED.search(subj):
        return None    # "拜登的讲话受到民主党议员高度评价": the praise received, no words of the subject
    if cue in ZH_SPEECH_EVENT and ZH_WILL.search(subj):
        return None    # "外交部长王毅将发表讲话": an announcement of what someone will say
    if ((cue in ZH_SPEECH_EVENT and ZH_EVENT_ONLY.match(z.masked[end:]))
            or (cue == "回答" and ZH_ANSWERED.match(z.masked[end:]))):
        # "……回答了中外记者提问。": that questions were answered, none of the answers
        # "国家主席习近平……发表致辞。新华社记者……摄": that a speech was given, with none of its words
        return Attribution(NARRATOR, "narration")
    r = speech_subject(s, z, subj, initial)
    if r is None:
        return None
    if r.kind == "person" and r.name == s.state.author and s.first and ZH_FIRST_LEAD.match(subj.strip(" " + MASK)):
        # "我在这里可以强调一下，...王毅外长强调...": the author frames another's words
        return Attribution(r.name, "first_person")
    if r.kind == "generic":
        return Attribution(NARRATOR, "reported")
    head = ZH_FIRST_CLAUSE.split(z.masked)[0]
    if (not s.first and r.name != s.para_speaker and s.para_speaker not in (None, BOTH)
            and s.state.kind(s.para_speaker) == "person") and (
            # "韩正表示，……。习近平主席高度重视……工作" / "提出全球治理倡议": another's regard or proposal with
            # its object, no words of theirs; "李强表示，……。习近平主席去年访问泰国，双方宣布……", "……同总统
            # 先生举行了会晤，共同宣布……": the speaker recalls, to the guest, what others did
            (cue in ZH_MENTION_CUES and r.kind == "person" and z.masked[end:end + 1] not in "，,：:“要应應将將把让讓使"
             and not any(k == "speech" and a > end for a, _, k in z.events))
            # "丁薛祥表示，……。习近平主席在……开幕式上发表主旨演讲，宣布……": the speech another gave, recalled
            or (r.kind == "person" and ZH_GAVE_SPEECH.search(z.masked, 0, start) and recalled(s, z.masked[:start]))
            or (not initial and ZH_ADDRESSEE.search(head) and (r.kind == "both" or not bare))
            # "韩正表示，……。去年9月，习近平主席和马杜罗总统共同宣布……": a past act recalled
            or (not initial and r.kind == "both" and ZH_RECALL.search(head))
            # "李希表示，……。两国元首宣布建立……": the heads of state's act, recalled by the speaker (what they
            # agreed or reaffirmed stays their joint position)
            or (r.kind == "both" and cue == "宣布" and ZH_HEADS.match(bare) and not head_of_state(s))
            or (not initial and r.kind == "person" and ZH_RECALL.search(head[:6]))):    # the sentence opens with it
        return Attribution(s.para_speaker, "continuation")
    if r.kind == "both":
        return Attribution(BOTH, "joint")
    if cue in s.cues.get("zh", "joint_verb"):
        return None
    return Attribution(r.name, "quote" if z.qspans else "reported")


def speech_subject(s: Context, z: Reading, subj: str, initial: bool) -> Subject | None:
    """The subject of a verb of saying: the words before it, else the names opening a long subject,
    else (in a later clause) the side or the person that opens the sentence."""
    st, cues = s.state, s.cues
    r = None
    if not initial and subj.strip(" " + MASK) in ZH_PRONOUNS and (names := head_names(st, z.head)):
        # "王岐山首先……转达……，他表示": 他 in a later clause is the person the sentence opens with
        return resolve_zh(st, cues, names[0])
    if subj.strip(" " + MASK) and (len(subj) <= LONG_SUBJECT or subj.startswith(tuple(cues.get("zh", "joint_subject")))):
        r = resolve_zh(st, cues, subj)
    bare = ZH_SUBJECT_TAIL.sub("", subj.strip(" " + MASK))
    # the name alone, or before what the sentence says they did with another ("迪亚斯-卡内尔同……联名致贺电表示")
    bare = bare if zh_foreign_name(bare) else ZH_NAME_WITH.sub("", bare)
    if r is None and initial and s.first and zh_foreign_name(bare):
        # "洛伦索表示，……" opening a paragraph: a foreign name the text gives bare (its introduction not in
        # the text); inside a speech, "埃塞希望……" is the speaker's country
        r = Subject("person", st.learn(bare, "other", "person"))
    if r is None and len(subj) > LONG_SUBJECT and (names := head_names(st, subj)):
        # a long subject that opens with titles and a name: "国家主席习近平对...作出重要指示强调"
        r = resolve_zh(st, cues, names[0])
    if (r is None and len(subj) > LONG_SUBJECT and (titled := st.opening_titled(head := subj.strip(" " + MASK)))
            and not CLAUSE_SPLIT.search(head[:titled[0]])):
        # the same with a name the text introduced after its title: "……中央组织部部长石泰峰在参加……时说"
        r = Subject("person", st.learn_titled(head, titled))
    if r is None and not initial and (ZH_SIDE_BODY.match(z.head.strip(" " + MASK)[:2]) or (
            s.first and z.head.strip(" " + MASK).startswith(tuple(cues.get("zh", "joint_subject")))
            and not ZH_PROPOSAL.match(z.head.strip(" " + MASK)))):
        # "瑞方积极评价中瑞关系，表示...": the side that opens the sentence; "两国元首积极评价……，一致同意": both
        # ("双方要……，反对……" is a proposal in someone's speech, not the sides' position)
        r = resolve_zh(st, cues, z.head.strip(" " + MASK)[:2])
    if r is None and not initial and not ZH_OWN_NOUN.search(z.head) and (names := head_names(st, z.head)):
        # "习近平...回信，对...表示欢迎": a later clause shares the sentence's subject
        r = resolve_zh(st, cues, names[0])
    first = ZH_FIRST_CLAUSE.split(z.masked)[0].strip(" " + MASK)
    if (r is None and not initial and (titled := st.opening_titled(first))
            and not titled[1].startswith(tuple(cues.get("zh", "speech")))):
        # "王瑞杰高度评价……，表示……": a name the text gave after a title opens the sentence
        r = Subject("person", st.learn_titled(first, titled))
    return r


def author_addresses_press(s: Context) -> Attribution | None:
    """The host of a press conference addressing the press ("正如你所说", "至于你问到"): the host's own
    sentence, whatever it narrates."""
    return Attribution(s.state.author, "first_person") if reading(s).addressed else None


def author_voice(s: Context) -> Attribution | None:
    """The author's own voice in an account: a spokesperson's "据我了解", "我们已经发布了消息"."""
    author = s.state.author
    if s.first and author and s.kind not in FIRST_PERSON_KINDS and ZH_AUTHOR_VOICE.search(reading(s).masked):
        return Attribution(author, "first_person")
    return None
