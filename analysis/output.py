"""Write results atomically: a temporary file beside the target, then an atomic rename, so an
interrupted run leaves the previous result or none, never half a file."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd


@contextmanager
def atomic_path(path: str | Path):
    """A temporary path beside `path` to write to; renamed onto `path` when the block ends without
    an error, removed otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        # mkstemp makes the file 0600; a result is the user's file like any other: their umask decides
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _atomic(path: str | Path, write, newline: str | None = None, binary: bool = False) -> Path:
    """Call write(file handle) on a temporary file beside path, flush it to disk, rename it."""
    with atomic_path(path) as tmp:
        with (open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline=newline)) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
    return Path(path)


def write_csv_atomic(df: pd.DataFrame, path: str | Path, bom: bool = False) -> Path:
    """A CSV in UTF-8; with bom, a byte-order mark first, so that Excel reads Chinese right."""
    return _atomic(path, lambda fh: (fh.write("\ufeff") if bom else None, df.to_csv(fh, index=False)), newline="")


def write_text_atomic(text: str, path: str | Path) -> Path:
    return _atomic(path, lambda fh: fh.write(text))


def write_bytes_atomic(write, path: str | Path) -> Path:
    """write(binary file handle), e.g. a Parquet writer, atomically."""
    return _atomic(path, write, binary=True)
