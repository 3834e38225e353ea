"""Query commands on a database built from articles written for these tests in uk, ru and en:
filters, paging, actor profiles, relation timelines, word search in any language."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from litopys.cli import app
from litopys.io.reader import from_text
from litopys.pipeline import extract
from litopys.query.events import EventFilter, list_events
from litopys.store.engine import open_engine
from litopys.store.write import store_documents

runner = CliRunner()

ARTICLES = {
    "pl-ua.en.txt": """ date 2024-03-04
Poland and Ukraine signed an agreement on border crossings in Warsaw on Monday.
Russia did not condemn the blockade of the border by Polish farmers, the Kremlin said.
""",
    "kz-ru.ru.txt": """ date 2025-11-12
Президент Казахстана Касым-Жомарт Токаев и президент России Владимир Путин подписали в Москве декларацию о переходе отношений на новый уровень.
Казахстан является членом ЕАЭС с 2015 года.
""",
    "fi-nato.uk.txt": """ date 2023-04-04
Фінляндія 4 квітня 2023 року офіційно стала членом НАТО.
Туреччина раніше заблокувала вступ Швеції до Альянсу.
""",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('q') / 'q.db'}"
    docs = [extract(from_text(text, name)) for name, text in ARTICLES.items()]
    store_documents(open_engine(url), docs)
    return url


def _jsonl(result) -> list[dict]:  # noqa: ANN001
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_events_filters(db):
    every = _jsonl(runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]))
    assert {e["event_type"] for e in every} >= {"SUPPORT"}
    kaz = _jsonl(runner.invoke(app, ["events", "--db", db, "--actor", "kaz", "--format", "jsonl"]))
    assert kaz and all("KAZ" in (e["source"], e["target"]) for e in kaz)
    pol = _jsonl(runner.invoke(app, ["events", "--db", db, "--source", "POL", "--type", "support", "--format", "jsonl"]))
    assert pol and all(e["source"] == "POL" and e["event_type"] == "SUPPORT" for e in pol)
    dated = _jsonl(runner.invoke(app, ["events", "--db", db, "--since", "2025", "--format", "jsonl"]))
    assert dated and all(e["date"] >= "2025" for e in dated)
    until = _jsonl(runner.invoke(app, ["events", "--db", db, "--until", "2024", "--format", "jsonl"]))
    assert until and all(e["date"] and e["date"] < "2025" for e in until)
    neg = _jsonl(runner.invoke(app, ["events", "--db", db, "--negated", "--format", "jsonl"]))
    assert neg and all(e["negated"] for e in neg)
    assert any(e["source"] == "RUS" for e in neg)
    pos = _jsonl(runner.invoke(app, ["events", "--db", db, "--no-negated", "--format", "jsonl"]))
    assert len(pos) + len(neg) == len(every)
    ru = _jsonl(runner.invoke(app, ["events", "--db", db, "--lang", "ru", "--format", "jsonl"]))
    assert ru and all("KAZ" in (e["source"], e["target"]) or "RUS" in (e["source"], e["target"]) for e in ru)
    assert _jsonl(runner.invoke(app, ["events", "--db", db, "--min-sources", "2", "--format", "jsonl"])) == []


def test_events_csv_and_table(db):
    out = runner.invoke(app, ["events", "--db", db, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and {"id", "event_type", "source", "target", "num_sources"} <= set(rows[0])
    table = runner.invoke(app, ["events", "--db", db])
    assert table.exit_code == 0 and "SUPPORT" in table.stdout and "KAZ" in table.stdout


def test_paging_is_disjoint_and_complete(db):
    with Session(open_engine(db)) as s:
        every = [e["id"] for e in list_events(s, EventFilter(), 1000)["items"]]
        seen, cursor = [], None
        while True:
            page = list_events(s, EventFilter(), 2, cursor)
            seen += [e["id"] for e in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
    assert seen == every and len(set(seen)) == len(seen)


def test_actor_profile(db):
    out = runner.invoke(app, ["actor", "KAZ", "--db", db, "--format", "json"])
    prof = json.loads(out.stdout)
    assert prof["names"]["ru"][0] == "Казахстан"
    assert any(p["name"].startswith("Kassym") or "Tokayev" in p["name"] for p in prof["people"])
    assert any(c["code"] == "RUS" for c in prof["counterparts"])
    assert any(r["object"] == "EAEU" for r in prof["relations"])
    unknown = runner.invoke(app, ["actor", "XYZQ", "--db", db])
    assert unknown.exit_code == 1 and "unknown actor" in unknown.output


def test_relations_timeline(db):
    rows = _jsonl(runner.invoke(app, ["relations", "FIN", "--db", db, "--format", "jsonl"]))
    stated = [r for r in rows if not r["record"] and r["object"] == "NATO"]
    assert stated and stated[0]["since"] == "2023-04-04" and stated[0]["documents"]
    assert any(r["record"] and r["object"] == "NATO" for r in rows)
    no_record = _jsonl(runner.invoke(app, ["relations", "FIN", "--db", db, "--no-record", "--format", "jsonl"]))
    assert no_record and not any(r["record"] for r in no_record)


@pytest.mark.parametrize("query,expect", [("Казахстану", "kz-ru.ru.txt"), ("фінляндії", "fi-nato.uk.txt"),
                                          ("border crossings", "pl-ua.en.txt"), ("ДЕКЛАРАЦИЮ", "kz-ru.ru.txt")])
def test_search_any_language(db, query, expect):
    out = runner.invoke(app, ["search", query, "--db", db, "--format", "json"])
    res = json.loads(out.stdout)
    assert [d["name"] for d in res["documents"]] == [expect]


def test_search_is_not_sql(db):
    out = runner.invoke(app, ["search", "%' OR 1=1 --", "--db", db, "--format", "json"])
    assert out.exit_code == 0 and json.loads(out.stdout)["documents"] == []


def test_export_command_writes_files_and_stdout(db, tmp_path):
    out = tmp_path / "events.tsv"
    res = runner.invoke(app, ["export", str(out), "--format", "gdelt", "--db", db])
    assert res.exit_code == 0, res.output
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    assert not any(r[26] == "" for r in rows)  # EventCode always filled
    stdout = runner.invoke(app, ["export", "-", "--format", "jsonl", "--db", db, "--actor", "KAZ"])
    lines = [json.loads(x) for x in stdout.stdout.splitlines() if x.startswith("{")]
    assert lines and all("KAZ" in (e["source"], e["target"]) for e in lines)
    bad = runner.invoke(app, ["export", str(out), "--format", "xml", "--db", db])
    assert bad.exit_code != 0 and "format" in bad.output


@pytest.mark.parametrize("url,code", [("foo://x", "E040"), ("sqlite:////nonexistent/dir/x.db", "E042"),
                                      ("postgresql+psycopg://nobody@127.0.0.1:1/x", "E042")])
def test_a_bad_database_is_said_plainly(url, code):
    res = runner.invoke(app, ["events", "--db", url])
    assert res.exit_code == 2 and code in res.output and "Traceback" not in res.output
