"""Comparisons of scored statements: tidy DataFrames, with uncertainty.

- `by(df, "speaker")` (or side, lang, doc_id, date by "day" | "month" | "year"): mean score per group
  and scorer, with a bootstrap 95% interval and the counts of statements and documents. Statements
  by `narrator` (and front matter) are kept apart: they are left out of speaker comparisons unless
  asked for.
  Speakers and sides are compared over the statements ABOUT THE OTHER SIDE by default
  (`about="counterpart"`: Chinese speakers on the US, US speakers on China, from the `target`
  column; questions left out), the question an analyst of China-US relations asks; `about="all"`
  compares every statement (Tenor's behaviour before). Other groupings (lang, doc_id, periods) use
  every statement unless `about` says otherwise. Every table says which statements it is over
  (column `about`) and flags groups with fewer than MIN_N of them (`too_few`); with
  `about="counterpart"` a CN or US speaker with none about the other side still has a row (n 0), so
  a speaker is never silently dropped nor silently compared over other statements.
- `difference(df, "speaker", "Xi Jinping", "Donald Trump")`: the difference of two groups' means,
  its bootstrap interval and a two-sided permutation-test p-value.
  Both resample DOCUMENTS, not statements (`units`): the 76 statements of one speech are one draw,
  not 76 independent ones. A table without a doc_id column falls back to statements and says so
  (column `resampled`).
- `agreement(df)`: how far two scorers agree (Spearman on scores, Cohen's kappa on labels).
- `drivers(df, "speaker")`: each group's most cooperative and most confrontational statements,
  with their evidence.
- `top_phrases(df, "side")`: the lexicon terms that carry each group's cooperative and confrontational
  statements, from the lexicon's evidence (how many statements use each, and their summed weight).
- `label_counts(df)`: statements of each label per side and language.
  `difference`, `drivers`, `top_phrases` and `label_counts` take `about` too, with the same default
  (the statements about the other side when they compare speakers or sides).
- `population(df, about)`: the statements a comparison is over; `describe(df, about)` says so in
  words, with their number, for a chart or a page.
- `same_event_pairs(df)`: documents of the same date in English and Chinese (one event, two reports).
For corpora of turns (press-conference answers; analysis.corpus):
- `turns(df)`: one row per turn (input row) with its speaker, date, language, mean scores and whether
  any statement is confrontational (a "hostile answer").
- `rates(turns, "year")`: per group, the mean score and the shares of hostile and cooperative turns,
  with 95% intervals from a bootstrap over clusters (press conferences: turns of one day are not
  independent).
- `cross_language(turns)`: English against Chinese versions of the same answers (dates whose two pages
  have the same number of turns, aligned in order): Spearman and agreement per scorer.
Every random draw is seeded: the same input gives the same numbers.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.config import LABELS as STANCE_LABELS
from analysis.evaluation.metrics import cohen_kappa, spearman
from analysis.speakers.registry import NARRATOR

LABELS = list(STANCE_LABELS)
MIN_N = 3        # a group with fewer statements than this is flagged too_few (the report compares none)
ABOUT = {"counterpart": "statements about the other side", "all": "all statements"}
SIDES = ("CN", "US")     # the two sides whose statements about each other `counterpart` keeps


def scorers_in(df: pd.DataFrame) -> list[str]:
    return [c[:-6] for c in df.columns if c.endswith("_score") and f"{c[:-6]}_label" in df.columns]


def speech(df: pd.DataFrame, include_narrator: bool = False) -> pd.DataFrame:
    """Body statements without reporters' questions (cue `question`: scored, flagged, never
    compared); without the narrator's unless asked."""
    out = df[df["section"] == "body"] if "section" in df.columns else df
    if "cue" in out.columns:
        out = out[out["cue"] != "question"]
    return out if include_narrator else out[out["speaker"] != NARRATOR]


def period(dates: pd.Series, unit: str) -> pd.Series:
    d = pd.to_datetime(dates.where(dates.str.match(r"^\d{4}-\d{2}-\d{2}$", na=False)), errors="coerce")
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[unit]
    return d.dt.strftime(fmt)


def runs(periods, unit: str) -> list[int]:
    """A run number for each of a sorted list of periods ("2019-01", "2019-02", "2020-09" -> 0, 0, 1):
    a new run starts after a gap of more than one period, so a line is never drawn across it."""
    step = {"day": "D", "month": "M", "year": "Y"}[unit]
    idx = pd.PeriodIndex(list(periods), freq=step)
    out, run = [], 0
    for k in range(len(idx)):
        if k and (idx[k] - idx[k - 1]).n > 1:
            run += 1
        out.append(run)
    return out


def units(df: pd.DataFrame) -> pd.Series | None:
    """The document each statement belongs to, the unit the intervals resample: its doc_id, and for
    the rows of a table (one doc_id, a date per row) its doc_id and date: a press conference is a
    day's rows. None when the table has no doc_id column (intervals then resample statements)."""
    if "doc_id" not in df.columns:
        return None
    u = df["doc_id"].astype(str)
    return u + "|" + df["date"].astype(str) if "date" in df.columns else u


def resampled(df: pd.DataFrame) -> str:
    """What the intervals of df resample, in words for a table or a report."""
    return "documents" if units(df) is not None else "statements (no doc_id column)"


def _unit_sums(values: np.ndarray, clusters: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per unit: the sum and the count of the values (NaN left out)."""
    ok = ~np.isnan(values)
    _, inv = np.unique(clusters[ok], return_inverse=True)
    return np.bincount(inv, weights=values[ok]), np.bincount(inv).astype(float)


def unit_boot_means(values, clusters, n_boot: int, rng) -> np.ndarray | None:
    """n_boot bootstrap means that resample whole units (documents) with replacement: each draw's
    mean is its units' summed scores over their summed counts. None with fewer than two units: one
    document says nothing of how documents vary."""
    sums, counts = _unit_sums(np.asarray(values, dtype=float), np.asarray(clusters))
    if len(sums) < 2:
        return None
    w = rng.multinomial(len(sums), np.full(len(sums), 1 / len(sums)), size=n_boot)
    return (w @ sums) / (w @ counts)


def _clusters(part: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray]:
    """(scores, unit labels) of a group's statements with a score; each statement its own unit
    when there is no doc_id column."""
    part = part.dropna(subset=[col])
    u = units(part)
    return part[col].astype(float).to_numpy(), (u.to_numpy() if u is not None else np.arange(len(part)))


def default_about(group) -> str:
    """The statements a comparison by `group` is over unless told: those about the other side for
    speakers and sides (a column or a tuple of columns that holds one of them), all otherwise."""
    groups = group if isinstance(group, (tuple, list)) else (group,)
    return "counterpart" if {"speaker", "side"} & set(groups) else "all"


def population(df: pd.DataFrame, about: str = "counterpart") -> pd.DataFrame:
    """The statements of df a comparison is over: "counterpart", those a side makes about the other
    (`counterpart`), or "all" (df as it is). Any other value is an error, never a guess."""
    if about not in ABOUT:
        raise ValueError(f"about must be one of {', '.join(ABOUT)}, not {about!r}")
    return counterpart(df) if about == "counterpart" else df


def describe(df: pd.DataFrame, about: str = "counterpart") -> str:
    """Which statements a comparison is over and how many, in words for a title or a page:
    'statements about the other side (Chinese speakers on the US, US speakers on China): 41 of 81
    by named speakers', or 'all 81 statements by named speakers'."""
    body = speech(df)
    if about == "all":
        return f"all {len(body)} statements by named speakers"
    return (f"{ABOUT[about]} (Chinese speakers on the US, US speakers on China): "
            f"{len(population(body, about))} of {len(body)} by named speakers")


def by(df: pd.DataFrame, group: str, scorers: list[str] | None = None, include_narrator: bool = False,
       n_boot: int = 2000, seed: int = 0, about: str | None = None, min_n: int = MIN_N) -> pd.DataFrame:
    """Mean score per group and scorer with a bootstrap 95% interval over documents: columns group,
    scorer, n (statements), docs, mean, ci_low, ci_high (NaN for a group of one document),
    share_cooperative, share_confrontational, resampled (documents, or statements for a table with
    no doc_id column), about (the statements compared) and too_few (n below min_n).

    about: "counterpart" (the default for speaker and side: each side's statements about the
    other) or "all" (the default for other groups). With "counterpart", every CN and US speaker
    (or side) of df has a row: one with no statement about the other side has n 0 and no mean."""
    about = about or default_about(group)
    base = speech(df, include_narrator or group not in ("speaker", "side"))
    key = group
    if group in ("day", "month", "year"):
        base = base.assign(**{group: period(base["date"].astype(str), group)}).dropna(subset=[group])
    data = population(base, about)
    listed = base[base["side"].isin(SIDES)] if about == "counterpart" and group in ("speaker", "side") else data
    parts = dict(list(data.groupby(key, sort=True)))
    rows, what = [], resampled(df)
    for scorer in scorers or scorers_in(df):
        col = f"{scorer}_score"
        for g in sorted(listed[key].dropna().unique()):
            part = parts.get(g, data.iloc[0:0])
            vals, cl = _clusters(part, col)
            if not len(vals) and g in parts:       # statements, none scored (a language it cannot read)
                continue
            means = unit_boot_means(vals, cl, n_boot, np.random.default_rng(seed)) if len(vals) else None
            lo, hi = (np.nan, np.nan) if means is None else np.quantile(means, [0.025, 0.975])
            labels = part[f"{scorer}_label"]
            rows.append({group: g, "scorer": scorer, "n": len(vals), "docs": len(np.unique(cl)),
                         "mean": float(vals.mean()) if len(vals) else np.nan,
                         "ci_low": float(lo), "ci_high": float(hi),
                         "share_cooperative": float((labels == "cooperative").mean()) if len(labels) else np.nan,
                         "share_confrontational": (float((labels == "confrontational").mean())
                                                   if len(labels) else np.nan),
                         "resampled": what, "about": about, "too_few": len(vals) < min_n})
    out = pd.DataFrame(rows, columns=[group, "scorer", "n", "docs", "mean", "ci_low", "ci_high",
                                      "share_cooperative", "share_confrontational", "resampled",
                                      "about", "too_few"])
    return out.astype({"too_few": bool})       # an empty table too: t[~t.too_few] selects rows


def difference(df: pd.DataFrame, group: str, a, b, scorer: str | None = None, n_perm: int = 5000,
               n_boot: int = 2000, seed: int = 0, about: str | None = None) -> dict:
    """Mean(a) - mean(b) for one scorer, a bootstrap 95% interval and a permutation p-value, both over
    documents: the interval resamples each group's documents (a document with statements of both
    groups is drawn for each independently, which can only widen it), the test shuffles whole
    documents' statements of a and b between the groups. n_a, n_b count statements, docs_a, docs_b
    documents; the interval is NaN when a group has one document. about: which statements, as for
    `by` (default: those about the other side for speakers and sides); the result says (`about`)."""
    scorer = scorer or scorers_in(df)[0]
    about = about or default_about(group)
    data = population(speech(df, include_narrator=group not in ("speaker", "side")), about)
    if group in ("day", "month", "year"):
        data = data.assign(**{group: period(data["date"].astype(str), group)})
    col = f"{scorer}_score"
    x, cx = _clusters(data[data[group] == a], col)
    y, cy = _clusters(data[data[group] == b], col)
    out = {"group": group, "a": a, "b": b, "scorer": scorer, "n_a": len(x), "n_b": len(y),
           "docs_a": len(np.unique(cx)), "docs_b": len(np.unique(cy)), "difference": np.nan,
           "ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan, "resampled": resampled(df), "about": about}
    if not len(x) or not len(y):
        return out
    rng = np.random.default_rng(seed)
    diff = float(x.mean() - y.mean())
    ma, mb = unit_boot_means(x, cx, n_boot, rng), unit_boot_means(y, cy, n_boot, rng)
    if ma is not None and mb is not None:
        out.update(ci_low=float(np.quantile(ma - mb, 0.025)), ci_high=float(np.quantile(ma - mb, 0.975)))
    (sa, na), (sb, nb) = _unit_sums(x, cx), _unit_sums(y, cy)
    sums, counts, k = np.concatenate([sa, sb]), np.concatenate([na, nb]), len(sa)
    perms = np.empty(n_perm)
    for j in range(n_perm):
        o = rng.permutation(len(sums))
        perms[j] = sums[o[:k]].sum() / counts[o[:k]].sum() - sums[o[k:]].sum() / counts[o[k:]].sum()
    p = float((np.sum(np.abs(perms) >= abs(diff) - 1e-12) + 1) / (n_perm + 1))
    out.update(difference=diff, p_value=p)
    return out


def agreement(df: pd.DataFrame, a: str | None = None, b: str | None = None, by_lang: bool = True) -> pd.DataFrame:
    """Spearman of the two scores and Cohen's kappa of the two labels, overall and per language."""
    a, b = (a, b) if a and b else scorers_in(df)[:2]
    data = speech(df, include_narrator=True)
    groups = [("all", data)] + (list(data.groupby("lang")) if by_lang else [])
    rows = []
    for name, part in groups:
        ok = part[f"{a}_label"].isin(LABELS) & part[f"{b}_label"].isin(LABELS)
        p = part[ok]
        rows.append({"lang": name, "n": int(len(p)),
                     "spearman": spearman(p[f"{a}_score"], p[f"{b}_score"]) if len(p) > 2 else np.nan,
                     "kappa": cohen_kappa(p[f"{a}_label"], p[f"{b}_label"], LABELS) if len(p) else np.nan,
                     "same_label": float((p[f"{a}_label"] == p[f"{b}_label"]).mean()) if len(p) else np.nan})
    return pd.DataFrame(rows)


def drivers(df: pd.DataFrame, group: str = "speaker", scorer: str | None = None, k: int = 2,
            about: str | None = None) -> pd.DataFrame:
    """Each group's k most cooperative and k most confrontational statements, with evidence, among
    the statements `about` (as for `by`: by speaker, those about the other side unless "all")."""
    scorer = scorer or scorers_in(df)[0]
    data = population(speech(df, include_narrator=group != "speaker"), about or default_about(group))
    col = f"{scorer}_score"
    ev = f"{scorer}_evidence" if f"{scorer}_evidence" in df.columns else None
    rows = []
    for g, part in data.groupby(group):
        part = part.dropna(subset=[col]).sort_values(col)
        picks = [("most confrontational", part.head(k)), ("most cooperative", part.tail(k).iloc[::-1])]
        seen = set()
        for kind, sel in picks:
            for r in sel.itertuples():
                if r.statement_id in seen:      # a speaker with few statements: list each once
                    continue
                seen.add(r.statement_id)
                rows.append({group: g, "kind": kind, "score": getattr(r, col), "text": r.text,
                             "evidence": getattr(r, ev) if ev else "", "doc_id": r.doc_id,
                             "statement_id": r.statement_id})
    return pd.DataFrame(rows)


def counterpart(df: pd.DataFrame) -> pd.DataFrame:
    """The statements a side makes about the other side: Chinese speakers' statements about the
    United States and US speakers' statements about China (the `target` column). None without a
    target column (a table made by a Tenor before it had one): the comparisons then say too few."""
    if "target" not in df.columns or "side" not in df.columns:
        return df.iloc[0:0]
    return df[((df["side"] == "CN") & (df["target"] == "US")) | ((df["side"] == "US") & (df["target"] == "CN"))]


def label_counts(df: pd.DataFrame, by: tuple = ("side", "lang"), scorers: list[str] | None = None,
                 about: str | None = None) -> pd.DataFrame:
    """How many statements of each label per group and scorer (speakers' body statements; questions
    and narration left out; `about` as for `by`: per side, those about the other side unless
    "all"): columns by..., scorer, cooperative, neutral, confrontational, n, about."""
    about = about or default_about(by)
    data = population(speech(df), about)
    rows = []
    for scorer in scorers or scorers_in(df):
        col = f"{scorer}_label"
        for key, part in data.groupby(list(by), sort=True):
            key = key if isinstance(key, tuple) else (key,)
            counts = part[col].value_counts()
            rows.append({**dict(zip(by, key)), "scorer": scorer,
                         **{lab: int(counts.get(lab, 0)) for lab in LABELS}, "n": int(len(part)),
                         "about": about})
    return pd.DataFrame(rows, columns=[*by, "scorer", *LABELS, "n", "about"])


EVIDENCE_TERM = re.compile(r"\s*(?P<term>[^;()]+?)\((?P<weight>[-+]?\d+(?:\.\d+)?)")


def top_phrases(df: pd.DataFrame, group: str = "side", n: int = 10, evidence: str = "lexicon_evidence",
                about: str | None = None) -> pd.DataFrame:
    """The terms that carry each group's stance, from the lexicon's evidence of speakers' statements
    (questions and narration left out): per group and direction (cooperative: weight above 0,
    confrontational: below), the n terms with the largest summed weight, with the number of
    statements that use them. Columns: group, direction, term, statements, weight, about (`about`
    as for `by`: per side or speaker, the statements about the other side unless "all")."""
    cols = [group, "direction", "term", "statements", "weight", "about"]
    about = about or default_about(group)
    if evidence not in df.columns:
        return pd.DataFrame(columns=cols)
    rows = []
    for g, part in population(speech(df), about).groupby(group, sort=True):
        found: dict = {}
        for ev in part[evidence].fillna("").astype(str):
            seen = set()
            for m in EVIDENCE_TERM.finditer(ev):
                w = float(m.group("weight"))
                if not w:
                    continue
                key = (m.group("term").strip(), "cooperative" if w > 0 else "confrontational")
                stat = found.setdefault(key, [0, 0.0])
                stat[1] += w
                if key not in seen:
                    stat[0] += 1
                    seen.add(key)
        for direction in ("cooperative", "confrontational"):
            top = sorted(((t, c, w) for (t, d), (c, w) in found.items() if d == direction),
                         key=lambda x: (-abs(x[2]), x[0]))[:n]
            rows += [{group: g, "direction": direction, "term": t, "statements": c, "weight": round(w, 2),
                      "about": about} for t, c, w in top]
    return pd.DataFrame(rows, columns=cols)


def same_event_pairs(df: pd.DataFrame) -> list[tuple[str, str]]:
    """Documents with the same date in two languages: the same event reported twice."""
    docs = df.groupby("doc_id").agg(date=("date", "first"), lang=("lang", lambda s: s.mode().iat[0]))
    docs = docs[docs.date.astype(str).str.match(r"^\d{4}-\d{2}-\d{2}$")]
    pairs = []
    for date, part in docs.groupby("date"):
        en = part[part.lang == "en"].index.tolist()
        zh = part[part.lang == "zh"].index.tolist()
        if en and zh:
            pairs.append((en[0], zh[0]))
    return pairs


# -- corpora of turns --------------------------------------------------------------------------
def turns(df: pd.DataFrame, scorers: list[str] | None = None) -> pd.DataFrame:
    """One row per turn (the input row, `paragraph`): doc_id, row, lang (of most statements),
    speaker, date, statements, and per scorer the mean score, the share of confrontational and
    cooperative statements and `<scorer>_hostile` (at least one confrontational statement)."""
    scorers = scorers or scorers_in(df)
    data = df[df["text"].astype(str).str.strip() != ""]
    agg = {"lang": ("lang", lambda s: s.mode().iat[0]), "speaker": ("speaker", "first"),
           "date": ("date", "first"), "statements": ("text", "size")}
    data = data.assign(**{f"_{sc}_conf": data[f"{sc}_label"] == "confrontational" for sc in scorers},
                       **{f"_{sc}_coop": data[f"{sc}_label"] == "cooperative" for sc in scorers})
    for sc in scorers:
        agg[f"{sc}_score"] = (f"{sc}_score", "mean")
        agg[f"{sc}_share_confrontational"] = (f"_{sc}_conf", "mean")
        agg[f"{sc}_share_cooperative"] = (f"_{sc}_coop", "mean")
    out = data.groupby(["doc_id", "paragraph"], sort=True).agg(**agg).reset_index()
    out = out.rename(columns={"paragraph": "row"})
    for sc in scorers:
        out[f"{sc}_hostile"] = out[f"{sc}_share_confrontational"] > 0
        out[f"{sc}_friendly"] = out[f"{sc}_share_cooperative"] > 0
    return out


def _cluster_boot(values: np.ndarray, clusters: np.ndarray, n_boot: int, seed: int) -> tuple[float, float]:
    """95% interval of a mean by resampling whole clusters (ratio of resampled sums to counts)."""
    ok = ~np.isnan(values)
    values, clusters = values[ok], clusters[ok]
    if len(values) < 2:
        return (float(values[0]), float(values[0])) if len(values) else (np.nan, np.nan)
    codes, inv = np.unique(clusters, return_inverse=True)
    sums = np.bincount(inv, weights=values)
    counts = np.bincount(inv).astype(float)
    rng = np.random.default_rng(seed)
    w = rng.multinomial(len(codes), np.full(len(codes), 1 / len(codes)), size=n_boot)
    means = (w @ sums) / (w @ counts)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def rates(tr: pd.DataFrame, group: str, scorers: list[str] | None = None, cluster: str = "date",
          n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Per group (speaker, lang, or 'month'/'year' of the date) and scorer: turns, clusters, mean
    turn score and the shares of hostile and friendly turns, each with a cluster-bootstrap 95%
    interval (clusters: press conferences, i.e. dates, by default)."""
    scorers = scorers or [c[:-8] for c in tr.columns if c.endswith("_hostile")]
    data = tr
    if group in ("day", "month", "year"):
        data = tr.assign(**{group: period(tr["date"].astype(str), group)}).dropna(subset=[group])
    rows = []
    for sc in scorers:
        for g, part in data.groupby(group, sort=True):
            cl = part[cluster].astype(str).to_numpy()
            row = {group: g, "scorer": sc, "turns": len(part), "clusters": int(part[cluster].nunique())}
            for name, col in (("mean", f"{sc}_score"), ("share_hostile", f"{sc}_hostile"),
                              ("share_friendly", f"{sc}_friendly")):
                v = part[col].astype(float).to_numpy()
                lo, hi = _cluster_boot(v, cl, n_boot, seed)
                row.update({name: float(np.nanmean(v)) if len(v) else np.nan,
                            f"{name}_low": lo, f"{name}_high": hi})
            rows.append(row)
    return pd.DataFrame(rows)


def language_pairs(tr: pd.DataFrame) -> pd.DataFrame:
    """Turns of the same day in English and Chinese, aligned in order, for the days whose two pages
    have the same number of turns (a page that leaves an item out would shift every pair after it)."""
    out = []
    for date, part in tr[tr["date"].astype(str) != ""].groupby("date", sort=True):
        en = part[part["lang"] == "en"].sort_values("row")
        zh = part[part["lang"] == "zh"].sort_values("row")
        if len(en) and len(en) == len(zh):
            pair = pd.concat([en.reset_index(drop=True).add_prefix("en_"),
                              zh.reset_index(drop=True).add_prefix("zh_")], axis=1)
            pair.insert(0, "date", date)
            out.append(pair)
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=["date"])


def cross_language(tr: pd.DataFrame, scorers: list[str] | None = None, n_boot: int = 2000,
                   seed: int = 0) -> pd.DataFrame:
    """How well the English and Chinese versions of the same answers agree, per scorer: Spearman
    of the turn scores (with a bootstrap interval over days), agreement and kappa on hostile turns,
    and Spearman of the daily means over every day with both languages."""
    scorers = scorers or [c[:-8] for c in tr.columns if c.endswith("_hostile")]
    pairs = language_pairs(tr)
    days = tr[tr["date"].astype(str) != ""]
    rows = []
    for sc in scorers:
        row = {"scorer": sc, "pairs": len(pairs), "days": int(pairs["date"].nunique()) if len(pairs) else 0}
        if len(pairs) > 2:
            p = pairs.dropna(subset=[f"en_{sc}_score", f"zh_{sc}_score"])
            row["spearman"] = spearman(p[f"en_{sc}_score"], p[f"zh_{sc}_score"])
            rng = np.random.default_rng(seed)
            dates = p["date"].unique()
            idx = {d: np.flatnonzero(p["date"].to_numpy() == d) for d in dates}
            boots = []
            for _ in range(n_boot // 4):          # rank correlations are slower: 500 draws
                pick = np.concatenate([idx[d] for d in rng.choice(dates, len(dates))])
                boots.append(spearman(p[f"en_{sc}_score"].to_numpy()[pick], p[f"zh_{sc}_score"].to_numpy()[pick]))
            row["spearman_low"], row["spearman_high"] = (float(np.quantile(boots, 0.025)),
                                                         float(np.quantile(boots, 0.975)))
            a, b = p[f"en_{sc}_hostile"].astype(bool), p[f"zh_{sc}_hostile"].astype(bool)
            row["hostile_agreement"] = float((a == b).mean())
            row["hostile_kappa"] = cohen_kappa(a, b, [True, False])
            row["hostile_share_en"], row["hostile_share_zh"] = float(a.mean()), float(b.mean())
        daily = days.groupby(["date", "lang"])[f"{sc}_score"].mean().unstack()
        if {"en", "zh"} <= set(daily.columns):
            daily = daily.dropna(subset=["en", "zh"])
            row["daily_days"] = len(daily)
            row["daily_spearman"] = spearman(daily["en"], daily["zh"]) if len(daily) > 2 else np.nan
        rows.append(row)
    return pd.DataFrame(rows)
