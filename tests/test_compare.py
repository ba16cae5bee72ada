"""Comparisons: exact answers on small tables, and the charts and report on the seeds."""
import math

import matplotlib
import numpy as np
import pandas as pd
import pytest

from analysis.report import charts
from analysis import compare


def table():
    rows = []
    for sp, side, scores in (("Xi Jinping", "CN", [0.5, 0.7, 0.9]), ("Donald Trump", "US", [-0.5, -0.1, 0.0]),
                             ("narrator", "none", [1.0, 1.0])):
        for k, s in enumerate(scores):
            rows.append({"doc_id": "d", "statement_id": f"{sp}{k}", "speaker": sp, "side": side,
                         "date": f"2019-0{k + 1}-15", "lang": "en", "section": "body", "text": f"{sp} {k}",
                         "lexicon_score": s, "lexicon_label": "cooperative" if s > 0.2 else
                         "confrontational" if s < -0.2 else "neutral",
                         "transformer_score": s / 2, "transformer_label": "cooperative" if s > 0.2 else "neutral",
                         "lexicon_evidence": "x"})
    return pd.DataFrame(rows)


def test_by_speaker_means_and_narrator_kept_apart():
    t = compare.by(table(), "speaker", ["lexicon"], about="all").set_index("speaker")
    assert "narrator" not in t.index
    assert math.isclose(t.loc["Xi Jinping", "mean"], 0.7) and t.loc["Xi Jinping", "n"] == 3
    assert t.loc["Xi Jinping", "ci_low"] <= 0.7 <= t.loc["Xi Jinping", "ci_high"]
    assert math.isclose(t.loc["Donald Trump", "share_confrontational"], 1 / 3)


def test_by_month_and_reproducible():
    a = compare.by(table(), "month", ["lexicon"])
    assert list(a.month) == ["2019-01", "2019-02", "2019-03"]
    pd.testing.assert_frame_equal(a, compare.by(table(), "month", ["lexicon"]))


def test_difference_and_permutation():
    d = compare.difference(table(), "speaker", "Xi Jinping", "Donald Trump", "lexicon", n_perm=2000, about="all")
    assert math.isclose(d["difference"], 0.7 - (-0.2))
    # with 3 against 3 the most extreme split is one of 20: p cannot be below 2/20
    assert 0.05 <= d["p_value"] <= 0.2


def test_agreement_and_drivers():
    a = compare.agreement(table()).set_index("lang")
    assert a.loc["all", "n"] == 8 and math.isclose(a.loc["all", "spearman"], 1.0)
    dr = compare.drivers(table(), "speaker", "lexicon", k=1, about="all")
    top = dr[(dr.speaker == "Xi Jinping") & (dr.kind == "most cooperative")]
    assert top.score.iloc[0] == 0.9 and top.evidence.iloc[0] == "x"


@pytest.fixture(scope="module")
def seeds_scored():
    from conftest import SEEDS

    from analysis import statements
    from analysis import scorers
    df, _ = scorers.apply(statements([SEEDS]).statements, ["lexicon"])
    return df


def test_charts_return_figures_and_never_save(seeds_scored, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    colors = charts.speaker_colors(seeds_scored)
    figs = [charts.speakers(seeds_scored, colors), charts.distribution(seeds_scored, "lexicon", colors),
            charts.timeline(seeds_scored), charts.document_strips(seeds_scored, "lexicon", colors),
            charts.cross_language(seeds_scored, "000_38ea7e343e1e71a6", "002_5df478c603910367", colors)]
    assert all(isinstance(f, matplotlib.figure.Figure) for f in figs)
    assert list(tmp_path.iterdir()) == []
    # the same speaker has the same colour everywhere
    assert colors["Xi Jinping"] == charts.speaker_colors(seeds_scored)["Xi Jinping"]


def test_report_writes_pdf_and_pngs(tmp_path):
    from conftest import SEEDS

    from analysis.report.documents import build
    out = build([SEEDS], tmp_path, scorer_names=["lexicon"])
    assert out["pdf"].exists() and out["pdf"].read_bytes()[:4] == b"%PDF"
    assert {p.name for p in out["pngs"]} >= {"speakers.png", "documents.png", "same_event_two_languages.png"}
    assert not list(tmp_path.glob("*.tmp"))


def test_same_event_pairs_on_the_seeds(seeds_scored):
    assert compare.same_event_pairs(seeds_scored) == [("000_38ea7e343e1e71a6", "002_5df478c603910367")]


def test_the_reports_date_range_counts_dates_without_a_year_apart():
    from analysis.report.pages import date_range as _date_range
    dates = pd.Series(["--09-14", "2024-03-05", "", "2019-01-31"])
    assert _date_range(dates) == "dates 2019-01-31 to 2024-03-05 (1 statement dated without a year)"
    assert _date_range(pd.Series(["", ""])) == "no dated statements"


def test_label_counts_exact_on_tiny_data():
    from analysis.compare import label_counts
    df = pd.DataFrame({"section": ["body"] * 5, "speaker": ["A", "A", "B", "narrator", "B"],
                       "side": ["CN", "CN", "US", "none", "US"], "lang": ["zh", "zh", "en", "en", "en"],
                       "lexicon_score": [0.5, -0.5, 0.1, 0.9, 0.0],
                       "lexicon_label": ["cooperative", "confrontational", "neutral", "cooperative", "neutral"]})
    t = label_counts(df, about="all")
    assert t.to_dict("records") == [
        {"side": "CN", "lang": "zh", "scorer": "lexicon", "cooperative": 1, "neutral": 0, "confrontational": 1, "n": 2,
         "about": "all"},
        {"side": "US", "lang": "en", "scorer": "lexicon", "cooperative": 0, "neutral": 2, "confrontational": 0, "n": 2,
         "about": "all"}]


def test_report_reads_tenor_score_output_without_rescoring(tmp_path):
    """A new user's crash: `tenor report reports/statements.csv` (Unknown format code 'f' for str).
    Tenor's own output is read as it is, written back as statements.csv with an Excel workbook."""
    from pathlib import Path
    from analysis.cli import main
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    scored = tmp_path / "scored.csv"
    assert main(["score", str(seeds), "--scorers", "lexicon", "--out", str(scored)]) == 0
    before = pd.read_csv(scored)
    before.loc[0, "lexicon_score"] = 0.123456      # a score only this file has: re-scoring would lose it
    before.to_csv(scored, index=False)
    assert main(["report", str(scored), "--out", str(tmp_path / "rep")]) == 0
    after = pd.read_csv(tmp_path / "rep" / "statements.csv")
    assert len(after) == len(before) and after.loc[0, "lexicon_score"] == 0.123456
    assert "transformer_score" not in after.columns
    assert (tmp_path / "rep" / "report.pdf").exists() and (tmp_path / "rep" / "report.xlsx").exists()


@pytest.mark.parametrize("text,side,want", [
    ("中方坚决反对美方干涉中国内政。", "CN", "US"),
    ("美方应停止在台湾问题上玩火。", "CN", "US"),
    ("俄罗斯和乌克兰应通过谈判解决争端。", "CN", "other"),
    ("中国经济稳中向好。", "CN", "CN"),
    ("Beijing must stop its coercion of the Philippines.", "US", "CN"),
    ("The Chinese side has made its position clear.", "US", "CN"),
    ("We will continue to stand with Ukraine.", "US", "other"),
    ("The President will travel to Ohio tomorrow.", "US", "none"),
    ("Washington and Beijing resumed talks.", "none", "US"),
])
def test_target_names_the_side_a_statement_is_about(text, side, want):
    from analysis.extract.target import target
    from analysis.speakers.registry import Registry
    assert target(text, side, Registry.load()) == want


def test_counterpart_keeps_statements_about_the_other_side():
    from analysis.compare import counterpart
    df = pd.DataFrame({"side": ["CN", "CN", "US", "US", "none"], "target": ["US", "CN", "CN", "other", "US"],
                       "text": list("abcde")})
    assert counterpart(df).text.tolist() == ["a", "c"]


def test_runs_break_at_gaps():
    from analysis.compare import runs
    assert runs(["2019-01", "2019-02", "2020-09", "2020-10", "2021-01"], "month") == [0, 0, 1, 1, 2]
    assert runs(["2019", "2021"], "year") == [0, 1]
    assert runs([], "month") == []


# -- intervals over documents: exact answers on two and four documents ---------------------------
def two_docs(scores_by_doc: dict, side: str = "CN", speaker: str = "Xi Jinping") -> pd.DataFrame:
    rows = []
    for doc, scores in scores_by_doc.items():
        for k, s in enumerate(scores):
            rows.append({"doc_id": doc, "statement_id": f"{doc}:{k}", "speaker": speaker, "side": side,
                         "date": "2020-01-01", "lang": "en", "section": "body", "text": f"{doc} {k}",
                         "lexicon_score": s, "lexicon_label": "neutral"})
    return pd.DataFrame(rows)


def test_interval_resamples_documents_exactly():
    """Two documents of means 0.3 and 0.9: a draw of two documents has mean 0.3, 0.6 or 0.9 (one
    chance in four, two, four), so the 95% interval is exactly [0.3, 0.9]. Resampling the four
    statements (0, 0.6, 0.8, 1) instead gives a draw mean below 0.3 one time in 20 (13 of 256
    equally likely draws): a lower bound of 0.2, which this test refuses."""
    t = compare.by(two_docs({"a": [0.0, 0.6], "b": [0.8, 1.0]}), "speaker", ["lexicon"], about="all").iloc[0]
    assert t.n == 4 and t.docs == 2 and t.resampled == "documents"
    assert t.ci_low == pytest.approx(0.3, abs=1e-12) and t.ci_high == pytest.approx(0.9, abs=1e-12)


def test_one_document_has_no_interval():
    """76 statements of one speech are one draw: no interval, not a narrow one."""
    t = compare.by(two_docs({"speech": list(np.linspace(-0.5, 0.5, 76))}), "speaker", ["lexicon"],
                   about="all").iloc[0]
    assert t.n == 76 and t.docs == 1 and math.isnan(t.ci_low) and math.isnan(t.ci_high)


def test_a_table_without_doc_id_resamples_statements_and_says_so():
    df = two_docs({"a": [0.0, 0.6], "b": [0.8, 1.0]}).drop(columns=["doc_id"])
    t = compare.by(df, "speaker", ["lexicon"], about="all").iloc[0]
    assert t.resampled == "statements (no doc_id column)" and t.docs == 4
    assert t.ci_low == pytest.approx(0.2) and t.ci_high == pytest.approx(0.9)   # wider than [0.3, 0.9]


def test_side_difference_resamples_documents_exactly():
    """CN documents of means 0.3 and 0.9, US documents of means -0.5 and -0.1: the difference's
    interval runs from 0.3 - (-0.1) to 0.9 - (-0.5) (each extreme has one chance in 16); the
    permutation test shuffles the four documents (six splits, two as extreme as the observed one)."""
    df = pd.concat([two_docs({"a": [0.0, 0.6], "b": [0.8, 1.0]}),
                    two_docs({"c": [-0.6, -0.4], "d": [-0.2, 0.0]}, "US", "Donald Trump")], ignore_index=True)
    d = compare.difference(df, "side", "CN", "US", "lexicon", about="all")
    assert d["difference"] == pytest.approx(0.6 - (-0.3))
    assert (d["n_a"], d["n_b"], d["docs_a"], d["docs_b"]) == (4, 4, 2, 2)
    assert d["ci_low"] == pytest.approx(0.4, abs=1e-12) and d["ci_high"] == pytest.approx(1.4, abs=1e-12)
    assert d["p_value"] == pytest.approx(2 / 6, abs=0.03)    # statements shuffled: 2/70, about 0.03


def _boxes(fig):
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    return r, [ax.get_window_extent(r) for ax in fig.axes]


@pytest.mark.parametrize("n_docs", [1, 5])
def test_the_colour_bar_and_legend_cover_no_document_strip(seeds_scored, n_docs):
    """A new user's page: the colour bar lay over the right end of the strips. It has its own column
    now, and the speaker legend sits below the last strip, for one document or many."""
    docs = list(dict.fromkeys(seeds_scored.doc_id))[:n_docs]
    fig = charts.document_strips(seeds_scored[seeds_scored.doc_id.isin(docs)], "lexicon")
    r, boxes = _boxes(fig)
    *strips, bar = boxes
    assert len(strips) == n_docs and bar.height > bar.width      # the last axes is the colour bar
    assert all(bar.x0 > s.x1 for s in strips)
    legend = fig.legends[0].get_window_extent(r)
    assert all(legend.y1 <= s.y0 for s in strips)
    assert all(0 <= b.x0 and b.x1 <= fig.bbox.width for b in boxes)


def test_chart_titles_stay_on_the_page(seeds_scored):
    """A long title wraps instead of running past the figure's right edge."""
    fig = charts.rates_bars(pd.DataFrame({"year": ["2019"], "scorer": ["transformer"], "share_hostile": [0.4],
                                          "share_hostile_low": [0.3], "share_hostile_high": [0.5]}),
                            "year", "share_hostile", "scorer",
                            "Hostile answers by year and language (transformer scorer; 95% intervals over press "
                            "conferences)")
    r, _ = _boxes(fig)
    assert fig.axes[0].title.get_window_extent(r).x1 <= fig.bbox.width


def test_top_phrases_sum_each_sides_terms_from_the_evidence():
    df = pd.DataFrame({
        "speaker": ["A", "A", "B", "narrator"], "side": ["CN", "CN", "US", "none"], "section": ["body"] * 4,
        "cue": ["reported", "reported", "reported", "question"], "lexicon_score": [0.5, -0.5, -0.9, -1.0],
        "lexicon_evidence": ["cooperation(4.0 lead x2); win-win(3.5)", "oppose(-10.4 lead x2 x1.3 strongly)",
                             "sanctions(-7.8 x1.3 strongly); sanctions(-6.0)", "oppose(-5.0)"]})
    t = compare.top_phrases(df, "side", about="all")
    cn = t[t.side == "CN"].set_index(["direction", "term"])
    assert cn.loc[("cooperative", "cooperation"), "weight"] == 4.0
    assert cn.loc[("confrontational", "oppose"), "statements"] == 1
    us = t[t.side == "US"].set_index(["direction", "term"])
    assert us.loc[("confrontational", "sanctions"), "statements"] == 1      # one statement, used twice
    assert us.loc[("confrontational", "sanctions"), "weight"] == -13.8
    assert "none" not in set(t.side)                                        # the question is left out


def test_the_report_findings_name_each_sides_weightiest_confrontational_terms():
    from analysis.report.documents import findings
    df = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "speaker": ["A", "A", "B", "B"], "side": ["CN", "CN", "US", "US"],
        "target": ["US", "US", "CN", "CN"], "section": ["body"] * 4, "cue": ["reported"] * 4,
        "lexicon_score": [-0.5, -0.4, -0.9, -0.2], "lexicon_label": ["confrontational"] * 4,
        "lexicon_evidence": ["oppose(-10.4)", "interference(-6.0)", "sanctions(-7.8)", "concern(-2.0)"]})
    text = " ".join(findings(df, []))
    assert "CN: oppose, interference" in text and "US: sanctions, concern" in text


# -- speakers and sides compared over the statements about the other side (issue 17) -------------
def about_table() -> pd.DataFrame:
    """Xi Jinping: three statements about the US (-0.6, -0.2, -0.1), one about China (0.9), one about
    nobody (0.7); Donald Trump: two about China (-0.4, 0.0), two about other things (0.5, 0.3); Liu He:
    one about China (0.8); Vladimir Putin (side other): one about the US (-0.9); a reporter's question
    about the US (-1.0). Each statement its own document."""
    rows = [("Xi Jinping", "CN", "US", -0.6), ("Xi Jinping", "CN", "US", -0.2), ("Xi Jinping", "CN", "US", -0.1),
            ("Xi Jinping", "CN", "CN", 0.9), ("Xi Jinping", "CN", "none", 0.7),
            ("Donald Trump", "US", "CN", -0.4), ("Donald Trump", "US", "CN", 0.0),
            ("Donald Trump", "US", "US", 0.5), ("Donald Trump", "US", "other", 0.3),
            ("Liu He", "CN", "CN", 0.8), ("Vladimir Putin", "other", "US", -0.9), ("narrator", "none", "US", -1.0)]
    return pd.DataFrame([{"doc_id": f"d{k}", "statement_id": f"d{k}:1", "speaker": sp, "side": side, "target": tg,
                          "date": f"2020-0{1 + k % 2}-01", "lang": "en", "section": "body",
                          "cue": "question" if sp == "narrator" else "reported", "text": f"s{k}",
                          "lexicon_score": sc, "lexicon_label": "confrontational" if sc < -0.2 else
                          "cooperative" if sc > 0.2 else "neutral", "lexicon_evidence": ""}
                         for k, (sp, side, tg, sc) in enumerate(rows)])


def test_speakers_are_compared_over_statements_about_the_other_side_by_default():
    """The default (issue 17): Xi's three statements about the US, not his five (mean 0.14 before);
    Trump's two about China are flagged too few; Liu He, with none about the US, still has a row
    (n 0, no mean) instead of silently being compared over his statement about China; Putin's side
    has no counterpart and the question is never compared."""
    t = compare.by(about_table(), "speaker", ["lexicon"], n_boot=200).set_index("speaker")
    assert list(t.index) == ["Donald Trump", "Liu He", "Xi Jinping"]
    assert set(t.about) == {"counterpart"}
    xi, trump, liu = t.loc["Xi Jinping"], t.loc["Donald Trump"], t.loc["Liu He"]
    assert xi.n == 3 and xi["mean"] == pytest.approx(-0.3) and not xi.too_few
    assert xi.share_confrontational == pytest.approx(1 / 3)
    assert trump.n == 2 and trump["mean"] == pytest.approx(-0.2) and trump.too_few
    assert liu.n == 0 and liu.docs == 0 and math.isnan(liu["mean"]) and liu.too_few


def test_about_all_compares_every_statement_as_before():
    t = compare.by(about_table(), "speaker", ["lexicon"], n_boot=200, about="all").set_index("speaker")
    assert list(t.index) == ["Donald Trump", "Liu He", "Vladimir Putin", "Xi Jinping"]
    assert set(t.about) == {"all"}
    assert t.loc["Xi Jinping", "n"] == 5 and t.loc["Xi Jinping", "mean"] == pytest.approx(0.14)
    assert t.loc["Donald Trump", "mean"] == pytest.approx(0.1) and not t.loc["Donald Trump", "too_few"]
    assert t.loc["Liu He", "n"] == 1 and t.loc["Liu He", "mean"] == pytest.approx(0.8)


def test_sides_and_their_difference_default_to_the_other_side_and_say_so():
    df = about_table()
    t = compare.by(df, "side", ["lexicon"], n_boot=200).set_index("side")
    assert list(t.index) == ["CN", "US"]
    assert (t.loc["CN", "n"], t.loc["US", "n"]) == (3, 2)
    assert t.loc["CN", "mean"] == pytest.approx(-0.3) and t.loc["US", "mean"] == pytest.approx(-0.2)
    d = compare.difference(df, "side", "CN", "US", "lexicon", n_perm=200, n_boot=200)
    assert d["about"] == "counterpart" and (d["n_a"], d["n_b"]) == (3, 2)
    assert d["difference"] == pytest.approx(-0.1)
    a = compare.difference(df, "side", "CN", "US", "lexicon", n_perm=200, n_boot=200, about="all")
    assert a["about"] == "all" and (a["n_a"], a["n_b"]) == (6, 4)
    assert a["difference"] == pytest.approx(1.5 / 6 - 0.1)


def test_other_groupings_keep_every_statement_unless_asked():
    df = about_table()
    months = compare.by(df, "month", ["lexicon"], n_boot=200).set_index("month")
    assert set(months.about) == {"all"} and months.n.sum() == 11       # every statement but the question
    about = compare.by(df, "month", ["lexicon"], n_boot=200, about="counterpart")
    assert about.n.sum() == 5
    assert compare.label_counts(df, ("side",))["n"].tolist() == [3, 2]
    assert compare.drivers(df, "speaker", "lexicon", k=1).text.tolist() == ["s5", "s6", "s0", "s2"]
    with pytest.raises(ValueError):
        compare.by(df, "speaker", about="everything")


def test_describe_says_which_statements_and_how_many():
    df = about_table()
    assert compare.describe(df, "all") == "all 11 statements by named speakers"
    assert compare.describe(df) == ("statements about the other side (Chinese speakers on the US, US speakers "
                                    "on China): 5 of 11 by named speakers")


def test_report_findings_say_the_population_and_who_has_too_few():
    from analysis.report.documents import findings
    text = " ".join(findings(about_table(), []))
    assert "statements about the other side (Chinese speakers on the US, US speakers on China): 5 of 11" in text
    assert "Too few statements about the other side (fewer than 3) to compare: Donald Trump (2), Liu He (0)" in text
    assert "Speakers are not ranked" in text          # only Xi has three: no ranking of one
    every = " ".join(findings(about_table(), [], about="all"))
    assert "Most cooperative speaker (lexicon scorer; all 11 statements by named speakers): Xi Jinping, mean +0.14" in every
    assert "Too few" not in every


@pytest.mark.parametrize("flag,want", [([], "counterpart"), (["--about", "all"], "all")])
def test_tenor_report_about_option_reaches_every_sheet_and_chart(tmp_path, flag, want):
    from analysis.cli import main
    from analysis.extract.build import COLUMNS
    df = about_table()
    for c in COLUMNS:
        if c not in df.columns:
            df[c] = 1 if c in ("start", "end", "paragraph") else ""
    src = tmp_path / "scored.csv"
    df.to_csv(src, index=False)
    assert main(["report", str(src), "--out", str(tmp_path / "rep")] + flag) == 0
    xl = pd.read_excel(tmp_path / "rep" / "report.xlsx", sheet_name=None)
    assert set(xl["speakers"].about) == {want} and set(xl["sides"].about) == {want}
    assert set(xl["labels by side and language"].about) == {want}
    assert xl["speakers"].set_index("speaker").loc["Xi Jinping", "n"] == (3 if want == "counterpart" else 5)
    readme = xl["read me"].set_index("sheet")
    assert readme.loc["speakers", "statements"] == compare.describe(df, want)
    fig = charts.speakers(df, about=want)
    assert compare.describe(df, want) in fig._suptitle.get_text().replace("\n", " ")
    r, _ = _boxes(fig)
    assert fig._suptitle.get_window_extent(r).x1 <= fig.bbox.width        # the title stays on the page
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ("Liu He (n=0: too few to compare)" in labels) == (want == "counterpart")
