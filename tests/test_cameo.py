"""The CAMEO table: every code of CAMEO 1.1b3, its PLOVER mapping as the 2021 conversion
table gives it (with the departures docs/cameo.md lists), Goldstein scores as GDELT has
them, and the validator that refuses events whose code is malformed or of another type."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from litopys.events import cameo
from litopys.events.validate import CodeValidator
from litopys.lexicon.load import load_lexicon
from litopys.model import Actor, Document, Event, Evidence
from litopys.output.records import event_record

PEER = Path(__file__).resolve().parents[2] / "shared" / "peer" / "cameo2plover-2021.jsonl"
DATA = yaml.safe_load(cameo.DATA_FILE.read_text(encoding="utf-8"))


def _event(code: str, etype: str, mode: str = "") -> Event:
    return Event(etype, code, mode, Actor("RUS", "state"), Actor("UKR", "state"), None, None, False,
                 Evidence(0, 0, 4, "text"), "pattern:test")


def test_data_validates_against_its_schema():
    schema = json.loads((cameo.DATA_FILE.parents[1] / "schema" / "cameo.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(DATA)


def test_every_cameo_root_and_known_code_is_listed():
    codes = {e["code"] for e in DATA["codes"]}
    assert len(codes) == len(DATA["codes"])  # no code twice
    assert {f"{r:02d}" for r in range(1, 21)} <= codes
    for c in ("010", "019", "0214", "0256", "028", "0356", "046", "057", "064", "075", "0874", "094", "1056", "108",
              "1125", "116", "1246", "129", "1385", "139", "1454", "154", "1663", "1724", "175", "176", "1834", "186",
              "1952", "196", "2042"):
        assert cameo.is_valid(c), c
    for bad in ("00", "21", "099", "0", "57", "1999", "20421", "", "abc"):
        assert not cameo.is_valid(bad), bad
    assert not cameo.is_valid(57)  # type: ignore[arg-type]


def test_every_code_is_under_its_parent():
    codes = {e["code"] for e in DATA["codes"]}
    for c in codes:
        if len(c) > 2:
            assert c[:len(c) - 1] in codes or c[:2] in codes, c
        if len(c) == 4:
            assert c[:3] in codes, c


@pytest.mark.skipif(not PEER.exists(), reason="shared peer data not present")
def test_plover_mapping_follows_the_2021_table():
    rows = [json.loads(x) for x in PEER.read_text(encoding="utf-8").splitlines() if x.strip()]
    by_code = {e["code"]: e for e in DATA["codes"]}
    for r in rows:
        if r["header"]:
            continue
        e = by_code[r["cameo"]]
        assert e["plover"] == r["plover"], r["cameo"]
        assert e.get("table") is True
        # a mode litopys renames keeps the table's own in table_mode
        assert (e.get("table_mode") or e.get("mode") or None) == r["mode"], r["cameo"]
    assert cameo.plover_for("0871") == ("RETREAT", "ceasefire")
    assert cameo.plover_for("163") == ("COERCE", "restrict")
    assert cameo.plover_for("042") == ("CONSULT", "visit")
    assert cameo.plover_for("010") == ("", "")  # PLOVER dropped "make public statement"
    assert cameo.plover_for("0232") == ("REQUEST", "assist")  # appeals read as REQUEST


def test_modes_are_plover_modes():
    for e in DATA["codes"]:
        if e.get("mode"):
            assert e["mode"] in cameo.modes(e["plover"]), e["code"]
    assert "cyber" in cameo.modes("COERCE") and "drone" in cameo.modes("ASSAULT")
    assert cameo.check_mode("CONSULT", "phone") == [] and cameo.check_mode("CONSULT", "riot")


def test_quad_classes():
    assert [cameo.quad_class(c) for c in ("01", "057", "0356")] == [1, 1, 1]
    assert [cameo.quad_class(c) for c in ("06", "072", "0871")] == [2, 2, 2]
    assert [cameo.quad_class(c) for c in ("090", "100", "1123", "129", "138")] == [3, 3, 3, 3, 3]
    assert [cameo.quad_class(c) for c in ("141", "154", "163", "173", "186", "190", "2042")] == [4] * 7


def test_goldstein_scores_as_gdelt_has_them():
    assert cameo.goldstein("057") == 8.0
    assert cameo.goldstein("0874") == 10.0
    assert cameo.goldstein("042") == 1.9
    assert cameo.goldstein("130") == -4.4
    assert cameo.goldstein("163") == -8.0
    assert cameo.goldstein("190") == -10.0
    assert cameo.goldstein("011") == -0.1
    # codes GDELT's table lacks take their parent's score
    assert cameo.goldstein("1952") == cameo.goldstein("195")
    assert cameo.goldstein("1214") == cameo.goldstein("121")
    assert all(-10 <= e["goldstein"] <= 10 for e in DATA["codes"])


def test_root_and_base():
    assert cameo.root("0871") == "08" and cameo.base("0871") == "087"
    assert cameo.root("190") == "19" and cameo.base("190") == "190"
    assert cameo.base("05") == "050" and cameo.root("05") == "05"
    with pytest.raises(ValueError):
        cameo.root("999")
    with pytest.raises(ValueError):
        cameo.goldstein("7")


def test_cameo_for_gives_a_code_of_that_type_and_mode():
    for etype, modes in DATA["modes"].items():
        code = cameo.cameo_for(etype)
        assert cameo.consistent(code, etype), (etype, code)
        for mode in modes:
            code = cameo.cameo_for(etype, mode)
            assert cameo.consistent(code, etype), (etype, mode, code)
    assert cameo.cameo_for("CONSULT", "phone") == "041"
    assert cameo.cameo_for("ASSAULT", "drone") == "1952"
    assert cameo.cameo_for("ASSAULT") == "190"
    assert cameo.cameo_for("PROTEST", "no-such-mode") == "140"
    with pytest.raises(ValueError):
        cameo.cameo_for("DISCUSS")


def test_check_event_refuses_malformed_and_inconsistent_codes():
    assert cameo.check_event(_event("0871", "RETREAT", "ceasefire")) == []
    assert cameo.check_event(_event("163", "SANCTION")) == []  # a known inconsistency of the table: both accepted
    assert cameo.check_event(_event("163", "COERCE")) == []
    assert cameo.check_event(_event("0841", "CONCEDE")) == []  # 08 is split between CONCEDE and RETREAT
    assert cameo.check_event(_event("57", "SUPPORT"))[0].startswith("unknown")
    assert cameo.check_event(_event("19x", "ASSAULT"))[0].startswith("malformed")
    assert cameo.check_event(_event("", "ASSAULT"))[0].startswith("malformed")
    assert cameo.check_event(_event("999", "ASSAULT"))[0].startswith("unknown")
    assert "not AGREE" in cameo.check_event(_event("111", "AGREE"))[0]
    assert "no PLOVER type" in cameo.check_event(_event("010", "AGREE"))[0]


def test_validator_stage_drops_and_explains():
    doc = Document("d", "text", "en", None)
    good, bad = _event("190", "ASSAULT"), _event("190", "SUPPORT")
    doc.events = [good, bad]
    CodeValidator()(doc)
    assert doc.events == [good]
    assert doc.dropped and doc.dropped[0][0] is bad and "code refused" in doc.dropped[0][1]


def test_every_pattern_code_agrees_with_its_type():
    lex = load_lexicon()
    for lang, data in lex.patterns.items():
        for p in data["events"]:
            assert cameo.check_event(_event(p["cameo"], p["type"])) == [], (lang, p["id"])
            assert cameo.check_mode(p["type"], p.get("mode", "")) == [], (lang, p["id"], p.get("mode"))


def test_event_record_carries_quad_class_and_goldstein():
    doc = Document("d", "text", "en", None)
    rec = event_record(doc, _event("1952", "ASSAULT", "drone"))
    assert rec["quad_class"] == 4 and rec["goldstein"] == -10.0 and rec["cameo"] == "1952"
    rec = event_record(doc, _event("057", "SUPPORT"))
    assert rec["quad_class"] == 1 and rec["goldstein"] == 8.0
    assert rec["reported_by"] is None


def test_speech_acts_about_other_acts_take_the_parallel_code():
    assert cameo.about("AGREE", "0871") == "0356"  # agreed to a ceasefire
    assert cameo.about("AGREE", "042") == "036"  # agreed to visit / meet
    assert cameo.about("AGREE", "072") == "0332"  # promised military aid
    assert cameo.about("APPEAL", "0841") == "0253"  # called for the release of prisoners
    assert cameo.about("REQUEST", "0872") == "1056"  # demanded a withdrawal
    assert cameo.about("REJECT", "046") == "125"  # rejected talks
    assert cameo.about("THREATEN", "163") == "1312"  # threatened sanctions
    assert cameo.about("THREATEN", "190") == "138"  # threatened force
    assert cameo.about("THREATEN", "111") == "130"  # nothing parallel: the general code
    assert cameo.about("AGREE", "bogus") == "030"
    for act, rows in DATA["about"].items():
        want = {"APPEAL": "REQUEST"}.get(act, act)
        for content, code in rows.items():
            assert cameo.consistent(code, want), (act, content, code)
            assert content == "*" or cameo.is_valid(content), (act, content)
