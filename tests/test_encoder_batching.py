"""The encoders tokenize every text once and batch by exact token count: with the real models
(multilingual-e5-small, all-mpnet-base-v2) and real statements (the gold dev split), the embeddings
equal those of the previous path (each batch tokenized on its own, texts ordered and packed by
character count) within bfloat16's batch-to-batch noise, and no batch exceeds its token budget."""
import numpy as np
import pytest

torch = pytest.importorskip("torch")

from analysis.errors import TenorError  # noqa: E402
from analysis.evaluation.gold import read_stance_gold  # noqa: E402
from analysis.scorers.transformer.encoders import BATCHED, Encoder  # noqa: E402


def _bench():
    """scripts/bench/transformer_speed.py, whose previous_encode (the encoder's path before the change)
    is the reference here and the benchmark's side-by-side baseline."""
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "scripts" / "bench" / "transformer_speed.py"
    spec = importlib.util.spec_from_file_location("transformer_speed", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def previous_encode(enc: Encoder, texts: list) -> np.ndarray:
    return _bench().previous_encode(enc, texts)


def dev_texts(langs: tuple, n: int) -> list:
    dv = read_stance_gold()
    dv = dv[(dv.split == "dev") & dv.lang.isin(langs)]
    return [t for lang in langs for t in dv[dv.lang == lang].text.tolist()[:n]]


@pytest.mark.parametrize("name,langs,n", [("multilingual-e5-small", ("en", "zh"), 100),
                                          ("all-mpnet-base-v2", ("en",), 100)])
def test_token_batches_give_the_previous_embeddings(name, langs, n):
    try:
        enc = Encoder(name, **BATCHED)                  # as the default head runs its encoders
    except TenorError as e:
        pytest.skip(f"{name} not installed ({e.problem.code})")
    texts = dev_texts(langs, n) + [""]                  # an empty text is read as the prefix alone
    new, old = enc.encode(texts), previous_encode(enc, texts)
    cos = (new * old).sum(1)
    assert len(texts) > 100 and cos.min() > 0.9999 and cos.mean() > 0.99999, (cos.min(), cos.mean())
    ids = enc.tokenize(texts)
    lengths = np.array([len(x) for x in ids])
    assert lengths.max() <= enc.max_length
    batches = enc._batches(lengths, np.argsort(lengths, kind="stable"))
    assert sorted(np.concatenate(batches).tolist()) == list(range(len(texts)))
    assert all(len(b) <= enc.batch_size or len(b) * lengths[b].max() <= enc.max_tokens for b in batches)
