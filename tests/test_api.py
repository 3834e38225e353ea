"""The REST API and the pages of `litopys serve`, through FastAPI's TestClient against a
database ingested from examples/ plus one hostile article."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from litopys.io.reader import from_text, read_file
from litopys.lexicon.load import load_lexicon
from litopys.pipeline import extract
from litopys.store.engine import open_engine
from litopys.store.write import store_documents
from litopys.web.app import create_app
from litopys.web.markup import safe_json, segments

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HOSTILE = (" date 2025-03-04\n"
           "<script>alert(1)</script> Breaking \"><img src=x onerror=alert(1)> news '; DROP TABLE events; --\n\n"
           "Ukraine and Poland signed an agreement on 3 March 2025. The <b>deal</b> covers grain.\n")
TOKEN = "s3cret-token"




def ingest(url: str, extra_texts: dict[str, str] | None = None) -> list[str]:
    """Store every example and the extra texts; returns the names stored."""
    engine = open_engine(url)
    docs = [extract(read_file(p)) for p in sorted(EXAMPLES.glob("*.txt"))]
    docs += [extract(from_text(text, name)) for name, text in (extra_texts or {}).items()]
    store_documents(engine, docs, load_lexicon().fingerprint)
    engine.dispose()
    return [d.id for d in docs]


STORED: list[str] = []  # names of the documents in the module's database


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "web.db"
    STORED[:] = ingest(f"sqlite:///{path}", {"hostile.en.txt": HOSTILE})
    return path


def expected_languages() -> dict[str, int]:
    """Documents per language as their names say (`x.uk.txt`): the examples and the English hostile article."""
    langs: dict[str, int] = {}
    for name in STORED:
        lang = Path(name).suffixes[-2].lstrip(".")
        langs[lang] = langs.get(lang, 0) + 1
    return langs


@pytest.fixture(scope="module")
def client(db_path: Path):
    with TestClient(create_app(f"sqlite:///{db_path}")) as c:
        yield c


@pytest.fixture(scope="module")
def all_events(client: TestClient) -> list[dict]:
    page = client.get("/api/events", params={"limit": 1000}).json()
    assert page["next_cursor"] is None
    return page["items"]


def hostile_doc_id(client: TestClient) -> int:
    docs = client.get("/api/documents", params={"limit": 1000}).json()["items"]
    return next(d["id"] for d in docs if d["name"] == "hostile.en.txt")


# --- events ---------------------------------------------------------------------------------------

def test_events_are_every_stored_event_in_id_order(client: TestClient, all_events: list[dict]) -> None:
    stats = client.get("/api/stats").json()
    assert len(all_events) == stats["events"] > 10
    ids = [e["id"] for e in all_events]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert {"event_type", "source", "target", "date", "quad_class", "num_sources"} <= set(all_events[0])


def test_cursor_pages_are_disjoint_consecutive_and_cover_all(client: TestClient, all_events: list[dict]) -> None:
    pages, cursor = [], None
    while True:
        params = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        assert len(page["items"]) <= 4
        pages.append([e["id"] for e in page["items"]])
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert cursor == pages[-1][-1]
    assert len(pages) == -(-len(all_events) // 4)
    for a, b in zip(pages, pages[1:], strict=False):
        assert max(a) < min(b)
    assert [i for p in pages for i in p] == [e["id"] for e in all_events]


@pytest.mark.parametrize(("params", "keep"), [
    ({"actor": "KAZ"}, lambda e: "KAZ" in (e["source"], e["target"])),
    ({"actor": "kaz"}, lambda e: "KAZ" in (e["source"], e["target"])),
    ({"source": "RUS"}, lambda e: e["source"] == "RUS"),
    ({"target": "UKR"}, lambda e: e["target"] == "UKR"),
    ({"type": "SUPPORT"}, lambda e: e["event_type"] == "SUPPORT"),
    ({"mode": "visit"}, lambda e: e["mode"] == "visit"),
    ({"since": "2024"}, lambda e: e["date"] is not None and e["date"] >= "2024"),
    ({"until": "2023-04"}, lambda e: e["date"] is not None and e["date"][:7] <= "2023-04"),
    ({"since": "2022", "until": "2023"}, lambda e: e["date"] is not None and "2022" <= e["date"][:4] <= "2023"),
    ({"negated": "false"}, lambda e: not e["negated"]),
    ({"min_sources": 2}, lambda e: e["num_sources"] >= 2),
    ({"actor": "", "type": ""}, lambda e: True),
])
def test_event_filters_match_the_full_list(client: TestClient, all_events: list[dict], params: dict, keep) -> None:
    got = client.get("/api/events", params={**params, "limit": 1000}).json()
    expected = [e["id"] for e in all_events if keep(e)]
    assert [e["id"] for e in got["items"]] == expected
    assert expected, f"the examples should have events for {params}"


def test_lang_filter_keeps_events_reported_in_that_language(client: TestClient, all_events: list[dict]) -> None:
    seen: set[int] = set()
    for lang in client.get("/api/stats").json()["languages"]:
        items = client.get("/api/events", params={"lang": lang, "limit": 1000}).json()["items"]
        assert items, lang
        for e in items:
            langs = {r["lang"] for r in client.get(f"/api/events/{e['id']}").json()["reports"]}
            assert lang in langs
        seen |= {e["id"] for e in items}
    assert seen == {e["id"] for e in all_events}
    assert client.get("/api/events", params={"lang": "de"}).json()["items"] == []


def test_csv_has_the_same_rows_as_json(client: TestClient, all_events: list[dict]) -> None:
    r = client.get("/api/events", params={"format": "csv", "limit": 1000})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [int(row["id"]) for row in rows] == [e["id"] for e in all_events]
    assert {"date", "event_type", "source", "target", "quad_class", "place", "country"} <= set(rows[0])
    first = rows[0]
    assert first["event_type"] == all_events[0]["event_type"] and first["source"] == (all_events[0]["source"] or "")
    paged = client.get("/api/events", params={"format": "csv", "limit": 2})
    assert paged.headers["x-next-cursor"] == str(all_events[1]["id"])
    assert len(list(csv.DictReader(io.StringIO(paged.text)))) == 2


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 1001}, {"limit": "many"}, {"cursor": -1}, {"format": "xml"}, {"since": "last week"},
    {"actor": "<script>"}, {"min_sources": 0}, {"negated": "perhaps"},
])
def test_bad_parameters_are_422(client: TestClient, params: dict) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"][0] == "query"


def test_limit_bound_is_accepted_at_the_maximum(client: TestClient, all_events: list[dict]) -> None:
    page = client.get("/api/events", params={"limit": 1000}).json()
    assert page["limit"] == 1000 and len(page["items"]) == len(all_events)


def test_event_detail_evidence_is_the_document_span(client: TestClient, all_events: list[dict]) -> None:
    for e in all_events[:8]:
        detail = client.get(f"/api/events/{e['id']}").json()
        assert detail["id"] == e["id"] and detail["reports"]
        for rep in detail["reports"]:
            text = client.get(f"/api/documents/{rep['document']}").json()["text"]
            assert text[rep["start"]:rep["end"]] == rep["evidence"]


@pytest.mark.parametrize(("url", "words"), [
    ("/api/events/999999", ["999999", "/api/events"]),
    ("/api/actors/ZZZZ", ["ZZZZ", "/api/actors"]),
    ("/api/documents/999999", ["999999", "/api/documents"]),
])
def test_unknown_ids_are_404_with_a_hint(client: TestClient, url: str, words: list[str]) -> None:
    r = client.get(url)
    assert r.status_code == 404
    detail = r.json()["detail"]
    assert all(w in detail for w in words)


def test_unknown_api_path_is_json_404(client: TestClient) -> None:
    r = client.get("/api/nothing-here")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")


# --- actors, relations, documents, stats, search ---------------------------------------------------

def test_actors_most_active_first_and_profile(client: TestClient, all_events: list[dict]) -> None:
    items = client.get("/api/actors").json()["items"]
    counts = [a["events"] for a in items]
    assert counts == sorted(counts, reverse=True)
    kaz = next(a for a in items if a["code"] == "KAZ")
    assert kaz["events"] == sum(1 for e in all_events if "KAZ" in {e["source"], e["target"]})
    prof = client.get("/api/actors/kaz").json()
    assert prof["code"] == "KAZ" and prof["kind"] == "state" and prof["events"] == kaz["events"]
    assert prof["counterparts"] and any(c["code"] == "RUS" for c in prof["counterparts"])
    assert client.get("/api/actors", params={"limit": 2}).json()["items"] == items[:2]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/actors", params={"format": "csv"}).text)))
    assert [r["code"] for r in rows] == [a["code"] for a in items]


def test_relations_filters(client: TestClient) -> None:
    every = client.get("/api/relations").json()["items"]
    kaz = client.get("/api/relations", params={"code": "KAZ"}).json()["items"]
    assert kaz and all("KAZ" in (r["subject"], r["object"]) for r in kaz)
    assert len(kaz) < len(every)
    stated = client.get("/api/relations", params={"code": "KAZ", "record": "false"}).json()["items"]
    assert stated and not any(r["record"] for r in stated) and all(r["statements"] for r in stated)
    members = client.get("/api/relations", params={"type": "member_of"}).json()["items"]
    assert members and {r["type"] for r in members} == {"member_of"}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/relations", params={"code": "KAZ", "format": "csv"}).text)))
    assert len(rows) == len(kaz)
    first = client.get("/api/relations", params={"limit": 3}).json()
    second = client.get("/api/relations", params={"limit": 3, "offset": first["next_offset"]}).json()
    assert first["total"] == len(every) and first["next_offset"] == 3
    assert first["items"] + second["items"] == every[:6]
    assert client.get("/api/relations", params={"limit": 1001}).status_code == 422


def test_documents_paged_and_detail(client: TestClient) -> None:
    ids, cursor = [], None
    while True:
        page = client.get("/api/documents", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        assert len(page["items"]) <= 2
        ids += [d["id"] for d in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids)) == client.get("/api/stats").json()["documents"] == len(STORED)
    doc = client.get(f"/api/documents/{ids[0]}").json()
    assert doc["text"] and doc["events"] and doc["mentions"]
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/documents", params={"format": "csv"}).text)))
    assert [int(r["id"]) for r in rows] == ids


def test_stats_and_search(client: TestClient) -> None:
    s = client.get("/api/stats").json()
    assert s["documents"] == len(STORED) and s["languages"] == expected_languages()
    assert sum(s["events_by_type"].values()) == s["events"]
    res = client.get("/api/search", params={"q": "Казахстан"}).json()
    assert res["documents"] and all("казахстан" in d["snippet"].casefold() or d["name"].startswith("kz")
                                     for d in res["documents"])
    en = client.get("/api/search", params={"q": "Poland agreement"}).json()
    assert "hostile.en.txt" in [d["name"] for d in en["documents"]]
    assert any({e["source"], e["target"]} == {"UKR", "POL"} for e in en["events"])
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": "x" * 201}).status_code == 422
    assert client.get("/api/search").status_code == 422


# --- OpenAPI, docs, headers, limits -----------------------------------------------------------------

def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{code}", "/api/relations",
                 "/api/documents", "/api/documents/{doc_id}", "/api/stats", "/api/search"):
        assert path in spec["paths"], path
    assert "/api/ingest" not in spec["paths"]
    assert not any(p.startswith(("/events", "/map", "/network")) for p in spec["paths"])  # pages stay out
    html = client.get("/docs", headers={"accept": "text/html"})
    assert html.status_code == 200
    assert "http://" not in html.text and "https://" not in html.text and "//cdn" not in html.text
    assert "/static/swagger/swagger-ui-bundle.js" in html.text and "/openapi.json" in html.text
    for asset in ("/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css", "/static/js/docs.js"):
        assert client.get(asset).status_code == 200


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for url in ("/", "/api/stats", "/events/999999"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_query_strings_are_bounded(client: TestClient) -> None:
    r = client.get("/api/events", params={"actor": "A" * 5000})
    assert r.status_code == 414


# --- pages ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/", "/events", "/actors", "/documents", "/network", "/map", "/actors/UKR",
                                 "/events?actor=KAZ&type=", "/map?actor=KAZ", "/network?type=SUPPORT"])
def test_pages_render_and_answer_json(client: TestClient, url: str) -> None:
    html = client.get(url)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<script>" not in html.text  # only <script src> and the JSON block
    block = html.text.split('<script type="application/json" id="page-data">')[1].split("</script>")[0]
    json.loads(block)
    sep = "&" if "?" in url else "?"
    data = client.get(url + sep + "format=json")
    assert data.status_code == 200 and data.headers["content-type"].startswith("application/json")
    assert isinstance(data.json(), dict)


def test_page_json_is_the_query_data(client: TestClient, all_events: list[dict]) -> None:
    events = client.get("/events", params={"format": "json", "actor": "KAZ"}).json()
    assert events["items"] == client.get("/api/events", params={"actor": "KAZ"}).json()["items"]
    net = client.get("/network", params={"format": "json"}).json()
    codes = {n["id"] for n in net["nodes"]}
    assert {"UKR", "RUS", "KAZ"} <= codes
    assert any(n["kind"] == "person" for n in net["nodes"])
    pair = next(e for e in net["edges"] if {e["from"], e["to"]} == {"KAZ", "RUS"})
    assert pair["events"] == sum(1 for e in all_events if {e["source"], e["target"]} == {"KAZ", "RUS"})
    world = client.get("/map", params={"format": "json", "actor": "KAZ"}).json()
    states = load_lexicon().states
    kaz = [e for e in all_events if "KAZ" in {e["source"], e["target"]}]
    expected: dict[str, int] = {}
    for e in kaz:  # every country among source, target and place, once per event; no organisation codes
        for code in {e["source"], e["target"], (e["location"] or {}).get("country")} & set(states):
            expected[code] = expected.get(code, 0) + 1
    assert world["countries"] == expected and {"KAZ", "RUS"} <= set(expected)
    assert {p["place"] for p in world["points"]} == {e["location"]["name"] for e in kaz if e["location"]}


def test_page_404_and_422_are_html(client: TestClient) -> None:
    r = client.get("/events/999999", headers={"accept": "text/html"})
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "no event 999999" in r.text
    r = client.get("/events", params={"since": "yesterday"}, headers={"accept": "text/html"})
    assert r.status_code == 422 and "since" in r.text
    assert client.get("/actors/NOPE").status_code == 404


def test_event_page_marks_the_evidence_in_its_document(client: TestClient, all_events: list[dict]) -> None:
    e = next(x for x in all_events if x["source"] == "KAZ" and x["target"] == "RUS")
    detail = client.get(f"/api/events/{e['id']}").json()
    html = client.get(f"/events/{e['id']}").text
    for rep in detail["reports"]:
        assert f'<mark class="evidence q{e["quad_class"]}">{rep["evidence"]}</mark>' in html


def test_document_page_marks_every_event(client: TestClient) -> None:
    doc = client.get("/api/documents/1").json()
    html = client.get("/documents/1").text
    assert html.count('<span class="anchor" id="r') == len(doc["events"])
    for ev in doc["events"]:
        assert f'id="r{ev["id"]}"' in html


# --- hostile text ---------------------------------------------------------------------------------

def test_hostile_article_is_inert(client: TestClient, db_path: Path) -> None:
    doc_id = hostile_doc_id(client)
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert "<script>alert(1)</script>" in doc["text"]  # stored as written
    assert doc["events"], "the real sentence should give an event"
    pages = [client.get(f"/documents/{doc_id}").text,
             client.get(f"/events/{doc['events'][0]['aggregate']}").text]
    for html in pages:
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "<b>deal</b>" not in html
    assert "DROP TABLE events; --" in pages[0].replace("&#39;", "'")
    search = client.get("/", params={"format": "json"}).json()
    assert search["stats"]["documents"] == len(STORED)
    tables = {r[0] for r in sqlite3.connect(db_path).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "events", "aggregates", "mentions", "relations"} <= tables
    assert client.get("/api/stats").json()["event_reports"] > 20


def test_safe_json_cannot_close_a_script_block() -> None:
    value = {"t": "</script><script>alert(1)</script>&amp;\u2028\u2029<!--"}
    out = str(safe_json(value))
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == value


def test_segments_cut_overlapping_spans() -> None:
    text = "Ukraine and Poland signed an agreement."
    segs = segments(text, [(1, 0, 25), (2, 12, 38)], [("UKR", 0, 7), ("POL", 12, 18)])
    assert "".join(s.text for s in segs) == text
    by_text = {s.text: s for s in segs}
    assert by_text["Ukraine"].events == [1] and by_text["Ukraine"].mentions == ["UKR"]
    assert by_text["Poland"].events == [1, 2] and by_text["Poland"].mentions == ["POL"]
    assert by_text[" an agreement"].events == [2]
    focus = segments(text, focus=(12, 18), window=(5, 30))
    assert "".join(s.text for s in focus) == text[5:30]
    assert [s.text for s in focus if s.focus] == ["Poland"]


# --- the write endpoint ---------------------------------------------------------------------------

ARTICLE = " date 2025-03-04\nUkraine and Poland signed an agreement on 3 March 2025 in Warsaw.\n"


def test_no_write_endpoint_without_a_token(client: TestClient) -> None:
    assert client.post("/api/ingest", json={"text": ARTICLE}).status_code == 404
    assert client.post("/api/ingest", json={"text": ARTICLE}, headers={"Authorization": f"Bearer {TOKEN}"}
                       ).status_code == 404


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("write") / "write.db"
    with TestClient(create_app(f"sqlite:///{path}", write_token=TOKEN)) as c:
        yield c


def test_ingest_needs_the_right_token(writer: TestClient) -> None:
    assert writer.post("/api/ingest", json={"text": ARTICLE}).status_code == 401
    r = writer.post("/api/ingest", json={"text": ARTICLE}, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert writer.post("/api/ingest", json={"text": ARTICLE}, headers={"Authorization": TOKEN}).status_code == 401
    assert writer.get("/api/stats").json()["documents"] == 0
    assert "/api/ingest" in writer.get("/openapi.json").json()["paths"]


def test_ingest_stores_once(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": ARTICLE, "title": "=HYPERLINK(\"http://x\")", "source": "test", "url": "javascript:alert(1)"}
    first = writer.post("/api/ingest", json=body, headers=auth)
    assert first.status_code == 200, first.text
    out = first.json()
    assert out["stored"] is True and out["events"] >= 1
    before = writer.get("/api/stats").json()
    again = writer.post("/api/ingest", json=body, headers=auth).json()
    assert again["stored"] is False and again["document"] == out["document"]
    assert writer.get("/api/stats").json() == before
    assert before["documents"] == 1 and before["events"] >= 1
    doc = writer.get(f"/api/documents/{out['document']}").json()
    assert doc["published"] == "2025-03-04" and doc["lang"] == "en"
    cells = list(csv.DictReader(io.StringIO(writer.get("/api/documents", params={"format": "csv"}).text)))
    assert cells[0]["title"].startswith("'=")  # a spreadsheet will not run it
    page = writer.get(f"/documents/{out['document']}").text
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page  # shown, not linked
    linked = writer.post("/api/ingest", json={"text": ARTICLE + "More.", "url": "https://example.org/a?b=<x>"},
                         headers=auth).json()
    page = writer.get(f"/documents/{linked['document']}").text
    assert 'href="https://example.org/a?b=&lt;x&gt;" rel="noopener noreferrer nofollow"' in page


@pytest.mark.parametrize(("body", "status"), [({}, 422), ({"text": ""}, 422), ({"text": "  \n "}, 422),
                                              ({"text": ARTICLE, "lang": "de"}, 422),
                                              ({"text": ARTICLE, "date": "soon"}, 422)])
def test_ingest_rejects_bad_bodies(writer: TestClient, body: dict, status: int) -> None:
    r = writer.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == status


def test_ingest_body_size_is_bounded(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"}
    big = json.dumps({"text": "а" * 1_500_000}).encode()  # 3 MB of Cyrillic
    assert writer.post("/api/ingest", content=big, headers=auth).status_code == 413

    def chunks():
        for _ in range(40):
            yield b" " * 100_000

    r = writer.post("/api/ingest", content=chunks(), headers=auth)  # streamed, no Content-Length
    assert r.status_code == 413
    assert writer.get("/api/stats").json()["documents"] <= 2
