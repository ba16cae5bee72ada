"""`tenor report INPUT... --out reports/`: one PDF and a PNG of every chart.

The report assembles; it does not compute: statements come from the pipeline, scores from the
scorers, every number from analysis.compare, every chart from analysis.charts. Pages: the corpus,
the methods and the headline findings in words with their numbers; the charts; a table per
speaker; the statements that drive each speaker's score, with evidence; the versions of Tenor, the
model and the lexicon.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

from analysis.report import charts
from analysis import checkpoint, compare
from analysis import scorers
from analysis.output import atomic_path, write_csv_atomic  # noqa: E402
from analysis.extract.build import COLUMNS, read_scored, statements  # noqa: E402
from analysis.report.pages import PAGE, date_range, fmt, fonts, text_page, versions  # noqa: E402


def findings(df: pd.DataFrame, pairs: list, about: str = "counterpart") -> list[str]:
    """Three or four headline findings, in words, with their numbers (all from analysis.compare).
    Speakers and sides are compared over the statements `about` (compare.by: by default those about
    the other side) and the findings say so; too few of them are said to be too few, never replaced
    by other statements."""
    out = []
    sc = compare.scorers_in(df)
    main = headline_scorer(sc)
    what = compare.describe(df, about)
    sp = compare.by(df, "speaker", [main], about=about)
    few = sp[sp.too_few]
    sp = sp[~sp.too_few].sort_values("mean")
    if len(sp) >= 2:
        hi, lo = sp.iloc[-1], sp.iloc[0]
        out.append(f"Most cooperative speaker ({main} scorer; {what}): {hi.speaker}, mean {fmt(hi['mean'])} "
                   f"({interval(hi.ci_low, hi.ci_high)}; {counts(hi.n, hi.docs)}). Least cooperative: "
                   f"{lo.speaker}, mean {fmt(lo['mean'])} ({interval(lo.ci_low, lo.ci_high)}; "
                   f"{counts(lo.n, lo.docs)}).")
    else:
        out.append(f"Speakers are not ranked ({what}): fewer than two speakers have {compare.MIN_N} or more "
                   "of these statements.")
    if about == "counterpart" and len(few):
        out.append(f"Too few statements about the other side (fewer than {compare.MIN_N}) to compare: "
                   + ", ".join(f"{r.speaker} ({r.n})" for r in few.itertuples())
                   + "; tenor report --about all compares all their statements.")
    d = compare.difference(df, "side", "CN", "US", main, about=about)
    if min(d["n_a"], d["n_b"]) >= (2 if about == "counterpart" else 1):
        out.append(f"Chinese speakers against US speakers ({main}; {what}): difference of means {fmt(d['difference'])} "
                   f"({interval(d['ci_low'], d['ci_high'])}; permutation p = {d['p_value']:.3f}; "
                   f"{counts(d['n_a'], d['docs_a'])} against {counts(d['n_b'], d['docs_b'])}).")
    elif about == "counterpart":
        out.append(f"Chinese against US speakers: too few statements about the other side to compare the sides "
                   f"(CN {d['n_a']}, US {d['n_b']}; at least 2 each); tenor report --about all compares all "
                   "statements.")
    tp = compare.top_phrases(df, "side", n=3, about=about)
    words = [f"{side}: " + ", ".join(part.term) for side, part in
             tp[(tp.direction == "confrontational") & tp.side.isin(["CN", "US"])].groupby("side")]
    if words:
        out.append(f"The lexicon terms that weigh most in each side's confrontational statements ({compare.ABOUT[about]}): "
                   + "; ".join(words) + ".")
    if len(sc) >= 2:
        agr = compare.agreement(df, sc[0], sc[1], by_lang=False).iloc[0]
        out.append(f"The two methods agree on {agr.same_label:.0%} of the labels (Cohen's kappa {agr.kappa:.2f}); "
                   + (f"their scores correlate with Spearman {agr.spearman:.2f} over {agr.n} statements."
                      if agr.spearman == agr.spearman else
                      f"their Spearman correlation is undefined over {agr.n} statements (a constant score)."))
    for a, b in pairs[:1]:
        means = compare.by(compare.speech(df), "doc_id").set_index(["doc_id", "scorer"])["mean"]
        parts = [f"{s} {fmt(means[(a, s)])} (English) against {fmt(means[(b, s)])} (Chinese)" for s in sc]
        out.append(f"The same meeting in two languages ({a} and {b}): mean speaker score " + "; ".join(parts) + ".")
    return out


def interval(lo: float, hi: float) -> str:
    """'95% interval -0.10 to +0.30', or why there is none (a group of one document)."""
    return (f"95% interval {fmt(lo)} to {fmt(hi)}" if lo == lo and hi == hi
            else "no interval: one document")


def counts(n: int, docs: int) -> str:
    """'3 statements in 2 documents'."""
    return f"{n} statement{'s' if n != 1 else ''} in {docs} document{'s' if docs != 1 else ''}"


def headline_scorer(names: list) -> str:
    """The scorer the headline findings use: the highest-ranked of those that scored (analysis.scorers)."""
    return max(names, key=lambda n: (scorers.scorer_class(n).rank if n in scorers.available() else -1,
                                     -names.index(n)))


def methods(names: list, about: str = "counterpart") -> str:
    """The methods paragraph: how statements are made, how each scorer scores (its own phrase) and
    which statements speakers and sides are compared over."""
    count = {1: "One method scores", 2: "Two independent methods score", 3: "Three independent methods score"}
    phrases = [scorers.scorer_class(n).method or n for n in names]
    return ("Each document is split into statements and every statement is attributed to its speaker "
            "(annotation guidelines; narrator statements are kept apart from speakers' statements). "
            f"{count.get(len(names), f'{len(names)} independent methods score')} how each statement frames "
            "relations, from -1 (confrontational) to +1 (cooperative): " + " and ".join(phrases)
            + ". Intervals are bootstrap 95% intervals of the mean that resample whole documents (a "
            "press conference, a speech, a readout; the rows of a table by day), not statements: the "
            "statements of one speech are not independent, so a speaker heard in one document has no "
            "interval. Differences are tested by permuting documents between the groups. "
            + (f"Speakers and sides are compared over the statements each side makes about the other (Chinese "
               f"speakers on the United States, US speakers on China; what a statement is about is read from the "
               f"names and side words in it), reporters' questions left out; a speaker with fewer than "
               f"{compare.MIN_N} of them is said to have too few (tenor report --about all compares every "
               f"statement). " if about == "counterpart" else
               "Speakers and sides are compared over all their statements, whoever they are about (tenor report "
               "--about counterpart, the default, compares the statements about the other side). ")
            + "Measured accuracy of both methods: docs/evaluation.md.")


def workbook(df: pd.DataFrame, path: Path, about: str = "counterpart") -> Path:
    """The report's tables as one Excel workbook (openpyxl): a first sheet saying which statements
    each sheet is over and how many; speakers and sides with intervals, label counts per side and
    language and the lexicon terms that carry each side's stance, over the statements `about`; the
    speakers and terms over the other choice too; every statement."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cells(t: pd.DataFrame) -> pd.DataFrame:
        # Excel refuses control characters and cells over 32,767 characters
        return t.apply(lambda col: col.map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v)[:32767]
                                           if isinstance(v, str) else v) if col.dtype == object else col)
    other = "all" if about == "counterpart" else "counterpart"
    name = {"counterpart": "about other side", "all": "all statements"}
    sheets = {"speakers": (compare.by(df, "speaker", about=about), about),
              "sides": (compare.by(df, "side", about=about), about),
              "labels by side and language": (compare.label_counts(df, about=about), about),
              "top phrases by side": (compare.top_phrases(df, "side", about=about), about),
              f"speakers, {name[other]}": (compare.by(df, "speaker", about=other), other),
              f"top phrases, {name[other]}": (compare.top_phrases(df, "side", about=other), other)}
    readme = pd.DataFrame([{"sheet": k, "statements": compare.describe(df, a), "rows": len(t)}
                           for k, (t, a) in sheets.items()]
                          + [{"sheet": "statements", "statements": f"every statement read ({len(df)})", "rows": len(df)}])
    with atomic_path(path) as tmp:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            readme.to_excel(xl, sheet_name="read me", index=False)
            for sheet, (t, _) in sheets.items():
                cells(t).to_excel(xl, sheet_name=sheet, index=False)
            cells(df).to_excel(xl, sheet_name="statements", index=False)
    return path


def read_inputs(inputs, scorer_names=None, params=None, strict=False, table_options=None):
    """(frames of scored statements, scorer warnings, input problems): Tenor's own output as it is,
    every other input read into statements and scored."""
    inputs = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
    scored = [(i, read_scored(i)) for i in inputs]
    frames = [df for _, df in scored if df is not None and compare.scorers_in(df)]
    warnings, problems = [], []
    for _, df in scored:
        if df is not None and not compare.scorers_in(df):     # Tenor's output of --scorers none: scored now
            part, w = checkpoint.score(df, scorer_names, params, strict=strict)
            frames.append(part)
            warnings += w
    rest = [i for i, df in scored if df is None]
    if rest:
        result = statements(rest, **(table_options or {}))
        problems = result.problems
        if result.read_anything:        # in chunks: a stopped run keeps what it finished
            part, w = checkpoint.score(result.statements, scorer_names, params, strict=strict)
            frames.append(part)
            warnings += w
    return frames, warnings, problems


def speaker_table(pdf, df: pd.DataFrame, sc: list, about: str) -> bool:
    """The page of speakers' mean scores with intervals, over the statements `about` (its subtitle
    says which and how many; a speaker with too few of them says so). False when no statement is
    by a named speaker (a page says so instead)."""
    if not len(compare.speech(df)):    # every statement is the narrator's: nothing to compare by speaker
        text_page(pdf, "Speakers", [("", "No statement is attributed to a named speaker (all are the "
                                          "narrator's or front matter), so speakers are not compared.")])
        return False
    table = compare.by(df, "speaker", about=about).set_index(["speaker", "scorer"])
    rows = []
    for s in dict.fromkeys(table.index.get_level_values(0)):
        cell = {scorer: table.loc[(s, scorer)] for scorer in sc if (s, scorer) in table.index}
        first = next(iter(cell.values()))
        few = about == "counterpart" and bool(first.too_few)
        rows.append([s] + [score_cell(cell.get(scorer), few) for scorer in sc]
                    + [str(int(first.n)), str(int(first.docs))])
    fig = plt.figure(figsize=PAGE)
    fig.text(0.07, 0.95, "Speakers: mean score [95% interval over documents]", fontsize=14, weight="bold", va="top")
    fig.text(0.07, 0.925, "\n".join(textwrap.wrap(f"Compared over {compare.describe(df, about)}"
                                                  + (f"; too few: fewer than {compare.MIN_N}." if about == "counterpart"
                                                     else "."), 110)), fontsize=9, va="top")
    ax = fig.add_axes([0.07, 0.33, 0.86, 0.55])
    ax.axis("off")
    if rows:
        t = ax.table(cellText=rows, colLabels=["speaker"] + sc + ["statements", "documents"], loc="upper left",
                     cellLoc="left", colLoc="left")
        t.auto_set_font_size(False)
        t.set_fontsize(8)
        t.scale(1, 1.4)
    else:
        ax.text(0, 1, "No speaker of either side has a statement about the other side.", va="top")
    pdf.savefig(fig)
    plt.close(fig)
    return True


def score_cell(r, too_few: bool) -> str:
    """A speaker's cell of the table: '+0.12 [-0.05, +0.30]', '[one document]' for no interval,
    'too few (n=1)' for a speaker with too few statements about the other side, '' for no score."""
    if r is None:
        return ""
    if too_few:
        return f"too few (n={int(r.n)})"
    return f"{r['mean']:+.2f} " + (f"[{r.ci_low:+.2f}, {r.ci_high:+.2f}]" if r.ci_low == r.ci_low else "[one document]")


def drivers_page(pdf, df: pd.DataFrame, scorer: str, about: str) -> None:
    """The statements that drive each speaker's score, with the lexicon's evidence, among the
    statements `about`."""
    dr = compare.drivers(df, "speaker", scorer, k=1, about=about)
    blocks = []
    for s, part in (dr.groupby("speaker") if len(dr) else []):
        lines = [f"{r.kind} ({r.score:+.2f}): \"{textwrap.shorten(r.text, 240)}\"  evidence: "
                 f"{textwrap.shorten(r.evidence or 'none', 160)}" for r in part.itertuples()]
        blocks.append((s, "\n".join(lines)))
    head = ("", f"Each speaker's most confrontational and most cooperative statement ({scorer} scorer), among "
                f"{compare.describe(df, about)}.")
    text_page(pdf, "What drives each speaker's score", [head] + (blocks[:12] or [("", "None.")]))


def build(inputs, out_dir: str | Path = "reports", title: str = "Tenor report",
          scorer_names=None, params: dict | None = None, strict=False, table_options: dict | None = None,
          bom: bool = False, about: str = "counterpart") -> dict:
    """Write report.pdf, one PNG per chart, statements.csv (the statements the report is made of)
    and report.xlsx into out_dir; returns their paths and any warnings (pdf None when no input could
    be read). Inputs that are Tenor's own output (`tenor score --out`) are read as they are, scores
    included; the others are read into statements (table_options: tenor score's column options) and
    scored. about: the statements speakers and sides are compared over, "counterpart" (each side's
    statements about the other, the default) or "all"; every chart and page says which."""
    if about not in compare.ABOUT:      # a misspelt choice stops the report before any work
        raise ValueError(f"about must be one of {', '.join(compare.ABOUT)}, not {about!r}")
    fonts()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames, warnings, problems = read_inputs(inputs, scorer_names, params, strict, table_options)
    if not frames:        # nothing to report on: say why, write nothing
        return {"pdf": None, "pngs": [], "warnings": [str(p) for p in problems],
                "statements": pd.DataFrame(columns=COLUMNS)}
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    warnings = [str(p) for p in problems] + warnings
    write_csv_atomic(df, out / "statements.csv", bom=bom)
    workbook(df, out / "report.xlsx", about)
    sc = compare.scorers_in(df)
    colors = charts.speaker_colors(df)
    pairs = compare.same_event_pairs(df)
    titles = {}
    for doc, part in df.groupby("doc_id"):
        fm = part[part.section == "front_matter"].text.tolist()
        titles[doc] = f"{doc}  ({part.date.iloc[0]}, {part.lang.mode().iat[0]})" + (
            f": {fm[0]}" if fm else "")
    figs = {"speakers": charts.speakers(df, colors, about)}
    figs["distribution"] = charts.distribution(df, sc[-1], colors, about)
    if df["date"].astype(str).str.match(r"^\d{4}").sum():
        figs["timeline"] = charts.timeline(df, "month", "side", sc[-1], about=about)
    if len(sc) >= 2:
        figs[f"{sc[0]}_vs_{sc[1]}"] = charts.scorers_scatter(df, sc[0], sc[1])
    figs["documents"] = charts.document_strips(df, sc[-1], colors, titles)
    if pairs:
        figs["same_event_two_languages"] = charts.cross_language(df, pairs[0][0], pairs[0][1], colors)
    pngs = []
    for name, fig in figs.items():
        p = out / f"{name}.png"
        fig.savefig(p, dpi=150, bbox_inches="tight")
        pngs.append(p)
    pdf_path = out / "report.pdf"
    body = compare.speech(df)
    with atomic_path(pdf_path) as tmp, \
            PdfPages(tmp, metadata={"CreationDate": None, "ModDate": None}) as pdf:   # same input, same bytes
        corpus = (f"{df.doc_id.nunique()} documents, {len(df)} statements ({len(body)} by named speakers, "
                  f"{int((df.speaker == 'narrator').sum())} by the narrator, "
                  f"{int((df.section == 'front_matter').sum())} front matter; compared: "
                  f"{compare.describe(df, about)}); languages: "
                  f"{', '.join(f'{k} {v}' for k, v in df.lang.value_counts().items())}; "
                  f"{date_range(df.date)}; speakers: "
                  f"{', '.join(body.speaker.value_counts().index[:10]) or 'none named'}.")
        text_page(pdf, title, [("Corpus", corpus), ("Methods", methods(sc, about)),
                                ("Headline findings", "\n".join(f"{k}. {f}" for k, f in
                                                                 enumerate(findings(df, pairs, about), 1))),
                                ("Notes", "\n".join(warnings) if warnings else "No input problems.")])
        for fig in figs.values():
            pdf.savefig(fig)
            plt.close(fig)
        if speaker_table(pdf, df, sc, about):
            drivers_page(pdf, df, sc[0], about)
        text_page(pdf, "Versions", [("", versions(df, params))])
    return {"pdf": pdf_path, "pngs": pngs, "warnings": warnings, "statements": df}


# -- a corpus in a store (tenor score --store): findings over turns ------------------------------
