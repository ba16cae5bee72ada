from analysis.extract.segment import split_sentences


def sents(t):
    return [t[a:b] for a, b in split_sentences(t)]


def test_english_abbreviations_do_not_end_sentences():
    t = ("WASHINGTON, Jan. 31 (Xinhua) -- U.S. President Donald Trump met Mr. Liu. "
         "He said the U.S. and China agreed. Mute B. Egede spoke at 4:30 p.m. on Monday.")
    assert sents(t) == ["WASHINGTON, Jan. 31 (Xinhua) -- U.S. President Donald Trump met Mr. Liu.",
                        "He said the U.S. and China agreed.",
                        "Mute B. Egede spoke at 4:30 p.m. on Monday."]


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
