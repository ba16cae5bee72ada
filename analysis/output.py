"""Write results atomically: a temporary file beside the target, then an atomic rename, so an
interrupted run leaves the previous result or none, never half a file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd


def _atomic(path: str | Path, write, newline: str | None = None, binary: bool = False) -> Path:
    """Call write(file handle) on a temporary file beside path, flush it to disk, rename it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline=newline)) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def write_csv_atomic(df: pd.DataFrame, path: str | Path) -> Path:
    return _atomic(path, lambda fh: df.to_csv(fh, index=False), newline="")


def write_text_atomic(text: str, path: str | Path) -> Path:
    return _atomic(path, lambda fh: fh.write(text))


def write_bytes_atomic(write, path: str | Path) -> Path:
    """write(binary file handle), e.g. a Parquet writer, atomically."""
    return _atomic(path, write, binary=True)
