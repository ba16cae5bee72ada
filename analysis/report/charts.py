"""Charts of scored statements (matplotlib). Every function returns a Figure and never saves it.

Readable at a glance: titles say what the chart shows, axes are labelled with their units, the
palette is colour-blind safe (Okabe-Ito for categories, purple-orange for scores), and a speaker has
the same colour in every chart (`speaker_colors`).
"""
from __future__ import annotations

import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from analysis import compare  # noqa: E402
from analysis.report.fonts import register as _register_fonts  # noqa: E402

_register_fonts()       # Chinese text renders in every chart, on a fresh machine too

# Okabe-Ito without its yellow and black (too faint, and black is the median bar), then Paul Tol's
# "muted" colours: all colour-blind safe, distinct on white.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
             "#332288", "#999933", "#882255", "#44AA99", "#AA4499", "#117733"]
MARKERS = ("o", "s", "D", "^", "v", "P")     # one per scorer, in the order the table has them
SCORE_CMAP = "PuOr_r"   # purple = confrontational (-1), orange = cooperative (+1); colour-blind safe
SCORE_AXIS = "score (-1 confrontational .. +1 cooperative)"


def speaker_colors(df: pd.DataFrame) -> dict:
    """One colour per speaker, by how many statements each has (most first), stable across charts."""
    counts = compare.speech(df)["speaker"].value_counts()
    names = sorted(counts.index, key=lambda s: (-counts[s], s))
    colors = {s: OKABE_ITO[k % len(OKABE_ITO)] for k, s in enumerate(names)}
    colors["narrator"] = "#999999"
    colors["both sides"] = colors.get("both sides", "#666666")
    return colors


def _style(ax, title: str, xlabel: str = "", ylabel: str = ""):
    # a long title wraps (one that ran past the figure's edge was cut off on the page)
    width = max(30, int(ax.get_figure().get_figwidth() * 10))
    ax.set_title("\n".join(ln for line in title.split("\n") for ln in textwrap.wrap(line, width) or [""]),
                 fontsize=11, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(axis="x", alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _headline(fig, title: str, bottom: float = 0.0) -> None:
    """A chart's title across the whole figure, from its left edge, wrapped to the figure's width:
    an axes title starts where the axes does, which long speaker names push to the right, and ran
    off the page. The axes are then laid out below it (and above `bottom`, a figure fraction)."""
    width = int(fig.get_figwidth() * 12)
    lines = [ln for line in title.split("\n") for ln in textwrap.wrap(line, width) or [""]]
    fig.suptitle("\n".join(lines), x=0.01, ha="left", va="top", fontsize=11)
    fig.tight_layout(rect=(0, bottom, 1, 1 - (0.2 * len(lines) + 0.1) / fig.get_figheight()))


def speakers(df: pd.DataFrame, colors: dict | None = None, about: str = "counterpart") -> plt.Figure:
    """Mean score per speaker with bootstrap 95% intervals, each scorer side by side, over the
    statements `about` (compare.by: by default each side's statements about the other side; "all"
    for every statement). The title says which and how many; with "counterpart" a speaker with
    fewer than compare.MIN_N of them is listed as too few, with no point."""
    table = compare.by(df, "speaker", about=about)
    colors = colors or speaker_colors(df)
    order = (table.groupby("speaker")["n"].max().sort_values(ascending=True, kind="stable")).index.tolist()
    scorers = list(dict.fromkeys(table["scorer"]))
    hidden = set(table.loc[table.too_few, "speaker"]) if about == "counterpart" else set()
    fig, ax = plt.subplots(figsize=(8, max(3.2, 0.5 * len(order) + 1.9)))   # room for the title
    for k, scorer in enumerate(scorers):
        part = table[table.scorer == scorer].set_index("speaker").reindex(order)
        y = np.arange(len(order)) + (k - (len(scorers) - 1) / 2) * 0.25
        for yy, (name, r) in zip(y, part.iterrows()):
            if pd.isna(r["mean"]) or name in hidden:
                continue
            # a speaker heard in one document has no interval: the point alone
            err = [[r["mean"] - r.ci_low], [r.ci_high - r["mean"]]] if pd.notna(r.ci_low) else None
            ax.errorbar(r["mean"], yy, xerr=err,
                        fmt=MARKERS[k % len(MARKERS)], color=colors.get(name, "#333333"),
                        mfc="white" if k else colors.get(name, "#333333"), capsize=3, ms=6)
    counts = table.groupby("speaker")[["n", "docs"]].max()
    ax.set_yticks(range(len(order)), [
        f"{s} (n={counts.n[s]}: too few to compare)" if s in hidden else
        f"{s} (n={counts.n[s]}, {counts.docs[s]} doc{'s' if counts.docs[s] != 1 else ''})" for s in order])
    ax.axvline(0, color="#444444", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    handles = [plt.Line2D([], [], marker=MARKERS[k % len(MARKERS)], ls="", color="#333333",
                          mfc="white" if k else "#333333", label=s) for k, s in enumerate(scorers)]
    _style(ax, "", SCORE_AXIS)
    # the legend sits below the axis, where no speaker's point can be (inside, it hid one)
    if handles:
        fig.legend(handles=handles, title="scorer", loc="lower center", ncol=len(handles), fontsize=8,
                   title_fontsize=8, frameon=False)
    _headline(fig, "Each speaker's mean score, 95% interval over documents (no bar: heard in one document)\n"
                   f"Compared over {compare.describe(df, about)}", bottom=0.07)
    return fig


def timeline(df: pd.DataFrame, unit: str = "month", group: str = "side", scorer: str | None = None,
             colors: dict | None = None, about: str | None = None) -> plt.Figure:
    """Mean score per period for each side (or speaker), with 95% intervals, over the statements
    `about` (compare.by's default: by side or speaker, those about the other side)."""
    scorer = scorer or compare.scorers_in(df)[0]
    about = about or compare.default_about(group)
    data = compare.population(compare.speech(df), about)
    data = data.assign(**{unit: compare.period(data["date"].astype(str), unit)})
    data = data.dropna(subset=[unit])
    if group == "side":
        data = data[data.side.isin(["CN", "US", "other"])]   # joint statements have no side
    fig, ax = plt.subplots(figsize=(8, 3.8))
    palette = colors if (colors and group == "speaker") else {}
    for k, (name, part) in enumerate(data.groupby(group)):
        t = compare.by(part, unit, [scorer], about="all").sort_values(unit)    # part: already `about`
        if t.empty:
            continue
        c = palette.get(name, OKABE_ITO[k % len(OKABE_ITO)])
        t = t.assign(run=compare.runs(t[unit], unit))
        for r, seg in t.groupby("run"):       # no line across a gap of more than one period
            x = pd.to_datetime(seg[unit])
            ax.plot(x, seg["mean"], marker="o", color=c, label=f"{name}" if r == 0 else None)
            ax.fill_between(x, seg.ci_low, seg.ci_high, color=c, alpha=0.15)
            for xx, yy, n in zip(x, seg["mean"], seg["n"]):    # the first group's counts above, the next below
                ax.annotate(f"n={n}", (xx, yy), textcoords="offset points", xytext=(0, 6 if k % 2 == 0 else -12),
                            ha="center", fontsize=6, color=c)
    ax.axhline(0, color="#444444", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.legend(fontsize=8, frameon=False, title=group)
    _style(ax, f"Framing over time by {group} ({scorer} scorer; mean per {unit}, 95% band)\n"
               f"Compared over {compare.describe(df, about)}", unit, SCORE_AXIS)
    ax.grid(axis="y", alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def distribution(df: pd.DataFrame, scorer: str | None = None, colors: dict | None = None,
                 about: str = "counterpart") -> plt.Figure:
    """Every statement's score per speaker (dots), with the median (bar), over the statements
    `about` (compare.by's default for speakers: those about the other side); n per speaker."""
    scorer = scorer or compare.scorers_in(df)[0]
    data = compare.population(compare.speech(df), about).dropna(subset=[f"{scorer}_score"])
    colors = colors or speaker_colors(df)
    order = data["speaker"].value_counts().index.tolist()[::-1]
    fig, ax = plt.subplots(figsize=(8, max(3.2, 0.45 * len(order) + 1.9)))   # room for the title
    rng = np.random.default_rng(0)
    for y, name in enumerate(order):
        vals = data.loc[data.speaker == name, f"{scorer}_score"].astype(float)
        ax.plot([vals.median()] * 2, [y - 0.3, y + 0.3], color="#222222", lw=2, alpha=0.5, zorder=1)
        ax.scatter(vals, y + rng.uniform(-0.15, 0.15, len(vals)), s=22, alpha=0.8,
                   color=colors.get(name, "#333333"), edgecolor="white", linewidth=0.4, zorder=2)
    counts = data["speaker"].value_counts()
    ax.set_yticks(range(len(order)), [f"{s} (n={counts[s]})" for s in order])
    ax.axvline(0, color="#444444", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    _style(ax, "", SCORE_AXIS)
    _headline(fig, f"Spread of each speaker's statements ({scorer} scorer; bar = median)\n"
                   f"Compared over {compare.describe(df, about)}")
    return fig


def scorers_scatter(df: pd.DataFrame, a: str | None = None, b: str | None = None) -> plt.Figure:
    """Statement by statement: one scorer against the other, by language."""
    a, b = (a, b) if a and b else compare.scorers_in(df)[:2]
    data = compare.speech(df, include_narrator=True).dropna(subset=[f"{a}_score", f"{b}_score"])
    fig, ax = plt.subplots(figsize=(5.6, 5.2))
    for k, (lang, part) in enumerate(data.groupby("lang")):
        ax.scatter(part[f"{a}_score"], part[f"{b}_score"], s=20, alpha=0.7, color=OKABE_ITO[k],
                   label={"en": "English", "zh": "Chinese"}.get(lang, lang), edgecolor="none")
    ax.plot([-1, 1], [-1, 1], color="#888888", lw=0.8, ls="--")
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    agr = compare.agreement(df, a, b, by_lang=False).iloc[0]
    if len(data):       # no statement by a speaker (front matter only): no legend to draw
        ax.legend(fontsize=8, frameon=False, loc="upper left")
    _style(ax, f"{a} against {b}, statement by statement\n(all statements of speakers and narrator; "
               f"Spearman {agr.spearman:.2f}, kappa {agr.kappa:.2f} on labels, n={agr.n})", f"{a} score", f"{b} score")
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return fig


def document_strips(df: pd.DataFrame, scorer: str | None = None, colors: dict | None = None,
                    titles: dict | None = None) -> plt.Figure:
    """Each document as a strip of its statements in order, coloured by score; the speaker of each
    statement is marked beneath it in the speaker's colour."""
    scorer = scorer or compare.scorers_in(df)[0]
    colors = colors or speaker_colors(df)
    docs = list(dict.fromkeys(df["doc_id"]))
    present = [s for s in colors if s in set(df.loc[df.section == "body", "speaker"])]
    # inches: a strip and its title per document, the suptitle above, the speaker legend below
    legend_h = 0.45 + 0.17 * -(-len(present) // 5) if present else 0.1
    height = 1.15 * len(docs) + 0.6 + legend_h
    fig = plt.figure(figsize=(9, height))
    # the colour bar has its own column of the grid: it can never cover a strip
    gs = fig.add_gridspec(len(docs), 2, width_ratios=[60, 1], wspace=0.04, hspace=0.9, left=0.03,
                          right=0.9, top=1 - 0.6 / height, bottom=legend_h / height)
    axes = [fig.add_subplot(gs[i, 0]) for i in range(len(docs))]
    cmap = plt.get_cmap(SCORE_CMAP)
    for ax, doc in zip(axes, docs):
        part = df[(df.doc_id == doc) & (df.section == "body")]
        vals = part[f"{scorer}_score"].astype(float).fillna(0).to_numpy()
        ax.imshow(vals[None, :], cmap=cmap, vmin=-1, vmax=1, aspect="auto",
                  extent=(0, max(1, len(vals)), 0.35, 1))
        for x, sp in enumerate(part["speaker"]):
            ax.add_patch(plt.Rectangle((x + 0.1, 0.05), 0.8, 0.22, color=colors.get(sp, "#333333")))
        ax.set_xlim(0, max(1, len(vals)))
        ax.set_ylim(0, 1)
        ax.set_yticks([])
        ax.set_xticks([])
        label = (titles or {}).get(doc, doc)
        ax.set_title(textwrap.shorten(label, 90), fontsize=9, loc="left")
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colors[s], label=s) for s in present]
    if handles:     # no named speaker (all narrator or front matter): no legend to draw
        fig.legend(handles=handles, loc="lower center", ncol=min(5, len(handles)), fontsize=7,
                   frameon=False, title="speaker (marker under each statement)", title_fontsize=8)
    sm = plt.cm.ScalarMappable(cmap=cmap, norm=plt.Normalize(-1, 1))
    cb = fig.colorbar(sm, cax=fig.add_subplot(gs[:, 1]))
    cb.set_label(f"{scorer} score", fontsize=8)
    fig.suptitle(f"Each document, statement by statement ({scorer} scorer; all {len(df[df.section == 'body'])} "
                 "statements, whoever they are about)", x=0.02, y=1 - 0.15 / height,
                 ha="left", va="top", fontsize=11)
    return fig


def cross_language(df: pd.DataFrame, doc_a: str, doc_b: str, colors: dict | None = None,
                   labels: tuple[str, str] = ("English", "Chinese")) -> plt.Figure:
    """The same event in two languages: each speaker's mean score in each document, per scorer, over
    all their statements in the two documents (a check of the method, not a comparison of sides)."""
    colors = colors or speaker_colors(df)
    data = compare.speech(df)
    scorers = compare.scorers_in(df)
    fig, axes = plt.subplots(1, len(scorers), figsize=(4.2 * len(scorers), 3.8), squeeze=False)
    for ax, scorer in zip(axes[0], scorers):
        ta = compare.by(data[data.doc_id == doc_a], "speaker", [scorer], about="all").set_index("speaker")
        tb = compare.by(data[data.doc_id == doc_b], "speaker", [scorer], about="all").set_index("speaker")
        common = [s for s in ta.index if s in tb.index]
        for s in common:
            ax.plot([0, 1], [ta.loc[s, "mean"], tb.loc[s, "mean"]], marker="o", color=colors.get(s, "#333333"),
                    label=s)
        ax.set_xticks([0, 1], labels)
        ax.set_xlim(-0.3, 1.3)
        ax.set_ylim(-1.05, 1.05)
        ax.axhline(0, color="#444444", lw=0.8)
        _style(ax, f"{scorer}", "", "mean score per speaker")
        ax.grid(axis="y", alpha=0.3)
        ax.legend(fontsize=7, frameon=False)
    na, nb = (int((data.doc_id == d).sum()) for d in (doc_a, doc_b))
    fig.suptitle("The same meeting reported in two languages: does the score depend on the language?\n"
                 f"(all statements of each speaker: n={na} {labels[0]}, n={nb} {labels[1]})",
                 x=0.02, ha="left", fontsize=11)
    fig.tight_layout()
    return fig


# -- corpora of turns (analysis.compare.turns / rates / language_pairs) ---------------------------
def rates_bars(rates: pd.DataFrame, group: str, measure: str = "share_hostile", by: str = "scorer",
               title: str = "", colors: dict | None = None) -> plt.Figure:
    """A measure per group with its 95% interval as bars, one bar per `by` value (scorer or lang)."""
    groups = list(dict.fromkeys(rates[group]))
    if group in ("day", "month", "year"):
        groups = sorted(groups)
    series = list(dict.fromkeys(rates[by]))
    fig, ax = plt.subplots(figsize=(8, 3.6))
    width = 0.8 / max(1, len(series))
    for k, name in enumerate(series):
        part = rates[rates[by] == name].set_index(group).reindex(groups)
        x = np.arange(len(groups)) + (k - (len(series) - 1) / 2) * width
        y = part[measure].to_numpy(float)
        err = np.vstack([y - part[f"{measure}_low"].to_numpy(float), part[f"{measure}_high"].to_numpy(float) - y])
        c = (colors or {}).get(name, OKABE_ITO[k % len(OKABE_ITO)])
        ax.bar(x, y, width, color=c, alpha=0.85, label=str(name))
        ax.errorbar(x, y, yerr=err, fmt="none", ecolor="#333333", capsize=3, lw=1)
    ax.set_xticks(np.arange(len(groups)))
    ax.set_xticklabels([str(g) for g in groups])
    label = {"share_hostile": "share of answers with a confrontational statement",
             "share_friendly": "share of answers with a cooperative statement",
             "mean": SCORE_AXIS}.get(measure, measure)
    if measure.startswith("share"):
        ax.set_ylim(0, 1)
    else:
        ax.axhline(0, color="#444444", lw=0.8)
    ax.legend(fontsize=8, frameon=False, title=by)
    _style(ax, title or f"{measure} by {group} (95% intervals over press conferences)", group, label)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return fig


def rates_timeline(rates: pd.DataFrame, unit: str = "month", measure: str = "mean", by: str = "lang",
                   title: str = "") -> plt.Figure:
    """A measure per period with its 95% band, one line per `by` value (language or speaker)."""
    fig, ax = plt.subplots(figsize=(8, 3.8))
    for k, (name, part) in enumerate(rates.groupby(by, sort=True)):
        part = part.sort_values(unit)
        c = OKABE_ITO[k % len(OKABE_ITO)]
        for r, seg in part.assign(run=compare.runs(part[unit], unit)).groupby("run"):   # no line across a gap
            x = pd.to_datetime(seg[unit])
            ax.plot(x, seg[measure], marker="o", ms=3, color=c, label=str(name) if r == 0 else None)
            ax.fill_between(x, seg[f"{measure}_low"], seg[f"{measure}_high"], color=c, alpha=0.15)
    if measure.startswith("share"):
        ax.set_ylim(0, 1)
        ylabel = "share of answers with a confrontational statement" if measure == "share_hostile" else measure
    else:
        ax.axhline(0, color="#444444", lw=0.8)
        ylabel = "mean answer score (-1 .. +1)"
    ax.legend(fontsize=8, frameon=False, title=by)
    _style(ax, title or f"{measure} per {unit} (95% band over press conferences)", unit, ylabel)
    ax.grid(axis="y", alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def language_scatter(pairs: pd.DataFrame, scorer: str | None = None, title: str = "") -> plt.Figure:
    """English against Chinese score of the same answers (one dot per aligned pair)."""
    scorer = scorer or [c[3:-6] for c in pairs.columns if c.startswith("en_") and c.endswith("_score")][0]
    fig, ax = plt.subplots(figsize=(4.6, 4.6))
    p = pairs.dropna(subset=[f"en_{scorer}_score", f"zh_{scorer}_score"])
    ax.scatter(p[f"en_{scorer}_score"], p[f"zh_{scorer}_score"], s=6, alpha=0.3, color=OKABE_ITO[0],
               edgecolors="none")
    ax.plot([-1, 1], [-1, 1], color="#888888", lw=0.8, ls="--")
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_aspect("equal")
    _style(ax, title or f"Same answer, two languages ({scorer})", "English answer score",
           "Chinese answer score")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig
