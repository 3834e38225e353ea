"""POST /api/ingest: the one write endpoint. It exists only when the server was started
with a token, and then answers only requests that carry it (`Authorization: Bearer ...`,
compared in constant time). Re-posting a text already stored adds nothing."""

from __future__ import annotations

import datetime as dt
import hmac
import threading
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from litopys.errors import InputError
from litopys.io.reader import MAX_CHARS, document_id, from_text
from litopys.pipeline import extract
from litopys.query.web_extra import document_id_for_sha
from litopys.store.write import store_documents, text_sha256

MAX_BODY_BYTES = 2 * 1024 * 1024


class IngestBody(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CHARS, description="Article text; may start with `date YYYY-MM-DD`.")
    date: dt.date | None = Field(None, description="Publication date, if the text has no date header.")
    url: str = Field("", max_length=2048)
    title: str = Field("", max_length=2000)
    source: str = Field("", max_length=1024, description="Outlet or feed name.")
    lang: Literal["uk", "ru", "en"] | None = Field(None, description="Force the language (detected otherwise).")


_EXTRACT_LOCK = threading.Lock()


def bearer_guard(token: str):  # noqa: ANN201 - a FastAPI dependency
    expected = token.encode("utf-8")

    def check(authorization: Annotated[str | None, Header()] = None) -> None:
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"), expected):
            raise HTTPException(401, detail="ingest needs the server's write token: Authorization: Bearer <token>",
                                headers={"WWW-Authenticate": "Bearer"})

    return check


def ingest_router(token: str) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["write"])

    @router.post("/ingest", summary="Extract and store one article (needs the write token)",
                 dependencies=[Depends(bearer_guard(token))])
    def ingest(body: IngestBody, request: Request) -> dict:
        engine = request.app.state.engine
        try:
            doc = from_text(body.text, f"api-{document_id(body.text)}.txt", body.date, body.lang, url=body.url,
                            title=body.title, source=body.source or "api")
        except InputError as exc:
            raise HTTPException(422, detail=str(exc)) from exc
        sha = text_sha256(doc.text)
        with Session(engine) as session:
            existing = document_id_for_sha(session, sha)
        if existing is not None:
            return {"document": existing, "stored": False, "events": 0, "relations": 0, "messages": []}
        with _EXTRACT_LOCK:  # the pipelines keep per-call scratch state: one extraction at a time
            extracted = extract(doc)
        result = store_documents(engine, [extracted], request.app.state.lexicon.fingerprint)
        with Session(engine) as session:
            doc_id = document_id_for_sha(session, sha)
        return {"document": doc_id, "stored": result.stored > 0, "events": result.events,
                "relations": result.relations, "messages": list(doc.messages)}

    return router
