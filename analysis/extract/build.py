"""documents -> statements: the foundation stage of Tenor.

`statements(paths)` reads documents and tables and returns one row per statement with the
contract columns (COLUMNS), plus the problems met on the way. `document_statements` does one
document's text and is what the tests and notebooks call for a single text.
"""
from __future__ import annotations

import itertools

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.speakers.attributor import ATTRIBUTION_WINDOW, Attributor, author_from_title
from analysis.extract.dates import find_date, parse_iso, year_of
from analysis.ingest.discover import LANGS, Meta, collect
from analysis.errors import TenorError, problem
from analysis.extract.lang import detect
from analysis.ingest.layout import LINE_ENDS, Paragraph, is_front_matter, layout, one_line_front
from analysis.extract.target import target
from analysis.speakers.authors import author_from_file_name, document_author, letter_signature
from analysis.speakers.heading_block import (BLOCK_PARAGRAPHS, block_author, block_end, block_lines,
                                               speech_opening)
from analysis.speakers.lone import lone_narrated
from analysis.speakers.ungdc import ungdc_author
from analysis.speakers.state import Attribution
from analysis.speakers.registry import NARRATOR, Registry
from analysis.extract.segment import split_sentences
from analysis.ingest.tables import read_table
from analysis.ingest.decode import read_text

LONE = Attribution(NARRATOR, "none")     # what the rules give a lone sentence with no cue
COLUMNS = ["doc_id", "statement_id", "speaker", "side", "target", "date", "date_source", "lang", "text",
           "start", "end", "section", "cue", "paragraph", "source", "label"]


@dataclass
class Result:
    statements: pd.DataFrame
    problems: list = field(default_factory=list)
    documents: list = field(default_factory=list)   # (doc_id, source, encoding or 'table', n statements)

    @property
    def read_anything(self) -> bool:
        return bool(self.documents)


def document_statements(text: str, doc_id: str = "doc", meta: Meta | None = None,
                        registry: Registry | None = None, source: str = "", targets: bool = True,
                        speakers: bool = True) -> list[dict]:
    """Statements of one document's text (as read), with speakers, date and language. targets=False
    leaves out the target column (a table's turn decides it after its speaker is set); speakers=False
    leaves speaker, side and cue empty, unattributed (a turn whose row names its speaker sets them)."""
    meta = meta or Meta()
    registry = registry or Registry.load()
    paras = layout(text, meta.kind or None)
    lang = meta.lang or detect(" ".join(p.text for p in paras if not p.front) or text, default="en")
    if lang == "und":
        lang = "en"
    if meta.date:
        date, date_source = meta.date, "manifest"
    else:
        date = find_date([p.text for p in paras])
        date_source = "text" if date else "none"
    # the host of a press conference: the manifest's author, else the one its title names (the
    # manifest's title, else the document's own title lines)
    host = meta.author or author_from_title(meta.title) or next(
        (h for h in (author_from_title(p.text) for p in paras if p.front) if h), None)
    kind = meta.kind or None
    signed_until, host_side, speech_from = None, "", 0
    if not kind and not host:
        # no manifest: a heading may say whose speech, statement or letter this is
        heading = [p.text for p in itertools.takewhile(lambda p: p.front, paras)]
        # the paragraphs after the heading, a date line or a byline among them
        bodies = [p.text for p in paras[len(heading):len(heading) + 8]]
        host = document_author(heading, bodies[0] if bodies else "", registry, "\n".join(bodies[1:]),
                               full_text=not any(p.item for p in paras) and sum(
                                   p.front and p.text.lstrip().startswith("#") for p in paras) <= 1)
        if host is None and not heading:
            # a speech with no heading, opening with its salutation: the file's name may say whose; a
            # UN General Debate speech named as its corpus names them: the corpus's list says whose
            host = author_from_file_name(doc_id, bodies[0] if bodies else "", registry)
            if host is None and (un := ungdc_author(doc_id, registry)):
                host, host_side = un
        if host is None and lang == "en" and not any(p.item or p.label_end for p in paras[:BLOCK_PARAGRAPHS + 1]):
            # a speech saved from a web page or a PDF: the page's lines above its first paragraph (its
            # boilerplate and title, front matter or not) may introduce the one speaking
            texts = [p.text for p in paras]
            if (opening := speech_opening(texts)) and (end := block_end(texts, opening)):
                host = block_author(block_lines(texts, end), registry)
                speech_from = end if host else 0
        kind = "speech" if host else None
        if host is None and (signed := letter_signature([p.text for p in paras], registry)):
            # a letter signed at its end ("习近平" / "2020年8月30日"), the agency's report after it
            signed_until, host = signed
            kind = "letter"
    rows = []
    unit, att, unit_id = None, None, doc_id
    # a document of one plain paragraph, in a fresh state: its one sentence may take the short cut
    lone = (speakers and len(paras) == 1 and not kind and not host and not meta.title and not paras[0].front
            and paras[0].label is None and not paras[0].opening)
    for pi, para in enumerate(paras):
        if pi == signed_until and att:
            att.end_first_person()      # after the signature: the report about the letter
        spans = [(a + para.label_end, b + para.label_end)
                 for a, b in split_sentences(para.text[para.label_end:])]
        # one plain sentence with no cue (a table's turn, most often): the rules' answer is known
        # without running them (analysis.speakers.lone)
        short_cut = lone and len(spans) == 1 and lone_narrated(para.text[spans[0][0]:spans[0][1]], lang)
        if para.item != unit:
            # each item of a multi-item file is its own unit, with its own id and a fresh attributor:
            # no speaker carries over from one item into the next
            unit = para.item
            unit_id = f"{doc_id}#{unit}" if unit else doc_id
            att = Attributor(registry, lang, year_of(date), kind, host, date=date, author_side=host_side) if speakers and not short_cut else None
            if meta.title and att:      # a manifest's title names the people the text is about
                att.note_title(meta.title)
            n_unit = 0
        if short_cut:
            whos = [LONE]
        elif pi < speech_from:
            whos = [LONE] * len(spans)      # the page's lines above the speech: no one's speech
        else:
            whos = att.attribute_paragraph(para, spans) if att else [None] * len(spans)
        for k, ((a, b), who) in enumerate(zip(spans, whos)):
            text_ab = para.text[a:b]
            front = para.front or is_front_matter(text_ab)
            speaker = NARRATOR if front else (who.speaker if who else "")
            start, end = para.span(a, b)
            n_unit += 1
            side = att.state.side(speaker) if att else (registry.side(speaker) if who is LONE else "")
            rows.append({
                "doc_id": unit_id, "statement_id": f"{unit_id}:{n_unit}", "speaker": speaker,
                "side": side, "target": target(text_ab, side, registry, att and att.state.aliases()) if targets else "",
                "date": date or "", "date_source": date_source,
                "lang": detect(text_ab, default=lang),
                "text": text_ab, "start": start, "end": end,
                "section": "front_matter" if front else "body",
                "cue": "front_matter" if front else (who.cue if who else ""), "paragraph": pi + 1, "source": source,
                # a transcript turn's label ("MR. PRICE:") is not a sentence; it is kept here
                "label": para.text[:para.label_end].strip() if (k == 0 and para.label_end) else "",
            })
    return rows


ROWS = ("turns", "statements")


def table_statements(df: pd.DataFrame, doc_id: str, source: str, registry: Registry,
                     text_col: str = "text", speaker_col: str = "speaker", date_col: str = "date",
                     lang_col: str = "lang", id_col: str = "id", rows: str = "turns",
                     row_offset: int = 0, required=()) -> tuple[pd.DataFrame, list]:
    """Statements of a table's rows, every input column passed through.

    rows="turns" (default): each row is a turn (an answer, a speech) split into statements that keep
    the row's speaker (first-person: every sentence is theirs) and date; ids `<row id>:<k>`. A row
    without a speaker is attributed from its text like a document. rows="statements": each row is
    one statement, not re-segmented; ids are the row ids. Rows are numbered from row_offset + 1
    (the corpus runner passes the chunk's first row). `required`: column names the user gave
    (--speaker-col spokesperson): a table without one of them is refused (E303), never read with
    that column silently empty.
    """
    if rows not in ROWS:
        raise ValueError(f"rows must be one of {ROWS}, not {rows!r}")
    problems = []
    if text_col not in df.columns:
        raise TenorError("E301", source, detail=text_col, columns=", ".join(map(str, df.columns)))
    check_columns(df.columns, required, source)
    out = []
    has_lang, has_id = lang_col in df.columns, id_col in df.columns     # once, not per row
    # every input column passes through; in turns the turn's text is not repeated on each of its
    # statements (start/end point into it; `paragraph` is its row)
    passed = {k: f"input_{k}" if k in COLUMNS else k for k in df.columns
              if not (k == text_col and rows == "turns")}
    for i, rec in enumerate(df.to_dict("records"), start=row_offset + 1):
        text = "" if _missing(rec.get(text_col)) else str(rec.get(text_col))
        if not text.strip():
            problems.append(problem("W302", source, row=i, detail="empty text; kept as an empty statement"))
        lang = LANGS.get(str(rec.get(lang_col, "")).strip().lower()) if has_lang else None
        raw_date = "" if _missing(rec.get(date_col)) else str(rec.get(date_col)).strip()
        date = parse_iso(raw_date[:10]) if raw_date else None
        if raw_date and not date:
            problems.append(problem("W302", source, row=i, detail=f"bad date '{raw_date}'"))
        raw_speaker = "" if _missing(rec.get(speaker_col)) else str(rec.get(speaker_col)).strip()
        sid = rec.get(id_col) if has_id else None
        row_id = f"{doc_id}:{i}" if _missing(sid) or str(sid) == "" else str(sid)
        if rows == "statements" or not text.strip():
            found = _one_statement(text, lang, date, raw_speaker, registry)
        else:
            found = _turn_statements(text, row_id, lang, date, raw_speaker, registry)
        extra = {name: rec[k] for k, name in passed.items()}
        for k, st in enumerate(found, start=1):
            st.update(doc_id=doc_id, statement_id=row_id if rows == "statements" else f"{row_id}:{k}",
                      date=date or "", date_source="table" if date else "none", paragraph=i,
                      source=source)
            st.setdefault("label", "")
            st["target"] = target(st["text"], st["side"], registry)
            st.update(extra)
            out.append(st)
    cols = COLUMNS + [c for c in (out[0] if out else {}) if c not in COLUMNS]
    return pd.DataFrame(out, columns=cols), problems


def check_columns(columns, required, source) -> None:
    """E303 when a column the user named (--speaker-col ...) is not in the table."""
    missing = [c for c in required if c not in columns]
    if missing:
        raise TenorError("E303", source, detail=", ".join(f"'{c}'" for c in missing),
                         columns=", ".join(map(str, columns)))


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and v != v) or v is pd.NA


def _one_statement(text: str, lang: str | None, date: str | None, raw_speaker: str,
                   registry: Registry) -> list[dict]:
    lang = lang or detect(text, default="en")
    lang = "en" if lang == "und" else lang
    if not raw_speaker and lone_narrated(text, lang):
        # no cue the rules read (analysis.speakers.lone): the narrator's, as attribute_sentence gives
        return [{"speaker": NARRATOR, "side": registry.side(NARRATOR), "lang": lang, "text": text,
                 "start": 0, "end": len(text), "section": "body", "cue": "none"}]
    att = Attributor(registry, lang, year_of(date), date=date)
    if raw_speaker:
        speaker, cue = att.table_speaker(raw_speaker)
    else:
        who = att.attribute_sentence(text[:ATTRIBUTION_WINDOW]) if text.strip() else None
        speaker, cue = (who.speaker, who.cue) if who else (NARRATOR, "none")
    return [{"speaker": speaker, "side": att.state.side(speaker), "lang": lang, "text": text,
             "start": 0, "end": len(text), "section": "body", "cue": cue}]


def _turn_statements(text: str, row_id: str, lang: str | None, date: str | None, raw_speaker: str,
                     registry: Registry) -> list[dict]:
    if not raw_speaker and ONE_LINE_TURNS and (found := _one_line_turn(text, row_id, lang, date, registry)):
        return found
    # a row that names its speaker: its sentences are not attributed (every one is the speaker's)
    found = document_statements(text, row_id, Meta(date=date, lang=lang), registry, targets=False,
                                speakers=not raw_speaker)
    if raw_speaker:
        # the row names its speaker: every sentence of the turn is theirs (the guidelines read an
        # answer or a speech as a first-person document), front-matter look-alikes included
        att = Attributor(registry, lang or (found[0]["lang"] if found else "en"), year_of(date), date=date)
        speaker, cue = att.table_speaker(raw_speaker)
        for st in found:
            st.update(speaker=speaker, side=att.state.side(speaker), section="body", cue=cue)
    return [{k: st[k] for k in TURN_KEYS} for st in found]


ONE_LINE_TURNS = True      # _one_line_turn's short cut (a test turns it off to compare with the full path)
TURN_KEYS = ("speaker", "side", "lang", "text", "start", "end", "section", "cue", "label")


def _one_line_turn(text: str, row_id: str, lang: str | None, date: str | None,
                   registry: Registry) -> list[dict] | None:
    """What _turn_statements gives a turn without a speaker cell that is one plain line and one
    sentence, or None: run the full path. It is document_statements(text, row_id, Meta(date=date,
    lang=lang), targets=False) without the steps such a turn does not need, step by step:
    - layout: a line with no ideographic space is read by layout's one-line path (_one_line): one
      paragraph, the line stripped, its offsets from the first non-space character on, no label,
      no transcript opening, item 0; front matter (one_line_front) goes the full path;
    - language: meta.lang, else detect() of the paragraph's text (it is not front matter);
    - host: no manifest author or title, no front paragraph, so no heading: document_author([], the
      paragraph, "", full_text=True) (one item, no front paragraph), then author_from_file_name; a
      host goes the full path; letter_signature needs two paragraphs; kind stays None;
    - the one sentence: split_sentences gives the whole stripped line (label_end is 0); it is not
      front matter (the paragraph is not, and one_line_front asked is_front_matter of this text);
    - a sentence lone_narrated finds plain (in the document's language) takes the lone-sentence
      short cut (analysis.speakers.lone): the narrator, registry.side(NARRATOR), cue "none", no
      Attributor; find_date is not called (its date feeds only the Attributor and the row's date
      and date_source, which _turn_statements drops: the table sets them);
    - any other sentence: the date (meta.date, else find_date of the paragraph), an Attributor with
      no kind and no author, attribute_paragraph of the paragraph and its one span; the row takes
      its speaker and cue, and the side the Attributor's state gives the speaker.
    tests/test_speakers_lone.py compares it with the full path on every gold sentence."""
    if "\u3000" in text or len(text.splitlines()) != 1:
        return None
    body = text.rstrip(LINE_ENDS)
    s = body.strip()            # the paragraph's text, as layout's one-line path makes it
    if not s or split_sentences(s) != [(0, len(s))] or one_line_front(body, s):
        return None
    if (document_author([], s, registry, "", full_text=True) is not None
            or author_from_file_name(row_id, s, registry) is not None):
        return None
    doc_lang = lang or detect(s, default="en")
    if doc_lang == "und":
        doc_lang = "en"
    # the sentence's language: detect(s, default=doc_lang), which is doc_lang itself when doc_lang was
    # detected from s (detect gives its default only where it gives no answer of its own)
    s_lang = doc_lang if not lang else detect(s, default=doc_lang)
    start = len(body) - len(body.lstrip())      # the paragraph's offsets run from there
    row = {"speaker": NARRATOR, "side": "", "lang": s_lang, "text": s, "start": start,
           "end": start + len(s), "section": "body", "cue": "none", "label": ""}
    if lone_narrated(s, doc_lang):
        row["side"] = registry.side(NARRATOR)
        return [row]
    date = date or find_date([s])
    att = Attributor(registry, doc_lang, year_of(date), None, None, date=date)
    # the paragraph layout's one-line path makes of it (not front matter: asked above)
    para = Paragraph(s, list(range(start, start + len(s))))
    who = att.attribute_paragraph(para, [(0, len(s))])[0]
    row["speaker"] = who.speaker if who else ""
    row["side"] = att.state.side(row["speaker"])
    row["cue"] = who.cue if who else ""
    return [row]


def read_scored(path) -> pd.DataFrame | None:
    """Tenor's own output read back as statements, as they are (no re-segmentation, no re-scoring):
    a table whose columns include every statements column; None for any other input."""
    from analysis.ingest.tables import COMPRESSED
    p = Path(path)
    if not p.is_file() or not (p.suffix.lower() in (".csv", ".tsv", ".jsonl", ".parquet", ".ndjson")
                               or p.name.lower().endswith(COMPRESSED)):
        return None
    try:
        df, _ = read_table(p)
    except TenorError:
        return None
    if not set(COLUMNS) - {"target"} <= set(df.columns):
        return None
    if "target" not in df.columns:      # output of a Tenor before the target column
        registry = Registry.load()
        df.insert(df.columns.get_loc("side") + 1, "target",
                  [target(str(t), str(s), registry) for t, s in zip(df["text"], df["side"])])
    for c in df.columns:
        if c in ("start", "end", "paragraph") or c.endswith(("_score", "_sentiment")):
            df[c] = pd.to_numeric(df[c], errors="coerce")
        elif df[c].dtype == object or c in ("date", "label", "statement_id", "doc_id"):
            df[c] = df[c].fillna("").astype(str)
    return df


def statements(paths, registry: Registry | None = None, text_col: str = "text",
               speaker_col: str = "speaker", date_col: str = "date", lang_col: str = "lang",
               id_col: str = "id", exclude=(), rows: str = "turns", required=()) -> Result:
    """Read every input (files, folders) into statements; problems are collected, never fatal.
    Table rows are turns split into statements (rows="turns") or statements as they are."""
    registry = registry or Registry.load()
    inputs = collect(paths if isinstance(paths, (list, tuple)) else [paths], exclude=exclude)
    result = Result(pd.DataFrame(columns=COLUMNS), list(inputs.problems))
    frames, doc_rows = [], []
    for doc_id, path, meta in inputs.documents:
        try:
            decoded = read_text(path)
        except TenorError as e:
            result.problems.append(e.problem)
            continue
        result.problems.extend(decoded.problems)
        found = document_statements(decoded.text, doc_id, meta, registry, str(path))
        result.documents.append((doc_id, str(path), decoded.encoding, len(found)))
        doc_rows.extend(found)
    if result.documents:
        # one frame for all documents (a frame per document cost more than attributing it)
        frames.append(pd.DataFrame(doc_rows, columns=COLUMNS))
    for doc_id, path in inputs.tables:
        try:
            df, probs = read_table(Path(path))
            out, probs2 = table_statements(df, doc_id, str(path), registry, text_col, speaker_col,
                                           date_col, lang_col, id_col, rows, required=required)
        except TenorError as e:
            result.problems.append(e.problem)
            continue
        result.problems.extend(probs + probs2)
        result.documents.append((doc_id, str(path), "table", len(out)))
        frames.append(out)
    if frames:
        result.statements = pd.concat([f for f in frames if len(f)] or frames, ignore_index=True)
        long = result.statements[result.statements.text.str.len() > LONG_STATEMENT]
        for r in long.itertuples():
            result.problems.append(problem("W108", r.source, detail=r.statement_id, chars=len(r.text)))
    return result


LONG_STATEMENT = ATTRIBUTION_WINDOW   # characters: beyond any sentence; said, since only its start is read
