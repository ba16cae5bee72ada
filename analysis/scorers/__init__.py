"""The shared scorer interface and the registry of named scorers.

A scorer follows scikit-learn's estimator contract: parameters in __init__, `fit(texts, y=None)`
returns self, fitted state in attributes ending in `_`, and `score_frame(statements)` returns a
DataFrame with the columns `<name>_score` in [-1, 1] (positive = cooperative), `<name>_label`
(cooperative | neutral | confrontational) and `<name>_sentiment` in [-1, 1], aligned with the rows
given. Scorers register under a name with @register("name"); `tenor score --scorers` picks them.
"""
from __future__ import annotations

from typing import Callable

LABELS = ("cooperative", "neutral", "confrontational")
_REGISTRY: dict[str, Callable] = {}


def register(name: str):
    def deco(factory):
        _REGISTRY[name] = factory
        return factory
    return deco


def _load_builtin() -> None:
    """Import the scorers that ship with Tenor, so that they register themselves."""
    from . import lexicon, transformer  # noqa: F401


def available() -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY)


def get(name: str, **params):
    _load_builtin()
    if name not in _REGISTRY:
        raise KeyError(name)
    return _REGISTRY[name](**params)


def output_columns(name: str) -> list[str]:
    return [f"{name}_score", f"{name}_label", f"{name}_sentiment"]
