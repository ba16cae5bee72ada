"""A corpus at scale: a table of turns streamed in chunks into a store, resumable, on one machine
or on a Dask cluster.

    summary = run("mfa.csv", "mfa_store", text_col="answer", speaker_col="spokesperson",
                  id_col="row_id")                      # engine="dask" for a cluster

Each chunk of rows (chunk_rows) is segmented into attributed statements and scored, then written
to the store as one Parquet part (analysis.store). Memory holds one chunk per worker, whatever the
size of the corpus. A chunk whose part exists is not redone, so a run stopped at any point (Ctrl-C,
a crash, a killed machine) resumes where it stopped when the same command is given again. The
store remembers what made it (input file hash, options, scorer and code versions) and refuses to mix
results of another configuration into it.

Engines: "local" processes chunks in this process; "dask" sends them to a Dask distributed cluster
(a local one by default, or `scheduler="tcp://host:8786"`) and writes the parts here as results come
back. Chunks, and so statements and scores, are the same with both engines, bit for bit: each
chunk is a pure function of its rows and the configuration (the encoder's thread count included,
since bfloat16 products depend on it); the store, not the result cache, is what makes a re-run free.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.config import PACKAGE
from analysis.hashing import file_hash
from analysis.ingest.discover import is_table, stem
from analysis.errors import TenorError
from analysis.extract.build import check_columns
from analysis.corpus.store import Store
from analysis.ingest.tables import columns_of, count_rows, iter_table
from analysis.progress import bar as progress_bar, inner as inner_progress

ENGINES = ("local", "dask")


@dataclass
class Config:
    """What determines the statements and scores of a chunk (and so the store's fingerprint)."""
    table: str
    doc_id: str
    text_col: str = "text"
    speaker_col: str = "speaker"
    date_col: str = "date"
    lang_col: str = "lang"
    id_col: str = "id"
    rows: str = "turns"
    chunk_rows: int = 500
    scorers: list | None = None          # None: every registered scorer
    params: dict = field(default_factory=dict)
    registry: str | None = None
    strict: bool = False
    threads: int = 2                     # the encoder's threads: bfloat16 results depend on them


class Interrupted(Exception):
    """The run stopped before the end; finished chunks are in the store."""

    def __init__(self, done: int, total: int, store: Path):
        self.done, self.total, self.store = done, total, store
        super().__init__(f"interrupted after {done} of {total} chunks; the finished chunks are in "
                         f"{store}: run the same command again to resume")


ROOT = PACKAGE    # the code and data hashed into a store's fingerprint


def _hash_files(files) -> str:
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(str(f.relative_to(ROOT)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def versions(cfg: Config) -> dict:
    """Versions of everything that decides a chunk's output, without loading any model: Tenor's
    code and data files, and what each scorer says decides its output (the transformer: its encoder
    folder and head)."""
    out = {"tenor": __version__,
           "code": _hash_files(ROOT.rglob("*.py")),
           "data": _hash_files([f for f in (ROOT / "data").rglob("*") if f.is_file() and "gold" not in f.parts])}
    if cfg.registry:
        out["registry"] = file_hash(Path(cfg.registry))
    from analysis import scorers
    names = scorers.available() if cfg.scorers is None else cfg.scorers
    for name in names:
        out.update(scorers.scorer_class(name).versions(**cfg.params.get(name, {})))
    return out


# -- one chunk (runs in this process or on a Dask worker) ---------------------------------------
_BUILT: dict = {}


def _setup(cfg: Config):
    """Registry and scorers, built once per process and configuration."""
    key = json.dumps([cfg.scorers, cfg.params, cfg.registry, cfg.strict], sort_keys=True, default=str)
    if key not in _BUILT:
        from analysis import scorers
        from analysis.speakers.registry import Registry
        registry = Registry.load(cfg.registry) if cfg.registry else Registry.load()
        built, warnings = scorers.build(cfg.scorers, cfg.params, cfg.strict)
        _BUILT.clear()
        _BUILT[key] = (registry, built, warnings)
    return _BUILT[key]


def process_chunk(df: pd.DataFrame, index: int, cfg: Config) -> tuple[pd.DataFrame, dict]:
    """Statements of one chunk of rows, scored; and the chunk's information for the store."""
    from analysis import scorers
    from analysis.extract.build import table_statements
    t0 = time.perf_counter()
    registry, built, warnings = _setup(cfg)
    for scorer in built.values():
        scorer.set_threads(cfg.threads)
    first = int(df.index[0]) if len(df) else 0
    out, problems = table_statements(df, cfg.doc_id, cfg.table, registry, cfg.text_col, cfg.speaker_col,
                                     cfg.date_col, cfg.lang_col, cfg.id_col, cfg.rows, row_offset=first)
    with inner_progress():      # the run's bar counts the chunk: no encoder bar per chunk (nor on a worker)
        out, _ = scorers.apply(out, built=built)
    info = {"chunk": index, "first_row": first + 1, "rows": len(df), "statements": len(out),
            "scorers": sorted(built), "warnings": warnings, "problems": [str(p) for p in problems],
            "seconds": round(time.perf_counter() - t0, 3)}
    return out, info


# -- the run ------------------------------------------------------------------------------------
def run(table, store, text_col: str = "text", speaker_col: str = "speaker", date_col: str = "date",
        lang_col: str = "lang", id_col: str = "id", rows: str = "turns", chunk_rows: int = 500,
        scorers: list | None = None, params: dict | None = None, registry: str | None = None,
        strict: bool = False, engine: str = "local", scheduler: str | None = None,
        workers: int | None = None, threads: int | None = None, overwrite: bool = False,
        progress: bool = True, log=None, required=()) -> dict:
    """Stream the table through the pipeline into the store; returns a summary. Raises Interrupted
    (finished chunks kept) on Ctrl-C, TenorError for unusable input or a store of another run.

    threads: the transformer encoder's threads per process (default: the cores here, at most 2).
    They are part of the configuration because bfloat16 matrix products on a CPU give results that
    depend on the thread count; fixing them makes the local and Dask engines give the same bits.
    workers: Dask workers of a local cluster (default: cores / threads)."""
    table = Path(table)
    log = log or (lambda msg: print(msg, file=sys.stderr))
    if engine not in ENGINES:
        raise TenorError("E603", table, detail=f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if not table.exists():
        raise TenorError("E104", table)
    if not is_table(table):
        raise TenorError("E603", table, detail="--store streams one table of turns or statements (CSV, TSV, "
                         "JSONL, JSONL.gz or Parquet); score documents with --out FILE.csv instead")
    if table.stat().st_size == 0:
        raise TenorError("E101", table)
    cols = columns_of(table)
    if text_col not in cols:
        raise TenorError("E301", table, detail=text_col, columns=", ".join(cols))
    check_columns(cols, required, table)
    cores = cpu_count()
    threads = int(threads or min(2, cores))
    params = _clean(params)
    # the store is the cache of a corpus run: a chunk is a pure function of its rows (the result
    # cache, filled by other runs, would change which sentences share a batch and so bfloat16 bits)
    from analysis import scorers as scorer_registry
    for name in scorer_registry.available():
        if "cache" in scorer_registry.scorer_class(name)().get_params():
            params.setdefault(name, {}).setdefault("cache", False)
    cfg = Config(str(table), stem(table), text_col, speaker_col, date_col, lang_col, id_col, rows,
                 int(chunk_rows), scorers, params, registry, strict, threads)
    uses_torch = any(scorer_registry.scorer_class(n).uses_torch
                     for n in (scorers if scorers is not None else scorer_registry.available()))
    workers = int(workers or max(1, cores // threads if uses_torch else cores))
    config = {**{k: v for k, v in asdict(cfg).items() if k != "table"},
              "input": {"name": table.name, "sha256": file_hash(table)}, "versions": versions(cfg)}
    fingerprint = hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()[:16]
    st = Store(store).open(config, fingerprint, overwrite=overwrite)
    done = st.done()
    for w in st.warnings:
        log(str(w))
    total_rows = count_rows(table)
    n_chunks = -(-total_rows // cfg.chunk_rows) if total_rows else 0
    bar = _bar(total_rows, progress)
    input_problems: list = []
    t0 = time.perf_counter()
    new = 0
    try:
        chunks = ((i, df) for i, df in enumerate(iter_table(table, cfg.chunk_rows, input_problems)))
        if engine == "local":
            new = _run_local(chunks, done, cfg, st, bar)
        else:
            new = _run_dask(chunks, done, cfg, st, bar, scheduler, workers)
    except KeyboardInterrupt:
        bar.close()
        raise Interrupted(len(st.done()), n_chunks, st.path) from None
    bar.close()
    infos = st.infos()
    summary = {"rows": sum(i["rows"] for i in infos), "statements": sum(i["statements"] for i in infos),
               "chunks": len(infos), "chunks_run_now": new, "chunks_resumed": len(infos) - new,
               "engine": engine, "seconds": round(time.perf_counter() - t0, 2),
               "problems": [str(p) for p in input_problems] + [p for i in infos for p in i["problems"]],
               "warnings": sorted({w for i in infos for w in i["warnings"]})}
    st.mark_complete({k: v for k, v in summary.items() if k not in ("problems",)}
                     | {"problems": len(summary["problems"])})
    return summary


def _clean(params: dict | None) -> dict:
    return {name: {k: v for k, v in (p or {}).items() if v is not None} for name, p in (params or {}).items()}


def _bar(total: int, progress: bool):
    """The run's one bar, over the table's rows (a widget in a notebook: analysis.progress)."""
    return progress_bar(total, "rows", "corpus", show=progress, mininterval=1.0)


def _run_local(chunks, done, cfg, st, bar) -> int:
    new = 0
    for i, df in chunks:
        if i not in done:
            out, info = process_chunk(df, i, cfg)
            st.write_part(i, out, info)
            new += 1
        bar.update(len(df))
    return new


def _run_dask(chunks, done, cfg, st, bar, scheduler, workers) -> int:
    """Chunks go to the cluster, at most two per worker in flight (bounded memory here and there);
    parts are written here as results come back. No cluster is started when every chunk is done."""
    try:
        from dask.distributed import Client, LocalCluster, wait
    except ImportError as e:
        raise TenorError("E603", "dask", detail=f"{e}; install dask[distributed]") from None
    cluster = client = None
    pending: dict = {}
    new = 0

    def collect(futures):
        nonlocal new
        for f in futures:
            i, n = pending.pop(f)
            out, info = f.result()
            st.write_part(i, out, info)
            new += 1
            bar.update(n)

    try:
        for i, df in chunks:
            if i in done:
                bar.update(len(df))
                continue
            if client is None:
                if scheduler:
                    client = Client(scheduler)
                else:
                    # one thread per worker process: the scorers' own threads (torch) use the cores
                    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=40)
                    client = Client(cluster)
                window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
            pending[client.submit(process_chunk, df, i, cfg, pure=False)] = (i, len(df))
            if len(pending) >= window:
                finished, _ = wait(list(pending), return_when="FIRST_COMPLETED")
                collect(finished)
        while pending:
            finished, _ = wait(list(pending), return_when="FIRST_COMPLETED")
            collect(finished)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return new


def export_csv(store, out) -> Path:
    """The store's statements as one CSV in input order, written by DuckDB (it streams and spills
    to disk, so memory stays bounded), atomically."""
    from analysis.output import atomic_path
    con = Store(store).connect()
    try:
        with atomic_path(out) as tmp:
            con.execute(f"COPY (SELECT * FROM statements) TO '{str(tmp).replace(chr(39), chr(39) * 2)}' "
                        "(HEADER, DELIMITER ',')")
    finally:
        con.close()
    return Path(out)


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
