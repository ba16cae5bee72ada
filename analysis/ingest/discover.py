"""Find the inputs: documents (.txt, .md) and folders of them, their manifest.csv, and tables of
statements (.csv, .tsv, .jsonl, .jsonl.gz). Problems are collected, naming the file; nothing that
can be read is skipped."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from analysis.extract.dates import parse_iso
from analysis.errors import Problem, TenorError, problem
from analysis.ingest.tables import COMPRESSED
from analysis.ingest.decode import decode_bytes

DOC_SUFFIXES = {".txt", ".md", ".text"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}
KINDS = ("news", "readout", "speech", "transcript", "talk", "statement", "letter", "article",
         "interview", "remarks")
# kinds whose every sentence is the author's (the guidelines' first-person documents)
FIRST_PERSON_KINDS = {"speech", "talk", "statement", "letter", "article", "interview", "remarks",
                      "op-ed", "message"}
LANGS = {"en": "en", "english": "en", "zh": "zh", "chinese": "zh", "zh-cn": "zh", "zh-hans": "zh",
         "zh-tw": "zh", "zh-hant": "zh", "cn": "zh", "中文": "zh", "汉语": "zh", "漢語": "zh"}
MANIFEST_COLUMNS = ("file", "date", "language", "outlet", "kind", "author", "title")


@dataclass
class Meta:
    date: str | None = None
    lang: str | None = None
    outlet: str = ""
    kind: str = ""
    author: str = ""
    title: str = ""


@dataclass
class Inputs:
    documents: list = field(default_factory=list)   # (doc_id, path, Meta or None)
    tables: list = field(default_factory=list)      # (doc_id, path)
    problems: list = field(default_factory=list)


def stem(p: Path) -> str:
    """A file's name without its suffix, both parts of a compressed table's ("a.jsonl.gz" -> "a")."""
    for suf in COMPRESSED:
        if p.name.lower().endswith(suf):
            return p.name[: -len(suf)]
    return p.stem


def is_table(p: Path) -> bool:
    """A table of turns or statements (by its name), not a document."""
    name = p.name.lower()
    return p.suffix.lower() in TABLE_SUFFIXES or name.endswith(COMPRESSED)


def read_manifest(path: Path) -> tuple[dict, list[Problem]]:
    """file name -> Meta, and the problems found in the manifest."""
    problems: list[Problem] = []
    try:
        text = decode_bytes(path.read_bytes(), path).text
    except TenorError as e:
        return {}, [problem("E201", path, detail=e.problem.message)]
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows:
        return {}, [problem("E201", path, detail="no rows")]
    cols = {c.strip().lower() for c in rows[0].keys() if c}
    if "file" not in cols:
        return {}, [problem("E201", path, detail=f"no 'file' column (columns: {', '.join(sorted(cols))}); "
                                                 f"expected {', '.join(MANIFEST_COLUMNS)}")]
    missing = [c for c in ("date", "language") if c not in cols]
    if missing:
        problems.append(problem("E201", path, detail=f"missing column(s) {', '.join(missing)}: "
                                                     "these are taken from the text"))
    out: dict = {}
    folder = path.parent.resolve()
    for i, raw in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        name = row.get("file", "")
        if not name:
            problems.append(problem("E201", path, detail=f"row {i} has an empty 'file'"))
            continue
        target = (folder / name).resolve()
        if folder not in target.parents and target != folder:
            problems.append(problem("E203", path, row=i, detail=name))
            continue
        if not target.exists():
            problems.append(problem("E202", path, row=i, detail=name))
            continue
        if name in out:
            problems.append(problem("W202", path, row=i, detail=name))
            continue
        meta = Meta(outlet=row.get("outlet", ""), kind=row.get("kind", "").lower(),
                    author=row.get("author", ""), title=row.get("title", ""))
        if row.get("date"):
            meta.date = parse_iso(row["date"])
            if meta.date is None:
                problems.append(problem("W201", path, row=i, detail=row["date"]))
        if row.get("language"):
            meta.lang = LANGS.get(row["language"].lower())
            if meta.lang is None:
                problems.append(problem("W204", path, row=i, detail=row["language"]))
        if meta.kind and meta.kind not in KINDS:
            problems.append(problem("W205", path, row=i, detail=meta.kind, kinds=", ".join(KINDS)))
        out[name] = meta
    return out, problems


def collect(paths: list[str | Path], exclude=()) -> Inputs:
    """Expand files and folders into documents and tables, with their manifests.

    exclude: files not to treat as inputs (e.g. a gold file kept beside its documents)."""
    found = Inputs()
    excluded = {Path(e).resolve() for e in exclude}
    seen_ids: dict = {}
    manifests: dict = {}

    def doc_id_for(p: Path, root: Path | None) -> str:
        base = stem(p)
        if root is not None and p.parent != root:
            base = str(p.parent.relative_to(root) / base)
        did = base
        n = 2
        while did in seen_ids and seen_ids[did] != p:
            did = f"{base}~{n}"
            n += 1
        seen_ids[did] = p
        return did

    def meta_for(p: Path):
        mf = p.parent / "manifest.csv"
        if not mf.exists():
            return None
        if mf not in manifests:
            manifests[mf] = read_manifest(mf)
            found.problems.extend(manifests[mf][1])
        table = manifests[mf][0]
        if p.name not in table:
            found.problems.append(problem("W203", p))
            return None
        return table[p.name]

    for raw in paths:
        p = Path(raw)
        if not p.exists():
            found.problems.append(problem("E104", p))
            continue
        if p.is_dir():
            every = sorted(f for f in p.rglob("*") if f.is_file())
            hidden = [f for f in every if any(part.startswith(".") for part in f.relative_to(p).parts)]
            if hidden:  # .DS_Store, .git, .ipynb_checkpoints copies: left out, but said
                shown = ", ".join(str(f.relative_to(p)) for f in hidden[:3])
                found.problems.append(problem("W107", p, detail=f"{len(hidden)} ({shown}"
                                              + (", ..." if len(hidden) > 3 else "") + ")"))
            left_out = set(hidden)
            files = [f for f in every if f not in left_out]
            for f in files:
                if f.name == "manifest.csv" or f.resolve() in excluded:
                    continue
                if f.suffix.lower() in DOC_SUFFIXES:
                    found.documents.append((doc_id_for(f, p), f, meta_for(f)))
                elif is_table(f):
                    found.tables.append((doc_id_for(f, p), f))
                else:   # said, not silently passed over (the same file named directly is E106)
                    found.problems.append(problem("W106", f, detail=f.suffix or f.name))
            continue
        if p.suffix.lower() in DOC_SUFFIXES:
            found.documents.append((doc_id_for(p, None), p, meta_for(p)))
        elif is_table(p):
            found.tables.append((doc_id_for(p, None), p))
        else:
            found.problems.append(problem("E106", p, detail=p.suffix or p.name))
    return found
