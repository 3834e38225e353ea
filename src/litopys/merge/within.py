"""Within one document the same event is often told twice (`підписали декларацію` …
`церемонія підписання`): same type, negation, actor pair (either order when symmetric)
and a compatible date become one event that keeps every evidence span in its notes."""

from __future__ import annotations

from litopys.model import Document, Event


def _pair(e: Event) -> tuple:
    a = e.source.code if e.source else None
    b = e.target.code if e.target else None
    return tuple(sorted((a or "", b or ""))) if e.symmetric else (a, b)


def _act(e: Event) -> tuple:
    """What was done, finer than the PLOVER type: an invasion (190) and the seizure of a
    plant (192) on the same day are two acts, and so are an agreement to a ceasefire and
    one to a withdrawal (both 0356: the rule names what was agreed); a meeting (040) and
    talks (046) are one."""
    content = e.rule.partition("+")[2]
    if e.event_type == "CONSULT":
        return (e.mode, content)
    return (e.mode, e.cameo, content)


def _compatible(a: Event, b: Event) -> bool:
    if a.date == b.date:
        return True
    if a.date is None or b.date is None:
        return False
    return a.date.startswith(b.date) or b.date.startswith(a.date)


class WithinDocumentMerger:
    """requires: events; assigns: doc.events (deduplicated)."""

    name = "merge"

    def __call__(self, doc: Document) -> Document:
        kept: list[Event] = []
        for e in doc.events:
            twin = next((k for k in kept if k.event_type == e.event_type and _act(k) == _act(e) and k.negated == e.negated
                         and _pair(k) == _pair(e) and _compatible(k, e)), None)
            if twin is None:
                kept.append(e)
                continue
            if twin.date_precision in (None, "year", "month") and e.date_precision in ("day", "week"):
                twin.date, twin.date_precision = e.date, e.date_precision
            twin.notes.append(f"merged with the report at sentence {e.evidence.sentence}: '{e.evidence.text[:80]}'")
            doc.dropped.append((e, f"merged into the event at sentence {twin.evidence.sentence}"))
        doc.events = kept
        return doc
