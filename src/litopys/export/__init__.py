"""Export aggregated events from the store: JSON Lines, CSV, Parquet, and the GDELT 2.0
and POLECAT layouts so their users can load litopys data with the tools they have.
Layouts are documented column by column in docs/export-formats.md.

Rows come out in aggregate id order and every float is formatted with fixed decimals,
so SQLite and PostgreSQL holding the same input export the same bytes."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from sqlalchemy.engine import Engine

from litopys.export import gdelt, jsonl, polecat, table
from litopys.export.rows import iter_bundles, text_out
from litopys.lexicon.load import Lexicon, load_lexicon
from litopys.query.events import EventFilter

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "polecat")
# formats without a negation column: a negated event would read as the thing it denies
NO_NEGATION = frozenset({"gdelt", "polecat"})


def sidecar_paths(out: Path) -> tuple[Path, Path]:
    """The GDELT export's companions: `<out>.litopys.tsv` and `<out>.mentions.tsv`."""
    return out.with_name(out.name + ".litopys.tsv"), out.with_name(out.name + ".mentions.tsv")


def export(engine: Engine, fmt: str, out: Path | str | IO, flt: EventFilter | None = None, *,
           include_negated: bool = False, lexicon: Lexicon | None = None, mentions: bool = True) -> int:
    """Write every aggregated event matching `flt` to `out` in `fmt`; return the rows written
    (aggregated events; for gdelt the event table's rows).

    `out` is a path or an open stream (text, or binary for parquet; a binary stream is
    accepted for text formats too). For gdelt with a path, the sidecar `<out>.litopys.tsv`
    and, if `mentions`, the mentions table `<out>.mentions.tsv` are written beside it; with
    a stream only the event table is. `include_negated` applies to gdelt and polecat only:
    the other formats always include negated events with their `negated` flag."""
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    exclude = fmt in NO_NEGATION and not include_negated
    needs_mentions = fmt in ("gdelt", "polecat")
    bundles = iter_bundles(engine, flt, exclude_negated=exclude, mentions=needs_mentions, story=fmt == "polecat")
    if fmt == "parquet":
        return table.write_parquet(bundles, str(out) if isinstance(out, Path) else out)
    lex = (lexicon or load_lexicon()) if needs_mentions else None
    with text_out(out) as fh:
        if fmt == "jsonl":
            return jsonl.write(bundles, fh)
        if fmt == "csv":
            return table.write_csv(bundles, fh)
        assert lex is not None
        if fmt == "polecat":
            return polecat.write(bundles, fh, lex)
        if isinstance(out, str | Path):
            side_path, mention_path = sidecar_paths(Path(out))
            with text_out(side_path) as side:
                if not mentions:
                    return gdelt.write(bundles, fh, lex, side)
                with text_out(mention_path) as ments:
                    return gdelt.write(bundles, fh, lex, side, ments)
        return gdelt.write(bundles, fh, lex)


__all__ = ["FORMATS", "EventFilter", "export", "sidecar_paths"]
