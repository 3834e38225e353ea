"""Load the YAML lexicons (actors, roles, patterns) into one read-only object.

Loading validates every file against its JSON Schema first, so a broken entry fails
with the file and entry named instead of surfacing as a wrong event later."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DATA = Path(str(resources.files("litopys") / "data"))
LEXICON_DIR = DATA / "lexicon"
PATTERN_DIR = DATA / "patterns"
SCHEMA_DIR = DATA / "schema"
LANGS = ("uk", "ru", "en")


@dataclass(frozen=True, slots=True)
class Ref:
    """What a surface form stands for: an entry of some kind, and how it names it."""

    kind: str  # state, organisation, treaty, person, media, role
    key: str  # code or id
    via: str = "name"  # name, capital, metonym, adjective, body, role
    extra: str = ""  # body name, role title, place name


@dataclass
class Lexicon:
    states: dict[str, dict] = field(default_factory=dict)
    organisations: dict[str, dict] = field(default_factory=dict)
    treaties: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)
    media: dict[str, dict] = field(default_factory=dict)
    groups: dict[str, dict] = field(default_factory=dict)
    roles: dict[str, dict] = field(default_factory=dict)
    patterns: dict[str, dict] = field(default_factory=dict)  # per language
    files: list[str] = field(default_factory=list)
    fingerprint: str = ""

    def surface_forms(self, lang: str) -> list[tuple[str, Ref, bool]]:
        """Every (surface form, what it stands for, ambiguous?) for one language."""
        out: list[tuple[str, Ref, bool]] = []

        def add(names: dict | None, ref: Ref, ambiguous: set[str]) -> None:
            for s in (names or {}).get(lang, []) or []:
                out.append((s, ref, s in ambiguous))

        for code, e in self.states.items():
            amb = set(e.get("ambiguous") or [])
            add(e.get("names"), Ref("state", code), amb)
            caps = (e.get("capitals") or {})
            en_cap = (caps.get("en") or [""])[0]
            add(caps, Ref("state", code, "capital", en_cap), amb)
            add(e.get("metonyms"), Ref("state", code, "metonym"), amb)
            add(e.get("adjectives"), Ref("state", code, "adjective"), amb)
        for table, kind in ((self.organisations, "organisation"), (self.treaties, "treaty")):
            for code, e in table.items():
                amb = set(e.get("ambiguous") or [])
                add(e.get("names"), Ref(kind, code), amb)
                add(e.get("metonyms"), Ref(kind, code, "metonym"), amb)
                for body in e.get("bodies") or []:
                    add(body.get("names"), Ref(kind, code, "body", body["name"]), amb)
        for pid, e in self.people.items():
            add(e.get("names"), Ref("person", pid), set(e.get("ambiguous") or []))
        for mid, e in self.media.items():
            add(e.get("names"), Ref("media", mid), set())
        for gid, e in self.groups.items():
            add(e.get("names"), Ref("group", gid), set())
        for rid, e in self.roles.items():
            if e["lang"] == lang:
                for s in e["phrases"]:
                    out.append((s, Ref("role", rid, e.get("refers", "office"), e.get("title", "")), False))
        return out


def _merge(old: dict, new: dict) -> dict:
    """One person in two files (a national leader who later led the UN): union of names and roles."""
    out = dict(old)
    names = {lang: list(dict.fromkeys((old.get("names") or {}).get(lang, []) + (new.get("names") or {}).get(lang, [])))
             for lang in set(old.get("names") or {}) | set(new.get("names") or {})}
    out["names"] = names
    seen = {(r.get("title"), r.get("country") or r.get("org"), r.get("since")) for r in old.get("roles") or []}
    out["roles"] = list(old.get("roles") or []) + [r for r in new.get("roles") or []
                                                    if (r.get("title"), r.get("country") or r.get("org"), r.get("since")) not in seen]
    out["ambiguous"] = list(dict.fromkeys((old.get("ambiguous") or []) + (new.get("ambiguous") or [])))
    return out


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def schema_name(path: Path) -> str:
    stem = path.stem
    return "people" if stem.startswith("people") else stem


def lexicon_files(directory: Path = LEXICON_DIR) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


def pattern_files(directory: Path = PATTERN_DIR) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


def load_lexicon_from(lex_dir: Path = LEXICON_DIR, pat_dir: Path = PATTERN_DIR, validate: bool = True) -> Lexicon:
    from litopys.lexicon.validate import fingerprint, validate_file

    lex = Lexicon()
    paths = lexicon_files(lex_dir) + pattern_files(pat_dir)
    for path in lexicon_files(lex_dir):
        data = _read_yaml(path)
        if validate:
            validate_file(path, data, raise_errors=True)
        name = schema_name(path)
        target: dict[str, dict] = getattr(lex, name)
        for e in data["entries"]:
            key = e.get("code") or e["id"]
            target[key] = _merge(target[key], e) if key in target else e
        lex.files.append(str(path))
    for path in pattern_files(pat_dir):
        data = _read_yaml(path)
        if validate:
            validate_file(path, data, raise_errors=True)
        lex.patterns[data["lang"]] = data
        lex.files.append(str(path))
    lex.fingerprint = fingerprint(paths)
    return lex


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon, loaded once per process (a Spark executor loads it once too)."""
    return load_lexicon_from()
