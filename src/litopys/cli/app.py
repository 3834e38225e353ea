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
