"""Speaker attribution measured against a gold file of sentences.

`speakers(gold, docs)`: attribution accuracy. The gold file (TSV or CSV) has one row per sentence:
doc_id, n, section (body | front_matter), speaker, text. Each gold sentence is aligned to the
statements Tenor produced for the same document by its characters (whitespace ignored), so the
comparison does not depend on both sides splitting sentences identically.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.errors import TenorError
from analysis.extract.build import statements

WS = re.compile(r"\s+")


@dataclass
class SpeakerReport:
    rows: pd.DataFrame                       # one row per gold sentence, with predicted speaker
    problems: list = field(default_factory=list)

    @property
    def body(self) -> pd.DataFrame:
        return self.rows[self.rows.section == "body"]

    def accuracy(self, frame: pd.DataFrame | None = None) -> float:
        f = self.body if frame is None else frame
        return float((f.speaker == f.predicted).mean()) if len(f) else float("nan")

    def summary(self) -> str:
        b = self.body
        lines = [f"attribution accuracy (body sentences): {self.accuracy():.3f}  "
                 f"({int((b.speaker == b.predicted).sum())}/{len(b)})"]
        for lang, g in b.groupby("lang"):
            lines.append(f"  lang {lang}: {self.accuracy(g):.3f} ({len(g)})")
        for doc, g in b.groupby("doc_id"):
            lines.append(f"  {doc}: {self.accuracy(g):.3f} ({len(g)})")
        fm = self.rows
        sec = float((fm.section == fm.predicted_section).mean()) if len(fm) else float("nan")
        lines.append(f"front matter / body agreement (all sentences): {sec:.3f} ({len(fm)})")
        seg = float((self.rows.n_statements == 1).mean()) if len(self.rows) else float("nan")
        lines.append(f"gold sentences inside a single statement: {seg:.3f}")
        classes = sorted(set(b.speaker) | set(b.predicted))
        f1s = []
        for c in classes:
            tp = int(((b.speaker == c) & (b.predicted == c)).sum())
            fp = int(((b.speaker != c) & (b.predicted == c)).sum())
            fn = int(((b.speaker == c) & (b.predicted != c)).sum())
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1s.append(2 * p * r / (p + r) if p + r else 0.0)
            lines.append(f"  {c:<22} precision {p:.2f} recall {r:.2f} f1 {f1s[-1]:.2f} (gold {tp + fn})")
        if f1s:
            lines.append(f"macro-F1 over speakers: {sum(f1s) / len(f1s):.3f}")
        wrong = b[b.speaker != b.predicted]
        if len(wrong):
            lines.append("errors:")
            for r in wrong.itertuples():
                lines.append(f"  {r.doc_id} #{r.n}: gold {r.speaker!r}, got {r.predicted!r}: {r.text[:90]}")
        return "\n".join(lines)


def read_gold(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    if not path.is_file():
        raise TenorError("E104", path)
    sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        gold = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False,
                           quoting=csv.QUOTE_NONE if sep == "\t" else csv.QUOTE_MINIMAL)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as e:
        raise TenorError("E701", path, detail=f"cannot be read as a gold table ({e})") from None
    need = {"doc_id", "speaker", "text"}
    if not need <= set(gold.columns):
        raise TenorError("E701", path, detail=f"a speaker gold file needs columns {sorted(need)}; "
                         f"has {list(gold.columns)}")
    if "section" not in gold.columns:
        gold["section"] = "body"
    if "n" not in gold.columns:
        gold["n"] = gold.groupby("doc_id").cumcount() + 1
    return gold


def align(gold: pd.DataFrame, predicted: pd.DataFrame) -> pd.DataFrame:
    """For each gold sentence: the predicted speaker covering most of its characters."""
    out = []
    for doc_id, g in gold.groupby("doc_id", sort=False):
        # a multi-item file's items are units of their own ("day#3"): the gold names the file
        p = predicted[(predicted.doc_id == doc_id) | predicted.doc_id.str.startswith(f"{doc_id}#")]
        chars, owner = [], []
        for k, t in enumerate(p.text.tolist()):
            s = WS.sub("", t)
            chars.append(s)
            owner.extend([k] * len(s))
        flat = "".join(chars)
        cursor = 0
        for r in g.itertuples():
            needle = WS.sub("", r.text)
            pos = flat.find(needle, cursor)
            if pos < 0:
                pos = flat.find(needle)
            if pos < 0 or not needle:
                out.append({**r._asdict(), "predicted": "(missing)", "predicted_section": "(missing)",
                            "n_statements": 0})
                continue
            cursor = pos + len(needle)
            ks = Counter(owner[pos:pos + len(needle)])
            k = ks.most_common(1)[0][0]
            row = p.iloc[k]
            out.append({**r._asdict(), "predicted": row.speaker, "predicted_section": row.section,
                        "n_statements": len(ks)})
    df = pd.DataFrame(out)
    return df.drop(columns=["Index"], errors="ignore")


def speakers(gold_path: str | Path, docs) -> SpeakerReport:
    gold = read_gold(gold_path)
    result = statements(docs, exclude=[gold_path])
    rows = align(gold, result.statements)
    langs = result.statements.groupby("doc_id").lang.agg(lambda s: s.mode().iat[0])
    rows["lang"] = rows.doc_id.map(langs).fillna("?")
    return SpeakerReport(rows, result.problems)


