"""The encoders keep freed memory in the process's heap (glibc mallopt, analysis.scorers.transformer.
encoders.keep_freed_memory): a batch's big activations reuse pages already mapped instead of
page-faulting fresh ones, and the embeddings are the same bits as without the setting (real
multilingual-e5-small, gold dev statements, each setting in its own process)."""
import os
import platform
import resource
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from analysis.evaluation.gold import read_stance_gold  # noqa: E402
from analysis.errors import TenorError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
glibc = pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")

ENCODE = """
import sys, numpy as np
from analysis.evaluation.gold import read_stance_gold
from analysis.scorers.transformer.encoders import Encoder, keep_freed_memory
dv = read_stance_gold(); dv = dv[dv.split == "dev"]
texts = dv[dv.lang == "en"].text.tolist()[:40] + dv[dv.lang == "zh"].text.tolist()[:40]
enc = Encoder("multilingual-e5-small", precision="bf16-weights", max_tokens=4096, threads=2)
np.save(sys.argv[1], enc.encode(texts))
print(keep_freed_memory())
"""


def _encoder():
    from analysis.scorers.transformer.encoders import Encoder
    try:
        return Encoder("multilingual-e5-small", precision="bf16-weights", max_tokens=4096)
    except TenorError as e:
        pytest.skip(f"multilingual-e5-small not available: {e}")


@glibc
def test_a_second_batch_reuses_the_heap_instead_of_fresh_pages():
    from analysis.scorers.transformer.encoders import keep_freed_memory
    enc = _encoder()
    assert keep_freed_memory()
    dv = read_stance_gold()
    texts = dv[(dv.split == "dev") & (dv.lang == "en")].text.tolist()[:120]
    enc.encode(texts)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    enc.encode(texts)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    # without the setting this call page-faults its activations afresh: tens of thousands of faults
    assert faults < 10000, faults


@glibc
def test_kept_memory_gives_the_same_bits(tmp_path):
    out = {}
    for flag in ("1", "0"):
        env = {**os.environ, "TENOR_KEEP_FREED_MEMORY": flag, "PYTHONPATH": str(ROOT)}
        path = tmp_path / f"emb{flag}.npy"
        run = subprocess.run([sys.executable, "-c", ENCODE, str(path)], env=env, cwd=ROOT, capture_output=True,
                             text=True)
        if run.returncode and "E501" in run.stderr:
            pytest.skip("multilingual-e5-small not available")
        assert run.returncode == 0, run.stderr[-2000:]
        assert run.stdout.strip().splitlines()[-1] == ("True" if flag == "1" else "False")
        out[flag] = np.load(path)
    assert np.array_equal(out["1"], out["0"])
