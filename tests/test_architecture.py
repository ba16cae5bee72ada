"""The shape of the package, checked from its source: no import cycle between modules, no module,
class or function past its size limit without a written reason, and the scorer seam: a third scorer
added in one module reaches `tenor score`, the store, the report and the charts, and every scorer
keeps scikit-learn's estimator contract."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pandas as pd
import pytest
from sklearn.base import clone

from analysis import scorers
from analysis.scorers import registry as scorer_registry
from analysis.scorers.base import Scorer, texts_and_langs

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "analysis"
MODULE_LINES, CLASS_LINES, FUNCTION_LINES = 600, 300, 100


def _modules() -> dict[str, Path]:
    out = {}
    for p in PACKAGE.rglob("*.py"):
        parts = list(p.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _imports(path: Path, name: str, modules: dict) -> set[str]:
    """The analysis modules a module imports, anywhere in it (function-level imports count)."""
    is_pkg = path.name == "__init__.py"
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in modules else mod for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in modules:
                t = t.rpartition(".")[0]
            if t.startswith("analysis") and t != name:
                out.add(t)
    return out


def test_no_import_cycle_between_modules():
    modules = _modules()
    graph = {m: _imports(p, m, modules) for m, p in modules.items()}
    # a package imported for one of its modules runs its __init__: a dependency too, but an empty
    # __init__ adds nothing, so only the edges the source writes are followed
    index, low, stack, on, cycles, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def _reasoned(lines: list[str], node) -> bool:
    """A comment line right above the definition (or its decorators) gives the reason it is long."""
    first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    return first >= 2 and lines[first - 2].strip().startswith("#")


def test_size_limits():
    too_long = []
    for p in sorted(PACKAGE.rglob("*.py")):
        text = p.read_text("utf-8")
        lines = text.splitlines()
        rel = p.relative_to(ROOT)
        if len(lines) > MODULE_LINES:
            too_long.append(f"{rel}: module of {len(lines)} lines")
        for node in ast.walk(ast.parse(text)):
            size = (node.end_lineno or node.lineno) - node.lineno + 1 if hasattr(node, "end_lineno") else 0
            if isinstance(node, ast.ClassDef) and size > CLASS_LINES:
                too_long.append(f"{rel}:{node.lineno} class {node.name} of {size} lines")
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and size > FUNCTION_LINES \
                    and not _reasoned(lines, node):
                too_long.append(f"{rel}:{node.lineno} function {node.name} of {size} lines, no reason given")
    assert not too_long, "\n".join(too_long)


def test_every_module_says_its_job():
    missing = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
               if p.stat().st_size and not ast.get_docstring(ast.parse(p.read_text("utf-8")))]
    assert not missing, f"modules without a docstring: {missing}"


def test_no_private_name_crosses_a_stage():
    """`from analysis.<stage>... import _name` only inside the same stage package."""
    crossing = []
    for p in PACKAGE.rglob("*.py"):
        here = p.relative_to(PACKAGE).parts
        stage = here[0] if len(here) > 1 else here[0][:-3]
        for node in ast.walk(ast.parse(p.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis."):
                target = node.module.split(".")[1]
                for a in node.names:
                    if a.name.startswith("_") and target != stage:
                        crossing.append(f"{p.relative_to(ROOT)}: {node.module}.{a.name}")
    assert not crossing, crossing


# ------------------------------------------------------------------------------ the scorer seam
class ToyLengthScorer(Scorer):
    """A third scorer, whole in one class: longer statements score higher (a toy, for the seam)."""

    name = "toylength"
    extra_columns = ("chars",)
    method = "a toy length count"

    def __init__(self, scale: float = 200.0):
        self.scale = scale

    def fit(self, X=None, y=None, langs=None):
        self.scale_ = float(self.scale)
        return self

    def transform(self, X, langs=None) -> pd.DataFrame:
        if not hasattr(self, "scale_"):
            self.fit()
        texts, _ = texts_and_langs(X, langs)
        score = [min(1.0, len(t) / self.scale_) * 2 - 1 for t in texts]
        label = ["cooperative" if s > 0.3 else "confrontational" if s < -0.3 else "neutral" for s in score]
        return pd.DataFrame({"score": score, "label": label, "sentiment": [0.0] * len(texts),
                             "chars": [len(t) for t in texts]})


@pytest.fixture
def toy():
    scorer_registry.register(ToyLengthScorer)
    yield "toylength"
    scorer_registry._REGISTRY.pop("toylength", None)


def test_a_third_scorer_reaches_score_store_report_and_charts(toy, tmp_path):
    from analysis.cli import main
    from analysis.corpus import runner as corpus
    from analysis.corpus.store import Store
    from analysis.report import charts
    from analysis.report.documents import build

    assert toy in scorers.available()
    out = tmp_path / "s.csv"
    assert main(["score", str(ROOT / "seeds"), "--out", str(out), "--scorers", f"lexicon,{toy}"]) == 0
    df = pd.read_csv(out)
    assert {f"{toy}_score", f"{toy}_label", f"{toy}_sentiment", f"{toy}_chars"} <= set(df.columns)
    assert (df[f"{toy}_chars"] == df.text.str.len()).all()

    table = tmp_path / "t.csv"
    pd.DataFrame({"id": [1, 2], "text": ["We welcome cooperation.", "We firmly oppose sanctions."],
                  "speaker": ["Wang Yi", "Antony Blinken"], "date": ["2023-01-01", "2023-02-01"]}).to_csv(table, index=False)
    corpus.run(table, tmp_path / "store", scorers=["lexicon", toy], progress=False)
    stored = Store(tmp_path / "store").frame()
    assert f"{toy}_chars" in stored.columns and len(stored) == 2

    rep = build([str(ROOT / "seeds")], tmp_path / "rep", scorer_names=["lexicon", toy])
    assert rep["pdf"].exists()
    assert (tmp_path / "rep" / f"lexicon_vs_{toy}.png").exists()
    fig = charts.speakers(df)
    labels = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    assert toy in labels


@pytest.mark.parametrize("name", ["lexicon", "transformer"])
def test_every_scorer_clones_and_round_trips_its_params(name):
    cls = scorers.scorer_class(name)
    est = cls()
    params = est.get_params()
    twin = clone(est)
    assert type(twin) is cls and twin.get_params() == params
    assert not [a for a in vars(twin) if a.endswith("_") and not a.startswith("_")], "fitted state before fit"
    key = next(iter(params))
    twin.set_params(**{key: params[key]})
    assert twin.get_params() == params


def test_the_transformer_fits_in_a_pipeline():
    from sklearn.pipeline import Pipeline
    from analysis.config import GOLD
    rows = [json.loads(x) for x in open(GOLD, encoding="utf-8")]
    train = [r for r in rows if r["split"] == "train" and r["lang"] == "en"][:60]
    X = pd.DataFrame({"text": [r["text"] for r in train], "lang": ["en"] * len(train)})
    pipe = Pipeline([("transformer", scorers.scorer_class("transformer")(cache=False))])
    pipe.fit(X, [r["label"] for r in train])
    pred = pipe.predict(X)
    assert len(pred) == len(train) and set(pred) <= set(scorers.LABELS)


def test_a_registry_index_is_never_handed_to_another_registry():
    """Found by the lexicon split's review: the index was cached by id(registry), which a new
    registry can reuse once the old one is freed."""
    from analysis.speakers.names import registry_index
    from analysis.speakers.registry import Registry

    class Fake:
        def __init__(self, aliases):
            self.alias_index = aliases

    for k in range(50):
        a = Fake({f"Name{k}a"})
        assert registry_index(a).known == {f"Name{k}a"}
        del a                   # CPython hands the freed object's address (its id) to the next one
        b = Fake({f"Name{k}b"})
        assert registry_index(b).known == {f"Name{k}b"}
    assert "Xi Jinping" in registry_index(Registry.load()).known


def test_results_get_the_users_umask_not_0600(tmp_path):
    """A new user found the CSV and PDF written with mode 0600 (mkstemp's); files follow the umask."""
    import os
    from analysis.output import write_csv_atomic
    old = os.umask(0o022)
    try:
        p = write_csv_atomic(pd.DataFrame({"text": ["中方"]}), tmp_path / "a.csv", bom=True)
    finally:
        os.umask(old)
    assert oct(p.stat().st_mode & 0o777) == oct(0o644)
    assert p.read_bytes().startswith("\ufeff".encode("utf-8"))


def test_progress_bars_are_made_in_one_place():
    """Every progress bar comes from analysis.progress (tqdm.auto: one widget in a notebook, not a
    line of text per update); no other module imports tqdm itself."""
    found = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            mods = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [(name, m) for m in mods if m.split(".")[0] == "tqdm"]
    assert found == [("analysis.progress", "tqdm.auto")]
