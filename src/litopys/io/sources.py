"""Every input litopys reads, as one stream: plain text, JSON Lines (.gz too), HTML pages and
web archives (WARC/ARC), from files or folders. A bad file or record becomes a Problem in
the stream, counted and reported, and the batch goes on: nothing raises out of it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from litopys.errors import InputError
from litopys.io.html import read_html
from litopys.io.jsonl import count_lines, iter_jsonl
from litopys.io.reader import MAX_CHARS, read_file
from litopys.io.warc import count_pages, iter_warc
from litopys.model import Document

TEXT, JSONL, HTML, WARC = "text", "jsonl", "html", "warc"
# longest first: "a.jsonl.gz" is JSONL, never gzip-compressed text
SUFFIXES = (
    (".jsonl.gz", JSONL), (".ndjson.gz", JSONL), (".jsonl", JSONL), (".ndjson", JSONL),
    (".warc.gz", WARC), (".arc.gz", WARC), (".warc", WARC), (".arc", WARC),
    (".html", HTML), (".htm", HTML), (".xhtml", HTML),
    (".txt", TEXT), (".text", TEXT),
)


@dataclass
class Problem:
    """One bad file or record: reported with its reason and counted; the batch goes on."""

    where: str  # "path", "path:line 17" or "path#record 3 (url)"
    message: str  # "E026 path:line 17: not valid JSON (...); fix or remove this line, ..."

    @property
    def code(self) -> str:
        return self.message.split(" ", 1)[0]


def kind_of(path: Path) -> str | None:
    """The reader for a file name, by suffix (any case); a name with no suffix is text."""
    name = path.name.lower()
    for suffix, kind in SUFFIXES:
        if name.endswith(suffix):
            return kind
    return TEXT if not path.suffix else None


def _walk(root: Path, problems: list[Problem]) -> list[Path]:
    """Files under root, hidden ones (.git, .DS_Store) left out, sorted by path parts
    so the order never depends on the file system."""
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(root)
        problems.append(Problem(str(where), str(InputError("E023", path=where, detail=exc.strerror or str(exc)))))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath, f) for f in filenames if not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def input_files(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str] | Problem]:
    """(file, kind) for each input in order. In a folder only known suffixes count; a file
    named on its own with an unknown suffix is read as text. An unreadable folder is a Problem."""
    for p in map(Path, paths):
        if p.is_dir():
            problems: list[Problem] = []
            for f in _walk(p, problems):
                kind = kind_of(f)
                if kind is not None:
                    yield f, kind
            yield from problems
        else:
            yield p, kind_of(p) or TEXT


def _one(read: Callable[..., Document], path: Path, published: date | None, lang: str | None,
         max_chars: int) -> Document | InputError:
    try:
        return read(path, published, lang, max_chars=max_chars)
    except InputError as exc:
        return exc


def iter_inputs(paths: Iterable[Path | str], published: date | None = None, lang: str | None = None,
                max_chars: int = MAX_CHARS) -> Iterator[Document | Problem]:
    """Documents and Problems in a deterministic order: paths as given, folders sorted.

    published / lang: --date / --lang; they win over any date or language a record carries.
    ids: the file name (text, HTML), the JSONL `id` or `<file>#<line>`, `<archive>#<record>`."""
    seen_ids: set[str] = set()
    for item in input_files(paths):
        if isinstance(item, Problem):
            yield item
            continue
        path, kind = item
        if kind == JSONL:
            results: Iterable[Document | InputError] = iter_jsonl(path, published, lang, max_chars, seen_ids)
        elif kind == WARC:
            results = iter_warc(path, published, lang, max_chars)
        else:
            results = [_one(read_html if kind == HTML else read_file, path, published, lang, max_chars)]
        for r in results:
            yield Problem(r.path or str(path), str(r)) if isinstance(r, InputError) else r


def count_inputs(paths: Iterable[Path | str]) -> int:
    """How many items iter_inputs will yield, for a progress bar: exact for text, HTML and
    JSONL (non-blank lines); for WARC read from record headers, extrapolated past 64 MB."""
    total = 0
    for item in input_files(paths):
        if isinstance(item, Problem):
            total += 1
            continue
        path, kind = item
        if kind == JSONL:
            total += count_lines(path)
        elif kind == WARC:
            total += count_pages(path)
        else:
            total += 1
    return total
