"""The `litopys` command. Thin: every command calls the stages and stores above."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from litopys.errors import InputError
from litopys.io.reader import MAX_CHARS, read_file
from litopys.model import Document
from litopys.output.records import records
from litopys.pipeline import extract

app = typer.Typer(help="litopys: news articles (uk, ru, en) → PLOVER events, actors and relations over time.",
                  no_args_is_help=True, add_completion=False)
lexicon_app = typer.Typer(help="Check and describe the bundled lexicons.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")
err = Console(stderr=True)

DEFAULT_DB = "sqlite:///litopys.db"


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"'{value}' is not a date: write YYYY-MM-DD") from exc


def iter_paths(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.is_file() and x.suffix in (".txt", ".text", "")))
        else:
            out.append(p)
    return out


def read_documents(paths: list[Path], published: date | None, lang: str | None, max_chars: int = MAX_CHARS):
    """Yield documents; a file that cannot be read gets one line on stderr and the batch goes on."""
    for p in iter_paths(paths):
        try:
            yield read_file(p, published, lang, max_chars=max_chars)
        except InputError as exc:
            err.print(f"[yellow]skipped[/yellow] {exc}", highlight=False)


@app.command("extract")
def extract_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="jsonl: one record a line; json: one document; table: for people.")] = Format.table,
    published: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for files without a header.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Force the language: uk, ru or en.")] = None,
    mentions: Annotated[bool, typer.Option(help="Include mention records.")] = True,
    max_chars: Annotated[int, typer.Option(help="Refuse files longer than this.")] = MAX_CHARS,
) -> None:
    """Read articles and print their events, relations and actor mentions."""
    all_records: list[dict] = []
    docs: list[Document] = []
    for doc in read_documents(paths, _date(published), lang, max_chars):
        doc = extract(doc)
        for msg in doc.messages:
            err.print(f"[yellow]note[/yellow] {msg}", highlight=False)
        if format == Format.jsonl:
            for r in records(doc, mentions):
                sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        elif format == Format.json:
            all_records.extend(records(doc, mentions))
        else:
            docs.append(doc)
    if format == Format.json:
        sys.stdout.write(json.dumps(all_records, ensure_ascii=False, indent=1) + "\n")
    elif format == Format.table:
        print_tables(docs)


def print_tables(docs: list[Document]) -> None:
    out = Console()
    for doc in docs:
        t = Table(title=f"{doc.id} ({doc.lang}, {doc.published})", show_lines=False)
        for col in ("type", "mode", "source", "target", "date", "neg", "evidence"):
            t.add_column(col, overflow="fold")
        for e in doc.events:
            t.add_row(e.event_type, e.mode, e.source.code if e.source else "", e.target.code if e.target else "",
                      f"{e.date or '—'} ({e.date_precision or '-'})", "yes" if e.negated else "", e.evidence.text[:120])
        out.print(t)
        if doc.relations:
            r = Table(title="relations")
            for col in ("type", "subject", "object", "value", "since"):
                r.add_column(col, overflow="fold")
            for rel in doc.relations:
                r.add_row(rel.type, rel.subject.code, rel.object.code, rel.value[:60], rel.since or "")
            out.print(r)


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


@app.command("explain")
def explain_cmd(
    path: Annotated[Path, typer.Argument(help="One article file.")],
    sentence: Annotated[int | None, typer.Option("--sentence", "-s", help="Only this sentence (0-based).")] = None,
    published: Annotated[str | None, typer.Option("--date", help="Publication date if the file has none.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Force the language.")] = None,
) -> None:
    """Show, sentence by sentence, why each event was coded, merged, negated or dropped."""
    from litopys.explain import explain_lines

    docs = list(read_documents([path], _date(published), lang))
    if not docs:
        raise typer.Exit(1)
    doc = extract(docs[0])
    for line in explain_lines(doc, sentence):
        typer.echo(line)


def _ingest(paths: list[Path], db: str, published: date | None, lang: str | None, quiet: bool = False) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from litopys.lexicon.load import load_lexicon
    from litopys.store.repository import IngestResult, is_stored, open_engine, store_documents

    engine = open_engine(db)
    files = iter_paths(paths)
    total = IngestResult()
    skipped = 0
    fingerprint = load_lexicon().fingerprint
    batch: list[Document] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=quiet) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for path in files:
            progress.advance(task)
            try:
                doc = read_file(path, published, lang)
            except InputError as exc:
                skipped += 1
                err.print(f"[yellow]skipped[/yellow] {exc}", highlight=False)
                continue
            if is_stored(engine, doc.text):
                total.duplicates += 1
                continue
            batch.append(extract(doc))
            if len(batch) >= 200:
                total.add(store_documents(engine, batch, fingerprint))
                batch = []
        if batch:
            total.add(store_documents(engine, batch, fingerprint))
    return {"stored": total.stored, "already_stored": total.duplicates, "skipped": skipped,
            "events": total.events, "relations": total.relations}


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    db: Annotated[str, typer.Option("--db", help="SQLAlchemy URL, e.g. sqlite:///litopys.db or postgresql+psycopg://user@host/db.")] = DEFAULT_DB,
    published: Annotated[str | None, typer.Option("--date", help="Publication date for files without one.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Force the language.")] = None,
) -> None:
    """Extract articles and store documents, mentions, events and relations. Re-ingesting adds nothing."""
    result = _ingest(paths, db, _date(published), lang)
    typer.echo(json.dumps(result, ensure_ascii=False))


@app.command("run")
def run_cmd(
    corpus: Annotated[Path, typer.Option("--corpus", help="Folder of articles.")] = Path("examples"),
    db: Annotated[str, typer.Option("--db", help="SQLAlchemy URL.")] = DEFAULT_DB,
) -> None:
    """The main job: ingest the example corpus into the database and print a summary."""
    from litopys.store.repository import open_engine, summary

    if not corpus.exists():
        err.print(f"[red]E025[/red] {corpus}: no such folder; run from the project root or pass --corpus")
        raise typer.Exit(2)
    result = _ingest([corpus], db, None, None)
    s = summary(open_engine(db))
    out = Console()
    out.print(f"ingested {result['stored']} new document(s), {result['already_stored']} already stored, "
              f"{result['skipped']} skipped; database {db}")
    out.print(f"documents {s['documents']}  events {s['events']}  relations {s['relations']}  languages {s['languages']}")
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
        p.add_row(row["source"], row["target"], str(row["events"]))
    out.print(p)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
