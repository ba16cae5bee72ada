"""Coded problems and errors (in the manner of spaCy's E/W codes).

A *problem* is something wrong with one input: the run reports it, naming the file,
and goes on with the rest. An *error* (TenorError) stops the command.
"""
from __future__ import annotations

from dataclasses import dataclass

# code -> message template. E = the input could not be used; W = used, with a caveat.
CODES = {
    "E101": "empty file (no text)",
    "E102": "binary file, not text ({detail})",
    "E103": "could not decode: not UTF-8, UTF-16, GB18030/GBK or Big5 ({detail})",
    "E104": "file not found",
    "E105": "cannot read file ({detail})",
    "E106": "unsupported file type '{detail}': give .txt, .md, .csv, .tsv, .jsonl or .jsonl.gz",
    "E201": "manifest: {detail}",
    "E202": "manifest row {row}: file '{detail}' does not exist beside the manifest",
    "E203": "manifest row {row}: path '{detail}' leaves the manifest's folder",
    "E204": "speaker registry: {detail}",
    "E301": "table has no text column '{detail}' (columns: {columns})",
    "E302": "table row {row}: {detail}",
    "E303": "table has no column {detail} (columns: {columns})",
    "E401": "unknown scorer(s) {detail}",
    "E501": "model: {detail}",
    "E502": "model: {detail}",
    "E503": "transformer head: {detail}",
    "E504": "transformer head: {detail}",
    "E505": "training data: {detail}",
    "E506": "model weights: {detail}",
    "E507": "transformer encoders: {detail}",
    "E601": "store: {detail}",
    "E602": "store: {detail}",
    "E603": "corpus run: {detail}",
    "W601": "store: {detail}",
    "E701": "gold file: {detail}",
    "E702": "gold file line {row}: {detail}",
    "W101": "undecodable bytes replaced with U+FFFD ({detail})",
    "W106": "in a folder given as input, but not a document or table Tenor reads ('{detail}'); left out",
    "W107": "hidden files left out of this folder (names starting with '.'): {detail}",
    "W108": "statement {detail} has {chars:,} characters (no sentence end found, or a long table row); "
            "kept whole; its speaker is read from its first 3,000 characters and the transformer reads "
            "its start only (see transformer_reason)",
    "W201": "manifest row {row}: bad date '{detail}'; the date is taken from the text instead",
    "W202": "manifest row {row}: duplicate entry for '{detail}'; the first row is used",
    "W203": "manifest: no row for this file; metadata taken from the text",
    "W204": "manifest row {row}: unknown language '{detail}'; detected from the text instead",
    "W205": "manifest row {row}: unknown kind '{detail}'; expected one of {kinds}",
    "W302": "table row {row}: {detail}",
}


@dataclass(frozen=True)
class Problem:
    code: str
    path: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    def __str__(self) -> str:  # "E101 seeds/x.txt: empty file (no text)"
        return f"{self.code} {self.path}: {self.message}"


def problem(code: str, path, **fields) -> Problem:
    fields.setdefault("detail", "")
    return Problem(code, str(path), CODES[code].format(**fields))


class TenorError(Exception):
    """An error that stops a command; carries a code like E101."""

    def __init__(self, code: str, path, **fields):
        self.problem = problem(code, path, **fields)
        super().__init__(str(self.problem))
