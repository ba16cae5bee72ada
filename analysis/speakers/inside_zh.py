"""What inside a speaker's Chinese speech is still that speech though another person or both sides act in it: a past
act recalled to the guest, the listener addressed, another's regard or proposal with its object, a speech another
gave recalled (analysis/data/speakers/zh_inside_speech.tsv); a joint position after the two sides' act; and the
words an act leads into ("李强会见……，表示……")."""
from __future__ import annotations

import re

from analysis.speakers.common import MASK, ZH_CLAUSE, ZH_SUBJECT_TAIL, ZH_TITLES, speaker_table
from analysis.speakers.state import Context

# what someone will do, not did: "外交部长王毅将发表讲话"
ZH_WILL = re.compile(r"(?<![上中少大])(?:将要|將要|即将|即將|将|將)")

# inside a speaker's paragraph, part of the speech though another acts: a past act recalled, the listener
# addressed, another's regard or proposal with its object (analysis/data/speakers/zh_inside_speech.tsv)
_INSIDE = speaker_table("zh_inside_speech.tsv", "kind", "word")
ZH_RECALL, ZH_ADDRESSEE = (re.compile("|".join(_INSIDE[k])) for k in ("recall", "addressee"))
ZH_MENTION_CUES = tuple(_INSIDE["mention"])


# the heads of state as one subject: their act recalled in a speech ("两国元首宣布建立……")
ZH_HEADS = re.compile(r"^(?:两国元首|兩國元首|两国领导人|兩國領導人)")
# a name inside a noun phrase ("习近平主席提出的……十大伙伴行动令人鼓舞"): not the subject of a later clause
ZH_OWN_NOUN = re.compile(r"(?:提出|倡导|倡導|发起|發起|宣布)的")
# the speaker acting in what they recount, as the subject after a time at most ("今年2月我赴北京出席……"; not
# "李强同我驻德国使馆……", "我军", "我们的记者"): their speech goes on
ZH_SPEAKER_ACTS = re.compile(r"^[\s▒]*(?:(?:(?:[\d一二三四五六七八九十今去明前上下本这那此]+[年月日天周次])+|当时|曾经|此前|日前|不久前)[，,]?)?"
                             r"(?:我(?![国國方驻駐军軍省市校院部们們的])|我们(?!的)|我們(?!的))")
# an act another did in a year named, inside a speech: recalled ("习近平主席2016年成功访问柬埔寨")
ZH_DATED = re.compile(r"(?:19|20)\d\d年")
# what one side proposes the two should do: "双方要……", "两国应……"
ZH_PROPOSAL = re.compile(r"^(?:双方|雙方|两国|兩國)(?:都|也|还|還)?(?:要|应|應|应当|應當|必须|必須|需要)")


def shares_speech(z, end: int, joint_verbs: tuple) -> bool:
    """(z: rules_zh.Reading) Whether the next verb of saying after end opens a later clause with no subject of its own (its
    adverbs at most), so that it shares the subject of the act before it."""
    for a, b, kind in z.events:
        if a > end and kind == "speech" and z.masked[a:b] not in joint_verbs:   # "……，达成……共识": narrated
            gap = z.masked[end:a]
            cut = max(gap.rfind(c) for c in ZH_CLAUSE)
            return cut >= 0 and not ZH_SUBJECT_TAIL.sub("", gap[cut + 1:].strip(" " + MASK))
    return False


# a speech given ("……在开幕式上发表主旨演讲，"): recalled inside another's speech when recalled() says so
ZH_GAVE_SPEECH = re.compile(r"(?:发表|發表)[^，。；]{0,12}?(?:讲话|講話|演讲|演講|致辞|致辭)[，,]")
# what happened next, not recalled: "古特雷斯随后发表主旨演讲"
ZH_NEXT = re.compile(r"随后|隨後|接着|接著|然后|然後|也|还|還")


def recalled(s: Context, before: str) -> bool:
    """Whether a speech another gave is recalled inside a speech, not a new speaker's (a name before its
    title, as one names a leader to a guest: "习近平主席在……发表主旨演讲", or a past time), never after
    随后/接着 (what happened next) or 将 (what will)."""
    if ZH_NEXT.search(before) or ZH_WILL.search(before):
        return False
    if ZH_RECALL.search(before):
        return True
    found = s.state.mentions_in(before)
    if not found:
        return False
    a, b, _ = found[0]
    # the name first, its title after it (within the alias matched, "习近平主席", or right after it)
    return not any(t in before[:a] for t in ZH_TITLES) and any(before.find(t, a + 1, b + 4) > 0 for t in ZH_TITLES)


def head_of_state(s: Context) -> bool:
    """Whether the paragraph's speaker is a head of state (then "两国元首宣布……" in their paragraph is the
    readout's narration of what the two did, not the speaker recalling it)."""
    sp = s.state.speaker(s.para_speaker) if s.para_speaker else None
    return sp is not None and sp.has_title("president", s.state.year)


# the verbs of saying that carry on a sentence whose subject acted first ("李强会见……，表示……")
ZH_SAYS = frozenset("表示 指出 强调 強調 说 說 重申 认为 認為 宣布 希望".split())


def said_after(events: list, masked: str, end: int) -> bool:
    """Whether a verb of saying opens a later clause of the sentence with no subject of its own ("，表示",
    "，并强调"); events: the sentence's cue verbs (start, end, kind) in order, masked: its text as read."""
    for a, b, kind in events:
        if a > end and kind == "speech":
            if masked[a:b] not in ZH_SAYS:
                return False    # ("……落实共识，回应……关切": an act, not words said)
            k = max(masked.rfind(c, end, a) for c in ZH_CLAUSE)
            return k >= end and not ZH_SUBJECT_TAIL.sub("", masked[k + 1:a].strip(" " + MASK)).strip("并並还還也")
    return False
