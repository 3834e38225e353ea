"""Flat tables, one row per aggregated event: CSV (text, header row) and Parquet (typed,
for pandas, DuckDB and Spark). Both have the same columns in the same order; the report
columns (evidence, document) describe the first report (see `Bundle.first`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

from litopys.export.rows import Bundle, fmt_float

# (column, Arrow type). The event's own date stays a string: it may be a year or a month
# (see date_precision); first_seen/last_seen are publication days, so they are dates.
COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("id", pa.int64()), ("date", pa.string()), ("date_precision", pa.string()), ("event_type", pa.string()),
    ("mode", pa.string()), ("cameo", pa.string()), ("quad_class", pa.int32()), ("goldstein", pa.float64()),
    ("source", pa.string()), ("target", pa.string()), ("symmetric", pa.bool_()), ("negated", pa.bool_()),
    ("modality", pa.string()), ("place", pa.string()), ("country", pa.string()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("num_mentions", pa.int32()), ("num_articles", pa.int32()), ("num_sources", pa.int32()),
    ("first_seen", pa.date32()), ("last_seen", pa.date32()), ("evidence", pa.string()), ("document_url", pa.string()),
    ("document_name", pa.string()),
)
NAMES = tuple(name for name, _ in COLUMNS)
SCHEMA = pa.schema([pa.field(name, typ) for name, typ in COLUMNS])
ROW_GROUP = 50_000


def flat_row(b: Bundle) -> dict:
    a = b.agg
    first = b.first
    ev, doc = first if first else (None, None)
    return {
        "id": a.id, "date": a.date, "date_precision": a.date_precision, "event_type": a.event_type,
        "mode": a.mode or None, "cameo": a.cameo, "quad_class": a.quad_class, "goldstein": a.goldstein,
        "source": a.source, "target": a.target, "symmetric": bool(a.symmetric), "negated": bool(a.negated),
        "modality": a.modality, "place": a.place, "country": a.country, "lat": a.lat, "lon": a.lon,
        "num_mentions": a.num_mentions, "num_articles": a.num_articles, "num_sources": a.num_sources,
        "first_seen": a.first_seen, "last_seen": a.last_seen, "evidence": ev.evidence if ev else None,
        "document_url": (doc.url or None) if doc else None, "document_name": doc.name if doc else None,
    }


def _csv_value(name: str, v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return fmt_float(v, 1 if name == "goldstein" else 6)
    return str(v)


def write_csv(bundles: Iterable[Bundle], fh: IO[str]) -> int:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(NAMES)
    n = 0
    for b in bundles:
        row = flat_row(b)
        w.writerow([_csv_value(k, row[k]) for k in NAMES])
        n += 1
    return n


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _batch(rows: list[dict]) -> pa.RecordBatch:
    cols = []
    for name, typ in COLUMNS:
        values = [r[name] for r in rows]
        if name in ("first_seen", "last_seen"):
            values = [_day(v) for v in values]
        cols.append(pa.array(values, type=typ))
    return pa.RecordBatch.from_arrays(cols, schema=SCHEMA)


def write_parquet(bundles: Iterable[Bundle], out: object) -> int:
    """`out` is a path or a binary stream. Row groups of ROW_GROUP rows keep memory flat."""
    n = 0
    buf: list[dict] = []
    with pq.ParquetWriter(out, SCHEMA, compression="zstd") as writer:
        for b in bundles:
            buf.append(flat_row(b))
            n += 1
            if len(buf) >= ROW_GROUP:
                writer.write_batch(_batch(buf))
                buf = []
        if buf or n == 0:
            writer.write_batch(_batch(buf))
    return n
