"""The HTML pages. Each page gathers one dict of data from `litopys.query`, then renders it
with an autoescaping Jinja2 template, or returns it as JSON with `?format=json`. Data the
page's scripts need travels in a `<script type="application/json">` block (see
`markup.safe_json`), read by our static JS: there is no inline script, so the CSP can
forbid them."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from sqlalchemy.orm import Session

from litopys.api.deps import (
    CODE_PATTERN,
    DEFAULT_LIMIT,
    Cursor,
    EventParams,
    Limit,
    PageFormat,
    get_lexicon,
    get_session,
)
from litopys.lexicon.load import Lexicon
from litopys.query.actors import actor_profile, display_name, known_actors
from litopys.query.documents import get_document, list_documents
from litopys.query.events import COOPERATION, EventFilter, get_event, list_events
from litopys.query.stats import stats
from litopys.query.web_extra import (
    country_counts,
    document_texts,
    event_points,
    network,
    recent_events,
    timeline_items,
)
from litopys.web.markup import safe_json, segments

TEMPLATES = FsPath(__file__).with_name("templates")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CONTEXT_CHARS = 3000  # document text shown around a piece of evidence on the event page
TIMELINE_MAX = 1000
MAX_REPORT_TEXTS = 50  # reports shown with their document text on an event page

env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True, lstrip_blocks=True)
env.filters["safe_json"] = safe_json
env.globals.update(plover_types=PLOVER_TYPES, quads=COOPERATION)
templates = Jinja2Templates(env=env)

router = APIRouter(include_in_schema=False)
SessionDep = Annotated[Session, Depends(get_session)]
LexiconDep = Annotated[Lexicon, Depends(get_lexicon)]


def qs(params: dict) -> str:
    """A query string of the non-empty parameters."""
    return urlencode({k: ("true" if v is True else "false" if v is False else v) for k, v in params.items()
                      if v is not None and v != ""})


env.globals["qs"] = qs


def render(request: Request, template: str, data: dict, fmt: str, title: str, lexicon: Lexicon,
           script_data: dict | None = None, **extra: object) -> Response:
    """The page as HTML, or its data as JSON. `script_data` (default: `data`) goes to the page's JS."""
    if fmt == "json":
        return JSONResponse(data)
    params = dict(request.query_params)
    params["format"] = "json"
    context = {"data": data, "title": title, "name": lambda code: display_name(lexicon, code),
               "json_url": f"{request.url.path}?{qs(params)}", "page_data": safe_json(data if script_data is None
                                                                                        else script_data),
               "path": request.url.path, **extra}
    return templates.TemplateResponse(request, template, context)


def _names(lexicon: Lexicon, codes: set[str | None]) -> dict[str, str]:
    return {c: display_name(lexicon, c) for c in sorted(c for c in codes if c)}


def _event_names(lexicon: Lexicon, items: list[dict]) -> dict[str, str]:
    return _names(lexicon, {e["source"] for e in items} | {e["target"] for e in items})


@router.get("/")
def overview(request: Request, session: SessionDep, lexicon: LexiconDep, q: EventParams,
             format: PageFormat = "html") -> Response:
    f = q.to_filter()
    timeline = timeline_items(session, f, TIMELINE_MAX)
    data = {"stats": stats(session), "filter": f.as_params(), "timeline": timeline,
            "names": _event_names(lexicon, timeline["items"])}
    return render(request, "overview.html", data, format, "Overview", lexicon,
                  actors=known_actors(session, lexicon, 300))


@router.get("/events")
def events_page(request: Request, session: SessionDep, lexicon: LexiconDep, q: EventParams,
                limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: PageFormat = "html") -> Response:
    f = q.to_filter()
    page = list_events(session, f, limit, cursor)
    data = {**page, "cursor": cursor, "names": _event_names(lexicon, page["items"])}
    return render(request, "events.html", data, format, "Events", lexicon, actors=known_actors(session, lexicon, 300))


@router.get("/events/{event_id}")
def event_page(request: Request, session: SessionDep, lexicon: LexiconDep, event_id: Annotated[int, Path(ge=1)],
               format: PageFormat = "html") -> Response:
    event = get_event(session, event_id)
    if event is None:
        raise HTTPException(404, detail=f"no event {event_id}: see the list at /events")
    event["names"] = _names(lexicon, {event["source"], event["target"]})
    texts = document_texts(session, sorted({r["document"] for r in event["reports"][:MAX_REPORT_TEXTS]}))
    contexts = {}
    for r in event["reports"][:MAX_REPORT_TEXTS]:
        text = texts.get(r["document"], "")
        lo, hi = max(0, r["start"] - CONTEXT_CHARS), min(len(text), r["end"] + CONTEXT_CHARS)
        contexts[r["id"]] = {"before": lo > 0, "after": hi < len(text),
                             "segments": segments(text, focus=(r["start"], r["end"]), window=(lo, hi))}
    title = f"{event['event_type']} {event['source'] or '?'} → {event['target'] or '?'}"
    return render(request, "event.html", event, format, title, lexicon, script_data={"id": event_id},
                  contexts=contexts)


@router.get("/actors")
def actors_page(request: Request, session: SessionDep, lexicon: LexiconDep,
                limit: Annotated[int, Query(ge=1, le=1000)] = 500, format: PageFormat = "html") -> Response:
    data = {"items": known_actors(session, lexicon, limit)}
    return render(request, "actors.html", data, format, "Actors", lexicon)


@router.get("/actors/{code}")
def actor_page(request: Request, session: SessionDep, lexicon: LexiconDep,
               code: Annotated[str, Path(pattern=CODE_PATTERN)], format: PageFormat = "html") -> Response:
    profile = actor_profile(session, lexicon, code)
    if profile is None:
        raise HTTPException(404, detail=f"no actor {code.upper()}: codes are ISO alpha-3 for states (UKR) or short "
                                        "codes (NATO); see /actors")
    f = EventFilter(actor=profile["code"])
    profile["recent_events"] = recent_events(session, profile["code"], 25)
    profile["timeline"] = timeline_items(session, f, TIMELINE_MAX)
    codes = {c["code"] for c in profile["counterparts"]} | {e["source"] for e in profile["recent_events"]} | {
        e["target"] for e in profile["recent_events"]} | {e["source"] for e in profile["timeline"]["items"]} | {
        e["target"] for e in profile["timeline"]["items"]} | {r["subject"] for r in profile["relations"]} | {
        r["object"] for r in profile["relations"]}
    profile["names_of"] = _names(lexicon, codes)
    script = {"timeline": profile["timeline"], "names": profile["names_of"]}
    return render(request, "actor.html", profile, format, f"{profile['name']} ({profile['code']})", lexicon,
                  script_data=script)


@router.get("/documents")
def documents_page(request: Request, session: SessionDep, lexicon: LexiconDep, limit: Limit = DEFAULT_LIMIT,
                   cursor: Cursor = None, format: PageFormat = "html") -> Response:
    data = {**list_documents(session, limit, cursor), "cursor": cursor, "limit": limit}
    return render(request, "documents.html", data, format, "Documents", lexicon)


@router.get("/documents/{doc_id}")
def document_page(request: Request, session: SessionDep, lexicon: LexiconDep, doc_id: Annotated[int, Path(ge=1)],
                  format: PageFormat = "html") -> Response:
    doc = get_document(session, doc_id)
    if doc is None:
        raise HTTPException(404, detail=f"no document {doc_id}: see the list at /documents")
    segs = segments(doc["text"], [(e["id"], e["start"], e["end"]) for e in doc["events"]],
                    [(m["code"], m["start"], m["end"]) for m in doc["mentions"]])
    starts = {e["start"]: [] for e in doc["events"]}
    for e in doc["events"]:
        starts[e["start"]].append(e["id"])
    names = _names(lexicon, {e["source"] for e in doc["events"]} | {e["target"] for e in doc["events"]}
                   | {m["code"] for m in doc["mentions"]})
    by_id = {e["id"]: e for e in doc["events"]}
    return render(request, "document.html", doc, format, doc["title"] or doc["name"], lexicon,
                  script_data={"id": doc_id}, segs=segs, starts=starts, names_of=names, events_by_id=by_id)


@router.get("/network")
def network_page(request: Request, session: SessionDep, lexicon: LexiconDep, q: EventParams,
                 format: PageFormat = "html") -> Response:
    data = network(session, lexicon, q.to_filter())
    return render(request, "network.html", data, format, "Actor network", lexicon,
                  actors=known_actors(session, lexicon, 300))


@router.get("/map")
def map_page(request: Request, session: SessionDep, lexicon: LexiconDep, q: EventParams,
             format: PageFormat = "html") -> Response:
    f = q.to_filter()
    data = {"filter": f.as_params(), "countries": country_counts(session, f, lexicon.states), "points": event_points(session, f)}
    return render(request, "map.html", data, format, "Map", lexicon, actors=known_actors(session, lexicon, 300))
