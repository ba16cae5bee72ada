"""Misreadings a cold review of the attribution work found, each from a short realistic input."""
from pathlib import Path

import pytest

from analysis import statements


def who(tmp_path, text, name="doc.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    d = statements([str(p)]).statements
    return d[d.section == "body"].set_index("text").speaker.to_dict()


def test_a_headline_naming_people_is_no_author_of_a_news_story(tmp_path):
    got = who(tmp_path, "Wang Yi, Blinken hold talks as Chinese minister warns on Taiwan\n\n"
                        "MUNICH, Feb 17 (Reuters) - China's foreign minister met U.S. Secretary of State Antony "
                        "Blinken on Saturday.\n\nBlinken said the United States would continue to stand by its allies.\n")
    assert got["Blinken said the United States would continue to stand by its allies."] == "Antony Blinken"


def test_a_speech_title_over_a_news_report_is_an_account(tmp_path):
    got = who(tmp_path, "王毅在慕尼黑安全会议上发表主旨讲话\n\n新华社慕尼黑2月17日电 美国国务卿布林肯在会上发言称，美方将继续支持盟友。\n")
    assert "Wang Yi" not in got.values()


def test_mixed_case_spokesperson_labels_and_outlets(tmp_path):
    got = who(tmp_path, "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on May 10, 2023\n\n"
                        "CCTV: What is China's response?\n\nWang Wenbin: China firmly opposes the illegal sanctions.\n\n"
                        "Reuters: Will Foreign Minister Qin Gang meet Secretary Blinken?\n\n"
                        "Wang Wenbin: I have nothing to release at the moment.\n")
    assert got["What is China's response?"] == "narrator"
    assert got["China firmly opposes the illegal sanctions."] == "Wang Wenbin"
    assert got["I have nothing to release at the moment."] == "Wang Wenbin"


def test_outlet_lines_alone_make_no_transcript(tmp_path):
    got = who(tmp_path, "Related News: China vows countermeasures\n\nFox News: Lawmakers urge tougher curbs\n\n"
                        "Senator Marco Rubio said the curbs were overdue.\n")
    assert got["Senator Marco Rubio said the curbs were overdue."] != "narrator"


def test_roman_numerals_and_datelines_are_no_speakers(tmp_path):
    got = who(tmp_path, "III.  Security\n\nThe United States expressed concern about Chinese military drills.\n\n"
                        "VII.  Next steps\n\nThe two sides will meet again in the spring.\n")
    assert "Iii" not in got.values() and "Vii" not in got.values()


def test_a_dash_rule_with_prose_between_is_no_yaml_block(tmp_path):
    got = who(tmp_path, "---\nWang Yi said China firmly opposes the move.\n---\n\nMore text follows here.\n",
              name="note.md")
    assert got.get("Wang Yi said China firmly opposes the move.") == "Wang Yi"


def test_a_notes_sections_are_one_document(tmp_path):
    p = tmp_path / "note.md"
    p.write_text("# Readout\n\nSecretary Blinken met Wang Yi.\n\n### Taiwan\n\nBlinken stressed the importance of "
                 "peace across the Strait.\n\n### Trade\n\nHe raised concerns about unfair trade practices.\n",
                 encoding="utf-8")
    d = statements([str(p)]).statements
    assert d.doc_id.nunique() == 1


def test_the_other_side_quoted_to_be_answered_stays_the_officials(tmp_path):
    got = who(tmp_path, "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on May 10, 2023\n\n"
                        "Q: Your comment?\n\nA: Secretary Blinken claimed that China is the biggest threat to the "
                        "international order, which is totally groundless.\n")
    assert got["Secretary Blinken claimed that China is the biggest threat to the international order, "
               "which is totally groundless."] == "Wang Wenbin"


def test_an_english_first_paragraph_does_not_continue_a_speech(tmp_path):
    got = who(tmp_path, "Secretary of State Antony Blinken said the talks were candid.\n\n"
                        "First, the meeting was delayed by two hours because of a motorcade mix-up.\n")
    assert got["First, the meeting was delayed by two hours because of a motorcade mix-up."] == "narrator"


def test_report_scores_tenor_output_made_without_scorers(tmp_path):
    from analysis.cli import main
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    out = tmp_path / "none.csv"
    assert main(["score", str(seeds / "001_85882ca6d0618557.txt"), "--scorers", "none", "--out", str(out)]) == 0
    assert main(["report", str(out), "--out", str(tmp_path / "rep")]) == 0
    assert (tmp_path / "rep" / "report.pdf").exists()


@pytest.mark.parametrize("text,want", [("中国海军在印度洋护航。", "CN"), ("台湾是中国领土不可分割的一部分。", "CN"),
                                       ("中非合作论坛成果丰硕。", "none"), ("朝鲜族群众欢度节日。", "none")])
def test_target_reads_place_names_inside_words(text, want):
    from analysis.extract.target import target
    from analysis.speakers.registry import Registry
    assert target(text, "CN", Registry.load()) == want


def test_target_chinese_side_words_are_all_hanzi():
    # sides_mentioned looks for ZH_SIDES only in text where CJK finds a character (speed): a word with
    # another character would be missed in text without hanzi
    from analysis.extract.target import CJK, ZH_SIDES
    assert all(CJK.fullmatch(c) for words in ZH_SIDES.values() for w in words for c in w)
