"""Many input formats, one stream: text, JSONL (.gz), HTML and WARC become Documents; a bad
file or record becomes a Problem with its place and code, and the rest of the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from litopys.io.sources import Problem, count_inputs, input_files, iter_inputs
from litopys.io.warc import count_pages
from litopys.model import Document
from litopys.pipeline import extract

UK = ("Президент України провів переговори з прем'єр-міністром Польщі у Варшаві. Сторони обговорили "
      "постачання зброї та відбудову енергетики. Польща пообіцяла передати Україні новий пакет військової допомоги.")
RU = ("Министр иностранных дел России встретился с президентом Казахстана в Астане. Стороны обсудили транзит "
      "грузов и работу Евразийского экономического союза. Казахстан предложил провести следующий раунд консультаций осенью.")
EN = ("The President of France met the Prime Minister of Japan in Paris on Tuesday. The two leaders discussed export "
      "controls and support for Ukraine. France said it would send a trade delegation to Tokyo next month.")
UK2 = ("Міністр закордонних справ України зустрівся з послом Німеччини в Києві. Він подякував Берліну за нові "
       "системи протиповітряної оборони. Німеччина підтвердила, що підтримує переговори про вступ України до ЄС.")
# site furniture in the site's language: (site name, menu, subscribe, most read, rights)
CHROME = {
    "uk": ("Новини Приклад", ["Головна", "Політика", "Спорт і здоров'я"], "Підписатися на розсилку",
           "Найпопулярніше за тиждень", "Усі права захищено"),
    "ru": ("Пример Новости", ["Главная", "Политика", "Спорт и здоровье"], "Подписаться на рассылку",
           "Самое читаемое за неделю", "Все права защищены"),
    "en": ("Example News", ["Home", "Politics", "Sport and health"], "Subscribe to our newsletter",
           "Most read this week", "All rights reserved"),
}


def furniture(lang: str) -> list[str]:
    site, menu, subscribe, popular, rights = CHROME[lang]
    return [*menu, subscribe, popular, rights]


def page(title: str, paragraphs: list[str], *, lang: str = "uk", url: str = "", published: str = "",
         charset: str | None = "utf-8") -> str:
    """A news page the way sites write them: menus, header, sidebar and footer around the article."""
    site, menu, subscribe, popular, rights = CHROME[lang]
    meta = f'<meta charset="{charset}">' if charset else ""
    meta += f'<title>{title} | {site}</title><meta property="og:title" content="{title}">'
    if url:
        meta += f'<link rel="canonical" href="{url}">'
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    items = "".join(f"<li><a href='/{i}'>{m}</a></li>" for i, m in enumerate(menu))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head>{meta}</head><body><nav><ul>{items}</ul></nav>"
            f"<header><div class='subscribe'>{subscribe}</div></header>"
            f"<main><article><h1>{title}</h1>{body}</article></main>"
            f"<aside><ul><li><a href='/top'>{popular}</a></li></ul></aside>"
            f"<footer>© 2024 {site}. {rights}.</footer></body></html>")


UK_PAGE = page("Зеленський провів переговори з Туском", [UK, UK2],
               url="https://www.pravda.com.ua/news/2024/05/1/7453999/", published="2024-05-01T10:15:00+03:00")
RU_PAGE = page("Лавров встретился с Токаевым", [RU, "Встреча прошла за закрытыми дверями и длилась около двух часов."],
               lang="ru", charset=None)


def response(w: WARCWriter, url: str, body: bytes, ctype: str = "text/html; charset=utf-8",
             status: str = "200 OK", when: str = "2024-06-03T08:00:00Z") -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                        warc_headers_dict={"WARC-Date": when}))


def write_warc(path: Path) -> Path:
    """record 1 request, 2 uk page (date in its metadata), 3 a 404 page, 4 an image,
    5 ru page in koi8-r declared only by HTTP (date from WARC-Date)."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        req = StatusAndHeaders("GET /news/2024/05/1/7453999/ HTTP/1.1", [("Host", "www.pravda.com.ua")], is_http_request=True)
        w.write_record(w.create_warc_record("https://www.pravda.com.ua/news/2024/05/1/7453999/", "request",
                                            http_headers=req, warc_headers_dict={"WARC-Date": "2024-06-03T07:59:59Z"}))
        response(w, "https://www.pravda.com.ua/news/2024/05/1/7453999/", UK_PAGE.encode("utf-8"))
        response(w, "https://www.pravda.com.ua/missing", page("Сторінку не знайдено", [UK2]).encode(), status="404 Not Found")
        response(w, "https://www.pravda.com.ua/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png")
        response(w, "https://ria.example.ru/politics/20240602/lavrov.html", RU_PAGE.encode("koi8-r"),
                 ctype="text/html; charset=koi8-r", when="2024-06-02T21:30:00Z")
    return path


JSONL_LINES = [
    json.dumps({"id": "pravda-1", "text": UK, "date": "2024-05-01", "url": "https://www.pravda.com.ua/news/1/",
                "title": "Переговори у Варшаві", "source": "Українська правда"}, ensure_ascii=False),
    json.dumps({"text": RU, "date": "2024-05-02T09:30:00+03:00", "lang": "ru-RU",
                "url": "https://tass.example.ru/politika/2"}, ensure_ascii=False),
    '{"text": "Україна та Польща підписали',
    "",
    '{"title": "без тексту", "date": "2024-05-03"}',
    '["not", "an", "object"]',
    json.dumps({"id": "pravda-1", "text": EN, "date": "next Tuesday"}),
    json.dumps({"text": "   ", "id": 9}),
    json.dumps({"id": 42, "text": UK2, "url": 17}, ensure_ascii=False),
]


def split(items: list) -> tuple[list[Document], list[Problem]]:
    docs = [x for x in items if isinstance(x, Document)]
    problems = [x for x in items if isinstance(x, Problem)]
    assert len(docs) + len(problems) == len(items)
    return docs, problems


# ---------------------------------------------------------------- JSONL


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join(JSONL_LINES) + "\n\n", encoding="utf-8")
    return p


def test_jsonl_good_lines_become_documents_bad_lines_problems(jsonl):
    docs, problems = split(list(iter_inputs([jsonl])))
    assert [d.id for d in docs] == ["pravda-1", "news.jsonl#2", "news.jsonl#7", "42"]
    uk, ru, en, uk2 = docs
    assert (uk.lang, uk.published, uk.source, uk.title) == ("uk", date(2024, 5, 1), "Українська правда", "Переговори у Варшаві")
    assert uk.url == "https://www.pravda.com.ua/news/1/" and uk.text == UK
    # ISO date-time keeps the date as written; lang "ru-RU" read as ru; no source: the URL's host
    assert (ru.lang, ru.published, ru.source) == ("ru", date(2024, 5, 2), "tass.example.ru")
    # a repeated id falls back to the line number; a bad date is said, not fatal; language detected
    assert en.lang == "en" and en.published is None
    assert sorted(m[:4] for m in en.messages) == ["W031", "W034", "W035"]
    assert uk2.url == "" and any(m.startswith("W036") and '"url"' in m for m in uk2.messages)
    assert uk2.source == str(jsonl)
    assert [(p.where, p.code) for p in problems] == [
        (f"{jsonl}:line 3", "E026"), (f"{jsonl}:line 5", "E027"), (f"{jsonl}:line 6", "E027"), (f"{jsonl}:line 8", "E027")]
    assert "no \"text\"" in problems[1].message and "JSON list" in problems[2].message and "empty" in problems[3].message
    assert count_inputs([jsonl]) == len(docs) + len(problems)


def test_jsonl_cli_date_and_lang_win_over_record_fields(jsonl):
    docs, _ = split(list(iter_inputs([jsonl], published=date(2020, 2, 2), lang="uk")))
    assert {d.published for d in docs} == {date(2020, 2, 2)} and {d.lang for d in docs} == {"uk"}


def test_gzipped_jsonl_reads_like_plain(jsonl, tmp_path):
    gz = tmp_path / "news.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    plain, gzipped = list(iter_inputs([jsonl])), list(iter_inputs([gz]))
    assert [type(x) for x in plain] == [type(x) for x in gzipped]
    assert [d.text for d in split(gzipped)[0]] == [d.text for d in split(plain)[0]]
    assert split(gzipped)[0][1].id == "news.jsonl.gz#2"
    assert count_inputs([gz]) == len(gzipped)


def test_truncated_gzip_keeps_earlier_lines_and_reports_once(tmp_path):
    lines = [json.dumps({"text": f"{UK} Випуск {i}."}, ensure_ascii=False) for i in range(300)]
    data = gzip.compress("\n".join(lines).encode("utf-8"))
    gz = tmp_path / "cut.ndjson.gz"
    gz.write_bytes(data[: len(data) // 2])
    docs, problems = split(list(iter_inputs([gz])))
    assert 0 < len(docs) < 300
    assert len(problems) == 1 and problems[0].code == "E023" and problems[0].where == f"{gz}:line {len(docs) + 1}"


def test_record_larger_than_max_chars_is_a_problem_for_that_line(tmp_path):
    p = tmp_path / "big.jsonl"
    p.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (UK, UK * 20, RU)), encoding="utf-8")
    docs, problems = split(list(iter_inputs([p], max_chars=len(UK) * 2)))
    assert [d.text for d in docs] == [UK, RU]
    assert [(x.where, x.code) for x in problems] == [(f"{p}:line 2", "E024")]


# ---------------------------------------------------------------- HTML


def test_html_keeps_article_drops_menus_and_takes_metadata(tmp_path):
    p = tmp_path / "zelensky-tusk.html"
    p.write_text(UK_PAGE, encoding="utf-8")
    (doc,) = list(iter_inputs([p]))
    assert isinstance(doc, Document)
    assert UK in doc.text and UK2 in doc.text
    assert not [m for m in furniture("uk") if m in doc.text]
    assert doc.title == "Зеленський провів переговори з Туском"
    assert doc.published == date(2024, 5, 1) and doc.lang == "uk"
    assert doc.url == "https://www.pravda.com.ua/news/2024/05/1/7453999/" and doc.source == "www.pravda.com.ua"
    assert doc.id == "zelensky-tusk.html"
    # paragraphs are separated by blank lines, as the sentence splitter expects
    assert f"{UK}\n\n{UK2}" in doc.text


def test_html_cli_date_wins_and_file_name_date_is_the_last_resort(tmp_path):
    p = tmp_path / "tusk.html"
    p.write_text(UK_PAGE, encoding="utf-8")
    (doc,) = iter_inputs([p], published=date(2024, 5, 20))
    assert doc.published == date(2024, 5, 20)
    q = tmp_path / "lavrov-2024-06-02.htm"
    q.write_text(RU_PAGE, encoding="utf-8")
    (doc,) = iter_inputs([q])
    assert doc.published == date(2024, 6, 2) and doc.lang == "ru" and doc.source == str(q)


def test_html_in_cp1251_declared_by_meta(tmp_path):
    p = tmp_path / "old.html"
    p.write_bytes(page("Встреча в Астане", [RU], lang="ru", charset="windows-1251").encode("cp1251"))
    (doc,) = iter_inputs([p])
    assert RU in doc.text and doc.lang == "ru" and not [m for m in doc.messages if m.startswith("W032")]
    assert not [m for m in furniture("ru") if m in doc.text]


def test_xhtml_declaration_and_a_lying_meta_charset(tmp_path):
    x = tmp_path / "decl.xhtml"
    x.write_bytes(('<?xml version="1.0" encoding="windows-1251"?>\n' + page("Встреча", [RU], lang="ru", charset=None))
                  .encode("cp1251"))
    y = tmp_path / "lies.html"
    y.write_bytes(page("Встреча", [RU], lang="ru", charset="utf-8").encode("cp1251"))
    declared, lying = iter_inputs([x, y])
    assert RU in declared.text and RU in lying.text
    assert not [m for m in declared.messages if m.startswith("W032")]
    assert [m for m in lying.messages if m.startswith("W032")]  # sniffed: said, as for text files


def test_html_without_article_too_large_or_binary_are_problems(tmp_path):
    (tmp_path / "gallery.html").write_text("<html><head><title>Фото</title></head><body><div><img src='a.jpg'></div></body></html>")
    (tmp_path / "huge.html").write_text(UK_PAGE, encoding="utf-8")
    (tmp_path / "png.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    got = list(iter_inputs([tmp_path / "gallery.html", tmp_path / "png.html"]))
    assert [(x.where, x.code) for x in got] == [(str(tmp_path / "gallery.html"), "E028"), (str(tmp_path / "png.html"), "E021")]
    (big,) = iter_inputs([tmp_path / "huge.html"], max_chars=len(UK_PAGE) // 20)
    assert isinstance(big, Problem) and big.code == "E029"


# ---------------------------------------------------------------- WARC


def test_warc_yields_only_html_200_responses(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz")
    docs, problems = split(list(iter_inputs([warc])))
    assert problems == [] and len(docs) == 2
    uk, ru = docs
    assert (uk.id, uk.url, uk.source) == ("crawl.warc.gz#2", "https://www.pravda.com.ua/news/2024/05/1/7453999/", "www.pravda.com.ua")
    assert uk.published == date(2024, 5, 1)  # page metadata, not the WARC-Date (2024-06-03)
    assert (ru.id, ru.url, ru.source) == ("crawl.warc.gz#5", "https://ria.example.ru/politics/20240602/lavrov.html", "ria.example.ru")
    assert ru.published == date(2024, 6, 2)  # no page date: the WARC-Date
    assert RU in ru.text and ru.lang == "ru"  # koi8-r from the HTTP Content-Type
    assert UK in uk.text and not [m for m in furniture("uk") if m in uk.text]
    assert not [m for m in furniture("ru") if m in ru.text] and "Сторінку не знайдено" not in uk.text + ru.text
    assert count_inputs([warc]) == 2


def test_count_extrapolates_past_the_sample(tmp_path):
    warc = tmp_path / "many.warc.gz"
    with open(warc, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(60):
            response(w, f"https://www.pravda.com.ua/news/{i}/", page(f"Новина {i}", [UK, UK2]).encode("utf-8"))
            response(w, f"https://www.pravda.com.ua/img/{i}.png", bytes(300), ctype="image/png")
    assert count_pages(warc) == 60
    estimate = count_pages(warc, sample_bytes=warc.stat().st_size // 4)
    assert 40 <= estimate <= 90


def test_gzipped_arc_is_read_like_warc(tmp_path):
    def arc_record(url: str, ctype: str, block: bytes) -> bytes:
        return f"{url} 93.184.216.34 20240603080000 {ctype} {len(block)}\n".encode() + block + b"\n"

    html = page("Переговори у Варшаві", [UK]).encode("utf-8")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    desc = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = tmp_path / "old.arc.gz"
    arc.write_bytes(gzip.compress(arc_record("filedesc://old.arc", "text/plain", desc))
                    + gzip.compress(arc_record("https://www.ukrinform.ua/rubric-polytics/1.html", "text/html", http)))
    (doc,) = iter_inputs([arc])
    assert (doc.id, doc.source, doc.published) == ("old.arc.gz#2", "www.ukrinform.ua", date(2024, 6, 3))
    assert UK in doc.text


def test_damaged_or_foreign_archives_are_one_problem(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz")
    data = warc.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 300])  # the ru page breaks off
    docs, problems = split(list(iter_inputs([cut])))
    assert [d.id for d in docs] == ["cut.warc.gz#2"]
    assert [(x.code, x.where) for x in problems] == [("E030", f"{cut}#record 5 (https://ria.example.ru/politics/20240602/lavrov.html)")]
    assert count_inputs([cut]) == 2
    cut.write_bytes(data[: len(data) - 1200])  # the cut falls in the image record before it
    docs, problems = split(list(iter_inputs([cut])))
    assert [d.id for d in docs] == ["cut.warc.gz#2"] and [x.code for x in problems] == ["E030"]
    assert count_inputs([cut]) == 2
    foreign = tmp_path / "notes.warc"
    foreign.write_text(EN, encoding="utf-8")
    (only,) = iter_inputs([foreign])
    assert isinstance(only, Problem) and only.code == "E030"
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    assert [(x.code, x.where) for x in iter_inputs([empty])] == [("E020", str(empty))]
    assert count_inputs([foreign, empty]) == 2


# ---------------------------------------------------------------- folders


def build_folder(root: Path) -> Path:
    """Written in reverse of the reading order, so order cannot come from creation time."""
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "z.ru.txt").write_text(RU, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    write_warc(root / "d.warc.gz")
    (root / "c.html").write_text(page("France and Japan", [EN], lang="en", published="2024-03-12"), encoding="utf-8")
    (root / "blob").write_bytes(bytes(range(256)) * 8)
    (root / "b.jsonl").write_text("\n".join([JSONL_LINES[0], JSONL_LINES[2], JSONL_LINES[1]]), encoding="utf-8")
    (root / "a-2024-05-01.uk.txt").write_text(UK, encoding="utf-8")
    (root / "notes.md").write_text(EN, encoding="utf-8")  # unknown suffix in a folder: ignored
    (root / ".DS_Store").write_bytes(bytes(64))  # hidden: ignored
    return root


def test_folder_mixing_every_format(tmp_path):
    root = build_folder(tmp_path / "in")
    items = list(iter_inputs([root]))
    docs, problems = split(items)
    order = [x.id if isinstance(x, Document) else f"{x.code} {Path(x.where).name}" for x in items]
    assert order == ["a-2024-05-01.uk.txt", "pravda-1", "E026 b.jsonl:line 2", "b.jsonl#3", "E021 blob",
                     "c.html", "d.warc.gz#2", "d.warc.gz#5", "E020 empty.txt", "z.ru.txt"]
    assert (len(docs), len(problems)) == (7, 3)
    assert order == [x.id if isinstance(x, Document) else f"{x.code} {Path(x.where).name}" for x in iter_inputs([root])]
    assert count_inputs([root]) == len(items)
    assert docs[0].published == date(2024, 5, 1)  # date from the file name still works


def test_named_files_unknown_suffix_and_missing_paths(tmp_path):
    md = tmp_path / "statement.md"
    md.write_text(EN, encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    items = list(iter_inputs([md, str(missing)]))
    assert isinstance(items[0], Document) and items[0].lang == "en"
    assert isinstance(items[1], Problem) and items[1].code == "E023" and items[1].where == str(missing)
    assert [k for _, k in input_files([md])] == ["text"]


# ---------------------------------------------------------------- the pipeline runs on each


@pytest.mark.parametrize("kind", ["text", "jsonl", "html", "warc"])
def test_pipeline_finds_actors_in_each_format(tmp_path, kind):
    root = build_folder(tmp_path / "in")
    name = {"text": "a-2024-05-01.uk.txt", "jsonl": "b.jsonl", "html": "c.html", "warc": "d.warc.gz"}[kind]
    doc = extract(next(x for x in iter_inputs([root / name]) if isinstance(x, Document)))
    codes = {m.actor.code for m in doc.mentions}
    expected = {"text": {"UKR", "POL"}, "jsonl": {"UKR", "POL"}, "html": {"FRA", "JPN"}, "warc": {"UKR", "POL"}}[kind]
    assert expected <= codes
    if doc.lang == "uk":
        assert any(e.event_type == "CONSULT" for e in doc.events)
