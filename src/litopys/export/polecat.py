"""POLECAT: tab-separated, with a header, the columns of the POLECAT release files in
their order (docs/export-formats.md says which we fill). POLECAT has no negation column,
so negated events are left out unless asked, as in the GDELT export."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from litopys import __version__
from litopys.export.actors import ActorInfo, actor_info, country_name, source_name
from litopys.export.rows import Bundle, Mention, fmt_float, tsv_line
from litopys.lexicon.load import Lexicon
from litopys.query.events import COOPERATION

COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)
VERSION = f"litopys {__version__}"
SEP = "; "


def _actor(info: ActorInfo | None) -> list[str]:
    if info is None:
        return [""] * 8
    return [info.name, info.country, "", info.sector, info.sector, info.title, info.raw, ""]


def _unique(values: Iterable[str]) -> str:
    return SEP.join(dict.fromkeys(v for v in values if v))


def _capital(lexicon: Lexicon, code: str) -> str:
    caps = (lexicon.states.get(code) or {}).get("capitals") or {}
    return (caps.get("en") or [""])[0]


def story_fields(mentions: list[Mention], lexicon: Lexicon) -> list[str]:
    """People, organisations and places named in the story, in order of first mention."""
    people = _unique(m.name for m in mentions if m.kind == "person")
    orgs = _unique(m.name for m in mentions if m.kind == "organisation")
    places = _unique(m.name if m.kind == "place" else _capital(lexicon, m.code)
                     for m in mentions if m.kind == "place" or m.rule.endswith(":capital"))
    return [people, orgs, places]


def row(b: Bundle, lexicon: Lexicon) -> list[str]:
    a = b.agg
    first = b.first
    doc = first[1] if first else None
    if a.place or a.country:
        geo = [a.place or country_name(lexicon, a.country), a.place or "", "", "", a.country or "",
               fmt_float(a.lat, 4), fmt_float(a.lon, 4), "", "", ""]
    else:
        geo = [""] * 10
    story = story_fields(b.story.get(doc.id, []), lexicon) if doc else ["", "", ""]
    out = [
        str(a.id), a.date or "", a.event_type, a.mode or "", fmt_float(a.goldstein, 1),
        COOPERATION.get(a.quad_class, "").upper(), "",
        *_actor(actor_info(b, a.source, lexicon)), *_actor(actor_info(b, a.target, lexicon)),
        *geo,
        source_name(doc.url, doc.source) if doc else "", a.first_seen or "", *story, (doc.lang or "") if doc else "",
        VERSION,
    ]
    assert len(out) == len(COLUMNS)
    return out


def write(bundles: Iterable[Bundle], fh: IO[str], lexicon: Lexicon) -> int:
    fh.write(tsv_line(list(COLUMNS)))
    n = 0
    for b in bundles:
        fh.write(tsv_line(row(b, lexicon)))
        n += 1
    return n
