"""The lexicon's data files read into entries (Entry), and the matches of entries found in a
statement (Match)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from analysis.config import LEXICON_DIR

ROLES = ("term", "intensifier", "negator", "negator_reassure", "negator_refuse", "negatable", "contrast",
         "mask")
CATEGORIES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
              "diplomatic_code", "")


@dataclass(frozen=True)
class Entry:
    pattern: str
    role: str
    weight: float
    category: str
    source: str
    note: str = ""
    file: str = ""


@dataclass(slots=True)
class Match:
    entry: Entry
    start: int          # character offsets in the statement
    end: int
    text: str
    weight: float = 0.0
    rules: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"term": self.entry.pattern, "text": self.text, "role": self.entry.role,
                "base_weight": self.entry.weight, "weight": round(self.weight, 3),
                "category": self.entry.category, "rules": list(self.rules), "source": self.entry.source}


def _lexicon_dir() -> Path:
    return LEXICON_DIR


def read_entries(path: Path) -> list[Entry]:
    """Entries of one lexicon file; raises ValueError naming the file and line on a bad row."""
    from analysis.data import tsv_rows
    out = []
    for lineno, row in tsv_rows(path.read_text("utf-8"))[1]:
        pattern = (row.get("pattern") or "").strip()
        role = (row.get("role") or "term").strip()
        if not pattern:
            continue
        if role not in ROLES:
            raise ValueError(f"{path}:{lineno}: unknown role {role!r}")
        category = (row.get("category") or "").strip()
        if category not in CATEGORIES:
            raise ValueError(f"{path}:{lineno}: unknown category {category!r}; expected one of {CATEGORIES}")
        w = (row.get("weight") or "").strip()
        try:
            weight = float(w) if w else (1.0 if role == "intensifier" else 0.0)
        except ValueError:
            raise ValueError(f"{path}:{lineno}: weight {w!r} is not a number") from None
        out.append(Entry(pattern, role, weight, category, (row.get("source") or "").strip(),
                         (row.get("note") or "").strip(), path.name))
    return out
