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


def require(names) -> None:
    """E401 (a TenorError) naming every scorer that is not registered."""
    unknown = [n for n in names if n not in available()]
    if unknown:
        from ..errors import TenorError
        raise TenorError("E401", "--scorers", detail=f"{', '.join(unknown)}; available: "
                         f"{', '.join(available()) or '(none yet)'}")


def get(name: str, **params):
    require([name])
    return _REGISTRY[name](**params)


def build(names=None, params: dict | None = None, strict=False) -> tuple[dict, list]:
    """The named scorers (default: every registered one), built once: ({name: scorer}, warnings).
    A scorer that cannot be built (no model, no head) raises when strict (True, or a collection
    holding its name: a scorer the user configured, --model), else is left out with a warning."""
    from ..errors import TenorError
    if names is not None:
        require(names)      # an unknown name stops the run, strict or not
    built, warnings = {}, []
    for name in (available() if names is None else names):
        try:
            built[name] = get(name, **{k: v for k, v in (params or {}).get(name, {}).items() if v is not None})
        except (TenorError, ImportError) as e:
            if strict is True or (not isinstance(strict, bool) and name in strict):
                raise
            warnings.append(f"W401 scorer {name} is unavailable and was left out: "
                            f"{e.problem if isinstance(e, TenorError) else e}")
    return built, warnings


def apply(df, names=None, params: dict | None = None, strict: bool = False, built: dict | None = None):
    """Add each named scorer's columns (default: every registered scorer) to the statements
    (scorers already built may be given). Returns (DataFrame, list of warning strings)."""
    warnings: list = []
    if built is None:
        built, warnings = build(names, params, strict)
    for scorer in built.values():
        scores = scorer.score_frame(df)
        # an input that already has these columns (Tenor's own output scored again) keeps them as
        # input_<name>, as a table's columns named like output columns do
        taken = set(df.columns)
        renames = {}
        for c in scores.columns.intersection(df.columns):
            new = f"input_{c}"
            while new in taken:
                new = f"input_{new}"
            taken.add(new)
            renames[c] = new
        df = df.rename(columns=renames).join(scores)
    return df, warnings
