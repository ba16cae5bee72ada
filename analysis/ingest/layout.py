"""Lay a decoded document out as paragraphs, repairing text extracted from PDFs, with its transcript
turns ("MR. PRICE:", "答："; the labels are read in analysis.ingest.labels)."""
# Each paragraph keeps, for every character of its repaired text, the offset of that character in
# the document as read, so statements can point back into the original text. Line breaks inside a
# sentence are joined (with a space in English, with nothing between Chinese characters), blank
# lines left by PDF extraction inside a paragraph are dropped, and title lines, datelines-only lines,
# copyright lines and the like are marked as front matter. Nothing is dropped: every non-blank
# character of the document ends up in exactly one paragraph.
#
# Transcript labels are read in analysis.ingest.labels and laid out as turns here.
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from analysis.data import data_lines
from analysis.ingest.discover import FIRST_PERSON_KINDS
from analysis.ingest.front import MARKUP, is_front_matter  # noqa: F401  (build reads is_front_matter here)
from analysis.ingest.labels import CJK, PV_LABEL, _name_label, is_media_label, is_turn_label, label_is, label_match
from analysis.speakers.cues import load_cues

TERMINAL = re.compile(r"[.!?。！？…][\"'”’」』）)\]]*\s*$")
SENTENCE_END, SENTENCE_CLOSERS = ".!?。！？…", "\"'”’」』）)]"


def ends_sentence(s: str) -> bool:
    """TERMINAL.search(s): s ends with a sentence end, then closing quotes or brackets and
    whitespace; read from the end (the search tried every full stop of a long line)."""
    t = s.rstrip().rstrip(SENTENCE_CLOSERS)
    return bool(t) and t[-1] in SENTENCE_END


OPENS_LOWER = re.compile(r"^[a-z(,;]")
CJK_PUNCT = "，。、；：？！“”‘’（）《》「」『』—…"


METADATA_KEYS = frozenset(k.lower() for k in data_lines("layout/metadata_keys.txt"))
METADATA = re.compile(r"^\s*(?P<key>[^:：]{1,12}?)\s*[:：]\s*\S")
DATELINE = re.compile(r"\((?:Xinhua|AFP|AP|Reuters|Bloomberg|UPI|Kyodo|Yonhap|TASS)\)|\s--\s|"
                      r"(?:新华社|新華社|中新社|人民网|央视)[\u4e00-\u9fff]{0,8}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电")


@dataclass
class Paragraph:
    text: str
    offsets: list  # offsets[i] = position in the document of text[i]
    front: bool = False          # front matter (title, dateline-only, copyright ...)
    label: str | None = None     # transcript speaker label that opens this paragraph ("MR. PRICE")
    label_end: int = 0           # characters of text taken by the label ("MR. PRICE: ")
    item: int = 0                # the item of a multi-item file (a day's news: one "### title" each)
    opening: bool = False        # a transcript's body text before its first turn (the host's announcements)
    asks: bool = False           # a reporter's question printed without its label, answered by the next turn

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Document offsets of text[i:j] (j exclusive)."""
        return self.offsets[i], self.offsets[j - 1] + 1


@dataclass
class Line:
    start: int
    end: int
    text: str = field(repr=False)

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def indent(self) -> int:
        n = 0
        for c in self.text:
            if c == " ":
                n += 1
            elif c in "\t\u3000\u2003":     # a tab, an ideographic or an em space
                n += 2
            else:
                break
        return n


# two or more ideographic spaces after a sentence or a colon: a Chinese paragraph indent whose line
# break was lost ("回信全文如下：　　你们好！"), read as the start of a new line; spaces that pad a
# word ("时　　间：", "毛　　宁") stay inside it
INNER_INDENT = re.compile(r"(?<=[。！？!?：:；;…”」』）)摄])\u3000{2,}(?=\S)")   # (摄: a photo credit, "新华社记者 张领 摄")


def _lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        # not after a transcript label ("答：　　中方坚决反对"): the indent opens its turn's text
        cuts = [0] + [m.start() for m in (INNER_INDENT.finditer(body) if "\u3000\u3000" in body else ())
                      if not is_turn_label(body[:m.start()].strip())] + [len(body)]
        for a, b in zip(cuts, cuts[1:]):
            out.append(Line(pos + a, pos + b, body[a:b]))
        pos += len(raw)
    return out


WIDE = re.compile("[\u3400-\u9fff\uf900-\ufaff" + CJK_PUNCT + "]")     # CJK and CJK_PUNCT: two columns


def _width(s: str) -> int:
    return len(s) if s.isascii() else len(s) + len(WIDE.findall(s))


# a line that leads into what follows, ending in a colon ("同志们：", "北京科技大学全体巴基斯坦留学生：")
SALUTATION = re.compile(r"[\u4e00-\u9fff]{2}[：:]$")


def is_heading(s: str) -> bool:
    """A short line that is a title or heading, not a sentence."""
    s = s.strip()
    if not s or len(s) > 160 or ends_sentence(s) or s.endswith((",", "，", "、", ";", "；")):
        return False
    if DATELINE.search(s):
        return False
    if CJK.search(s):
        # a salutation leads into what follows ("同志们：", "回信……留学生：", "全文如下："): no heading
        return not re.search(r"[，。；！？,;]", s) and len(s) <= 40 and not SALUTATION.search(s)
    words = re.findall(r"(?<![\d\w])[A-Za-z][\w'’\-]*", s)     # (not "th" of "74th")
    if not words or len(words) > 20:
        return False
    small = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is", "are", "be", "its", "vs",
             "session", "debate"}  # a UN heading's ("Seventy-first session"); "d’" in "Côte d’Ivoire" is part of a name
    lower = [w for w in words if not w[0].isupper() and w.lower() not in small and not re.match(r"[a-z]{1,2}['’][A-Z]", w)]
    return not lower and "," not in s


def _headline(lines: list, nonblank: list, labels: dict) -> bool:
    """The first line as a sentence-case headline ("US, China officials meet in Vienna amid trade
    tensions", "Department Press Briefing - May 2, 2023"): alone before a blank line, with no
    sentence end, three to twenty words, and more text after it."""
    first = nonblank[0]
    s = first.stripped
    k = lines.index(first)
    if (len(nonblank) < 2 or labels.get(id(first)) or first.indent >= 2 or k + 1 >= len(lines)
            or lines[k + 1].stripped or ends_sentence(s) or len(s) > 160
            or s.endswith((",", "，", "、", ";", "；", ":", "：")) or DATELINE.search(s)):
        return False
    if CJK.search(s):
        return False        # Chinese titles are read by is_heading (no sentence punctuation, short)
    words = re.findall(r"[A-Za-z][\w'’\-]*", s)
    if any(w.endswith("ed") or w in ("said", "told") for w in
           (m.group(0) for m in load_cues().regex("en", "speech").finditer(s))):
        return False        # "Xi said China will never give up" is a statement, whatever its end;
                            # a headline's present tense ("Xi urges closer ties") stays a headline
    return 3 <= len(words) <= 20 and s[:1].isupper()


def is_speech_heading(s: str) -> bool:
    """A heading that names who delivers the text ("Statement by H.E. Mr. X, President of Y, at the
    general debate ...", "Tanasak Patimapragorn, Deputy Prime Minister"): no sentence end, short."""
    from analysis.speakers.authors import (EN_SPEECH, ZH_LETTER, ZH_SPEECH, ZH_SPEECH_UNNAMED, ZH_TITLE_BYLINE, colon_heading,
                                           dash_heading, heading_name, name_and_post, shipped_registry)
    if len(s) > 300 or ends_sentence(s):
        return False
    if CJK.search(s):       # a Chinese speech title longer than a heading's 40 characters
        byline = ZH_TITLE_BYLINE.match(s)     # "习近平：在会见……外方嘉宾时的讲话"
        rest = s[byline.end() - 1:] if byline else s
        return len(s) <= 100 and (any(p.match(s) for p in (ZH_SPEECH, ZH_LETTER, ZH_SPEECH_UNNAMED))
                                  or bool(byline and ZH_SPEECH_UNNAMED.match(rest)))
    registry = shipped_registry()
    return bool(EN_SPEECH.match(s)) or any(f(s, registry) is not None for f in (name_and_post, dash_heading, colon_heading,
                                                                               lambda t, r: heading_name([t], r)))


def is_metadata(s: str) -> bool:
    """A `key: value` line of a saved page's header ("标题：...", "原文：https://...", "Date: ...")."""
    m = METADATA.match(s)
    return bool(m) and m.group("key").strip().lower() in METADATA_KEYS


def metadata_block(nonblank: list) -> set:
    """The lines of a leading header: YAML front matter between '---' fences, and `key: value` lines
    with known keys (metadata_keys.txt) before the body. They are front matter, never turns."""
    out = set()
    k = 0
    if nonblank and nonblank[0].stripped == "---":
        end = next((j for j in range(1, len(nonblank)) if nonblank[j].stripped in ("---", "...")), None)
        if end is not None and all(re.match(r"^[\w\-]+\s*:", ln.stripped) or ln.text.startswith((" ", "\t", "-"))
                                   for ln in nonblank[1:end]):
            out.update(id(ln) for ln in nonblank[:end + 1])
            k = end + 1
    while k < len(nonblank) and (is_metadata(nonblank[k].stripped) or MARKUP.match(nonblank[k].stripped)):
        out.add(id(nonblank[k]))
        k += 1
    return out




LINE_ENDS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"     # what str.splitlines breaks at


def layout(text: str, kind: str | None = None) -> list[Paragraph]:
    """The document's paragraphs (module comment): lines joined where a sentence goes on, front
    matter marked, transcript labels read."""
    if kind != "transcript" and "\u3000" not in text and len(text.splitlines()) == 1:
        return _one_line(text)      # the same paragraphs (tests/test_segment.py checks)
    return _layout_lines(text, kind)


def _layout_lines(text: str, kind: str | None) -> list[Paragraph]:
    """layout() of any text, line by line."""
    lines = [ln for ln in _lines(text)]
    nonblank = [ln for ln in lines if ln.stripped]
    if not nonblank:
        return []
    meta = metadata_block(nonblank)
    labels = {id(ln): (None if id(ln) in meta else label_match(ln.text)) for ln in nonblank}
    # a name in mixed case ("Wang Wenbin:") is a label only where it opens two or more turns, or names
    # the host the title names ("Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference")
    title = nonblank[0].stripped
    names = Counter(m.group("label") for m in labels.values() if m and _name_label(m.group("label")))
    top = id(nonblank[0])
    labels = {k: (None if m and _name_label(m.group("label")) and names[m.group("label")] < 2
                  and (k == top or m.group("label") not in title) else m)
              for k, m in labels.items()}
    n_labels = sum(1 for v in labels.values() if v)
    # turns need a speaker: outlets alone ("Related News:", "Fox News:") make no transcript
    speakers_ = sum(1 for v in labels.values()
                    if v and (not is_media_label(v.group("label")) or label_is(v.group("label"), "question")))
    hosted = any(v and k != top and (_name_label(v.group("label")) or CJK.search(v.group("label")))
                 and len(v.group("label").strip()) >= 2 and v.group("label").strip() in title
                 for k, v in labels.items())
    # (a verbatim record's delegate speaks once: one turn labelled so makes it a transcript)
    pv = any(v and PV_LABEL.match(v.group(0)) for v in labels.values())
    transcript = kind == "transcript" or (n_labels >= 2 and speakers_ >= 1) or hosted or pv
    if not transcript:
        labels = {k: None for k in labels}
    # a transcript's lines before its first turn that end no sentence: title, date, place, time
    lead = set()
    if transcript and n_labels:
        for k, ln in enumerate(nonblank):
            if labels.get(id(ln)) or ends_sentence(ln.stripped) or len(ln.stripped) > 160:
                break
            # a hard-wrapped sentence going on in the next line is no heading ("... of the United" /
            # "Kingdom will pay ..."): a lead line stands before a blank line or another short line
            nxt = next(iter(lines[lines.index(ln) + 1:][:1]), None)
            if nxt is not None and nxt.stripped and not labels.get(id(nxt)) and len(nxt.stripped) > 60:
                break
            lead.add(id(ln))
    body_lines = [ln for ln in nonblank if id(ln) not in meta and id(ln) not in lead] or nonblank

    wide, wrapped = _column(body_lines)
    wrapped = wrapped and not _one_line_paragraphs(lines, meta | lead)

    # Leading title block: headline lines before the body starts.
    heads = meta | lead
    for k, ln in enumerate(nonblank):
        if id(ln) in meta or id(ln) in lead:
            continue
        if labels.get(id(ln)) or ln.indent >= 2 or not (is_heading(ln.stripped) or is_front_matter(ln.stripped)
                                                        or (k < 3 and is_speech_heading(ln.stripped))) \
                or _runs_on(ln.stripped, next((x.stripped for x in lines[lines.index(ln) + 1:][:1]), "")):
            break
        heads.add(id(ln))
    if not (heads - meta - lead) and kind not in FIRST_PERSON_KINDS and _headline(lines, nonblank, labels):
        heads.add(id(nonblank[0]))

    paras: list[list[Line]] = []
    prev = None
    blank_since = False
    after_blank = set()         # the first lines of paragraphs a blank line stands above
    for ln in lines:
        if not ln.stripped:
            blank_since = True
            continue
        if prev is None or not _joins(prev, ln, wrapped, wide, blank_since, heads, labels):
            paras.append([ln])
            if blank_since:
                after_blank.add(id(ln))
        else:
            paras[-1].append(ln)
        prev, blank_since = ln, False

    out = []
    for group in paras:
        p = _assemble(group)
        first = group[0]
        m = labels.get(id(first))
        if m:
            p.label = m.group("label").strip()
            lead = len(first.text) - len(first.text.lstrip())
            p.label_end = max(0, m.end() - lead)
        p.front = (id(first) in heads or (not p.label and (is_heading(p.text) and len(group) <= 2
                                                           or is_front_matter(p.text))))
        out.append(p)
    if transcript and n_labels:
        _turns(out, [id(group[0]) in after_blank for group in paras])
    _items(out)
    return out


def _column(body_lines: list) -> tuple[int, bool]:
    """(width, wrapped) of a text's body lines: the column's width, the median width of lines that stop
    mid-sentence; and whether the text is hard-wrapped, many long lines stopping without ending a sentence."""
    all_widths = sorted(_width(ln.stripped) for ln in body_lines)
    widths = sorted(_width(ln.stripped) for ln in body_lines if not ends_sentence(ln.stripped))
    if len(widths) < 3:
        widths = all_widths
    wide = widths[len(widths) // 2]
    # (a line far narrower than the text's lines, such as a title, a date or a byline above paragraphs
    # that fill one long line each, is no wrapped line)
    typical = all_widths[len(all_widths) // 2]
    open_long = sum(1 for ln in body_lines[:-1]
                    if not ends_sentence(ln.stripped) and _width(ln.stripped) >= max(0.7 * wide, 0.5 * typical))
    # (a hard-wrapped paragraph has no line far wider than the column: a page whose paragraphs are one long
    # line each, under a few short lines of boilerplate that stop mid-sentence, is not wrapped)
    one_line = sum(w for w in all_widths if w > max(1.5 * wide, 150)) >= 0.5 * sum(all_widths)
    return wide, len(body_lines) >= 4 and open_long >= max(2, 0.25 * len(body_lines)) and not one_line


def _turns(out: list[Paragraph], apart: list[bool]) -> None:
    """A transcript's unlabelled questions and its opening (the text before the first turn); apart[k]:
    a blank line stands above paragraph k."""
    _unlabelled_questions(out, apart)
    for p in out:
        if p.label:
            break
        p.opening = not p.front and not p.asks


QUESTION_END = re.compile(r"[?？]\s*[\"”’)）]*\s*$")


def _unlabelled_questions(out: list[Paragraph], apart: list[bool]) -> None:
    """A transcript's paragraph without a label that ends with a question and is answered by the
    host's turn next ("What is the Chinese side's comment on this?" / "Wang Wenbin: ..."): a
    reporter's question whose label the page left out, not the previous turn going on."""
    last = None     # the label of the turn before
    for p, nxt, set_apart in zip(out, out[1:], apart):
        # (set apart by a blank line: a line under a turn's label goes on with that turn, "SECRETARY
        # MAYORKAS:  ... good afternoon." / "Can everybody hear me?"; the answer comes from the one who
        # spoke before, or opens the turns: a host handing over, "Admiral Kirby is here ... Admiral?" /
        # "MR. KIRBY: ...", is no question)
        p.asks = bool(set_apart and not p.label and not p.front and QUESTION_END.search(p.text) and nxt.label
                      and not label_is(nxt.label, "question") and not is_media_label(nxt.label)
                      and (last is None or last == nxt.label))
        last = p.label or last


def _one_line(text: str) -> list[Paragraph]:
    """layout() of a text of one line (a table's turn, most often), which is what layout() makes of
    it, without the document-wide passes: no transcript (a label needs two turns), no wrapping, no
    headline (it needs a line after it), one item; the line is front matter when it is a metadata
    line, markup, a heading or front matter, or a speech heading with no indent."""
    body = text.rstrip(LINE_ENDS)
    s = body.strip()
    if not s:
        return []
    lead = len(body) - len(body.lstrip())
    return [Paragraph(s, list(range(lead, lead + len(s))), front=one_line_front(body, s))]


def one_line_front(body: str, s: str) -> bool:
    """Is a text of one line front matter, as _one_line reads it? body: the line without its line
    end; s: body stripped."""
    return bool(is_metadata(s) or MARKUP.match(s) or is_heading(s) or is_front_matter(s)
                or (Line(0, len(body), body).indent < 2 and is_speech_heading(s)))


ITEM_HEADING = re.compile(r"^#{3}\s+\S")
SECTION_HEADING = re.compile(r"^#{1,2}\s+(?P<title>.+)$")
SUMMARY = re.compile(r"摘要|提要|要闻|目录|summary|contents|highlights", re.I)


def _items(paras: list) -> None:
    """A multi-item file (a day's news as published: a summary, then one "### title" section per
    item): each "###" heading opens an item (numbered from 1; what comes before is item 0), and the
    lines of a summary section ("## 新闻摘要") are front matter. A file with fewer than two such
    headings is one item."""
    first = next((k for k, p in enumerate(paras) if ITEM_HEADING.match(p.text)), None)
    if (sum(1 for p in paras if ITEM_HEADING.match(p.text)) < 2
            or not any(re.match(r"^##\s", p.text) for p in paras[:first])):
        return      # a note's "### Taiwan" / "### Trade" sections are one document
    item, in_summary = 0, False
    for p in paras:
        m = SECTION_HEADING.match(p.text)
        if m and not ITEM_HEADING.match(p.text):
            in_summary = SUMMARY.search(m.group("title")) is not None
        elif ITEM_HEADING.match(p.text):
            item, in_summary = item + 1, False
        elif in_summary:
            p.front = True
        p.item = item


def _one_line_paragraphs(lines: list, header: set) -> bool:
    """Scraped web text, not hard-wrapped PDF text: every line of the body stands between blank lines
    and nearly all end a sentence (or are markup), so its blank lines end paragraphs. (PDF text with
    blank lines between its lines stops mid-sentence on many of them.)"""
    nonblank = [k for k, ln in enumerate(lines) if ln.stripped and id(ln) not in header]
    if len(nonblank) < 4:
        return False
    alone = sum(1 for a, b in zip(nonblank, nonblank[1:]) if b - a >= 2)
    ends = sum(1 for k in nonblank if re.search(r"[.!?。！？…:：;；—\-][\"'”’」』）)\]*]*\s*$", lines[k].stripped)
               or MARKUP.match(lines[k].stripped) or is_heading(lines[k].stripped))
    return alone >= 0.9 * (len(nonblank) - 1) and ends >= 0.85 * len(nonblank)


# a speech's salutation at the end of a line ("……习近平尊敬的卢拉总统，各位同事：", "Mr. President:")
SALUTATION_END = re.compile(r"(?:各位[\u4e00-\u9fff]{0,8}|同志们|朋友们|女士们|先生们|Excellencies|Mr\.?\s+President|"
                            r"Madam\s+President|Ladies\s+and\s+Gentlemen)\s*[:：]$", re.I)


BYLINE_LINE = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff·]{2,8}$")


def _may_be_byline(s: str) -> bool:
    """Can BYLINE_LINE match s? Its last character (before a final newline) is a hanzi or ·."""
    c = s.rstrip("\n")[-1:]
    return c == "·" or "\u4e00" <= c <= "\u9fff"


PHOTO_CREDIT_END = re.compile(r"(?:记者|記者|供图|供圖)[^。！？]{0,24}?\s*/?\s*(?:摄|攝)\s*$")


def _runs_on(a: str, b: str) -> bool:
    """Is a a sentence's first one to three words that line b carries on in lower case ("It is" / "a privilege ...")?"""
    return (bool(b) and OPENS_LOWER.match(b) is not None and len(a.split()) <= 3 and not ends_sentence(a)
            and not a.endswith((":", "：")) and not is_speech_heading(a))


def _joins(a: Line, b: Line, wrapped: bool, wide: int, blank: bool, heads: set, labels: dict) -> bool:
    """Does line b continue the paragraph of line a?"""
    if id(a) in heads or id(b) in heads or labels.get(id(b)):
        return False
    sa, sb = a.stripped, b.stripped
    if is_front_matter(sb) or is_front_matter(sa):
        return False
    ends = ends_sentence(sa) or sa.endswith((":", "："))
    # (both patterns end the line: searched only in a line whose end could match)
    if sa.endswith((":", "：", ":\n", "：\n")) and SALUTATION_END.search(sa):   # "尊敬的卢拉总统，各位同事：" ends its line's paragraph
        return False
    if PHOTO_CREDIT_END.search(sa):
        return False    # "……新华社记者 鞠鹏 摄" ends a photo caption; the text goes on below it
    if wrapped:
        if b.indent >= 2:
            return False
        if not ends:     # a short line is a heading, unless the next line carries its sentence on in lower case
            return _runs_on(sa, sb) or not (is_heading(sa) and _width(sa) < 0.7 * wide)
        return _width(sa) >= 0.85 * wide
    if blank or (b.indent >= 2 and CJK.search(sb[:1] or "")):
        return False    # a blank line, or a Chinese paragraph's indent ("　　新华社北京9月5日电"), opens one
    if _may_be_byline(sa) and BYLINE_LINE.search(sa) and is_heading(sa):
        return False    # a byline ("中华人民共和国主席　习近平") stands alone above the text
    # Unwrapped text: a line that stops mid-sentence and a next line that carries on.
    return not ends and (OPENS_LOWER.match(sb) is not None or (CJK.match(sa[-1]) and CJK.match(sb[0])))


def _assemble(group: list[Line]) -> Paragraph:
    pieces: list[str] = []      # the lines' text and the spaces joining them (not one per character)
    offs: list[int] = []
    for k, ln in enumerate(group):
        lead = len(ln.text) - len(ln.text.lstrip())
        body = ln.text.strip()
        start = ln.start + lead
        if k and offs:
            prev_c, next_c = next(p[-1] for p in reversed(pieces) if p), body[0]
            cjk_join = (CJK.match(prev_c) or prev_c in CJK_PUNCT) and (CJK.match(next_c) or next_c in CJK_PUNCT)
            if not cjk_join and not (prev_c == "-" and next_c.isalpha()):
                pieces.append(" ")
                offs.append(start - 1)
        pieces.append(body)
        offs.extend(range(start, start + len(body)))
    return Paragraph("".join(pieces), offs)
