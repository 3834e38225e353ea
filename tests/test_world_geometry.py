"""The offline map assets: world borders as the UN recognises them, keyed by lexicon state codes,
and vendored JavaScript that loads nothing from the network."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "src" / "litopys" / "web" / "static"
VENDOR = STATIC / "vendor"
WORLD = STATIC / "world.topo.json"
STATES_YAML = ROOT / "src" / "litopys" / "data" / "lexicon" / "states.yaml"
MAX_WORLD_BYTES = 1_500_000

Ring = list[tuple[float, float]]


@cache
def topology() -> dict:
    return json.loads(WORLD.read_text(encoding="utf-8"))


@cache
def state_codes() -> frozenset[str]:
    data = yaml.safe_load(STATES_YAML.read_text(encoding="utf-8"))
    return frozenset(entry["code"] for entry in data["entries"])


def _arc(topo: dict, index: int) -> Ring:
    """Decode one quantized, delta-encoded TopoJSON arc into lon/lat points."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    x = y = 0
    pts: Ring = []
    for dx, dy in topo["arcs"][index if index >= 0 else ~index]:
        x += dx
        y += dy
        pts.append((x * sx + tx, y * sy + ty))
    return pts if index >= 0 else pts[::-1]


def _rings(topo: dict, geometry: dict) -> list[Ring]:
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    rings: list[Ring] = []
    for polygon in polygons:
        for arc_ring in polygon:
            ring: Ring = []
            for index in arc_ring:
                pts = _arc(topo, index)
                ring.extend(pts if not ring else pts[1:])
            rings.append(ring)
    return rings


def _contains(rings: list[Ring], lon: float, lat: float) -> bool:
    """Even-odd ray casting over all rings (holes included)."""
    hit = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
    return hit


def _countries() -> list[dict]:
    return topology()["objects"]["countries"]["geometries"]


def _country(code: str) -> dict:
    (geometry,) = [g for g in _countries() if g["id"] == code]
    return geometry


def _countries_at(lon: float, lat: float) -> list[str]:
    topo = topology()
    return [g["id"] for g in _countries() if _contains(_rings(topo, g), lon, lat)]


@pytest.mark.parametrize(("city", "lon", "lat"), [("Simferopol", 34.10, 44.95), ("Sevastopol", 33.52, 44.60)])
def test_crimea_is_in_ukraine_not_russia(city: str, lon: float, lat: float) -> None:
    topo = topology()
    assert _contains(_rings(topo, _country("UKR")), lon, lat), city
    assert not _contains(_rings(topo, _country("RUS")), lon, lat), city


@pytest.mark.parametrize(
    ("city", "lon", "lat", "code"),
    [
        ("Moscow", 37.62, 55.75, "RUS"),
        ("Kyiv", 30.52, 50.45, "UKR"),
        ("Paris", 2.35, 48.86, "FRA"),
        ("Simferopol", 34.10, 44.95, "UKR"),
        ("Famagusta", 33.94, 35.12, "CYP"),
        ("Hargeisa", 44.06, 9.56, "SOM"),
        ("Pristina", 21.17, 42.66, "XKX"),
    ],
)
def test_city_lies_in_exactly_its_state(city: str, lon: float, lat: float, code: str) -> None:
    assert _countries_at(lon, lat) == [code], city


def test_ukraine_has_no_internal_border_at_perekop() -> None:
    arcs = [a if a >= 0 else ~a for polygon in _country("UKR")["arcs"] for ring in polygon for a in ring]
    assert [a for a, n in Counter(arcs).items() if n > 1] == []


def test_country_ids_are_lexicon_state_codes() -> None:
    ids = [g.get("id") for g in _countries()]
    assert len(ids) > 150
    assert all(isinstance(i, str) and re.fullmatch(r"[A-Z]{3}", i) for i in ids), ids
    assert set(ids) <= state_codes(), sorted(set(ids) - state_codes())
    assert len(ids) == len(set(ids))
    assert all(g["properties"]["name"].strip() for g in _countries())


def test_territories_are_not_states_and_name_their_administrator() -> None:
    territories = topology()["objects"]["territories"]["geometries"]
    assert territories
    for t in territories:
        assert t.get("id") not in state_codes()
        assert t["properties"]["administered_by"] in state_codes() | {None}


def test_world_file_is_small() -> None:
    assert WORLD.stat().st_size < MAX_WORLD_BYTES


VENDORED = {
    "vis-timeline-graph2d.min.js": ("vis-timeline", 100_000),
    "vis-timeline-graph2d.min.css": ("vis-timeline", 5_000),
    "vis-network.min.js": ("vis-network", 100_000),
    "d3.min.js": ("d3", 100_000),
    "topojson-client.min.js": ("topojson-client", 3_000),
}

# Ways a script or stylesheet could pull code from elsewhere at run time.
REMOTE_LOADS = [
    r"cdn\.",
    r"unpkg",
    r"jsdelivr",
    r"cdnjs",
    r"googleapis",
    r"sourceMappingURL\s*=\s*(?:https?:)?//",  # the relative *.map references are harmless
    r"importScripts\s*\(",
    r"@import",
    r"url\(\s*[\"']?(?:https?:)?//",
    r"(?:src|href)\s*[=:]\s*[\"'](?:https?:)?//",
    r"import\s*\(\s*[\"'](?:https?:)?//",
    r"fetch\s*\(\s*[\"'](?:https?:)?//",
]


@pytest.mark.parametrize("name", sorted(VENDORED))
def test_vendored_asset_present_with_licence(name: str) -> None:
    package, min_bytes = VENDORED[name]
    assert (VENDOR / name).stat().st_size > min_bytes
    assert (VENDOR / f"{package}.LICENSE").stat().st_size > 500
    assert name in (VENDOR / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(VENDORED))
def test_vendored_asset_loads_nothing_remote(name: str) -> None:
    text = (VENDOR / name).read_text(encoding="utf-8")
    found = [p for p in REMOTE_LOADS if re.search(p, text, re.IGNORECASE)]
    assert found == []


def test_remote_load_patterns_catch_a_cdn_script() -> None:
    sample = 's=document.createElement("script");s.src="https://cdn.example.org/x.js"'
    assert any(re.search(p, sample, re.IGNORECASE) for p in REMOTE_LOADS)


def test_readme_versions_match_vendored_banners() -> None:
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for name in ("vis-timeline-graph2d.min.js", "vis-network.min.js", "d3.min.js", "topojson-client.min.js"):
        head = (VENDOR / name).read_text(encoding="utf-8")[:2000]
        version = re.search(r"(?:@version\s+|\sv)(\d+\.\d+\.\d+)", head)
        assert version, name
        assert f"{VENDORED[name][0]}@{version.group(1)}" in readme, name
    assert re.search(r"\sv7\.\d+\.\d+", (VENDOR / "d3.min.js").read_text(encoding="utf-8")[:200])
