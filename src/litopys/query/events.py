"""Aggregated events, filtered and paged. One filter object serves the CLI, the REST API and
the web pages, so all three answer the same question the same way. Paging is by keyset
(`cursor` = the last id seen), so pages stay stable while new articles are ingested."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session

from litopys.store.models import AggregateRow, DocumentRow, EventRow

MAX_LIMIT = 1000
COOPERATION = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass
class EventFilter:
    actor: str | None = None  # source or target
    source: str | None = None
    target: str | None = None
    type: str | None = None
    mode: str | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; compared with the event's date
    until: str | None = None
    negated: bool | None = None
    lang: str | None = None  # reported in at least one article in this language
    min_sources: int | None = None
    document: int | None = None

    def as_params(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


def _upper(value: str | None) -> str | None:
    return value.strip().upper() if value else None


def apply(q: Select, f: EventFilter) -> Select:
    A = AggregateRow
    if f.actor:
        q = q.where(or_(A.source == _upper(f.actor), A.target == _upper(f.actor)))
    if f.source:
        q = q.where(A.source == _upper(f.source))
    if f.target:
        q = q.where(A.target == _upper(f.target))
    if f.type:
        q = q.where(A.event_type == _upper(f.type))
    if f.mode:
        q = q.where(A.mode == f.mode.strip().lower())
    if f.since:
        q = q.where(A.date >= f.since)
    if f.until:
        # "until 2019" includes all of 2019: compare on the prefix the user gave
        q = q.where(A.date <= f.until + "\uffff")
    if f.negated is not None:
        q = q.where(A.negated == f.negated)
    if f.min_sources:
        q = q.where(A.num_sources >= f.min_sources)
    if f.lang or f.document:
        sub = select(EventRow.id).join(DocumentRow, DocumentRow.id == EventRow.document_id).where(
            EventRow.aggregate_id == A.id)
        if f.lang:
            sub = sub.where(DocumentRow.lang == f.lang.strip().lower())
        if f.document:
            sub = sub.where(DocumentRow.id == f.document)
        q = q.where(exists(sub))
    return q


def aggregate_dict(a: AggregateRow) -> dict:
    return {
        "id": a.id, "event_type": a.event_type, "mode": a.mode or None, "cameo": a.cameo,
        "source": a.source, "target": a.target, "symmetric": a.symmetric, "negated": a.negated,
        "modality": a.modality, "date": a.date, "date_precision": a.date_precision,
        "location": {"name": a.place, "country": a.country, "lat": a.lat, "lon": a.lon} if a.place or a.country else None,
        "quad_class": a.quad_class, "quad": COOPERATION.get(a.quad_class, ""), "goldstein": a.goldstein,
        "num_mentions": a.num_mentions, "num_articles": a.num_articles, "num_sources": a.num_sources,
        "first_seen": a.first_seen, "last_seen": a.last_seen,
    }


def report_dict(e: EventRow, doc: DocumentRow) -> dict:
    return {
        "id": e.id, "document": doc.id, "document_name": doc.name, "source_name": doc.source, "url": doc.url or None,
        "lang": doc.lang, "published": doc.published, "sentence": e.sentence, "start": e.start, "end": e.end,
        "evidence": e.evidence, "trigger": e.trigger, "rule": e.rule, "merge_reason": e.merge_reason,
        "source_actor": e.source_actor, "target_actor": e.target_actor, "reported_by": e.reported_by,
        "date": e.date, "date_precision": e.date_precision, "duplicate_of": doc.duplicate_of,
    }


def list_events(session: Session, f: EventFilter, limit: int = 100, cursor: int | None = None) -> dict:
    """A page of aggregated events in id order, and the cursor of the next page (None at the end)."""
    limit = max(1, min(limit, MAX_LIMIT))
    q = apply(select(AggregateRow), f).order_by(AggregateRow.id)
    if cursor:
        q = q.where(AggregateRow.id > cursor)
    rows = session.scalars(q.limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": [aggregate_dict(a) for a in rows], "next_cursor": rows[-1].id if more and rows else None,
            "limit": limit, "filter": f.as_params()}


def iter_events(session: Session, f: EventFilter, chunk: int = 500):
    """Every matching aggregate, in id order, without holding them all in memory."""
    cursor = None
    while True:
        page = list_events(session, f, chunk, cursor)
        yield from page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return


def get_event(session: Session, event_id: int) -> dict | None:
    a = session.get(AggregateRow, event_id)
    if a is None:
        return None
    out = aggregate_dict(a)
    rows = session.execute(select(EventRow, DocumentRow).join(DocumentRow, DocumentRow.id == EventRow.document_id)
                           .where(EventRow.aggregate_id == a.id).order_by(EventRow.id)).all()
    out["reports"] = [report_dict(e, d) for e, d in rows]
    out["merge_notes"] = [r["merge_reason"] for r in out["reports"]]
    return out
