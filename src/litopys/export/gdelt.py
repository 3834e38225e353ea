"""GDELT 2.0: the event table (61 tab-separated columns, no header, in the codebook's
order), a sidecar with what GDELT has no column for (our event date and its precision,
negation, modality, PLOVER type and mode), and the mentions table (16 columns, one row
per report). Column by column in docs/export-formats.md.

GDELT's Day is the day the event was first reported, so it gets first_seen; our own
dating of the event goes to the sidecar. GDELT has no negation: negated events ("Hungary
did not block…") would read as the thing they deny, so they are left out unless asked."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO

import yaml

from litopys.export.actors import ActorInfo, actor_info, cameo_types, country_name, source_name
from litopys.export.rows import Bundle, fmt_float, tsv_line
from litopys.lexicon.load import Lexicon
from litopys.store.models import EventRow

FIPS_FILE = Path(str(resources.files("litopys") / "data" / "fips.yaml"))

EVENT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor{i}{c}" for i in (1, 2) for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                                                "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"{p}Geo_{c}" for p in ("Actor1", "Actor2", "Action") for c in ("Type", "FullName", "CountryCode",
                                                                      "ADM1Code", "ADM2Code", "Lat", "Long",
                                                                      "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
MENTION_COLUMNS = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
SIDECAR_COLUMNS = ("GlobalEventID", "EventDate", "DatePrecision", "Negated", "Modality", "Mode", "PloverType")
# GDELT names a translated document's source language with an ISO 639-2 code
LANG3 = {"uk": "ukr", "ru": "rus", "en": "eng"}
GEO_COUNTRY, GEO_WORLDCITY = 1, 4


@cache
def fips_codes(path: Path = FIPS_FILE) -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4, the country codes of GDELT's Geo columns."""
    with path.open(encoding="utf-8") as fh:
        codes = yaml.safe_load(fh)["codes"]
    return {str(k): str(v) for k, v in codes.items()}


def day_fields(day: str | None) -> list[str]:
    """Day, MonthYear, Year, FractionDate. GDELT's fraction is ((month-1)*30 + day) / 365
    to four decimals (20210323 -> 2021.2274), not the true day of the year."""
    if not day:
        return ["", "", "", ""]
    d = date.fromisoformat(day)
    return [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{d.year + ((d.month - 1) * 30 + d.day) / 365:.4f}"]


def stamp(day: str | None) -> str:
    """YYYYMMDDHHMMSS at midnight: we know the day of publication, not the time."""
    return day.replace("-", "") + "000000" if day and len(day) == 10 else ""


def event_day(b: Bundle) -> str | None:
    a = b.agg
    return a.first_seen or (a.date if a.date_precision == "day" else None)


def _actor_fields(info: ActorInfo | None, lexicon: Lexicon) -> list[str]:
    if info is None:
        return [""] * 10
    types = cameo_types(info, lexicon) + ["", "", ""]
    return [info.code, info.name.upper(), info.country, "", "", "", "", *types[:3]]


def _action_geo(b: Bundle, lexicon: Lexicon) -> list[str]:
    a = b.agg
    if not a.place and not a.country:
        return ["0", "", "", "", "", "", "", ""]
    fips = fips_codes().get(a.country or "", "")
    cname = country_name(lexicon, a.country)
    if a.place:
        full = ", ".join(x for x in (a.place, cname) if x)
        return [str(GEO_WORLDCITY), full, fips, "", "", fmt_float(a.lat, 4), fmt_float(a.lon, 4), ""]
    return [str(GEO_COUNTRY), cname, fips, "", "", fmt_float(a.lat, 4), fmt_float(a.lon, 4), fips]


def _codes(cameo: str) -> tuple[str, str, str]:
    base = cameo[:3] if len(cameo) >= 3 else cameo + "0"
    return cameo, base, cameo[:2]


def event_fields(b: Bundle, lexicon: Lexicon) -> list[str]:
    a = b.agg
    first = b.first
    code, base, root = _codes(a.cameo)
    no_geo = ["0", "", "", "", "", "", "", ""]
    out = [
        str(a.id), *day_fields(event_day(b)),
        *_actor_fields(actor_info(b, a.source, lexicon), lexicon),
        *_actor_fields(actor_info(b, a.target, lexicon), lexicon),
        "1", code, base, root, str(a.quad_class), fmt_float(a.goldstein, 1), str(a.num_mentions),
        str(a.num_sources), str(a.num_articles), "",
        *no_geo, *no_geo, *_action_geo(b, lexicon),
        stamp(a.last_seen or a.first_seen), (first[1].url or first[1].name) if first else "",
    ]
    assert len(out) == len(EVENT_COLUMNS)
    return out


def sidecar_fields(b: Bundle) -> list[str]:
    a = b.agg
    return [str(a.id), a.date or "", a.date_precision or "", "1" if a.negated else "0", a.modality or "",
            a.mode or "", a.event_type]


def _offset(b: Bundle, ev: EventRow, code: str | None) -> tuple[int, bool]:
    """(character offset of the actor's mention or -1, whether the actor is named in the
    sentence's own words: not resolved from a reference, not carried over from context)."""
    if not code:
        return -1, True
    m = b.actor_mention(ev, code)
    return (m.start, not m.anaphoric) if m else (-1, False)


def mention_rows(b: Bundle) -> Iterable[list[str]]:
    a = b.agg
    added = stamp(a.last_seen or a.first_seen)
    for ev, doc in b.reports:
        a1, raw1 = _offset(b, ev, a.source)
        a2, raw2 = _offset(b, ev, a.target)
        at = ev.evidence.lower().find(ev.trigger.lower()) if ev.trigger else -1
        lang = LANG3.get(doc.lang or "", doc.lang or "")
        yield [
            str(a.id), added, stamp(doc.published), "1" if doc.url else "2", source_name(doc.url, doc.source),
            doc.url or doc.name, str(ev.sentence + 1), str(a1), str(a2), str(ev.start + at if at >= 0 else -1),
            "1" if raw1 and raw2 else "0", "", str(doc.length), "",
            f"srclc:{lang}" if lang and lang != "eng" else "", "",
        ]


def write(bundles: Iterable[Bundle], fh: IO[str], lexicon: Lexicon, sidecar: IO[str] | None = None,
          mentions: IO[str] | None = None) -> int:
    if sidecar is not None:
        sidecar.write(tsv_line(list(SIDECAR_COLUMNS)))
    n = 0
    for b in bundles:
        fh.write(tsv_line(event_fields(b, lexicon)))
        if sidecar is not None:
            sidecar.write(tsv_line(sidecar_fields(b)))
        if mentions is not None:
            for row in mention_rows(b):
                mentions.write(tsv_line(row))
        n += 1
    return n
