"""A short cut for speed: a document that is one English sentence with no cue any rule reads (no verb
of saying or narration, no participle, no "which", no quotation mark, not all in brackets) is the
narrator's, and `lone_narrated` tells so without building an Attributor and running RULES.

Why it gives what RULES give: in a fresh document state (no author, no kind, no title, no turn, no
previous paragraph or sentence) and a paragraph that is not front matter, has no transcript label and
is no transcript opening, every paragraph rule returns None (transcript_question needs a transcript's
unlabelled question, Paragraph.asks, which a lone paragraph never is); of the sentence rules,
first_person_sentence needs a first-person kind and an author, editor_note needs
the sentence all in brackets (PARENTHETICAL), the English cue rules each need one of: a quotation
(mask_quotes' marks), "which" (embedded speech), a speech or narration cue (cue_verbs' events) or a
participle cue, all read in the same masked text as rules_en.reading; the Chinese cue rules are not
tried on a sentence read as English; the continuation rules need a previous speaker, letter_text a
letter narrated earlier in the document; so `narrator`
decides: (narrator, "none"). The guard below (the names of RULES as they were when this was written)
turns the short cut off when the table of rules changes, until this reasoning is checked again;
tests/test_speakers_lone.py checks the answers against the rules on real sentences.
"""
from __future__ import annotations

from analysis.extract.lang import detect
from analysis.speakers.attributor import ATTRIBUTION_WINDOW, PARENTHETICAL, RULES
from analysis.speakers.common import QUOTE_PAIRS
from analysis.speakers.cues import load_cues
from analysis.speakers.rules_en import GENERATION_COMMA, WHICH

# the rules this short cut was reasoned for, in their order
REASONED_FOR = ("front_matter", "transcript_label", "transcript_question", "transcript_opening", "transcript_turn",
                "first_person_document", "first_person_sentence", "editor_note", "en_embedded_speech",
                "en_quote_opened_by_cue",
                "en_cue_verbs", "en_participle_subject", "en_according_to", "zh_according_to", "zh_cue_verbs",
                "zh_author_addresses_press", "zh_author_voice", "paragraph_continuation", "speech_goes_on",
                "letter_text", "answer_goes_on", "quote_continues", "narrator")
ACTIVE = tuple(r.name for r in RULES) == REASONED_FOR
QUOTE_MARKS = tuple(o for o, _ in QUOTE_PAIRS) + ('"',)     # what opens a quotation for mask_quotes


def lone_narrated(text: str, doc_lang: str) -> bool:
    """True when RULES would give the narrator with cue "none" to `text`, the one sentence of a
    document in a fresh state (see the module's docstring for what the caller must have checked:
    no author, kind, title or manifest; a plain paragraph). False means: run the rules."""
    if not ACTIVE or len(text) > ATTRIBUTION_WINDOW or any(q in text for q in QUOTE_MARKS):
        return False
    if PARENTHETICAL.fullmatch(text) or detect(text, default=doc_lang) == "zh":
        return False
    masked = GENERATION_COMMA.sub(r" \1", text)
    return not WHICH.search(masked) and not load_cues().regex("en", "speech", "narration", "participle").search(masked)
