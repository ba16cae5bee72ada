import codecs

import pytest

from analysis.errors import TenorError
from analysis.ingest.decode import decode_bytes

ZH = "中美双方争取尽快达成经贸协议。习近平主席表示，双方应当相互尊重。\n"
ZH_T = "中美雙方爭取盡快達成經貿協議。習近平主席表示，雙方應當相互尊重。\n"
EN = "The two sides agreed to maintain close communication.\n"


@pytest.mark.parametrize("data, enc", [
    (EN.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ZH.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + ZH.encode("utf-16-le"), "utf-16"),
    (ZH.encode("utf-16-le"), "utf-16-le"),
    (ZH.encode("utf-16-be"), "utf-16-be"),
    (EN.encode("utf-16-le"), "utf-16-le"),
    (ZH.encode("gbk"), "gb18030"),
    (ZH.encode("gb18030"), "gb18030"),
    (ZH_T.encode("big5"), "big5"),
])
def test_encodings_decode_to_the_same_text(data, enc):
    d = decode_bytes(data, "x.txt")
    assert d.encoding == enc
    assert d.text in (ZH, ZH_T, EN)


def test_empty_file_is_reported():
    for data in (b"", b"  \n\n", codecs.BOM_UTF8):
        with pytest.raises(TenorError) as e:
            decode_bytes(data, "empty.txt")
        assert e.value.problem.code == "E101" and "empty.txt" in str(e.value)


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
    (b"abc\x00\x01\x02def" * 50, "NUL"),
])
def test_binary_file_is_reported(data, what):
    with pytest.raises(TenorError) as e:
        decode_bytes(data, "blob.txt")
    assert e.value.problem.code == "E102" and what in str(e.value)


def test_undecodable_bytes_are_reported():
    junk = bytes([0x81, 0xFF, 0xFE, 0x80, 0xC0, 0xC1]) * 200
    with pytest.raises(TenorError) as e:
        decode_bytes(b"Hello " + junk, "junk.txt")
    assert e.value.problem.code in ("E103", "E102") and "junk.txt" in str(e.value)


def test_a_few_bad_bytes_are_kept_and_named():
    data = ("The two sides agreed. " * 40).encode() + b"\xff" + b" More text."
    d = decode_bytes(data, "damaged.txt")
    assert "\ufffd" in d.text and d.problems and d.problems[0].code == "W101"
    assert "byte" in d.problems[0].message
