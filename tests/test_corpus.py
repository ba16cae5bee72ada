"""A corpus at scale: tables in every format streamed into a store, resumed after an interruption,
damaged parts redone, the Dask engine giving the same results as the local one."""
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import runner as corpus
from analysis.errors import TenorError
from analysis.corpus.store import Store

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = [
    ("We firmly oppose the so-called sanctions. The US should stop interfering in China's internal affairs.",
     "Geng Shuang", "2019-05-14", "en"),
    ("China and the United States should work together for win-win cooperation. Thank you.",
     "Hua Chunying", "2019-06-02", "en"),
    ("中方坚决反对美方干涉中国内政。我们敦促美方立即停止错误做法。", "华春莹", "2020-03-11", "zh"),
    ("双方同意加强合作，实现互利共赢。", "耿爽", "2018-07-01", "zh"),
    ("I'm not aware of the situation you mentioned.", "Lu Kang", "2018-11-20", "en"),
    ("", "Zhao Lijian", "2020-05-05", "en"),
]


def answers(n: int = 60) -> pd.DataFrame:
    rows = [ANSWERS[i % len(ANSWERS)] for i in range(n)]
    return pd.DataFrame({"row_id": [f"r{i + 1}" for i in range(n)], "answer": [r[0] for r in rows],
                         "spokesperson": [r[1] for r in rows], "date": [r[2] for r in rows],
                         "lang": [r[3] for r in rows], "qa_index": [i % 7 for i in range(n)]})


def write(df: pd.DataFrame, path: Path) -> Path:
    name = path.name
    if name.endswith(".parquet"):
        df.to_parquet(path, index=False)
    elif name.endswith(".jsonl.gz"):
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(df.to_json(orient="records", lines=True, force_ascii=False))
    elif name.endswith(".jsonl"):
        path.write_text(df.to_json(orient="records", lines=True, force_ascii=False), "utf-8")
    else:
        df.to_csv(path, index=False)
    return path


OPTS = dict(text_col="answer", speaker_col="spokesperson", id_col="row_id", scorers=["lexicon"],
            chunk_rows=8, progress=False)


def test_a_table_streams_into_a_store_in_input_order(tmp_path):
    table = write(answers(20), tmp_path / "mfa.csv")
    s = corpus.run(table, tmp_path / "store", **OPTS)
    assert (s["rows"], s["chunks"], s["chunks_run_now"]) == (20, 3, 3)
    df = Store(tmp_path / "store").frame()
    assert df.statement_id.tolist()[:5] == ["r1:1", "r1:2", "r2:1", "r2:2", "r3:1"]
    assert df.speaker.tolist()[:5] == ["Geng Shuang", "Geng Shuang", "Hua Chunying", "Hua Chunying",
                                      "Hua Chunying"]
    assert df.date.tolist()[:3] == ["2019-05-14", "2019-05-14", "2019-06-02"]
    assert df.paragraph.max() == 20                   # every row is there; the empty one too
    assert (df[df.paragraph == 6].text == "").all()
    assert df.lexicon_label.tolist()[0] == "confrontational"
    assert df.qa_index.tolist()[0] == "0"             # passed through, as text
    assert any("row 6: empty text" in p for p in s["problems"])


@pytest.mark.parametrize("name", ["mfa.jsonl", "mfa.jsonl.gz", "mfa.parquet"])
def test_every_table_format_gives_the_same_statements(tmp_path, name):
    df = answers(20)
    base = corpus.run(write(df, tmp_path / "mfa.csv"), tmp_path / "csv_store", **OPTS)
    other = corpus.run(write(df, tmp_path / name), tmp_path / "other_store", **OPTS)
    assert base["statements"] == other["statements"]
    a = Store(tmp_path / "csv_store").frame().drop(columns=["source"])
    b = Store(tmp_path / "other_store").frame().drop(columns=["source"])
    pd.testing.assert_frame_equal(a, b)


def test_an_interrupted_run_resumes_without_redoing_finished_chunks(tmp_path, monkeypatch):
    table = write(answers(40), tmp_path / "mfa.csv")
    corpus.run(table, tmp_path / "whole", **OPTS)
    real = corpus.process_chunk
    calls = []

    def stop_at_third(df, index, cfg):
        calls.append(index)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(df, index, cfg)
    monkeypatch.setattr(corpus, "process_chunk", stop_at_third)
    with pytest.raises(corpus.Interrupted) as e:
        corpus.run(table, tmp_path / "store", **OPTS)
    assert (e.value.done, e.value.total) == (2, 5) and "run the same command again" in str(e.value)
    monkeypatch.setattr(corpus, "process_chunk", real)
    s = corpus.run(table, tmp_path / "store", **OPTS)
    assert (s["chunks_run_now"], s["chunks_resumed"]) == (3, 2)
    pd.testing.assert_frame_equal(Store(tmp_path / "store").frame(), Store(tmp_path / "whole").frame())


def test_a_damaged_part_is_set_aside_and_redone(tmp_path):
    table = write(answers(20), tmp_path / "mfa.csv")
    corpus.run(table, tmp_path / "store", **OPTS)
    before = Store(tmp_path / "store").frame()
    part = tmp_path / "store" / "parts" / "part-000001.parquet"
    part.write_bytes(part.read_bytes()[:100])                 # a torn write from another tool
    warnings = []
    s = corpus.run(table, tmp_path / "store", log=warnings.append, **OPTS)
    assert s["chunks_run_now"] == 1
    assert any(w.startswith("W601") and "part-000001.parquet" in w for w in warnings)
    assert (tmp_path / "store" / "parts" / "part-000001.parquet.damaged").exists()
    pd.testing.assert_frame_equal(Store(tmp_path / "store").frame(), before)


def test_a_store_of_another_run_is_not_mixed_into(tmp_path):
    table = write(answers(10), tmp_path / "mfa.csv")
    corpus.run(table, tmp_path / "store", **OPTS)
    with pytest.raises(TenorError) as e:
        corpus.run(table, tmp_path / "store", **{**OPTS, "speaker_col": "who"})
    assert e.value.problem.code == "E601" and "speaker_col" in str(e.value)
    write(answers(12), table)                                 # the input changed
    with pytest.raises(TenorError) as e:
        corpus.run(table, tmp_path / "store", **OPTS)
    assert e.value.problem.code == "E601" and "input" in str(e.value)
    s = corpus.run(table, tmp_path / "store", overwrite=True, **OPTS)
    assert (s["rows"], s["chunks_resumed"]) == (12, 0)


def test_bad_tables_are_named(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(TenorError) as e:
        corpus.run(tmp_path / "empty.csv", tmp_path / "s1", **OPTS)
    assert e.value.problem.code == "E101"
    write(answers(3).drop(columns=["answer"]), tmp_path / "notext.csv")
    with pytest.raises(TenorError) as e:
        corpus.run(tmp_path / "notext.csv", tmp_path / "s2", **OPTS)
    assert e.value.problem.code == "E301" and "notext.csv" in str(e.value)
    (tmp_path / "s3").mkdir()
    (tmp_path / "s3" / "mine.txt").write_text("not a store", "utf-8")
    with pytest.raises(TenorError) as e:
        corpus.run(write(answers(3), tmp_path / "ok.csv"), tmp_path / "s3", **OPTS)
    assert e.value.problem.code == "E602"
    assert (tmp_path / "s3" / "mine.txt").exists()           # nothing of the user's is removed


def _cli(*args, cwd):
    return subprocess.Popen([sys.executable, "-m", "analysis", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_ctrl_c_or_a_kill_of_the_command_loses_nothing(tmp_path, sig):
    # enough chunks (400) that the run cannot end between the second part and the signal, even now
    # that a table's turns are read twice as fast as when this test was written
    n_rows, n_chunks = 20000, 400
    write(answers(n_rows), tmp_path / "big.csv")
    args = ["score", "big.csv", "--text-col", "answer", "--speaker-col", "spokesperson", "--id-col", "row_id",
            "--scorers", "lexicon", "--store", "store", "--chunk-rows", "50", "--quiet"]
    proc = _cli(*args, cwd=tmp_path)
    parts = tmp_path / "store" / "parts"
    deadline = time.time() + 120
    while time.time() < deadline and len(list(parts.glob("part-*.parquet"))) < 2:
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    done = len(list(parts.glob("part-*.parquet")))
    assert 2 <= done < n_chunks, "the run was not stopped midway"
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "run the same command again to resume" in err
    resumed = _cli(*args, "--out", "all.csv", cwd=tmp_path)
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    assert f"{done} already done" in err
    fresh = _cli(*[a if a != "store" else "fresh" for a in args], "--out", "fresh.csv", cwd=tmp_path)
    _, err = fresh.communicate(timeout=300)
    assert fresh.returncode == 0, err
    assert (tmp_path / "all.csv").read_bytes() == (tmp_path / "fresh.csv").read_bytes()
    assert not list(parts.glob(".*.tmp"))                     # half-written parts are cleared away


def test_query_command(tmp_path):
    write(answers(12), tmp_path / "mfa.csv")
    corpus.run(tmp_path / "mfa.csv", tmp_path / "store", **OPTS)
    p = _cli("query", "store", "SELECT speaker, count(*) AS n FROM statements GROUP BY 1 ORDER BY 1",
             cwd=tmp_path)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert "Geng Shuang" in out and "Zhao Lijian" in out
    p = _cli("query", "store", "SELECT nope FROM statements", cwd=tmp_path)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 2 and err.startswith("E604")


def test_dask_engine_gives_the_local_results(tmp_path):
    pytest.importorskip("dask.distributed")
    table = write(answers(40), tmp_path / "mfa.csv")
    local = corpus.run(table, tmp_path / "local", **OPTS)
    dask = corpus.run(table, tmp_path / "dask", engine="dask", workers=2, **OPTS)
    assert (dask["engine"], dask["statements"]) == ("dask", local["statements"])
    a, b = Store(tmp_path / "local"), Store(tmp_path / "dask")
    pd.testing.assert_frame_equal(a.frame(), b.frame())
    for pa, pb in zip(sorted(a.parts_dir.glob("*.parquet")), sorted(b.parts_dir.glob("*.parquet"))):
        assert pa.read_bytes() == pb.read_bytes()             # the same bytes, part by part


def test_dask_engine_gives_the_local_results_with_the_transformer(tmp_path, monkeypatch):
    """bfloat16 products depend on thread counts and batches: a chunk must be a pure function of
    its rows and the configuration for the engines to agree bit for bit. Both compute (the result
    cache is neither read nor written by corpus runs, so neither run can copy the other)."""
    pytest.importorskip("dask.distributed")
    monkeypatch.setenv("TENOR_CACHE", str(tmp_path / "cache"))
    table = write(answers(12), tmp_path / "mfa.csv")
    opts = {**OPTS, "scorers": ["lexicon", "transformer"], "chunk_rows": 4}
    local = corpus.run(table, tmp_path / "local", **opts)
    dask = corpus.run(table, tmp_path / "dask", engine="dask", **opts)
    assert dask["statements"] == local["statements"] and not dask["warnings"]
    a, b = Store(tmp_path / "local").frame(), Store(tmp_path / "dask").frame()
    assert a.transformer_label.isin(["cooperative", "neutral", "confrontational"]).all()
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert not (tmp_path / "cache" / "scores.sqlite").exists()


def test_corpus_report_from_a_store(tmp_path):
    from analysis.report.corpus import build_corpus
    df = answers(48)
    df["date"] = [f"2019-0{1 + i // 12}-1{i % 3}" for i in range(48)]       # both languages on a day
    corpus.run(write(df, tmp_path / "mfa.csv"), tmp_path / "store", **OPTS)
    out = build_corpus(tmp_path / "store", tmp_path / "rep")
    assert out["pdf"].exists() and out["pdf"].read_bytes()[:4] == b"%PDF"
    assert {p.name for p in out["pngs"]} >= {"spokespersons.png", "monthly.png", "hostile_by_year_lexicon.png"}
    sp = out["speakers"].set_index("speaker")
    # Geng Shuang: 8 English answers opposing sanctions, 8 Chinese ones agreeing to cooperate
    assert sp.loc["Geng Shuang", "turns"] == 16 and sp.loc["Geng Shuang", "share_hostile"] == 0.5
    assert sp.loc["Lu Kang", "turns"] == 8 and sp.loc["Lu Kang", "share_hostile"] == 0.0
    assert "Zhao Lijian" not in sp.index                           # his answers are empty
    assert out["cross_language"].pairs.iloc[0] > 0
    # answers read over their statements about the other side only (issue 17): the English answers that
    # name the United States (8 opposing interference, 8 on win-win cooperation) and the Chinese ones on 美方
    about = out["yearly_about"].set_index(["lang", "year"])
    assert about.loc[("en", "2019"), "turns"] == 16 and about.loc[("en", "2019"), "share_hostile"] == 0.5
    assert about.loc[("zh", "2019"), "turns"] == 8 and about.loc[("zh", "2019"), "share_hostile"] == 1.0
    assert "about_the_other_side_by_year.png" in {p.name for p in out["pngs"]}


def test_store_given_a_document_says_what_it_needs(tmp_path):
    """A new user gave --store a document and got a pandas tokenizer error."""
    from analysis.errors import TenorError
    from analysis.corpus import runner
    doc = tmp_path / "speech.txt"
    doc.write_text("China and the United States should cooperate.\n", encoding="utf-8")
    with pytest.raises(TenorError) as e:
        runner.run(doc, tmp_path / "store", progress=False)
    assert e.value.problem.code == "E603" and "--out" in str(e.value.problem)
