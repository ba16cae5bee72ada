"""Pages of the PDF reports: fonts, text pages, number formats, the versions page and date ranges."""
from __future__ import annotations

import datetime as dt
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from analysis import __version__  # noqa: E402
from analysis import compare
from analysis import scorers

PAGE = (8.27, 11.69)   # A4 portrait, inches


def fonts() -> None:
    """Fonts with Chinese characters (analysis.report.fonts) and the report's size."""
    from analysis.report.fonts import register
    register()
    plt.rcParams["font.size"] = 9


def text_page(pdf, title: str, blocks: list[tuple[str, str]]) -> None:
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
        lines = [ln for para in body.split("\n") for ln in (textwrap.wrap(para, width(para)) or [""]) + [None]]
        # a block runs on to the next page (a whole block moved on left most of a page empty); only
        # a heading that would stand with fewer than four of its lines under it starts a new page
        if y - 0.025 - 0.0165 * min(len(lines), 4) < 0.05 and y < 0.85:
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


def width(para: str) -> int:
    """Characters per line: Chinese characters are twice as wide as Latin letters."""
    wide = sum(ord(c) > 0x2E80 for c in para)
    return 100 if wide < 0.3 * max(1, len(para)) else 52


def fmt(x: float) -> str:
    return f"{x:+.2f}"


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


def date_range(dates) -> str:
    """'dates 2019-01-31 to 2024-03-05' over full dates; a date without its year ('--09-14', from
    "Sept. 14" in a wire story) is counted apart, not sorted in front of the years."""
    d = dates.astype(str)
    full = d[d.str.match(r"^\d{4}")]
    partial = int((d.str.startswith("--")).sum())
    text = f"dates {full.min()} to {full.max()}" if len(full) else "no dated statements"
    return text + (f" ({partial} statement{'s' if partial != 1 else ''} dated without a year)"
                   if partial else "")
