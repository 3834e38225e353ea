"""Web archives (WARC, ARC; gzipped or not): every HTTP 200 HTML response becomes a
Document like an .html file; requests, redirects, errors, images and scripts are passed over.
A damaged archive yields what came before the damage and one E030."""

from __future__ import annotations

import gzip
import logging
import os
import zlib
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from litopys.errors import InputError
from litopys.io.html import HTML_TYPES, PAGE_LIMIT, host, http_charset, page_to_document, parse_when
from litopys.io.reader import MAX_CHARS
from litopys.model import Document

SAMPLE_BYTES = 64 << 20  # count_pages reads at most this much of a file, then extrapolates


@cache
def _iterator_class() -> type:
    """warcio's ArchiveIterator, told to remember a gzip member that breaks off: warcio
    itself ends the iteration quietly there, as if the archive were complete."""
    from warcio.archiveiterator import ArchiveIterator  # imported on first use: text runs skip it

    logging.getLogger("warcio").setLevel(logging.ERROR)  # "replacing spaces in URI" notes, per record

    class CheckedIterator(ArchiveIterator):
        cut_short = False

        def close(self) -> None:
            decompressor = getattr(self.reader, "decompressor", None)
            if decompressor is not None and not decompressor.eof:
                self.cut_short = True
            super().close()

    return CheckedIterator


def _archive_iterator(f: Any) -> Any:
    return _iterator_class()(f, arc2warc=True)


def sniff(path: Path) -> str:
    """Why the file is not a WARC or ARC archive, or "" when it starts like one. warcio
    itself reads any text as an ARC record with a strange URL and yields nothing useful."""
    try:
        with open(path, "rb") as f:
            head = f.read(2)
            f.seek(0)
            start = gzip.GzipFile(fileobj=f).read(16) if head == b"\x1f\x8b" else f.read(16)
    except (OSError, EOFError, zlib.error) as exc:
        return _reason(exc)
    if start.startswith((b"WARC/", b"filedesc://")):
        return ""
    return "empty" if not start else "it starts with neither WARC/ nor filedesc://"


def _cut_short(record: Any) -> bool:
    """The body ended before its Content-Length: the file was truncated inside this record."""
    return getattr(record.raw_stream, "limit", 0) > 0


def is_html_page(record: Any) -> bool:
    """A `response` record with HTTP status 200 and an HTML content type."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return ctype in HTML_TYPES


def _content_length(record: Any) -> int:
    try:
        return int(record.rec_headers.get_header("Content-Length") or 0)
    except ValueError:
        return 0


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def iter_warc(path: Path, published: date | None = None, lang: str | None = None,
              max_chars: int = MAX_CHARS) -> Iterator[Document | InputError]:
    """Documents and InputErrors in archive order. id `<file name>#<n>`, n the record's
    1-based position among all records; url = WARC-Target-URI, source = its host; date:
    --date, else the page's metadata, else the WARC-Date."""
    n = 0
    try:
        f = open(path, "rb")  # noqa: SIM115 (closed below; the generator may be left half-read)
    except OSError as exc:
        yield InputError("E023", path=str(path), detail=exc.strerror or str(exc))
        return
    empty = os.fstat(f.fileno()).st_size == 0
    foreign = "" if empty else sniff(path)
    if empty or foreign:
        f.close()
        yield InputError("E020", path=str(path)) if empty else InputError("E030", path=str(path), detail=foreign)
        return
    with f:
        try:
            archive = _archive_iterator(f)
            records = iter(archive)
        except Exception as exc:
            yield InputError("E030", path=str(path), detail=_reason(exc))
            return
        while True:
            try:
                record = next(records)
            except StopIteration:
                if archive.cut_short:
                    yield InputError("E030", path=f"{path}#record {n + 1}", detail="the file ends inside a record")
                return
            except Exception as exc:  # warcio raises many kinds on damaged or foreign data
                yield InputError("E030", path=f"{path}#record {n + 1}", detail=_reason(exc))
                return
            n += 1
            if not is_html_page(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{path}#record {n} ({url})"
            size = _content_length(record)
            if size > PAGE_LIMIT * max_chars:
                yield InputError("E029", path=where, detail=size)
                continue
            try:
                body = record.content_stream().read()
            except Exception as exc:  # e.g. a broken Content-Encoding inside one record
                yield InputError("E023", path=where, detail=_reason(exc))
                continue
            if _cut_short(record):
                yield InputError("E030", path=where, detail="the file ends inside this record")
                return
            warc_date = parse_when(record.rec_headers.get_header("WARC-Date") or "")
            charset = http_charset(record.http_headers.get_header("Content-Type"))
            try:
                doc = page_to_document(body, where, published, lang, url=url, source=host(url),
                                       fallback_date=warc_date, charset=charset, max_chars=max_chars)
            except InputError as exc:
                yield exc
                continue
            doc.id = f"{path.name}#{n}"
            yield doc


def count_pages(path: Path, sample_bytes: int = SAMPLE_BYTES) -> int:
    """How many items iter_warc will yield, from the record headers only (no body is
    decoded). Past `sample_bytes` of the file the count is extrapolated by size."""
    n = 0
    page = False
    if sniff(path):
        return 1
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            archive = _archive_iterator(f)
            for record in archive:
                page = is_html_page(record)
                n += page
                pos = f.tell() - archive.reader.rem_length()  # less what warcio has buffered
                if pos > sample_bytes:
                    return round(n * size / pos)
    except Exception:  # the reader will report it as one E030 (or E023)
        return n + 1
    return n + (archive.cut_short and not page)  # a cut page is one E030 instead of a document
