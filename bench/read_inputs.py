"""Reading speed of each input format (no extraction): how many records/s iter_inputs
turns into Documents from text files, JSONL, HTML files and a gzipped WARC.

Builds N synthetic articles (uk, ru, en in turn, each different) in a temp dir, in every
format, with site furniture (menus, sidebar, footer, scripts) around the HTML bodies,
then times one pass of iter_inputs and one of count_inputs over each.

usage: python bench/read_inputs.py [--n 200]"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from litopys.io.sources import Problem, count_inputs, iter_inputs

SENTENCES = {
    "uk": ["Президент України провів переговори з прем'єр-міністром Польщі у Варшаві.",
           "Сторони обговорили постачання зброї та відбудову енергетики.",
           "Міністр закордонних справ України зустрівся з послом Німеччини в Києві.",
           "Польща пообіцяла передати Україні новий пакет військової допомоги.",
           "Делегації домовилися продовжити консультації наступного тижня."],
    "ru": ["Министр иностранных дел России встретился с президентом Казахстана в Астане.",
           "Стороны обсудили транзит грузов и работу Евразийского экономического союза.",
           "Казахстан предложил провести следующий раунд консультаций осенью.",
           "Встреча прошла за закрытыми дверями и длилась около двух часов.",
           "Посол Китая в Москве заявил о поддержке переговорного процесса."],
    "en": ["The President of France met the Prime Minister of Japan in Paris on Tuesday.",
           "The two leaders discussed export controls and support for Ukraine.",
           "France said it would send a trade delegation to Tokyo next month.",
           "Officials described the meeting as constructive and frank.",
           "The foreign ministers agreed to meet again before the summit."],
}
LANGS = ("uk", "ru", "en")


def article(i: int) -> tuple[str, str, str]:
    """(lang, title, body) — about 2,500 characters in 6 paragraphs, different for each i."""
    lang = LANGS[i % 3]
    pool = SENTENCES[lang]
    paras = [" ".join(pool[(i + p + k) % len(pool)] for k in range(7)) + f" ({i}.{p})" for p in range(6)]
    return lang, f"{pool[i % len(pool)][:60]} #{i}", "\n\n".join(paras)


def html_page(i: int) -> str:
    lang, title, body = article(i)
    menu = "".join(f"<li><a href='/section/{k}'>Розділ {k}</a></li>" for k in range(40))
    side = "".join(f"<li><a href='/news/{i}-{k}'>Інша новина номер {k} цього тижня</a></li>" for k in range(25))
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title} | Site</title>"
            f"<meta property='article:published_time' content='2024-05-{1 + i % 28:02d}T10:00:00+03:00'>"
            f"<script>window.dataLayer=[{{'page':{i}}}];{'var x=1;' * 200}</script>"
            f"<style>{'.a{{color:red}}' * 200}</style></head><body>"
            f"<nav><ul>{menu}</ul></nav><header>Підписатися на розсилку</header>"
            f"<main><article><h1>{title}</h1>{paras}</article></main>"
            f"<aside><ul>{side}</ul></aside><footer>© 2024 Site. Усі права захищено.</footer></body></html>")


def build(root: Path, n: int) -> dict[str, Path]:
    dirs = {k: root / k for k in ("text", "jsonl", "html", "warc")}
    for d in dirs.values():
        d.mkdir(parents=True)
    with open(dirs["jsonl"] / "news.jsonl", "w", encoding="utf-8") as jf:
        for i in range(n):
            lang, title, body = article(i)
            (dirs["text"] / f"a{i:05d}-2024-05-{1 + i % 28:02d}.{lang}.txt").write_text(body, encoding="utf-8")
            jf.write(json.dumps({"id": f"r{i}", "text": body, "title": title, "date": "2024-05-01", "lang": lang,
                                 "url": f"https://news.example.org/{i}"}, ensure_ascii=False) + "\n")
            (dirs["html"] / f"p{i:05d}.html").write_text(html_page(i), encoding="utf-8")
    with open(dirs["warc"] / "crawl.warc.gz", "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(n):
            url = f"https://www.example.com.ua/news/{i}.html"
            req = StatusAndHeaders(f"GET /news/{i}.html HTTP/1.1", [("Host", "www.example.com.ua")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", http_headers=req))
            body = html_page(i).encode("utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                warc_headers_dict={"WARC-Date": "2024-06-03T08:00:00Z"}))
    return dirs


def measure(path: Path) -> dict:
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    t0 = time.perf_counter()
    estimate = count_inputs([path])
    count_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = problems = chars = 0
    for item in iter_inputs([path]):
        if isinstance(item, Problem):
            problems += 1
        else:
            docs += 1
            chars += len(item.text)
    dt = time.perf_counter() - t0
    return {"documents": docs, "problems": problems, "count_inputs": estimate, "seconds": round(dt, 3),
            "records_per_s": round(docs / dt, 1), "input_mb_per_s": round(size / dt / 1e6, 2),
            "avg_text_chars": round(chars / max(docs, 1)), "count_inputs_ms": round(count_s * 1000, 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200, help="articles per format")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dirs = build(Path(tmp), a.n)
        next(iter_inputs([next(dirs["html"].iterdir())]))  # import trafilatura before timing
        print(json.dumps({kind: measure(path) for kind, path in dirs.items()}, indent=1))


if __name__ == "__main__":
    main()
