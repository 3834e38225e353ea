"""Plain-text articles: optional ` date YYYY-MM-DD` header on the first line, date from
--date or the file name otherwise. Offsets in every record refer to the decoded text of
the whole file, header included."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from litopys.errors import InputError, warning
from litopys.io.decode import clean, decode, looks_binary
from litopys.io.detect import detect_language
from litopys.model import Document

HEADER_RE = re.compile(r"^\ufeff?\s*date\s+(\S+)\s*")
NAME_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
NAME_LANG_RE = re.compile(r"\.(uk|ru|en)\.[A-Za-z0-9]+$")
MAX_CHARS = 2_000_000


def parse_date(s: str) -> date | None:
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def from_text(text: str, name: str, published: date | None = None, lang: str | None = None,
              url: str = "", title: str = "", source: str = "", max_chars: int = MAX_CHARS) -> Document:
    if not text.strip():
        raise InputError("E020", path=name)
    if len(text) > max_chars:
        raise InputError("E024", path=name, detail=len(text))
    text = clean(text)
    messages: list[str] = []
    body_start = 0
    m = HEADER_RE.match(text)
    if m:
        body_start = m.end()
        header_date = parse_date(m.group(1))
        if header_date is None:
            messages.append(warning("W033", path=name, detail=m.group(1)))
        published = published or header_date
    if published is None:
        nd = NAME_DATE_RE.search(Path(name).name)
        if nd:
            published = parse_date(nd.group(0))
    if published is None:
        messages.append(warning("W031", path=name))
    if lang is None:
        nl = NAME_LANG_RE.search(Path(name).name)
        lang = detect_language(text[body_start:]) or (nl.group(1) if nl else None)
    doc = Document(id=Path(name).name, text=text, lang=lang, published=published, body_start=body_start,
                   source=source or name, url=url, title=title)
    doc.messages.extend(messages)
    return doc


def read_file(path: str | Path, published: date | None = None, lang: str | None = None,
              max_chars: int = MAX_CHARS) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError("E023", path=str(p), detail=exc.strerror or str(exc)) from exc
    if not data.strip():
        raise InputError("E020", path=str(p))
    why = looks_binary(data)
    if why:
        raise InputError("E021", path=str(p), detail=why)
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError as exc:
        raise InputError("E022", path=str(p)) from exc
    doc = from_text(text, str(p), published, lang, max_chars=max_chars)
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.messages.append(warning("W032", path=str(p), detail=encoding))
    return doc
