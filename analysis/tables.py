"""Tables of statements (.csv, .tsv, .jsonl, .jsonl.gz, .parquet): one row, one statement.

Rows are not re-segmented. A `text` column is required (another name with text_col); `id`,
`speaker`, `date` and `lang` are used when present. Every input column is passed through.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd

from .errors import TenorError, problem


def read_table(path: Path) -> tuple[pd.DataFrame, list]:
    """The table as strings, and problems (bad JSON lines are reported and skipped, by line)."""
    name = path.name.lower()
    problems = []
    try:
        if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
            opener = gzip.open if name.endswith(".gz") else open
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
            df = pd.DataFrame(rows)
        elif name.endswith(".parquet"):
            df = pd.read_parquet(path)
        else:
            sep = "\t" if name.endswith((".tsv", ".tsv.gz")) else ","
            df = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, ValueError, EOFError, pd.errors.ParserError) as e:
        raise TenorError("E105", path, detail=str(e).splitlines()[0][:200])
    if df.empty and not len(df.columns):
        raise TenorError("E101", path)
    return df, problems
