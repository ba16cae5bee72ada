"""`tenor report --store DIR`: the corpus report of a store, from DuckDB queries over its statements."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

from analysis.report import charts
from analysis import compare
from analysis.output import atomic_path  # noqa: E402
from analysis.report.pages import date_range, fonts, text_page, versions  # noqa: E402

CORPUS_COLUMNS = ["doc_id", "statement_id", "paragraph", "lang", "speaker", "side", "target", "date", "text", "section"]


def corpus_findings(tr: pd.DataFrame, yearly: pd.DataFrame, speakers: pd.DataFrame, xl: pd.DataFrame,
                    agree: pd.DataFrame, yearly_about: pd.DataFrame | None = None) -> list[str]:
    """The headline findings in words, every number from analysis.compare's tables; first, answers read
    over their statements about the other side (yearly_about), the analyst's question."""
    out = []
    about = yearly_about if yearly_about is not None else yearly.iloc[0:0]
    for sc in about.scorer.unique()[-1:]:
        for lang in ("zh", "en"):
            y = about[(about.scorer == sc) & (about.lang == lang)].set_index("year")
            if len(y):
                out.append(f"About the other side ({sc}, {'Chinese' if lang == 'zh' else 'English'} pages; answers "
                           f"read over their statements about it only), hostile share by year: " + "; ".join(
                               f"{yr} {r.share_hostile:.0%} [{r.share_hostile_low:.0%}, {r.share_hostile_high:.0%}] "
                               f"of {r.turns:,}" for yr, r in y.iterrows()) + ".")
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
    fonts()
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
    # the analyst's question: how a side frames the other. Answers read over their statements about the
    # other side only (a Chinese spokesperson's statements about the United States), every year
    about = compare.turns(compare.counterpart(df), sc)
    yearly_about = pd.concat([compare.rates(part, "year", sc).assign(lang=lang) for lang, part in about.groupby("lang")],
                             ignore_index=True) if len(about) else yearly.iloc[0:0]
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
    if len(yearly_about):
        figs["about_the_other_side_by_year"] = charts.rates_bars(
            yearly_about[yearly_about.scorer == sc[-1]], "year", "share_hostile", "lang",
            f"Answers about the other side (their statements about it only; {len(about):,} answers): hostile "
            f"share by year ({sc[-1]} scorer; 95% intervals over press conferences)")
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
              f"{date_range(tr.date)}; spokespersons: "
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
        text_page(pdf, title, [("Corpus", corpus), ("Methods", methods),
                                ("Findings", "\n".join(f"{k}. {f}" for k, f in enumerate(
                                    corpus_findings(tr, yearly, speakers, xl, agree, yearly_about), 1)))])
        for fig in figs.values():
            pdf.savefig(fig)
            plt.close(fig)
        text_page(pdf, "Versions", [("", versions(df) + f"\nStore {st.path.name}: fingerprint "
                                      f"{manifest.get('fingerprint', '?')}; versions "
                                      f"{cfg.get('versions', {})}.")])
    return {"pdf": pdf_path, "pngs": pngs, "turns": tr, "yearly": yearly, "speakers": speakers,
            "cross_language": xl, "yearly_about": yearly_about}
