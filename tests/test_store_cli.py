"""The CLI end to end: extract formats, ingest is idempotent, run prints a summary;
the store on SQLite and, where a server answers, PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from conftest import pg_url
from litopys.cli import app
from litopys.store.engine import open_engine
from litopys.store.models import DocumentRow, EventRow

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
runner = CliRunner()


def _counts(url: str) -> tuple[int, int]:
    engine = open_engine(url)
    with Session(engine) as s:
        return s.scalar(select(func.count(DocumentRow.id))), s.scalar(select(func.count(EventRow.id)))


def test_extract_jsonl_records_have_provenance():
    f = next(EXAMPLES.glob("*.uk.txt"))
    result = runner.invoke(app, ["extract", str(f), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert recs[0]["record"] == "document"
    text = f.read_text(encoding="utf-8")
    for r in recs:
        if r["record"] in ("event", "relation"):
            ev = r["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["text"] and r["rule"].startswith("pattern:")
        if r["record"] == "mention":
            assert text[r["start"]:r["end"]] == r["text"] and r["rule"].startswith("lexicon:")


def test_extract_json_and_table_formats():
    f = next(EXAMPLES.glob("*.uk.txt"))
    as_json = runner.invoke(app, ["extract", str(f), "--format", "json"])
    assert as_json.exit_code == 0 and isinstance(json.loads(as_json.stdout), list)
    table = runner.invoke(app, ["extract", str(f), "--format", "table"])
    assert table.exit_code == 0 and "type" in table.stdout


def test_ingest_twice_adds_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'l.db'}"
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", url])
    assert first.exit_code == 0, first.output
    counts = _counts(url)
    assert counts[0] == len(list(EXAMPLES.glob("*.txt"))) and counts[1] > 0
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", url])
    assert again.exit_code == 0
    assert json.loads(again.stdout.strip().splitlines()[-1])["stored"] == 0
    assert _counts(url) == counts


def test_run_prints_a_summary(tmp_path):
    url = f"sqlite:///{tmp_path / 'run.db'}"
    result = runner.invoke(app, ["run", "--corpus", str(EXAMPLES), "--db", url])
    assert result.exit_code == 0, result.output
    assert "events by type" in result.stdout and "top actor pairs" in result.stdout


def test_lexicon_commands():
    assert runner.invoke(app, ["lexicon", "check"]).exit_code == 0
    stats = runner.invoke(app, ["lexicon", "stats", "--format", "json"])
    assert json.loads(stats.stdout)["kinds"]["states"]["entries"] >= 198


def test_explain_says_why():
    f = next(EXAMPLES.glob("*.uk.txt"))
    out = runner.invoke(app, ["explain", str(f)])
    assert out.exit_code == 0 and "EVENT" in out.stdout and "because:" in out.stdout


def test_postgresql_store_gives_the_same_counts(tmp_path):
    url = pg_url()
    if url is None:
        pytest.skip("no PostgreSQL server answers on 127.0.0.1:5432")
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    engine = open_engine(url, migrate=False)
    with engine.begin() as c:
        c.execute(text("DROP SCHEMA IF EXISTS litopys_test CASCADE"))
        c.execute(text("CREATE SCHEMA litopys_test"))
    pg = url + "?options=-csearch_path%3Dlitopys_test"
    lite = f"sqlite:///{tmp_path / 'x.db'}"
    for u in (pg, lite):
        assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", u]).exit_code == 0
        assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", u]).exit_code == 0
    assert _counts(pg) == _counts(lite)
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.parametrize("lang,text,expect,why", [
    ("en", "Poland lifted the barrier at the border crossing.", "en.lift.sanctions", "with_any"),
    ("uk", "Президент України провів у Брюсселі брифінг.", "meet", "begins"),
    ("ru", "Президент России провёл в Москве брифинг.", "talks", "begins"),
])
def test_explain_shows_patterns_that_nearly_fired(tmp_path, lang, text, expect, why):
    f = tmp_path / f"near.{lang}.txt"
    f.write_text(f" date 2024-05-10\n{text}\n", encoding="utf-8")
    out = runner.invoke(app, ["explain", str(f)])
    near = [line for line in out.stdout.splitlines() if "nearly" in line]
    assert out.exit_code == 0 and any(expect in line and why in line for line in near), out.stdout
    assert "EVENT" not in out.stdout
