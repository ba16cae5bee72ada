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


def previous_encode(enc: Encoder, texts: list) -> np.ndarray:
    """The encoder's path before the change, kept here as the reference."""
    texts = [enc.prefix + (t or "") for t in texts]
    out = np.zeros((len(texts), enc.dim), dtype=np.float32)
    order = np.argsort([len(t) for t in texts], kind="stable")
    batches, k = [], 0
    while k < len(order):
        j = min(len(order), k + enc.batch_size)
        while j < len(order) and enc.max_tokens and \
                (j + 1 - k) * min(enc.max_length, len(texts[order[j]]) // 4 + 2) <= enc.max_tokens:
            j += 1
        batches.append(order[k:j])
        k = j
    with torch.inference_mode():
        for idx in batches:
            b = enc.tokenizer([texts[i] for i in idx], padding=True, truncation=True,
                              max_length=enc.max_length, return_tensors="pt")
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=enc.precision == "bf16"):
                h = enc.model(**b).last_hidden_state.float()
            m = b["attention_mask"].unsqueeze(-1).float()
            out[idx] = torch.nn.functional.normalize((h * m).sum(1) / m.sum(1), dim=1).numpy()
    return out


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
