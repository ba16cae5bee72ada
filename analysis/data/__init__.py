"""Data files that drive Tenor's behaviour (lexicons, speakers, cues), each with a source and licence
header, and the one reader of their tab-separated layout."""


def data_lines(name: str) -> list[str]:
    """The lines of a packaged list file (analysis/data/NAME), without its '#' header and blank lines."""
    from importlib import resources
    raw = resources.files("analysis.data").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


def tsv_rows(text: str) -> tuple[list[str], list[tuple[int, dict]]]:
    """(header, [(line number, {column: cell})]) of a data file: '#' comment lines and blank lines
    are skipped, the first other line is the header, and line numbers count every line of the file
    so errors can name them."""
    body = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1) if ln.strip() and not ln.startswith("#")]
    if not body:
        return [], []
    header = body[0][1].split("\t")
    return header, [(n, dict(zip(header, ln.split("\t")))) for n, ln in body[1:]]
