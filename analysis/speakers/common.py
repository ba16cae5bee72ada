"""What the English and Chinese speaker rules share: word lists read once from analysis/data/speakers/,
the patterns built from them at import, a resolved subject, and quote masking."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from analysis.data import data_lines, tsv_rows


# ---------------------------------------------------------------- reading the lists (once, at import)
def speaker_list(name: str) -> list[str]:
    """The lines of analysis/data/speakers/NAME, in file order."""
    return data_lines(f"speakers/{name}")


def speaker_rows(name: str) -> list[dict]:
    """The rows of the tab-separated analysis/data/speakers/NAME, in file order."""
    text = resources.files("analysis.data").joinpath(f"speakers/{name}").read_text("utf-8")
    return [row for _, row in tsv_rows(text)[1]]


def speaker_table(name: str, key: str, value: str) -> dict[str, list[str]]:
    """analysis/data/speakers/NAME as {key cell: [value cells in file order]}."""
    out: dict[str, list[str]] = {}
    for row in speaker_rows(name):
        out.setdefault(row[key], []).append(row[value])
    return out


def _alts(words) -> str:
    return "|".join(words)


ZH_TITLE_LISTS = speaker_table("zh_titles.tsv", "list", "title")
ZH_TITLES = tuple(ZH_TITLE_LISTS["intro"])          # tried in this order
EN_TITLE_WORDS = "(?:" + _alts(speaker_list("en_titles.txt")) + ")"
STOP_CAPS = frozenset(speaker_list("en_not_names.txt"))   # capitalised words that are no part of a name


def _side_words() -> list[tuple[re.Pattern, str]]:
    """[(pattern, side)] in file order: whole Latin words (case-sensitive), Chinese words anywhere."""
    sides: dict[str, dict[str, list[str]]] = {}
    for row in speaker_rows("side_words.tsv"):
        sides.setdefault(row["side"], {}).setdefault(row["script"], []).append(row["pattern"])
    return [(re.compile("|".join([r"\b(?:" + _alts(s["latin"]) + r")\b"] + s.get("chinese", []))), side)
            for side, s in sides.items()]


SIDE_WORDS = _side_words()


def side_of(text: str, default: str = "other") -> str:
    """The first side whose words the text contains ("Chinese", 美方), else default."""
    return next((s for rx, s in SIDE_WORDS if rx.search(text)), default)


# the offices of China's party and state before a name: "中共中央政治局委员、中央组织部部长石泰峰"
ZH_CN_OFFICE = re.compile(r"中共|中央|^全国|中华全国|國務院|国务院|国家主席|国家副主席|国务委员|省委|市委|自治区|"
                          r"常委|政协|人大|党组|(?<!会)委员$")
# a foreign party or state named in the titles: "越共中央总书记", "老挝人民革命党中央总书记、国家主席"
ZH_FOREIGN_PARTY = re.compile(r"越共|老挝人|古共|朝鲜劳动党|人革党|劳动党|共产党中央(?<!中国共产党中央)|"
                              # international bodies are no one's side: "世卫组织负责人"
                              r"联合国|世卫组织|世界卫生组织|世贸组织|世界贸易组织|欧盟|欧洲|欧委会|北约|东盟|非盟|上合组织|国际(?!部)")


# what ends a clause before a person's titles: "……活动的", "……期间会见"
ZH_BEFORE_TITLES = re.compile(r"的|会见|會見|会晤|會晤|接见|接見|致电|致電")


def zh_titles_side(titles: str, default: str = "other") -> str:
    """The side of a person or body the text names after these titles: a side word first ("美国", "越南"),
    a foreign party ("越共中央总书记"), then China's offices (CN), else the default (a Chinese text's own
    ministry named bare, "商务部", is China's). A clause before the titles is none of them ("来华出席……纪念
    中国人民抗日战争……活动的亚美尼亚总理": the Armenian Prime Minister; "国务院总理李强……会见欧洲理事会主席")."""
    tail = ZH_BEFORE_TITLES.split(titles)[-1]
    if side_of(tail) != "other" or ZH_FOREIGN_PARTY.search(tail) or any(c in tail for c in zh_countries()):
        titles = tail           # the titles next to the name say whose (not "中国驻美国大使馆的发言人" cut short)
    side = side_of(titles)
    if side != "other" or ZH_FOREIGN_PARTY.search(titles):
        return side
    if any(c in titles for c in zh_countries() if c not in ("中国", "中國", "中华人民共和国")):
        return "other"
    return "CN" if ZH_CN_OFFICE.search(titles) else default


ROMAN = re.compile(r"^[IVX]{2,4}$")


def usual_case(name: str) -> str:
    """A name with the words printed in capitals in their usual case ("Mr. HU Jintao" -> "Mr. Hu Jintao",
    "MUASHER" -> "Muasher"), regnal numbers kept ("ABDULLAH II" -> "Abdullah II")."""
    return " ".join(w.title() if w.isupper() and len(w) > 1 and not ROMAN.match(w) else w for w in name.split())


HONORIFIC_WORDS = _alts(speaker_list("honorifics.txt"))    # alternatives, without their full stop
HONORIFIC = re.compile(r"^(?:(?:" + HONORIFIC_WORDS + r")\.?\s+)+")
_NOT_NAME = speaker_table("zh_not_names.tsv", "place", "word")
# what is not a person's name: endings of countries, bodies and places ("美国", "巴方", "外交部"),
# quantifiers and demonstratives at the start ("两位", "该校"), institutions inside ("哈佛大学")
ZH_NOT_NAME = re.compile("(?:" + _alts(_NOT_NAME["end"]) + ")$|^(?:" + _alts(_NOT_NAME["start"]) + ")|"
                         + _alts(_NOT_NAME["inside"]))
# before a title, a country, an army or an office is far likelier than a name ("美国国防部长")
ZH_NOT_NAME_BEFORE_TITLE = re.compile(_alts(speaker_list("zh_not_names_before_title.txt")))
# a side named by one character and 方: "瑞方", "朝方", "非方" (中方/美方 are in the speaker table)
ZH_SIDE_BODY = re.compile(r"^(?![" + "".join(speaker_list("zh_not_sides.txt")) + r"])[\u4e00-\u9fff]方$")
_ADVERBS = speaker_table("zh_subject_adverbs.tsv", "kind", "word")
# adverbs between a subject and its verb: "李勇浩外相还表示"
ZH_SUBJECT_TAIL = re.compile("(?:" + _alts(_ADVERBS["run"]) + ")+$")
ZH_SINGLE_ADVERBS = "".join(_ADVERBS["single"])     # "瑞方亦表示", "巴科则表示"
ZH_DATELINE = re.compile(r"^\s*(?:" + _alts(speaker_list("zh_datelines.txt")) + r")[\u4e00-\u9fff]{0,12}"
                         r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电?\s*(?:（记者[^）]*）)?")
# titles alone between a body and a person ("外交部" 发言人 "毛宁", "外交部" 长 "王毅")
ZH_BARE_TITLE = re.compile("(?:" + _alts(ZH_TITLE_LISTS["bare_prefix"]) + ")?(?:"
                           + _alts(ZH_TITLE_LISTS["bare"]) + ")")
# titles that open a sentence before its subject's name: "国家主席习近平"
ZH_TITLE_CHAIN = re.compile(r"^(?![受应應据據在对對向同与與和经經])[\u4e00-\u9fff、，]*?(?:" + _alts(ZH_TITLE_LISTS["chain"]) + ")")
ZH_HEAD_TITLE = re.compile(r"[\u4e00-\u9fff]{0,8}(?:" + _alts(ZH_TITLE_LISTS["head"]) + ")")


# ---------------------------------------------------------------- grammar shared by both languages
DETERMINERS = re.compile(r"^(?:the|this|that|a|an|its|his|her|their)\s+", re.I)
POSSESSIVE = re.compile(r"[’']s\b")
ZH_CLAUSE = "，。；：,;:！？!?"
MASK = "\u2592"
QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"), ("«", "»"))
QUOTE_RES = [(re.compile(re.escape(o) + r"[^" + re.escape(o + c) + r"]*(?:" + re.escape(c) + "|$)"))
             for o, c in QUOTE_PAIRS]
STRAIGHT_QUOTE = re.compile(r'"')


class Subject(NamedTuple):
    """A subject phrase resolved: kind is person, body, both (the two sides) or generic (a source too
    vague to be a speaker: narrator); new_source marks an indefinite source that names a body ("A
    Chinese Foreign Ministry statement"), which opens a new source inside another speaker's paragraph."""
    kind: str
    name: str
    new_source: bool = False


def mask_quotes(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Replace quoted passages (with their marks) by MASK characters of the same length."""
    spans = []
    for rx in QUOTE_RES:
        for m in rx.finditer(text):
            spans.append((m.start(), m.end()))
    straight = [m.start() for m in STRAIGHT_QUOTE.finditer(text)]
    for k in range(0, len(straight), 2):
        a = straight[k]
        b = straight[k + 1] + 1 if k + 1 < len(straight) else len(text)
        spans.append((a, b))
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = MASK
    return "".join(chars), sorted(spans)


@lru_cache(maxsize=1)
def zh_countries() -> tuple[str, ...]:
    """Chinese short names of states (analysis/data/zh_countries.txt), longest first."""
    return tuple(sorted(set(data_lines("zh_countries.txt")), key=len, reverse=True))


# a foreign name the text gives bare, and the places and short state names in the same characters
# (analysis/data/speakers/zh_transliteration.tsv)
_FOREIGN = speaker_table("zh_transliteration.tsv", "kind", "text")
_SYLLABLE = "[" + "".join(_FOREIGN["chars"]) + "]"
ZH_FOREIGN_NAME = re.compile(f"{_SYLLABLE}{{2,6}}(?:[·\\-－]{_SYLLABLE}{{1,8}})*")    # "迪亚斯-卡内尔"
ZH_PLACES = frozenset(_FOREIGN["place"])


def zh_foreign_name(name: str) -> bool:
    """Whether a bare subject is a foreign person's name: transliteration characters only, and not a place, a
    body or a state."""
    return bool(ZH_FOREIGN_NAME.fullmatch(name)) and name not in ZH_PLACES and name not in zh_countries()


# questions answered with none of the answers ("回答了记者提问。")
ZH_ANSWERED = re.compile(r"^了?[^，。；：“”]{0,16}?(?:提问|提問)\s*[。！]?\s*$")
