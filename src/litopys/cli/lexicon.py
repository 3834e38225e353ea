"""`litopys lexicon check|stats`: validate and describe the bundled lexicons."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from litopys.cli.app import app, err

lexicon_app = typer.Typer(help="Check and describe the bundled lexicons.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("check")
def lexicon_check() -> None:
    """Validate every lexicon and pattern file (schema, duplicates, clashing names, dates)."""
    from litopys.lexicon.validate import check_all

    problems = check_all()
    for p in problems:
        err.print(p, highlight=False)
    if problems:
        err.print(f"[red]{len(problems)} problem(s)[/red]")
        raise typer.Exit(1)
    typer.echo("lexicon OK")


@lexicon_app.command("stats")
def lexicon_stats(
    format: Annotated[str, typer.Option("--format", help="json or table")] = "table",
) -> None:
    """Count entries and surface forms per kind and language."""
    from litopys.lexicon.validate import stats

    s = stats()
    if format == "json":
        typer.echo(json.dumps(s, ensure_ascii=False, indent=1))
        return
    t = Table(title=f"lexicon {s['fingerprint']}")
    for col in ("kind", "entries", "uk", "ru", "en"):
        t.add_column(col)
    for kind, v in s["kinds"].items():
        t.add_row(kind, str(v["entries"]), *(str(v["surface_forms"][lang]) for lang in ("uk", "ru", "en")))
    Console().print(t)
