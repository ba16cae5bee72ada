"""The speaker registry (canonical names, aliases in English and Chinese, titles with years, side),
loaded from a data file: analysis/data/speakers.tsv by default, or any file of the same columns."""
# Each document extends it with the people its text introduces ("State Department spokesman Matthew
# Miller ... Miller said"): see analysis.speakers.state.DocState.
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from analysis.data import tsv_rows
from analysis.errors import TenorError

NARRATOR = "narrator"
BOTH = "both sides"
SIDES = ("CN", "US", "other", "none")


@dataclass
class Title:
    role: str
    start: int
    end: int | None

    def holds(self, year: int | None) -> bool:
        if year is None:
            return True
        return self.start <= year and (self.end is None or year <= self.end)


@dataclass
class Speaker:
    name: str
    side: str
    kind: str = "person"
    aliases: list = field(default_factory=list)
    titles: list = field(default_factory=list)

    def has_title(self, role: str, year: int | None) -> bool:
        return any(t.role == role and t.holds(year) for t in self.titles)

    @property
    def surnames(self) -> set:
        return {a for a in self.aliases if re.fullmatch(r"[A-Z][a-z'\-]+", a)}


def _parse_titles(cell: str) -> list[Title]:
    out = []
    for item in filter(None, (x.strip() for x in (cell or "").split("|"))):
        role, _, years = item.partition("@")
        a, _, b = years.partition("-")
        out.append(Title(role.strip().lower(), int(a) if a else 0, int(b) if b else None))
    return out


def _read_speakers(text: str, source: str) -> list[Speaker]:
    """The rows of a registry TSV (name, side, kind, aliases, titles); E204 names the first problem."""
    header, rows = tsv_rows(text)
    if not header:
        raise TenorError("E204", source, detail="no rows")
    if "name" not in header:
        raise TenorError("E204", source, detail="no 'name' column in the header line "
                         "(tab-separated columns: name, side, kind, aliases, titles)")
    speakers = []
    for n, row in rows:
        name = (row.get("name") or "").strip()
        side = (row.get("side") or "other").strip()
        if not name:
            raise TenorError("E204", source, detail=f"line {n}: empty name")
        if side not in SIDES:
            raise TenorError("E204", source, detail=f"line {n}: speaker {name!r} has unknown side {side!r} "
                             f"(use {', '.join(sorted(SIDES))})")
        try:
            titles = _parse_titles(row.get("titles", ""))
        except ValueError:
            raise TenorError("E204", source, detail=f"line {n}: bad titles {row.get('titles')!r} "
                             "(role@from-to, | separated)") from None
        speakers.append(Speaker(
            name=name, side=side, kind=(row.get("kind") or "person").strip(),
            aliases=[a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()],
            titles=titles))
    return speakers


class Registry:
    def __init__(self, speakers: list[Speaker], source: str = ""):
        self.speakers = {s.name: s for s in speakers}
        self.source = source
        self.alias_index: dict[str, list[str]] = {}
        for s in speakers:
            for a in [s.name] + s.aliases:
                self.alias_index.setdefault(a, [])
                if s.name not in self.alias_index[a]:
                    self.alias_index[a].append(s.name)
        self._roles = sorted({t.role for s in speakers for t in s.titles}, key=len, reverse=True)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Registry":
        if path is None:
            text = resources.files("analysis.data").joinpath("speakers.tsv").read_text("utf-8")
            source = "analysis/data/speakers.tsv"
        else:
            source = str(path)
            if not Path(path).is_file():
                raise TenorError("E104", path)
            try:
                text = Path(path).read_text("utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise TenorError("E105", path, detail=str(e)) from None
        return cls(_read_speakers(text, source), source)

    @property
    def roles(self) -> list[str]:
        return self._roles

    def roles_ending(self, word: str) -> list[str]:
        """The roles whose last word (after their last space) is `word`, in the order of roles (for
        speed: the roles a title phrase can end with)."""
        if not hasattr(self, "_by_last"):
            self._by_last: dict = {}
            for r in self._roles:
                self._by_last.setdefault(r.rsplit(" ", 1)[-1], []).append(r)
        return self._by_last.get(word, [])

    def holders(self, role: str) -> list[tuple[str, Speaker]]:
        """(name, speaker) of the registered speakers with a title of this role in any year, in the
        registry's order (for speed: the only ones whose has_title(role, year) can be true)."""
        if not hasattr(self, "_holders"):
            self._holders: dict = {}
            for name, sp in self.speakers.items():
                for r in dict.fromkeys(t.role for t in sp.titles):
                    self._holders.setdefault(r, []).append((name, sp))
        return self._holders.get(role, [])

    def with_surname(self, surname: str) -> list[str]:
        """The registered people whose name ends in this word ("Jha" -> ["Ashish Jha"]), any case: a
        transcript label's surname ("DR. JHA:") names one of them though the bare surname is no alias."""
        if not hasattr(self, "_surnames"):
            self._surnames: dict = {}
            for name, sp in self.speakers.items():
                if sp.kind == "person" and " " in name:
                    self._surnames.setdefault(name.rsplit(" ", 1)[-1].lower(), []).append(name)
        return self._surnames.get(surname.lower(), [])

    def side(self, name: str) -> str:
        if name in (NARRATOR, BOTH, "", None):
            return "none"
        s = self.speakers.get(name)
        return s.side if s else "other"

    def lookup(self, alias: str) -> list[str]:
        return self.alias_index.get(alias, [])

    def all_aliases(self) -> list[str]:
        return sorted(self.alias_index, key=len, reverse=True)
