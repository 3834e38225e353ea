"""The Typer application and what every command shares: the console for messages, the
default database, date parsing that says how to fix a bad date."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import typer
from rich.console import Console

app = typer.Typer(help="litopys: news articles (uk, ru, en) → PLOVER events, actors and relations over time.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True)

DEFAULT_DB = "sqlite:///litopys.db"
DB_HELP = "SQLAlchemy URL, e.g. sqlite:///litopys.db or postgresql+psycopg://user@host/db."


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"'{value}' is not a date: write YYYY-MM-DD") from exc


def open_db(url: str, migrate: bool = True):  # noqa: ANN201 - an Engine, imported lazily
    """Open the database or say plainly why not and what to do, instead of a traceback."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

    from litopys.errors import warning as message
    from litopys.store.engine import SchemaError, open_engine

    try:
        return open_engine(url, migrate=migrate)
    except (ArgumentError, NoSuchModuleError) as exc:
        text = message("E040", path=url, detail=exc.__class__.__name__)
    except SchemaError as exc:
        text = message("E041", detail=str(exc))
    except SQLAlchemyError as exc:
        text = message("E042", path=url, detail=str(getattr(exc, "orig", exc)).strip().splitlines()[0])
    err.print(f"[red]error[/red] {text}", highlight=False)
    raise typer.Exit(2)
