"""Counts for the overview: what the database holds and who acts most."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from litopys.store.models import AggregateRow, DocumentRow, EventRow, MentionRow, RelationRow


def stats(session: Session, top: int = 10) -> dict:
    def count(col) -> int:  # noqa: ANN001
        return session.scalar(select(func.count(col))) or 0

    by_type = dict(session.execute(select(AggregateRow.event_type, func.count()).group_by(AggregateRow.event_type)).all())
    by_quad = dict(session.execute(select(AggregateRow.quad_class, func.count()).group_by(AggregateRow.quad_class)).all())
    langs = dict(session.execute(select(DocumentRow.lang, func.count()).group_by(DocumentRow.lang)).all())
    pairs: Counter[tuple[str, str]] = Counter()
    for src, tgt, sym in session.execute(select(AggregateRow.source, AggregateRow.target, AggregateRow.symmetric)):
        key = tuple(sorted((src or "", tgt or ""))) if sym else (src or "", tgt or "")
        pairs[key] += 1  # type: ignore[index]
    dmin, dmax = session.execute(select(func.min(AggregateRow.date), func.max(AggregateRow.date))).one()
    return {
        "documents": count(DocumentRow.id),
        "near_duplicates": session.scalar(select(func.count(DocumentRow.id)).where(DocumentRow.duplicate_of.is_not(None))) or 0,
        "events": count(AggregateRow.id), "event_reports": count(EventRow.id), "relations": count(RelationRow.id),
        "mentions": count(MentionRow.id), "languages": {k or "unknown": v for k, v in langs.items()},
        "events_by_type": dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
        "events_by_quad": {str(k): v for k, v in sorted(by_quad.items())},
        "date_range": [dmin, dmax],
        "top_pairs": [{"source": a or None, "target": b or None, "events": n} for (a, b), n in pairs.most_common(top)],
    }
