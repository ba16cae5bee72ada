"""The lexicon scorer (LexiconScorer): statements scored with the diplomatic lexicon, its rules
and the tone word lists."""
from __future__ import annotations

import gc
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.config import LABELS
from analysis.scorers.base import Scorer, texts_and_langs
from analysis.scorers.lexicon.english import en_batch
from analysis.scorers.lexicon.entries import _lexicon_dir
from analysis.scorers.lexicon.masking import _names, mask_names
from analysis.scorers.lexicon.matcher import Lexicon
from analysis.scorers.lexicon.rules import _evidence, _zh_context, apply_rules
from analysis.scorers.lexicon.tone import zh_tone
from analysis.scorers.lexicon.train import load_params, shipped_params, train
from analysis.scorers.registry import register

TIE = 0.005        # macro-F1 differences smaller than this are treated as ties when fitting


@dataclass
class Scored:
    score: float        # the evidence squashed to [-1, 1]; 0 when nothing matched
    raw: float          # the sum of the term weights after the rules
    sentiment: float
    matches: list
    label: str = "neutral"

    def evidence(self) -> str:
        return _evidence(self.matches)


def _squash(raw: float, alpha: float) -> float:
    return raw / math.sqrt(raw * raw + alpha) if raw else 0.0


def _per_language(value, name: str) -> dict:
    """{"en": .., "zh": ..} from one number, or from a mapping with a value for each language."""
    if isinstance(value, Mapping):
        missing = [lang for lang in ("en", "zh") if lang not in value]
        if missing:
            raise ValueError(f"{name} has no value for {', '.join(missing)}: {value!r}")
        return {lang: value[lang] for lang in ("en", "zh")}
    return {"en": value, "zh": value}


@register
class LexiconScorer(Scorer):
    """A scikit-learn estimator (analysis.scorers.base): every parameter is stored unchanged by
    __init__; fit() without labels readies the scorer from its parameters (the lexicons loaded, the
    neutral band and bias per language from `band` and `bias`), fit(X, y, langs) also chooses the
    band and bias on the data given; fitted state (lexicons_, band_, bias_, fit_report_) is created
    only in fit. transform on a scorer not fitted yet calls fit() first. ready() gives the scorer
    with the band, bias and rule weights Tenor ships (analysis/data/lexicon/params.json).

    Each statement is matched against the lexicon data files in analysis/data/lexicon/ (terms with a
    Goldstein-like weight from -10, most confrontational, to +10, most cooperative; intensifiers;
    negators; reassuring negators; contrast words; names to mask). Rules, each recorded in the
    evidence of the statement:

    - names of people, countries and bodies are masked first, so "United States" is not "united";
    - an intensifier (firmly, strongly, 坚决, 强烈) multiplies the term right after it;
    - negation is scoped to the clause and has three outcomes: a plain flip (不反对: mildly cooperative;
      "not constructive": confrontational), reassurance ("does not seek confrontation", 不寻求对抗:
      cooperative), and threats, which are whole formulae in the lexicon ("will not hesitate to",
      绝不容忍) so their negation is never flipped;
    - after a contrast word (but, however, 但是) the rest of the sentence counts more;
    - the weights are summed and squashed to a score in [-1, 1]: raw / sqrt(raw^2 + alpha);
      the label is neutral inside a band around zero chosen on training data (fit).

    Sentiment (general tone, -1..1): VADER's word valences on the masked English text; a word list
    (analysis/data/lexicon/zh_sentiment.tsv) with the same negation for Chinese.
    """

    name = "lexicon"
    extra_columns = ("evidence",)
    method = ("a transparent diplomatic lexicon (English and Chinese formulae, negation, intensifiers, "
              "diplomatic code; every score lists its evidence)")
    rank = 1
    batch_free = True       # each text is scored on its own (a repeated one once, the same way)

    @classmethod
    def ready(cls, **options) -> "LexiconScorer":
        """cls(<the fitted values Tenor ships in params.json>, **options).fit(): options (those not
        None) override the shipped values; without params.json, the defaults."""
        given = {k: v for k, v in options.items() if v is not None}
        return cls(**{**shipped_params(), **given}).fit()

    @classmethod
    def provenance(cls, **options) -> str:
        import hashlib
        files = sorted(_lexicon_dir().glob("*.tsv"))
        digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:12]
        p = load_params() or {}
        return (f"Lexicon: {len(files)} data files, content hash {digest}; neutral band and bias fitted "
                f"{p.get('date', '?')} on the gold corpus's {p.get('fit_on', {}).get('split', '?')} split.")

    @classmethod
    def train(cls, gold=None, split: str = "train", out=None, rounds=None, **_options) -> dict:
        return train(cls, gold, split=split, out=out, rounds=rounds)

    def __init__(self, alpha: float = 15.0, band: float | dict = 0.25, bias: float | dict = 0.0,
                 contrast_after: float = 1.5, contrast_before: float = 0.5,
                 first_weight: float = 2.0, lexicon_dir: str | None = None, registry: str | None = None):
        """alpha: the squashing constant (score = raw / sqrt(raw^2 + alpha)); band: the half-width
        of the neutral band around zero, and bias: added to the raw sum before the label is
        decided, each one number or {"en": .., "zh": ..}; contrast_after, contrast_before: factors
        for the terms after and before a contrast word; first_weight: the factor of a sentence's
        lead term; lexicon_dir: the folder of the lexicon files (None: analysis/data/lexicon);
        registry: the path of a speaker registry TSV whose names (with a few country names) are
        masked before matching (None: the registry Tenor ships)."""
        self.alpha = alpha
        self.band = band
        self.bias = bias
        self.contrast_after = contrast_after
        self.contrast_before = contrast_before
        self.first_weight = first_weight
        self.lexicon_dir = lexicon_dir
        self.registry = registry

    # -- fitted state
    def _ensure_fitted(self) -> "LexiconScorer":
        """The scorer, fitted from its parameters first (fit() without labels) if it is not yet."""
        return self if hasattr(self, "lexicons_") else self.fit()

    def score_one(self, text: str, lang: str = "en") -> Scored:
        self._ensure_fitted()
        lang = "zh" if lang == "zh" else "en"
        lex = self.lexicons_[lang]
        if lang == "en":
            matches, raw, tone_raw = self._en(text, lex)
        else:
            matches, raw, tone_raw = self._zh(text, lex)
        sentiment = _squash(tone_raw, 15.0 if lang == "en" else 8.0)
        # the score is the evidence alone (no evidence: 0); the label is decided after the fitted bias
        decision = _squash(raw + self.bias_[lang], self.alpha)
        return Scored(_squash(raw, self.alpha), raw, sentiment, matches, self._label(decision, lang))

    def _columns(self, raw, tone, lang: str) -> tuple:
        """score, label and sentiment arrays for arrays of raw stance and tone sums, exactly as
        score_one computes them one by one."""
        alpha, band = self.alpha, self.band_[lang]
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.where(raw != 0, raw / np.sqrt(raw * raw + alpha), 0.0)
            d = raw + self.bias_[lang]
            decision = np.where(d != 0, d / np.sqrt(d * d + alpha), 0.0)
            a = 15.0 if lang == "en" else 8.0
            sentiment = np.where(tone != 0, tone / np.sqrt(tone * tone + a), 0.0)
        label = np.where(decision >= band, "cooperative", np.where(decision <= -band, "confrontational", "neutral"))
        return score, label.astype(object), sentiment

    def _zh(self, text: str, lex: "Lexicon"):
        masked, matches = mask_names(text, lex, self.registry)
        tone_raw, _ = zh_tone(masked)
        if not matches:
            return matches, 0.0, tone_raw
        clause, gap, between = _zh_context(masked)
        for m in matches:
            m.text = text[m.start:m.end]
        raw = apply_rules(matches, clause, gap, "zh", self.contrast_after, self.contrast_before,
                          self.first_weight, between=between)
        return matches, raw, tone_raw

    def _en(self, text: str, lex: "Lexicon"):
        """English, one statement: (matches, raw, tone) (see _en_batch)."""
        matches, raw, tone = self._en_batch([text], lex)
        return matches.get(0, []), float(raw[0]), float(tone[0])

    def _en_batch(self, texts: list, lex: "Lexicon"):
        """English statements (see english.en_batch), with this scorer's rule parameters."""
        return en_batch(texts, lex, _names(self.registry), self.contrast_after, self.contrast_before,
                        self.first_weight)

    def _label(self, decision: float, lang: str) -> str:
        band = self.band_["zh" if lang == "zh" else "en"]
        return "cooperative" if decision >= band else "confrontational" if decision <= -band else "neutral"

    def transform(self, X, langs=None) -> pd.DataFrame:
        """One row per text: score, label, sentiment, evidence, raw. X: texts (langs: their
        languages, default English) or a DataFrame with text and lang columns. A scorer not fitted
        yet is fitted from its parameters first (fit() without labels: LexiconScorer() scores with
        the default band and bias, LexiconScorer.ready() with the shipped ones). A text repeated in
        the input (boilerplate, re-posted statements) is scored once; English statements are scored
        together (_en_batch)."""
        self._ensure_fitted()
        texts, langs = texts_and_langs(X, langs)
        if not set(map(type, texts)) <= {str}:
            texts = ["" if t is None or (isinstance(t, float) and math.isnan(t)) else str(t) for t in texts]
        n = len(texts)
        langs = ["zh" if lang == "zh" else "en" for lang in langs]
        score, sentiment, raw = np.zeros(n), np.zeros(n), np.zeros(n)
        label, evidence = np.full(n, "neutral", dtype=object), np.full(n, "", dtype=object)
        has_zh = "zh" in langs
        for lang in ("en", "zh"):
            if lang == "zh" and not has_zh:
                continue
            sel = list(range(n)) if lang == "en" and not has_zh else [k for k in range(n) if langs[k] == lang]
            if not sel:
                continue
            group = texts if len(sel) == n else [texts[k] for k in sel]
            # the cyclic garbage collector is paused while one language is scored: scoring makes no
            # reference cycles, but its many matches, lists and tuples (all freed on return) would
            # set it off every few hundred allocations to traverse them all (a tenth of the time)
            paused = gc.isenabled()
            gc.disable()
            try:
                cols = self._transform_group(group, lang)
            finally:
                if paused:
                    gc.enable()
            for out, c in zip((score, label, sentiment, evidence, raw), cols):
                if len(sel) == n:
                    out[:] = c
                else:
                    out[sel] = c
        return pd.DataFrame({"score": score, "label": label, "sentiment": sentiment,
                             "evidence": evidence, "raw": raw})

    def _transform_group(self, group: list, lang: str) -> tuple:
        """score, label, sentiment, evidence and raw arrays for texts of one language."""
        uniq = list(dict.fromkeys(group))
        if lang == "en":
            matches, r, tone = self._en_batch(uniq, self.lexicons_["en"])
        else:
            res = [self._zh(t, self.lexicons_["zh"]) for t in uniq]
            matches = {k: x[0] for k, x in enumerate(res) if x[0]}
            r, tone = np.array([x[1] for x in res]), np.array([x[2] for x in res])
        ev = np.full(len(uniq), "", dtype=object)
        for k, ms in matches.items():
            ev[k] = _evidence(ms)
        sc, lab, se = self._columns(r, tone, lang)
        cols = (sc, lab, se, ev, r)
        if len(uniq) < len(group):          # repeated texts: each row takes its text's results
            where = np.fromiter(map(dict(zip(uniq, range(len(uniq)))).__getitem__, group),
                                dtype=np.intp, count=len(group))
            cols = tuple(c[where] for c in cols)
        return cols

    def predict(self, X, langs=None) -> list[str]:
        return self.transform(X, langs)["label"].tolist()

    def fit(self, X=None, y=None, langs=None):
        """Without labels (y None): ready the scorer from its parameters, the lexicons loaded from
        lexicon_dir and the neutral band and bias per language taken from band and bias. With
        labels: then choose, per language with 20 or more labelled statements, the bias and the
        neutral band that maximise macro-F1 on (X, y); the other languages keep the parameters'.
        X: texts (langs: their languages, default English) or a DataFrame with text and lang
        columns. (Adding general tone words as weak stance evidence was tried: it lowered macro-F1
        on the training split at every weight, so tone feeds only the sentiment score.)"""
        self.lexicons_ = {"en": Lexicon.load("en", self.lexicon_dir),
                          "zh": Lexicon.load("zh", self.lexicon_dir)}
        _names(self.registry)           # (cached by path) a registry that cannot be read fails here
        self.band_ = _per_language(self.band, "band")
        self.bias_ = _per_language(self.bias, "bias")
        self.__dict__.pop("fit_report_", None)
        if y is None:
            return self
        from analysis.evaluation.metrics import macro_f1
        texts, langs = texts_and_langs(X, langs)
        y = list(y)
        table = [("zh" if lang == "zh" else "en", self.score_one(str(t), lang).raw, yy)
                 for t, lang, yy in zip(texts, langs, y)]
        self.fit_report_ = {}
        for lang in ("en", "zh"):
            rows = [(r, yy) for l, r, yy in table if l == lang]
            if len(rows) < 20:
                continue
            gold = [yy for _, yy in rows]
            grid = []
            for bias in [x / 2 for x in range(-6, 7)]:
                decisions = [_squash(r + bias, self.alpha) for r, _ in rows]
                for band in [x / 100 for x in range(5, 80, 5)]:
                    pred = ["cooperative" if d >= band else "confrontational" if d <= -band else "neutral"
                            for d in decisions]
                    grid.append((macro_f1(gold, pred, LABELS), bias, band))
            # the macro-F1 surface is flat near its top: among the settings within TIE of the best,
            # take the widest neutral band (one weak formula alone should not decide a label), then
            # the smallest bias
            top = max(f for f, _, _ in grid)
            f, bias, band = max((g for g in grid if g[0] >= top - TIE), key=lambda g: (g[2], -abs(g[1])))
            self.bias_[lang], self.band_[lang] = bias, band
            self.fit_report_[lang] = {"n": len(rows), "macro_f1": round(f, 4), "bias": bias, "band": band}
        return self

    def get_fitted(self) -> dict:
        self._ensure_fitted()
        return {"alpha": self.alpha, "contrast_after": self.contrast_after,
                "contrast_before": self.contrast_before, "first_weight": self.first_weight,
                "bias": self.bias_, "band": self.band_}

    def score_frame(self, statements: pd.DataFrame) -> pd.DataFrame:
        out = self.transform(statements["text"].tolist(), statements["lang"].tolist())
        out.index = statements.index
        return pd.DataFrame({"lexicon_score": out.score, "lexicon_label": out.label,
                             "lexicon_sentiment": out.sentiment, "lexicon_evidence": out.evidence})

