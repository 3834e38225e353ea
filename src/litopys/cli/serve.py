"""`litopys serve`: the REST API and the offline web pages from one process."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from litopys.cli.app import DB_HELP, DEFAULT_DB, app, err, open_db


@app.command("serve")
def serve_cmd(
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    write_token: Annotated[str | None, typer.Option("--write-token", envvar="LITOPYS_WRITE_TOKEN",
                                                    help="Enable POST /api/ingest, guarded by this bearer token.")] = None,
) -> None:
    """Serve the API (/api, OpenAPI at /docs) and the web pages (/, /events, /network, /map)."""
    import uvicorn

    from litopys.web.app import create_app

    if host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("LITOPYS_PUBLIC"):
        err.print(f"[yellow]note[/yellow] listening on {host}: the pages are read-only, but anyone who reaches "
                  "this port can read the database")
    open_db(db).dispose()  # a bad URL or a missing server is said here, plainly
    err.print(f"litopys on http://{host}:{port}/  (database {db}; Ctrl+C stops)")
    uvicorn.run(create_app(db, write_token=write_token), host=host, port=port, log_level="warning")
