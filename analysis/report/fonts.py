"""Fonts for charts and reports: Chinese text must render on a fresh machine, so Tenor registers the
OFL-licensed Noto Sans CJK font that the PyPI package notojp-matplotlib ships (pan-CJK: Simplified and
Traditional characters), located without importing that package (whose import changes matplotlib's
settings), with no font-cache step and no system font needed."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PACKAGE = "notojp-matplotlib"
FONT_FILE = "notojp_matplotlib/fonts/NotoSansCJKjp-Regular.otf"
# fonts tried for Chinese, in order: the packaged one, then any a machine has
CJK_FONTS = ["Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC", "WenQuanYi Zen Hei", "AR PL UMing CN",
             "Droid Sans Fallback"]


@lru_cache(maxsize=None)
def packaged_font() -> Path | None:
    """The CJK font file the package ships, or None when the package is not installed."""
    from importlib import metadata
    try:
        path = Path(metadata.distribution(PACKAGE).locate_file(FONT_FILE))
    except metadata.PackageNotFoundError:
        return None
    return path if path.exists() else None


def register() -> list[str]:
    """Add the packaged CJK font to matplotlib (once) and make the font family DejaVu Sans with the
    CJK fonts as fallbacks (matplotlib >= 3.6 falls back glyph by glyph); returns the CJK families used."""
    import matplotlib.pyplot as plt
    from matplotlib import font_manager
    font = packaged_font()
    have = {f.name for f in font_manager.fontManager.ttflist}
    if font is not None and "Noto Sans CJK JP" not in have:
        font_manager.fontManager.addfont(str(font))
        have = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [f for f in CJK_FONTS if f in have]
    # a bold title falls back to the CJK font's regular weight (it has no bold): say nothing of it
    import logging
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    plt.rcParams["font.family"] = ["DejaVu Sans"] + cjk
    return cjk
