"""Turn a lexicon reference into an Actor as of the document's date: a person is coded as
the state or organisation they act for on that day (Biden in 2016 is the US vice
president, in 2023 the president)."""

from __future__ import annotations

from datetime import date

from litopys.lexicon.load import Lexicon, Ref
from litopys.model import Actor

TITLE_RANK = {
    "president": 0, "head of state": 1, "secretary-general": 1, "prime minister": 2, "chancellor": 2,
    "president of the commission": 2, "president of the council": 2, "vice president": 3,
    "foreign minister": 4, "high representative": 4, "director general": 4, "defence minister": 5,
}


def _d(s: str | None, end: bool = False) -> str:
    if not s:
        return "9999-12-31" if end else "0000-01-01"
    s = str(s)
    if len(s) == 4:
        return s + ("-12-31" if end else "-01-01")
    if len(s) == 7:
        return s + ("-31" if end else "-01")
    return s


def person_role(entry: dict, when: date | None) -> tuple[dict, bool]:
    """The role a person holds on `when` (their best-ranked one), else their latest role.
    The flag says whether the role is current."""
    roles = entry["roles"]
    if when is not None:
        day = when.isoformat()
        active = [r for r in roles if _d(r.get("since")) <= day <= _d(r.get("until"), end=True)]
        if active:
            return min(active, key=lambda r: TITLE_RANK.get(r["title"], 9)), True
        past = [r for r in roles if _d(r.get("since")) <= day]
        if past:
            return max(past, key=lambda r: _d(r.get("until"), end=True)), False
        return min(roles, key=lambda r: _d(r.get("since"))), False
    return max(roles, key=lambda r: (_d(r.get("until"), end=True), -TITLE_RANK.get(r["title"], 9))), True


def english_name(entry: dict) -> str:
    names = entry.get("names") or {}
    for lang in ("en", "uk", "ru"):
        if names.get(lang):
            return names[lang][0]
    return entry.get("code") or entry.get("id", "")


def resolve(lex: Lexicon, ref: Ref, when: date | None) -> Actor | None:
    if ref.kind == "state":
        e = lex.states.get(ref.key)
        return Actor(ref.key, "state", english_name(e) if e else ref.key) if e else None
    if ref.kind in ("organisation", "treaty"):
        e = lex.organisations.get(ref.key) or lex.treaties.get(ref.key)
        if not e:
            return None
        return Actor(ref.key, ref.kind, english_name(e), role=ref.extra if ref.via == "body" else "")
    if ref.kind == "person":
        e = lex.people.get(ref.key)
        if not e:
            return None
        role, current = person_role(e, when)
        code = role.get("country") or role.get("org") or ""
        title = role["title"] if current else f"former {role['title']}"
        sector = role.get("sector", "GOV") if current else "ELI"
        if not current and role.get("title") == "opposition leader":
            sector = "OPP"
        return Actor(code, "person", english_name(e), sector=sector, role=title, entity=ref.key)
    if ref.kind == "place":
        from litopys.places.gazetteer import place_by_id

        place = place_by_id().get(int(ref.key))
        return Actor(place.country, "place", place.name) if place else None
    if ref.kind == "group":
        e = lex.groups.get(ref.key)
        return Actor(e["country"], "group", english_name(e), sector=e.get("sector", "REB"), entity=ref.key) if e else None
    if ref.kind == "media":
        e = lex.media.get(ref.key)
        if not e:
            return None
        return Actor(e.get("country", ""), "media", english_name(e), sector="MED", entity=ref.key)
    return None
