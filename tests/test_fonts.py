"""Chinese renders in charts and report pages on a fresh machine: the CJK font comes from a PyPI
package (notojp-matplotlib, OFL) registered when Tenor draws; no placeholder text, no missing glyph."""
import warnings

import pandas as pd

from analysis.report import charts, fonts


def test_the_packaged_cjk_font_is_found_and_registered():
    assert fonts.packaged_font() is not None and fonts.packaged_font().exists()
    assert "Noto Sans CJK JP" in fonts.register()


def test_a_chart_with_chinese_renders_without_missing_glyphs(tmp_path):
    df = pd.DataFrame({"doc_id": ["d"] * 3, "statement_id": ["d:1", "d:2", "d:3"], "section": ["body"] * 3,
                       "speaker": ["习近平", "耿爽", "Joe Biden"], "side": ["CN", "CN", "US"],
                       "date": ["2024-01-01"] * 3, "lang": ["zh", "zh", "en"], "paragraph": [1, 2, 3],
                       "text": ["中美关系", "中方坚决反对", "We welcome it — “cooperation”."],
                       "lexicon_score": [0.5, -0.8, 0.6], "lexicon_label": ["cooperative", "confrontational",
                                                                             "cooperative"],
                       "lexicon_sentiment": [0.1, -0.2, 0.3]})
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        fig = charts.speakers(df)
        fig.savefig(tmp_path / "s.png")
        fig.savefig(tmp_path / "s.pdf")
