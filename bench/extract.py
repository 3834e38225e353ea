"""Throughput and memory of `extract` on one core.

Builds a corpus from the bundled examples (each article copied N times with a varying
first line so no cache can short-cut the work), warms the pipelines up, then times
extraction. Prints articles/s, characters/s and peak RSS.

usage: python bench/extract.py [--copies 60] [--corpus examples]"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from litopys.io.reader import from_text, read_file
from litopys.pipeline import extract, pipeline_for


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=60)
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "examples"))
    a = ap.parse_args()
    base = [read_file(p) for p in sorted(Path(a.corpus).rglob("*.txt"))]
    t0 = time.perf_counter()
    for lang in {d.lang for d in base if d.lang}:
        pipeline_for(lang)
    load_s = time.perf_counter() - t0
    extract(from_text(base[0].text, "warm.txt", base[0].published, base[0].lang))
    corpus = [
        (f"copy {i}: " + d.text[d.body_start:], d.published, d.lang, f"{i}-{d.id}")
        for i in range(a.copies) for d in base
    ]
    chars = sum(len(t) for t, *_ in corpus)
    t0 = time.perf_counter()
    events = 0
    for text, pub, lang, name in corpus:
        doc = extract(from_text(text, name, pub, lang))
        events += len(doc.events)
    dt = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "articles": len(corpus), "avg_chars": round(chars / len(corpus)), "seconds": round(dt, 3),
        "articles_per_s": round(len(corpus) / dt, 1), "chars_per_s": round(chars / dt),
        "articles_per_s_at_3000_chars": round(chars / dt / 3000, 1), "events": events,
        "pipeline_load_s": round(load_s, 2), "peak_rss_mb": round(rss_mb, 1),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
