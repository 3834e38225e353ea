"""Documents and word search. Search runs on casefolded text, so Cyrillic matches whatever
its case; a long word is matched by its stem, so `Казахстан` finds `Казахстану` too."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from litopys.query.events import aggregate_dict
from litopys.store.models import AggregateRow, DocumentRow, EventRow, MentionRow, RelationRow

_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MAX_TERMS = 8


def stems(query: str) -> list[str]:
    """Casefolded search stems: inflected languages lose up to two final letters."""
    out = []
    for w in _WORD.findall(query.casefold())[:MAX_TERMS]:
        if _CYRILLIC.search(w) and len(w) > 5:
            w = w[:-2]
        elif len(w) > 6:
            w = w[:-1]
        out.append(w)
    return out


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def document_summary(d: DocumentRow) -> dict:
    return {"id": d.id, "name": d.name, "lang": d.lang, "published": d.published, "source": d.source,
            "url": d.url or None, "title": d.title or None, "chars": len(d.text), "duplicate_of": d.duplicate_of,
            "similarity": d.similarity}


def search(session: Session, query: str, limit: int = 50) -> dict:
    terms = stems(query)
    if not terms:
        return {"query": query, "terms": [], "documents": [], "events": []}
    doc_q = select(DocumentRow).where(*(DocumentRow.folded.like(_like(t), escape="\\") for t in terms))
    docs = session.scalars(doc_q.order_by(DocumentRow.published.desc(), DocumentRow.id).limit(limit)).all()
    docs_out = []
    for d in docs:
        pos = d.folded.find(terms[0])
        lo = max(0, pos - 80)
        docs_out.append({**document_summary(d), "snippet": d.text[lo:pos + 160] if pos >= 0 else d.text[:200]})
    # an evidence sentence holding every term lies in a document holding them: look only there
    agg_ids: dict[int, str] = {}
    if docs:
        for agg_id, evidence in session.execute(select(EventRow.aggregate_id, EventRow.evidence)
                                                .where(EventRow.document_id.in_([d.id for d in docs]))
                                                .order_by(EventRow.id)):
            if agg_id is not None and all(t in evidence.casefold() for t in terms):
                agg_ids.setdefault(agg_id, evidence)
    events = []
    for agg_id in sorted(agg_ids)[:limit]:
        a = session.get(AggregateRow, agg_id)
        if a is not None:
            events.append({**aggregate_dict(a), "evidence": agg_ids[agg_id]})
    return {"query": query, "terms": terms, "documents": docs_out, "events": events}


def get_document(session: Session, doc_id: int) -> dict | None:
    d = session.get(DocumentRow, doc_id)
    if d is None:
        return None
    events = [{"id": e.id, "aggregate": e.aggregate_id, "event_type": e.event_type, "mode": e.mode or None,
               "source": e.source, "target": e.target, "negated": e.negated, "date": e.date,
               "date_precision": e.date_precision, "sentence": e.sentence, "start": e.start, "end": e.end,
               "evidence": e.evidence, "rule": e.rule}
              for e in session.scalars(select(EventRow).where(EventRow.document_id == d.id).order_by(EventRow.id))]
    mentions = [{"code": m.code, "kind": m.kind, "text": m.text, "start": m.start, "end": m.end,
                 "sentence": m.sentence, "rule": m.rule}
                for m in session.scalars(select(MentionRow).where(MentionRow.document_id == d.id).order_by(MentionRow.id))]
    relations = [{"id": r.id, "type": r.type, "subject": r.subject, "object": r.object, "value": r.value or None,
                  "since": r.since, "until": r.until, "start": r.start, "end": r.end, "evidence": r.evidence}
                 for r in session.scalars(select(RelationRow).where(RelationRow.document_id == d.id)
                                          .order_by(RelationRow.id))]
    copies = session.scalars(select(DocumentRow.id).where(DocumentRow.duplicate_of == d.id).order_by(DocumentRow.id)).all()
    return {**document_summary(d), "text": d.text, "messages": d.messages, "lexicon": d.lexicon,
            "copies": list(copies), "events": events, "mentions": mentions, "relations": relations}


def list_documents(session: Session, limit: int = 100, cursor: int | None = None) -> dict:
    q = select(DocumentRow).order_by(DocumentRow.id)
    if cursor:
        q = q.where(DocumentRow.id > cursor)
    rows = session.scalars(q.limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": [document_summary(d) for d in rows], "next_cursor": rows[-1].id if more and rows else None}


