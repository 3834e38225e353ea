"""What every route needs: a database session, the lexicon, the event filter read from
the query string, bounded paging, and CSV output. Shared by the API and the pages so both
validate a filter the same way."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Annotated, Literal

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy.orm import Session

from litopys.lexicon.load import Lexicon
from litopys.query.events import MAX_LIMIT, EventFilter

DEFAULT_LIMIT = 100
CODE_PATTERN = r"^[A-Za-z0-9_.-]{1,16}$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def get_session(request: Request) -> Iterator[Session]:
    """One session per request, closed when the response is sent."""
    with Session(request.app.state.engine) as session:
        yield session


def get_lexicon(request: Request) -> Lexicon:
    return request.app.state.lexicon


class EventQuery(BaseModel):
    """The filters of `litopys events`, as query parameters. An empty value (an empty
    field of the HTML filter form) means no filter."""

    model_config = ConfigDict(str_strip_whitespace=True)

    actor: str | None = Field(None, pattern=CODE_PATTERN, description="Actor code on either side (UKR, NATO).")
    source: str | None = Field(None, pattern=CODE_PATTERN, description="Source actor code.")
    target: str | None = Field(None, pattern=CODE_PATTERN, description="Target actor code.")
    type: str | None = Field(None, pattern=r"^[A-Za-z_]{1,16}$", description="PLOVER type, e.g. CONSULT.")
    mode: str | None = Field(None, pattern=r"^[A-Za-z_]{1,32}$", description="PLOVER mode, e.g. visit.")
    since: str | None = Field(None, pattern=DATE_PATTERN, description="Dated on or after YYYY[-MM[-DD]].")
    until: str | None = Field(None, pattern=DATE_PATTERN, description="Dated on or before YYYY[-MM[-DD]].")
    negated: bool | None = Field(None, description="true: only negated events; false: only positive ones.")
    lang: str | None = Field(None, pattern=r"^[A-Za-z]{2,3}$", description="Reported in this language (uk, ru, en).")
    min_sources: int | None = Field(None, ge=1, le=100_000, description="At least this many sources.")
    document: int | None = Field(None, ge=1, description="Reported in this document id.")

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    def to_filter(self) -> EventFilter:
        return EventFilter(**self.model_dump())


EventParams = Annotated[EventQuery, Query()]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1-{MAX_LIMIT}.")]
Cursor = Annotated[int | None, Query(ge=0, description="Continue after this id (the previous page's next_cursor).")]
ListFormat = Annotated[Literal["json", "csv"], Query(description="json (default) or csv.")]
PageFormat = Annotated[Literal["html", "json"], Query(description="html (default) or json: the data the page shows.")]


def _cell(value: object) -> object:
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with a `'`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return value


def csv_response(rows: Iterable[dict], columns: list[str], filename: str, next_cursor: int | None = None) -> Response:
    """CSV with a header row; the next page's cursor (or offset) travels in `X-Next-Cursor`."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else _cell(row.get(c)) for c in columns])
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if next_cursor is not None:
        headers["X-Next-Cursor"] = str(next_cursor)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
