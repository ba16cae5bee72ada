"""The corpus store: a folder of Parquet parts that notebooks and reports query with DuckDB.

    store/
      manifest.json          what made it: input file hash, columns, scorers and their versions
      parts/part-000007.parquet   the statements of chunk 7 (input rows 3,501-4,000), scored
      parts/part-000007.json      that chunk's rows, statements, problems and seconds

A part is written to a temporary file and renamed, so a run killed at any point leaves whole parts
only; a chunk is done when its Parquet part exists and reads. A damaged part is moved aside and
redone (W601). The store holds the results of one configuration: a run with another input or other
scorers refuses to mix into it (E601) unless told to start afresh.

    store = Store("mfa_store")
    store.frame()                                   # every statement, in input order
    store.query("SELECT speaker, avg(lexicon_score) FROM statements GROUP BY 1")
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd

from analysis.errors import TenorError, problem
from analysis.output import write_bytes_atomic, write_text_atomic

PART = re.compile(r"^part-(\d{6})\.parquet$")


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.parts_dir = self.path / "parts"
        self.warnings: list = []

    # -- configuration ---------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        return self.path / "manifest.json"

    def manifest(self) -> dict | None:
        if not self.manifest_path.exists():
            return None
        try:
            return json.loads(self.manifest_path.read_text("utf-8"))
        except (OSError, ValueError) as e:
            raise TenorError("E602", self.manifest_path, detail=f"unreadable manifest ({e}); "
                             "start afresh with --overwrite") from None

    def open(self, config: dict, fingerprint: str, overwrite: bool = False) -> "Store":
        """Make or reopen the store for this configuration."""
        if self.path.exists() and not self.path.is_dir():
            raise TenorError("E602", self.path, detail="exists and is not a folder")
        old = self.manifest() if self.path.exists() else None
        if old is None and self.path.exists() and any(self.path.iterdir()) and not overwrite:
            raise TenorError("E602", self.path, detail="folder is not empty and is not a Tenor store; "
                             "give a new folder or --overwrite")
        if old is not None and old.get("fingerprint") != fingerprint:
            if not overwrite:
                changed = sorted(k for k in set(config) | set(old.get("config", {}))
                                 if config.get(k) != old.get("config", {}).get(k))
                raise TenorError("E601", self.path, detail="holds the results of a different run "
                                 f"(differs in: {', '.join(changed) or 'scorer versions'}); give a new "
                                 "--store or --overwrite to start afresh")
        if overwrite and self.path.exists() and (old is None or old.get("fingerprint") != fingerprint):
            shutil.rmtree(self.path)
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        for tmp in self.parts_dir.glob(".*.tmp"):      # left by a run killed while writing a part
            tmp.unlink()
        if old is None or old.get("fingerprint") != fingerprint:
            write_text_atomic(json.dumps({"fingerprint": fingerprint, "config": config, "complete": False},
                                         indent=2, ensure_ascii=False) + "\n", self.manifest_path)
        return self

    def mark_complete(self, summary: dict) -> None:
        m = self.manifest() or {}
        m.update(complete=True, summary=summary)
        write_text_atomic(json.dumps(m, indent=2, ensure_ascii=False) + "\n", self.manifest_path)

    # -- parts -------------------------------------------------------------------------------
    def part_path(self, index: int) -> Path:
        return self.parts_dir / f"part-{index:06d}.parquet"

    def done(self) -> set[int]:
        """Chunks whose parts exist and read; damaged parts are moved aside (W601)."""
        import pyarrow.parquet as pq
        out = set()
        if not self.parts_dir.exists():
            return out
        for f in sorted(self.parts_dir.iterdir()):
            m = PART.match(f.name)
            if not m:
                continue
            try:
                pq.read_metadata(f)
                out.add(int(m.group(1)))
            except Exception as e:          # any unreadable part: set aside, redo the chunk
                aside = f.with_name(f.name + ".damaged")
                f.replace(aside)
                self.warnings.append(problem("W601", f, detail=f"damaged part ({type(e).__name__}) "
                                             f"moved to {aside.name}; its chunk is redone"))
        return out

    def write_part(self, index: int, df: pd.DataFrame, info: dict) -> None:
        """The chunk's information first, then its part (the part's rename marks it done)."""
        write_text_atomic(json.dumps(info, ensure_ascii=False) + "\n",
                          self.part_path(index).with_suffix(".json"))
        table = _arrow(df)
        import pyarrow.parquet as pq
        write_bytes_atomic(lambda fh: pq.write_table(table, fh, compression="zstd"), self.part_path(index))

    def infos(self) -> list[dict]:
        out = []
        for i in sorted(self.done()):
            f = self.part_path(i).with_suffix(".json")
            if f.exists():
                out.append(json.loads(f.read_text("utf-8")))
        return out

    # -- reading -----------------------------------------------------------------------------
    def _glob(self) -> str:
        return str(self.parts_dir / "part-*.parquet")

    def connect(self):
        """A DuckDB connection with a view `statements` over every part (in input order)."""
        import duckdb
        if not self.done():
            raise TenorError("E602", self.path, detail="no results in this store yet")
        con = duckdb.connect()
        con.execute("SET threads TO 2")
        glob = self._glob().replace("'", "''")
        con.execute(f"CREATE VIEW statements AS SELECT * FROM read_parquet('{glob}', union_by_name=true) "
                    "ORDER BY paragraph, start, statement_id")
        return con

    def query(self, sql: str, params=None) -> pd.DataFrame:
        con = self.connect()
        try:
            return con.execute(sql, params or []).df()
        finally:
            con.close()

    def frame(self, columns: list[str] | None = None) -> pd.DataFrame:
        """Every statement in input order (or the columns asked for)."""
        cols = ", ".join(f'"{c}"' for c in columns) if columns else "*"
        return self.query(f"SELECT {cols} FROM statements")

    def iter_parts(self):
        """Each part as a DataFrame, in chunk order (bounded memory)."""
        for i in sorted(self.done()):
            yield pd.read_parquet(self.part_path(i))


def _arrow(df: pd.DataFrame):
    """Contract columns and scores keep their types; every other column (passed-through input,
    labels, evidence) is stored as text, missing values as nulls: a passed-through column's type may
    differ between chunks of a JSON table, and the parts must read as one."""
    import pyarrow as pa
    from analysis.extract.build import COLUMNS
    df = df.copy()
    for c in df.columns:
        if c in COLUMNS or (c.endswith(("_score", "_sentiment")) and df[c].dtype.kind == "f"):
            continue
        df[c] = df[c].map(lambda v: None if v is None or (isinstance(v, float) and v != v) else str(v))
    return pa.Table.from_pandas(df, preserve_index=False)
