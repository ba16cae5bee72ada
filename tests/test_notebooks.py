"""Every notebook runs top to bottom in a real Jupyter kernel; an error in any cell fails."""
import os

import nbformat
import pytest
from conftest import ROOT

nbclient = pytest.importorskip("nbclient")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def kernel_env() -> dict:
    """The kernel imports this tree's analysis package: a notebook's folder is not the repository,
    so without this the kernel took whichever checkout the environment's editable install points at
    (another worktree's code, in a worktree)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=1200, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute(env=kernel_env())
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors


def test_notebooks_are_thin():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "def " not in code and "lambda" not in code and "class " not in code, path.name
        assert sum(c.cell_type == "markdown" for c in nb.cells) >= 4, path.name
