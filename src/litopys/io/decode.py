"""Decode article bytes without crashing: UTF-8 (with or without BOM), UTF-16 by BOM,
else the Cyrillic single-byte encodings news archives still use (cp1251, koi8-r),
chosen by which one yields more ordinary Cyrillic letters."""

from __future__ import annotations

import re

COMMON_CYR = set("оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъёіїєґОЕАИНТСРВЛКМДПУЯ")


def _score(text: str) -> float:
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch in COMMON_CYR or ch.isascii())
    return good / len(text)


def looks_binary(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ""  # UTF-16 text: its bytes look binary, its decoding decides
    if b"\x00" in data[:4096]:
        return "NUL bytes"
    sample = data[:4096]
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and ctrl / len(sample) > 0.05:
        return "control characters"
    return ""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding); raises UnicodeDecodeError when nothing fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = max(("cp1251", "koi8-r"), key=lambda enc: _score(data.decode(enc, errors="replace")))
    text = data.decode(best, errors="strict")
    if _score(text) < 0.8:
        raise UnicodeDecodeError(best, data, 0, len(data), "no encoding fits")
    return text, best


CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean(text: str) -> str:
    """Control characters become spaces: offsets stay the same length."""
    return CONTROL_RE.sub(" ", text)
