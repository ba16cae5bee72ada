"""blind_2026's halves A and B (scripts/transformer/blind_halves.py; docs/evaluation.md): the written split is
the one the seeded procedure makes, covers every statement once, never puts one document in both halves
(MFA: one day's press conference, in either language), and halves every source."""
import importlib.util
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("blind_halves", ROOT / "scripts" / "transformer" / "blind_halves.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_written_split_is_the_seeded_one_and_keeps_documents_whole():
    m = _script()
    written = m.read_split()
    made = m.make_split()
    pd.testing.assert_frame_equal(written.reset_index(drop=True), made.astype(str).reset_index(drop=True))
    blind = pd.read_json(m.BLIND, lines=True)
    assert sorted(written.id) == sorted(blind.id)
    assert (written.groupby("document").half.nunique() == 1).all()
    sizes = written.groupby(["group", "half"]).size().unstack()
    assert (sizes.A - sizes.B).abs().max() <= 1
    mfa = written[written.group == "mfa"]
    assert set(mfa.lang) == {"en", "zh"} and mfa.document.str.startswith("mfa 20").all()
