"""One FastAPI app for `litopys serve`: the REST API under /api, its OpenAPI description
at /openapi.json with Swagger UI at /docs (served from the package, no CDN), the HTML pages,
and the static files under /static. Read-only unless a write token is given."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from litopys import __version__
from litopys.api.ingest import MAX_BODY_BYTES, ingest_router
from litopys.api.routes import router as api_router
from litopys.lexicon.load import load_lexicon
from litopys.store.engine import open_engine
from litopys.web.pages import router as pages_router
from litopys.web.pages import templates
from litopys.web.security import SecurityMiddleware

STATIC = Path(__file__).with_name("static")


def _wants_json(request: Request) -> bool:
    path = request.url.path
    accept = request.headers.get("accept", "")
    return (path.startswith(("/api/", "/openapi")) or path == "/api" or request.query_params.get("format") == "json"
            or ("application/json" in accept and "text/html" not in accept))


def create_app(db_url: str, write_token: str | None = None) -> FastAPI:
    """The app for `db_url`. With a non-empty `write_token`, POST /api/ingest exists and
    requires `Authorization: Bearer <write_token>`; without one there is no write route."""
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.engine.dispose()

    app = FastAPI(title="litopys", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="PLOVER events, relations and actors from dated news (uk, ru, en), with evidence. "
                              "Read-only unless the server was started with a write token.")
    app.state.engine = open_engine(db_url)
    app.state.lexicon = load_lexicon()
    app.state.writable = bool(write_token)
    app.add_middleware(SecurityMiddleware, max_body=MAX_BODY_BYTES)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_router)
    if write_token:
        app.include_router(ingest_router(write_token))
    app.include_router(pages_router)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "docs.html", {"openapi_url": app.openapi_url})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):  # noqa: ANN202
        if _wants_json(request):
            return await http_exception_handler(request, exc)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail,
                                                                  "errors": []},
                                          status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):  # noqa: ANN202
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        errors = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}" for e in exc.errors()]
        return templates.TemplateResponse(request, "error.html", {"status": 422, "detail": "bad parameters",
                                                                  "errors": errors}, status_code=422)

    return app
