import codecs
import json
import re

import pandas as pd
import pytest
from conftest import SEEDS

from analysis import COLUMNS, statements
from analysis.extract.dates import find_date
from analysis.ingest.discover import Meta
from analysis.extract.build import document_statements
from analysis.ingest.decode import read_text

WS = re.compile(r"\s+")


@pytest.fixture(scope="module")
def seeds():
    return statements([SEEDS])


def test_contract_columns(seeds):
    assert not seeds.problems
    assert list(seeds.statements.columns[:len(COLUMNS)]) == COLUMNS
    assert seeds.statements.statement_id.is_unique
    assert set(seeds.statements.side) <= {"CN", "US", "other", "none"}
    assert set(seeds.statements.section) == {"body", "front_matter"}


def test_every_character_of_every_seed_is_in_exactly_one_statement(seeds):
    df = seeds.statements
    for doc_id, g in df.groupby("doc_id"):
        text = read_text(SEEDS / f"{doc_id}.txt").text
        covered = [0] * len(text)
        for r in g.itertuples():
            for i in range(r.start, r.end):
                covered[i] += 1
        assert max(covered) == 1, doc_id  # no character in two statements
        missing = "".join(c for c, k in zip(text, covered) if not k)
        assert not WS.sub("", missing), (doc_id, missing[:80])


def test_offsets_point_at_the_statement(seeds):
    for r in seeds.statements.itertuples():
        original = read_text(SEEDS / f"{r.doc_id}.txt").text[r.start:r.end]
        assert WS.sub("", original) == WS.sub("", r.text)


def test_pdf_line_breaks_are_repaired(seeds):
    df = seeds.statements
    zh = df[df.doc_id.str.startswith("002")]
    assert zh.text.str.contains("特朗普总统的口信").any()          # 特朗\n\n普 joined
    assert not zh.text.str.contains(r"\n").any()
    en = df[df.doc_id.str.startswith("000")]
    assert en.text.iloc[2].startswith("Liu delivered a message") and en.text.iloc[2].endswith(
        "China-U.S. relations are at a critical stage.")


def test_front_matter_is_marked_not_dropped(seeds):
    fm = seeds.statements[seeds.statements.section == "front_matter"]
    assert "Li Keqiang Meets with US President Donald Trump" in fm.text.tolist()
    assert fm.text.str.contains("Copyright").any()
    assert (fm.speaker == "narrator").all()


def test_dates_and_sources(seeds):
    df = seeds.statements.drop_duplicates("doc_id").set_index("doc_id")
    assert df.loc["001_85882ca6d0618557", "date"] == "2017-11-09"
    assert (df.date_source == "manifest").all()
    assert df.lang.tolist() == ["en", "en", "zh", "en", "en"]


@pytest.mark.parametrize("text, date", [
    ("WASHINGTON, Jan. 31 (Xinhua) -- Trump met Liu He.", "--01-31"),
    ("On the afternoon of November 9, 2017, Premier Li Keqiang met Trump.", "2017-11-09"),
    ("Updated: 2021-12-28\n\nApril 6, 2017\n\nI am glad to meet you.", "2017-04-06"),
    ("新华社华盛顿1月31日电 当地时间1月31日，特朗普会见刘鹤。", "--01-31"),
    ("2019年1月31日，特朗普会见刘鹤。", "2019-01-31"),
    ("The two sides met.", None),
])
def test_date_found_in_text(text, date):
    rows = document_statements(text, "d")
    assert find_date([text]) == date
    assert rows[0]["date_source"] == ("text" if date else "none")


def test_language_detected_per_statement():
    rows = document_statements("The two sides met in Beijing.\n\n双方一致认为，合作是唯一正确的选择。")
    assert [r["lang"] for r in rows] == ["en", "zh"]
    assert rows[1]["speaker"] == "both sides"


def _answers(tmp_path):
    p = tmp_path / "answers.csv"
    pd.DataFrame({"id": ["a1", "a2"], "text": ["We firmly oppose this. It is wrong.", "耿爽表示，中方欢迎。"],
                  "speaker": ["耿爽", ""], "date": ["2019-05-01", "not a date"],
                  "topic": ["trade", "trade"]}).to_csv(p, index=False)
    return p


def test_table_rows_are_turns_segmented_keeping_speaker_and_date(tmp_path):
    res = statements([_answers(tmp_path)])
    df = res.statements
    assert df.statement_id.tolist() == ["a1:1", "a1:2", "a2:1"]
    assert df.text.tolist() == ["We firmly oppose this.", "It is wrong.", "耿爽表示，中方欢迎。"]
    assert df.start.tolist() == [0, 23, 0] and df.end.tolist() == [22, 35, 10]
    assert df.speaker.tolist() == ["Geng Shuang"] * 3          # the row's speaker; row 2 from its text
    assert df.cue.tolist() == ["table", "table", "reported"]
    assert df.date.tolist() == ["2019-05-01", "2019-05-01", ""]
    assert df.paragraph.tolist() == [1, 1, 2]                  # the input row
    assert df.topic.tolist() == ["trade"] * 3                  # passed through
    assert "input_text" not in df.columns                      # the turn is not repeated per statement
    assert any(p.code == "W302" and "not a date" in p.message for p in res.problems)


def test_documents_and_tables_together(tmp_path):
    """A folder holding a document and a table: both come out (the table read as turns)."""
    (tmp_path / "a.txt").write_text("Wang Yi said the talks were candid.", "utf-8")
    _answers(tmp_path)
    res = statements([tmp_path])
    assert not res.problems or all(p.code == "W302" for p in res.problems)
    assert res.statements.groupby("doc_id").size().to_dict() == {"a": 1, "answers": 3}


def test_table_rows_as_statements_not_resegmented(tmp_path):
    res = statements([_answers(tmp_path)], rows="statements")
    df = res.statements
    assert df.statement_id.tolist() == ["a1", "a2"]
    assert df.text.tolist()[0] == "We firmly oppose this. It is wrong."       # one row, one statement
    assert df.speaker.tolist() == ["Geng Shuang", "Geng Shuang"]              # alias; cue in the text
    assert df.topic.tolist() == ["trade", "trade"]                            # passed through
    assert df.input_speaker.tolist()[0] == "耿爽" and df.input_text.tolist()[1] == "耿爽表示，中方欢迎。"
    assert df.date.tolist() == ["2019-05-01", ""]


def test_jsonl_table(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"text": "The two sides agreed to talk.", "lang": "en"}\nnot json\n', "utf-8")
    res = statements([p])
    assert res.statements.speaker.tolist() == ["both sides"]
    assert any(x.code == "E302" and "row 2" in x.message for x in res.problems)


def test_table_without_text_column(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("a,b\n1,2\n", "utf-8")
    res = statements([p])
    assert not res.read_anything
    assert res.problems[0].code == "E301" and "bad.csv" in str(res.problems[0])


# -- bad input: each gets a message naming the file, and the other documents still come out
def _bad_folder(tmp_path):
    (tmp_path / "good.txt").write_text("Wang Yi said the talks were candid.", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "junk.txt").write_bytes(bytes([0x81, 0xFF, 0xFE, 0x80, 0xC0]) * 100)
    (tmp_path / "gbk.txt").write_bytes("王毅表示，中方坚决反对。".encode("gbk"))
    (tmp_path / "u16.txt").write_bytes("双方一致认为合作共赢。\n".encode("utf-16-le"))
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + "Xi said so.".encode())
    (tmp_path / "manifest.csv").write_text(
        "file,date,language,kind\ngood.txt,2019-02-30,en,news\nmissing.txt,2019-01-01,en,news\n"
        "good.txt,2019-01-01,en,news\n../escape.txt,2019-01-01,en,news\ngbk.txt,2019-01-05,xx,news\n",
        "utf-8")
    return tmp_path


def test_bad_inputs_are_named_and_the_rest_is_processed(tmp_path):
    res = statements([_bad_folder(tmp_path)])
    codes = {(p.code, p.path.split("/")[-1]) for p in res.problems}
    assert ("E101", "empty.txt") in codes
    assert ("E102", "binary.txt") in codes
    assert ("E103", "junk.txt") in codes or ("E102", "junk.txt") in codes
    assert ("W201", "manifest.csv") in codes   # impossible date 2019-02-30
    assert ("E202", "manifest.csv") in codes   # missing.txt
    assert ("W202", "manifest.csv") in codes   # duplicate row
    assert ("E203", "manifest.csv") in codes   # path leaves the folder
    assert ("W204", "manifest.csv") in codes   # unknown language
    msgs = " ".join(str(p) for p in res.problems)
    assert "missing.txt" in msgs and "2019-02-30" in msgs and "../escape.txt" in msgs
    df = res.statements.set_index("doc_id")
    assert set(df.index) == {"good", "gbk", "u16", "bom"}
    assert df.loc["good", "speaker"] == "Wang Yi"
    assert (df.loc["good", "date"], df.loc["good", "date_source"]) == ("", "none")  # bad date not used
    assert df.loc["gbk", "speaker"] == "Wang Yi" and df.loc["gbk", "date"] == "2019-01-05"
    assert df.loc["u16", "speaker"] == "both sides"


def test_manifest_without_file_column(tmp_path):
    (tmp_path / "a.txt").write_text("Xi said so.", "utf-8")
    (tmp_path / "manifest.csv").write_text("name,date\na.txt,2019-01-01\n", "utf-8")
    res = statements([tmp_path])
    assert any(p.code == "E201" and "no 'file' column" in p.message for p in res.problems)
    assert res.statements.speaker.tolist() == ["Xi Jinping"]


def test_missing_input_path(tmp_path):
    res = statements([tmp_path / "nope.txt", SEEDS / "004_9b23e0202f362ceb.txt"])
    assert res.problems[0].code == "E104" and "nope.txt" in str(res.problems[0])
    assert len(res.statements) == 15


# -- more hostile input (issue 8): each still yields every sentence, attributed
def test_single_one_megabyte_line(tmp_path):
    p = tmp_path / "line.txt"
    p.write_text("The two sides agreed to cooperate and Wang said so, " * 20000, "utf-8")   # ~1 MB, no newline
    res = statements([p, SEEDS / "004_9b23e0202f362ceb.txt"])
    df = res.statements
    # the line has no sentence end: kept whole and said (W108), nothing else goes wrong
    assert [(pr.code, pr.path) for pr in res.problems] == [("W108", str(p))]
    assert set(df.doc_id) == {"line", "004_9b23e0202f362ceb"}
    line = df[df.doc_id == "line"]
    assert WS.sub("", "".join(line.text)) == WS.sub("", p.read_text("utf-8"))


@pytest.mark.parametrize("text", [
    "“We firmly oppose this, Wang said. He added that talks would go on.\n\nThe meeting ended.",
    "\"Unbalanced, he said.\n\nThe two sides agreed.",
    "王毅说：“中方坚决反对。双方应当对话。\n\n会谈结束。",
    "「未闭合的引号，中方表示。\n\n双方同意。",
])
def test_unbalanced_quotation_marks(text):
    rows = document_statements(text, "q")
    assert WS.sub("", "".join(r["text"] for r in rows)) == WS.sub("", text)
    assert all(r["speaker"] for r in rows)


def test_mixed_language_paragraph():
    text = "Wang Yi said the talks were candid. 王毅表示，中方坚决反对干涉。 The two sides agreed to meet again."
    rows = document_statements(text, "mix")
    assert [r["lang"] for r in rows] == ["en", "zh", "en"]
    assert [r["speaker"] for r in rows][:2] == ["Wang Yi", "Wang Yi"]


def test_a_fifty_megabyte_document(tmp_path):
    """A scraped dump of 50 MB: read whole, every sentence out, and the other documents too."""
    seeds = "\n\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    big = tmp_path / "dump.txt"
    with big.open("w", encoding="utf-8") as fh:
        k = 0
        while fh.tell() < 50 * 2**20:
            fh.write(f"\n\nPart {k}.\n\n" + seeds)
            k += 1
    res = statements([big, SEEDS / "004_9b23e0202f362ceb.txt"])
    df = res.statements
    assert not [p for p in res.problems if p.is_error]
    assert set(df.doc_id) == {"dump", "004_9b23e0202f362ceb"}
    dump = df[df.doc_id == "dump"]
    got = WS.sub("", "".join(dump.text) + "".join(dump.label))
    assert len(got) == len(WS.sub("", big.read_text("utf-8")))      # every character, once
    assert (dump.speaker != "").all()
    source = big.read_text("utf-8")
    tail = dump.tail(2000)                                          # offsets still right at the end
    assert all(WS.sub("", source[a:b]) == WS.sub("", t) for a, b, t in zip(tail.start, tail.end, tail.text))


def test_every_compressed_table_the_reader_knows_is_collected(tmp_path):
    import gzip
    with gzip.open(tmp_path / "turns.tsv.gz", "wt", encoding="utf-8") as fh:   # was skipped as '.gz'
        fh.write("text\tspeaker\nWe oppose it.\tWang Yi\n")
    result = statements([tmp_path])
    assert result.statements[["doc_id", "speaker", "text"]].values.tolist() == [["turns", "Wang Yi", "We oppose it."]]


def test_a_file_in_a_folder_that_is_not_read_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("Xi said so.", "utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = statements([tmp_path])
    assert [str(p) for p in result.problems] == [
        f"W106 {tmp_path / 'scan.pdf'}: in a folder given as input, but not a document or table Tenor reads "
        "('.pdf'); left out"]
    assert result.statements.text.tolist() == ["Xi said so."]


def test_hidden_files_in_a_folder_are_left_out_and_said(tmp_path):
    (tmp_path / "a.txt").write_text("Xi said so.", "utf-8")
    (tmp_path / ".notes.txt").write_text("Biden said so.", "utf-8")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "a-checkpoint.txt").write_text("Xi said so.", "utf-8")
    result = statements([tmp_path])
    assert result.statements.text.tolist() == ["Xi said so."]
    assert [str(p) for p in result.problems] == [
        f"W107 {tmp_path}: hidden files left out of this folder (names starting with '.'): "
        "2 (.ipynb_checkpoints/a-checkpoint.txt, .notes.txt)"]


def test_a_column_the_user_names_must_exist(tmp_path):
    t = tmp_path / "t.csv"
    pd.DataFrame({"text": ["Xi said so."], "spokesperson": ["Geng Shuang"]}).to_csv(t, index=False)
    result = statements([t], required=["spokesman"])
    assert [p.code for p in result.problems] == ["E303"] and "'spokesman'" in str(result.problems[0])
    assert "spokesperson" in str(result.problems[0]) and not result.read_anything
    # the default names may be missing (no date column here), a given one that exists is read
    ok = statements([t], speaker_col="spokesperson", required=["spokesperson"])
    assert ok.statements.speaker.tolist() == ["Geng Shuang"] and not ok.problems


def test_a_tables_speaker_cells_resolve_like_transcript_labels(tmp_path):
    t = tmp_path / "turns.jsonl"
    rows = [{"speaker": "MS. PSAKI", "date": "2021-01-20", "text": "We will engage with allies."},
            {"speaker": "Q", "date": "2021-01-20", "text": "Will the President call Xi?"},
            {"speaker": "(header)", "date": "2021-01-20", "text": "James S. Brady Press Briefing Room"}]
    t.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    df = statements([t]).statements
    assert df.speaker.tolist() == ["Jen Psaki", "narrator", "(header)"]
    assert df.side.tolist() == ["US", "none", "other"] and df.cue.tolist() == ["table", "question", "table"]


def test_ideographic_indents_inside_a_line_start_paragraphs():
    one_line = "回信全文如下：　　北京科技大学的巴基斯坦留学生们：　　你们好！来信收悉。"
    rows = document_statements(one_line, "x")
    assert [r["text"] for r in rows] == ["回信全文如下：", "北京科技大学的巴基斯坦留学生们：", "你们好！", "来信收悉。"]
    assert all(one_line[r["start"]:r["end"]] == r["text"] for r in rows)
    assert [r["paragraph"] for r in rows] == [1, 2, 3, 3]


def test_a_page_without_sentence_ends_is_kept_whole_and_said(tmp_path):
    page = tmp_path / "page.txt"
    words = "China firmly opposes the sanctions and urges dialogue with mutual respect".split()
    page.write_text(" ".join(words[i % len(words)] for i in range(20000)), "utf-8")
    result = statements([page])
    assert len(result.statements) == 1 and result.statements.text[0] == page.read_text("utf-8")
    assert [p.code for p in result.problems] == ["W108"] and "no sentence end found" in str(result.problems[0])
    from analysis.scorers import get
    out = get("lexicon").transform(result.statements.text.tolist(), ["en"])
    assert out.evidence[0].endswith("more terms") and out.evidence[0].count(";") == 100


@pytest.mark.parametrize("headline", ["US, China officials meet in Vienna amid trade tensions",
                                      "Department Press Briefing - May 2, 2023"])
def test_a_sentence_case_headline_alone_on_the_first_line_is_front_matter(headline):
    rows = document_statements(headline + "\n\nSenior officials met in Vienna on Thursday, the White House said.", "x")
    assert [(r["section"], r["speaker"]) for r in rows] == [("front_matter", "narrator"), ("body", "White House")]
    # a first line that runs on into the next one, or a sentence, is not a headline
    rows = document_statements("China firmly opposes the move\nand urges the US to stop.", "y")
    assert {r["section"] for r in rows} == {"body"}
    rows = document_statements("China firmly opposes the move.\n\nIt urges the US to stop.", "z")
    assert {r["section"] for r in rows} == {"body"}


def test_padded_field_labels_and_first_statements_are_not_split_or_taken_for_headlines():
    padded = "时　　间：2024年3月5日\n地　　点：外交部蓝厅\n\n毛宁表示，中方坚决反对。"
    rows = document_statements(padded, "x")
    assert [(r["section"], r["speaker"]) for r in rows] == [
        ("front_matter", "narrator"), ("front_matter", "narrator"), ("body", "Mao Ning")]
    rows = document_statements("Xi said China will never give up on dialogue\n\nHe added that ties matter.", "y")
    assert [(r["section"], r["speaker"]) for r in rows] == [("body", "Xi Jinping"), ("body", "Xi Jinping")]
    rows = document_statements("Thank you, Mr. Chairman\n\nWe support the UN.", "z",
                               Meta(kind="speech", author="Wang Yi"))
    assert [(r["section"], r["speaker"]) for r in rows] == [("body", "Wang Yi"), ("body", "Wang Yi")]


def test_a_present_tense_headline_is_front_matter_a_past_tense_line_is_a_statement():
    rows = document_statements("Xi urges closer China-France cooperation\n\nChinese President Xi Jinping on "
                               "Monday called for closer ties, Xinhua said.", "x")
    assert rows[0]["section"] == "front_matter"
    rows = document_statements("Xi said China will never give up on dialogue\n\nHe added that ties matter.", "y")
    assert rows[0]["section"] == "body"
