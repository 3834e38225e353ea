"""Read aggregated events with their reports in chunks: one query for a chunk of
aggregates, one for all their reports and documents, one for the documents' mentions
when a format needs them, instead of a query per event. Everything comes out in id
order, so two databases holding the same input export the same bytes."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from litopys.query.events import EventFilter, apply
from litopys.store.models import AggregateRow, DocumentRow, EventRow, MentionRow

CHUNK = 500
PARAMS = 2000  # bound parameters per IN list, well under SQLite's and PostgreSQL's limits

# role phrases that stand for an actor named elsewhere ("він", "альянс", "сторони"):
# the actor was found by resolving a reference, not read from the raw text
ANAPHORA = frozenset({"person", "relative", "org_anaphor", "pair", "other_state", "it_state", "both",
                      "treaty_anaphor", "resolution"})


@dataclass(frozen=True, slots=True)
class Doc:
    """The document columns exports use (never the text itself, only its length)."""

    id: int
    name: str
    lang: str | None
    published: str | None
    source: str
    url: str
    title: str
    duplicate_of: int | None
    length: int


@dataclass(frozen=True, slots=True)
class Mention:
    sentence: int
    start: int
    end: int
    text: str
    code: str
    kind: str
    name: str
    rule: str

    @property
    def anaphoric(self) -> bool:
        parts = self.rule.split(":")
        return len(parts) >= 4 and parts[1] == "role" and "+" not in self.rule and parts[3] in ANAPHORA


@dataclass
class Bundle:
    """One aggregated event, its reports in id order and, if asked, the mentions exports use:
    those in each report's sentence, and the people, organisations and places named in
    the first report's document (`story`)."""

    agg: AggregateRow
    reports: list[tuple[EventRow, Doc]]
    sentences: dict[tuple[int, int], list[Mention]] = field(default_factory=dict)  # (document, sentence)
    story: dict[int, list[Mention]] = field(default_factory=dict)  # document id -> in text order

    @property
    def first(self) -> tuple[EventRow, Doc] | None:
        """The report from the earliest-published document (GDELT's SOURCEURL is the first
        report); ties and undated documents fall back to storage order."""
        if not self.reports:
            return None
        return min(self.reports, key=lambda r: (r[1].published is None, r[1].published or "", r[0].id))

    def actor_mention(self, ev: EventRow, code: str | None) -> Mention | None:
        return actor_mention(self.sentences.get((ev.document_id, ev.sentence), []), ev, code)


def base_query(flt: EventFilter | None, exclude_negated: bool = False):  # noqa: ANN201
    q = apply(select(AggregateRow), flt or EventFilter())
    if exclude_negated:
        q = q.where(AggregateRow.negated.is_(False))
    return q


def _docs(session: Session, ids: list[int]) -> dict[int, Doc]:
    out = {}
    for part in _parts(ids):
        rows = session.execute(
            select(DocumentRow.id, DocumentRow.name, DocumentRow.lang, DocumentRow.published, DocumentRow.source,
                   DocumentRow.url, DocumentRow.title, DocumentRow.duplicate_of, func.length(DocumentRow.text))
            .where(DocumentRow.id.in_(part)))
        out.update({r[0]: Doc(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", r[6] or "", r[7], r[8] or 0)
                    for r in rows})
    return out


def _parts(items: list, size: int = PARAMS) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


_MENTION_COLS = (MentionRow.document_id, MentionRow.sentence, MentionRow.start, MentionRow.end, MentionRow.text,
                 MentionRow.code, MentionRow.kind, MentionRow.name, MentionRow.rule)
STORY_KINDS = ("person", "organisation", "place")


def _sentence_mentions(session: Session, pairs: list[tuple[int, int]]) -> dict[tuple[int, int], list[Mention]]:
    """The mentions in these (document, sentence) pairs: what actor offsets and raw names
    need. Selected by document (indexed) and sentence, then kept by pair: a row-value IN
    would scan the whole table on SQLite."""
    out: dict[tuple[int, int], list[Mention]] = {p: [] for p in pairs}
    docs = sorted({d for d, _ in pairs})
    sentences = sorted({n for _, n in pairs})
    for part in _parts(docs):
        rows = session.execute(select(*_MENTION_COLS)
                               .where(MentionRow.document_id.in_(part), MentionRow.sentence.in_(sentences))
                               .order_by(MentionRow.document_id, MentionRow.start, MentionRow.id))
        for doc_id, *rest in rows:
            found = out.get((doc_id, rest[0]))
            if found is not None:
                found.append(Mention(*rest))
    return out


def _story_mentions(session: Session, doc_ids: list[int]) -> dict[int, list[Mention]]:
    """People, organisations and places (named, or a capital) in these documents."""
    out: dict[int, list[Mention]] = {d: [] for d in doc_ids}
    for part in _parts(doc_ids):
        rows = session.execute(select(*_MENTION_COLS)
                               .where(MentionRow.document_id.in_(part),
                                      or_(MentionRow.kind.in_(STORY_KINDS), MentionRow.rule.like("%:capital")))
                               .order_by(MentionRow.document_id, MentionRow.start, MentionRow.id))
        for doc_id, *rest in rows:
            out[doc_id].append(Mention(*rest))
    return out


def iter_bundles(engine: Engine, flt: EventFilter | None = None, *, exclude_negated: bool = False,
                 mentions: bool = False, story: bool = False, chunk: int = CHUNK) -> Iterator[Bundle]:
    """Every matching aggregate in id order with its reports, `chunk` aggregates at a time.
    `mentions`: also the mentions in the reports' sentences; `story`: also each first
    report's people, organisations and places (read once for neighbouring chunks)."""
    cursor = 0
    kept: dict[int, list[Mention]] = {}
    with Session(engine) as session:
        if engine.dialect.name == "postgresql":
            # one snapshot for the whole export, even while an ingest commits batches
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        while True:
            aggs = session.scalars(base_query(flt, exclude_negated).where(AggregateRow.id > cursor)
                                   .order_by(AggregateRow.id).limit(chunk)).all()
            if not aggs:
                return
            ids = [a.id for a in aggs]
            events = session.scalars(select(EventRow).where(EventRow.aggregate_id.in_(ids))
                                     .order_by(EventRow.aggregate_id, EventRow.id)).all()
            docs = _docs(session, sorted({e.document_id for e in events}))
            by_agg: dict[int, list[tuple[EventRow, Doc]]] = {i: [] for i in ids}
            for e in events:
                by_agg[e.aggregate_id].append((e, docs[e.document_id]))
            bundles = [Bundle(a, by_agg[a.id]) for a in aggs]
            if mentions:
                sents = _sentence_mentions(session, sorted({(e.document_id, e.sentence) for e in events}))
                for b in bundles:
                    b.sentences = {(e.document_id, e.sentence): sents[(e.document_id, e.sentence)]
                                   for e, _ in b.reports}
            if story:
                firsts = sorted({f[1].id for b in bundles if (f := b.first)})
                kept = {d: kept[d] for d in firsts if d in kept}
                kept.update(_story_mentions(session, [d for d in firsts if d not in kept]))
                for b in bundles:
                    f = b.first
                    b.story = {f[1].id: kept[f[1].id]} if f else {}
            yield from bundles
            cursor = ids[-1]
            session.expunge_all()


def actor_mention(mentions: list[Mention], ev: EventRow, code: str | None) -> Mention | None:
    """The mention that names `code` in the report's sentence: inside the evidence span if
    one is, else the first in the sentence."""
    if not code:
        return None
    first = None
    for m in mentions:
        if m.sentence == ev.sentence and m.code == code:
            if ev.start <= m.start and m.end <= ev.end:
                return m
            if first is None:
                first = m
    return first


# ---------------------------------------------------------------- formatting


def fmt_float(x: float | None, digits: int) -> str:
    """Fixed decimals with trailing zeros dropped (50.45, not 50.4500 or 50.449999...):
    the same text from SQLite and PostgreSQL for the same double."""
    if x is None:
        return ""
    s = f"{x:.{digits}f}"
    if "." in s:
        s = s.rstrip("0")
        if s.endswith("."):
            s += "0"
    return "0.0" if s in ("-0.0", "-0") else s


def clean(value: object) -> str:
    """One field of a tab-separated line: no tabs or line breaks inside."""
    if value is None:
        return ""
    s = str(value)
    if any(ch in s for ch in "\t\r\n"):
        s = " ".join(s.replace("\t", " ").splitlines())
    return s


def tsv_line(fields: list[str]) -> str:
    """Fields joined by tabs; a field holding a tab or a line break is cleaned first."""
    line = "\t".join(fields)
    if line.count("\t") != len(fields) - 1 or "\n" in line or "\r" in line:
        line = "\t".join(clean(f) for f in fields)
    return line + "\n"


@contextlib.contextmanager
def text_out(out: Path | str | IO) -> Iterator[IO[str]]:
    """A UTF-8 text stream for `out`: a path is opened (and closed), a text stream is used
    as is, a binary stream is wrapped (and left open)."""
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh
        return
    binary = isinstance(out, io.RawIOBase | io.BufferedIOBase) or "b" in str(getattr(out, "mode", ""))
    if not binary:
        yield out  # type: ignore[misc]
        return
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")  # type: ignore[arg-type]
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()
