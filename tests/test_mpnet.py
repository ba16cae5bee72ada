"""all-mpnet-base-v2 is used only when its weights are the publisher's: the sha256 check refuses a
tampered copy (E506 naming the file) and trusts a verified folder by its stamp."""
import hashlib

import pytest

from analysis.errors import TenorError
from analysis.scorers.transformer import mpnet


def _folder(tmp_path, payload: bytes):
    (tmp_path / "model.safetensors").write_bytes(payload)
    return tmp_path


def test_the_publishers_weights_pass_and_are_stamped(tmp_path, monkeypatch):
    good = b"weights as published"
    monkeypatch.setattr(mpnet, "WEIGHTS", {"model.safetensors": (hashlib.sha256(good).hexdigest(), len(good))})
    folder = _folder(tmp_path, good)
    mpnet.verify(folder)
    assert (folder / mpnet.STAMP).exists()
    mpnet.verify(folder)            # the stamp is trusted while size and time are unchanged


def test_a_tampered_copy_is_refused(tmp_path, monkeypatch):
    good = b"weights as published"
    monkeypatch.setattr(mpnet, "WEIGHTS", {"model.safetensors": (hashlib.sha256(good).hexdigest(), len(good))})
    folder = _folder(tmp_path, b"weights as publishex")     # same size, other bytes
    with pytest.raises(TenorError) as e:
        mpnet.verify(folder)
    assert e.value.problem.code == "E506" and "model.safetensors" in str(e.value.problem)


def test_the_pinned_hash_is_the_publishers():
    assert mpnet.WEIGHTS["model.safetensors"] == (
        "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658", 437971872)


def test_a_stamp_cut_short_is_checked_again_not_a_crash(tmp_path, monkeypatch):
    """Seen in a full test run beside other Tenor processes: one read the stamp while another was
    rewriting it (JSONDecodeError on an empty file). The stamp is now written atomically, only when
    it changes, and an unreadable one means: check the weights again."""
    good = b"weights as published"
    monkeypatch.setattr(mpnet, "WEIGHTS", {"model.safetensors": (hashlib.sha256(good).hexdigest(), len(good))})
    folder = _folder(tmp_path, good)
    (folder / mpnet.STAMP).write_text("")
    mpnet.verify(folder)
    stamp = folder / mpnet.STAMP
    assert "model.safetensors" in stamp.read_text()
    before = stamp.stat().st_mtime_ns
    mpnet.verify(folder)
    assert stamp.stat().st_mtime_ns == before          # unchanged: not rewritten
