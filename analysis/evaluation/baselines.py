"""Reference points every Tenor scorer is measured against (not registered for `tenor score`).

VaderBaseline: VADER (vaderSentiment), the general-purpose sentiment lexicon, read as a stance
scorer the way users misuse it: compound >= 0.05 cooperative, <= -0.05 confrontational (VADER's
own thresholds). English only. MajorityBaseline: the most frequent label of the training data.
Both follow the scorer interface (fit returns self; score_frame gives <name>_score/_label/_sentiment).
"""
from __future__ import annotations

import pandas as pd


def _label(score: float, band: float) -> str:
    return "cooperative" if score >= band else "confrontational" if score <= -band else "neutral"


class VaderBaseline:
    name = "vader"

    def __init__(self, band: float = 0.05):
        self.band = band

    def fit(self, texts=None, y=None):
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        self.analyzer_ = SentimentIntensityAnalyzer()
        return self

    def score_frame(self, statements: pd.DataFrame) -> pd.DataFrame:
        if not hasattr(self, "analyzer_"):
            self.fit()
        scores = [self.analyzer_.polarity_scores(t)["compound"] if lang == "en" else float("nan")
                  for t, lang in zip(statements.text, statements.lang)]
        s = pd.Series(scores, index=statements.index, dtype=float)
        return pd.DataFrame({f"{self.name}_score": s,
                             f"{self.name}_label": [None if pd.isna(x) else _label(x, self.band) for x in s],
                             f"{self.name}_sentiment": s})


class MajorityBaseline:
    name = "majority"

    def fit(self, texts=None, y=None):
        self.label_ = pd.Series(list(y)).mode().iat[0]
        return self

    def score_frame(self, statements: pd.DataFrame) -> pd.DataFrame:
        n = len(statements)
        score = {"cooperative": 1.0, "neutral": 0.0, "confrontational": -1.0}[self.label_]
        return pd.DataFrame({f"{self.name}_score": [score] * n, f"{self.name}_label": [self.label_] * n,
                             f"{self.name}_sentiment": [0.0] * n}, index=statements.index)
