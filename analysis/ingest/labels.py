"""Transcript speaker labels ("MR. PRICE:", "Q    ", "答：", "Mr. X (Mauritania):"): what a label looks like
(LABEL, TURN_LABEL, label_match), which labels are a journalist's question or the host's answer (label_is),
and the name a label gives (label_name); analysis.ingest.layout lays turns out with them and
analysis.speakers resolves a label's name to a speaker."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.data import data_lines
from analysis.speakers.cues import CueSet, load_cues

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Two limits on a Chinese label, for two purposes:
ZH_LABEL_MAX = 6    # hanzi in a label that opens a turn: names and titles ("赵立坚：", "外交部发言人：")
# hanzi before a colon that keep an ideographic indent on their line ("答：　　中方坚决反对"): fewer,
# because a longer lead-in before a colon and an indent is an introduction whose line break was lost
# ("回信全文如下：　　你们好！" is cut there, and its second half is a paragraph of its own)
ZH_LABEL_BEFORE_INDENT_MAX = 4
EN_LABEL_MAX = 40                # characters between the first and last of an English label ("MR. PRICE")
EN_LABEL_BEFORE_INDENT_MAX = 30  # characters after the first of an English label before an indent
_LABEL_NAME = rf"(?P<label>(?:Q|A|[A-Z][A-Z.'\- ]{{1,{EN_LABEL_MAX}}}[A-Z.]|[\u4e00-\u9fff]{{1,{ZH_LABEL_MAX}}}))"
# a label, bare or in bold as a whole ("**MS. JEAN-PIERRE:** Good afternoon"); a bold line with its
# colon inside ("**国际人士：美国标榜和平……**") is a headline, not a turn
LABEL = re.compile(rf"^\s*{_LABEL_NAME}\s*(?P<colon>[:：])\s*")
BOLD_LABEL = re.compile(rf"^\s*\*\*{_LABEL_NAME}\s*(?P<colon>[:：])\*\*\s*")
# a Chinese reporter's label as the MFA prints it: an outlet of any length, then 记者 ("《环球时报》记者：",
# "中央广播电视总台央视记者：", "总台CGTN记者：")
ZH_REPORTER_LABEL = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff《》〈〉A-Za-z·]{1,20}?(?:记者|記者))(?P<colon>[:：])\s*(?=\S)")
# whitehouse.gov's own print: a question as "Q" and spaces or a tab (no colon), an official's label
# ending in a period and two spaces ("MR. KIRBY.  Thanks.")
SPACED_LABEL = re.compile(r"^\s*(?P<label>Q|A)(?P<colon>\t+| {2,})(?=\S)")
PERIOD_LABEL = re.compile(rf"^\s*(?P<label>[A-Z][A-Z.'\- ]{{1,{EN_LABEL_MAX}}}[A-Z])(?P<colon>\.)(?:\t+| {{2,}})(?=\S)")
# the UN's verbatim records (A/59/PV.10): a delegate's turn as "Mr. Mohamed Vall OULD BELLAL (Mauritania):"
PV_LABEL = re.compile(r"^\s*(?P<label>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Sheikh|Sheikha|Prince|Princess|King|Queen|Cardinal|"
                      r"Archbishop|Monsignor|Lord|Baroness)\.?\s+[A-Z][^:()\n]{1,60}?\s+\([A-Z][^():\n]{2,50}\))"
                      r"\s*(?P<colon>:)\s*")
OUTLET_LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w.&'\-]*(?: [A-Z][\w.&'\-]*){0,4})(?P<colon>:)\s+(?=\S)")
TURN_LABEL = re.compile(rf"[\u4e00-\u9fff]{{1,{ZH_LABEL_BEFORE_INDENT_MAX}}}[：:]|"   # 答：, 毛宁：, MR. PRICE:
                        rf"[A-Z][A-Za-z .]{{0,{EN_LABEL_BEFORE_INDENT_MAX}}}:")
URL_OR_DATE = re.compile(r"^\s*(?:https?://\S+|www\.\S+|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
                         r"(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?)\s*$")


# a Chinese "label" that ends in a verb of saying is the sentence's subject and verb ("王毅说："), or that introduces
# a saying ("中国有句古语：")
ZH_SAYS_END = re.compile(r"(?:说|說|表示|指出|强调|強調|称|稱|宣布|认为|認為|回答|介绍|介紹|重申|透露|问道|問道|答道)$|"
                         r"古语|古語|俗话|俗話|谚语|諺語|常言|有句话|有句話|名言")     # "中国有句古语：知人者智"


# a numbered point opening a line: "第一个视角：", "一是：", "首先："
ZH_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十百\d]+(?:个|個|点|點|条|條|方面|部分)|[一二三四五六七八九十]是|首先|其次|再次|"
                        r"最后|其[一二三四五])")     # (not "第一财经记者：", an outlet)


def label_match(line: str) -> re.Match | None:
    """The transcript label opening a line ("MR. PRICE:", "Q:", "Q    ", "MR. KIRBY.  ", "赵立坚："),
    or None. A value that is a URL or a date is never a turn ("原文：https://...")."""
    if line.lstrip().startswith("**"):
        return BOLD_LABEL.match(line)
    m = LABEL.match(line) or ZH_REPORTER_LABEL.match(line) or SPACED_LABEL.match(line)
    if not m:
        m = PERIOD_LABEL.match(line)
        # "MR. KIRBY.  Thanks.": an honorific or an office first, so a Roman numeral ("III.  Security")
        # or a dateline ("UNITED NATIONS.  The Council met") is no speaker
        if m and not _office_label(m.group("label")):
            m = None
    if not m and "(" in line[:120]:
        m = PV_LABEL.match(line)
        if m:
            return m
    if not m:
        # an outlet before a question ("Bloomberg:", "Global Times:") or a name in mixed case
        # ("Wang Wenbin:"), as the MFA's English pages print them; layout() keeps a name only
        # where the document has turns
        m = OUTLET_LABEL.match(line)
        return m if m and (is_media_label(m.group("label")) or _name_label(m.group("label"))) else None
    lab = m.group("label")
    rest = line[m.end():]
    if URL_OR_DATE.match(rest):
        return None
    if CJK.search(lab):
        # 赵立坚：... -- a short name, full-width colon, speech after it; "王毅说：“……”" and "王毅表示：" are
        # a sentence's own verb of saying, no label
        if ZH_SAYS_END.search(lab) or ZH_ORDINAL.match(lab):
            return None     # ("第一个视角：从……来看": a speech's numbered point, no speaker)
        return m if m.group("colon") == "：" and rest.strip() else None
    if lab in ("Q", "A"):
        return m
    return m if lab.upper() == lab and any(c.isalpha() for c in lab) else None


def _office_label(label: str) -> bool:
    words = label.replace(".", ". ").split()
    first = words[0].rstrip(".") if words else ""
    return (first in label_honorifics() or label in ("THE PRESIDENT", "THE VICE PRESIDENT", "THE FIRST LADY",
                                                     "MODERATOR", "SENIOR ADMINISTRATION OFFICIAL", "PARTICIPANT"))


def _name_label(label: str) -> bool:
    """A person's name as a label in mixed case: two or three capitalised words, not all capitals."""
    words = label.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:2].islower() for w in words)


def is_turn_label(text: str) -> bool:
    """Is text (a line's start, up to an ideographic indent) a transcript label ("答：")?"""
    return TURN_LABEL.fullmatch(text) is not None


@lru_cache(maxsize=None)
def _label_words(cues: CueSet) -> dict:
    """{kind: (English labels in capitals, Chinese labels)} for the question and answer cues."""
    return {kind: (frozenset(q.upper() for q in cues.get("en", kind)), frozenset(cues.get("zh", kind)))
            for kind in ("question", "answer")}


def label_is(label: str, kind: str, cues: CueSet | None = None) -> bool:
    """Is a transcript label one of the cues of this kind: "question" (Q, 问) or "answer" (A, 答)?"""
    lab = label.strip().rstrip(".:：").strip()
    en, zh = _label_words(cues or load_cues())[kind]
    return lab.upper() in en or lab in zh


MEDIA = data_lines("layout/media_labels.txt")
MEDIA_ZH = re.compile("|".join(w for w in MEDIA if CJK.search(w)))
MEDIA_EN = re.compile(r"\b(?:" + "|".join(w for w in MEDIA if not CJK.search(w)) + r")\b", re.I)


def is_media_label(label: str, cues: CueSet | None = None) -> bool:
    """A label naming a news outlet or a reporter ("Bloomberg:", "路透社记者：", "CCTV:") rather than a
    person at the podium: no honorific before it (MR., SECRETARY ...)."""
    lab = label.strip().rstrip(".:：").strip()
    if CJK.search(lab):
        return MEDIA_ZH.search(lab) is not None
    first = lab.split()[0].upper().rstrip(".") if lab.split() else ""
    return first not in label_honorifics(cues) and MEDIA_EN.search(lab) is not None


def is_question_label(label: str, cues: CueSet | None = None) -> bool:
    """A transcript label that marks a journalist's question ("Q", "问", an outlet: "Reuters:")."""
    return label_is(label, "question", cues) or is_media_label(label, cues)


@lru_cache(maxsize=None)
def label_honorifics(cues: CueSet | None = None) -> frozenset:
    """Words before a surname in a label (MR, MS., SECRETARY, PRIME MINISTER), in capitals, no dot."""
    return frozenset(h.upper().rstrip(".") for h in (cues or load_cues()).get("en", "honorific"))


def label_name(label: str, cues: CueSet | None = None) -> str:
    """The name a label gives, without its honorifics and in title case where it is in capitals
    ("MS. JEAN-PIERRE" -> "Jean-Pierre", "PREMIER EGEDE" -> "Egede"); "" when all of it is honorifics."""
    words = re.sub(r"\s*\([^()]*\)\s*$", "", label).split()    # "Mr. X (Mauritania)": the state is no name
    hons = label_honorifics(cues)
    while len(words) > 1 and (words[0].upper().rstrip(".") in hons
                              or " ".join(words[:2]).upper().rstrip(".") in hons):
        words = words[2:] if " ".join(words[:2]).upper().rstrip(".") in hons else words[1:]
    return " ".join("-".join(p.capitalize() for p in w.split("-")) if w.isupper() else w for w in words)


def table_label(cell: str) -> str:
    """A table's speaker cell read as a label: "MS. PSAKI:" -> "MS. PSAKI"."""
    return cell.strip().rstrip(":：").strip()
