"""Write extracted documents. Idempotent (a text already stored is skipped), one
transaction per batch (a killed ingest loses at most the batch in flight, and running it
again ends in the same database), near-duplicates linked to their original, and every
event report joined to the aggregated event it reports."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, distinct, func, insert, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from litopys.events.cameo import goldstein, quad_class
from litopys.merge.across import Report, better_date, merge_reason
from litopys.model import Document, Event
from litopys.store import dedup
from litopys.store.models import AggregateRow, BandRow, DocumentRow, EventRow, MentionRow, RelationRow

MAX_CANDIDATES = 5


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


def _report(e: Event, published: str | None) -> Report:
    loc = e.location
    return Report(e.event_type, e.negated, e.modality, e.source.code if e.source else None,
                  e.target.code if e.target else None, e.symmetric, e.date, e.date_precision,
                  loc.country if loc else None, loc.name if loc else None, published)


def _aggregate_report(a: AggregateRow) -> Report:
    return Report(a.event_type, a.negated, a.modality, a.source, a.target, a.symmetric, a.date, a.date_precision,
                  a.country, a.place, a.first_seen)


def _find_duplicate(session: Session, sig: bytes) -> tuple[int, float] | None:
    """The stored original this text nearly repeats, with the estimated similarity. Only the
    few documents sharing the most bands are compared, so a flood of copies stays cheap."""
    shared = func.count().label("shared")
    top = (select(BandRow.document_id, shared).where(BandRow.hash.in_(dedup.bands(sig)))
           .group_by(BandRow.document_id).order_by(shared.desc(), BandRow.document_id).limit(MAX_CANDIDATES)
           .subquery())
    rows = session.execute(select(DocumentRow.id, DocumentRow.duplicate_of, DocumentRow.minhash)
                           .join(top, top.c.document_id == DocumentRow.id)
                           .order_by(top.c.shared.desc(), DocumentRow.id)).all()
    best: tuple[int, float] | None = None
    for row in rows:
        if row.minhash is None:
            continue
        sim = dedup.similarity(sig, row.minhash)
        if sim >= dedup.THRESHOLD and (best is None or sim > best[1]):
            best = (row.duplicate_of or row.id, sim)
    return best


def _window_key(rep: Report) -> tuple:
    """Reports with one key share their candidate aggregates: same type, polarity, pair, and
    decade (or, undated, publication day)."""
    window = rep.date[:3] if rep.date else f"undated:{rep.published}"
    return (rep.event_type, rep.negated, frozenset((rep.source, rep.target)), window)


def _undated_window(rep: Report) -> tuple[str, str] | None:
    if rep.date or not rep.published:
        return None
    day = date.fromisoformat(rep.published)
    return (day - timedelta(days=10)).isoformat(), (day + timedelta(days=10)).isoformat()


def _padded(n: int) -> int:
    """The next power of two: the number of conditions a candidate query is padded to."""
    return 1 << (n - 1).bit_length()


def _date_range(rep: Report) -> tuple[str, str]:
    """[lo, hi) of the dates an aggregate holding this report may carry (null dates aside)."""
    window = _undated_window(rep)
    if window:
        return window[0], window[1] + "~"
    if rep.date:
        decade = int(rep.date[:3])
        return f"{decade:03d}", f"{decade + 1:03d}"
    return "", "~"


def _may_hold(rep: Report):  # noqa: ANN202 - an SQL condition
    """Aggregates that could hold this report: same type, polarity and pair (either order),
    and a date in the same decade (or none); an undated report looks only near its day.
    One shape for every report, so the statement is compiled once and cached."""
    A = AggregateRow
    lo, hi = _date_range(rep)
    a, b = rep.source, rep.target
    return and_(A.event_type == rep.event_type, A.negated == rep.negated,
                or_(and_(A.source.is_not_distinct_from(a), A.target.is_not_distinct_from(b)),
                    and_(A.source.is_not_distinct_from(b), A.target.is_not_distinct_from(a))),
                or_(A.date.is_(None), and_(A.date >= lo, A.date < hi)))


def _fits(agg: AggregateRow, rep: Report) -> bool:
    """`_may_hold` in Python, to share one query's rows among several reports."""
    if agg.event_type != rep.event_type or agg.negated != rep.negated:
        return False
    if (agg.source, agg.target) not in ((rep.source, rep.target), (rep.target, rep.source)):
        return False
    lo, hi = _date_range(rep)
    return agg.date is None or lo <= agg.date < hi


class Aggregator:
    """Joins each new report to an aggregate (or opens one) inside the caller's session.
    Candidates are loaded once per (type, polarity, actor pair) and batch."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.touched: set[AggregateRow] = set()
        self._candidates: dict[tuple, list[AggregateRow]] = {}
        self._reports: dict[int, Report] = {}  # by id() of the row: rebuilt when the row changes
        self.by_root: dict[int, set[AggregateRow]] = {}  # aggregates of this batch's reports, by original document

    def _as_report(self, agg: AggregateRow) -> Report:
        rep = self._reports.get(id(agg))
        if rep is None:
            rep = self._reports[id(agg)] = _aggregate_report(agg)
        return rep

    def preload(self, reports: list[Report]) -> None:
        """Load the candidates of every report not yet covered, in one query."""
        missing: dict[tuple, Report] = {}
        for rep in reports:
            key = _window_key(rep)
            if key not in self._candidates and key not in missing:
                missing[key] = rep
        if not missing:
            return
        for key in missing:
            self._candidates[key] = []
        items = list(missing.items())
        for i in range(0, len(items), 64):
            chunk = items[i:i + 64]
            reps = [r for _, r in chunk]
            reps += reps[-1:] * (_padded(len(reps)) - len(reps))  # few statement shapes, each compiled once
            q = select(AggregateRow).where(or_(*(_may_hold(r) for r in reps))).order_by(AggregateRow.id)
            for agg in self.session.scalars(q):
                for key, rep in chunk:
                    if _fits(agg, rep):
                        self._candidates[key].append(agg)

    def _load(self, rep: Report) -> list[AggregateRow]:
        self.preload([rep])
        return self._candidates[_window_key(rep)]

    def place(self, e: Event, published: str | None, root: int, original: int | None) -> tuple[AggregateRow, str]:
        """The aggregate this report belongs to (new ones get their id at the next flush), and why."""
        rep = _report(e, published)
        candidates = self._load(rep)
        chosen, reason = None, ""
        if original is not None:
            copies = set(self.session.scalars(
                select(EventRow.aggregate_id).join(DocumentRow, DocumentRow.id == EventRow.document_id)
                .where(or_(DocumentRow.id == original, DocumentRow.duplicate_of == original))))
            pending = self.by_root.get(original, set())
            for agg in candidates:
                if (agg in pending or agg.id in copies) and agg.modality == rep.modality:
                    chosen, reason = agg, f"near-duplicate of document {original}"
                    break
        if chosen is None:
            for agg in candidates:
                why = merge_reason(self._as_report(agg), rep)
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
                last_seen=published, num_mentions=0, num_articles=0, num_sources=0)
            self.session.add(chosen)
            pair_key = (rep.event_type, rep.negated, frozenset((rep.source, rep.target)))
            for key, cached in self._candidates.items():  # every window of this pair sees it in this batch
                if key[:3] == pair_key:
                    cached.append(chosen)
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
            self._reports.pop(id(chosen), None)
        self.touched.add(chosen)
        self.by_root.setdefault(root, set()).add(chosen)
        return chosen, reason

    def recount(self) -> None:
        """Counts come from the rows themselves, so they are right however the batch went."""
        ids = sorted(a.id for a in self.touched)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = (select(EventRow.aggregate_id, func.count(EventRow.id), func.count(distinct(EventRow.document_id)),
                        func.count(distinct(DocumentRow.source)))
                 .join(DocumentRow, DocumentRow.id == EventRow.document_id).where(EventRow.aggregate_id.in_(chunk))
                 .group_by(EventRow.aggregate_id))
            for agg_id, mentions, articles, sources in self.session.execute(q):
                agg = self.session.get(AggregateRow, agg_id)
                assert agg is not None
                agg.num_mentions, agg.num_articles, agg.num_sources = mentions, articles, sources


def _event_values(doc_id: int, e: Event, aggregate: AggregateRow, reason: str) -> dict:
    return dict(document_id=doc_id, aggregate=aggregate, merge_reason=reason, event_type=e.event_type,
                cameo=e.cameo, mode=e.mode, source=e.source.code if e.source else None,
                source_actor=e.source.to_dict() if e.source else None, target=e.target.code if e.target else None,
                target_actor=e.target.to_dict() if e.target else None,
                reported_by=e.reported_by.code if e.reported_by else None, symmetric=e.symmetric, date=e.date,
                date_precision=e.date_precision, negated=e.negated, modality=e.modality,
                location=e.location.to_dict() if e.location else None, sentence=e.evidence.sentence,
                start=e.evidence.start, end=e.evidence.end, evidence=e.evidence.text, trigger=e.trigger, rule=e.rule)


@dataclass(frozen=True, slots=True)
class _Stored:
    id: int
    duplicate_of: int | None


def store_documents(engine: Engine, docs: Iterable[Document], lexicon: str = "") -> IngestResult:
    result = IngestResult()
    with Session(engine) as session, session.begin():
        aggregator = Aggregator(session)
        events: list[dict] = []
        docs = list(docs)
        shas = [text_sha256(d.text) for d in docs]
        seen: set[str] = set()
        for i in range(0, len(shas), 500):
            seen.update(session.scalars(select(DocumentRow.sha256).where(DocumentRow.sha256.in_(shas[i:i + 500]))))
        for doc, sha in zip(docs, shas, strict=True):
            if sha in seen:
                result.duplicates += 1
                continue
            seen.add(sha)
            sig = dedup.signature(doc.text[doc.body_start:])
            dup = _find_duplicate(session, sig)
            published = doc.published.isoformat() if doc.published else None
            doc_id = session.execute(insert(DocumentRow).returning(DocumentRow.id), [dict(
                sha256=sha, name=doc.id, lang=doc.lang, published=published, source=doc.source, url=doc.url,
                title=doc.title, text=doc.text, folded=doc.text.casefold(), messages=list(doc.messages),
                lexicon=lexicon, minhash=sig, duplicate_of=dup[0] if dup else None,
                similarity=round(dup[1], 3) if dup else None)]).scalar_one()
            row = _Stored(doc_id, dup[0] if dup else None)
            session.execute(insert(BandRow), [dict(document_id=row.id, band=i, hash=h)
                                              for i, h in enumerate(dedup.bands(sig))])
            if doc.mentions:
                session.execute(insert(MentionRow), [
                    dict(document_id=row.id, sentence=m.sentence, start=m.start, end=m.end, text=m.text,
                         code=m.actor.code, kind=m.actor.kind, name=m.actor.name, role=m.actor.role,
                         sector=m.actor.sector, rule=m.rule) for m in doc.mentions])
            root = row.duplicate_of or row.id
            aggregator.preload([_report(e, published) for e in doc.events])
            events.extend(_event_values(row.id, e, *aggregator.place(e, published, root, row.duplicate_of))
                          for e in doc.events)
            if doc.relations:
                session.execute(insert(RelationRow), [
                    dict(document_id=row.id, type=r.type, subject=r.subject.code, object=r.object.code, value=r.value,
                         since=r.since, until=r.until, sentence=r.evidence.sentence, start=r.evidence.start,
                         end=r.evidence.end, evidence=r.evidence.text, rule=r.rule) for r in doc.relations])
            result.stored += 1
            result.near_duplicates += dup is not None
            result.events += len(doc.events)
            result.relations += len(doc.relations)
        session.flush()  # new aggregates get their ids, all in one go
        for values in events:
            values["aggregate_id"] = values.pop("aggregate").id
        if events:
            session.execute(insert(EventRow), events)
        aggregator.recount()
    return result
