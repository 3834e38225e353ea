"""`litopys lexicon check`: schema, duplicate keys, surface forms that resolve to two
codes, date spans. Returns problems as text lines that name file and entry."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path
from typing import Any

import jsonschema

from litopys.lexicon.load import _read_yaml, lexicon_files, pattern_files, schema, schema_name


class LexiconError(ValueError):
    pass


def fingerprint(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def validate_file(path: Path, data: Any, raise_errors: bool = False) -> list[str]:
    name = "patterns" if path.parent.name == "patterns" else schema_name(path)
    problems: list[str] = []
    validator = jsonschema.Draft202012Validator(schema(name))
    for err in validator.iter_errors(data):
        where = "/".join(str(p) for p in err.absolute_path)
        problems.append(f"{path.name}: {where}: {err.message}")
    if not problems and name != "patterns":
        problems += _check_entries(path, data["entries"])
    if problems and raise_errors:
        raise LexiconError("E010 invalid lexicon file; run `litopys lexicon check`:\n" + "\n".join(problems[:20]))
    return problems


def _check_entries(path: Path, entries: list[dict]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for e in entries:
        key = e.get("code") or e.get("id")
        if key in seen:  # within one file; the same person in two people files is merged on load
            problems.append(f"{path.name}: duplicate key {key}")
        seen.add(key)
        spans = list(e.get("roles") or []) + list(e.get("members") or []) + list(e.get("parties") or [])
        for r in spans:
            s, u = r.get("since"), r.get("until")
            if s and u and str(u) < str(s):
                problems.append(f"{path.name}: {key}: span ends before it starts ({s} .. {u})")
            for d in (s, u):
                if d and not _valid_date(str(d)):
                    problems.append(f"{path.name}: {key}: not a real date: {d}")
            if "roles" in e and not (r.get("country") or r.get("org")):
                problems.append(f"{path.name}: {key}: a role needs a country or an org")
    return problems


def _valid_date(s: str) -> bool:
    import datetime as dt

    parts = s.split("-")
    try:
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return False
    return True


def check_all() -> list[str]:
    """Validate every bundled file, then look across files for clashing surface forms."""
    from litopys.lexicon.load import load_lexicon_from

    problems: list[str] = []
    for path in lexicon_files() + pattern_files():
        try:
            data = _read_yaml(path)
        except Exception as exc:  # noqa: BLE001 - report any parse error as a problem
            problems.append(f"{path.name}: cannot be read: {exc}")
            continue
        problems += validate_file(path, data)
    if problems:
        return problems
    lex = load_lexicon_from(validate=False)
    codes = set(lex.states) | set(lex.organisations) | set(lex.treaties)
    for e in lex.organisations.values():
        for m in e.get("members") or []:
            if m["code"] not in codes:
                problems.append(f"organisations.yaml: {e['code']}: unknown member code {m['code']}")
    for pid, e in lex.people.items():
        for r in e["roles"]:
            c = r.get("country") or r.get("org")
            if c not in codes:
                problems.append(f"people: {pid}: unknown code {c}")
    for lang in ("uk", "ru", "en"):
        owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for surface, ref, _amb in lex.surface_forms(lang):
            if ref.kind in ("role", "person"):
                continue
            owners[surface.lower()].add((ref.key, f"{ref.kind}:{ref.via}"))
        for surface, refs in sorted(owners.items()):
            keys = {k for k, _ in refs}
            vias = {v for _, v in refs}
            # intended: a capital that news uses for an organisation (Brussels → EU as actor, BEL as place)
            if len(keys) > 1 and vias != {"state:capital", "organisation:metonym"}:
                problems.append(f"{lang}: '{surface}' resolves to several codes: {sorted(keys)}")
    return problems


def stats() -> dict[str, Any]:
    from litopys.lexicon.load import load_lexicon_from

    lex = load_lexicon_from(validate=False)
    out: dict[str, Any] = {"fingerprint": lex.fingerprint, "kinds": {}}
    for kind in ("states", "organisations", "treaties", "people", "media", "groups", "roles"):
        table = getattr(lex, kind)
        per_lang = {}
        for lang in ("uk", "ru", "en"):
            n = 0
            for e in table.values():
                if kind == "roles":
                    n += len(e["phrases"]) if e["lang"] == lang else 0
                else:
                    for fld in ("names", "capitals", "metonyms", "adjectives"):
                        n += len((e.get(fld) or {}).get(lang) or [])
            per_lang[lang] = n
        out["kinds"][kind] = {"entries": len(table), "surface_forms": per_lang}
    out["memberships"] = sum(len(e.get("members") or []) for e in lex.organisations.values())
    out["person_roles"] = sum(len(e["roles"]) for e in lex.people.values())
    out["patterns"] = {lang: {k: len(v) for k, v in p.items() if isinstance(v, list)} for lang, p in lex.patterns.items()}
    return out
