"""Commands that fill and dump the database: ingest, run, export, explain-event, db."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from litopys.cli.app import DB_HELP, DEFAULT_DB, app, err, open_db
from litopys.cli.app import parse_day as _date
from litopys.io.reader import MAX_CHARS
from litopys.io.sources import Problem, count_inputs, iter_inputs
from litopys.model import Document
from litopys.pipeline import extract

db_app = typer.Typer(help="Database schema: show or apply migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def ingest_paths(paths: list[Path], db: str, published: date | None, lang: str | None, batch_size: int = 100,
                 quiet: bool = False, max_chars: int = MAX_CHARS) -> dict:
    """Extract and store in batches of one transaction each; a killed run loses only its open batch."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from litopys.lexicon.load import load_lexicon
    from litopys.store.write import IngestResult, is_stored, store_documents

    engine = open_db(db)
    total = IngestResult()
    problems = 0
    fingerprint = load_lexicon().fingerprint
    batch: list[Document] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=quiet) as progress:
        task = progress.add_task("ingesting", total=count_inputs(paths))
        for item in iter_inputs(paths, published, lang, max_chars=max_chars):
            progress.advance(task)
            if isinstance(item, Problem):
                problems += 1
                err.print(f"[yellow]skipped[/yellow] {item.where}: {item.message}", highlight=False)
                continue
            if is_stored(engine, item.text):
                total.duplicates += 1
                continue
            batch.append(extract(item))
            if len(batch) >= batch_size:
                total.add(store_documents(engine, batch, fingerprint))
                batch = []
        if batch:
            total.add(store_documents(engine, batch, fingerprint))
    engine.dispose()
    return {"stored": total.stored, "already_stored": total.duplicates, "near_duplicates": total.near_duplicates,
            "skipped": problems, "events": total.events, "relations": total.relations}


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt, .jsonl, .html, .warc(.gz).")],
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    published: Annotated[str | None, typer.Option("--date", help="Publication date for inputs without one.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Force the language.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = 100,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract articles and store documents, mentions, events and relations. Re-ingesting adds
    nothing; a near-duplicate is linked to its original; reports of one event are merged."""
    result = ingest_paths(paths, db, _date(published), lang, batch_size, quiet)
    typer.echo(json.dumps(result, ensure_ascii=False))


@app.command("run")
def run_cmd(
    corpus: Annotated[Path, typer.Option("--corpus", help="Folder of articles.")] = Path("examples"),
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
) -> None:
    """The main job: ingest the example corpus into the database and print a summary."""
    from sqlalchemy.orm import Session

    from litopys.query.stats import stats

    if not corpus.exists():
        err.print(f"[red]E025[/red] {corpus}: no such folder; run from the project root or pass --corpus")
        raise typer.Exit(2)
    result = ingest_paths([corpus], db, None, None)
    with Session(open_db(db)) as session:
        s = stats(session)
    out = Console()
    out.print(f"ingested {result['stored']} new document(s), {result['already_stored']} already stored, "
              f"{result['skipped']} skipped; database {db}")
    out.print(f"documents {s['documents']}  events {s['events']} (from {s['event_reports']} reports)  "
              f"relations {s['relations']}  languages {s['languages']}")
    t = Table(title="events by type")
    t.add_column("type")
    t.add_column("events", justify="right")
    for k, v in s["events_by_type"].items():
        t.add_row(k, str(v))
    out.print(t)
    p = Table(title="top actor pairs")
    for col in ("source", "target", "events"):
        p.add_column(col)
    for row in s["top_pairs"]:
        p.add_row(row["source"] or "—", row["target"] or "—", str(row["events"]))
    out.print(p)
    out.print("next: `litopys events`, `litopys serve`, `litopys export --format gdelt out.tsv`")


@app.command("explain-event")
def explain_event_cmd(
    event_id: Annotated[int, typer.Argument(help="Aggregated event id (from `litopys events`).")],
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
) -> None:
    """Say which reports merged into one event, from which articles, and why."""
    from sqlalchemy.orm import Session

    from litopys.query.events import get_event

    with Session(open_db(db)) as session:
        ev = get_event(session, event_id)
    if ev is None:
        err.print(f"[red]no event {event_id}[/red]; list them with `litopys events --db {db}`")
        raise typer.Exit(1)
    out = Console(highlight=False)
    out.print(f"event {ev['id']}: {ev['event_type']} {ev['mode'] or ''} {ev['source'] or '—'} → {ev['target'] or '—'}"
              f"{' (symmetric)' if ev['symmetric'] else ''}{' NEGATED' if ev['negated'] else ''}, "
              f"date {ev['date'] or 'unknown'} ({ev['date_precision'] or '-'}), CAMEO {ev['cameo']}")
    out.print(f"{ev['num_mentions']} report(s) in {ev['num_articles']} article(s) from {ev['num_sources']} source(s), "
              f"seen {ev['first_seen']} … {ev['last_seen']}")
    for r in ev["reports"]:
        dup = f" (near-duplicate of document {r['duplicate_of']})" if r["duplicate_of"] else ""
        out.print(f"- report {r['id']} in document {r['document']} {r['document_name']}{dup}, published {r['published']}")
        out.print(f"  merged because: {r['merge_reason']}")
        out.print(f"  sentence {r['sentence']} [{r['start']}:{r['end']}] rule {r['rule']}: {r['evidence']}")


@app.command("export")
def export_cmd(
    out: Annotated[Path, typer.Argument(help="Output file ('-' for stdout, except parquet).")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet, gdelt or polecat.")] = "jsonl",
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Events with this actor on either side.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    since: Annotated[str | None, typer.Option(help="Events dated on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Events dated on or before.")] = None,
    min_sources: Annotated[int | None, typer.Option("--min-sources", help="Reported by at least this many sources.")] = None,
    include_negated: Annotated[bool, typer.Option(help="gdelt/polecat: also write negated events (they have no "
                                                       "negation column).")] = False,
) -> None:
    """Write the aggregated events in a format other tools load unchanged."""
    from litopys.export import FORMATS, export
    from litopys.query.events import EventFilter

    if format not in FORMATS:
        raise typer.BadParameter(f"'{format}' is not a format; choose one of {', '.join(FORMATS)}")
    flt = EventFilter(actor=actor, type=type, since=since, until=until, min_sources=min_sources)
    engine = open_db(db)
    target = (sys.stdout.buffer if format == "parquet" else sys.stdout) if str(out) == "-" else out
    n = export(engine, format, target, flt, include_negated=include_negated)
    err.print(f"wrote {n} event(s) as {format} to {out}")


@db_app.command("upgrade")
def db_upgrade(db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB) -> None:
    """Apply every migration the database lacks (opening it with any command does this too)."""
    from litopys.store.engine import current_revision

    engine = open_db(db)
    typer.echo(f"{db}: at revision {current_revision(engine)}")


@db_app.command("current")
def db_current(db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB) -> None:
    """Print the database's schema revision and the newest one this litopys knows."""
    from litopys.store.engine import current_revision, head_revision

    engine = open_db(db, migrate=False)
    typer.echo(json.dumps({"current": current_revision(engine), "head": head_revision()}))
