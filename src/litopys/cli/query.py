"""Commands that read the database: events, actor, relations, search."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session

from litopys.cli.app import DB_HELP, DEFAULT_DB, app, err, open_db


class OutFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


EVENT_COLUMNS = ("id", "date", "date_precision", "event_type", "mode", "source", "target", "negated", "num_sources",
                 "num_articles", "num_mentions", "cameo")


def console() -> Console:
    """Wide enough for the tables when writing to a pipe or a file."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else 160)


def _session(db: str) -> Session:

    return Session(open_db(db))


def _emit(rows: list[dict], columns: tuple[str, ...], fmt: OutFormat, title: str) -> None:
    if fmt == OutFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == OutFormat.csv:
        w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    else:
        t = Table(title=title)
        for c in columns:
            t.add_column(c.replace("num_", "").replace("date_precision", "prec"), overflow="fold")
        for r in rows:
            t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
        console().print(t)


@app.command("events")
def events_cmd(
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Actor code on either side (e.g. UKR, NATO).")] = None,
    source: Annotated[str | None, typer.Option(help="Source actor code.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    mode: Annotated[str | None, typer.Option(help="PLOVER mode, e.g. visit.")] = None,
    since: Annotated[str | None, typer.Option(help="Dated on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Dated on or before YYYY[-MM[-DD]].")] = None,
    negated: Annotated[bool | None, typer.Option("--negated/--no-negated", help="Only negated / only positive.")] = None,
    lang: Annotated[str | None, typer.Option(help="Reported in an article in this language (uk, ru, en).")] = None,
    min_sources: Annotated[int | None, typer.Option("--min-sources", help="At least this many sources.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many (max 1000 a page).")] = 100,
    cursor: Annotated[int | None, typer.Option(help="Continue after this event id.")] = None,
    format: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.table,
) -> None:
    """List aggregated events (each real-world event once) with filters."""
    from litopys.query.events import EventFilter, list_events

    flt = EventFilter(actor=actor, source=source, target=target, type=type, mode=mode, since=since, until=until,
                      negated=negated, lang=lang, min_sources=min_sources)
    with _session(db) as s:
        page = list_events(s, flt, limit, cursor)
    _emit(page["items"], EVENT_COLUMNS, format, f"events {flt.as_params() or ''}")
    if page["next_cursor"] and format == OutFormat.table:
        err.print(f"more: --cursor {page['next_cursor']}")


@app.command("actor")
def actor_cmd(
    code: Annotated[str, typer.Argument(help="Actor code, e.g. KAZ, EAEU.")],
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """Names, people and roles over time, relation timeline and top counterparts of one actor."""
    from litopys.lexicon.load import load_lexicon
    from litopys.query.actors import actor_profile

    with _session(db) as s:
        prof = actor_profile(s, load_lexicon(), code)
    if prof is None:
        err.print(f"[red]unknown actor {code}[/red]: codes are ISO alpha-3 for states (UKR) or short codes (NATO); "
                  "see `litopys lexicon stats`")
        raise typer.Exit(1)
    if format == "json":
        typer.echo(json.dumps(prof, ensure_ascii=False, indent=1))
        return
    out = console()
    out.print(f"[bold]{prof['code']}[/bold] {prof['name']} ({prof['kind']}): {prof['events']} events, "
              f"{prof['mentions']} mentions")
    for lang, names in prof["names"].items():
        out.print(f"  {lang}: {', '.join(names)}")
    if prof["people"]:
        t = Table(title="people and roles over time (lexicon)")
        for c in ("name", "title", "since", "until"):
            t.add_column(c)
        for p in prof["people"][:20]:
            t.add_row(p["name"], p["title"] or "", p["since"] or "", p["until"] or "")
        out.print(t)
    _relations_table(out, prof["relations"])
    t = Table(title="top counterparts")
    for c in ("counterpart", "direction", "events", "by type"):
        t.add_column(c)
    for c in prof["counterparts"]:
        t.add_row(c["code"] or "—", c["direction"], str(c["events"]), ", ".join(f"{k} {v}" for k, v in c["by_type"].items()))
    out.print(t)


def _relations_table(out: Console, rows: list[dict]) -> None:
    t = Table(title="relations")
    for c in ("type", "subject", "object", "value", "since", "until", "stated in", "record"):
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(r["type"], r["subject"], r["object"], (r["value"] or "")[:50], r["since"] or "", r["until"] or "",
                  ", ".join(map(str, r["documents"])), "lexicon" if r["record"] else "")
    out.print(t)


@app.command("relations")
def relations_cmd(
    code: Annotated[str | None, typer.Argument(help="Actor code (omit for all).")] = None,
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    type: Annotated[str | None, typer.Option("--type", help="member_of, party_to, relation_level, …")] = None,
    record: Annotated[bool, typer.Option("--record/--no-record", help="Include the lexicon's memberships of record.")] = True,
    format: Annotated[str, typer.Option("--format", "-f", help="table or jsonl")] = "table",
) -> None:
    """Relation timeline: what articles state (with the documents) beside the facts of record."""
    from litopys.lexicon.load import load_lexicon
    from litopys.query.relations import relation_timeline

    with _session(db) as s:
        rows = relation_timeline(s, load_lexicon(), code, type, record)
    if format == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    _relations_table(console(), rows)


@app.command("search")
def search_cmd(
    text: Annotated[str, typer.Argument(help="Words in any of uk, ru, en; inflected forms match.")],
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many of each.")] = 20,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """Find documents and events by words."""
    from litopys.query.documents import search

    with _session(db) as s:
        res = search(s, text, min(limit, 200))
    if format == "json":
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
        return
    out = console()
    t = Table(title=f"documents matching {res['terms']}")
    for c in ("id", "published", "lang", "name", "snippet"):
        t.add_column(c, overflow="fold")
    for d in res["documents"]:
        t.add_row(str(d["id"]), d["published"] or "", d["lang"] or "", d["name"], d["snippet"].replace("\n", " ")[:160])
    out.print(t)
    _emit(res["events"], EVENT_COLUMNS, OutFormat.table, "events")
