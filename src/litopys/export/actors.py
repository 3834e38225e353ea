"""What exports say about an aggregate's two actors, taken from the lexicon and from the
first report (the aggregate keeps only the codes)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from litopys.export.rows import Bundle, Mention
from litopys.lexicon.load import Lexicon
from litopys.query.actors import display_name
from litopys.store.models import EventRow

# CAMEO actor type ("role") codes; our sectors are CAMEO codes except DIP, which CAMEO
# codes as government
CAMEO_TYPES = frozenset({"COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS",
                         "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD",
                         "RAD", "IGO", "NGO", "IMG", "INT", "NGM", "UIS", "SET"})
SECTOR_TO_CAMEO = {"DIP": "GOV"}
NON_GOVERNMENTAL = frozenset({"ICRC"})


@dataclass(frozen=True, slots=True)
class ActorInfo:
    code: str
    name: str  # English: the person's name when the first report names a person, else the code's name
    country: str  # ISO alpha-3 when the actor is or acts for a state, else ""
    sector: str  # our sector code from the first report, or ""
    title: str  # the person's office, or ""
    raw: str  # the words of the first report that name it, or ""
    kind: str  # state, organisation, person, role, group, media, or "" if unknown


def _actor_dict(ev: EventRow, code: str) -> dict:
    """The report's actor that stands for `code` (a symmetric event may be stored reversed)."""
    if ev.source == code and ev.source_actor:
        return ev.source_actor
    if ev.target == code and ev.target_actor:
        return ev.target_actor
    return {}


def actor_info(b: Bundle, code: str | None, lexicon: Lexicon) -> ActorInfo | None:
    if not code:
        return None
    first = b.first
    d = _actor_dict(first[0], code) if first else {}
    raw: Mention | None = b.actor_mention(first[0], code) if first else None
    kind = d.get("kind", "")
    name = d.get("name") if kind == "person" and d.get("name") else display_name(lexicon, code)
    return ActorInfo(code, name, code if code in lexicon.states else "", d.get("sector", ""), d.get("role", ""),
                     raw.text if raw else "", kind)


def cameo_types(info: ActorInfo, lexicon: Lexicon) -> list[str]:
    """Up to three CAMEO type codes: IGO/NGO for an organisation, then the sector."""
    out = []
    if info.code in lexicon.organisations:
        out.append("NGO" if info.code in NON_GOVERNMENTAL else "IGO")
    sector = SECTOR_TO_CAMEO.get(info.sector, info.sector)
    if sector in CAMEO_TYPES and sector not in out:
        out.append(sector)
    return out[:3]


def source_name(url: str, source: str) -> str:
    """The outlet: the document's source if known, else the URL's host."""
    if source:
        return source
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def country_name(lexicon: Lexicon, code: str | None) -> str:
    return display_name(lexicon, code) if code else ""
