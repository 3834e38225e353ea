"""HTTP hardening as plain ASGI middleware: a Content-Security-Policy that allows only our
own scripts (no inline script, nothing remote; inline *styles* are allowed because
vis-timeline and vis-network inject their CSS at run time), and bounded request sizes (body, query
string), so a page showing hostile article text cannot run it and a client cannot make
the server read without end."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
MAX_QUERY_BYTES = 4096


class BodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing passes it on as a 413 instead of a 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=f"request body larger than {limit} bytes")


async def _json_error(send, status: int, detail: str) -> None:  # noqa: ANN001
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": body})


class SecurityMiddleware:
    """Adds the security headers to every response and refuses oversized requests:
    413 for a body over `max_body` bytes (declared or streamed), 414 for a long query."""

    def __init__(self, app, max_body: int, max_query: int = MAX_QUERY_BYTES) -> None:  # noqa: ANN001
        self.app = app
        self.max_body = max_body
        self.max_query = max_query

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query:
            await _json_error(send, 414, f"query string longer than {self.max_query} bytes")
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body
            except ValueError:
                await _json_error(send, 400, "bad Content-Length")
                return
            if too_big:
                await _json_error(send, 413, f"request body larger than {self.max_body} bytes")
                return
        seen = 0
        started = False

        async def limited_receive():  # noqa: ANN202
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def send_with_headers(message) -> None:  # noqa: ANN001
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *(h for h in HEADERS if h[0] not in names)]}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _json_error(send, 413, f"request body larger than {self.max_body} bytes")
