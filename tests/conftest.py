from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def registry():
    from analysis.speakers.registry import Registry
    return Registry.load()


def speakers_of(text, **meta):
    """The (speaker, text) pairs of a document given as a string."""
    from analysis.ingest.discover import Meta
    from analysis.extract.build import document_statements
    rows = document_statements(text, "t", Meta(**meta))
    return [(r["speaker"], r["text"]) for r in rows]


def who(text, **meta):
    return [s for s, _ in speakers_of(text, **meta)]
