"""Every lexicon file validates, and every entry is exercised by a sentence: names of
states, organisations and people in each language they have (uk and ru also inflected
by pymorphy3 into several cases), each role and pattern by its own example sentence."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from litopys.actors.resolver import person_role
from litopys.io.reader import from_text
from litopys.lexicon.load import load_lexicon
from litopys.lexicon.validate import check_all, stats
from litopys.pipeline import extract, pipeline_for

LEX = load_lexicon()
CASES = {"uk": ["gent", "datv", "ablt", "loct"], "ru": ["gent", "datv", "ablt", "loct"]}
FRAME = {"uk": "Новина дня: {} .", "ru": "Новость дня: {} .", "en": "News of the day: {} ."}


def test_bundled_lexicon_validates():
    assert check_all() == []


def test_stats_count_every_kind():
    s = stats()
    assert s["kinds"]["states"]["entries"] >= 198
    assert s["kinds"]["organisations"]["entries"] >= 80
    assert all(s["kinds"]["states"]["surface_forms"][lang] > 198 for lang in ("uk", "ru", "en"))


@cache
def _morph(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def inflect(name: str, lang: str, case: str) -> str | None:
    """The name in another case, word by word (adjectives agree with the noun)."""
    words = name.split()
    m = _morph(lang)
    out = []
    for w in words:
        p = m.parse(w)[0]
        if p.tag.POS not in ("NOUN", "ADJF") or "Abbr" in p.tag or "Fixd" in p.tag:
            out.append(w)
            continue
        f = p.inflect({case}) if p.tag.number != "plur" else p.inflect({case, "plur"})
        if f is None:
            return None
        word = f.word
        if m.parse(word)[0].normal_form != p.normal_form:
            return None  # a form the analyser itself reads as another word: no test of ours
        out.append(word[:1].upper() + word[1:] if w[:1].isupper() else word)
    return " ".join(out)


def codes_in(text: str, lang: str, when: date) -> set[str]:
    doc = from_text(FRAME[lang].format(text), f"t.{lang}.txt", when, lang)
    pipe = pipeline_for(lang)
    doc = pipe.stages[1](pipe.stages[0](doc))  # analyse + actors
    return {m.actor.code for m in doc.mentions}


def _names(entry: dict, field: str = "names"):
    for lang in ("uk", "ru", "en"):
        for name in (entry.get(field) or {}).get(lang) or []:
            yield lang, name


STATE_CASES = [(code, lang, name) for code, e in sorted(LEX.states.items()) for lang, name in _names(e)]
ORG_CASES = [(code, lang, name) for code, e in sorted(LEX.organisations.items()) for lang, name in _names(e)]


@pytest.mark.parametrize("code,lang,name", STATE_CASES)
def test_state_names(code, lang, name):
    e = LEX.states[code]
    if name in (e.get("ambiguous") or []):
        pytest.skip("ambiguous form: matched only in context")
    assert code in codes_in(name, lang, date(2024, 1, 1))
    if lang in CASES and " " not in name and sum(ch.isupper() for ch in name) == 1 and not set("’'-") & set(name):
        for case in CASES[lang][:2]:
            form = inflect(name, lang, case)
            if form:
                assert code in codes_in(form, lang, date(2024, 1, 1)), f"{name} as {form}"


@pytest.mark.parametrize("code,lang,name", ORG_CASES)
def test_organisation_names(code, lang, name):
    if name in (LEX.organisations[code].get("ambiguous") or []) or not name[:1].isupper():
        pytest.skip("ambiguous or lower-case form")
    assert code in codes_in(name, lang, date(2024, 1, 1))


PEOPLE = sorted(LEX.people.items())


@pytest.mark.parametrize("pid", [p for p, _ in PEOPLE])
def test_people_resolve_to_their_office_on_a_date(pid):
    e = LEX.people[pid]
    role = e["roles"][0]
    since = role.get("since") or "2000"
    when = date.fromisoformat((since + "-01-01")[:10] if len(since) == 4 else (since + "-01")[:10] if len(since) == 7 else since)
    expected = role.get("country") or role.get("org")
    held, current = person_role(e, when)
    want = {held.get("country") or held.get("org")}
    assert expected in want or current
    for lang, name in _names(e):
        if name in (e.get("ambiguous") or []):
            continue
        found = codes_in(name, lang, when)
        assert found & want, f"{lang} '{name}' on {when}: {found} vs {want}"


ROLE_CASES = [(rid, e["lang"], e["example"]) for rid, e in sorted(LEX.roles.items()) if e.get("example")]


@pytest.mark.parametrize("rid,lang,example", ROLE_CASES)
def test_role_examples(rid, lang, example):
    """An office resolves to its state; a reference resolves to an actor from context."""
    doc = extract(from_text(" date 2024-01-01 " + example, f"t.{lang}.txt", None, lang))
    refers = LEX.roles[rid].get("refers", "office")
    if refers == "office":
        assert any(rid in m.rule and m.actor.code for m in doc.mentions), [m.rule for m in doc.mentions]
    elif refers == "capital":
        assert any(m.via == "capital" and m.actor.code for m in doc.mentions), [m.rule for m in doc.mentions]
    else:
        assert any(rid in m.rule and m.via == refers and m.actor.code for m in doc.mentions), [m.rule for m in doc.mentions]


def test_every_role_has_an_example():
    assert all(e.get("example") for e in LEX.roles.values())


PATTERN_CASES = [(lang, p["id"], p["example"]) for lang, data in sorted(LEX.patterns.items())
                 for p in data["events"] + data["relations"]]


@pytest.mark.parametrize("lang,pid,example", PATTERN_CASES)
def test_pattern_examples_fire(lang, pid, example):
    """Each pattern's own example sentence makes it fire (coded or, with its reason, dropped)."""
    doc = extract(from_text(" date 2024-05-10 " + example, f"t.{lang}.txt", None, lang))
    fired = {e.rule for e in doc.events} | {e.rule for e, _ in doc.dropped} | {r.rule for r in doc.relations}
    assert any(pid == rule.split(":", 1)[1].split("+")[0] for rule in fired), sorted(fired)


GROUP_CASES = [(gid, lang, name) for gid, e in sorted(LEX.groups.items()) for lang, name in _names(e)]


@pytest.mark.parametrize("gid,lang,name", GROUP_CASES)
def test_armed_group_names(gid, lang, name):
    assert LEX.groups[gid]["country"] in codes_in(name, lang, date(2024, 1, 1))
