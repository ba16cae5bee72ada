"""The lexicon scorer keeps scikit-learn's estimator contract (analysis.scorers.base): parameters
stored unchanged, fitted state only from fit, clone and Pipeline work."""
import json

import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from analysis.config import LEXICON_DIR
from analysis.scorers.lexicon.scorer import LexiconScorer

EN = """pattern\trole\tweight\tcategory\tsource\tnote
oppos*\tterm\t-4\tverbal_conflict\ttest\t
cooperat*\tterm\t3\tverbal_cooperation\ttest\t
not\tnegator\t\t\ttest\t
"""
ZH = """pattern\trole\tweight\tcategory\tsource\tnote
反对\tterm\t-4\tverbal_conflict\ttest\t
合作\tterm\t3\tverbal_cooperation\ttest\t
"""
TEXTS = ["We oppose it.", "We cooperate.", "They met."] * 10
LABELS = ["confrontational", "cooperative", "neutral"] * 10


@pytest.fixture
def lexicon_dir(tmp_path):
    (tmp_path / "en_test.tsv").write_text(EN, "utf-8")
    (tmp_path / "zh_test.tsv").write_text(ZH, "utf-8")
    return str(tmp_path)


def fitted_attributes(est) -> list:
    return sorted(k for k in vars(est) if k.endswith("_") and not k.startswith("__"))


def test_fitted_attributes_only_from_fit(lexicon_dir):
    s = LexiconScorer(lexicon_dir=lexicon_dir)
    assert fitted_attributes(s) == []
    with pytest.raises(NotFittedError):
        check_is_fitted(s)
    assert s.fit() is s
    assert fitted_attributes(s) == ["band_", "bias_", "lexicons_"]
    check_is_fitted(s)
    s.fit(TEXTS, LABELS)
    assert fitted_attributes(s) == ["band_", "bias_", "fit_report_", "lexicons_"]
    s.fit()                                   # a fit without labels leaves no report of an older one
    assert fitted_attributes(s) == ["band_", "bias_", "lexicons_"]


def test_fit_without_labels_takes_band_and_bias_from_the_parameters(lexicon_dir):
    s = LexiconScorer(band=0.3, bias=-0.5, lexicon_dir=lexicon_dir).fit()
    assert s.band_ == {"en": 0.3, "zh": 0.3} and s.bias_ == {"en": -0.5, "zh": -0.5}
    s = LexiconScorer(band={"en": 0.1, "zh": 0.6}, bias={"zh": 1.0, "en": 0.0}, lexicon_dir=lexicon_dir).fit()
    assert s.band_ == {"en": 0.1, "zh": 0.6} and s.bias_ == {"en": 0.0, "zh": 1.0}
    with pytest.raises(ValueError, match="band has no value for zh"):
        LexiconScorer(band={"en": 0.1}, lexicon_dir=lexicon_dir).fit()


def test_labelled_fit_searches_only_languages_with_enough_statements(lexicon_dir):
    s = LexiconScorer(band={"en": 0.1, "zh": 0.6}, bias=0.5, lexicon_dir=lexicon_dir).fit(TEXTS, LABELS)
    assert set(s.fit_report_) == {"en"} and s.fit_report_["en"]["macro_f1"] == 1.0
    assert (s.band_["zh"], s.bias_["zh"]) == (0.6, 0.5)       # too few zh statements: the parameters'
    assert s.predict(TEXTS[:3]) == LABELS[:3]


def test_transform_fits_an_unfitted_scorer_first(lexicon_dir):
    s = LexiconScorer(lexicon_dir=lexicon_dir)
    out = s.transform(["We oppose it.", "中方反对。"], ["en", "zh"])
    assert out.raw.tolist() == [-8.0, -8.0]                       # the lead term counts twice
    assert fitted_attributes(s) == ["band_", "bias_", "lexicons_"]


def test_get_params_set_params_round_trip(lexicon_dir):
    params = {"alpha": 10.0, "band": {"en": 0.2, "zh": 0.4}, "bias": -0.5, "contrast_after": 2.0,
              "contrast_before": 0.25, "first_weight": 1.0, "lexicon_dir": lexicon_dir}
    s = LexiconScorer(**params)
    got = s.get_params()
    assert {k: got[k] for k in params} == params
    assert all(got[k] is v for k, v in params.items())          # stored unchanged, not copied
    t = LexiconScorer().set_params(**got)
    assert t.get_params() == got
    assert fitted_attributes(t) == []


def test_clone(lexicon_dir):
    s = LexiconScorer(band={"en": 0.2, "zh": 0.4}, lexicon_dir=lexicon_dir).fit(TEXTS, LABELS)
    c = clone(s)
    assert type(c) is LexiconScorer and c.get_params() == s.get_params()
    assert c.band is not s.band                                  # a deep copy of the parameters
    assert fitted_attributes(c) == []
    assert clone(LexiconScorer()).get_params() == LexiconScorer().get_params()
    ready = LexiconScorer.ready()
    assert clone(ready).get_params() == ready.get_params()


def test_pipeline_fit_and_predict(lexicon_dir):
    pipe = Pipeline([("lex", LexiconScorer(lexicon_dir=lexicon_dir))])
    assert pipe.fit(TEXTS, LABELS).predict(TEXTS) == LABELS
    assert pipe.named_steps["lex"].fit_report_["en"]["macro_f1"] == 1.0
    # a DataFrame with text and lang columns
    X = pd.DataFrame({"text": TEXTS + ["中方反对。", "双方合作。"] * 10,
                      "lang": ["en"] * len(TEXTS) + ["zh"] * 20})
    y = LABELS + ["confrontational", "cooperative"] * 10
    pipe = Pipeline([("lex", LexiconScorer(lexicon_dir=lexicon_dir))]).fit(X, y)
    assert pipe.predict(X) == y
    assert set(pipe.named_steps["lex"].fit_report_) == {"en", "zh"}


def test_pipeline_with_shipped_lexicon():
    pipe = Pipeline([("lex", LexiconScorer())]).fit(
        ["We strongly oppose the sanctions.", "We welcome win-win cooperation.", "They met."] * 10,
        ["confrontational", "cooperative", "neutral"] * 10)
    assert pipe.predict(["We firmly oppose interference."]) == ["confrontational"]


def test_ready_is_the_shipped_params():
    fitted = json.loads((LEXICON_DIR / "params.json").read_text("utf-8"))["fitted"]
    s = LexiconScorer.ready()
    p = s.get_params()
    assert p["band"] == fitted["band"] and p["bias"] == fitted["bias"]
    assert {k: p[k] for k in ("alpha", "contrast_after", "contrast_before", "first_weight")} == \
        {k: fitted[k] for k in ("alpha", "contrast_after", "contrast_before", "first_weight")}
    assert s.band_ == fitted["band"] and s.bias_ == fitted["bias"]
    assert s.get_fitted() == fitted
    assert LexiconScorer.ready(alpha=20.0, band=None).get_params()["alpha"] == 20.0   # None: the shipped value


REGISTRY = """name\tside\tkind\taliases\ttitles
Cooperativo\tother\tperson\tCooperativo|合作社长\t
"""


def test_registry_decides_the_names_masked(lexicon_dir, tmp_path):
    from analysis.errors import TenorError
    path = tmp_path / "speakers.tsv"
    path.write_text(REGISTRY, "utf-8")
    texts, langs = ["We met Cooperativo.", "合作社长发言。", "We cooperate."], ["en", "zh", "en"]
    shipped = LexiconScorer(lexicon_dir=lexicon_dir).transform(texts, langs)
    assert shipped.raw.tolist() == [6.0, 6.0, 6.0]                # cooperat*, 合作 (lead term x2)
    custom = LexiconScorer(lexicon_dir=lexicon_dir, registry=str(path))
    assert custom.transform(texts, langs).raw.tolist() == [0.0, 0.0, 6.0]   # the registry's names masked
    assert custom.score_one("We met Cooperativo.").raw == 0.0
    assert clone(custom).get_params()["registry"] == str(path)
    # the default stays the shipped registry, whatever was loaded before
    again = LexiconScorer(lexicon_dir=lexicon_dir, registry=None).transform(texts, langs)
    pd.testing.assert_frame_equal(again, shipped)
    with pytest.raises(TenorError):
        LexiconScorer(lexicon_dir=lexicon_dir, registry=str(tmp_path / "missing.tsv")).fit()
