"""Finished work kept across runs of `tenor score --out` and `tenor report` (documents and tables
without `--store`): statements are scored in chunks of CHUNK, and each finished chunk's score
columns are written to `<cache>/runs/<key>/<chunk>.parquet` (the user's cache: $TENOR_CACHE, else
~/.cache/tenor). The key hashes the statements (ids, languages, texts), the scorers, their
parameters and the versions of Tenor's code and data and of each scorer, so a chunk is only ever
re-used for the same statements scored the same way. A run stopped part-way (Ctrl-C, a crash)
re-uses the chunks it finished when the same command is run again; a run that finishes removes its
folder; folders of runs abandoned more than 30 days ago are removed by the next run.

A finished chunk is written once the chunks not yet written took SAVE_AFTER seconds to score (at
once for the transformer, whose chunks take seconds each), and every finished chunk not yet written
is written when the run stops on Ctrl-C or an error. So a fast scorer's run (the lexicon scores
20,000 statements in about half a second) writes nothing: writing and syncing a Parquet file per
chunk cost it more than the scoring. Only a run killed outright (SIGKILL, power) loses the up to
SAVE_AFTER seconds of scoring not yet written.

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
SAVE_AFTER = 2.0                # seconds of scoring not yet written after which it is written
GROW_BELOW, MAX_GROUP = 0.25, 64    # a batch-free scorer's chunks per call double while a call takes
                                    # under GROW_BELOW seconds, up to MAX_GROUP chunks
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


def _chunk_columns(part: pd.DataFrame, built: dict, path: Path, earlier: bool) -> tuple[pd.DataFrame, bool]:
    """(the chunk's score columns, whether they were re-used from an earlier run: looked for only
    when the run's folder exists, `earlier`)."""
    if earlier and path.exists():
        try:
            cols = pd.read_parquet(path)
            if len(cols) == len(part):
                cols.index = part.index
                return cols, True
        except Exception:       # a damaged chunk file: scored again
            pass
    return pd.concat([s.score_frame(part) for s in built.values()], axis=1), False


def _keep(pending: list) -> None:
    """Write each (path, score columns) of finished chunks to the run's folder, and empty the list."""
    for path, cols in pending:
        try:
            write_bytes_atomic(lambda fh: cols.reset_index(drop=True).to_parquet(fh, index=False), path)
        except Exception as e:      # a chunk that cannot be kept is still scored; the run goes on
            print(f"W503 {path}: could not keep this chunk's scores ({e})", file=sys.stderr)
    pending.clear()


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
    earlier = folder.exists()
    pending, unsaved = [], 0.0      # finished chunks not yet written, and their scoring time
    # one bar over the whole run (a widget in a notebook: analysis.progress); the chunks draw none
    bar = progress.bar(len(df), "statements", "scoring", show=len(df) > 2000)
    # scorers whose scores of a statement do not depend on the others scored with it (batch_free)
    # score several chunks in one call, more while calls stay short: one call per chunk of 200 cost
    # the lexicon twice its scoring (a frame per call); each chunk is still kept on its own
    grow = not earlier and all(getattr(s, "batch_free", False) for s in built.values())
    k = 1
    try:
        while len(parts) < len(starts):
            i = len(parts)
            t0 = time.perf_counter()
            group = starts[i:i + k]
            with progress.inner():
                if len(group) == 1:
                    cols, old = _chunk_columns(df.iloc[group[0]:group[0] + chunk], built,
                                               folder / f"{i:06d}.parquet", earlier)
                    done = [cols]
                else:
                    whole, old = _chunk_columns(df.iloc[group[0]:group[-1] + chunk], built, folder, False)
                    done = [whole.iloc[a - group[0]:a - group[0] + chunk] for a in group]
            took = time.perf_counter() - t0
            parts.extend(done)
            reused += old
            if not old:
                pending.extend((folder / f"{j:06d}.parquet", c) for j, c in enumerate(done, start=i))
                unsaved += took
                if unsaved >= SAVE_AFTER:
                    _keep(pending)
                    unsaved = 0.0
            if grow and took < GROW_BELOW:
                k = min(2 * k, MAX_GROUP)
            bar.update(sum(len(c) for c in done))
    except KeyboardInterrupt:
        _keep(pending)
        raise Interrupted(len(parts), len(starts), folder) from None
    except BaseException:
        _keep(pending)      # a crash keeps what was scored too
        raise
    finally:
        bar.close()
    if reused:
        log(f"re-used {reused} of {len(starts)} chunks of {chunk} statements scored by an earlier, "
            f"interrupted run ({folder})")
    cols = pd.concat(parts)
    out, _ = scorers.apply(df, built={name: _Scored(cols[s.columns()]) for name, s in built.items()})
    shutil.rmtree(folder, ignore_errors=True)
    return out, warnings
