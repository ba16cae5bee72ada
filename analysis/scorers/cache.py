"""An embedded store of scorer results (SQLite, standard library), so that re-running a notebook or
a report costs nothing. Keys are hashes of (model, head, language, text); values are plain
numbers and labels, never pickles. A damaged store is moved aside and started afresh, with a
warning: a cache never makes a run fail.
"""
from __future__ import annotations

import hashlib
import sqlite3
import sys
import time
from pathlib import Path


from analysis.config import cache_root as cache_dir  # noqa: E402


def key(*parts: str) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


class ResultCache:
    """get_many(keys) -> {key: (score, label, sentiment)}; put_many([(key, score, label, sentiment)])."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else cache_dir() / "scores.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, score REAL, label TEXT, "
                       "sentiment REAL)")
            db.execute("SELECT count(*) FROM results LIMIT 1").fetchone()
            return db
        except sqlite3.DatabaseError as e:
            aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
            print(f"W501 {self.path}: damaged result cache ({e}); moved to {aside.name}, starting afresh",
                  file=sys.stderr)
            for suffix in ("", "-wal", "-shm"):
                p = Path(str(self.path) + suffix)
                if p.exists():
                    p.rename(Path(str(aside) + suffix))
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("CREATE TABLE results (key TEXT PRIMARY KEY, score REAL, label TEXT, sentiment REAL)")
            return db

    def get_many(self, keys: list[str]) -> dict:
        out = {}
        for k in range(0, len(keys), 500):
            chunk = keys[k:k + 500]
            q = f"SELECT key, score, label, sentiment FROM results WHERE key IN ({','.join('?' * len(chunk))})"
            try:
                for row in self.db.execute(q, chunk):
                    out[row[0]] = (row[1], row[2], row[3])
            except sqlite3.DatabaseError:
                return {}
        return out

    def put_many(self, rows: list[tuple]) -> None:
        if not rows:
            return
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)
        except sqlite3.DatabaseError as e:
            print(f"W502 {self.path}: could not write the result cache ({e}); results are not cached",
                  file=sys.stderr)
