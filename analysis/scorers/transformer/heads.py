"""The transformer scorer's trained heads as plain numbers, and the files that hold them.

A head file is JSON: {"tenor_transformer_head": 1 or 2, "card": {...}, "heads": {lang: {task: head}}}.
Version 2 cards say, per language, which encoders' embeddings (each mean-pooled and L2-normalised)
are concatenated, in order, before the head: {"encoders": {"en": ["multilingual-e5-small",
"all-mpnet-base-v2"], "zh": ["multilingual-e5-small"]}, "encoder_info": {name: {"hash": ...}}}.
Version 1 cards (one encoder for every language, `card["encoder"]`) read as the same plan with one
encoder per language, so old head files load and score as before. A head is {"classes", "coef",
"intercept"} and, when calibrated, "temperature" (absent when 1, so that uncalibrated heads keep
their bytes and hashes).
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from analysis.errors import TenorError


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class LinearHead:
    """Multinomial logistic regression as plain numbers: probs = softmax((X W^T + b) / temperature).
    The temperature (1 unless calibrated, `fit_temperature`) never changes the most probable class."""

    def __init__(self, classes, coef, intercept, temperature: float = 1.0):
        self.classes = list(classes)
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.temperature = float(temperature)

    def logits(self, X: np.ndarray) -> np.ndarray:
        return X @ self.coef.T + self.intercept

    def proba(self, X: np.ndarray, temperature: float | None = None) -> np.ndarray:
        return _softmax(self.logits(X) / (self.temperature if temperature is None else temperature))

    def to_json(self) -> dict:
        d = {"classes": self.classes, "coef": np.round(self.coef, 7).tolist(),
             "intercept": np.round(self.intercept, 7).tolist()}
        if self.temperature != 1.0:                  # (heads without one keep their hash)
            d["temperature"] = round(self.temperature, 6)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "LinearHead":
        return cls(d["classes"], d["coef"], d["intercept"], d.get("temperature", 1.0))

    @classmethod
    def fit(cls, X, y, C: float, seed: int, sample_weight=None) -> "LinearHead":
        from sklearn.linear_model import LogisticRegression
        clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=seed)
        clf.fit(X, list(y), sample_weight=sample_weight)
        return cls([c if not isinstance(c, np.generic) else c.item() for c in clf.classes_],
                   clf.coef_, clf.intercept_)


def fit_temperature(X, y, C: float, seed: int, folds: int = 5, sample_weight=None) -> float:
    """The temperature that makes a head's probabilities honest, from the training data only: each
    of `folds` folds is predicted by a head fitted on the others (as LinearHead.fit fits), and the
    temperature minimises the log loss of those out-of-fold probabilities (each row counted with its
    sample weight, when given)."""
    from scipy.optimize import minimize_scalar
    from sklearn.model_selection import StratifiedKFold
    X, y = np.asarray(X), np.asarray(list(y))
    w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    Z, classes = np.zeros((len(y), len(set(y.tolist())))), sorted(set(y.tolist()))
    folds = min(folds, min(y.tolist().count(c) for c in classes))
    if folds < 2:                       # a class seen once: no out-of-fold probabilities to fit on
        return 1.0
    for fit_rows, held in StratifiedKFold(folds, shuffle=True, random_state=seed).split(X, y):
        head = LinearHead.fit(X[fit_rows], y[fit_rows], C, seed, None if sample_weight is None else w[fit_rows])
        Z[held] = head.logits(X[held])[:, [head.classes.index(c) for c in classes]]
    truth = np.array([classes.index(v) for v in y.tolist()])

    def loss(log_t):
        P = _softmax(Z / np.exp(log_t))
        ll = np.log(np.clip(P[np.arange(len(y)), truth], 1e-12, None))
        return -ll.mean() if sample_weight is None else -(w * ll).sum() / w.sum()

    return float(np.exp(minimize_scalar(loss, bounds=(-3, 3), method="bounded").x))


def calibration_entry(heads: dict) -> dict:
    """The card's record of the stance heads' temperatures ({language: {task: head}})."""
    return {"method": "temperature scaling of the stance head's logits, one temperature per head, minimising "
                      "the log loss of 5-fold out-of-fold probabilities on its training statements (never dev "
                      "or test); the most probable label does not change",
            "temperature": {l: round(hs["stance"].temperature, 6) for l, hs in heads.items()}}


def apply_heads(heads: dict, X: np.ndarray) -> tuple[np.ndarray, list, np.ndarray]:
    """(score, label, sentiment) of embeddings X by a language's heads: score = P(cooperative) -
    P(confrontational), the most probable label, sentiment = P(+1) - P(-1) (NaN without a head)."""
    P = heads["stance"].proba(X)
    cls = heads["stance"].classes
    score = (P[:, cls.index("cooperative")] - P[:, cls.index("confrontational")]).astype(float)
    label = [cls[int(k)] for k in P.argmax(axis=1)]
    sent = np.full(len(X), np.nan)
    if "sentiment" in heads:
        S = heads["sentiment"].proba(X)
        sc = heads["sentiment"].classes
        sent = (S[:, sc.index(1)] - S[:, sc.index(-1)]).astype(float)
    return score, label, sent


def calibration_error(P: np.ndarray, right: np.ndarray, bins: int = 5) -> float:
    """Expected calibration error: over equal-width bins of the most probable label's probability
    (confidence), the share-weighted gap between the mean confidence and the share of those labels
    that are right (`right`: 1 or 0 per row)."""
    conf = P.max(axis=1)
    ece = 0.0
    for a, b in zip(np.linspace(0, 1, bins + 1)[:-1], np.linspace(0, 1, bins + 1)[1:]):
        sel = (conf > a) & (conf <= b)
        if sel.any():
            ece += sel.mean() * abs(conf[sel].mean() - right[sel].mean())
    return float(ece)


def dev_figures(head: LinearHead, X: np.ndarray, gold: list) -> dict:
    """n, macro-F1, accuracy, multi-class Brier score and expected calibration error (5 bins; both
    lower: better calibrated) of a stance head on embeddings X of statements with the gold labels."""
    from analysis.config import LABELS
    from analysis.evaluation.metrics import macro_f1
    P = head.proba(X)
    pred = [head.classes[k] for k in P.argmax(axis=1)]
    Y = np.array([[1.0 if g == c else 0.0 for c in head.classes] for g in gold])
    right = np.array([a == b for a, b in zip(gold, pred)], dtype=float)
    return {"n": len(gold), "macro_f1": round(macro_f1(gold, pred, LABELS), 4),
            "accuracy": round(float(right.mean()), 4),
            "brier": round(float(((P - Y) ** 2).sum(axis=1).mean()), 4),
            "ece": round(calibration_error(P, right), 4)}


def model_card(plan: dict, infos: dict, counts: dict, learned_from: dict, C: float, seed: int, joint: bool,
               several: bool) -> dict:
    """The card of freshly trained heads. One encoder for every language: the version-1 card, as
    before; several (or run as several are): the encoders per language, each one's entry (with how
    it ran), and what each head learned from."""
    import datetime as dt
    keys = list(dict.fromkeys(k for names in plan.values() for k in names))
    shared = len(keys) == 1 and all(learned_from[l] == list(plan) for l in plan)
    card = {"C": C, "seed": seed, "date": dt.date.today().isoformat(), "trained_on": counts, "joint": joint,
            "head": "multinomial logistic regression (scikit-learn), class-balanced"
                    + (", one head shared by the languages" if joint and shared else
                       ", one head per language" + (", each learning from the languages whose encoders "
                                                    "include its own" if joint else ""))}
    if not several:
        return {"encoder": infos[keys[0]], **card}
    return {"encoders": plan, "encoder_info": infos, "learned_from": learned_from, **card}


def read_head(path: Path) -> tuple[dict, dict]:
    """(heads, model card) of a head file; E503 when it is not one."""
    try:
        doc = json.loads(Path(path).read_text("utf-8"))
        heads = {l: {k: LinearHead.from_json(h) for k, h in hs.items()} for l, hs in doc["heads"].items()}
        card = doc["card"]
        plan_of(card, heads)
        return heads, card
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise TenorError("E503", path, detail=f"not a Tenor transformer head ({e})") from None


def plan_of(card: dict, heads: dict | None = None) -> dict:
    """{language: [encoder, ...]} of a model card: the encoders whose embeddings the language's head
    reads, concatenated in this order. A version-1 card: its one encoder for every language."""
    if "encoders" in card:
        return {l: list(names) for l, names in card["encoders"].items()}
    langs = list(heads) if heads is not None else list(card.get("trained_on", {}))
    return {l: [card["encoder"]["name"]] for l in langs}


def encoder_info(card: dict) -> dict:
    """{encoder: its card entry (name, content hash, dim, languages, prefix, precision ...)}."""
    if "encoder_info" in card:
        return dict(card["encoder_info"])
    return {card["encoder"]["name"]: card["encoder"]}


def parse_encoders(spec) -> dict:
    """{language: [encoder, ...]} from 'en=e5+mpnet,zh=e5' (or such a dict); E507 when malformed."""
    if isinstance(spec, dict):
        out = {str(l): [str(n) for n in ([names] if isinstance(names, str) else names)] for l, names in spec.items()}
    else:
        out = {}
        for part in str(spec).split(","):
            lang, sep, names = part.strip().partition("=")
            if not part.strip():
                continue
            if not sep or not lang.strip() or not names.strip():
                raise TenorError("E507", "--encoders", detail=f"'{part.strip()}' is not LANG=ENCODER[+ENCODER...], "
                                 "e.g. en=e5+mpnet,zh=e5")
            out[lang.strip()] = [n.strip() for n in names.split("+")]
    if not out or any(not names or "" in names for names in out.values()):
        raise TenorError("E507", "--encoders", detail=f"no encoder named for a language in '{spec}'")
    if any(len(set(names)) != len(names) for names in out.values()):
        raise TenorError("E507", "--encoders", detail=f"an encoder named twice for one language in '{spec}'")
    return out


def encoder_key(name: str) -> str:
    """The name an encoder goes by in a head's card: the canonical name of a known encoder (e5 ->
    multilingual-e5-small), else the local folder's absolute path."""
    from analysis.scorers.transformer.encoders import ALIASES
    if name in ALIASES:
        return ALIASES[name]
    return str(Path(name).expanduser().resolve())


def format_plan(plan: dict) -> str:
    """'en=multilingual-e5-small+all-mpnet-base-v2,zh=multilingual-e5-small'."""
    return ",".join(f"{l}={'+'.join(Path(n).name for n in names)}" for l, names in plan.items())


def provenance_line(card: dict) -> str:
    """The report's line for a head: its encoders (content hashes) and its training data."""
    trained = (f"linear heads trained {card['date']} on "
               + " and ".join(f"{n:,} {lang}" for lang, n in card["trained_on"].items())
               + " gold statements (train split)"
               + (", the stance heads of " + " and ".join(f"{l} (weight {w:g})" for l, w in x["weight"].items())
                  + " also on " + ", ".join(Path(d["path"]).parent.name or d["path"] for d in x["sets"])
                  if (x := card.get("extra_training")) else "") + ".")
    if "encoders" not in card:
        return f"Transformer: encoder {card['encoder']['name']} (content hash {card['encoder']['hash']}), " + trained
    infos = encoder_info(card)
    per = "; ".join(f"{l} " + " + ".join(f"{infos[k]['name']} ({infos[k]['hash']})" for k in ks)
                    for l, ks in card["encoders"].items())
    return f"Transformer: encoders (content hash) {per}, embeddings concatenated; " + trained
