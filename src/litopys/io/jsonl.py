"""JSON Lines (optionally gzipped): one article per line, as news dumps and scrapers write
them. A bad line is reported with its line number and the other lines go on."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

from litopys.errors import InputError, warning
from litopys.io.decode import decode
from litopys.io.html import host, parse_when
from litopys.io.reader import MAX_CHARS, from_text
from litopys.model import Document

STRING_FIELDS = ("url", "title", "source", "lang", "date")
READ_ERRORS = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError


def open_lines(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115


def _lang(value: str) -> str | None:
    """'uk', 'UK', 'uk-UA', 'ru_RU' → the bare language code."""
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code or None


def _record_id(rec: dict, where: str, seen: set[str], fallback: str, messages: list[str]) -> str:
    value = rec.get("id")
    rid = ""
    if isinstance(value, str):
        rid = value.strip()
    elif isinstance(value, int) and not isinstance(value, bool):
        rid = str(value)
    elif value is not None:
        messages.append(warning("W036", path=where, detail="id"))
    if rid and rid in seen:
        messages.append(warning("W035", path=where, detail=rid))
        rid = ""
    rid = rid or fallback
    seen.add(rid)
    return rid


def line_to_document(line: bytes, path: Path, lineno: int, published: date | None = None, lang: str | None = None,
                     max_chars: int = MAX_CHARS, seen: set[str] | None = None) -> Document:
    """One JSONL line → Document, or InputError (E022 E024 E026 E027) naming `path:line N`.

    --date and --lang (`published`, `lang`) win over the record's own `date` and `lang`.
    id: the record's `id` when it is new in `seen`, else `<file name>#<line>`."""
    where = f"{path}:line {lineno}"
    try:
        raw, encoding = decode(line.strip())
    except UnicodeDecodeError as exc:
        raise InputError("E022", path=where) from exc
    try:
        rec = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError("E026", path=where, detail=f"{exc.msg} at column {exc.colno}") from exc
    if not isinstance(rec, dict):
        raise InputError("E027", path=where, detail=f"the line holds a JSON {type(rec).__name__}, not an object")
    text = rec.get("text")
    if text is None:
        raise InputError("E027", path=where, detail='the record has no "text"')
    if not isinstance(text, str):
        raise InputError("E027", path=where, detail=f'"text" is a {type(text).__name__}, not a string')
    if not text.strip():
        raise InputError("E027", path=where, detail='"text" is empty')
    messages: list[str] = []
    if encoding not in ("utf-8", "utf-8-sig"):
        messages.append(warning("W032", path=where, detail=encoding))
    fields: dict[str, str] = {}
    for key in STRING_FIELDS:
        value = rec.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            fields[key] = value.strip()
        else:
            messages.append(warning("W036", path=where, detail=key))
    rec_date = None
    if fields.get("date"):
        rec_date = parse_when(fields["date"])
        if rec_date is None:
            messages.append(warning("W034", path=where, detail=fields["date"]))
    url = fields.get("url", "")
    doc = from_text(text, where, published or rec_date, lang or _lang(fields.get("lang", "")), url=url,
                    title=fields.get("title", ""), source=fields.get("source") or host(url) or str(path),
                    max_chars=max_chars)
    doc.id = _record_id(rec, where, set() if seen is None else seen, f"{path.name}#{lineno}", messages)
    doc.messages[:0] = messages
    return doc


def iter_jsonl(path: Path, published: date | None = None, lang: str | None = None, max_chars: int = MAX_CHARS,
               seen: set[str] | None = None) -> Iterator[Document | InputError]:
    """Documents and the InputErrors of bad lines, in file order; blank lines are skipped.
    A file that cannot be opened, or gzip data that breaks off, ends with one E023."""
    seen = set() if seen is None else seen
    lineno = 0
    try:
        with open_lines(path) as f:
            for lineno, line in enumerate(f, 1):  # noqa: B007 (read after the loop on a read error)
                if not line.strip():
                    continue
                try:
                    yield line_to_document(line, path, lineno, published, lang, max_chars, seen)
                except InputError as exc:
                    yield exc
    except READ_ERRORS as exc:
        where = f"{path}:line {lineno + 1}" if lineno else str(path)
        yield InputError("E023", path=where, detail=getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)


def count_lines(path: Path) -> int:
    """Non-blank lines: what iter_jsonl yields for a readable file."""
    n = 0
    try:
        with open_lines(path) as f:
            for line in f:
                if line.strip():
                    n += 1
    except READ_ERRORS:
        n += 1  # iter_jsonl ends with one E023
    return n
