"""The transformer scorer: a sentence encoder (Hugging Face `transformers`, local folder, CPU) with
trained linear heads for stance and sentiment.

- Encoder: `multilingual-e5-small` by default (chosen on the dev split: it reads English and
  Chinese; all-MiniLM-L6-v2 reads only English), or any local model folder (`--model PATH`).
- Heads: per language, multinomial logistic regression (scikit-learn, class-balanced) on the
  encoder's embeddings, for stance (cooperative / neutral / confrontational) and sentiment
  (-1 / 0 / +1). score = P(cooperative) - P(confrontational); sentiment = P(+1) - P(-1).
  The heads are saved as JSON (numbers only, no pickle) with a model card: the encoder's name and
  content hash, the training data, the figures on the dev split, the date.
- A language the encoder cannot read (e.g. Chinese for all-MiniLM-L6-v2: most characters become
  [UNK]) gets no numbers: an empty `transformer_label` and a `transformer_reason`.
- Results are cached in an embedded store keyed by encoder, head, language and text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import LABELS, TRANSFORMER_DIR
from analysis.errors import TenorError
from analysis.scorers.base import Scorer, texts_and_langs
from analysis.scorers.registry import register

DEFAULT_ENCODER = "multilingual-e5-small"


def heads_dir() -> Path:
    return TRANSFORMER_DIR


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class LinearHead:
    """Multinomial logistic regression as plain numbers: probs = softmax(X W^T + b)."""

    def __init__(self, classes, coef, intercept):
        self.classes = list(classes)
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)

    def proba(self, X: np.ndarray) -> np.ndarray:
        return _softmax(X @ self.coef.T + self.intercept)

    def to_json(self) -> dict:
        return {"classes": self.classes, "coef": np.round(self.coef, 7).tolist(),
                "intercept": np.round(self.intercept, 7).tolist()}

    @classmethod
    def from_json(cls, d: dict) -> "LinearHead":
        return cls(d["classes"], d["coef"], d["intercept"])

    @classmethod
    def fit(cls, X, y, C: float, seed: int) -> "LinearHead":
        from sklearn.linear_model import LogisticRegression
        clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=seed)
        clf.fit(X, list(y))
        return cls([c if not isinstance(c, np.generic) else c.item() for c in clf.classes_],
                   clf.coef_, clf.intercept_)


@register
class TransformerScorer(Scorer):
    """A scikit-learn estimator (analysis.scorers.base): fit(texts, y, langs, sentiment) trains the
    heads, fit() without labels loads the trained head (`head`, default: the one for `model`) and
    checks it was trained on this encoder; fitted state: encoder_, heads_, card_."""

    name = "transformer"
    extra_columns = ("reason",)
    options = {"model": "transformer encoder: all-MiniLM-L6-v2, multilingual-e5-small (default) or the path "
                        "of a local Hugging Face model folder",
               "head": "transformer head JSON (default: the one trained for --model)"}
    method = ("a transformer (multilingual-e5-small sentence embeddings with heads trained on Tenor's "
              "annotated gold corpus)")
    rank = 2
    uses_torch = True

    def __init__(self, model: str | None = None, head: str | None = None, C: float = 10.0, joint: bool = True,
                 batch_size: int = 32, precision: str = "auto", cache: bool = True, seed: int = 0):
        self.model = model
        self.head = head
        self.C = C
        self.joint = joint
        self.batch_size = batch_size
        self.precision = precision
        self.cache = cache
        self.seed = seed

    # ----------------------------------------------------------------------------- encoder
    def _encoder(self):
        return self.encoder_

    def _load_encoder(self, name: str) -> None:
        from analysis.scorers.transformer.encoders import Encoder
        from transformers.utils import logging as hf_logging
        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
        self.encoder_ = Encoder(name, batch_size=self.batch_size, precision=self.precision)

    # ----------------------------------------------------------------------------- training
    def fit(self, X=None, y=None, langs=None, sentiment=None, dev=None):
        """Train the heads, per language the encoder reads, on (texts, y [, sentiment]); without y,
        load the trained head (`head`, default: the one for `model`) and check its encoder.
        dev: optional (texts, y, langs, sentiment) reported in the model card."""
        if y is None:
            return self._fit_trained_head()
        self._load_encoder(self.model or DEFAULT_ENCODER)
        enc = self._encoder()
        texts, langs = texts_and_langs(X, langs)
        y = list(y)
        sentiment = list(sentiment) if sentiment is not None else None
        X = enc.encode(texts, progress=True)
        self.heads_ = {}
        counts = {lang: sum(1 for l in langs if l == lang) for lang in sorted(enc.languages)}
        counts = {lang: n for lang, n in counts.items() if n >= 10}

        def heads_for(idx):
            heads = {"stance": LinearHead.fit(X[idx], [y[i] for i in idx], self.C, self.seed)}
            if sentiment is not None:
                heads["sentiment"] = LinearHead.fit(X[idx], [int(sentiment[i]) for i in idx], self.C, self.seed)
            return heads

        if self.joint and counts:
            # one head for all the languages the encoder reads: a multilingual encoder places
            # translations close together, so each language learns from the other's statements
            shared = heads_for([i for i, l in enumerate(langs) if l in counts])
            self.heads_ = {lang: shared for lang in counts}
        else:
            self.heads_ = {lang: heads_for([i for i, l in enumerate(langs) if l == lang]) for lang in counts}
        if not self.heads_:
            raise ValueError("no language has 10 or more training statements the encoder can read")
        self.card_ = {
            "encoder": enc.info(), "C": self.C, "seed": self.seed, "date": dt.date.today().isoformat(),
            "trained_on": counts, "joint": self.joint,
            "head": "multinomial logistic regression (scikit-learn), class-balanced"
                    + (", one head shared by the languages" if self.joint else ", one head per language"),
        }
        if dev is not None:
            self.card_["dev"] = self._dev_report(*dev[:3])
        return self

    def _dev_report(self, texts, y, langs) -> dict:
        """Macro-F1, accuracy and multi-class Brier score (lower: better calibrated) of the stance
        head per language, from one encoding of the dev texts."""
        from analysis.evaluation.metrics import macro_f1
        X = self._encoder().encode(list(texts))
        report = {}
        for lang, heads in self.heads_.items():
            sel = [i for i, l in enumerate(langs) if l == lang]
            if not sel:
                continue
            head = heads["stance"]
            P = head.proba(X[sel])
            gold = [y[i] for i in sel]
            pred = [head.classes[k] for k in P.argmax(axis=1)]
            Y = np.array([[1.0 if g == c else 0.0 for c in head.classes] for g in gold])
            report[lang] = {"n": len(sel), "macro_f1": round(macro_f1(gold, pred, LABELS), 4),
                            "accuracy": round(float(np.mean([a == b for a, b in zip(gold, pred)])), 4),
                            "brier": round(float(((P - Y) ** 2).sum(axis=1).mean()), 4)}
        return report

    # ----------------------------------------------------------------------------- saving
    def _heads_json(self) -> dict:
        return {l: {k: h.to_json() for k, h in hs.items()} for l, hs in self.heads_.items()}

    def head_hash(self) -> str:
        return hashlib.sha256(json.dumps(self._heads_json(), sort_keys=True).encode()).hexdigest()[:16]

    def save(self, path: str | Path) -> Path:
        from analysis.output import write_text_atomic
        doc = {"tenor_transformer_head": 1, "card": self.card_, "heads": self._heads_json()}
        return write_text_atomic(json.dumps(doc) + "\n", path)

    def _fit_trained_head(self) -> "TransformerScorer":
        path = Path(self.head) if self.head else default_head_path(self.model)
        if not path.exists():
            raise TenorError("E504", path, detail="no transformer head for this encoder yet; run: tenor train "
                             f"transformer{' --model ' + str(self.model) if self.model else ''}")
        self.heads_, self.card_ = read_head(path)
        self._load_encoder(self.model or self.card_["encoder"]["name"])
        self.check_encoder()
        return self

    @classmethod
    def load(cls, path: str | Path, **params) -> "TransformerScorer":
        """A scorer with the head at `path`, its encoder loaded (without checking the pair)."""
        s = cls(head=str(path), **params)
        s.heads_, s.card_ = read_head(Path(path))
        s._load_encoder(s.model or s.card_["encoder"]["name"])
        return s

    # ------------------------------------------------------------------------- the contract
    @classmethod
    def versions(cls, model=None, head=None, **_) -> dict:
        from analysis.hashing import file_hash
        from analysis.scorers.transformer.encoders import folder_hash, resolve
        try:
            _, path = resolve(model or DEFAULT_ENCODER)
            head_path = Path(head) if head else default_head_path(model)
            return {"encoder": folder_hash(path), "head": file_hash(head_path) if head_path.exists() else "missing"}
        except TenorError as e:
            return {"encoder": f"unavailable: {e.problem.code}"}

    @classmethod
    def provenance(cls, model=None, head=None, **_) -> str:
        path = Path(head) if head else default_head_path(model)
        card = json.loads(path.read_text("utf-8"))["card"]
        return (f"Transformer: encoder {card['encoder']['name']} (content hash {card['encoder']['hash']}), "
                f"linear heads trained {card['date']} on "
                + " and ".join(f"{n:,} {lang}" for lang, n in card["trained_on"].items())
                + " gold statements (train split).")

    @classmethod
    def train(cls, gold=None, split: str = "train", out=None, rounds=None, model=None, C: float = 10.0,
              **_options) -> dict:
        return train(gold, split=split, out=out, rounds=rounds, model=model, C=C)

    def set_threads(self, n: int) -> None:
        import torch
        torch.set_num_threads(n)

    def check_encoder(self) -> None:
        """The head must have been trained on this very encoder (same content hash)."""
        enc = self._encoder()
        want = self.card_["encoder"]["hash"]
        if enc.hash != want:
            raise TenorError("E502", enc.path, detail=f"the transformer head was trained on encoder "
                             f"{self.card_['encoder']['name']} ({want}), not this one ({enc.hash}); "
                             f"run: tenor train transformer --model {enc.path}")

    # ----------------------------------------------------------------------------- scoring
    def transform(self, X, langs=None, use_cache: bool | None = None) -> pd.DataFrame:
        """score, label, sentiment, reason for each text; no numbers for languages without a head."""
        enc = self._encoder()
        texts, langs = texts_and_langs(X, langs)
        texts = ["" if t is None or (isinstance(t, float) and math.isnan(t)) else str(t) for t in texts]
        langs = ["zh" if l == "zh" else "en" for l in langs]
        n = len(texts)
        score = np.full(n, np.nan)
        sent = np.full(n, np.nan)
        label = [""] * n
        reason = [""] * n
        todo = []
        for i, l in enumerate(langs):
            if l not in self.heads_:
                reason[i] = (f"encoder {enc.name} cannot read {l}" if l not in enc.languages
                             else f"no {l} head trained for encoder {enc.name}")
            elif not texts[i].strip():
                label[i], score[i], sent[i] = "neutral", 0.0, 0.0
            else:
                todo.append(i)
                reason[i] = self._truncation(enc, texts[i])
        use_cache = self.cache if use_cache is None else use_cache
        cached, keys = {}, {}
        if use_cache and todo:
            from analysis.scorers.cache import ResultCache, key
            store = ResultCache()
            hh = self.head_hash()
            keys = {i: key(enc.hash, enc.precision, hh, langs[i], texts[i]) for i in todo}
            cached = store.get_many(list(set(keys.values())))
        # each distinct (language, text) is encoded once: a repeated sentence gets one score, the
        # same whichever batch it would have fallen in (bfloat16 results depend on the batch)
        first: dict = {}
        for i in todo:
            if keys.get(i) not in cached:
                first.setdefault((langs[i], texts[i]), i)
        fresh = list(first.values())
        if fresh:
            X = enc.encode([texts[i] for i in fresh], progress=True)
            for lang in set(langs[i] for i in fresh):
                rows = [k for k, i in enumerate(fresh) if langs[i] == lang]
                heads = self.heads_[lang]
                P = heads["stance"].proba(X[rows])
                cls = heads["stance"].classes
                for r, k in zip(P, rows):
                    i = fresh[k]
                    score[i] = float(r[cls.index("cooperative")] - r[cls.index("confrontational")])
                    label[i] = cls[int(np.argmax(r))]
                if "sentiment" in heads:
                    S = heads["sentiment"].proba(X[rows])
                    sc = heads["sentiment"].classes
                    for r, k in zip(S, rows):
                        sent[fresh[k]] = float(r[sc.index(1)] - r[sc.index(-1)])
            if use_cache:
                store.put_many([(keys[i], float(score[i]), label[i], float(sent[i])) for i in fresh])
        for i in todo:
            if keys.get(i) in cached:
                score[i], label[i], sent[i] = cached[keys[i]]
            elif first[(langs[i], texts[i])] != i:
                j = first[(langs[i], texts[i])]
                score[i], label[i], sent[i] = score[j], label[j], sent[j]
        return pd.DataFrame({"score": score, "label": label, "sentiment": sent, "reason": reason})

    @staticmethod
    def _truncation(enc, text: str) -> str:
        """Why the numbers describe only the start of a long statement ('' when it is read whole).
        A token spans at least one character, so only texts longer than the limit are tokenized."""
        if len(enc.prefix) + len(text) + 2 <= enc.max_length:
            return ""
        n = len(enc.tokenizer(enc.prefix + text, truncation=False)["input_ids"])
        return f"read the first {enc.max_length} of {n} tokens" if n > enc.max_length else ""


def read_head(path: Path) -> tuple[dict, dict]:
    """(heads, model card) of a head file; E503 when it is not one."""
    try:
        doc = json.loads(path.read_text("utf-8"))
        heads = {l: {k: LinearHead.from_json(h) for k, h in hs.items()} for l, hs in doc["heads"].items()}
        return heads, doc["card"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise TenorError("E503", path, detail=f"not a Tenor transformer head ({e})") from None


def default_head_path(model: str | None = None) -> Path:
    """The shipped head for the default encoder, or a user's trained head in the cache folder."""
    from analysis.scorers.cache import cache_dir
    from analysis.scorers.transformer.encoders import ALIASES
    if ALIASES.get(model or DEFAULT_ENCODER) == DEFAULT_ENCODER:
        return heads_dir() / f"{DEFAULT_ENCODER}.json"
    if ALIASES.get(model or "") is not None:
        return heads_dir() / f"{ALIASES[model]}.json"
    from analysis.scorers.transformer.encoders import folder_hash, resolve
    _, path = resolve(model)
    return cache_dir() / "heads" / f"{folder_hash(path)}.json"


def train(gold_path=None, model: str | None = None, out: str | Path | None = None, C: float = 10.0,
          split: str = "train", seed: int = 0, rounds: list | None = None) -> dict:
    """Fit the heads on one split of the gold corpus (default: train), report dev, save.
    rounds: only the training statements of these annotation rounds (the gold's `round` field)."""
    from analysis.evaluation.gold import read_stance_gold, training_rows
    gold = read_stance_gold(gold_path)
    tr = training_rows(gold, split, rounds, gold_path)
    dv = gold[gold.split == "dev"]
    sent = tr["sentiment"].tolist() if "sentiment" in tr.columns else None
    dev = (dv.text.tolist(), dv.label.tolist(), dv.lang.tolist(),
           dv["sentiment"].tolist() if "sentiment" in dv.columns else None) if len(dv) else None
    scorer = TransformerScorer(model=model, C=C, seed=seed, cache=False)   # trains: fit(X, y, ...)
    scorer.fit(tr.text.tolist(), tr.label.tolist(), tr.lang.tolist(), sent, dev=dev)
    scorer.card_["trained_on_split"] = split
    if rounds:
        scorer.card_["trained_on_rounds"] = sorted(int(r) for r in rounds)
    scorer.card_["gold"] = str(gold_path or "analysis/data/gold/tenor_gold.jsonl")
    path = Path(out) if out else default_head_path(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    scorer.save(path)
    return {"saved": str(path), **scorer.card_}

