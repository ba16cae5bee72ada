"""Every notebook runs top to bottom in a real Jupyter kernel; an error in any cell fails, and so does
a progress bar printed as text (it must be one widget)."""
import os
import re

import nbformat
import pytest
from conftest import ROOT

nbclient = pytest.importorskip("nbclient")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"
TEXT_BAR = re.compile(r"\d+%\|")        # tqdm's text bar: " 40%|####      | 24/60"


def kernel_env() -> dict:
    """The kernel imports this tree's analysis package: a notebook's folder is not the repository,
    so without this the kernel took whichever checkout the environment's editable install points at
    (another worktree's code, in a worktree)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def outputs(cell) -> list:
    """A cell's outputs (none for a markdown cell)."""
    return cell.get("outputs", []) if cell.cell_type == "code" else []


def text_bars(nb) -> list:
    """Progress bars printed as text (plain tqdm in a notebook: a line per update)."""
    return [o.text for c in nb.cells for o in outputs(c)
            if o.get("output_type") == "stream" and TEXT_BAR.search(o.get("text", ""))]


def widgets(cell) -> int:
    """How many widget views (a tqdm.auto bar in a kernel with ipywidgets) a cell's outputs hold."""
    return sum(WIDGET in o.get("data", {}) for o in outputs(cell))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=1200, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute(env=kernel_env())
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors
    assert not text_bars(nb)
    scored = [c for c in nb.cells if "corpus.run(" in c.source and "chunks_run_now" in
              "".join(o.get("text", "") for o in outputs(c))]
    assert all(widgets(c) == 1 for c in scored)    # notebook 04 scoring its sample: one bar


def test_progress_is_one_widget_bar_in_a_notebook(tmp_path):
    """A new user saw tqdm print about 90 lines in a notebook. In a real kernel, the corpus runner's
    bar and the chunked scoring's bar are each one ipywidgets view, and no text bar is printed."""
    rows = 60
    code = [f"""import os
os.environ['TENOR_CACHE'] = {str(tmp_path / 'cache')!r}
import pandas as pd
from analysis import checkpoint, statements
from analysis.corpus import runner
import analysis
print(analysis.__file__)
texts = [f'China and the United States agreed to expand cooperation on trade, said official {{k}}.' for k in range(2100)]
pd.DataFrame({{'id': range({rows}), 'text': texts[:{rows}], 'speaker': 'Wang Yi', 'date': '2020-01-01',
              'lang': 'en'}}).to_csv('turns.csv', index=False)
pd.DataFrame({{'id': range(2100), 'text': texts, 'lang': 'en'}}).to_csv('many.csv', index=False)""",
            "summary = runner.run('turns.csv', 'store', scorers=['lexicon'], chunk_rows=20)",
            "df = statements(['many.csv'], rows='statements').statements\n"
            "scored, _ = checkpoint.score(df, ['lexicon'])\nprint(len(scored))"]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in code])
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute(env=kernel_env())
    setup, run, score = nb.cells
    assert not [o for c in nb.cells for o in outputs(c) if o.get("output_type") == "error"]
    assert setup.outputs[0].text.strip() == str(ROOT / "analysis" / "__init__.py")    # this tree's code
    assert widgets(run) == 1 and widgets(score) == 1
    assert not text_bars(nb)
    assert "2100" in score.outputs[-1].text


def test_notebooks_are_thin():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "def " not in code and "lambda" not in code and "class " not in code, path.name
        assert sum(c.cell_type == "markdown" for c in nb.cells) >= 4, path.name
