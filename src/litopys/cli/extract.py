"""Commands that read articles and print what litopys finds: extract and explain."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from litopys.cli.app import Format, app, err
from litopys.cli.app import parse_day as _date
from litopys.io.reader import MAX_CHARS
from litopys.io.sources import Problem, iter_inputs
from litopys.lang.base import supported_languages
from litopys.model import Document
from litopys.output.records import records
from litopys.pipeline import extract, pipeline_for


def read_documents(paths: list[Path], published, lang: str | None, max_chars: int = MAX_CHARS):  # noqa: ANN001
    """Yield documents; a file or record that cannot be read gets one line on stderr and the batch goes on."""
    for item in iter_inputs(paths, published, lang, max_chars=max_chars):
        if isinstance(item, Problem):
            err.print(f"[yellow]skipped[/yellow] {item.where}: {item.message}", highlight=False)
        else:
            yield item


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
    patterns = pipeline_for(doc.lang).patterns if doc.lang in supported_languages() else None
    for line in explain_lines(doc, sentence, patterns):
        typer.echo(line)
