"""The transformer scorer: sentence encoders (Hugging Face `transformers`, local folders, CPU) with
trained linear heads for stance and sentiment.

- Encoders, per language (chosen on the dev split, docs/evaluation.md): English reads the
  concatenated embeddings of multilingual-e5-small and all-mpnet-base-v2, Chinese those of
  multilingual-e5-small (all-mpnet-base-v2 reads only English). `--model NAME` instead uses one
  encoder for every language it reads (all-MiniLM-L6-v2, multilingual-e5-small, all-mpnet-base-v2 or
  a local model folder). Each embedding is mean-pooled and L2-normalised.
- Heads: per language, multinomial logistic regression (scikit-learn, class-balanced) on those
  embeddings, for stance (cooperative / neutral / confrontational) and sentiment (-1 / 0 / +1).
  score = P(cooperative) - P(confrontational); sentiment = P(+1) - P(-1). The shipped stance heads
  carry a temperature (probabilities = softmax(logits / T), fitted on the training statements with
  `tenor train transformer --calibrate`; labels unchanged; docs/evaluation.md). A language's head also
  learns from the statements of every language whose encoders include its own (`joint`): the
  Chinese e5 head learns from the English statements' e5 embeddings too. The heads are saved as
  JSON (numbers only, no pickle, `heads`) with a model card: each encoder's name and content hash,
  the training data, the figures on the dev split, the date.
- Encoders load on first use, for the languages a call actually holds (a Chinese-only run never
  loads all-mpnet-base-v2); their content hashes are checked against the card in `fit`.
- A language the head has no numbers for (e.g. Chinese for all-MiniLM-L6-v2: most characters become
  [UNK]) gets an empty `transformer_label` and a `transformer_reason`.
- Results are cached in an embedded store keyed by every encoder of the language, the head, the
  language and the text.
"""
from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import TRANSFORMER_DIR
from analysis.errors import TenorError
from analysis.scorers.base import Scorer, texts_and_langs
from analysis.scorers.registry import register
from analysis.scorers.transformer.heads import (LinearHead, apply_heads, dev_figures, encoder_info,  # noqa: F401
                                                calibration_entry, encoder_key, fit_temperature, format_plan,
                                                model_card, parse_encoders, plan_of, provenance_line, read_head)

DEFAULT_ENCODER = "multilingual-e5-small"      # the one encoder of the earlier default head
# the default: per language, the encoders whose embeddings are concatenated (chosen on dev)
DEFAULT_ENCODERS = {"en": ["multilingual-e5-small", "all-mpnet-base-v2"], "zh": ["multilingual-e5-small"]}
DEFAULT_HEAD = "per-language.json"


def heads_dir() -> Path:
    return TRANSFORMER_DIR


def _keys(plan: dict) -> list:
    """The distinct encoders of a plan, in order of first mention."""
    return list(dict.fromkeys(k for names in plan.values() for k in names))


def _plan(card: dict, heads: dict, model: str | None) -> tuple[dict, dict]:
    """(plan, encoder info) of a head, with `model` (one encoder for every language) in place of
    the head's encoder; E502 when the head combines encoders, which one model cannot replace."""
    plan, infos = plan_of(card, heads), encoder_info(card)
    if not model:
        return plan, infos
    keys = _keys(plan)
    if len(keys) != 1:
        raise TenorError("E502", model, detail="--model names one encoder for every language, but this "
                         f"transformer head reads several ({format_plan(plan)}); give a head trained for "
                         f"that model (tenor train transformer --model {model}) or leave out --model")
    key = encoder_key(model)
    return {l: [key] for l in plan}, {key: infos[keys[0]]}


@register
class TransformerScorer(Scorer):
    """A scikit-learn estimator (analysis.scorers.base): fit(texts, y, langs, sentiment) trains the
    heads, fit() without labels loads the trained head (`head`, default: the one for `model`, else
    the per-language head) and checks the content hash of each of its encoders; fitted state:
    plan_ ({language: encoders}), infos_, heads_, card_, encoders_ (the encoders loaded so far) and
    settings_ (how they run)."""

    name = "transformer"
    extra_columns = ("reason",)
    options = {"model": "transformer encoder for every language it reads: all-MiniLM-L6-v2, "
                        "multilingual-e5-small, all-mpnet-base-v2 or the path of a local Hugging Face model "
                        "folder (default: per language, English multilingual-e5-small + all-mpnet-base-v2, "
                        "Chinese multilingual-e5-small)",
               "head": "transformer head JSON (default: the one trained for --model, else the per-language head)"}
    method = ("a transformer (sentence embeddings: multilingual-e5-small and all-mpnet-base-v2 for English, "
              "multilingual-e5-small for Chinese, with heads trained on Tenor's annotated gold corpus)")
    rank = 2
    uses_torch = True

    def __init__(self, model: str | None = None, head: str | None = None, encoders=None, C: float = 10.0,
                 joint: bool = True, batch_size: int = 32, precision: str = "auto", cache: bool = True,
                 seed: int = 0, calibrate: bool = False):
        self.model = model
        self.head = head
        self.encoders = encoders
        self.C = C
        self.joint = joint
        self.batch_size = batch_size
        self.precision = precision
        self.cache = cache
        self.seed = seed
        self.calibrate = calibrate

    # ----------------------------------------------------------------------------- encoders
    def _enc(self, key: str):
        """The encoder `key`, loaded on first use."""
        if key not in self.encoders_:
            from analysis.scorers.transformer.encoders import Encoder
            from transformers.utils import logging as hf_logging
            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()
            run = self.settings_.get(key, {})
            self.encoders_[key] = Encoder(key, batch_size=self.batch_size, precision=run.get("precision", self.precision),
                                          max_tokens=run.get("max_tokens"), runtime=run.get("runtime", "torch"))
        return self.encoders_[key]

    def _ready(self, keys: list, card: dict | None) -> None:
        """No encoder loaded yet; how each will run. A head over several encoders runs them as its
        card says they ran in training (on a CPU without bfloat16: float32); training one, with
        `encoders.BATCHED`. A single-encoder head (and its training) leaves it to the encoder's own
        precision="auto", as before."""
        from analysis.scorers.transformer.encoders import BATCHED, cpu_precision
        self.encoders_, self.settings_ = {}, {}
        several = len(keys) > 1 if card is None else "encoders" in card
        if not several or self.precision != "auto" or cpu_precision() != "bf16":
            return
        for key in keys:
            info = encoder_info(card).get(key, {}) if card is not None else BATCHED
            self.settings_[key] = {"precision": info.get("precision", "auto"), "max_tokens": info.get("max_tokens") or 0}

    def _embed(self, texts: list, langs: list, plan: dict, progress: bool = False) -> dict:
        """{encoder: array (len(texts), dim)}: each encoder reads, in one call, the texts whose
        language's plan names it; the rows of other languages stay zero."""
        out = {}
        for key in _keys({l: plan[l] for l in dict.fromkeys(langs) if l in plan}):   # loads no other
            rows = [i for i, l in enumerate(langs) if key in plan.get(l, ())]
            enc = self._enc(key)
            out[key] = np.zeros((len(texts), enc.dim), dtype=np.float32)
            out[key][rows] = enc.encode([texts[i] for i in rows], progress=progress)
        return out

    @staticmethod
    def _features(emb: dict, names: list, rows) -> np.ndarray:
        """The rows' embeddings by the encoders `names`, concatenated in that order."""
        return emb[names[0]][rows] if len(names) == 1 else np.hstack([emb[k][rows] for k in names])

    # ----------------------------------------------------------------------------- training
    def _training_plan(self) -> dict:
        if self.encoders is not None and self.model:
            raise TenorError("E507", "--encoders", detail="give --model (one encoder for every language) or "
                             "--encoders (per language), not both")
        if self.encoders is not None:
            spec = parse_encoders(self.encoders)
        elif self.model:
            spec = {"en": [self.model], "zh": [self.model]}
        else:
            spec = DEFAULT_ENCODERS
        return {l: [encoder_key(n) for n in names] for l, names in spec.items()}

    def fit(self, X=None, y=None, langs=None, sentiment=None, dev=None, extra=None, extra_weight=None):
        """Train the heads, per language its encoders read, on (texts, y [, sentiment]); without y,
        load the trained head (`head`, default: the one for `model`) and check its encoders.
        dev: optional (texts, y, langs, sentiment) reported in the model card.
        extra: optional, per row, True for an extra (out-of-domain) statement, which only the stance
        heads of the languages in extra_weight ({head language: sample weight}) learn from, at that
        weight; the counts, and the sentiment heads, are the other rows'."""
        if y is None:
            return self._fit_trained_head()
        texts, langs = texts_and_langs(X, langs)
        y = list(y)
        sentiment = list(sentiment) if sentiment is not None else None
        extra = np.zeros(len(y), bool) if extra is None else np.asarray(extra, bool)
        extra_weight = {l: float(w) for l, w in (extra_weight or {}).items() if float(w) > 0}
        plan = self._training_plan()
        self._ready(_keys(plan), None)
        # a language is trained where every encoder of its plan reads it, on 10 statements or more
        plan = {l: ks for l, ks in plan.items() if all(l in self._enc(k).languages for k in ks)}
        counts = {l: n for l in sorted(plan) if (n := sum(1 for g, e in zip(langs, extra) if g == l and not e)) >= 10}
        plan = {l: plan[l] for l in counts}
        if not plan:
            raise ValueError("no language has 10 or more training statements the encoders can read")
        emb = self._embed(texts, langs, plan, progress=True)
        self.heads_, made, learned_from = {}, {}, {}
        for l, ks in plan.items():
            # jointly, a head learns from every language whose encoders include its own: a
            # multilingual encoder places translations close together
            with_ = [m for m in plan if set(ks) <= set(plan[m])] if self.joint else [l]
            xw = extra_weight.get(l, 0.0)
            if (tuple(ks), tuple(with_), xw) not in made:
                rows = [i for i, g in enumerate(langs) if g in with_ and (xw or not extra[i])]
                made[(tuple(ks), tuple(with_), xw)] = fit_heads(self._features(emb, ks, rows), rows, y, sentiment,
                                                                extra, xw, self.C, self.seed, self.calibrate)
            self.heads_[l], learned_from[l] = made[(tuple(ks), tuple(with_), xw)], with_
        self.plan_ = plan
        self.infos_ = {k: self._enc(k).info() for k in _keys(plan)}
        self.card_ = model_card(plan, self.infos_, counts, learned_from, self.C, self.seed, self.joint,
                                several=bool(self.settings_) or len(self.infos_) > 1)
        if self.calibrate:
            self.card_["calibration"] = calibration_entry(self.heads_)
        if dev is not None:
            self.card_["dev"] = self._dev_report(*dev[:3])
        return self

    def _dev_report(self, texts, y, langs) -> dict:
        """Macro-F1, accuracy and multi-class Brier score (lower: better calibrated) of the stance
        head per language, from one encoding of the dev texts by each encoder."""
        texts, langs = list(texts), list(langs)
        emb = self._embed(texts, langs, self.plan_)
        report = {}
        for lang, heads in self.heads_.items():
            sel = [i for i, l in enumerate(langs) if l == lang]
            if not sel:
                continue
            report[lang] = dev_figures(heads["stance"], self._features(emb, self.plan_[lang], sel),
                                       [y[i] for i in sel])
        return report

    # ----------------------------------------------------------------------------- saving
    def _heads_json(self) -> dict:
        return {l: {k: h.to_json() for k, h in hs.items()} for l, hs in self.heads_.items()}

    def head_hash(self) -> str:
        """Part of every cached result's key; once per set of heads (serialising them takes ~10 ms)."""
        if getattr(self, "_head_hash", (None,))[0] is not self.heads_:
            self._head_hash = (self.heads_, hashlib.sha256(json.dumps(self._heads_json(), sort_keys=True)
                                                           .encode()).hexdigest()[:16])
        return self._head_hash[1]

    def save(self, path: str | Path) -> Path:
        from analysis.output import write_text_atomic
        doc = {"tenor_transformer_head": 2 if "encoders" in self.card_ else 1, "card": self.card_,
               "heads": self._heads_json()}
        return write_text_atomic(json.dumps(doc) + "\n", path)

    def _fit_trained_head(self) -> "TransformerScorer":
        path = Path(self.head) if self.head else default_head_path(self.model)
        if not path.exists():
            raise TenorError("E504", path, detail="no transformer head for this encoder yet; run: tenor train "
                             f"transformer{' --model ' + str(self.model) if self.model else ''}")
        self.heads_, self.card_ = read_head(path)
        self.plan_, self.infos_ = _plan(self.card_, self.heads_, self.model)
        self._ready(_keys(self.plan_), self.card_)
        self.check_encoders()
        import torch  # noqa: F401  (a missing runtime shows now, while the scorer is built)
        import transformers  # noqa: F401
        return self

    @classmethod
    def load(cls, path: str | Path, **params) -> "TransformerScorer":
        """A scorer with the head at `path`, its encoders loaded on first use (the pair unchecked)."""
        s = cls(head=str(path), **params)
        s.heads_, s.card_ = read_head(Path(path))
        s.plan_, s.infos_ = _plan(s.card_, s.heads_, s.model)
        s._ready(_keys(s.plan_), s.card_)
        return s

    def check_encoders(self) -> None:
        """Each encoder of the head must be the very one it was trained on (same content hash),
        checked from the model folders without loading them."""
        from analysis.scorers.transformer.encoders import folder_hash, resolve
        for key in _keys(self.plan_):
            _, path = resolve(key)
            got, want = folder_hash(path), self.infos_[key]["hash"]
            if got != want:
                raise TenorError("E502", path, detail=f"the transformer head was trained on encoder "
                                 f"{self.infos_[key]['name']} ({want}), not this one ({got}); "
                                 f"run: tenor train transformer --model {path}")

    # ------------------------------------------------------------------------- the contract
    @classmethod
    def versions(cls, model=None, head=None, **_) -> dict:
        from analysis.hashing import file_hash
        from analysis.scorers.transformer.encoders import folder_hash, resolve
        try:
            head_path = Path(head) if head else default_head_path(model)
            if head_path.exists():
                heads, card = read_head(head_path)
                keys = _keys(_plan(card, heads, model)[0])
            else:
                keys = [encoder_key(model)] if model else _keys(DEFAULT_ENCODERS)
            hashes = [folder_hash(resolve(k)[1]) for k in keys]
            encoder = hashes[0] if len(keys) == 1 else ",".join(f"{Path(k).name}={h}" for k, h in zip(keys, hashes))
            return {"encoder": encoder, "head": file_hash(head_path) if head_path.exists() else "missing"}
        except TenorError as e:
            return {"encoder": f"unavailable: {e.problem.code}"}

    @classmethod
    def provenance(cls, model=None, head=None, **_) -> str:
        path = Path(head) if head else default_head_path(model)
        return provenance_line(json.loads(path.read_text("utf-8"))["card"])

    @classmethod
    def train(cls, gold=None, split: str = "train", out=None, rounds=None, model=None, C: float = 10.0,
              encoders=None, calibrate: bool = False, extra=None, **_options) -> dict:
        return train(gold, split=split, out=out, rounds=rounds, model=model, C=C, encoders=encoders,
                     calibrate=calibrate, extra=extra)

    def set_threads(self, n: int) -> None:
        import torch
        torch.set_num_threads(n)

    # ----------------------------------------------------------------------------- scoring
    def transform(self, X, langs=None, use_cache: bool | None = None) -> pd.DataFrame:
        """score, label, sentiment, reason for each text; no numbers for languages without a head."""
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
                reason[i] = _no_head(self.plan_, self.infos_, l)
            elif not texts[i].strip():
                label[i], score[i], sent[i] = "neutral", 0.0, 0.0
            else:
                todo.append(i)
                reason[i] = self._truncation(l, texts[i])
        use_cache = self.cache if use_cache is None else use_cache
        cached, keys = {}, {}
        if use_cache and todo:
            from analysis.scorers.cache import ResultCache, key
            store = ResultCache()
            hh = self.head_hash()
            encs = {l: [self._enc(k) for k in self.plan_[l]] for l in set(langs[i] for i in todo)}
            tag = {l: ("+".join(e.hash for e in es), "+".join(e.precision for e in es)) for l, es in encs.items()}
            keys = {i: key(*tag[langs[i]], hh, langs[i], texts[i]) for i in todo}
            cached = store.get_many(list(set(keys.values())))
        # each distinct (language, text) is encoded once: a repeated sentence gets one score, the
        # same whichever batch it would have fallen in (bfloat16 results depend on the batch)
        first: dict = {}
        for i in todo:
            if keys.get(i) not in cached:
                first.setdefault((langs[i], texts[i]), i)
        fresh = list(first.values())
        if fresh:
            fl = [langs[i] for i in fresh]
            emb = self._embed([texts[i] for i in fresh], fl, self.plan_, progress=True)
            for lang in set(fl):
                rows = [k for k, l in enumerate(fl) if l == lang]
                idx = [fresh[k] for k in rows]
                s, lab, se = apply_heads(self.heads_[lang], self._features(emb, self.plan_[lang], rows))
                score[idx], sent[idx] = s, se
                for i, a in zip(idx, lab):
                    label[i] = a
            if use_cache:
                store.put_many([(keys[i], float(score[i]), label[i], float(sent[i])) for i in fresh])
        for i in todo:
            if keys.get(i) in cached:
                score[i], label[i], sent[i] = cached[keys[i]]
            elif first[(langs[i], texts[i])] != i:
                j = first[(langs[i], texts[i])]
                score[i], label[i], sent[i] = score[j], label[j], sent[j]
        return pd.DataFrame({"score": score, "label": label, "sentiment": sent, "reason": reason})

    def _truncation(self, lang: str, text: str) -> str:
        """Why the numbers describe only the start of a long statement ('' when it is read whole),
        for each encoder of the language."""
        names = self.plan_[lang]
        said = [(self._enc(k).name, truncated(self._enc(k), text)) for k in names]
        if len(names) == 1:
            return said[0][1]
        return "; ".join(f"{msg} ({name})" for name, msg in said if msg)


def fit_heads(Xl, rows: list, y: list, sentiment, extra, xw: float, C: float, seed: int, calibrate: bool) -> dict:
    """A language's heads on the embeddings Xl of `rows` (indices into y, sentiment and extra): the stance
    head with the extra rows at sample weight xw (with its temperature when calibrate, from the same rows
    and weights; labels do not change), the sentiment head on the rows that are not extra."""
    sw = np.where(extra[rows], xw, 1.0) if xw else None
    heads = {"stance": LinearHead.fit(Xl, [y[i] for i in rows], C, seed, sw)}
    if calibrate:
        heads["stance"].temperature = fit_temperature(Xl, [y[i] for i in rows], C, seed, sample_weight=sw)
    if sentiment is not None:
        own = [k for k, i in enumerate(rows) if not extra[i]]
        heads["sentiment"] = LinearHead.fit(Xl[own], [int(sentiment[rows[k]]) for k in own], C, seed)
    return heads


def _no_head(plan: dict, infos: dict, lang: str) -> str:
    """Why a language gets no numbers."""
    keys = _keys(plan)
    if len(keys) == 1:
        info = infos[keys[0]]
        return (f"encoder {info['name']} cannot read {lang}" if lang not in info.get("languages", [lang])
                else f"no {lang} head trained for encoder {info['name']}")
    return f"no {lang} head in this transformer head (it has {', '.join(plan)})"


def truncated(enc, text: str) -> str:
    """'read the first 256 of 612 tokens' when the encoder reads only the start of text, else ''.
    A token spans at least one character, so only texts longer than the limit are tokenized."""
    if len(enc.prefix) + len(text) + 2 <= enc.max_length:
        return ""
    n = len(enc.tokenizer(enc.prefix + text, truncation=False)["input_ids"])
    return f"read the first {enc.max_length} of {n} tokens" if n > enc.max_length else ""

def default_head_path(model: str | None = None, encoders=None) -> Path:
    """The shipped head: per language (no model), or for a named encoder; else a user's trained
    head in the cache folder (for a local model folder, or a per-language plan of their own)."""
    from analysis.scorers.cache import cache_dir
    from analysis.scorers.transformer.encoders import ALIASES
    if model is None:
        if encoders is None:
            return heads_dir() / DEFAULT_HEAD
        plan = {l: [encoder_key(n) for n in names] for l, names in parse_encoders(encoders).items()}
        if plan == DEFAULT_ENCODERS:
            return heads_dir() / DEFAULT_HEAD
        keys = _keys(plan)
        if len(keys) == 1 and keys[0] in ALIASES:
            return heads_dir() / f"{keys[0]}.json"
        from analysis.scorers.transformer.encoders import folder_hash, resolve
        digest = hashlib.sha256(json.dumps([plan, [folder_hash(resolve(k)[1]) for k in keys]]).encode())
        return cache_dir() / "heads" / f"per-language-{digest.hexdigest()[:16]}.json"
    if ALIASES.get(model) is not None:
        return heads_dir() / f"{ALIASES[model]}.json"
    from analysis.scorers.transformer.encoders import folder_hash, resolve
    _, path = resolve(model)
    return cache_dir() / "heads" / f"{folder_hash(path)}.json"


def read_extra(path) -> tuple[pd.DataFrame, dict]:
    """(rows, card entry) of an extra-training file: JSON {"sets": [stance files, every row of each
    (a set's own split field is ignored)], "weight": {head language: sample weight}, "why": text};
    relative paths are read from the folder the command runs in. E104 for a missing set, E503 when the
    file is not one."""
    from analysis.evaluation.gold import read_stance_gold
    try:
        spec = json.loads(Path(path).read_text("utf-8"))
        sets, weight = [str(p) for p in spec["sets"]], {str(l): float(w) for l, w in spec["weight"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise TenorError("E503", path, detail="not an extra-training file: JSON with 'sets' (stance files) "
                         f"and 'weight' ({{head language: sample weight}}) ({e})") from None
    frames, entry = [], []
    for p in sets:
        rows = read_stance_gold(p)
        frames.append(rows)
        entry.append({"path": p, "sha256": hashlib.sha256(Path(p).read_bytes()).hexdigest()[:16],
                      **{l: int((rows.lang == l).sum()) for l in sorted(rows.lang.unique())}})
    card = {"file": str(path), "sets": entry, "weight": weight, "why": spec.get("why", ""),
            "learns": "the stance heads of the languages weighed (their sample weight per statement); not the "
                      "sentiment heads, not the counts of trained_on"}
    return (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["text", "label", "lang"])), card


def train(gold_path=None, model: str | None = None, out: str | Path | None = None, C: float = 10.0,
          split: str = "train", seed: int = 0, rounds: list | None = None, encoders=None,
          calibrate: bool = False, extra=None) -> dict:
    """Fit the heads on one split of the gold corpus (default: train), report dev, save.
    rounds: only the training statements of these annotation rounds (the gold's `round` field);
    encoders: per language, e.g. 'en=e5+mpnet,zh=e5' (default: DEFAULT_ENCODERS, or `model` alone);
    calibrate: also fit each stance head's temperature on the same training statements;
    extra: an extra-training file (`read_extra`): labelled statements outside the gold that the stance
    heads of the languages it weighs learn from too (the shipped head has none: docs/evaluation.md,
    "Out-of-domain rows, three blind sets rotated")."""
    from analysis.evaluation.gold import read_stance_gold, training_rows
    gold = read_stance_gold(gold_path)
    tr = training_rows(gold, split, rounds, gold_path)
    dv = gold[gold.split == "dev"]
    sent = tr["sentiment"].tolist() if "sentiment" in tr.columns else None
    dev = (dv.text.tolist(), dv.label.tolist(), dv.lang.tolist(),
           dv["sentiment"].tolist() if "sentiment" in dv.columns else None) if len(dv) else None
    scorer = TransformerScorer(model=model, encoders=encoders, C=C, seed=seed, cache=False,   # fit(X, y, ...)
                               calibrate=calibrate)
    ex, ex_card = read_extra(extra) if extra else (tr.iloc[:0], None)
    scorer.fit(tr.text.tolist() + ex.text.tolist(), tr.label.tolist() + ex.label.tolist(),
               tr.lang.tolist() + ex.lang.tolist(), None if sent is None else sent + [0] * len(ex), dev=dev,
               extra=[False] * len(tr) + [True] * len(ex), extra_weight=ex_card and ex_card["weight"])
    if ex_card:
        scorer.card_["extra_training"] = ex_card
    scorer.card_["trained_on_split"] = split
    if rounds:
        scorer.card_["trained_on_rounds"] = sorted(int(r) for r in rounds)
    scorer.card_["gold"] = str(gold_path or "analysis/data/gold/tenor_gold.jsonl")
    path = Path(out) if out else default_head_path(model, encoders)
    path.parent.mkdir(parents=True, exist_ok=True)
    scorer.save(path)
    return {"saved": str(path), **scorer.card_}
