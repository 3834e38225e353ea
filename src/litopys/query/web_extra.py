"""Queries only the web pages need: the actor network, the map's country counts and
points, timeline items, recent events of an actor and raw document texts. They reuse
`query.events.apply`, so a page filtered by actor, type or date answers the same question
as `/api/events` with the same filter."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from litopys.lexicon.load import Lexicon
from litopys.query.actors import display_name, lexicon_entry
from litopys.query.events import EventFilter, aggregate_dict, apply
from litopys.store.models import AggregateRow, DocumentRow, EventRow

MAX_NODES = 150
MAX_PLACES = 2000
COOPERATION_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)


def actor_kind(lexicon: Lexicon, code: str) -> str:
    """state, organisation, treaty or other (a code the lexicon does not know)."""
    found = lexicon_entry(lexicon, code)
    return found[0] if found else "other"


def network(session: Session, lexicon: Lexicon, f: EventFilter, max_nodes: int = MAX_NODES) -> dict:
    """Actors as nodes, one edge per unordered pair weighted by its events and split into
    cooperation (quad 1-2) and conflict (quad 3-4); people who acted for an actor hang off
    it, so one can see who spoke or signed for whom."""
    A = AggregateRow
    pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    activity: Counter[str] = Counter()
    rows = session.execute(apply(select(A.source, A.target, A.quad_class, func.count()), f)
                           .group_by(A.source, A.target, A.quad_class))
    for src, tgt, quad, n in rows:
        for code in {src, tgt} - {None}:
            activity[code] += n
        if src and tgt and src != tgt:
            side = "cooperation" if quad in COOPERATION_QUADS else "conflict" if quad in CONFLICT_QUADS else "neutral"
            pairs[tuple(sorted((src, tgt)))][side] += n  # type: ignore[index]
    keep = {c for c, _ in sorted(activity.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
    nodes = [{"id": c, "code": c, "label": c, "name": display_name(lexicon, c), "kind": actor_kind(lexicon, c),
              "events": activity[c]} for c in sorted(keep)]
    edges = []
    for (a, b), sides in sorted(pairs.items()):
        if a in keep and b in keep:
            total = sum(sides.values())
            tone = "conflict" if sides["conflict"] > sides["cooperation"] else "cooperation"
            edges.append({"from": a, "to": b, "events": total, "cooperation": sides["cooperation"],
                          "conflict": sides["conflict"], "tone": tone, "kind": "events"})
    people: dict[str, dict] = {}
    links: Counter[tuple[str, str]] = Counter()
    q = apply(select(EventRow.source_actor, EventRow.target_actor).join(A, A.id == EventRow.aggregate_id), f)
    for actors in session.execute(q):
        for actor in actors:
            if not actor or actor.get("kind") != "person" or actor.get("code") not in keep:
                continue
            pid = "person:" + str(actor.get("entity") or actor.get("name"))
            people.setdefault(pid, {"id": pid, "code": actor["code"], "label": actor.get("name") or pid,
                                    "name": actor.get("name") or pid, "kind": "person",
                                    "role": actor.get("role") or None, "events": 0})
            people[pid]["events"] += 1
            links[(pid, actor["code"])] += 1
    nodes += sorted(people.values(), key=lambda p: p["id"])
    edges += [{"from": pid, "to": code, "events": n, "cooperation": 0, "conflict": 0, "tone": "person",
               "kind": "acts_for"} for (pid, code), n in sorted(links.items())]
    return {"nodes": nodes, "edges": edges, "filter": f.as_params()}


def country_counts(session: Session, f: EventFilter, states: Collection[str] | None = None) -> dict[str, int]:
    """Events per country code: an event counts once for each distinct code among its
    source, target and location country. With `states`, other codes (NATO, EU) are left out."""
    A = AggregateRow
    counts: Counter[str] = Counter()
    for src, tgt, country in session.execute(apply(select(A.source, A.target, A.country), f)):
        for code in {src, tgt, country} - {None, ""}:
            if states is None or code in states:
                counts[code] += 1
    return dict(sorted(counts.items()))


def _gazetteer_point(place: str, lang: str = "en") -> tuple[float, float] | None:
    try:
        from litopys.places.gazetteer import places_by_name
    except ImportError:  # pragma: no cover - the gazetteer is optional for the pages
        return None
    found = places_by_name(lang).get(place)
    return (found.lat, found.lon) if found else None


def event_points(session: Session, f: EventFilter, max_places: int = MAX_PLACES) -> list[dict]:
    """One point per place, with its event count and quad classes. Coordinates come from
    the stored event; a place stored without them is looked up by name in the gazetteer
    and marked `approximate`."""
    A = AggregateRow
    q = (apply(select(A.place, A.country, A.lat, A.lon, A.quad_class, func.count(), func.min(A.id)), f)
         .where(A.place.is_not(None)).group_by(A.place, A.country, A.lat, A.lon, A.quad_class))
    merged: dict[tuple, dict] = {}
    for place, country, lat, lon, quad, n, first_id in session.execute(q):
        approximate = False
        if lat is None or lon is None:
            point = _gazetteer_point(place)
            if point is None:
                continue
            (lat, lon), approximate = point, True
        key = (place, country, round(lat, 4), round(lon, 4))
        p = merged.setdefault(key, {"place": place, "country": country, "lat": lat, "lon": lon, "events": 0,
                                    "by_quad": {}, "approximate": approximate, "first_event": first_id})
        p["events"] += n
        p["by_quad"][str(quad)] = p["by_quad"].get(str(quad), 0) + n
        p["first_event"] = min(p["first_event"], first_id)
    points = sorted(merged.values(), key=lambda p: (-p["events"], p["place"]))
    return points[:max_places]


def timeline_items(session: Session, f: EventFilter, limit: int = 1000) -> dict:
    """Dated events for the timeline, newest first, and how many matched without a date."""
    A = AggregateRow
    rows = session.scalars(apply(select(A), f).where(A.date.is_not(None))
                           .order_by(A.date.desc(), A.id.desc()).limit(limit)).all()
    undated = session.scalar(apply(select(func.count(A.id)), f).where(A.date.is_(None))) or 0
    dated = session.scalar(apply(select(func.count(A.id)), f).where(A.date.is_not(None))) or 0
    return {"items": [aggregate_dict(a) for a in rows], "dated": dated, "undated": undated, "shown": len(rows)}


def recent_events(session: Session, code: str, limit: int = 20) -> list[dict]:
    """An actor's latest events by date (undated ones last)."""
    A = AggregateRow
    code = code.strip().upper()
    rows = session.scalars(select(A).where(or_(A.source == code, A.target == code))
                           .order_by(A.date.is_(None), A.date.desc(), A.id.desc()).limit(limit)).all()
    return [aggregate_dict(a) for a in rows]


def document_texts(session: Session, ids: list[int]) -> dict[int, str]:
    """Full texts of some documents, for showing evidence in place."""
    if not ids:
        return {}
    return dict(session.execute(select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(ids))).all())


def document_id_for_sha(session: Session, sha256: str) -> int | None:
    return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256))
