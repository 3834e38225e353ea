"""Gazetteer places: a town's name counts only where it names the town."""

from __future__ import annotations

import pytest

from conftest import run
from litopys.places.gazetteer import places_by_name


def _places(text: str, lang: str, published: str = "2021-06-16") -> list[tuple[str, str]]:
    doc = run(text, lang, published)
    return [(m.text, m.actor.code) for m in doc.mentions if m.actor.kind == "place"]


def _codes(text: str, lang: str, published: str = "2021-06-16") -> set[str]:
    return {m.actor.code for m in run(text, lang, published).mentions}


def test_english_index_keeps_town_names_the_dictionary_knows_only_capitalised():
    names = places_by_name("en")
    assert names["Geneva"].country == "CHE"
    assert names["Nancy"].country == "FRA"
    # an ordinary English word first: left out below the population threshold
    assert "Reading" not in names and "Mobile" not in names
    # a US state name is not a foreign town of the same name
    assert "Florida" not in names or names["Florida"].country == "USA"


@pytest.mark.parametrize("lang,text,place,code", [
    ("en", "Biden and Putin met in Geneva on Wednesday.", "Geneva", "CHE"),
    ("en", "In Geneva Biden said the talks were useful.", "Geneva", "CHE"),
    ("en", "The summit was held in Nancy.", "Nancy", "FRA"),
    ("ru", "Переговоры прошли в Женеве.", "Женеве", "CHE"),
    ("uk", "Зустріч відбулася в Женеві.", "Женеві", "CHE"),
    ("uk", "Удари по Сумах тривали всю ніч.", "Сумах", "UKR"),
    ("uk", "Вибухи пролунали у Донецьку.", "Донецьку", "UKR"),
])
def test_places_named(lang, text, place, code):
    assert (place, code) in _places(text, lang)


@pytest.mark.parametrize("lang,text,wrong", [
    ("en", "President Mahmoud Abbas said peace would not come.", "PAK"),  # not Fort Abbas
    ("en", "The talks at the Villa La Grange lasted four hours.", "USA"),  # not La Grange
    ("en", "Nancy Pelosi visited Taiwan.", "FRA"),
    ("uk", "Рада ухвалила закон про воєнний стан.", "POL"),  # not Radom, read as an inflection of `рада`
    ("uk", "Верховна Рада ухвалила закон.", "POL"),
    ("uk", "Буксир «Яни Капу» рухався з Одеси.", "IND"),  # not Yanam
    ("ru", "Трамп находился во Флориде.", "CUB"),
])
def test_no_place_from_other_names(lang, text, wrong):
    assert wrong not in {code for _, code in _places(text, lang)}


def test_vessel_named_after_a_town_is_not_the_town():
    places = _places("Катери «Бердянськ» і «Нікополь» рухалися з Одеси до Маріуполя.", "uk")
    assert [p for p, _ in places] == ["Одеси", "Маріуполя"]


def test_person_named_like_a_town_is_the_person():
    doc = run("President Mahmoud Abbas said peace would not come.", "en", "2020-09-15")
    assert [(m.actor.kind, m.actor.code) for m in doc.mentions] == [("person", "PSE")]
