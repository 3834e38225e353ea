"""Web pages become Documents. trafilatura keeps the article body and drops menus, footers,
comments and tables; the page's own metadata gives title, canonical URL and publication date.
Shared by standalone .html files and the pages inside WARC archives."""

from __future__ import annotations

import codecs
import logging
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from litopys.errors import InputError, warning
from litopys.io.decode import decode, looks_binary
from litopys.io.reader import MAX_CHARS, from_text
from litopys.model import Document

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PAGE_LIMIT = 10  # a page may be this many times --max-chars in bytes before we refuse to parse it
META_CHARSET_RE = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset|<\?xml[^>]{0,100}?encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
HTTP_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# metadata dates only: a free-text search would take a date the article merely mentions
DATE_PARAMS = {"extensive_search": False, "original_date": True}


@cache
def _trafilatura() -> ModuleType:
    """Imported on first use: text-only runs do not pay for lxml and justext."""
    import trafilatura

    # its "discarding data" warnings would go to stderr unformatted; we report E028 instead
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    return trafilatura


def host(url: str) -> str:
    """The URL's host name, lower case, without port: the `source` of a web record."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def parse_when(value: str) -> date | None:
    """A date from YYYY-MM-DD or an ISO date-time (the date as written, no time-zone shift)."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def http_charset(content_type: str | None) -> str | None:
    m = HTTP_CHARSET_RE.search(content_type or "")
    return m.group(1) if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(raw: bytes, declared: str | None = None) -> tuple[str, str, bool]:
    """(text, encoding, guessed). A BOM wins, then the HTTP charset, then <meta charset>
    (or <?xml encoding>);
    a declaration that does not fit the bytes is ignored and the bytes are sniffed like text
    files. Raises UnicodeDecodeError when nothing fits."""
    if not raw.startswith(BOMS):
        meta = META_CHARSET_RE.search(raw[:4096])
        for label in (declared, meta.group(1).decode("ascii") if meta else None):
            enc = _codec(label)
            if enc:
                try:
                    return raw.decode(enc), enc, False
                except UnicodeDecodeError:
                    continue
    text, enc = decode(raw)
    return text, enc, True


def _paragraphs(text: str) -> str:
    """trafilatura ends each block with one newline; litopys splits paragraphs on blank lines."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def page_to_document(raw: bytes, name: str, published: date | None = None, lang: str | None = None,
                     url: str = "", source: str = "", fallback_date: date | None = None,
                     charset: str | None = None, max_chars: int = MAX_CHARS) -> Document:
    """One HTML page → Document, or InputError (E020 E021 E022 E024 E028 E029) naming `name`.

    Date: `published` (--date), else the page's metadata, else `fallback_date` (the WARC
    date), else from_text's own rules (a date in `name`). `url` (the fetched URL) wins over
    the page's canonical URL; source is the given one, else the URL's host, else `name`."""
    if not raw.strip():
        raise InputError("E020", path=name)
    if len(raw) > PAGE_LIMIT * max_chars:
        raise InputError("E029", path=name, detail=len(raw))
    why = looks_binary(raw)
    if why:
        raise InputError("E021", path=name, detail=why)
    try:
        html, encoding, guessed = decode_page(raw, charset)
    except UnicodeDecodeError as exc:
        raise InputError("E022", path=name) from exc
    html = XML_DECL_RE.sub("", html, count=1)  # lxml refuses str input that declares an encoding
    try:
        page = _trafilatura().bare_extraction(html, url=url or None, include_comments=False, include_tables=False,
                                              with_metadata=True, date_extraction_params=DATE_PARAMS)
    except Exception as exc:  # a parser bug on one odd page must not stop the batch
        raise InputError("E028", path=name, detail=f"{type(exc).__name__}: {exc}") from exc
    body = _paragraphs(page.text or "") if page is not None else ""
    if not body:
        raise InputError("E028", path=name, detail="trafilatura kept nothing")
    page_url = url or page.url or ""
    page_date = parse_when(page.date) if page.date else None
    doc = from_text(body, name, published or page_date or fallback_date, lang, url=page_url,
                    title=(page.title or "").strip(), source=source or host(page_url), max_chars=max_chars)
    if guessed and encoding not in ("utf-8", "utf-8-sig"):
        doc.messages.append(warning("W032", path=name, detail=encoding))
    return doc


def read_html(path: str | Path, published: date | None = None, lang: str | None = None,
              max_chars: int = MAX_CHARS) -> Document:
    """An .html file → Document with the file name as id, like a text file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError("E023", path=str(p), detail=exc.strerror or str(exc)) from exc
    return page_to_document(raw, str(p), published, lang, max_chars=max_chars)
