"""Documents/s for extract only vs. extract + store, on SQLite and (where a server answers)
PostgreSQL, so the cost of storing is measured beside the cost of reading.

Builds N distinct articles from the bundled examples' sentences (each with its own date and
sentence mix, so neither the text cache nor the near-duplicate check short-cuts anything),
extracts them once, then stores the same extracted documents into a fresh database of
each backend in batches.

usage: python bench/ingest.py [--docs 300] [--batch 100] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]"""

from __future__ import annotations

import argparse
import json
import random
import socket
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

from litopys.io.reader import from_text, read_file
from litopys.pipeline import extract, pipeline_for
from litopys.store.engine import open_engine
from litopys.store.write import store_documents

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list:
    """n distinct articles of 12 sentences each, drawn from the example articles' sentences,
    so they are as unlike each other as real articles (no near-duplicates)."""
    base = [read_file(p) for p in sorted((ROOT / "examples").glob("*.txt"))]
    pools = {}
    for d in base:
        body = d.text[d.body_start:]
        pools.setdefault(d.lang, []).extend(s.strip() + "." for s in body.replace("\n", " ").split(". ") if len(s) > 40)
    rng = random.Random(7)
    out = []
    langs = sorted(pools)
    for i in range(n):
        lang = langs[i % len(langs)]
        day = date.fromordinal(date(2015, 1, 1).toordinal() + i)
        text = " ".join(rng.sample(pools[lang], min(12, len(pools[lang]))))
        out.append(from_text(text, f"bench-{i}.{lang}.txt", day, lang))
    return out


def time_store(url: str, docs: list, batch: int) -> float:
    engine = open_engine(url)
    t0 = time.perf_counter()
    for i in range(0, len(docs), batch):
        store_documents(engine, docs[i:i + batch])
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    a = ap.parse_args()
    raw = corpus(a.docs)
    for lang in {d.lang for d in raw}:
        pipeline_for(lang)
    t0 = time.perf_counter()
    docs = [extract(d) for d in raw]
    extract_s = time.perf_counter() - t0
    result = {"documents": len(docs), "events": sum(len(d.events) for d in docs),
              "extract_docs_per_s": round(len(docs) / extract_s, 1)}
    with tempfile.TemporaryDirectory() as tmp:
        s = time_store(f"sqlite:///{tmp}/bench.db", docs, a.batch)
        result["sqlite_store_docs_per_s"] = round(len(docs) / s, 1)
        result["sqlite_extract_and_store_docs_per_s"] = round(len(docs) / (extract_s + s), 1)
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        admin = open_engine(a.pg, migrate=False)
        with admin.begin() as c:
            c.execute(text("DROP SCHEMA IF EXISTS litopys_bench CASCADE"))
            c.execute(text("CREATE SCHEMA litopys_bench"))
        s = time_store(a.pg + "?options=-csearch_path%3Dlitopys_bench", docs, a.batch)
        result["postgresql_store_docs_per_s"] = round(len(docs) / s, 1)
        result["postgresql_extract_and_store_docs_per_s"] = round(len(docs) / (extract_s + s), 1)
        with admin.begin() as c:
            c.execute(text("DROP SCHEMA litopys_bench CASCADE"))
    except OSError:
        result["postgresql"] = "no server on 127.0.0.1:5432"
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
