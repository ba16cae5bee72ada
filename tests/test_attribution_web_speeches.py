"""UN General Debate speeches saved from web pages and PDFs, with the page's boilerplate above the text (a
ministry's breadcrumbs, a mission's letterhead, a news archive's headline and reporter, a metadata block, a
site's menu, a French heading, the UN's verbatim record): the lines above the speech name its speaker. The
speeches are short excerpts of odd records of ../shared's UN General Debate corpus (the development
partition, CC0); the headings are written in the styles pages print them with (a development harness of 24
styles, /work/devun4 in the session that built them). Each case fails without analysis.speakers.heading_block
or the layout and label changes made with it."""
from pathlib import Path

import pytest

from analysis.extract.build import document_statements
from analysis.ingest.discover import Meta
from analysis.ingest.layout import layout

WEB = Path(__file__).parent / "fixtures/attribution/web_speeches"
EXPECTED = [line.rstrip("\n").split("\t") for line in (WEB / "expected.tsv").open(encoding="utf-8")][1:]
TUR = ("I greet the Assembly respectfully, and I hope that its sixty-ninth session will provide favourable results "
       "for all countries, peoples and humankind.\n\nThe sixty-ninth session of the General Assembly is being held on "
       "the hundredth anniversary of the First World War, which broke out in 1914.\n")


def body(text, doc_id="speech"):
    return [r["speaker"] for r in document_statements(text, doc_id, Meta()) if r["section"] == "body"]


@pytest.mark.parametrize("doc,style,who,starts", [e[:4] for e in EXPECTED], ids=[e[1] for e in EXPECTED])
def test_the_lines_above_a_speech_name_its_speaker(doc, style, who, starts):
    # every sentence of the speech is its speaker's; the page's lines above it are no one's speech
    path = next(WEB.glob(doc + ".*"))
    rows = [r for r in document_statements(path.read_text(encoding="utf-8"), doc, Meta()) if r["section"] == "body"]
    first = next(k for k, r in enumerate(rows) if " ".join(starts.split()) in " ".join(r["text"].split()))
    assert {r["speaker"].casefold() for r in rows[first:]} == {who.casefold()}, style
    assert {r["speaker"] for r in rows[:first]} <= {"narrator"}, style


def test_a_readout_or_a_reporter_names_no_speaker():
    # a White House readout whose text says "us" late in a sentence is no speech; a reporter is no author
    readout = ("---\ntitle: \"Readout of President Biden’s Meeting with Prime Minister Petr Fiala of the Czech "
               "Republic\"\ndate: 2024-04-15\n---\n\nPresident Biden welcomed Czech Prime Minister Petr Fiala to the "
               "White House today. The leaders reaffirmed their iron-clad commitment to the NATO Alliance, which makes "
               "us all safer.\n")
    assert "Petr Fiala" not in body(readout)[:1]
    news = "WORLD\n\nBy Claire Dubois-Hart | September 24, 2006\n\n" + TUR
    assert set(body(news)) == {"narrator"}


def test_paragraphs_of_one_line_under_boilerplate_are_not_hard_wrapped():
    # a web page's short menu lines stop mid-sentence, its paragraphs are one long line each: its blank lines
    # end paragraphs (the news archive's page of the Nigerian speech, ungdc odd line)
    text = (WEB / "un_h04_stp_2006.txt").read_text(encoding="utf-8")
    paras = [p.text for p in layout(text)]
    assert paras[:3] == ["WORLD | UNITED NATIONS", "Full text: Sao Tome and Principe's president addresses the UN "
                         "General Assembly", "By Claire Dubois-Hart | September 24, 2006 | Updated 3:00 pm"]


def test_a_verbatim_record_names_the_delegate_at_the_rostrum():
    # the UN's verbatim record (A/59/PV.10): "Mr. X (Mauritania):" opens the delegate's turn
    text = ("United Nations A/59/PV.10\nGeneral Assembly\nFifty-ninth session\nOfficial Records\n\nAgenda item 8 "
            "(continued)\nGeneral debate\n\nAddress by Mr. Mohamed Vall OULD BELLAL, Minister for Foreign Affairs of "
            "Mauritania\n\nThe Acting President: The Assembly will now hear an address by the Minister for Foreign "
            "Affairs of Mauritania.\nMr. Mohamed Vall OULD BELLAL, Minister for Foreign Affairs of Mauritania, was "
            "escorted to the rostrum.\n\nMr. Mohamed Vall OULD BELLAL (Mauritania): I\nam pleased, Sir, to "
            "congratulate you and your friendly\ncountry, Gabon, on your well-deserved election to the\npresidency of "
            "the General Assembly at its fifty-ninth\nsession. We remain convinced that your great skills and\nrich "
            "experience guarantee the success of our work.\n")
    rows = [r for r in document_statements(text, "pv", Meta()) if r["section"] == "body"]
    turn = [r["speaker"] for r in rows if "remain convinced" in r["text"] or "am pleased" in r["text"]]
    assert turn and set(turn) == {"Mohamed Vall Ould Bellal"}


BLIND = Path(__file__).parent / "fixtures/attribution/blind_2026"
READ = [("twelfth", "ungdc_2013_cmr_mbonjo_biya"), ("twelfth", "ungdc_2006_fra_chirac"), ("twelfth", "AFG_72_2017"),
        ("thirteenth", "ungdc_2013_bfa_compaore"), ("thirteenth", "ungdc_1995_omn_bin_alawi"),
        ("thirteenth", "TON_57_2002"),
        # the fourteenth's: a newsletter's masthead ("Issue No. 3") is no name; a name before its post in
        # brackets ("Roza Otunbayeva (Minister for Foreign Affairs ...)"); a catalogue's "Goff, Phil (Hon)"
        ("fourteenth", "ungdc_2011_gab_bongo_ondimba"), ("fourteenth", "ungdc_1996_kgz_otunbayeva"),
        ("fourteenth", "ungdc_2003_nzl_goff")]


@pytest.mark.parametrize("name,doc", READ, ids=[d for _, d in READ])
def test_speeches_of_later_sets_read_after_their_second_print(name, doc):
    # each was wrong after both prints (development since): a statement delivered on behalf of a head of state
    # and quoted whole; a name in capitals ("JACQUES CHIRAC", "Blaise COMPAORÉ") in its usual case; the
    # corpus's "Mohammad Ashraf Ghani Ahmadzai" as the registry's Ashraf Ghani and "Prince" no part of a name;
    # a wire story's "Following is an excerpt from the address by X"
    folder = BLIND / name / "ungdc"
    gold = [line.rstrip("\n").split("\t") for line in (folder / "gold_speakers.tsv").open(encoding="utf-8")][1:]
    want = [g[3] for g in gold if g[0] == doc and g[2] == "body"]
    path = next((folder / "docs").glob(doc + ".*"))
    got = [r["speaker"] for r in document_statements(path.read_text(encoding="utf-8"), doc, Meta())
           if r["section"] == "body" or r["speaker"] != "narrator"]
    assert len(got) >= len(want) and got[-len(want):] == want
