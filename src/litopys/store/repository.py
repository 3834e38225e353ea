"""Write extracted documents and read summaries back. Writes are idempotent (a document
whose text is already stored is skipped) and each batch is one transaction."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from litopys.model import Document
from litopys.store.models import Base, DocumentRow, EventRow, MentionRow, RelationRow


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def open_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
    Base.metadata.create_all(engine)
    return engine


@dataclass
class IngestResult:
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    relations: int = 0

    def add(self, other: IngestResult) -> None:
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.events += other.events
        self.relations += other.relations


def store_documents(engine: Engine, docs: Iterable[Document], lexicon: str = "") -> IngestResult:
    result = IngestResult()
    with Session(engine) as session, session.begin():
        seen: set[str] = set()
        for doc in docs:
            sha = text_sha256(doc.text)
            if sha in seen or session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha)) is not None:
                result.duplicates += 1
                continue
            seen.add(sha)
            row = DocumentRow(
                sha256=sha, name=doc.id, lang=doc.lang, published=doc.published.isoformat() if doc.published else None,
                source=doc.source, url=doc.url, title=doc.title, text=doc.text, messages=list(doc.messages), lexicon=lexicon,
            )
            session.add(row)
            session.flush()
            session.add_all(
                MentionRow(document_id=row.id, sentence=m.sentence, start=m.start, end=m.end, text=m.text, code=m.actor.code,
                           kind=m.actor.kind, name=m.actor.name, role=m.actor.role, sector=m.actor.sector, rule=m.rule)
                for m in doc.mentions
            )
            session.add_all(
                EventRow(document_id=row.id, event_type=e.event_type, cameo=e.cameo, mode=e.mode,
                         source=e.source.code if e.source else None, source_actor=e.source.to_dict() if e.source else None,
                         target=e.target.code if e.target else None, target_actor=e.target.to_dict() if e.target else None,
                         symmetric=e.symmetric, date=e.date, date_precision=e.date_precision, negated=e.negated,
                         modality=e.modality, location=e.location.to_dict() if e.location else None,
                         sentence=e.evidence.sentence, start=e.evidence.start, end=e.evidence.end,
                         evidence=e.evidence.text, trigger=e.trigger, rule=e.rule)
                for e in doc.events
            )
            session.add_all(
                RelationRow(document_id=row.id, type=r.type, subject=r.subject.code, object=r.object.code, value=r.value,
                            since=r.since, until=r.until, sentence=r.evidence.sentence, start=r.evidence.start,
                            end=r.evidence.end, evidence=r.evidence.text, rule=r.rule)
                for r in doc.relations
            )
            result.stored += 1
            result.events += len(doc.events)
            result.relations += len(doc.relations)
    return result


def is_stored(engine: Engine, text: str) -> bool:
    with Session(engine) as session:
        return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == text_sha256(text))) is not None


def summary(engine: Engine, top: int = 10) -> dict:
    with Session(engine) as s:
        docs = s.scalar(select(func.count(DocumentRow.id))) or 0
        events = s.scalar(select(func.count(EventRow.id))) or 0
        relations = s.scalar(select(func.count(RelationRow.id))) or 0
        by_type = dict(s.execute(select(EventRow.event_type, func.count()).group_by(EventRow.event_type)).all())
        pairs: Counter[tuple[str, str]] = Counter()
        for src, tgt, sym in s.execute(select(EventRow.source, EventRow.target, EventRow.symmetric)):
            key = tuple(sorted((src or "", tgt or ""))) if sym else (src or "", tgt or "")
            pairs[key] += 1  # type: ignore[index]
        langs = dict(s.execute(select(DocumentRow.lang, func.count()).group_by(DocumentRow.lang)).all())
    return {"documents": docs, "events": events, "relations": relations, "languages": langs,
            "events_by_type": dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
            "top_pairs": [{"source": a, "target": b, "events": n} for (a, b), n in pairs.most_common(top)]}
