"""Tables of turns or statements (.csv, .tsv, .jsonl, .ndjson, .jsonl.gz, .parquet).

A `text` column is required (another name with text_col); `id`, `speaker`, `date` and `lang` are
used when present, and every input column is passed through. By default each row is a turn (an
answer, a speech) and is segmented into statements that keep the row's speaker and date; with
rows="statements" each row is one statement, not re-segmented.

`read_table` reads a whole table; `iter_table` streams it in chunks of rows (bounded memory) and
`count_rows` counts rows without holding them, for the corpus runner's progress bar.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

import pandas as pd

# compressed tables read here: the documents collector and file-name stems use the same list
COMPRESSED = (".jsonl.gz", ".ndjson.gz", ".csv.gz", ".tsv.gz")

from analysis.errors import TenorError, problem

def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    return "tsv" if name.endswith((".tsv", ".tsv.gz")) else "csv"


def _jsonl_chunks(path: Path, chunk_rows: int, problems: list) -> Iterator[pd.DataFrame]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    rows = []
    with opener(path, "rt", encoding="utf-8-sig") as fh:
        for i, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(problem("E302", path, row=i, detail=f"not JSON ({e.msg})"))
                continue
            if not isinstance(obj, dict):
                problems.append(problem("E302", path, row=i, detail="not a JSON object"))
                continue
            rows.append(obj)
            if len(rows) >= chunk_rows:
                yield pd.DataFrame(rows)
                rows = []
    if rows:
        yield pd.DataFrame(rows)


def _chunks(path: Path, chunk_rows: int, problems: list) -> Iterator[pd.DataFrame]:
    kind = _kind(path)
    if kind == "jsonl":
        yield from _jsonl_chunks(path, chunk_rows, problems)
    elif kind == "parquet":
        import pyarrow.parquet as pq
        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_rows):
            yield batch.to_pandas()
    else:
        reader = pd.read_csv(path, sep="\t" if kind == "tsv" else ",", dtype=str, keep_default_na=False,
                             encoding="utf-8-sig", chunksize=chunk_rows)
        with reader:
            yield from reader


def iter_table(path: Path, chunk_rows: int = 1000, problems: list | None = None) -> Iterator[pd.DataFrame]:
    """The table's rows in chunks (a RangeIndex continuing across chunks); bad JSON lines go to
    `problems` and are skipped; an unreadable file raises E105 naming it."""
    path = Path(path)
    problems = problems if problems is not None else []
    start = 0
    try:
        for chunk in _chunks(path, chunk_rows, problems):
            chunk.index = pd.RangeIndex(start, start + len(chunk))
            start += len(chunk)
            yield chunk
    except (OSError, UnicodeDecodeError, ValueError, EOFError, pd.errors.ParserError) as e:
        raise TenorError("E105", path, detail=str(e).splitlines()[0][:200]) from None


def read_table(path: Path) -> tuple[pd.DataFrame, list]:
    """The whole table, and problems (bad JSON lines are reported and skipped, by line)."""
    path = Path(path)
    problems: list = []
    if path.stat().st_size == 0:
        raise TenorError("E101", path)
    frames = list(iter_table(path, 100_000, problems))
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if df.empty and not len(df.columns):
        raise TenorError("E101", path)
    return df, problems


def columns_of(path: Path) -> list[str]:
    """The table's column names, read from its head only."""
    path = Path(path)
    if _kind(path) == "parquet":
        import pyarrow.parquet as pq
        return list(pq.ParquetFile(path).schema_arrow.names)
    for chunk in iter_table(path, 50):
        return list(map(str, chunk.columns))
    return []


def count_rows(path: Path) -> int:
    """Rows in the table (a pass over the file; Parquet from its metadata)."""
    path = Path(path)
    if _kind(path) == "parquet":
        import pyarrow.parquet as pq
        return pq.ParquetFile(path).metadata.num_rows
    if _kind(path) == "jsonl":
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8-sig") as fh:
            return sum(1 for line in fh if line.strip())
    return sum(len(c) for c in iter_table(path, 20_000))
