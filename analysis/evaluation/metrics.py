"""Agreement and classification metrics, small and exact (tested against hand-computed answers)."""
from __future__ import annotations

import numpy as np
import pandas as pd


def confusion(gold, pred, labels) -> pd.DataFrame:
    """Rows: gold label, columns: predicted label."""
    m = pd.DataFrame(0, index=list(labels), columns=list(labels))
    for g, p in zip(gold, pred):
        m.loc[g, p] += 1
    m.index.name, m.columns.name = "gold", "predicted"
    return m


def cohen_kappa(a, b, labels, weights: str | None = None) -> float:
    """Cohen's kappa of two raters; weights=None (unweighted), 'linear' or 'quadratic'.
    labels must be in their natural order for weighted kappa."""
    labels = list(labels)
    k = len(labels)
    obs = confusion(a, b, labels).to_numpy(dtype=float)
    n = obs.sum()
    if n == 0:
        return float("nan")
    exp = np.outer(obs.sum(1), obs.sum(0)) / n
    i, j = np.indices((k, k))
    if weights is None:
        w = (i != j).astype(float)
    elif weights == "linear":
        w = np.abs(i - j) / (k - 1)
    elif weights == "quadratic":
        w = (i - j) ** 2 / (k - 1) ** 2
    else:
        raise ValueError(weights)
    denom = (w * exp).sum()
    return float(1 - (w * obs).sum() / denom) if denom else 1.0


def per_class_f1(gold, pred, labels) -> dict:
    out = {}
    g, p = np.asarray(list(gold)), np.asarray(list(pred))
    for c in labels:
        tp = int(((g == c) & (p == c)).sum())
        fp = int(((g != c) & (p == c)).sum())
        fn = int(((g == c) & (p != c)).sum())
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def macro_f1(gold, pred, labels) -> float:
    f = per_class_f1(gold, pred, labels)
    return float(sum(f.values()) / len(f)) if f else float("nan")


def accuracy(gold, pred) -> float:
    g, p = np.asarray(list(gold)), np.asarray(list(pred))
    return float((g == p).mean()) if len(g) else float("nan")


def spearman(x, y) -> float:
    """Spearman's rho (average ranks for ties); nan when either side is constant."""
    rx = pd.Series(list(x), dtype=float).rank()
    ry = pd.Series(list(y), dtype=float).rank()
    if rx.std() == 0 or ry.std() == 0 or len(rx) < 2:
        return float("nan")
    return float(np.corrcoef(rx, ry)[0, 1])


def three_way(stance: int) -> str:
    """The guidelines' three-way label of a -2..+2 stance."""
    return "cooperative" if stance > 0 else "confrontational" if stance < 0 else "neutral"
