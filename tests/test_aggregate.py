"""From articles to a dataset: migrations, idempotent ingest, near-duplicates, merging of
one event reported by several articles, relation timelines, and a killed ingest resumed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from litopys.io.reader import from_text, read_file
from litopys.lexicon.load import load_lexicon
from litopys.merge.across import Report, merge_reason
from litopys.pipeline import extract
from litopys.query.events import EventFilter, get_event, list_events
from litopys.query.relations import relation_timeline
from litopys.store.engine import current_revision, head_revision, open_engine
from litopys.store.models import AggregateRow, Base, DocumentRow, EventRow
from litopys.store.write import store_documents

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"

EN_TEXT = """ date 2024-03-04
Poland and Ukraine signed an agreement on border crossings in Warsaw on Monday.
The foreign ministers of the two countries met in the Polish capital for three hours.
Officials said the deal would ease long queues of lorries at the frontier.
The agreement sets up joint customs checks at four crossings and a shared electronic queue for hauliers.
Farmers' groups on both sides of the border had blocked roads for weeks earlier this winter.
The ministers also discussed grain transit through Polish ports and the reconstruction of damaged rail links.
A working group will report on progress within two months, the statement issued after the meeting said.
Trade between the neighbours grew by a third last year, according to figures from the Polish statistics office.
"""


def _store(url: str, docs) -> None:  # noqa: ANN001
    store_documents(open_engine(url), [extract(d) for d in docs])


def _counts(url: str) -> dict[str, int]:
    engine = open_engine(url)
    with Session(engine) as s:
        return {t: s.scalar(select(func.count()).select_from(Base.metadata.tables[t])) or 0
                for t in ("documents", "events", "aggregates", "relations", "mentions")}


def _dump(url: str) -> list[tuple]:
    """Every row of every table, ordered: two databases are equal when their dumps are."""
    engine = open_engine(url)
    out: list[tuple] = []
    with engine.connect() as conn:
        for name, table in sorted(Base.metadata.tables.items()):
            cols = [c for c in table.columns]
            for row in conn.execute(select(*cols).order_by(*table.primary_key.columns)):
                out.append((name, *row))
    return out


def test_migrations_build_exactly_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    engine = open_engine(url)
    assert current_revision(engine) == head_revision() == "0001"
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    assert {"documents", "aggregates", "events", "document_bands", "alembic_version"} <= set(inspect(engine).get_table_names())


def test_a_database_without_migrations_is_refused_with_advice(tmp_path):
    from sqlalchemy import create_engine

    from litopys.store.engine import SchemaError

    url = f"sqlite:///{tmp_path / 'old.db'}"
    Base.metadata.create_all(create_engine(url))
    with pytest.raises(SchemaError, match="new database"):
        open_engine(url)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (seed and dev articles) is not beside the checkout")
def test_ingest_examples_seed_dev_twice_and_normandy_merges(tmp_path):
    from typer.testing import CliRunner

    from litopys.cli import app

    url = f"sqlite:///{tmp_path / 'all.db'}"
    args = ["ingest", str(EXAMPLES), str(SHARED / "seed"), str(SHARED / "dev"), "--db", url, "-q"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    once = _counts(url)
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0
    assert _counts(url) == once
    engine = open_engine(url)
    with Session(engine) as s:
        en = s.scalar(select(DocumentRow.id).where(DocumentRow.name.like("normandy-paris-2019-12-09%")))
        uk = s.scalar(select(DocumentRow.id).where(DocumentRow.name.like("normandy-paris-2019-12-10%")))
        shared = list_events(s, EventFilter(document=en, type="CONSULT", actor="UKR"), 100)["items"]
        summit = [e for e in shared if {e["source"], e["target"]} == {"UKR", "RUS"} and e["date"] == "2019-12-09"]
        assert summit, "the en article's UKR–RUS meeting on 2019-12-09"
        ev = get_event(s, summit[0]["id"])
        assert ev["num_sources"] == 2 and ev["num_articles"] == 2
        assert {r["document"] for r in ev["reports"]} == {en, uk}
        assert all(r["merge_reason"] for r in ev["reports"])


def test_two_signings_in_different_years_stay_two():
    a = Report("SUPPORT", False, "asserted", "KAZ", "RUS", True, "1998-07-06", "day", published="2025-11-12")
    b = Report("SUPPORT", False, "asserted", "KAZ", "RUS", True, "2025-11-12", "day", published="2025-11-12")
    c = Report("SUPPORT", False, "asserted", "RUS", "KAZ", True, "1998", "year", published="2024-01-01")
    assert merge_reason(a, b) is None
    assert merge_reason(a, c) and "same year" in merge_reason(a, c)  # type: ignore[operator]
    negated = Report("SUPPORT", True, "asserted", "KAZ", "RUS", True, "1998-07-06", "day")
    assert merge_reason(a, negated) is None
    other_place = Report("SUPPORT", False, "asserted", "KAZ", "RUS", True, "1998-07-06", "day", country="KAZ")
    moscow = Report("SUPPORT", False, "asserted", "KAZ", "RUS", True, "1998-07-06", "day", country="RUS")
    assert merge_reason(other_place, moscow) is None


def test_directed_events_do_not_merge_across_directions():
    a = Report("ACCUSE", False, "asserted", "UKR", "RUS", False, "2024-05-01", "day")
    b = Report("ACCUSE", False, "asserted", "RUS", "UKR", False, "2024-05-01", "day")
    assert merge_reason(a, b) is None


def test_undated_report_joins_only_a_nearby_dated_event():
    dated = Report("CONSULT", False, "asserted", "POL", "UKR", True, "2024-03-04", "day", published="2024-03-04")
    near = Report("CONSULT", False, "asserted", "UKR", "POL", False, None, None, published="2024-03-06")
    far = Report("CONSULT", False, "asserted", "UKR", "POL", False, None, None, published="2024-06-01")
    assert merge_reason(dated, near) and merge_reason(dated, far) is None


def test_syndicated_copy_is_linked_and_counts_as_a_source(tmp_path):
    url = f"sqlite:///{tmp_path / 'dup.db'}"
    original = from_text(EN_TEXT, "agency.en.txt", source="agency.example")
    copy = from_text(EN_TEXT.replace("Officials said", "Officials in Kyiv said") + "Read more on our site.\n",
                     "paper.en.txt", source="paper.example")
    _store(url, [original])
    _store(url, [copy])
    engine = open_engine(url)
    with Session(engine) as s:
        docs = s.scalars(select(DocumentRow).order_by(DocumentRow.id)).all()
        assert docs[1].duplicate_of == docs[0].id and docs[1].similarity >= 0.8
        aggs = s.scalars(select(AggregateRow)).all()
        assert aggs and all(a.num_sources == 2 and a.num_articles == 2 for a in aggs)
        assert s.scalar(select(func.count(EventRow.id))) == 2 * len(aggs)
        reasons = s.scalars(select(EventRow.merge_reason).where(EventRow.document_id == docs[1].id)).all()
        assert all("near-duplicate" in r for r in reasons)


def test_only_the_syndicated_example_is_a_near_duplicate(tmp_path):
    """examples/ holds one wire copy of an article: it alone is linked, to its original."""
    url = f"sqlite:///{tmp_path / 'nodup.db'}"
    _store(url, [read_file(p) for p in sorted(EXAMPLES.glob("*.txt"))])
    with Session(open_engine(url)) as s:
        links = {(d.name, s.get(DocumentRow, d.duplicate_of).name) for d in s.scalars(
            select(DocumentRow).where(DocumentRow.duplicate_of.is_not(None)))}
    assert links == {("ecowas-niger-sanctions-wire-2023-07-30.en.txt", "ecowas-niger-sanctions-2023-07-30.en.txt")}


def test_relation_timeline_has_statements_and_records(tmp_path):
    url = f"sqlite:///{tmp_path / 'rel.db'}"
    _store(url, [read_file(EXAMPLES / "kz-ru-declaration-2025-11-12.uk.txt")])
    with Session(open_engine(url)) as s:
        rows = relation_timeline(s, load_lexicon(), "KAZ")
    stated = [r for r in rows if not r["record"]]
    recorded = [r for r in rows if r["record"]]
    assert stated and all(r["documents"] and r["statements"][0]["evidence"] for r in stated)
    assert any(r["object"] == "EAEU" and r["subject"] == "KAZ" and r["since"] for r in recorded)


def _corpus(folder: Path, n: int) -> None:
    """n distinct articles: each example text under a different date with its own lead sentence."""
    texts = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(EXAMPLES.glob("*.txt"))]
    for i in range(n):
        day = date(2020, 1, 1).toordinal() + i * 3
        d = date.fromordinal(day).isoformat()
        lead = f"Випуск новин номер {i}: огляд подій за {i * 7 + 3} годин, підготовлений редакцією {i % 11}.\n"
        (folder / f"a{i:03d}.uk.txt").write_text(f" date {d}\n{lead}{texts[i % len(texts)]}", encoding="utf-8")


def test_killed_ingest_resumes_to_the_same_database(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _corpus(corpus, 90)
    exe = [str(Path(sys.executable).parent / "litopys")]
    killed = f"sqlite:///{tmp_path / 'killed.db'}"
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    proc = subprocess.Popen([*exe, "ingest", str(corpus), "--db", killed, "--batch-size", "4", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    stored = 0
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
        try:  # read-only peek: never migrate here, the ingest owns the schema
            with sqlite3.connect(f"file:{tmp_path / 'killed.db'}?mode=ro", uri=True) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:  # not created yet
            continue
        if stored >= 8:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < _counts(killed)["documents"] < 90
    resumed = subprocess.run([*exe, "ingest", str(corpus), "--db", killed, "--batch-size", "4", "-q"],
                             capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    once = subprocess.run([*exe, "ingest", str(corpus), "--db", clean, "--batch-size", "4", "-q"],
                          capture_output=True, text=True)
    assert once.returncode == 0, once.stderr
    assert _counts(killed)["documents"] == 90
    assert _dump(killed) == _dump(clean)


def test_undated_reports_do_not_chain_into_one_event():
    """An event first seen on 1 March absorbs an undated report of 5 March, but not, through it,
    one of 10 March: the window stays at the first day."""
    agg = Report("CONSULT", False, "asserted", "USA", None, False, None, None, published="2024-03-01")
    dated_late = Report("CONSULT", False, "asserted", "USA", None, False, "2024-03-14", "day", published="2024-03-14")
    dated_near = Report("CONSULT", False, "asserted", "USA", None, False, "2024-03-05", "day", published="2024-03-05")
    assert merge_reason(agg, dated_late) is None
    assert merge_reason(agg, dated_near)
