"""Content hashes of files, for fingerprints of stores and models."""
from __future__ import annotations

import hashlib
from pathlib import Path


def file_hash(path: Path) -> str:
    """The first 16 hex digits of a file's sha256, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]
