"""The default model is installed with Tenor and loads offline from its local folder."""
import pytest

from analysis.errors import TenorError
from analysis.models import default_model_path, load_encoder, resolve_model


def test_default_model_is_a_local_folder():
    p = default_model_path()
    assert (p / "config.json").exists() and (p / "model.safetensors").exists()


def test_default_model_loads_offline_and_embeds():
    torch = pytest.importorskip("torch")
    tok, model = load_encoder()
    batch = tok(["The two sides agreed to cooperate."], return_tensors="pt")
    with torch.no_grad():
        out = model(**batch).last_hidden_state
    assert out.shape[-1] == 384 and torch.isfinite(out).all()


def test_a_model_path_that_does_not_exist_is_a_clear_error(tmp_path):
    with pytest.raises(TenorError) as e:
        resolve_model(str(tmp_path / "no-model"))
    assert e.value.problem.code == "E501" and "no-model" in str(e.value)
