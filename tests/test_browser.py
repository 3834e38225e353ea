"""The pages in a real browser: Playwright drives Debian's chromium against `litopys serve`'s
app (uvicorn in a thread) on a database ingested from examples/ plus a hostile article.
Each test asserts what a person would see, that the console stayed clean, that no request
failed or left localhost, and saves a screenshot under tests/artifacts/screenshots/."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")

import uvicorn  # noqa: E402

from litopys.web.app import create_app  # noqa: E402
from test_api import HOSTILE, ingest  # noqa: E402

SHOTS = Path(__file__).resolve().parent / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SIMFEROPOL = (34.10, 44.95)  # lon, lat
ITEMS = ".vis-item.vis-box, .vis-item.vis-range, .vis-item.vis-point"  # one per event (a box also has .vis-dot/.vis-line)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "web.db"
    ingest(f"sqlite:///{path}", {"hostile.en.txt": HOSTILE})
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(f"sqlite:///{path}"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


class Watch:
    """Everything that went wrong in a page: console errors, page errors, failed or 4xx/5xx
    requests, requests to other hosts, and dialogs (an alert() would mean script injection)."""

    def __init__(self, page, base_url: str) -> None:  # noqa: ANN001
        self.page = page
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        self.allowed_status: set[int] = set()
        host = urlsplit(base_url).hostname
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url}: {r.failure}"))
        page.on("response", lambda r: self.failed.append(f"{r.url}: HTTP {r.status}")
                if r.status >= 400 and r.status not in self.allowed_status else None)
        page.on("request", lambda r: self.foreign.append(r.url)
                if urlsplit(r.url).scheme not in ("data", "blob") and urlsplit(r.url).hostname not in (host, "localhost")
                else None)

        def on_dialog(d) -> None:  # noqa: ANN001
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)

    def _console(self, message) -> None:  # noqa: ANN001
        expected = any(f"status of {s}" in message.text for s in self.allowed_status)
        if message.type == "error" and not expected:
            self.errors.append(f"console error: {message.text} at {message.location}")

    def check(self) -> None:
        assert not self.errors, self.errors
        assert not self.failed, self.failed
        assert not self.foreign, self.foreign
        assert not self.dialogs, self.dialogs


@pytest.fixture
def page(browser, base_url: str, request: pytest.FixtureRequest):  # noqa: ANN001, ANN201
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    pg = context.new_page()
    watch = Watch(pg, base_url)
    pg.watch = watch
    yield pg
    pg.screenshot(path=str(SHOTS / f"{request.node.name.replace('/', '_')}.png"), full_page=True)
    context.close()
    watch.check()


def goto(page, url: str) -> None:  # noqa: ANN001
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, f"{url}: {response and response.status}"


def page_data(page) -> dict:  # noqa: ANN001
    return page.evaluate("JSON.parse(document.getElementById('page-data').textContent)")


def test_overview_timeline_shows_coloured_events(page) -> None:  # noqa: ANN001
    goto(page, "/")
    data = page_data(page)
    assert data["timeline"]["shown"] > 10
    page.wait_for_selector(".vis-item")
    assert page.evaluate("window.litopysTimeline.itemsData.length") == data["timeline"]["shown"]
    assert page.locator(ITEMS).count() > 0
    page.screenshot(path=str(SHOTS / "overview_initial.png"))
    page.evaluate("window.litopysTimeline.fit({animation: false})")
    page.wait_for_timeout(300)
    assert page.locator(ITEMS).count() == data["timeline"]["shown"]  # all drawn once the whole range is in view
    assert page.locator(".cards .card").first.inner_text().strip().startswith(str(data["stats"]["documents"]))
    conflict = page.locator(".vis-item.vis-box.q4, .vis-item.vis-range.q4").first
    assert conflict.is_visible()
    assert conflict.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(200, 55, 45)"
    coop = page.locator(".vis-item.vis-box.q1, .vis-item.vis-range.q1").first
    assert coop.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(43, 123, 185)"
    # material conflict is CAMEO 14-20: protests, mobilising, sanctions, coercion, assaults
    assert conflict.inner_text().split()[0] in {"PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}


def test_overview_filter_form_narrows_the_timeline(page) -> None:  # noqa: ANN001
    goto(page, "/")
    page.fill("input[name=actor]", "KAZ")
    page.select_option("select[name=type]", "SUPPORT")
    with page.expect_navigation(wait_until="networkidle"):
        page.click("form.filters button[type=submit]")
    assert "actor=KAZ" in page.url and "type=SUPPORT" in page.url
    data = page_data(page)
    page.wait_for_selector(".vis-item")
    assert page.locator(ITEMS).count() == data["timeline"]["shown"] > 0
    for item in data["timeline"]["items"]:
        assert item["event_type"] == "SUPPORT" and "KAZ" in (item["source"], item["target"])
    assert page.locator("input[name=actor]").input_value() == "KAZ"


def test_timeline_item_opens_its_event(page) -> None:  # noqa: ANN001
    goto(page, "/")
    page.wait_for_selector(".vis-item")
    with page.expect_navigation(wait_until="networkidle"):
        page.locator(".vis-item.vis-box.q4").first.click()
    assert "/events/" in page.url
    assert page.locator("mark.evidence").count() >= 1


def test_events_table_lists_and_pages(page) -> None:  # noqa: ANN001
    goto(page, "/events?limit=5")
    rows = page.locator("table.grid tbody tr")
    assert rows.count() == 5
    first_ids = [int(t) for t in rows.locator("td:first-child a").all_inner_texts()]
    with page.expect_navigation(wait_until="networkidle"):
        page.click("text=next page »")
    next_ids = [int(t) for t in page.locator("table.grid tbody tr td:first-child a").all_inner_texts()]
    assert next_ids and min(next_ids) > max(first_ids)


def test_event_page_highlights_the_evidence_in_the_document(page) -> None:  # noqa: ANN001
    goto(page, "/events?actor=KAZ&target=RUS&format=json")
    event_id = page.evaluate("JSON.parse(document.body.innerText).items[0].id")
    goto(page, f"/events/{event_id}?format=json")
    event = page.evaluate("JSON.parse(document.body.innerText)")
    goto(page, f"/events/{event_id}")
    marks = page.locator(".doctext mark.evidence")
    assert marks.count() == len(event["reports"]) >= 1
    assert [m.strip() for m in marks.all_inner_texts()] == [r["evidence"].strip() for r in event["reports"]]
    assert marks.first.is_visible()
    box = page.locator(".doctext").first.bounding_box()
    mark = marks.first.bounding_box()
    assert box and mark and box["y"] <= mark["y"] <= box["y"] + box["height"]  # scrolled into view
    facts = page.locator("dl.facts").inner_text()
    assert "Kazakhstan" in facts and "Russia" in facts and event["date"] in facts
    assert event["event_type"] in page.locator("h1").inner_text()


def test_actor_page(page) -> None:  # noqa: ANN001
    goto(page, "/actors/KAZ")
    assert "Kazakhstan" in page.locator("h1").inner_text()
    page.wait_for_selector(".vis-item")
    assert page.locator(ITEMS).count() == page_data(page)["timeline"]["shown"] > 0
    counterparts = page.locator("h2:has-text('Counterparts') + table tbody tr")
    assert counterparts.count() >= 2 and "RUS" in counterparts.first.inner_text()
    assert page.locator("h2:has-text('People') + table tbody tr").count() >= 1
    assert page.locator("h2:has-text('Recent events') + table tbody tr").count() >= 1


def test_document_page_marks_every_event(page) -> None:  # noqa: ANN001
    goto(page, "/documents/1?format=json")
    doc = page.evaluate("JSON.parse(document.body.innerText)")
    goto(page, "/documents/1")
    assert page.locator("#doctext .anchor").count() == len(doc["events"]) > 0
    assert page.locator("#doctext mark.ev").count() >= 1
    assert page.locator("#doctext .mention").count() >= 1
    assert page.locator("#doctext").inner_text().strip() == doc["text"].strip()


def test_network_draws_actors_and_opens_an_actor(page) -> None:  # noqa: ANN001
    goto(page, "/network")
    assert page.locator("#network canvas").count() == 1
    count = int(page.locator("#node-count").inner_text())
    assert count == len(page_data(page)["nodes"]) > 5
    page.wait_for_function("window.litopysNetwork && window.litopysNetwork.getPositions().KAZ")
    page.wait_for_timeout(1500)  # let the layout settle before clicking
    canvas = page.locator("#network canvas").bounding_box()
    assert canvas and canvas["width"] > 400 and canvas["height"] > 300
    pos = page.evaluate("(() => { const n = window.litopysNetwork; "
                        "return n.canvasToDOM(n.getPositions(['KAZ']).KAZ); })()")
    page.evaluate("window.litopysNetwork.stopSimulation()")
    page.screenshot(path=str(SHOTS / "network_before_click.png"))
    with page.expect_navigation(wait_until="networkidle"):
        page.mouse.click(canvas["x"] + pos["x"], canvas["y"] + pos["y"])
    assert page.url.endswith("/actors/KAZ")


def test_map_shades_countries_and_keeps_crimea_in_ukraine(page) -> None:  # noqa: ANN001
    goto(page, "/map")
    page.wait_for_selector("#map[data-ready='1']")
    assert page.locator("path.country").count() > 150
    shaded = page.locator("path.country.shaded")
    assert shaded.count() == len(page_data(page)["countries"]) >= 5
    assert page.locator("circle.place").count() >= 1
    fill = "e => getComputedStyle(e).fill"
    blank = page.locator("path.country:not(.shaded)").first.evaluate(fill)
    assert page.locator("path.country[data-id='UKR']").evaluate(fill) != blank  # shaded as a person sees it
    assert page.locator("path.country[data-id='RUS']").evaluate(fill) != blank
    inside = page.evaluate("""([lon, lat]) => {
        const m = window.litopysMap;
        const [x, y] = m.projection([lon, lat]);
        const svg = document.querySelector('#map svg');
        const at = code => {
            const el = document.querySelector(`path.country[data-id="${code}"]`);
            const p = svg.createSVGPoint(); p.x = x; p.y = y;
            return el.isPointInFill(p);
        };
        const feature = code => m.countries.find(f => f.id === code);
        return {ukrDrawn: at('UKR'), rusDrawn: at('RUS'),
                ukrGeo: d3.geoContains(feature('UKR'), [lon, lat]), rusGeo: d3.geoContains(feature('RUS'), [lon, lat])};
    }""", list(SIMFEROPOL))
    assert inside == {"ukrDrawn": True, "rusDrawn": False, "ukrGeo": True, "rusGeo": False}


def test_map_follows_the_filter(page) -> None:  # noqa: ANN001
    goto(page, "/map?actor=KAZ")
    page.wait_for_selector("#map[data-ready='1']")
    shaded = set(page.locator("path.country.shaded").evaluate_all("els => els.map(e => e.dataset.id)"))
    assert shaded == set(page_data(page)["countries"]) and {"KAZ", "RUS"} <= shaded
    unshaded = page.locator("path.country:not(.shaded)").first
    assert unshaded.get_attribute("data-id") not in shaded
    fill = "e => getComputedStyle(e).fill"
    assert unshaded.evaluate(fill) == page.locator("path.country:not(.shaded)").last.evaluate(fill)
    assert page.locator("path.country[data-id='KAZ']").evaluate(fill) != unshaded.evaluate(fill)


def test_hostile_article_shows_as_text(page, base_url: str) -> None:  # noqa: ANN001
    goto(page, "/documents?format=json")
    docs = page.evaluate("JSON.parse(document.body.innerText).items")
    doc_id = next(d["id"] for d in docs if d["name"] == "hostile.en.txt")
    goto(page, f"/documents/{doc_id}")
    text = page.locator("#doctext").inner_text()
    assert "<script>alert(1)</script>" in text
    assert '"><img src=x onerror=alert(1)>' in text and "'; DROP TABLE events; --" in text
    assert page.locator("#doctext script, #doctext img, #doctext b").count() == 0
    assert page.locator("img[src='x']").count() == 0
    event_link = page.locator("table.grid td a[href^='/events/']").first
    with page.expect_navigation(wait_until="networkidle"):
        event_link.click()
    assert page.locator("mark.evidence").inner_text() == "Ukraine and Poland signed an agreement on 3 March 2025."
    assert "<script>alert(1)</script>" in page.locator(".doctext").inner_text()
    assert page.locator(".doctext script, .doctext img").count() == 0
    page.wait_for_timeout(300)
    assert page.watch.dialogs == []


def test_docs_page_renders_offline(page) -> None:  # noqa: ANN001
    goto(page, "/docs")
    page.wait_for_selector(".opblock", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/events" in [p.replace("\u200b", "") for p in paths]


def test_unknown_event_page_is_a_readable_404(page) -> None:  # noqa: ANN001
    page.watch.allowed_status = {404}
    response = page.goto("/events/999999", wait_until="networkidle")
    assert response is not None and response.status == 404
    assert "no event 999999" in page.locator("main").inner_text()
