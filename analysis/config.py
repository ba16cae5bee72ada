"""Where Tenor's files are and what one run is asked to do: paths, the stance labels and RunConfig,
each decided here once."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"                     # data files that drive behaviour, each with a source header
GOLD = DATA / "gold" / "tenor_gold.jsonl"   # the stance gold corpus (docs/gold-datacard.md)
LEXICON_DIR = DATA / "lexicon"
TRANSFORMER_DIR = DATA / "transformer"       # the shipped transformer heads

# the three stance classes of the annotation guidelines, in their order
LABELS = ("cooperative", "neutral", "confrontational")


def cache_root() -> Path:
    """Scores, trained heads and ONNX files: $TENOR_CACHE, else ~/.cache/tenor."""
    root = os.environ.get("TENOR_CACHE")
    return Path(root) if root else Path.home() / ".cache" / "tenor"


def models_dir() -> Path:
    """Assembled encoder folders: $TENOR_CACHE/models, else $XDG_CACHE_HOME/tenor/models, else
    ~/.cache/tenor/models."""
    root = os.environ.get("TENOR_CACHE")
    if root:
        return Path(root).expanduser() / "models"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "tenor" / "models"


# the table column options and the names used when they are not given; a name the user gives
# must be in the table (E303), a default one may be missing
COLUMN_DEFAULTS = {"speaker_col": "speaker", "date_col": "date", "lang_col": "lang", "id_col": "id"}


@dataclass
class RunConfig:
    """One run of `tenor score` or `tenor report`, assembled once from the command line (or by a
    caller of the Python API): inputs, table columns, scorers and their parameters."""
    inputs: list = field(default_factory=list)
    scorers: list | None = None             # names; None = every registered scorer
    scorer_params: dict = field(default_factory=dict)    # {scorer name: {param: value}}
    strict: object = False                  # True, False, or the names whose failure stops the run
    registry: str | None = None             # a speaker registry file (--registry)
    text_col: str = "text"
    speaker_col: str = "speaker"
    date_col: str = "date"
    lang_col: str = "lang"
    id_col: str = "id"
    rows: str = "turns"
    required: list = field(default_factory=list)    # column names the user gave explicitly

    def table_options(self) -> dict:
        """The keyword arguments of analysis.statements() that read tables."""
        return {"text_col": self.text_col, "speaker_col": self.speaker_col, "date_col": self.date_col,
                "lang_col": self.lang_col, "id_col": self.id_col, "rows": self.rows,
                "required": self.required}
