"""A speech with no heading that opens with its salutation takes its author from the file's name, where
one part of the name is the alias of exactly one registered person; nothing else does."""
import pytest

from analysis.speakers.authors import author_from_file_name

PUDONG = "女士们，先生们，同志们：\n30年前，国际形势风云变幻，国内改革风起云涌。"   # Xi, Pudong, 2020-11-12


@pytest.mark.parametrize("doc_id, body, author", [
    ("xi_2020-11-12_pudong", PUDONG, "Xi Jinping"),
    ("speeches/Xi-Pudong-2020", PUDONG, "Xi Jinping"),
    ("biden_unga_2021", "Madam President, Mr. Secretary-General, my fellow delegates: It's an honor.", "Joe Biden"),
    ("pudong_2020", PUDONG, None),                                   # the name names no one
    ("xi_2020_news", "新华社上海11月12日电 浦东开发开放30周年庆祝大会12日上午举行。", None),  # no salutation
    ("xi_biden_2021", "Mr. President, thank you.", None),            # two people: which one is unknown
])
def test_author_from_file_name(doc_id, body, author):
    assert author_from_file_name(doc_id, body) == author
