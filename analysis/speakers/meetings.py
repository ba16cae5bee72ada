"""Meetings a Chinese text narrates, and the body whose meeting it is: "会议指出" / "会议强调" speak for
the body that held the meeting ("中共全国政协党组召开（扩大）会议" -> 中共全国政协党组; "李强主持召开国务院党组
会议" -> 国务院党组; "二十届首都规划建设委员会第六次全体会议在京召开" -> 首都规划建设委员会), else for the
meeting as the text names it ("中央和国家机关党的工作暨纪检工作会议1月26日在京召开"); and the crowds at a
meeting ("大家", "与会代表们", "与会嘉宾")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.speakers.cues import CueSet


HAN = r"[\u4e00-\u9fff（）()“”·、]"
DAY = r"(?:\d{1,2}月\d{1,2}日|\d{1,2}日)"
WHEN = rf"(?:{DAY}(?:至{DAY})?|今天|当天|日前|近日)?(?:上午|下午|晚上|晚)?(?:在[\u4e00-\u9fff]{{1,8}})?"
KIND = r"(?:（扩大）|\(扩大\)|扩大)?(?:第[一二三四五六七八九十百零\d]{1,6}次)?(?:专题|全体|常务|民主生活)?会议"
# "X召开会议", "X1日举行会议", "X召开（扩大）会议"
HOLDS = re.compile(rf"(?P<org>{HAN}{{2,30}}?){WHEN}(?:召开|举行|舉行)了?{KIND}")
# "李强主持召开国务院党组会议", "主持召开中央全面深化改革委员会第五次会议"
CHAIRS = re.compile(rf"主持召开(?P<org>{HAN}{{2,30}}?){KIND}")
# "……工作会议1月26日在京召开", "二十届首都规划建设委员会第六次全体会议11月20日在京召开"
NAMED = re.compile(rf"(?P<name>{HAN}{{4,40}}?(?:会议|全会|大会|座谈会)){WHEN}(?:召开|举行|舉行|开幕|開幕)")
TERM = re.compile(r"^(?:中共)?(?:[一二三四五六七八九十]{1,3}届|第[一二三四五六七八九十]{1,3}届)")
NUMBERED = re.compile(r"^(?P<org>.{2,30}?)第[一二三四五六七八九十百零\d]{1,6}次(?:全体)?会议$")
# a meeting named after its body: "……专项工作机制会议", "……领导小组会议" (the body speaks, not "……会议")
BODY_MEETING = re.compile(r"^(?P<org>.{2,40}?(?:机制|小组|委员会|党组|工作组))(?:全体|专题|扩大|（扩大）)?会议$")
NOT_ORG = re.compile(r"主持|出席|参加|发表|讲话|[，。；：]")
# a time before the body's name: "今天上午中共中央政治局召开会议"
LEADING_TIME = re.compile(r"^(?:\d{1,2}月\d{1,2}日|\d{1,2}日|今天|昨天|当天|日前|近日|同日)?(?:上午|下午|晚上|晚)?")
# a meeting narrated as held, whatever its body: a new meeting the next "会议指出" may mean
HELD = re.compile(r"(?:会议|全会|大会|座谈会)[^，。；]{0,20}?(?:召开|举行|舉行|开幕|開幕)|(?:召开|举行|舉行)[^，。；]{0,20}?(?:会议|全会|大会|座谈会)")
# what CHAIRS, HOLDS, NAMED and HELD each need one of (meeting_body's quick test)
HELD_VERBS = ("召开", "举行", "舉行", "开幕", "開幕")
# the words that mean the meeting as a subject ("会议指出", "这次会议强调")
MEETING_NOUN = r"(?:会议|會議|全会|全會|大会|大會|座谈会|座談會)"
MEETING_WORDS = re.compile(r"^(?:这次|這次|本次|此次|该次|該次)?" + MEETING_NOUN + "$")
# a subject that ends in a meeting, bare or named: "会议", "中央经济工作会议"
MEETING_NAMED = re.compile(MEETING_NOUN + "$")


def meeting_body(text: str) -> str | None:
    """The body whose meeting a narrated sentence reports, as the text names it; "" when it reports a
    meeting held whose body cannot be read (the previous meeting is no longer meant); None when it
    reports no meeting."""
    # each of CHAIRS, HOLDS, NAMED and HELD needs one of the HELD_VERBS: a text without any reports
    # no meeting (HOLDS and NAMED open with a lazy run of characters, tried at every place: slow)
    if not any(map(text.__contains__, HELD_VERBS)):
        return None
    hits = [m for m in (p.search(text) for p in (CHAIRS, HOLDS, NAMED)) if m]
    for m in sorted(hits, key=lambda m: m.start()):
        if "org" in m.groupdict() and m.group("org"):
            org = m.group("org")
        else:
            name = m.group("name")
            numbered = NUMBERED.match(TERM.sub("", name)) or BODY_MEETING.match(TERM.sub("", name))
            org = numbered.group("org") if numbered else name
        org = TERM.sub(lambda t: "中共" if t.group(0).startswith("中共") else "", LEADING_TIME.sub("", org.strip("，、 ")))
        if 2 <= len(org) <= 40 and not NOT_ORG.search(org):
            return org
    return "" if HELD.search(text) else None


ZH_GUESTS = ("嘉宾", "嘉賓", "外方代表")
ZH_CROWD_LEAD = ("广大", "廣大", "与会", "與會", "全体", "全體", "各界", "在场", "在場")


def crowd_subject(cues: CueSet, s: str) -> str | None:
    """Whether the whole subject is a crowd ("大家", "广大干部群众", "与会代表们"): "guests" for a meeting's
    guests ("与会嘉宾"), "members" for any other crowd, else None."""
    for lead in ZH_CROWD_LEAD:
        if s.startswith(lead):
            s = s[len(lead):]
            break
    if s not in cues.get("zh", "crowd"):
        return None
    return "guests" if any(g in s for g in ZH_GUESTS) else "members"
