"""Attribution cases of the eighth session of 2026-12-07: UN speeches under headings of many styles, and
Chinese readouts (joint positions after a narrated act, foreign names given bare, spouses, letters sent by
bodies, recalled speeches, narrated answers). Each is a short excerpt of an odd record of ../shared (the
development partition; the headings of the UN speeches are written in styles users save them with) and
fails without its fix."""
from analysis.extract.build import document_statements
from analysis.ingest.discover import Meta


def rows(text, doc_id="t", **meta):
    return [(r["section"], r["speaker"]) for r in document_statements(text, doc_id, Meta(**meta))]


def body(text, doc_id="t", **meta):
    return [s for sec, s in rows(text, doc_id, **meta) if sec == "body"]


# ---------------------------------------------------------------- UN General Debate speeches, headed
CIV = ("I would first like to express my condolences to the Mexican Government and people after the earthquake.\n"
       "I wish to express the gratitude of the Ivorian people for the great mobilization of countries gathered "
       "here.\n")
SOM = ("It is an honour for me to be \nhere today, as this it is my first time addressing this \nesteemed and "
       "respected body, the General Assembly, \nas President of Somalia. First, let me congratulate the \n"
       "President of the General Assembly at its sixty-eighth \nsession. \n")


def test_a_heading_of_a_country_line_a_statement_line_and_a_place_and_date():
    # ungdc odd line, CIV 2017: "Côte d’Ivoire" is a heading line (an article before a capital is part of
    # the name), "New York, 25 September 2017" front matter; before, the heading was read as body and the
    # speech was the narrator's
    got = rows("Côte d’Ivoire\nStatement by Alassane Ouattara, President\nNew York, 25 September 2017\n\n" + CIV)
    assert got == [("front_matter", "narrator")] * 3 + [("body", "Alassane Ouattara")] * 2


def test_headings_made_of_parts_joined_by_dashes_or_bars():
    assert set(body("Somalia — Hassan Sheikh Mohamud — President — 2013\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}
    assert set(body("Somalia - Hassan Sheikh Mohamud, President - UNGA 68\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}
    assert set(body("General Debate 2013 | Somalia | Hassan Sheikh Mohamud, President\n\n" + SOM)) == \
        {"Hassan Sheikh Mohamud"}
    assert set(body("Hassan Sheikh Mohamud (Somalia) - President\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}


def test_headings_that_say_what_the_speech_is_before_its_speaker():
    assert set(body("## Statement of Somalia by Hassan Sheikh Mohamud, President\n\n" + SOM, "t.md")) == \
        {"Hassan Sheikh Mohamud"}
    # an office before the name and the state after it: "of Somalia" ends the name
    assert set(body("Address by President Hassan Sheikh Mohamud of Somalia to the General Assembly\n\n" + SOM)) == \
        {"Hassan Sheikh Mohamud"}
    assert set(body("President Hassan Sheikh Mohamud (Somalia) addresses the General Debate of the 68th session"
                    "\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}


def test_a_name_line_with_an_honorific_then_its_post_and_the_session():
    got = rows("H.E. Hassan Sheikh Mohamud\nPresident of Somalia\nGeneral Debate of the 68th Session, New York, 2013"
               "\n\n" + SOM)
    assert got[:3] == [("front_matter", "narrator")] * 3
    assert {s for sec, s in got if sec == "body"} == {"Hassan Sheikh Mohamud"}


def test_a_news_headline_with_parts_is_no_speech_heading():
    # two names, or a verb of news: not a speaker's heading
    text = ("Somalia — Hassan Sheikh Mohamud meets Antonio Guterres — 2013\n\n"
            "The President of Somalia met the Secretary-General in New York on Tuesday.\n")
    assert set(body(text)) == {"narrator"}
