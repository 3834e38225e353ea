"""The read-only REST API under /api. Every list is ordered by id (keyset paging with
`cursor`, so pages stay stable while articles are ingested) and bounded by `limit`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from sqlalchemy.orm import Session

from litopys.api.deps import (
    CODE_PATTERN,
    DEFAULT_LIMIT,
    Cursor,
    EventParams,
    Limit,
    ListFormat,
    csv_response,
    get_lexicon,
    get_session,
)
from litopys.lexicon.load import Lexicon
from litopys.query.actors import actor_profile, known_actors
from litopys.query.documents import get_document, list_documents, search
from litopys.query.events import get_event, list_events
from litopys.query.relations import relation_timeline
from litopys.query.stats import stats

router = APIRouter(prefix="/api", tags=["read"])

SessionDep = Annotated[Session, Depends(get_session)]
LexiconDep = Annotated[Lexicon, Depends(get_lexicon)]

EVENT_COLUMNS = ["id", "date", "date_precision", "event_type", "mode", "cameo", "source", "target", "symmetric",
                 "negated", "modality", "quad_class", "goldstein", "place", "country", "lat", "lon",
                 "num_sources", "num_articles", "num_mentions", "first_seen", "last_seen"]
ACTOR_COLUMNS = ["code", "name", "kind", "events"]
DOCUMENT_COLUMNS = ["id", "name", "lang", "published", "source", "url", "title", "chars", "duplicate_of", "similarity"]
RELATION_COLUMNS = ["type", "subject", "object", "value", "since", "until", "record", "first_stated", "last_stated",
                    "documents"]


def not_found(what: str, key: object, hint: str) -> HTTPException:
    return HTTPException(404, detail=f"no {what} {key!s}: {hint}")


def flat_event(e: dict) -> dict:
    loc = e.get("location") or {}
    return {**e, "place": loc.get("name"), "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon")}


@router.get("/events", summary="Aggregated events, filtered and paged")
def events(session: SessionDep, q: EventParams, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None,
           format: ListFormat = "json"):  # noqa: ANN201 - JSON dict or CSV response
    """Each real-world event once, in id order. Pass `next_cursor` back as `cursor` for the next page."""
    page = list_events(session, q.to_filter(), limit, cursor)
    if format == "csv":
        return csv_response((flat_event(e) for e in page["items"]), EVENT_COLUMNS, "events.csv", page["next_cursor"])
    return page


@router.get("/events/{event_id}", summary="One event with every report and its evidence")
def event(session: SessionDep, event_id: Annotated[int, Path(ge=1)]) -> dict:
    found = get_event(session, event_id)
    if found is None:
        raise not_found("event", event_id, "list event ids with /api/events")
    return found


@router.get("/actors", summary="Actors seen in events, most active first")
def actors(session: SessionDep, lexicon: LexiconDep, limit: Limit = 500, format: ListFormat = "json"):  # noqa: ANN201
    items = known_actors(session, lexicon, limit)
    if format == "csv":
        return csv_response(items, ACTOR_COLUMNS, "actors.csv")
    return {"items": items, "limit": limit}


@router.get("/actors/{code}", summary="Names, people, relations and counterparts of one actor")
def actor(session: SessionDep, lexicon: LexiconDep, code: Annotated[str, Path(pattern=CODE_PATTERN)]) -> dict:
    found = actor_profile(session, lexicon, code)
    if found is None:
        raise not_found("actor", code.upper(), "codes are ISO alpha-3 for states (UKR) or short codes (NATO); "
                                               "list them with /api/actors")
    return found


@router.get("/relations", summary="Relation timeline: stated relations beside the lexicon's records")
def relations(session: SessionDep, lexicon: LexiconDep,
              code: Annotated[str | None, Query(pattern=CODE_PATTERN, description="Actor code (omit for all).")] = None,
              type: Annotated[str | None, Query(pattern=r"^[a-z_]{1,32}$",
                                                description="member_of, party_to, relation_level, ...")] = None,
              record: Annotated[bool, Query(description="Include the lexicon's memberships of record.")] = True,
              limit: Limit = 1000,
              offset: Annotated[int, Query(ge=0, description="Skip this many (the previous page's next_offset).")] = 0,
              format: ListFormat = "json"):  # noqa: ANN201
    """Grouped per (type, subject, object, value), ordered by type, subject, object, since."""
    rows = relation_timeline(session, lexicon, code, type, record)
    items = rows[offset:offset + limit]
    next_offset = offset + limit if offset + limit < len(rows) else None
    if format == "csv":
        return csv_response(items, RELATION_COLUMNS, "relations.csv", next_offset)
    return {"items": items, "total": len(rows), "next_offset": next_offset, "limit": limit}


@router.get("/documents", summary="Stored documents, paged")
def documents(session: SessionDep, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None,
              format: ListFormat = "json"):  # noqa: ANN201
    page = list_documents(session, limit, cursor)
    if format == "csv":
        return csv_response(page["items"], DOCUMENT_COLUMNS, "documents.csv", page["next_cursor"])
    return {**page, "limit": limit}


@router.get("/documents/{doc_id}", summary="One document: text, mentions, events, relations")
def document(session: SessionDep, doc_id: Annotated[int, Path(ge=1)]) -> dict:
    found = get_document(session, doc_id)
    if found is None:
        raise not_found("document", doc_id, "list document ids with /api/documents")
    return found


@router.get("/stats", summary="What the database holds")
def get_stats(session: SessionDep) -> dict:
    return stats(session)


@router.get("/search", summary="Documents and events by words (uk, ru, en; inflected forms match)")
def search_words(session: SessionDep, q: Annotated[str, Query(min_length=1, max_length=200)],
                 limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict:
    return search(session, q, limit)
