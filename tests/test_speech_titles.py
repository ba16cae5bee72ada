"""Speech titles as Xinhua prints them (titles from ../shared/corpora/xi_speeches_zh): the ones that name
a speech give its author, the ones that report one give none."""
import pytest

from analysis.speakers.authors import speech_author


@pytest.mark.parametrize("title, author", [
    ("习近平会见中越人民大联欢活动代表时的致辞", "Xi Jinping"),                 # 会见……时的致辞
    ("习近平在和平共处五项原则发表70周年纪念大会上的讲话", "Xi Jinping"),       # 发表 inside the event's name
    ("习近平：在会见出席中国国际友好大会暨中国人民对外友好协会成立70周年纪念活动外方嘉宾时的讲话", "Xi Jinping"),
    ("习近平：为实现党的二十大确定的目标任务而团结奋斗", "Xi Jinping"),         # a byline before the title
    ("习近平在中国共产党第二十次全国代表大会上发表重要讲话", None),              # a report of a speech
])
def test_speech_titles(title, author):
    assert speech_author([title]) == author


def test_a_title_with_its_main_title_and_byline_below():
    heading = ["守望相助共克疫情 携手同心推进合作——在金砖国家领导人第十二次会晤上的讲话", "（2020年11月17日，北京）",
               "中华人民共和国主席 习近平"]
    assert speech_author(heading) == "Xi Jinping"
    assert speech_author(heading[:1]) is None          # no byline: the title names no one
