"""Write extracted documents. Idempotent (a text already stored is skipped), one
transaction per batch (a killed ingest loses at most the batch in flight, and running it
again ends in the same database), near-duplicates linked to their original, and every
event report joined to the aggregated event it reports."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, distinct, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from litopys.events.cameo import goldstein, quad_class
from litopys.merge.across import Report, better_date, merge_reason
from litopys.model import Document, Event
from litopys.store import dedup
from litopys.store.models import AggregateRow, BandRow, DocumentRow, EventRow, MentionRow, RelationRow


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class IngestResult:
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    relations: int = 0

    def add(self, other: IngestResult) -> None:
        for name in ("stored", "duplicates", "near_duplicates", "events", "relations"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def is_stored(engine: Engine, text: str) -> bool:
    with Session(engine) as session:
        return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == text_sha256(text))) is not None


def _eq(column, value):  # noqa: ANN001, ANN202
    return column.is_(None) if value is None else column == value


def _report(e: Event, published: str | None) -> Report:
    loc = e.location
    return Report(e.event_type, e.negated, e.modality, e.source.code if e.source else None,
                  e.target.code if e.target else None, e.symmetric, e.date, e.date_precision,
                  loc.country if loc else None, loc.name if loc else None, published)


def _aggregate_report(a: AggregateRow) -> Report:
    return Report(a.event_type, a.negated, a.modality, a.source, a.target, a.symmetric, a.date, a.date_precision,
                  a.country, a.place, a.first_seen, a.last_seen)


def _find_duplicate(session: Session, sig: bytes) -> tuple[int, float] | None:
    """The stored original this text nearly repeats, with the estimated similarity."""
    conds = [and_(BandRow.band == i, BandRow.hash == h) for i, h in enumerate(dedup.bands(sig))]
    ids = session.scalars(select(BandRow.document_id).where(or_(*conds)).distinct()).all()
    best: tuple[int, float] | None = None
    for doc_id in sorted(ids):
        row = session.get(DocumentRow, doc_id)
        if row is None or row.minhash is None:
            continue
        sim = dedup.similarity(sig, row.minhash)
        if sim >= dedup.THRESHOLD and (best is None or sim > best[1]):
            best = (row.duplicate_of or row.id, sim)
    return best


class Aggregator:
    """Joins each new report to an aggregate (or opens one) inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.touched: set[int] = set()

    def place(self, e: Event, row: EventRow, published: str | None, original: int | None) -> None:
        rep = _report(e, published)
        pair = or_(and_(_eq(AggregateRow.source, rep.source), _eq(AggregateRow.target, rep.target)),
                   and_(_eq(AggregateRow.source, rep.target), _eq(AggregateRow.target, rep.source)))
        candidates = self.session.scalars(
            select(AggregateRow).where(AggregateRow.event_type == rep.event_type, AggregateRow.negated == rep.negated,
                                       pair).order_by(AggregateRow.id)).all()
        chosen, reason = None, ""
        if original is not None:
            copies = set(self.session.scalars(
                select(EventRow.aggregate_id).join(DocumentRow, DocumentRow.id == EventRow.document_id)
                .where(or_(DocumentRow.id == original, DocumentRow.duplicate_of == original))))
            for agg in candidates:
                if agg.id in copies and agg.modality == rep.modality:
                    chosen, reason = agg, f"near-duplicate of document {original}"
                    break
        if chosen is None:
            for agg in candidates:
                why = merge_reason(_aggregate_report(agg), rep)
                if why:
                    chosen, reason = agg, why
                    break
        if chosen is None:
            chosen = AggregateRow(
                event_type=rep.event_type, cameo=e.cameo, mode=e.mode, source=rep.source, target=rep.target,
                symmetric=rep.symmetric, negated=rep.negated, modality=rep.modality, date=rep.date,
                date_precision=rep.precision, place=rep.place, country=rep.country,
                lat=e.location.lat if e.location else None, lon=e.location.lon if e.location else None,
                quad_class=quad_class(e.cameo), goldstein=goldstein(e.cameo), first_seen=published,
                last_seen=published, merge_notes=[])
            self.session.add(chosen)
            self.session.flush()
            reason = "first report"
        else:
            chosen.date, chosen.date_precision = better_date((chosen.date, chosen.date_precision), (rep.date, rep.precision))
            if not chosen.place and rep.place:
                chosen.place, chosen.country = rep.place, rep.country
                chosen.lat, chosen.lon = (e.location.lat, e.location.lon) if e.location else (None, None)
            chosen.symmetric = chosen.symmetric or rep.symmetric
            if published:
                chosen.first_seen = min(filter(None, (chosen.first_seen, published)))
                chosen.last_seen = max(filter(None, (chosen.last_seen, published)))
        row.aggregate_id = chosen.id
        row.merge_reason = reason
        self.touched.add(chosen.id)

    def recount(self) -> None:
        """Counts come from the rows themselves, so they are right however the batch went."""
        for agg_id in sorted(self.touched):
            q = (select(func.count(EventRow.id), func.count(distinct(EventRow.document_id)),
                        func.count(distinct(DocumentRow.source)), func.min(DocumentRow.published),
                        func.max(DocumentRow.published))
                 .join(DocumentRow, DocumentRow.id == EventRow.document_id).where(EventRow.aggregate_id == agg_id))
            mentions, articles, sources, first, last = self.session.execute(q).one()
            agg = self.session.get(AggregateRow, agg_id)
            assert agg is not None
            agg.num_mentions, agg.num_articles, agg.num_sources = mentions, articles, sources
            agg.first_seen, agg.last_seen = first, last


def _event_row(doc_id: int, e: Event) -> EventRow:
    return EventRow(document_id=doc_id, event_type=e.event_type, cameo=e.cameo, mode=e.mode,
                    source=e.source.code if e.source else None, source_actor=e.source.to_dict() if e.source else None,
                    target=e.target.code if e.target else None, target_actor=e.target.to_dict() if e.target else None,
                    reported_by=e.reported_by.code if e.reported_by else None,
                    symmetric=e.symmetric, date=e.date, date_precision=e.date_precision, negated=e.negated,
                    modality=e.modality, location=e.location.to_dict() if e.location else None,
                    sentence=e.evidence.sentence, start=e.evidence.start, end=e.evidence.end,
                    evidence=e.evidence.text, trigger=e.trigger, rule=e.rule)


def store_documents(engine: Engine, docs: Iterable[Document], lexicon: str = "") -> IngestResult:
    result = IngestResult()
    with Session(engine) as session, session.begin():
        aggregator = Aggregator(session)
        seen: set[str] = set()
        for doc in docs:
            sha = text_sha256(doc.text)
            if sha in seen or session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha)) is not None:
                result.duplicates += 1
                continue
            seen.add(sha)
            sig = dedup.signature(doc.text[doc.body_start:])
            dup = _find_duplicate(session, sig)
            published = doc.published.isoformat() if doc.published else None
            row = DocumentRow(
                sha256=sha, name=doc.id, lang=doc.lang, published=published, source=doc.source, url=doc.url,
                title=doc.title, text=doc.text, folded=doc.text.casefold(), messages=list(doc.messages), lexicon=lexicon, minhash=sig,
                duplicate_of=dup[0] if dup else None, similarity=round(dup[1], 3) if dup else None,
            )
            session.add(row)
            session.flush()
            session.add_all(BandRow(document_id=row.id, band=i, hash=h) for i, h in enumerate(dedup.bands(sig)))
            session.add_all(
                MentionRow(document_id=row.id, sentence=m.sentence, start=m.start, end=m.end, text=m.text, code=m.actor.code,
                           kind=m.actor.kind, name=m.actor.name, role=m.actor.role, sector=m.actor.sector, rule=m.rule)
                for m in doc.mentions
            )
            for e in doc.events:
                ev = _event_row(row.id, e)
                session.add(ev)
                aggregator.place(e, ev, published, row.duplicate_of)
            session.add_all(
                RelationRow(document_id=row.id, type=r.type, subject=r.subject.code, object=r.object.code, value=r.value,
                            since=r.since, until=r.until, sentence=r.evidence.sentence, start=r.evidence.start,
                            end=r.evidence.end, evidence=r.evidence.text, rule=r.rule)
                for r in doc.relations
            )
            result.stored += 1
            result.near_duplicates += dup is not None
            result.events += len(doc.events)
            result.relations += len(doc.relations)
        session.flush()
        aggregator.recount()
    return result
