"""The contract every scorer keeps, so that the command line, the corpus runner, the report and the
charts can use any registered scorer without naming it.

A scorer is a scikit-learn estimator (`sklearn.base.BaseEstimator`): every parameter is an
`__init__` argument stored as is (so `get_params`, `set_params` and `sklearn.base.clone` work), and
fitted state (attributes ending in `_`) is created only in `fit`. `fit(X, y=None)` with labels
learns from them; without labels it readies the shipped state (the lexicon's fitted band and bias,
the transformer's trained heads). `transform(X)` returns one row per text with the columns `score`
in [-1, 1] (positive = cooperative), `label` (cooperative | neutral | confrontational), `sentiment`
in [-1, 1] and the scorer's own `extra_columns`; `predict(X)` the labels. X is a list of texts
(English unless `langs` is given) or a DataFrame with `text` and `lang` columns, so a scorer can
stand last in a scikit-learn Pipeline.
"""
from __future__ import annotations

from typing import ClassVar

import pandas as pd
from sklearn.base import BaseEstimator


def texts_and_langs(X, langs=None) -> tuple[list, list]:
    """(texts, langs) from a list of texts (+ langs) or a DataFrame with text and lang columns."""
    if isinstance(X, pd.DataFrame):
        texts = X["text"].tolist()
        langs = X["lang"].tolist() if "lang" in X.columns and langs is None else langs
    else:
        texts = list(X)
    if langs is None:
        langs = ["en"] * len(texts)
    return texts, list(langs)


class Scorer(BaseEstimator):
    """Base class of the registered scorers (see the module docstring for the contract)."""

    name: ClassVar[str] = ""                 # registry name and the prefix of its output columns
    extra_columns: ClassVar[tuple] = ()      # columns besides score, label, sentiment (evidence ...)
    options: ClassVar[dict] = {}             # command-line options it takes: {option: help}
    method: ClassVar[str] = ""               # how it scores, in a phrase, for the report's methods
    rank: ClassVar[int] = 0                  # the report's headline uses the highest-ranked scorer
    uses_torch: ClassVar[bool] = False       # the corpus runner sets torch's threads for it

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def ready(cls, **options) -> "Scorer":
        """A scorer ready to score with the state Tenor ships, configured by `options` (those of
        `options` that are None are left at their defaults). TenorError or ImportError when it
        cannot load."""
        return cls(**{k: v for k, v in options.items() if v is not None}).fit()

    @classmethod
    def versions(cls, **options) -> dict:
        """What decides this scorer's output besides Tenor's code and data files (model and head
        hashes ...), computed without loading anything: part of a corpus store's fingerprint."""
        return {}

    @classmethod
    def provenance(cls, **options) -> str:
        """One line for the report's versions page: what this scorer's shipped state is and where it
        comes from, read from its files without loading a model."""
        return ""

    @classmethod
    def train(cls, gold=None, split: str = "train", out=None, **options) -> dict:
        """Fit on one split of a gold file and save the fitted state; returns a report."""
        raise NotImplementedError(f"scorer {cls.name} cannot be trained")

    def set_threads(self, n: int) -> None:
        """Threads for the scorer's own numerical work (the encoder's), if it has any."""

    # -- scoring ----------------------------------------------------------------------------
    def transform(self, X, langs=None) -> pd.DataFrame:          # pragma: no cover - abstract
        raise NotImplementedError

    def predict(self, X, langs=None) -> list:
        return self.transform(X, langs)["label"].tolist()

    def columns(self) -> list[str]:
        """The output columns this scorer adds, in order."""
        return [f"{self.name}_{c}" for c in ("score", "label", "sentiment") + tuple(self.extra_columns)]

    def score_frame(self, statements: pd.DataFrame) -> pd.DataFrame:
        """The scorer's columns (`<name>_score` ...) for a statements table, aligned with its rows."""
        out = self.transform(statements["text"].tolist(), statements["lang"].tolist())
        out.index = statements.index
        cols = ["score", "label", "sentiment"] + list(self.extra_columns)
        return pd.DataFrame({f"{self.name}_{c}": out[c] for c in cols})
