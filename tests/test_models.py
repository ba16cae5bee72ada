"""The encoders are installed with Tenor and load offline from local folders."""
import numpy as np
import pytest

from analysis.scorers.transformer.encoders import Encoder, resolve
from analysis.errors import TenorError
from analysis.scorers.transformer.models import default_model_path


def test_default_english_model_is_a_local_folder():
    p = default_model_path()
    assert (p / "config.json").exists() and (p / "model.safetensors").exists()
    assert resolve("all-MiniLM-L6-v2")[1] == p


def test_minilm_loads_offline_and_embeds():
    pytest.importorskip("torch")
    enc = Encoder("all-MiniLM-L6-v2")
    X = enc.encode(["The two sides agreed to cooperate.", "中方坚决反对。"])
    assert X.shape == (2, 384) and np.isfinite(X).all()
    assert np.allclose(np.linalg.norm(X, axis=1), 1, atol=1e-4)
    assert enc.languages == {"en"}          # most Chinese characters are [UNK] for this model


def test_a_model_path_that_does_not_exist_is_a_clear_error(tmp_path):
    with pytest.raises(TenorError) as e:
        resolve(str(tmp_path / "no-model"))
    assert e.value.problem.code == "E501" and "no-model" in str(e.value)
