"""Shared helpers: run the whole pipeline on a text written in a test."""

from __future__ import annotations

import os
import socket
from datetime import date

import pytest

from litopys.io.reader import from_text
from litopys.model import Document
from litopys.pipeline import extract


def run(text: str, lang: str, published: str | None = "2025-11-12") -> Document:
    doc = from_text(text, f"test.{lang}.txt", date.fromisoformat(published) if published else None, lang)
    return extract(doc)


def events(doc: Document) -> list[tuple]:
    """(type, source, target, date, negated) for each event, for compact assertions."""
    return [(e.event_type, e.source.code if e.source else None, e.target.code if e.target else None, e.date, e.negated)
            for e in doc.events]


def has_event(doc: Document, etype: str, source: str, target: str | None, *, date: str | None | type = ...,
              negated: bool = False, symmetric_ok: bool = True) -> bool:
    for e in doc.events:
        if e.event_type != etype or e.negated != negated:
            continue
        pair = (e.source.code if e.source else None, e.target.code if e.target else None)
        if pair != (source, target) and not (symmetric_ok and e.symmetric and pair == (target, source)):
            continue
        if date is not ... and e.date != date:
            continue
        return True
    return False


@pytest.fixture
def pipeline_run():
    return run


def pg_url() -> str | None:
    """The PostgreSQL server the tests use, or None when none answers (the tests then skip, saying so)."""
    url = os.environ.get("LITOPYS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
    except OSError:
        return None
    return url
