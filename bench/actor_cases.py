"""How often litopys's actor stage resolves NGEC's actor-resolution test cases the way
NGEC's tests assert: a yardstick for general gaps in actor recognition (demonyms,
nameless domestic actors, non-state groups), not a target to tune single cases to.

Each case's mention becomes a one-sentence English article (`<mention> said on Monday.`),
preceded by its context or known country when the case has one, dated by the case's date
(`today`/none: 2022-06-01). The mention litopys finds inside the case's span (the longest)
is compared with the expected country and sector (`code_1` or `code_2`).
Countries: ISO alpha-3 must match; `IGO`/`UNO` accept any organisation, `EUR` the EU;
`""` means no state may be named.

usage: python bench/actor_cases.py [../shared/peer/ngec-actor-resolution-cases.jsonl] [--show]"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from pathlib import Path

from litopys.io.reader import from_text
from litopys.model import Mention
from litopys.pipeline import pipeline_for

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "peer" / "ngec-actor-resolution-cases.jsonl"
METHODS = ("agent_to_code", "search_nat", "short_text_to_agent")
TODAY = date(2022, 6, 1)
ORG_COUNTRIES = {"IGO", "UNO"}


def case_date(raw: str | None) -> date:
    """The case's date, written many ways (`2022-01-10`, `10 May 2015`, `October 1, 2021`)."""
    if not raw or raw.strip().lower() == "today":
        return TODAY
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y"):
        try:
            return datetime.strptime(raw.strip().title() if "%B" in fmt else raw.strip(), fmt).date()
        except ValueError:
            continue
    return TODAY


def mentions_for(case: dict) -> tuple[list[Mention], int, int]:
    """The actor stage's mentions of a case's article and the span of the case's mention."""
    mention = case["mention"].strip()
    lead = " ".join(x for x in (case.get("context"), case.get("known_country")) if x)
    prefix = f"News from {lead}. " if lead else ""
    text = f"{prefix}{mention} said on Monday."
    doc = from_text(text, "case.en.txt", case_date(case.get("date")), "en")
    pipe = pipeline_for("en")
    doc = pipe.stages[1](pipe.stages[0](doc))
    start = doc.text.find(mention, len(prefix) - 1 if prefix else 0)
    return doc.mentions, start, start + len(mention)


def best_mention(mentions: list[Mention], start: int, end: int) -> Mention | None:
    inside = [m for m in mentions if m.start >= start and m.end <= end and m.actor.code]
    return max(inside, key=lambda m: (m.end - m.start, m.actor.kind != "state")) if inside else None


def country_ok(expected: str, m: Mention | None) -> bool:
    if expected == "":
        return m is None or len(m.actor.code) != 3 or m.actor.kind == "organisation"
    if m is None:
        return False
    if expected in ORG_COUNTRIES:
        return m.actor.kind == "organisation"
    if expected == "EUR":
        return m.actor.code == "EU"
    return m.actor.code == expected


def sector_ok(exp: dict, m: Mention | None) -> bool:
    wanted = {exp.get("code_1"), exp.get("code_2")} - {None, ""}
    if not wanted:
        return m is None or not m.actor.sector
    return m is not None and m.actor.sector in wanted


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", action="store_true", help="print every case litopys gets wrong")
    a = ap.parse_args()
    cases = [json.loads(line) for line in Path(a.cases).read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if c["method"] in METHODS and c.get("mention")]
    n_country = ok_country = n_sector = ok_sector = n_named = ok_named = 0
    for c in cases:
        exp = c["expected"]
        mentions, start, end = mentions_for(c)
        m = best_mention(mentions, start, end)
        got = f"{m.actor.code}/{m.actor.sector or '-'} ({m.actor.kind}, {m.rule})" if m else "nothing"
        good_c = good_s = True
        if "country" in exp and isinstance(exp["country"], str):
            n_country += 1
            good_c = country_ok(exp["country"], m)
            ok_country += good_c
            if exp["country"]:
                n_named += 1
                ok_named += good_c
        if exp.get("code_1") not in (None, "", "????") or exp.get("code_2"):
            n_sector += 1
            good_s = sector_ok(exp, m)
            ok_sector += good_s
        if a.show and not (good_c and good_s):
            want = {k: exp[k] for k in ("country", "code_1", "code_2") if k in exp}
            print(f"MISS {c['id']}: {c['mention']!r} ({c.get('date')}) want {want} got {got}")
    print(f"cases {len(cases)}: country {ok_country}/{n_country} ({ok_country / max(n_country, 1):.2f}), "
          f"named country {ok_named}/{n_named} ({ok_named / max(n_named, 1):.2f}), "
          f"sector {ok_sector}/{n_sector} ({ok_sector / max(n_sector, 1):.2f})")


if __name__ == "__main__":
    main()
