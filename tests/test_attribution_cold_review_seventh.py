"""Counter-examples a cold review of the seventh session's attribution changes built (written in the
style of the sources; tests/fixtures/attribution/cold_review/): each went wrong on 8e90100 and is right
after the fixes (most as on 518eb93, before the changes)."""
from pathlib import Path

from analysis.extract.build import document_statements
from analysis.ingest.discover import Meta
from analysis.ingest.layout import layout

DOCS = Path(__file__).parent / "fixtures/attribution/cold_review"


def rows(name):
    return [r for r in document_statements((DOCS / f"{name}.txt").read_text(encoding="utf-8"), "doc_id", Meta())
            if r["section"] == "body"]


def speaker_of(name, start):
    return next(r["speaker"] for r in rows(name) if start in r["text"])


def test_reading_or_quoting_another_statement_is_no_statement_read_on_their_behalf():
    # "We have read the message from President Putin, which ..." answers it; a quote in a news story neither
    assert speaker_of("t7", "It is full of lies.") == "Dmytro Kuleba"
    assert speaker_of("t9", "Mao urged") == "Mao Ning"
    assert speaker_of("t9", "The Philippine embassy") != "Ferdinand Marcos"


def test_a_news_story_quoting_a_salutation_is_no_speech():
    # (its account of Lula's words stays Lula's reported speech; what the agency says next is narration)
    assert speaker_of("t8", "Biden is scheduled") == "narrator"
    assert speaker_of("t8", "The debate runs") == "narrator"


def test_a_states_letters_end_a_sentence_before_a_name():
    assert speaker_of("t11", "President Yoon welcomed") == "Yoon Suk Yeol"


def test_a_group_is_no_speaker_and_a_name_keeps_its_particles():
    assert speaker_of("t4", "I have the honour") == "Olof Skoog"
    assert speaker_of("t13", "I am honoured") == "Alexander Van der Bellen"


def test_the_other_side_recounted_by_the_chinese_speaker_stays_the_speakers():
    assert speaker_of("z8", "缅方多次表示") == "Xi Jinping"
    assert speaker_of("z8", "中方愿同缅方") == "Xi Jinping"


def test_praise_received_is_no_speech_of_the_praised():
    assert speaker_of("z14", "拜登的讲话受到") == "narrator"


def test_chinas_offices_before_a_de_keep_their_side():
    assert {r["side"] for r in rows("z1") if r["text"].startswith(("会议强调", "会议指出"))} == {"CN"}
    assert next(r["side"] for r in rows("z18") if r["speaker"] == "刘鹏宇") == "CN"


def test_a_name_opening_with_he_is_no_pair():
    assert speaker_of("z6", "和田浩表示") == "和田浩"


def test_an_outlet_named_first_is_a_reporters_label():
    paras = layout((DOCS / "z17.txt").read_text(encoding="utf-8"))
    assert "第一财经记者" in [p.label for p in paras]
