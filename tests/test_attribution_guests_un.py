"""Attribution cases from the seventh session of 2026-12-07, each a short excerpt of a real document
from ../shared (an odd record: the development partition), each failing without its fix."""
from analysis.extract.build import document_statements
from analysis.ingest.discover import Meta


def body(text, doc_id="t", **meta):
    return [(r["speaker"], r["side"]) for r in document_statements(text, doc_id, Meta(**meta)) if r["section"] == "body"]


def test_guest_secretary_named_with_the_department_between_title_and_name():
    # White House briefing of 2021-04-08 (briefing turns, line 8579 on): "Secretary of Energy Jennifer
    # Granholm" in the title; the label "SECRETARY GRANHOLM" is her, at the host's podium (US). Before the
    # fix the department's words broke the title, and the label made a person called "Granholm", side other.
    text = ("Press Briefing by Press Secretary Jen Psaki and Secretary of Energy Jennifer Granholm, April 8, 2021\n\n"
            "MS. PSAKI:  Hi, everyone.  Okay.\n\n"
            "SECRETARY GRANHOLM:  Great.  Thank you so much, Jen.\n\n"
            "Q    Thank you, Secretary.\n\n"
            "SECRETARY GRANHOLM:  Yeah, you’ll — some of you may recall there was a bipartisan commission.\n")
    assert body(text) == [("Jen Psaki", "US"), ("Jen Psaki", "US"),
                          ("Jennifer Granholm", "US"), ("Jennifer Granholm", "US"),
                          ("narrator", "none"), ("Jennifer Granholm", "US")]


def test_white_house_podium_regulars_are_registered_under_their_full_names():
    # a COVID-19 Response Team briefing of 2021-12-07 (briefing turns, odd line 31995 on): labels give
    # surnames only; the registry now holds the officials most often at the podium (the corpus's most
    # frequent labels), so the turns are theirs under one name, on the US side
    text = ("Press Briefing by White House COVID-\u206019 Response Team and Public Health Official\n\n"
            "MR. ZIENTS:  Hi, everybody.  It’s Jeff Zients.\n\n"
            "DR. FAUCI:  Thank you very much, Dr. Walensky.\n\n"
            "MODERATOR:  All right.  We have time for a few questions today.\n\n"
            "Q    Hi, there.\n\n"
            "DR. WALENSKY:  Thank you.\n")
    got = body(text, date="2021-12-07")
    assert [g[0] for g in got] == ["Jeff Zients", "Jeff Zients", "Anthony Fauci", "Moderator", "Moderator",
                                   "narrator", "Rochelle Walensky"]
    assert {g[1] for g in got if g[0] not in ("Moderator", "narrator")} == {"US"}

