"""Relation timelines: what the articles state about memberships, treaties and declared
relation levels, aggregated per pair with since/until and the documents behind them, and
beside them the lexicon's facts of record (organisation memberships with their dates)."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from litopys.lexicon.load import Lexicon
from litopys.store.models import DocumentRow, RelationRow


def _span_min(values: list[str | None]) -> str | None:
    vals = [v for v in values if v]
    return min(vals) if vals else None


def _span_max(values: list[str | None]) -> str | None:
    vals = [v for v in values if v]
    return max(vals) if vals else None


def stated_relations(session: Session, code: str | None = None, type: str | None = None) -> list[dict]:
    q = select(RelationRow, DocumentRow).join(DocumentRow, DocumentRow.id == RelationRow.document_id)
    if code:
        code = code.upper()
        q = q.where(or_(RelationRow.subject == code, RelationRow.object == code))
    if type:
        q = q.where(RelationRow.type == type)
    groups: dict[tuple, dict] = {}
    for rel, doc in session.execute(q.order_by(RelationRow.id)):
        key = (rel.type, rel.subject, rel.object, rel.value)
        g = groups.setdefault(key, {"type": rel.type, "subject": rel.subject, "object": rel.object,
                                    "value": rel.value or None, "record": False, "statements": []})
        g["statements"].append({"id": rel.id, "document": doc.id, "document_name": doc.name,
                                "published": doc.published, "since": rel.since, "until": rel.until,
                                "sentence": rel.sentence, "start": rel.start, "end": rel.end,
                                "evidence": rel.evidence, "rule": rel.rule})
    out = []
    for g in groups.values():
        st = g["statements"]
        g["since"] = _span_min([s["since"] for s in st])
        g["until"] = _span_max([s["until"] for s in st])
        g["first_stated"] = _span_min([s["published"] for s in st])
        g["last_stated"] = _span_max([s["published"] for s in st])
        g["documents"] = sorted({s["document"] for s in st})
        out.append(g)
    return sorted(out, key=lambda g: (g["type"], g["subject"], g["object"], g["since"] or ""))


def recorded_memberships(lexicon: Lexicon, code: str | None = None) -> list[dict]:
    """Memberships the lexicon holds as facts of record, one row per membership span."""
    out = []
    code = code.upper() if code else None
    for org_code, org in sorted(lexicon.organisations.items()):
        for m in org.get("members") or []:
            if code and code not in (m["code"], org_code):
                continue
            out.append({"type": "member_of", "subject": m["code"], "object": org_code, "value": None,
                        "since": str(m["since"]) if m.get("since") else None,
                        "until": str(m["until"]) if m.get("until") else None, "record": True,
                        "statements": [], "documents": []})
    return out


def relation_timeline(session: Session, lexicon: Lexicon, code: str | None = None, type: str | None = None,
                      record: bool = True) -> list[dict]:
    rows = stated_relations(session, code, type)
    if record and (type in (None, "member_of")):
        rows += recorded_memberships(lexicon, code)
    return rows
