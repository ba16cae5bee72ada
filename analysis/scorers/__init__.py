"""Scorers: each statement scored for cooperation versus confrontation (and sentiment) by every
registered scorer. The contract is in `base`, the registry in `registry`; the built-in scorers are
`lexicon` (a transparent diplomatic lexicon) and `transformer` (a sentence encoder with trained
heads)."""
from analysis.config import LABELS  # noqa: F401  (the scorers' label set, re-exported)
from analysis.scorers.base import Scorer  # noqa: F401
from analysis.scorers.registry import (apply, available, build, configured, get, options,  # noqa: F401
                                       params_from, register, require, scorer_class)
