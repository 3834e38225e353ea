"""One JSON-ready record per document, mention, event and relation, with provenance:
doc id, evidence {sentence, start, end, text} and the rule that produced it."""

from __future__ import annotations

from typing import Any

from litopys.events.cameo import goldstein, is_valid, quad_class
from litopys.model import Actor, Document, Event, Mention, Relation


def _actor(a: Actor | None) -> dict | None:
    return a.to_dict() if a else None


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "record": "document", "doc": doc.id, "lang": doc.lang,
        "published": doc.published.isoformat() if doc.published else None,
        "chars": len(doc.text), "sentences": len(doc.sentences), "source": doc.source,
        "url": doc.url or None, "title": doc.title or None, "messages": doc.messages,
    }


def mention_record(doc: Document, m: Mention) -> dict[str, Any]:
    return {
        "record": "mention", "doc": doc.id, "text": m.text, "start": m.start, "end": m.end,
        "sentence": m.sentence, "code": m.actor.code, "kind": m.actor.kind, "name": m.actor.name or None,
        "role": m.actor.role or None, "sector": m.actor.sector or None, "entity": m.actor.entity or None,
        "via": m.via, "evidence": {"sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text}, "rule": m.rule,
    }


def event_record(doc: Document, e: Event) -> dict[str, Any]:
    """quad_class and goldstein are what GDELT users sort by; reported_by is who said it
    ("X said that Y attacked Z": Y→Z, reported by X)."""
    valid = is_valid(e.cameo)
    return {
        "record": "event", "doc": doc.id, "event_type": e.event_type, "cameo": e.cameo, "mode": e.mode or None,
        "quad_class": quad_class(e.cameo) if valid else None, "goldstein": goldstein(e.cameo) if valid else None,
        "source": _actor(e.source), "target": _actor(e.target), "reported_by": _actor(e.reported_by), "symmetric": e.symmetric,
        "date": e.date, "date_precision": e.date_precision, "negated": e.negated, "modality": e.modality,
        "location": e.location.to_dict() if e.location else None, "trigger": e.trigger,
        "evidence": e.evidence.to_dict(), "sentence": e.evidence.text, "rule": e.rule,
    }


def relation_record(doc: Document, r: Relation) -> dict[str, Any]:
    return {
        "record": "relation", "doc": doc.id, "type": r.type, "subject": _actor(r.subject), "object": _actor(r.object),
        "value": r.value or None, "since": r.since, "until": r.until, "evidence": r.evidence.to_dict(), "rule": r.rule,
    }


def records(doc: Document, mentions: bool = True) -> list[dict[str, Any]]:
    out = [document_record(doc)]
    if mentions:
        out += [mention_record(doc, m) for m in doc.mentions]
    out += [event_record(doc, e) for e in doc.events]
    out += [relation_record(doc, r) for r in doc.relations]
    return out
