"""documents -> statements: the foundation stage of Tenor.

`statements(paths)` reads documents and tables and returns one row per statement with the
contract columns (COLUMNS), plus the problems met on the way. `document_statements` does one
document's text and is what the tests and notebooks call for a single text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .attribute import Attributor
from .dates import find_date, parse_iso, year_of
from .documents import LANGS, Meta, collect
from .errors import TenorError, problem
from .lang import detect
from .layout import is_front_matter, layout
from .registry import NARRATOR, Registry
from .segment import split_sentences
from .tables import read_table
from .textio import read_text

COLUMNS = ["doc_id", "statement_id", "speaker", "side", "date", "date_source", "lang", "text",
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
                        registry: Registry | None = None, source: str = "") -> list[dict]:
    """Statements of one document's text (as read), with speakers, date and language."""
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
    att = Attributor(registry, lang, year_of(date), meta.kind or None, meta.author or None)
    rows = []
    for pi, para in enumerate(paras):
        spans = [(a + para.label_end, b + para.label_end)
                 for a, b in split_sentences(para.text[para.label_end:])]
        for k, ((a, b), who) in enumerate(zip(spans, att.attribute_paragraph(para, spans))):
            text_ab = para.text[a:b]
            front = para.front or is_front_matter(text_ab)
            speaker = NARRATOR if front else who.speaker
            start, end = para.span(a, b)
            rows.append({
                "doc_id": doc_id, "statement_id": f"{doc_id}:{len(rows) + 1}", "speaker": speaker,
                "side": att.state.side(speaker), "date": date or "", "date_source": date_source,
                "lang": detect(text_ab, default=lang),
                "text": text_ab, "start": start, "end": end,
                "section": "front_matter" if front else "body",
                "cue": "front_matter" if front else who.cue, "paragraph": pi + 1, "source": source,
                # a transcript turn's label ("MR. PRICE:") is not a sentence; it is kept here
                "label": para.text[:para.label_end].strip() if (k == 0 and para.label_end) else "",
            })
    return rows


def table_statements(df: pd.DataFrame, doc_id: str, source: str, registry: Registry,
                     text_col: str = "text", speaker_col: str = "speaker", date_col: str = "date",
                     lang_col: str = "lang", id_col: str = "id") -> tuple[pd.DataFrame, list]:
    """One statement per row, not re-segmented; every input column passed through."""
    problems = []
    if text_col not in df.columns:
        raise TenorError("E301", source, detail=text_col, columns=", ".join(map(str, df.columns)))
    rows = []
    for i, rec in enumerate(df.to_dict("records")):
        text = "" if pd.isna(rec.get(text_col)) else str(rec.get(text_col))
        if not text.strip():
            problems.append(problem("W302", source, row=i + 1, detail="empty text; kept as an empty statement"))
        lang = LANGS.get(str(rec.get(lang_col, "")).strip().lower()) if lang_col in df.columns else None
        lang = lang or detect(text, default="en")
        if lang == "und":
            lang = "en"
        raw_date = str(rec.get(date_col, "") or "").strip() if date_col in df.columns else ""
        date = parse_iso(raw_date[:10]) if raw_date else None
        if raw_date and not date:
            problems.append(problem("W302", source, row=i + 1, detail=f"bad date '{raw_date}'"))
        att = Attributor(registry, lang, year_of(date))
        raw_speaker = str(rec.get(speaker_col, "") or "").strip() if speaker_col in df.columns else ""
        if raw_speaker:
            speaker, cue = att.resolve_name(raw_speaker) or raw_speaker, "table"
        else:
            found = att.attribute_sentence(text) if text.strip() else None
            speaker, cue = (found.speaker, found.cue) if found else (NARRATOR, "none")
        sid = rec.get(id_col) if id_col in df.columns else None
        row = {
            "doc_id": doc_id, "statement_id": str(sid) if sid not in (None, "") else f"{doc_id}:{i + 1}",
            "speaker": speaker, "side": att.state.side(speaker), "date": date or "",
            "date_source": "table" if date else "none", "lang": lang, "text": text,
            "start": 0, "end": len(text), "section": "body", "cue": cue, "paragraph": i + 1,
            "source": source, "label": "",
        }
        for k, v in rec.items():
            row[f"input_{k}" if k in COLUMNS else k] = v
        rows.append(row)
    return pd.DataFrame(rows), problems


def statements(paths, registry: Registry | None = None, text_col: str = "text",
               speaker_col: str = "speaker", date_col: str = "date", lang_col: str = "lang",
               id_col: str = "id", exclude=()) -> Result:
    """Read every input (files, folders) into statements; problems are collected, never fatal."""
    registry = registry or Registry.load()
    inputs = collect(paths if isinstance(paths, (list, tuple)) else [paths], exclude=exclude)
    result = Result(pd.DataFrame(columns=COLUMNS), list(inputs.problems))
    frames = []
    for doc_id, path, meta in inputs.documents:
        try:
            decoded = read_text(path)
        except TenorError as e:
            result.problems.append(e.problem)
            continue
        result.problems.extend(decoded.problems)
        rows = document_statements(decoded.text, doc_id, meta, registry, str(path))
        result.documents.append((doc_id, str(path), decoded.encoding, len(rows)))
        frames.append(pd.DataFrame(rows, columns=COLUMNS))
    for doc_id, path in inputs.tables:
        try:
            df, probs = read_table(Path(path))
            out, probs2 = table_statements(df, doc_id, str(path), registry, text_col, speaker_col,
                                           date_col, lang_col, id_col)
        except TenorError as e:
            result.problems.append(e.problem)
            continue
        result.problems.extend(probs + probs2)
        result.documents.append((doc_id, str(path), "table", len(out)))
        frames.append(out)
    if frames:
        result.statements = pd.concat([f for f in frames if len(f)] or frames, ignore_index=True)
    return result
