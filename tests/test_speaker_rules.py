"""The attribution rule table (analysis.speakers.attributor.RULES) and the size limits of the speaker code."""
import ast
import inspect
from pathlib import Path

from analysis.speakers.attributor import CUE, PARAGRAPH, RULES, SENTENCE, Attributor

ROOT = Path(__file__).resolve().parents[1]

# the precedence of the cues: a reorder of the table is a change of behaviour and must show here
ORDER = ["front_matter", "transcript_label", "transcript_question", "transcript_opening", "transcript_turn", "first_person_document", "first_person_sentence",
         "editor_note",
         "en_embedded_speech", "en_quote_opened_by_cue", "en_cue_verbs", "en_participle_subject",
         "en_according_to", "zh_according_to", "zh_cue_verbs", "zh_author_addresses_press", "zh_author_voice",
         "paragraph_continuation", "speech_goes_on", "letter_text", "answer_goes_on", "quote_continues", "narrator"]


def test_the_rule_table_is_ordered():
    assert isinstance(RULES, tuple)                 # one fixed order, not a set or a dict
    assert [r.name for r in RULES] == ORDER
    scopes = [r.scope for r in RULES]
    first_sentence_rule = scopes.index(SENTENCE)
    assert set(scopes[:first_sentence_rule]) == {PARAGRAPH} and PARAGRAPH not in scopes[first_sentence_rule:]
    for lang in ("en", "zh"):                       # each language's cues are one block
        at = [i for i, r in enumerate(RULES) if r.scope == CUE and r.lang == lang]
        assert at == list(range(at[0], at[-1] + 1)), lang
    assert RULES[-1].scope == SENTENCE and RULES[-1].lang is None   # the last rule always decides


def test_every_rule_in_the_table_is_a_function_with_a_docstring():
    for rule in RULES:
        assert inspect.isfunction(rule.decide), rule.name
        assert (rule.decide.__doc__ or "").strip(), f"{rule.name}: {rule.decide.__qualname__} has no docstring"
        assert rule.scope in (PARAGRAPH, CUE, SENTENCE), rule.name
        assert rule.lang in (None, "en", "zh"), rule.name
        if rule.scope == PARAGRAPH:                 # what a paragraph decision establishes is named too
            assert inspect.isfunction(rule.record) and (rule.record.__doc__ or "").strip(), rule.name


def test_the_last_rule_gives_the_narrator(registry):
    att = Attributor(registry, "en")
    assert RULES[-1].decide(att.context("The weather was fine.")).speaker == "narrator"


def _speaker_sources():
    return sorted((ROOT / "analysis" / "speakers").glob("*.py")) + [ROOT / "analysis" / "ingest" / "layout.py"]


def test_speaker_modules_stay_small_and_say_what_they_are():
    # limits: a module 600 lines, a class 300, a function 100 unless a comment right above says why
    for path in _speaker_sources():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        assert len(lines) <= 600, path.name
        assert ast.get_docstring(tree), f"{path.name}: no module docstring"
        for node in ast.walk(tree):
            size = (node.end_lineno or node.lineno) - node.lineno + 1 if hasattr(node, "end_lineno") else 0
            if isinstance(node, ast.ClassDef):
                assert size <= 300, f"{path.name}: class {node.name} has {size} lines"
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and size > 100:
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                assert lines[first - 2].strip().startswith("#"), f"{path.name}: {node.name} has {size} lines"


def test_no_stage_imports_another_stages_private_names():
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        stage = path.relative_to(ROOT / "analysis").parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis."):
                other = node.module.split(".")[1]
                private = [a.name for a in node.names if a.name.startswith("_") and a.name != "__version__"]
                assert other == stage or not private, f"{path}: imports {private} from {node.module}"
