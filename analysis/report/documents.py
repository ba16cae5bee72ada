"""`tenor report INPUT... --out reports/`: one PDF and a PNG of every chart.

The report assembles; it does not compute: statements come from the pipeline, scores from the
scorers, every number from analysis.compare, every chart from analysis.charts. Pages: the corpus,
the methods and the headline findings in words with their numbers; the charts; a table per
speaker; the statements that drive each speaker's score, with evidence; the versions of Tenor, the
model and the lexicon.
"""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

from analysis import __version__  # noqa: E402
from analysis.report import charts
from analysis import compare
from analysis import scorers
from analysis.output import atomic_path  # noqa: E402
from analysis.extract.build import statements  # noqa: E402

PAGE = (8.27, 11.69)   # A4 portrait, inches
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "AR PL UMing CN", "Droid Sans Fallback"]


def _fonts() -> None:
    """Use a font that has Chinese characters when the machine has one (the top statements quote
    Chinese text); otherwise Chinese text is shown by its English gloss only."""
    from matplotlib import font_manager
    have = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [f for f in CJK_FONTS if f in have]
    plt.rcParams["font.family"] = ["DejaVu Sans"] + cjk
    plt.rcParams["font.size"] = 9


def _has_cjk_font() -> bool:
    from matplotlib import font_manager
    have = {f.name for f in font_manager.fontManager.ttflist}
    return any(f in have for f in CJK_FONTS)


def _text_page(pdf, title: str, blocks: list[tuple[str, str]]) -> None:
    """Pages of headed paragraphs; a new page (title marked "continued") when one is full."""
    fig, y = None, 0.0

    def new_page(cont: bool):
        nonlocal fig, y
        if fig is not None:
            pdf.savefig(fig)
            plt.close(fig)
        fig = plt.figure(figsize=PAGE)
        fig.text(0.07, 0.95, title + (" (continued)" if cont else ""), fontsize=16, weight="bold", va="top")
        y = 0.9

    new_page(False)
    for head, body in blocks:
        lines = [ln for para in body.split("\n") for ln in (textwrap.wrap(para, _width(para)) or [""]) + [None]]
        if y - 0.025 - 0.0165 * len(lines) < 0.05 and y < 0.85:
            new_page(True)
        if head:
            fig.text(0.07, y, head, fontsize=11, weight="bold", va="top")
            y -= 0.025
        for line in lines:
            if line is None:
                y -= 0.006
                continue
            if y < 0.05:
                new_page(True)
            fig.text(0.07, y, line, fontsize=9, va="top")
            y -= 0.0165
        y -= 0.012
    pdf.savefig(fig)
    plt.close(fig)


def _width(para: str) -> int:
    """Characters per line: Chinese characters are twice as wide as Latin letters."""
    wide = sum(ord(c) > 0x2E80 for c in para)
    return 100 if wide < 0.3 * max(1, len(para)) else 52


def _fmt(x: float) -> str:
    return f"{x:+.2f}"


def findings(df: pd.DataFrame, pairs: list) -> list[str]:
    """Three or four headline findings, in words, with their numbers (all from analysis.compare)."""
    out = []
    sc = compare.scorers_in(df)
    main = headline_scorer(sc)
    sp = compare.by(df, "speaker", [main])
    sp = sp[sp.n >= 3].sort_values("mean")
    if len(sp) >= 2:
        hi, lo = sp.iloc[-1], sp.iloc[0]
        out.append(f"Most cooperative speaker ({main} scorer): {hi.speaker}, mean {_fmt(hi['mean'])} "
                   f"(95% interval {_fmt(hi.ci_low)} to {_fmt(hi.ci_high)}, n={hi.n}). Least cooperative: "
                   f"{lo.speaker}, mean {_fmt(lo['mean'])} ({_fmt(lo.ci_low)} to {_fmt(lo.ci_high)}, n={lo.n}).")
    d = compare.difference(df, "side", "CN", "US", main)
    if d["n_a"] and d["n_b"]:
        out.append(f"Chinese speakers against US speakers ({main}): difference of means {_fmt(d['difference'])} "
                   f"(95% interval {_fmt(d['ci_low'])} to {_fmt(d['ci_high'])}; permutation p = {d['p_value']:.3f}; "
                   f"n = {d['n_a']} and {d['n_b']} statements).")
    if len(sc) >= 2:
        agr = compare.agreement(df, sc[0], sc[1], by_lang=False).iloc[0]
        out.append(f"The two methods agree on {agr.same_label:.0%} of the labels (Cohen's kappa {agr.kappa:.2f}); "
                   + (f"their scores correlate with Spearman {agr.spearman:.2f} over {agr.n} statements."
                      if agr.spearman == agr.spearman else
                      f"their Spearman correlation is undefined over {agr.n} statements (a constant score)."))
    for a, b in pairs[:1]:
        means = compare.by(compare.speech(df), "doc_id").set_index(["doc_id", "scorer"])["mean"]
        parts = [f"{s} {_fmt(means[(a, s)])} (English) against {_fmt(means[(b, s)])} (Chinese)" for s in sc]
        out.append(f"The same meeting in two languages ({a} and {b}): mean speaker score " + "; ".join(parts) + ".")
    return out


def headline_scorer(names: list) -> str:
    """The scorer the headline findings use: the highest-ranked of those that scored (analysis.scorers)."""
    return max(names, key=lambda n: (scorers.scorer_class(n).rank if n in scorers.available() else -1,
                                     -names.index(n)))


def versions(df: pd.DataFrame, params: dict | None = None) -> str:
    """Tenor's version and the provenance line of each scorer whose columns df has."""
    lines = [f"Tenor {__version__}; report made {dt.date.today().isoformat()}."]
    for name in compare.scorers_in(df):
        if name not in scorers.available():
            continue
        try:
            line = scorers.scorer_class(name).provenance(**(params or {}).get(name, {}))
        except Exception as e:  # pragma: no cover - the report still assembles
            line = f"{name}: unavailable ({e})."
        if line:
            lines.append(line)
    return "\n".join(lines)


def methods(names: list) -> str:
    """The methods paragraph: how statements are made and how each scorer scores (its own phrase)."""
    count = {1: "One method scores", 2: "Two independent methods score", 3: "Three independent methods score"}
    phrases = [scorers.scorer_class(n).method or n for n in names]
    return ("Each document is split into statements and every statement is attributed to its speaker "
            "(annotation guidelines; narrator statements are kept apart from speakers' statements). "
            f"{count.get(len(names), f'{len(names)} independent methods score')} how each statement frames "
            "relations, from -1 (confrontational) to +1 (cooperative): " + " and ".join(phrases)
            + ". Intervals are bootstrap 95% intervals of the mean; differences are "
            "tested by permutation. Measured accuracy of both methods: docs/evaluation.md.")


def build(inputs, out_dir: str | Path = "reports", title: str = "Tenor report",
          scorer_names=None, params: dict | None = None, strict=False) -> dict:
    """Write report.pdf and one PNG per chart into out_dir; returns their paths and any warnings
    (pdf None when no input could be read)."""
    _fonts()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = statements(inputs)
    if not result.read_anything:        # nothing to report on: say why, write nothing
        return {"pdf": None, "pngs": [], "warnings": [str(p) for p in result.problems],
                "statements": result.statements}
    df, warnings = scorers.apply(result.statements, scorer_names, params, strict=strict)
    warnings = [str(p) for p in result.problems] + warnings
    sc = compare.scorers_in(df)
    colors = charts.speaker_colors(df)
    pairs = compare.same_event_pairs(df)
    titles = {}
    for doc, part in df.groupby("doc_id"):
        fm = part[part.section == "front_matter"].text.tolist()
        titles[doc] = f"{doc}  ({part.date.iloc[0]}, {part.lang.mode().iat[0]})" + (
            f": {fm[0]}" if fm and fm[0].isascii() else "")
    figs = {"speakers": charts.speakers(df, colors)}
    figs["distribution"] = charts.distribution(df, sc[-1], colors)
    if df["date"].astype(str).str.match(r"^\d{4}").sum():
        figs["timeline"] = charts.timeline(df, "month", "side", sc[-1])
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
                  f"{int((df.section == 'front_matter').sum())} front matter); languages: "
                  f"{', '.join(f'{k} {v}' for k, v in df.lang.value_counts().items())}; "
                  f"{_date_range(df.date)}; speakers: "
                  f"{', '.join(body.speaker.value_counts().index[:10]) or 'none named'}.")
        _text_page(pdf, title, [("Corpus", corpus), ("Methods", methods(sc)),
                                ("Headline findings", "\n".join(f"{k}. {f}" for k, f in
                                                                 enumerate(findings(df, pairs), 1))),
                                ("Notes", "\n".join(warnings) if warnings else "No input problems.")])
        for fig in figs.values():
            pdf.savefig(fig)
            plt.close(fig)
        table = compare.by(df, "speaker").pivot_table(index="speaker", columns="scorer",
                                                      values=["mean", "ci_low", "ci_high", "n"])
        rows = []
        for s in table.index:
            row = [s]
            for scorer in sc:
                row.append(f"{table.loc[s, ('mean', scorer)]:+.2f} [{table.loc[s, ('ci_low', scorer)]:+.2f}, "
                           f"{table.loc[s, ('ci_high', scorer)]:+.2f}]")
            row.append(str(int(table.loc[s, ("n", sc[0])])))
            rows.append(row)
        if not rows:    # every statement is the narrator's: nothing to compare by speaker
            _text_page(pdf, "Speakers", [("", "No statement is attributed to a named speaker (all are the "
                                              "narrator's or front matter), so speakers are not compared.")])
            _text_page(pdf, "Versions", [("", versions(df, params))])
            return {"pdf": pdf_path, "pngs": pngs, "warnings": warnings, "statements": df}
        fig = plt.figure(figsize=PAGE)
        fig.text(0.07, 0.95, "Speakers: mean score [95% interval]", fontsize=14, weight="bold", va="top")
        ax = fig.add_axes([0.07, 0.35, 0.86, 0.55])
        ax.axis("off")
        t = ax.table(cellText=rows, colLabels=["speaker"] + sc + ["statements"], loc="upper left",
                     cellLoc="left", colLoc="left")
        t.auto_set_font_size(False)
        t.set_fontsize(8)
        t.scale(1, 1.4)
        pdf.savefig(fig)
        plt.close(fig)
        dr = compare.drivers(df, "speaker", sc[0], k=1)
        cjk = _has_cjk_font()
        blocks = []
        for s, part in dr.groupby("speaker"):
            lines = []
            for r in part.itertuples():
                text = r.text if (cjk or r.text.isascii()) else "(Chinese text; see statements.csv " + r.statement_id + ")"
                lines.append(f"{r.kind} ({r.score:+.2f}): \"{textwrap.shorten(text, 240)}\"  evidence: "
                             f"{textwrap.shorten(r.evidence or 'none', 160)}")
            blocks.append((s, "\n".join(lines)))
        _text_page(pdf, f"What drives each speaker's score ({sc[0]})", blocks[:12])
        _text_page(pdf, "Versions", [("", versions(df, params))])
    return {"pdf": pdf_path, "pngs": pngs, "warnings": warnings, "statements": df}


# -- a corpus in a store (tenor score --store): findings over turns ------------------------------
def _date_range(dates) -> str:
    """'dates 2019-01-31 to 2024-03-05' over full dates; a date without its year ('--09-14', from
    "Sept. 14" in a wire story) is counted apart, not sorted in front of the years."""
    d = dates.astype(str)
    full = d[d.str.match(r"^\d{4}")]
    partial = int((d.str.startswith("--")).sum())
    text = f"dates {full.min()} to {full.max()}" if len(full) else "no dated statements"
    return text + (f" ({partial} statement{'s' if partial != 1 else ''} dated without a year)"
                   if partial else "")


CORPUS_COLUMNS = ["doc_id", "statement_id", "paragraph", "lang", "speaker", "date", "text", "section"]


def corpus_findings(tr: pd.DataFrame, yearly: pd.DataFrame, speakers: pd.DataFrame, xl: pd.DataFrame,
                    agree: pd.DataFrame) -> list[str]:
    """The headline findings in words, every number from analysis.compare's tables."""
    out = []
    for sc in yearly.scorer.unique():
        for lang in ("zh", "en"):
            y = yearly[(yearly.scorer == sc) & (yearly.lang == lang)].set_index("year")
            if len(y) < 2:
                continue
            parts = [f"{yr} {r.share_hostile:.0%} [{r.share_hostile_low:.0%}, {r.share_hostile_high:.0%}]"
                     for yr, r in y.iterrows()]
            out.append(f"Hostile answers ({sc}, {'Chinese' if lang == 'zh' else 'English'} pages; an answer "
                       f"with at least one confrontational statement), by year: {'; '.join(parts)}.")
    for sc in speakers.scorer.unique():
        s = speakers[speakers.scorer == sc].sort_values("share_hostile", ascending=False)
        out.append(f"Spokespersons ({sc}), most hostile first: " + "; ".join(
            f"{r.speaker} {r.share_hostile:.0%} [{r.share_hostile_low:.0%}, {r.share_hostile_high:.0%}] of "
            f"{r.turns:,} answers" for r in s.itertuples()) + ".")
    for r in xl.itertuples():
        if pd.notna(getattr(r, "spearman", float("nan"))):
            out.append(f"English against Chinese versions of the same answers ({r.scorer}; {r.pairs:,} pairs on "
                       f"{r.days} days whose two pages align): Spearman {r.spearman:.2f} [{r.spearman_low:.2f}, "
                       f"{r.spearman_high:.2f}]; the two versions agree on whether an answer is hostile "
                       f"{r.hostile_agreement:.0%} of the time (kappa {r.hostile_kappa:.2f}); daily means over "
                       f"{r.daily_days} days correlate {r.daily_spearman:.2f}.")
    for r in agree.itertuples():
        out.append(f"Lexicon and transformer on the same statements ({r.lang}, {r.n:,}): Spearman "
                   f"{r.spearman:.2f}, same label {r.same_label:.0%} (kappa {r.kappa:.2f}).")
    return out


def build_corpus(store, out_dir: str | Path = "reports/corpus", title: str = "Tenor corpus report") -> dict:
    """report.pdf and a PNG per chart for a corpus store: spokespersons, years, months, English
    against Chinese. Numbers from analysis.compare over the store's turns."""
    from analysis.corpus.store import Store
    _fonts()
    st = Store(store)
    manifest = st.manifest() or {}
    con_cols = st.query("SELECT * FROM statements LIMIT 0").columns
    sc = [c[:-6] for c in con_cols if c.endswith("_score") and f"{c[:-6]}_label" in con_cols]
    cols = CORPUS_COLUMNS + [f"{s}_{k}" for s in sc for k in ("score", "label")]
    df = st.frame(cols)
    tr = compare.turns(df, sc)
    yearly = pd.concat([compare.rates(part, "year", sc).assign(lang=lang) for lang, part in tr.groupby("lang")],
                       ignore_index=True)
    monthly = pd.concat([compare.rates(part, "month", sc[-1:], n_boot=500).assign(lang=lang)
                         for lang, part in tr.groupby("lang")], ignore_index=True)
    speakers = compare.rates(tr, "speaker", sc)
    xl = compare.cross_language(tr, sc)
    pairs = compare.language_pairs(tr)
    agree = compare.agreement(df, sc[0], sc[-1]) if len(sc) >= 2 else pd.DataFrame()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    figs = {}
    for s in sc:
        figs[f"hostile_by_year_{s}"] = charts.rates_bars(
            yearly[yearly.scorer == s], "year", "share_hostile", "lang",
            f"Hostile answers by year and language ({s} scorer; 95% intervals over press conferences)")
    figs["spokespersons"] = charts.rates_bars(speakers, "speaker", "share_hostile", "scorer",
                                              "Hostile answers by spokesperson (95% intervals over press conferences)")
    figs["monthly"] = charts.rates_timeline(monthly, "month", "mean", "lang",
                                            f"Mean answer score per month and language ({sc[-1]} scorer)")
    for s in sc:
        figs[f"english_vs_chinese_{s}"] = charts.language_scatter(pairs, s, f"Same answer, two languages ({s})")
    pngs = []
    for name, fig in figs.items():
        p = out / f"{name}.png"
        fig.savefig(p, dpi=150, bbox_inches="tight")
        pngs.append(p)
    summary = manifest.get("summary", {})
    cfg = manifest.get("config", {})
    corpus = (f"{cfg.get('input', {}).get('name', '?')}: {len(tr):,} answers with text "
              f"({summary.get('rows', len(tr)):,} rows), {len(df):,} statements; languages: "
              f"{', '.join(f'{k} {v:,}' for k, v in tr.lang.value_counts().items())} answers; "
              f"{_date_range(tr.date)}; spokespersons: "
              f"{', '.join(f'{k} ({v:,})' for k, v in tr.speaker.value_counts().items())}.")
    methods = ("Each answer (a row of the table) is split into statements that keep the spokesperson and the "
               "date of the row. Both scorers label every statement cooperative, neutral or confrontational. An "
               "answer is hostile when at least one of its statements is confrontational, friendly when at "
               "least one is cooperative. Intervals are 95% bootstrap intervals that resample whole press "
               "conferences (dates), because answers given on one day are not independent. English and Chinese "
               "versions are compared on the days whose two pages have the same number of answers, aligned "
               "in order (a page that leaves an item out would shift every pair after it). Accuracy of both "
               "scorers on held-out gold statements: docs/evaluation.md.")
    pdf_path = out / "report.pdf"
    with atomic_path(pdf_path) as tmp, PdfPages(tmp, metadata={"CreationDate": None, "ModDate": None}) as pdf:
        _text_page(pdf, title, [("Corpus", corpus), ("Methods", methods),
                                ("Findings", "\n".join(f"{k}. {f}" for k, f in enumerate(
                                    corpus_findings(tr, yearly, speakers, xl, agree), 1)))])
        for fig in figs.values():
            pdf.savefig(fig)
            plt.close(fig)
        _text_page(pdf, "Versions", [("", versions(df) + f"\nStore {st.path.name}: fingerprint "
                                      f"{manifest.get('fingerprint', '?')}; versions "
                                      f"{cfg.get('versions', {})}.")])
    return {"pdf": pdf_path, "pngs": pngs, "turns": tr, "yearly": yearly, "speakers": speakers,
            "cross_language": xl}
