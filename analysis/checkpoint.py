"""Finished work kept across runs of `tenor score --out` and `tenor report` (documents and tables
without `--store`): statements are scored in chunks of CHUNK, and each finished chunk's score
columns are written to `<cache>/runs/<key>/<chunk>.parquet` (the user's cache: $TENOR_CACHE, else
~/.cache/tenor). The key hashes the statements (ids, languages, texts), the scorers, their
parameters and the versions of Tenor's code and data and of each scorer, so a chunk is only ever
re-used for the same statements scored the same way. A run stopped part-way (Ctrl-C, a crash)
re-uses the chunks it finished when the same command is run again; a run that finishes removes its
folder; folders of runs abandoned more than 30 days ago are removed by the next run.

What is not kept: reading the documents into statements (seconds for megabytes) is done again.
Scores are plain Parquet columns, never pickles; a damaged chunk file is scored again.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

import pandas as pd

from analysis import __version__, progress, scorers
from analysis.config import cache_root
from analysis.output import write_bytes_atomic

CHUNK = 200                     # statements per chunk: 5 to 20 s of the transformer on two cores
KEEP_DAYS = 30
PACKAGE = Path(__file__).resolve().parent


class Interrupted(Exception):
    """A scoring run stopped part-way; its finished chunks are kept."""

    def __init__(self, done: int, total: int, folder: Path):
        self.done, self.total, self.folder = done, total, folder
        super().__init__(f"interrupted after {done} of {total} chunks of statements; the finished "
                         f"chunks are kept in {folder}: run the same command again to re-use them")


def runs_dir() -> Path:
    return cache_root() / "runs"


def _code_hash() -> str:
    h = hashlib.sha256()
    files = sorted(PACKAGE.rglob("*.py")) + sorted(f for f in (PACKAGE / "data").rglob("*")
                                                   if f.is_file() and "gold" not in f.parts)
    for f in files:
        h.update(str(f.relative_to(PACKAGE)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def run_key(df: pd.DataFrame, names: list, params: dict | None, chunk: int = CHUNK) -> str:
    """The hash of what decides the scores: the statements, the chunk size, the scorers and their
    versions."""
    h = hashlib.sha256()
    cols = [c for c in ("doc_id", "statement_id", "lang", "text") if c in df.columns]
    h.update(pd.util.hash_pandas_object(df[cols].astype(str), index=False).to_numpy().tobytes())
    params = {n: {k: v for k, v in ((params or {}).get(n) or {}).items() if v is not None} for n in names}
    versions = {n: scorers.scorer_class(n).versions(**params[n]) for n in names}
    h.update(json.dumps([__version__, _code_hash(), chunk, names, params, versions], sort_keys=True,
                        default=str).encode())
    return h.hexdigest()[:20]


class _Scored:
    """A built scorer's columns computed chunk by chunk, handed to scorers.apply (which names the
    columns and keeps an input's own score columns apart, as for any scorer)."""

    def __init__(self, cols: pd.DataFrame):
        self.cols = cols

    def score_frame(self, df: pd.DataFrame) -> pd.DataFrame:
        return self.cols.loc[df.index]


def _prune(root: Path, keep: Path) -> None:
    if not root.exists():
        return
    cutoff = time.time() - KEEP_DAYS * 86400
    for d in root.iterdir():
        if d != keep and d.is_dir() and d.stat().st_mtime < cutoff:
            shutil.rmtree(d, ignore_errors=True)


def _chunk_columns(part: pd.DataFrame, built: dict, path: Path) -> tuple[pd.DataFrame, bool]:
    """(the chunk's score columns, whether they were re-used from an earlier run)."""
    if path.exists():
        try:
            cols = pd.read_parquet(path)
            if len(cols) == len(part):
                cols.index = part.index
                return cols, True
        except Exception:       # a damaged chunk file: scored again
            pass
    cols = pd.concat([s.score_frame(part) for s in built.values()], axis=1)
    try:
        write_bytes_atomic(lambda fh: cols.reset_index(drop=True).to_parquet(fh, index=False), path)
    except Exception as e:      # a chunk that cannot be kept is still scored; the run goes on
        print(f"W503 {path}: could not keep this chunk's scores ({e})", file=sys.stderr)
    return cols, False


def score(df: pd.DataFrame, names=None, params: dict | None = None, strict: bool = False,
          chunk: int | None = None, log=None) -> tuple[pd.DataFrame, list]:
    """scorers.apply(df, names, params, strict), chunk by chunk, keeping finished chunks (module
    docstring). Returns (DataFrame, warnings); raises Interrupted on Ctrl-C."""
    log = log or (lambda msg: print(msg, file=sys.stderr))
    chunk = chunk or CHUNK
    built, warnings = scorers.build(names, params, strict)
    if not built or df.empty:
        out, _ = scorers.apply(df, built=built)
        return out, warnings
    folder = runs_dir() / run_key(df, sorted(built), params, chunk)
    _prune(folder.parent, folder)
    starts = list(range(0, len(df), chunk))
    parts, reused = [], 0
    # one bar over the whole run (a widget in a notebook: analysis.progress); the chunks draw none
    bar = progress.bar(len(df), "statements", "scoring", show=len(df) > 2000)
    try:
        for i, start in enumerate(starts):
            with progress.inner():
                cols, old = _chunk_columns(df.iloc[start:start + chunk], built, folder / f"{i:06d}.parquet")
            parts.append(cols)
            reused += old
            bar.update(len(cols))
    except KeyboardInterrupt:
        raise Interrupted(len(parts), len(starts), folder) from None
    finally:
        bar.close()
    if reused:
        log(f"re-used {reused} of {len(starts)} chunks of {chunk} statements scored by an earlier, "
            f"interrupted run ({folder})")
    cols = pd.concat(parts)
    out, _ = scorers.apply(df, built={name: _Scored(cols[s.columns()]) for name, s in built.items()})
    shutil.rmtree(folder, ignore_errors=True)
    return out, warnings
