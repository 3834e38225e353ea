"""Build src/litopys/web/static/world.topo.json: the world map the web pages draw offline.

Why a build step: world-atlas (Natural Earth 4.1.0 as TopoJSON) keys countries by ISO numeric
codes, draws Crimea inside Russia and has a few features that are not states. litopys keys
states by ISO 3166-1 alpha-3 (src/litopys/data/lexicon/states.yaml) and shows borders as the
UN recognises them, so this script rewrites the topology once, at build time:

* ``objects.countries``: one feature per state of states.yaml that the 1:50m data holds,
  ``id`` = alpha-3, ``properties.name`` = the first English name from states.yaml.
  Crimea and Sevastopol (a separate polygon of Russia's multipolygon in Natural Earth) move
  into Ukraine and are merged with the mainland, so no border is drawn at Perekop.
  N. Cyprus merges into CYP, Somaliland into SOM, Hong Kong and Macao into CHN, Aland into
  FIN, Ashmore and Cartier Is. (already numeric 036) into AUS; Kosovo gets XKX.
* ``objects.territories``: areas that are not states (dependencies, Antarctica, Siachen
  Glacier), ``id`` = their own alpha-3 when ISO has one, ``properties.name`` and
  ``properties.administered_by`` (alpha-3 of a state in states.yaml, or null).
* ``objects.land``: world-atlas's land outline, unchanged.

Arcs stay quantized and delta-encoded exactly as in world-atlas; arcs no feature uses any more
(the Perekop line, the Cyprus green line, ...) are pruned.

Run (build time only; needs npm to fetch world-atlas unless --atlas is given, and PyYAML):

    .venv/bin/python tools/build_world.py                      # npm-installs world-atlas@2.0.2
    .venv/bin/python tools/build_world.py --atlas PATH/countries-50m.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STATES_YAML = ROOT / "src" / "litopys" / "data" / "lexicon" / "states.yaml"
OUT = ROOT / "src" / "litopys" / "web" / "static" / "world.topo.json"
ATLAS_PACKAGE = "world-atlas@2.0.2"
ATLAS_FILE = "countries-50m.json"

# ISO 3166-1 numeric -> alpha-3 for every id in world-atlas 2.0.2 countries-50m, generated
# once from pycountry 26.2.16 so the build needs no pycountry.
_NUMERIC_TABLE = " ".join(
    [
        "004:AFG 008:ALB 010:ATA 012:DZA 016:ASM 020:AND 024:AGO 028:ATG 031:AZE 032:ARG",
        "036:AUS 040:AUT 044:BHS 048:BHR 050:BGD 051:ARM 052:BRB 056:BEL 060:BMU 064:BTN",
        "068:BOL 070:BIH 072:BWA 076:BRA 084:BLZ 086:IOT 090:SLB 092:VGB 096:BRN 100:BGR",
        "104:MMR 108:BDI 112:BLR 116:KHM 120:CMR 124:CAN 132:CPV 136:CYM 140:CAF 144:LKA",
        "148:TCD 152:CHL 156:CHN 158:TWN 170:COL 174:COM 178:COG 180:COD 184:COK 188:CRI",
        "191:HRV 192:CUB 196:CYP 203:CZE 204:BEN 208:DNK 212:DMA 214:DOM 218:ECU 222:SLV",
        "226:GNQ 231:ETH 232:ERI 233:EST 234:FRO 238:FLK 239:SGS 242:FJI 246:FIN 248:ALA",
        "250:FRA 258:PYF 260:ATF 262:DJI 266:GAB 268:GEO 270:GMB 275:PSE 276:DEU 288:GHA",
        "296:KIR 300:GRC 304:GRL 308:GRD 316:GUM 320:GTM 324:GIN 328:GUY 332:HTI 334:HMD",
        "336:VAT 340:HND 344:HKG 348:HUN 352:ISL 356:IND 360:IDN 364:IRN 368:IRQ 372:IRL",
        "376:ISR 380:ITA 384:CIV 388:JAM 392:JPN 398:KAZ 400:JOR 404:KEN 408:PRK 410:KOR",
        "414:KWT 417:KGZ 418:LAO 422:LBN 426:LSO 428:LVA 430:LBR 434:LBY 438:LIE 440:LTU",
        "442:LUX 446:MAC 450:MDG 454:MWI 458:MYS 462:MDV 466:MLI 470:MLT 478:MRT 480:MUS",
        "484:MEX 492:MCO 496:MNG 498:MDA 499:MNE 500:MSR 504:MAR 508:MOZ 512:OMN 516:NAM",
        "520:NRU 524:NPL 528:NLD 531:CUW 533:ABW 534:SXM 540:NCL 548:VUT 554:NZL 558:NIC",
        "562:NER 566:NGA 570:NIU 574:NFK 578:NOR 580:MNP 583:FSM 584:MHL 585:PLW 586:PAK",
        "591:PAN 598:PNG 600:PRY 604:PER 608:PHL 612:PCN 616:POL 620:PRT 624:GNB 626:TLS",
        "630:PRI 634:QAT 642:ROU 643:RUS 646:RWA 652:BLM 654:SHN 659:KNA 660:AIA 662:LCA",
        "663:MAF 666:SPM 670:VCT 674:SMR 678:STP 682:SAU 686:SEN 688:SRB 690:SYC 694:SLE",
        "702:SGP 703:SVK 704:VNM 705:SVN 706:SOM 710:ZAF 716:ZWE 724:ESP 728:SSD 729:SDN",
        "732:ESH 740:SUR 748:SWZ 752:SWE 756:CHE 760:SYR 762:TJK 764:THA 768:TGO 776:TON",
        "780:TTO 784:ARE 788:TUN 792:TUR 795:TKM 796:TCA 800:UGA 804:UKR 807:MKD 818:EGY",
        "826:GBR 831:GGY 832:JEY 833:IMN 834:TZA 840:USA 850:VIR 854:BFA 858:URY 860:UZB",
        "862:VEN 876:WLF 882:WSM 887:YEM 894:ZMB",
    ]
)
NUMERIC_TO_ALPHA3: dict[str, str] = dict(pair.split(":") for pair in _NUMERIC_TABLE.split())

# Features world-atlas gives no id, keyed by their world-atlas name -> alpha-3 code.
# For "merge"/"state" targets the code is a state; for "territory" it is the administering state.
UNNAMED: dict[str, tuple[str, str]] = {
    "Kosovo": ("state", "XKX"),
    "N. Cyprus": ("merge", "CYP"),
    "Somaliland": ("merge", "SOM"),
    "Indian Ocean Ter.": ("territory", "AUS"),
    "Siachen Glacier": ("territory", "IND"),
}
# Areas with their own ISO code that the UN counts as part of a state: merged into it.
MERGE_INTO: dict[str, str] = {"HKG": "CHN", "MAC": "CHN", "ALA": "FIN"}
# Dependencies and other non-state areas -> administering state (None: no state).
TERRITORY_ADMIN: dict[str, str | None] = {
    "ASM": "USA", "GUM": "USA", "MNP": "USA", "PRI": "USA", "VIR": "USA",
    "AIA": "GBR", "BMU": "GBR", "CYM": "GBR", "FLK": "GBR", "GGY": "GBR", "IMN": "GBR",
    "IOT": "GBR", "JEY": "GBR", "MSR": "GBR", "PCN": "GBR", "SGS": "GBR", "SHN": "GBR",
    "TCA": "GBR", "VGB": "GBR",
    "ATF": "FRA", "BLM": "FRA", "MAF": "FRA", "NCL": "FRA", "PYF": "FRA", "SPM": "FRA",
    "WLF": "FRA",
    "ABW": "NLD", "CUW": "NLD", "SXM": "NLD",
    "FRO": "DNK", "GRL": "DNK",
    "COK": "NZL", "NIU": "NZL",
    "HMD": "AUS", "NFK": "AUS",
    "ATA": None,
}  # fmt: skip

# Crimea and Sevastopol: every vertex of the Russian polygon to move lies in this box.
CRIMEA_BOX = (32.4, 44.3, 36.7, 46.3)  # lon_min, lat_min, lon_max, lat_max

Point = tuple[int, int]
Ring = list[int]
Polygon = list[Ring]


def load_atlas(path: Path | None) -> dict:
    """Read world-atlas countries-50m; without a path, npm-install the pinned package first."""
    if path is not None:
        return json.loads(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "install", "--prefix", tmp, "--no-save", "--no-audit", "--no-fund", ATLAS_PACKAGE],
            check=True,
        )
        return json.loads((Path(tmp) / "node_modules" / "world-atlas" / ATLAS_FILE).read_text("utf-8"))


def load_states(path: Path = STATES_YAML) -> dict[str, str]:
    """Map each state code of the lexicon to its first English name."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {e["code"]: e["names"]["en"][0] for e in data["entries"]}


class Topo:
    """Arc geometry helpers over one quantized, delta-encoded topology."""

    def __init__(self, topology: dict) -> None:
        self.arcs: list[list[list[int]]] = topology["arcs"]
        self.scale = topology["transform"]["scale"]
        self.translate = topology["transform"]["translate"]

    def points(self, index: int) -> list[Point]:
        """Absolute quantized points of an arc, reversed for a negative (~i) index."""
        x = y = 0
        pts: list[Point] = []
        for dx, dy in self.arcs[index if index >= 0 else ~index]:
            x += dx
            y += dy
            pts.append((x, y))
        return pts if index >= 0 else pts[::-1]

    def ring_points(self, ring: Ring) -> list[Point]:
        """Closed ring of absolute quantized points."""
        out: list[Point] = []
        for index in ring:
            pts = self.points(index)
            out.extend(pts if not out else pts[1:])
        return out

    def lonlat(self, p: Point) -> tuple[float, float]:
        """Quantized point to degrees."""
        return p[0] * self.scale[0] + self.translate[0], p[1] * self.scale[1] + self.translate[1]


def signed_area(pts: list[Point]) -> float:
    """Planar shoelace area; the sign gives the ring's winding."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False)) / 2


def inside(p: Point, ring: list[Point]) -> bool:
    """Even-odd ray casting test of a point against one closed ring."""
    x, y = p
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def polygons_of(geometry: dict) -> list[Polygon]:
    """Polygons (lists of arc rings) of a Polygon or MultiPolygon geometry."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    raise ValueError(f"unexpected geometry type {geometry['type']}")


def stitch(topo: Topo, arcs: list[int]) -> list[Ring]:
    """Chain directed arcs end-to-start into closed rings."""
    by_start: dict[Point, list[int]] = defaultdict(list)
    for a in arcs:
        by_start[topo.points(a)[0]].append(a)
    rings: list[Ring] = []
    for a in arcs:
        start = topo.points(a)[0]
        if a not in by_start[start]:
            continue  # already used in an earlier ring
        by_start[start].remove(a)
        ring = [a]
        end = topo.points(a)[-1]
        while end != start:
            nxt = by_start[end].pop()  # IndexError: the outline does not close
            ring.append(nxt)
            end = topo.points(nxt)[-1]
        rings.append(ring)
    return rings


def merge_polygons(topo: Topo, polygons: list[Polygon]) -> list[Polygon]:
    """Union polygons that share arcs, dropping their common border (like topojson.merge)."""
    parent = list(range(len(polygons)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for k, poly in enumerate(polygons):
        for ring in poly:
            for a in ring:
                key = a if a >= 0 else ~a
                if key in owner:
                    parent[find(k)] = find(owner[key])
                owner.setdefault(key, k)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(polygons)):
        groups[find(k)].append(k)

    out: list[Polygon] = []
    for members in groups.values():
        if len(members) == 1:
            out.append(polygons[members[0]])
            continue
        all_arcs = [a for k in members for ring in polygons[k] for a in ring]
        count: dict[int, int] = defaultdict(int)
        for a in all_arcs:
            count[a if a >= 0 else ~a] += 1
        kept = [a for a in all_arcs if count[a if a >= 0 else ~a] == 1]
        exterior_sign = signed_area(topo.ring_points(polygons[members[0]][0])) > 0
        shells: list[Polygon] = []
        holes: list[Ring] = []
        for ring in stitch(topo, kept):
            is_shell = (signed_area(topo.ring_points(ring)) > 0) == exterior_sign
            (shells.append([ring]) if is_shell else holes.append(ring))
        for hole in holes:
            probe = topo.ring_points(hole)[0]
            host = [s for s in shells if inside(probe, topo.ring_points(s[0]))]
            if len(host) != 1:
                raise ValueError("cannot place a hole of a merged polygon")
            host[0].append(hole)
        out.extend(shells)
    return out


def in_box(topo: Topo, polygon: Polygon, box: tuple[float, float, float, float]) -> bool:
    """True when every vertex of the polygon lies in the lon/lat box."""
    lo_x, lo_y, hi_x, hi_y = box
    return all(
        lo_x <= lon <= hi_x and lo_y <= lat <= hi_y
        for ring in polygon
        for lon, lat in map(topo.lonlat, topo.ring_points(ring))
    )


def move_crimea(topo: Topo, polygons: dict[str, list[Polygon]]) -> None:
    """Move the Crimean polygon(s) from RUS to UKR and merge them with the mainland."""
    crimea = [p for p in polygons["RUS"] if in_box(topo, p, CRIMEA_BOX)]
    if len(crimea) != 1:
        raise ValueError(f"expected one Russian polygon inside the Crimea box, found {len(crimea)}")
    polygons["RUS"] = [p for p in polygons["RUS"] if p not in crimea]
    before = len(polygons["UKR"])
    polygons["UKR"] = merge_polygons(topo, polygons["UKR"] + crimea)
    if len(polygons["UKR"]) != before:
        raise ValueError("Crimea shares no border with mainland Ukraine: nothing was merged")


def geometry(polys: list[Polygon]) -> dict:
    """Polygon or MultiPolygon TopoJSON geometry for a list of polygons."""
    if len(polys) == 1:
        return {"type": "Polygon", "arcs": polys[0]}
    return {"type": "MultiPolygon", "arcs": polys}


def remap(obj: object, new_index: dict[int, int]) -> object:
    """Rewrite arc indices (nested lists of ints) through new_index, keeping direction."""
    if isinstance(obj, list):
        return [remap(x, new_index) for x in obj]
    assert isinstance(obj, int)
    return new_index[obj] if obj >= 0 else ~new_index[~obj]


def prune_arcs(topology: dict) -> None:
    """Drop arcs no geometry references and renumber the rest."""
    geoms = [g for o in topology["objects"].values() for g in o["geometries"]]
    used: set[int] = set()

    def collect(obj: object) -> None:
        if isinstance(obj, list):
            for x in obj:
                collect(x)
        else:
            used.add(obj if obj >= 0 else ~obj)  # type: ignore[operator]

    for g in geoms:
        collect(g.get("arcs", []))
    order = sorted(used)
    new_index = {old: new for new, old in enumerate(order)}
    topology["arcs"] = [topology["arcs"][i] for i in order]
    for g in geoms:
        if "arcs" in g:
            g["arcs"] = remap(g["arcs"], new_index)


def build(atlas: dict, states: dict[str, str]) -> dict:
    """Turn a world-atlas topology into litopys's countries/territories/land topology."""
    topo = Topo(atlas)
    state_polys: dict[str, list[Polygon]] = defaultdict(list)
    territories: list[dict] = []
    for g in atlas["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        polys = polygons_of(g)
        if "id" not in g:
            kind, code = UNNAMED[name]
            alpha3 = None
        else:
            alpha3 = NUMERIC_TO_ALPHA3[g["id"]]
            if alpha3 in states:
                kind, code = "state", alpha3
            elif alpha3 in MERGE_INTO:
                kind, code = "merge", MERGE_INTO[alpha3]
            elif alpha3 in TERRITORY_ADMIN:
                kind, code = "territory", TERRITORY_ADMIN[alpha3]
            else:
                raise KeyError(f"no rule for {alpha3} ({name})")
        if kind in ("state", "merge"):
            state_polys[code].extend(polys)
            continue
        feature: dict = {"type": g["type"], "arcs": g["arcs"]}
        if alpha3:
            feature["id"] = alpha3
        feature["properties"] = {"name": name, "administered_by": code}
        territories.append(feature)

    used = set(state_polys) | {t["properties"]["administered_by"] for t in territories}
    unknown = used - set(states) - {None}
    if unknown:
        raise KeyError(f"codes missing from states.yaml: {sorted(unknown)}")

    move_crimea(topo, state_polys)
    countries = []
    for code in sorted(state_polys):
        merged = merge_polygons(topo, state_polys[code])
        countries.append({**geometry(merged), "id": code, "properties": {"name": states[code]}})

    out = {
        "type": "Topology",
        "meta": {
            "source": f"{ATLAS_PACKAGE} {ATLAS_FILE} (Natural Earth 4.1.0, public domain)",
            "build": "tools/build_world.py: ISO alpha-3 ids, Crimea in UKR, non-states in territories",
        },
        "bbox": atlas["bbox"],
        "transform": atlas["transform"],
        "objects": {
            "countries": {"type": "GeometryCollection", "geometries": countries},
            "territories": {"type": "GeometryCollection", "geometries": territories},
            "land": atlas["objects"]["land"],
        },
        "arcs": atlas["arcs"],
    }
    prune_arcs(out)
    missing = sorted(set(states) - set(state_polys))
    if missing:
        print(f"states without geometry at 1:50m: {', '.join(missing)}", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line entry: build and write the topology."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", type=Path, help=f"path to world-atlas {ATLAS_FILE} (default: npm install)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    topology = build(load_atlas(args.atlas), load_states())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(topology, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
