from analysis.extract.segment import split_sentences


def sents(t):
    return [t[a:b] for a, b in split_sentences(t)]


def test_english_abbreviations_do_not_end_sentences():
    t = ("WASHINGTON, Jan. 31 (Xinhua) -- U.S. President Donald Trump met Mr. Liu. "
         "He said the U.S. and China agreed. Mute B. Egede spoke at 4:30 p.m. on Monday.")
    assert sents(t) == ["WASHINGTON, Jan. 31 (Xinhua) -- U.S. President Donald Trump met Mr. Liu.",
                        "He said the U.S. and China agreed.",
                        "Mute B. Egede spoke at 4:30 p.m. on Monday."]


def test_a_run_of_initials_ends_a_sentence_only_before_a_starter():
    # ungdc odd line, GMB 2012: "Yahya A.J.J. Jammeh" was cut after the initials, so the name was lost
    assert sents("I read the statement of His Excellency Mr. Al Hadji Yahya A.J.J. Jammeh, the President. "
                 "The W.K. Kellogg Foundation met. It was held by A.B. The end.") == [
        "I read the statement of His Excellency Mr. Al Hadji Yahya A.J.J. Jammeh, the President.",
        "The W.K. Kellogg Foundation met.", "It was held by A.B.", "The end."]


def test_abbreviation_at_sentence_end_before_a_starter():
    assert sents("He met officials in Washington, D.C. The talks went well.") == [
        "He met officials in Washington, D.C.", "The talks went well."]


def test_quotes_stay_with_their_sentence():
    t = "“Two sides made progress”, he added. “I hope so,” he added. \"Yes!\" she said."
    assert sents(t) == ["“Two sides made progress”, he added.", "“I hope so,” he added.",
                        "\"Yes!\" she said."]


def test_chinese_simplified_and_traditional():
    assert sents("当前，中美关系处在关键阶段。我们“谈”的意愿在上升！对吗？好") == [
        "当前，中美关系处在关键阶段。", "我们“谈”的意愿在上升！", "对吗？", "好"]
    assert sents("習近平指出：「中美合則兩利。」雙方應相向而行。") == [
        "習近平指出：「中美合則兩利。」", "雙方應相向而行。"]


def test_sentences_tile_the_text():
    t = "A first one. A second one!  第三句。第四句"
    spans = split_sentences(t)
    covered = "".join(t[a:b] for a, b in spans)
    assert covered.replace(" ", "") == t.replace(" ", "")


def test_a_one_line_text_is_laid_out_as_the_line_by_line_path_would():
    """layout() takes a short cut for a text of one line (a table's turn); it must give the paragraphs
    the line-by-line path gives, for every line of the seeds and fixtures and for edge cases."""
    from pathlib import Path

    from analysis.ingest.layout import _layout_lines, _one_line
    root = Path(__file__).resolve().parents[1]
    lines = ["", " ", "---", "# Title", "Q: hi", "MR. PRICE: Hello.", "  indented Line", "Copyright 2020 Xinhua",
             "Statement by H.E. Mr. X, President of Y", "Xi Jinping, President of China", "2019年1月31日",
             "January 5, 2020", "foo\n", "foo\r\n", " x \u2028", "标题：abc", "Date: 2020", "**Bold**", "\tTabbed Heading",
             "\u2003Hi There", "同志们：", "General Assembly, 77th session", "www.example.com", "* a list item"]
    for f in sorted((root / "seeds").rglob("*.txt")) + sorted((root / "tests" / "fixtures").rglob("*.txt")):
        lines += f.read_text(encoding="utf-8", errors="replace").splitlines()

    def dump(paras):
        return [(p.text, list(p.offsets), p.front, p.label, p.label_end, p.item, p.opening) for p in paras]
    checked = 0
    for line in lines:
        if "\u3000" in line or len(line.splitlines()) != 1:
            continue
        for kind in (None, "speech", "news"):
            assert dump(_one_line(line)) == dump(_layout_lines(line, kind)), (line, kind)
        checked += 1
    assert checked > 1000


def test_a_photo_credit_ends_its_paragraph():
    # a Xinhua page as the fourth blind set's Xi text prints it (development): the caption's credit
    # ends its line's paragraph; the salutation below opens the speech
    from analysis.ingest.layout import layout
    paras = layout("中共中央总书记习近平发表重要讲话。新华社记者 鞠鹏 摄\n同志们，朋友们：\n今天，我们在这里隆重集会。\n")
    assert [p.text.strip() for p in paras][:2] == ["中共中央总书记习近平发表重要讲话。新华社记者 鞠鹏 摄", "同志们，朋友们："]


def test_a_long_speech_title_with_its_byline_is_a_heading():
    # a Xinhua page (found after the sixth set's print; a development fix): "习近平：在……时的讲话" of
    # 50 characters is the page's title, so the speech below it is his
    from analysis.ingest.layout import is_speech_heading
    assert is_speech_heading("习近平：在会见出席中国国际友好大会暨中国人民对外友好协会成立70周年纪念活动外方嘉宾时的讲话")
    assert not is_speech_heading("习近平：我们要推动构建人类命运共同体，维护世界和平")


def test_boundary_pattern_matches_what_the_alternation_matches():
    """BOUNDARY opens with one character class (for speed); it finds the same ends as the plain
    alternation it replaced, on random text over the characters either reads."""
    import random
    import re
    from analysis.extract.segment import BOUNDARY
    plain = re.compile(r"(?:[.!?]+|[。！？!?]+|…{1,2}|\.{3})[\"'”’」』）)\]》]*")
    rnd = random.Random(7)
    alphabet = ".!?。！？…\"'”’」』）)]》a 中\n"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        assert [m.span() for m in BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)], text
