"""The contract every scorer keeps, so that the command line, the corpus runner, the report and the
charts can use any registered scorer without naming it.

A scorer is a scikit-learn estimator: every parameter is an `__init__` argument stored as is (so
`get_params`, `set_params` and `sklearn.base.clone` work, by `sklearn.base.BaseEstimator`'s own
methods), and
fitted state (attributes ending in `_`) is created only in `fit`. `fit(X, y=None)` with labels
learns from them; without labels it readies the shipped state (the lexicon's fitted band and bias,
the transformer's trained heads). `transform(X)` returns one row per text with the columns `score`
in [-1, 1] (positive = cooperative), `label` (cooperative | neutral | confrontational), `sentiment`
in [-1, 1] and the scorer's own `extra_columns`; `predict(X)` the labels. X is a list of texts
(English unless `langs` is given) or a DataFrame with `text` and `lang` columns, so a scorer can
stand last in a scikit-learn Pipeline.

Scikit-learn is imported only when one of those estimator methods is called: importing it takes
about a second (scipy.stats), more than `tenor score` takes to score 20,000 statements with the
lexicon, which never needs it.
"""
from __future__ import annotations

from typing import ClassVar

import pandas as pd


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


def _estimator():
    """sklearn.base.BaseEstimator, imported on first use (module docstring)."""
    from sklearn.base import BaseEstimator
    return BaseEstimator


class LazyEstimator:
    """The scikit-learn estimator protocol (parameters, clone, tags) by BaseEstimator's own methods,
    with scikit-learn imported when one of them is first called rather than when a scorer is."""

    @classmethod
    def _get_param_names(cls) -> list:
        """The `__init__` arguments, sorted (BaseEstimator._get_param_names)."""
        return _estimator()._get_param_names.__func__(cls)

    def get_params(self, deep=True) -> dict:
        """The parameters (BaseEstimator.get_params)."""
        return _estimator().get_params(self, deep)

    def set_params(self, **params):
        """Set parameters (BaseEstimator.set_params); returns self."""
        return _estimator().set_params(self, **params)

    def __sklearn_clone__(self):
        """A new unfitted scorer with the same parameters (sklearn.base.clone calls this)."""
        return _estimator().__sklearn_clone__(self)

    def __sklearn_tags__(self):
        """BaseEstimator's default tags (a Pipeline asks its last step for them)."""
        return _estimator().__sklearn_tags__(self)

    def __repr__(self) -> str:
        """`Name(param=value, ...)` with the parameters that differ from their defaults, as
        scikit-learn prints an estimator on one line."""
        import inspect
        defaults = {k: p.default for k, p in inspect.signature(type(self).__init__).parameters.items()}
        changed = [f"{k}={v!r}" for k, v in self.get_params(deep=False).items()
                   if not (k in defaults and _same(v, defaults[k]))]
        return f"{type(self).__name__}({', '.join(changed)})"


def _same(a, b) -> bool:
    """a and b are the same parameter value (an array-like never equals by ==)."""
    try:
        return bool(a is b or a == b)
    except (TypeError, ValueError):
        return False


class Scorer(LazyEstimator):
    """Base class of the registered scorers (see the module docstring for the contract)."""

    name: ClassVar[str] = ""                 # registry name and the prefix of its output columns
    extra_columns: ClassVar[tuple] = ()      # columns besides score, label, sentiment (evidence ...)
    options: ClassVar[dict] = {}             # command-line options it takes: {option: help}
    method: ClassVar[str] = ""               # how it scores, in a phrase, for the report's methods
    rank: ClassVar[int] = 0                  # the report's headline uses the highest-ranked scorer
    uses_torch: ClassVar[bool] = False       # the corpus runner sets torch's threads for it
    batch_free: ClassVar[bool] = False       # a statement's scores do not depend on the statements
                                             # scored with it (analysis.checkpoint scores several
                                             # chunks in one call then)

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
