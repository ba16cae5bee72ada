"""Long runs keep finished work: `tenor score` (and `tenor report`) stopped part-way re-use the
chunks of statements they finished. The real lexicon scores; the interruption is a Ctrl-C raised
from inside it after a number of statements."""
from pathlib import Path

import pandas as pd
import pytest

from analysis import checkpoint
from analysis.cli import main
from analysis.scorers.lexicon.scorer import LexiconScorer

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def counted(monkeypatch, tmp_path):
    """The lexicon, counting the statements it scores and pressing Ctrl-C once `stop_after` is
    reached; a fresh cache folder; chunks of 20 statements."""
    monkeypatch.setenv("TENOR_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(checkpoint, "CHUNK", 20)
    # one call per chunk, so that Ctrl-C falls between chunks where the tests say (a batch-free
    # scorer's chunks are otherwise scored several to a call: test_chunks_scored_together...)
    monkeypatch.setattr(LexiconScorer, "batch_free", False)
    state = {"scored": 0, "stop_after": None}
    real = LexiconScorer.transform

    def transform(self, X, langs=None):
        if state["stop_after"] is not None and state["scored"] >= state["stop_after"]:
            raise KeyboardInterrupt
        state["scored"] += len(X)
        return real(self, X, langs)
    monkeypatch.setattr(LexiconScorer, "transform", transform)
    return state


def test_a_stopped_run_keeps_its_chunks_and_the_next_run_reuses_them(counted, tmp_path, capsys):
    whole = tmp_path / "whole.csv"
    assert main(["score", str(SEEDS), "--scorers", "lexicon", "--out", str(whole)]) == 0
    total = counted["scored"]
    assert total > 60 and not list(checkpoint.runs_dir().glob("*/*.parquet"))   # a finished run keeps nothing
    counted.update(scored=0, stop_after=40)      # Ctrl-C after two chunks of 20
    out = tmp_path / "out.csv"
    assert main(["score", str(SEEDS), "--scorers", "lexicon", "--out", str(out)]) == 130
    assert "interrupted after 2 of" in capsys.readouterr().err and not out.exists()
    assert len(list(checkpoint.runs_dir().glob("*/*.parquet"))) == 2
    counted.update(scored=0, stop_after=None)
    assert main(["score", str(SEEDS), "--scorers", "lexicon", "--out", str(out)]) == 0
    assert counted["scored"] == total - 40         # the two finished chunks were not scored again
    assert "re-used 2 of" in capsys.readouterr().err
    pd.testing.assert_frame_equal(pd.read_csv(out), pd.read_csv(whole))   # the same as a run never stopped
    assert not list(checkpoint.runs_dir().iterdir())


def test_other_statements_or_a_damaged_chunk_are_scored_again(counted, tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoint, "CHUNK", 5)
    counted["stop_after"] = 5
    doc = sorted(SEEDS.glob("*.txt"))[0]
    assert main(["score", str(doc), "--scorers", "lexicon", "--out", str(tmp_path / "a.csv")]) == 130
    [chunk] = checkpoint.runs_dir().glob("*/*.parquet")
    chunk.write_bytes(b"not parquet")
    counted.update(scored=0, stop_after=None)
    assert main(["score", str(doc), "--scorers", "lexicon", "--out", str(tmp_path / "a.csv")]) == 0
    first = counted["scored"]
    counted["stop_after"] = 5
    assert main(["score", str(doc), "--scorers", "lexicon", "--out", str(tmp_path / "b.csv")]) == 130
    counted.update(scored=0, stop_after=None)
    other = sorted(SEEDS.glob("*.txt"))[1]       # another document's statements: nothing to re-use
    assert main(["score", str(other), "--scorers", "lexicon", "--out", str(tmp_path / "c.csv")]) == 0
    assert counted["scored"] == len(pd.read_csv(tmp_path / "c.csv")) and first == len(pd.read_csv(tmp_path / "a.csv"))


def test_a_bar_inside_another_bars_work_draws_nothing():
    """The corpus runner's chunks and the chunked scoring are counted by their run's bar: the
    encoder's bar made inside them draws nothing (one bar per run, one widget in a notebook)."""
    from analysis import progress
    assert not progress.bar(10, "statements", "outer").disable
    with progress.inner():
        assert progress.bar(10, "statements", "inner").disable
    assert not progress.bar(10, "statements", "after").disable
    assert progress.bar(10, "statements", "hidden", show=False).disable


def test_chunks_scored_together_give_the_same_output_and_keep_each_chunk(counted, tmp_path, monkeypatch, capsys):
    """The lexicon is batch-free: several chunks are scored in one call, with the same output as one
    call per chunk; a run stopped part-way keeps every chunk it finished, each in its own file, and
    nothing is written while a run goes fast (SAVE_AFTER)."""
    one = tmp_path / "one.csv"
    assert main(["score", str(SEEDS), "--scorers", "lexicon", "--out", str(one)]) == 0
    # every call counts as fast, so the groups double whatever the machine's load (on a busy machine
    # the first call of a fresh process took over GROW_BELOW and the groups came out [20, 20, 40, 42])
    monkeypatch.setattr(checkpoint, "GROW_BELOW", float("inf"))
    monkeypatch.setattr(LexiconScorer, "batch_free", True)
    calls = []
    real = LexiconScorer.transform
    monkeypatch.setattr(LexiconScorer, "transform", lambda self, X, langs=None: calls.append(len(X)) or real(self, X, langs))
    grouped = tmp_path / "grouped.csv"
    assert main(["score", str(SEEDS), "--scorers", "lexicon", "--out", str(grouped)]) == 0
    assert grouped.read_bytes() == one.read_bytes()
    assert calls == [20, 40, 62] and sum(calls) == len(pd.read_csv(one))     # 122 statements
    counted.update(scored=0, stop_after=60)      # Ctrl-C in the third call, after 1 + 2 chunks
    assert main(["score", str(SEEDS), "--scorers", "lexicon", "--out", str(tmp_path / "x.csv")]) == 130
    assert "interrupted after 3 of" in capsys.readouterr().err
    assert len(list(checkpoint.runs_dir().glob("*/*.parquet"))) == 3
