"""CAMEO event codes: validity, hierarchy, quad class, Goldstein score and the PLOVER
mapping, read from `data/cameo/cameo.yaml` (documented in docs/cameo.md).

GDELT users read CAMEO codes, quad classes and Goldstein scores; litopys codes PLOVER
types. This module is the one place that ties the two together, so no event leaves the
program with a code that does not exist or that contradicts its PLOVER type."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DATA_FILE = Path(str(resources.files("litopys") / "data" / "cameo" / "cameo.yaml"))

# Schrodt's quad classes as PETRARCH/Phoenix use them, by root code
_QUADS = ((1, 5, 1), (6, 8, 2), (9, 13, 3), (14, 20, 4))


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    goldstein: float
    plover: str | None  # None: a code PLOVER dropped (01, make public statement)
    mode: str = ""
    accepted: frozenset[str] = frozenset()  # every PLOVER type a coder may give this code


@dataclass(frozen=True, slots=True)
class Table:
    codes: dict[str, Code]
    defaults: dict[str, str]
    modes: dict[str, tuple[str, ...]]
    about: dict[str, dict[str, str]]


@cache
def table(path: Path = DATA_FILE) -> Table:
    """The code table, read once per process."""
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.load(fh, Loader=_Loader)
    codes = {}
    for e in data["codes"]:
        plover = e["plover"]
        accepted = frozenset(([plover] if plover else []) + list(e.get("also", [])))
        codes[e["code"]] = Code(e["code"], e["name"], float(e["goldstein"]), plover, e.get("mode", ""), accepted)
    return Table(codes, dict(data["defaults"]), {k: tuple(v) for k, v in data["modes"].items()},
                 {k: dict(v) for k, v in data["about"].items()})


def _code(code: str) -> Code:
    if not is_valid(code):
        raise ValueError(f"not a CAMEO event code: {code!r}")
    return table().codes[code]


def is_valid(code: str) -> bool:
    """A CAMEO 1.1b3 event code, written as a string with its leading zero ("057", not 57)."""
    return isinstance(code, str) and code in table().codes


def root(code: str) -> str:
    """The two-digit root (cue category): "0871" → "08"."""
    return _code(code).code[:2]


def base(code: str) -> str:
    """The three-digit base code GDELT reports next to the full code: "0871" → "087";
    a bare root stands for its "not specified below" code: "05" → "050"."""
    c = _code(code).code
    return c[:3] if len(c) > 2 else c + "0"


def quad_class(code: str) -> int:
    """1 verbal cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict
    (09–13), 4 material conflict (14–20)."""
    r = int(root(code))
    return next(q for lo, hi, q in _QUADS if lo <= r <= hi)


def goldstein(code: str) -> float:
    """The Goldstein (1992) conflict–cooperation score, −10 … +10, as GDELT assigns it."""
    return _code(code).goldstein


def plover_for(code: str) -> tuple[str, str]:
    """(PLOVER type, PLOVER 0.8 mode) of a code; ("", "") for the codes PLOVER dropped (01)."""
    c = _code(code)
    return (c.plover or "", c.mode)


def modes(event_type: str) -> tuple[str, ...]:
    """The PLOVER 0.8 modes of a type."""
    return table().modes.get(event_type, ())


def cameo_for(event_type: str, mode: str = "") -> str:
    """The code litopys writes for a type and mode when nothing more specific is known:
    the table's default for TYPE/mode, else the lowest code with that type and mode,
    else the type's default."""
    t = table()
    if event_type not in t.modes:
        raise ValueError(f"not a PLOVER event type: {event_type!r}")
    if mode and f"{event_type}/{mode}" in t.defaults:
        return t.defaults[f"{event_type}/{mode}"]
    if mode:
        found = sorted((len(c.code), c.code) for c in t.codes.values() if c.plover == event_type and c.mode == mode)
        if found:
            return found[0][1]
    return t.defaults[event_type]


def about(act: str, content: str) -> str:
    """The code of a speech act about another act: `about("AGREE", "0871")` ("agreed to a
    ceasefire") is "0356", `about("THREATEN", "163")` ("threatened sanctions") "1312".
    `act` is AGREE, APPEAL (a REQUEST that appeals), REQUEST (one that demands), REJECT or
    THREATEN; an unknown content gives the act's general code."""
    table_ = table().about[act]
    if is_valid(content):
        for key in (content, content[:3], content[:2]):
            if key in table_:
                return table_[key]
    return table_["*"]


def consistent(code: str, event_type: str) -> bool:
    """Does a code agree with a PLOVER type (the table's mapping, or one of the readings
    its known inconsistencies allow)?"""
    return is_valid(code) and event_type in table().codes[code].accepted


def check_event(event: Any) -> list[str]:
    """Why an event's code cannot leave the program (empty when it can): a malformed or
    unknown CAMEO code, or a code of another PLOVER type."""
    code, etype = getattr(event, "cameo", None), getattr(event, "event_type", "")
    if not isinstance(code, str) or not code.isdigit() or not 2 <= len(code) <= 4:
        return [f"malformed CAMEO code {code!r}"]
    if not is_valid(code):
        return [f"unknown CAMEO code {code!r}"]
    c = table().codes[code]
    if c.plover is None:
        return [f"CAMEO {code} ({c.name}) has no PLOVER type"]
    if etype not in c.accepted:
        return [f"CAMEO {code} ({c.name}) is {'/'.join(sorted(c.accepted))}, not {etype}"]
    return []


def check_mode(event_type: str, mode: str) -> list[str]:
    """A mode PLOVER 0.8 does not define for the type (empty when it is one, or none)."""
    if mode and mode not in modes(event_type):
        return [f"mode {mode!r} is not a PLOVER mode of {event_type}"]
    return []
