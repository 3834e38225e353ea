"""Exports of the examples corpus in every format, read back with the tools their users
have (csv, pyarrow, plain tab splitting), and the same input stored in PostgreSQL
exporting the same bytes as SQLite."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from conftest import pg_url
from litopys.events import cameo
from litopys.export import FORMATS, export, sidecar_paths
from litopys.export.gdelt import day_fields, fips_codes
from litopys.io.reader import read_file
from litopys.lexicon.load import load_lexicon
from litopys.pipeline import extract
from litopys.query.events import EventFilter, get_event
from litopys.store.engine import open_engine
from litopys.store.models import AggregateRow
from litopys.store.write import store_documents

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# the POLECAT release header, as listed in shared/docs/formats.md
POLECAT_HEADER = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
]


@pytest.fixture(scope="module")
def docs():
    files = sorted(EXAMPLES.glob("*.txt"))
    assert files
    return [extract(read_file(p)) for p in files]


@pytest.fixture(scope="module")
def engine(docs, tmp_path_factory):
    eng = open_engine(f"sqlite:///{tmp_path_factory.mktemp('export') / 'x.db'}")
    store_documents(eng, docs)
    return eng


@pytest.fixture(scope="module")
def aggregates(engine) -> list[AggregateRow]:
    with Session(engine) as s:
        rows = s.scalars(select(AggregateRow).order_by(AggregateRow.id)).all()
        s.expunge_all()
    assert rows and any(a.negated for a in rows) and not all(a.negated for a in rows)
    return list(rows)


def _tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_is_get_event_for_every_aggregate(engine, aggregates, tmp_path):
    out = tmp_path / "e.jsonl"
    n = export(engine, "jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(records) == len(aggregates)
    assert [r["id"] for r in records] == [a.id for a in aggregates]
    with Session(engine) as s:
        for r in records:
            assert r == get_event(s, r["id"])
            assert r["reports"] and all(r["reports"][0][k] is not None for k in ("evidence", "start", "end"))
    assert sum(r["negated"] for r in records) == sum(a.negated for a in aggregates)


def test_csv_parses_with_one_row_per_aggregate(engine, aggregates, tmp_path):
    out = tmp_path / "e.csv"
    n = export(engine, "csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert n == len(rows) == len(aggregates)
    assert list(rows[0])[:3] == ["id", "date", "date_precision"] and "evidence" in rows[0]
    by_id = {a.id: a for a in aggregates}
    for r in rows:
        a = by_id[int(r["id"])]
        assert r["negated"] == ("true" if a.negated else "false")
        assert float(r["goldstein"]) == pytest.approx(a.goldstein)
        assert int(r["num_mentions"]) == a.num_mentions >= 1
        assert r["evidence"] and r["document_name"]


def test_parquet_reads_back_with_types(engine, aggregates, tmp_path):
    out = tmp_path / "e.parquet"
    assert export(engine, "parquet", out) == len(aggregates)
    t = pq.read_table(out)
    assert t.num_rows == len(aggregates)
    types = {f.name: f.type for f in t.schema}
    assert types["id"] == pa.int64() and types["quad_class"] == pa.int32() and types["num_sources"] == pa.int32()
    assert types["goldstein"] == pa.float64() and types["lat"] == pa.float64()
    assert types["negated"] == pa.bool_() and types["symmetric"] == pa.bool_()
    assert types["first_seen"] == pa.date32() and types["date"] == pa.string()
    cols = t.to_pydict()
    assert cols["id"] == [a.id for a in aggregates]
    assert cols["negated"] == [a.negated for a in aggregates]
    assert all(isinstance(d, date) for d in cols["first_seen"])
    assert cols["first_seen"] == [date.fromisoformat(a.first_seen) for a in aggregates]


def test_gdelt_event_table_has_61_valid_columns(engine, aggregates, tmp_path):
    out = tmp_path / "e.gdelt.tsv"
    n = export(engine, "gdelt", out)
    rows = _tsv(out)
    kept = [a for a in aggregates if not a.negated]
    assert n == len(rows) == len(kept)
    assert all(len(r) == 61 for r in rows)
    assert [int(r[0]) for r in rows] == [a.id for a in kept]
    lex = load_lexicon()
    fips = set(fips_codes().values())
    for r, a in zip(rows, kept, strict=True):
        assert r[1] == a.first_seen.replace("-", "") and r[2] == r[1][:6] and r[3] == r[1][:4]
        assert r[4] == day_fields(a.first_seen)[3]
        assert r[5] == (a.source or "") and r[15] == (a.target or "")
        for code, country in ((r[5], r[7]), (r[15], r[17])):
            assert country == (code if code in lex.states else "")
        code, base, root = r[26], r[27], r[28]
        assert cameo.is_valid(code) and base == code[:3] and root == code[:2] and r[25] == "1"
        assert int(r[29]) == cameo.quad_class(code) in (1, 2, 3, 4)
        assert float(r[30]) == pytest.approx(cameo.goldstein(code))
        assert (int(r[31]), int(r[32]), int(r[33])) == (a.num_mentions, a.num_sources, a.num_articles)
        assert r[35] == r[43] == "0"  # actor geography unknown
        assert r[51] in ("0", "1", "4") and (r[53] in fips if r[51] != "0" else r[53] == "")
        assert len(r[59]) == 14 and r[59].endswith("000000") and r[60]
    assert any(r[51] == "4" for r in rows), "the examples name a place (Moscow)"


def test_gdelt_sidecar_and_mentions(docs, engine, aggregates, tmp_path):
    out = tmp_path / "e.gdelt.tsv"
    export(engine, "gdelt", out, include_negated=True)
    side_path, mention_path = sidecar_paths(out)
    events, side, mentions = _tsv(out), _tsv(side_path), _tsv(mention_path)
    assert len(events) == len(aggregates) == len(side) - 1
    assert side[0] == ["GlobalEventID", "EventDate", "DatePrecision", "Negated", "Modality", "Mode", "PloverType"]
    for s, a in zip(side[1:], aggregates, strict=True):
        assert s == [str(a.id), a.date or "", a.date_precision or "", "1" if a.negated else "0", a.modality,
                     a.mode or "", a.event_type]
    assert all(len(m) == 16 for m in mentions)
    assert len(mentions) == sum(a.num_mentions for a in aggregates)
    added = {r[0]: r[59] for r in events}
    texts = {d.url or d.id: d.text for d in docs}
    for m in mentions:
        assert m[1] == added[m[0]] and m[3] in ("1", "2") and int(m[6]) >= 1
        doc_text = texts[m[5]]
        assert int(m[12]) == len(doc_text)
        for off in (m[7], m[8], m[9]):
            assert -1 <= int(off) < len(doc_text)


def test_polecat_header_and_rows(engine, aggregates, tmp_path):
    out = tmp_path / "e.polecat.tsv"
    n = export(engine, "polecat", out)
    rows = _tsv(out)
    assert rows[0] == POLECAT_HEADER
    kept = [a for a in aggregates if not a.negated]
    assert n == len(rows) - 1 == len(kept)
    assert all(len(r) == len(POLECAT_HEADER) for r in rows)
    col = {name: i for i, name in enumerate(POLECAT_HEADER)}
    with Session(engine) as s:
        events = {a.id: get_event(s, a.id) for a in kept}
    for r, a in zip(rows[1:], kept, strict=True):
        # the first report is the one from the earliest-published document
        first = min(events[a.id]["reports"], key=lambda rep: (rep["published"] is None, rep["published"] or "", rep["id"]))
        assert r[col["Language"]] == first["lang"] in ("uk", "ru", "en")
        assert r[col["Event ID"]] == str(a.id) and r[col["Event Type"]] == a.event_type
        assert r[col["Event Date"]] == (a.date or "") and r[col["Publication Date"]] == a.first_seen
        assert r[col["Quad Code"]] in ("VERBAL COOPERATION", "MATERIAL COOPERATION", "VERBAL CONFLICT",
                                       "MATERIAL CONFLICT")
        assert r[col["Country"]] == (a.country or "")
        assert r[col["Version"]].startswith("litopys ")
    assert any(r[col["Story People"]] for r in rows[1:])


def test_filter_and_streams(engine, aggregates):
    kaz = [a.id for a in aggregates if "KAZ" in (a.source, a.target)]
    assert kaz and len(kaz) < len(aggregates)
    buf = io.StringIO()
    assert export(engine, "jsonl", buf, EventFilter(actor="kaz")) == len(kaz)
    assert [json.loads(line)["id"] for line in buf.getvalue().splitlines()] == kaz
    raw = io.BytesIO()
    n = export(engine, "gdelt", raw, EventFilter(actor="KAZ"))
    assert n == len([a for a in aggregates if a.id in kaz and not a.negated])
    assert len(raw.getvalue().decode("utf-8").splitlines()) == n
    pbuf = io.BytesIO()
    assert export(engine, "parquet", pbuf, EventFilter(negated=True)) == sum(a.negated for a in aggregates)
    assert all(pq.read_table(io.BytesIO(pbuf.getvalue())).column("negated").to_pylist())
    with pytest.raises(ValueError, match="unknown export format"):
        export(engine, "xml", io.StringIO())


def test_fraction_date_follows_gdelt():
    # GDELT 2.0 row: Day 20210323, FractionDate 2021.2274 ((month-1)*30 + day) / 365
    assert day_fields("2021-03-23") == ["20210323", "202103", "2021", "2021.2274"]
    assert day_fields(None) == ["", "", "", ""]


def test_fips_table_covers_every_state():
    lex = load_lexicon()
    fips = fips_codes()
    assert set(fips) == set(lex.states)
    assert (fips["UKR"], fips["DEU"], fips["GBR"], fips["NOR"]) == ("UP", "GM", "UK", "NO")


def test_postgresql_exports_equal_sqlite(docs, engine, tmp_path):
    url = pg_url()
    if url is None:
        pytest.skip("no PostgreSQL server answers on 127.0.0.1:5432")
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    schema = f"litopys_export_{uuid.uuid4().hex[:12]}"
    admin = open_engine(url, migrate=False)
    with admin.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        pg = open_engine(f"{url}?options=-csearch_path%3D{schema}")
        store_documents(pg, docs)
        for fmt in FORMATS:
            if fmt == "parquet":
                continue
            a, b = tmp_path / f"lite.{fmt}", tmp_path / f"pg.{fmt}"
            assert export(engine, fmt, a) == export(pg, fmt, b)
            assert a.read_bytes() == b.read_bytes(), fmt
            if fmt == "gdelt":
                for x, y in zip(sidecar_paths(a), sidecar_paths(b), strict=True):
                    assert x.read_bytes() == y.read_bytes()
        assert pq.read_table(_parquet(engine, tmp_path / "l.parquet")).equals(
            pq.read_table(_parquet(pg, tmp_path / "p.parquet")))
        pg.dispose()
    finally:
        with admin.begin() as c:
            c.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _parquet(engine, path: Path) -> Path:
    export(engine, "parquet", path)
    return path
