"""Read a file's bytes and decode them: UTF-8 (with or without BOM), UTF-16 (with or without BOM),
GB18030/GBK and Big5. Binary files and empty files are reported, never decoded into garbage."""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.data import data_lines
from analysis.errors import TenorError, problem

MAGIC = {
    b"%PDF": "a PDF document: extract its text first (e.g. pdftotext)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx?): save it as text first",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an MS Office document: save it as text first",
}


@dataclass
class Decoded:
    text: str
    encoding: str
    problems: list


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset:
    return frozenset("".join(data_lines("common_hanzi.txt")))


def _cjk_score(text: str) -> float:
    """Share of the CJK ideographs in text that are frequent characters (0..1)."""
    common = _common_hanzi()
    han = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"]
    if not han:
        return 0.0
    return sum(c in common for c in han) / len(han)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    # CJK text in UTF-16 has few NULs: try both byte orders and keep one that reads as Chinese.
    if len(data) % 2 == 0 and (b"\n\x00" in data[:4096] or b"\x00\n" in data[:4096]):
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                t = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _cjk_score(t) > 0.5 or t[:200].isascii():
                return enc
    return None


# control bytes that text does not contain (tab, newline, form feed, carriage return, escape are fine)
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> str | None:
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            return what
    sample = data[:8192]
    if b"\x00" in sample:
        return "contains NUL bytes"
    ctrl = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if sample and ctrl / len(sample) > 0.05:
        return f"{ctrl} control bytes in the first {len(sample)}"
    return None


def decode_bytes(data: bytes, path="<bytes>") -> Decoded:
    """Decode bytes to text; raises TenorError (E101/E102/E103) when the bytes are not text."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise TenorError("E101", path)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _finish(data.decode(enc), enc, [], path)
            except UnicodeDecodeError as e:
                raise TenorError("E103", path, detail=f"{enc} BOM but bad bytes at {e.start}")
    enc16 = _utf16_without_bom(data)
    if enc16:
        try:
            return _finish(data.decode(enc16), enc16, [], path)
        except UnicodeDecodeError:
            pass
    what = _looks_binary(data)
    if what:
        raise TenorError("E102", path, detail=what)
    try:
        return _finish(data.decode("utf-8"), "utf-8", [], path)
    except UnicodeDecodeError as e:
        utf8_error = e
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_cjk_score(text), enc, text))
    if candidates:
        score, enc, text = max(candidates)
        if score >= 0.3:
            return _finish(text, enc, [], path)
    # Mostly UTF-8 with a few damaged bytes: keep the text, say where the damage is.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(3, len(text) // 100):
        return _finish(text, "utf-8", [problem(
            "W101", path, detail=f"{bad} bad byte(s), first at byte {utf8_error.start}")], path)
    raise TenorError("E103", path, detail=f"first bad byte at {utf8_error.start}")


def _finish(text: str, enc: str, problems: list, path) -> Decoded:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise TenorError("E101", path)
    return Decoded(text, enc, problems)


def read_text(path: Path) -> Decoded:
    path = Path(path)
    if not path.exists():
        raise TenorError("E104", path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise TenorError("E105", path, detail=e.strerror or str(e))
    return decode_bytes(data, path)
