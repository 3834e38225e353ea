"""Actors other coders expect and litopys used to miss: the people of a state named by a
demonym ("Palestinians", "українці"), nameless domestic actors ("police", "the government",
"rebels") resolved to the state named beside them, in the sentence or in the story, and
non-state groups and NGOs by name. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import run
from litopys.io.reader import from_text
from litopys.lexicon.load import load_lexicon
from litopys.pipeline import pipeline_for

LEX = load_lexicon()
FRAME = {"uk": "Новина дня: {} .", "ru": "Новость дня: {} .", "en": "{} said on Monday."}


def _mentions(text: str, lang: str = "en", published: str = "2022-06-01"):
    doc = from_text(text, f"t.{lang}.txt", date.fromisoformat(published), lang)
    pipe = pipeline_for(lang)
    return pipe.stages[1](pipe.stages[0](doc)).mentions


def _actors(text: str, lang: str = "en") -> set[tuple[str, str, str]]:
    return {(m.text, m.actor.code, m.actor.sector) for m in _mentions(text, lang)}


DEMONYMS = [(code, lang, name) for code, e in sorted(LEX.states.items())
            for lang, names in sorted((e.get("demonyms") or {}).items()) for name in names]


def test_demonyms_are_listed_for_the_main_languages():
    langs = {lang for _, lang, _ in DEMONYMS}
    assert langs == {"uk", "ru", "en"} and len(DEMONYMS) > 150


@pytest.mark.parametrize("code,lang,name", DEMONYMS)
def test_each_demonym_is_its_state_s_people(code, lang, name):
    found = {(m.actor.code, m.actor.sector, m.via) for m in _mentions(FRAME[lang].format(name), lang)}
    assert (code, "CVL", "demonym") in found, found


@pytest.mark.parametrize("lang,text,code", [
    ("uk", "Українців закликали до евакуації.", "UKR"),
    ("uk", "Поліція затримала двох росіян.", "RUS"),
    ("ru", "Палестинцам пообещали помощь.", "PSE"),
    ("ru", "Израильтяне проголосовали на выборах.", "ISR"),
])
def test_inflected_demonyms_in_uk_and_ru(lang, text, code):
    assert code in {m.actor.code for m in _mentions(text, lang)}


@pytest.mark.parametrize("text,code", [
    ("A Russian was arrested in Nairobi.", "RUS"),
    ("Two Iraqis were killed in the blast.", "IRQ"),
])
def test_singular_and_counted_people(text, code):
    assert code in {m.actor.code for m in _mentions(text)}


def test_a_demonym_and_another_state_make_an_event():
    doc = run("The Palestinians rejected the Israeli proposal.", "en", "2000-01-01")
    assert ("REJECT", "PSE", "ISR") in {(e.event_type, e.source.code, e.target.code) for e in doc.events}


@pytest.mark.parametrize("text,expected", [
    ("Iraqi police arrested two men.", ("Iraqi police", "IRQ", "COP")),
    ("Nigerian troops entered the town.", ("Nigerian troops", "NGA", "MIL")),
    ("Shanghai police detained two men.", ("Shanghai police", "CHN", "COP")),
    ("Police in Kenya arrested two men.", ("Police", "KEN", "COP")),
    ("Sudan's government lifted the curfew.", ("Sudan's government", "SDN", "GOV")),
    ("Georgian demonstrators blocked the road.", ("Georgian demonstrators", "GEO", "CVL")),
])
def test_a_domestic_actor_takes_the_state_named_beside_it(text, expected):
    assert expected in _actors(text)


def test_a_bare_domestic_actor_takes_the_state_of_the_story():
    found = _actors("Protests spread across Chile on Monday. Police detained dozens of students, "
                    "and the government imposed a curfew. Rebels attacked a convoy.")
    assert {("Police", "CHL", "COP"), ("students", "CHL", "CVL"), ("government", "CHL", "GOV"),
            ("Rebels", "CHL", "REB")} <= found


def test_a_bare_domestic_actor_prefers_the_state_of_its_sentence():
    found = _actors("Chile held elections on Sunday. In Bolivia, the opposition rejected the results.")
    assert ("the opposition", "BOL", "OPP") in found


def test_police_opening_fire_on_protesters_is_domestic():
    doc = run("Egyptian police opened fire on demonstrators in Cairo.", "en", "2000-01-01")
    coded = {(e.source.code, e.source.sector, e.target.code if e.target else None) for e in doc.events}
    assert ("EGY", "COP", "EGY") in coded


@pytest.mark.parametrize("text", [
    "The comedy Police Academy was shown on television.",
    "The government of the day decides the budget.",
    "Students for Fair Admissions filed a lawsuit.",
    "Troops of actors rehearsed all night.",
])
def test_no_state_no_domestic_actor(text):
    assert _mentions(text) == []


def test_opposition_to_a_plan_is_no_opposition_party():
    assert not [m for m in _mentions("Russia's opposition to the plan is firm.") if m.actor.sector == "OPP"]


@pytest.mark.parametrize("lang,text,code,sector", [
    ("en", "Hezbollah fired rockets.", "LBN", "REB"),
    ("en", "Al-Qaeda claimed the attack.", "AFG", "REB"),
    ("en", "Islamic State fighters seized the town.", "IRQ", "REB"),
    ("en", "The Muslim Brotherhood called for protests.", "EGY", "OPP"),
    ("en", "The Tamil Tigers declared a truce.", "LKA", "REB"),
    ("en", "The Revolutionary Guards seized a tanker.", "IRN", "MIL"),
    ("uk", "Бойовики ІДІЛ захопили місто.", "IRQ", "REB"),
    ("ru", "Боевики Аль-Каиды взяли ответственность.", "AFG", "REB"),
])
def test_named_non_state_groups(lang, text, code, sector):
    assert (code, sector) in {(m.actor.code, m.actor.sector) for m in _mentions(text, lang)}


@pytest.mark.parametrize("text,code", [
    ("Amnesty International demanded the release of the prisoners.", "AMNESTY"),
    ("Human Rights Watch accused the army of abuses.", "HRW"),
    ("Doctors Without Borders evacuated its staff.", "MSF"),
    ("The Red Cross delivered food to the town.", "ICRC"),
])
def test_ngos_are_organisations(text, code):
    assert code in {m.actor.code for m in _mentions(text) if m.actor.kind == "organisation"}


def test_a_state_body_with_no_compatriot_keeps_its_context_target():
    doc = run("Ukraine appealed for help. Russian troops launched an invasion on Thursday.", "en", "2022-02-24")
    assert ("ASSAULT", "RUS", "MIL", "UKR") in {
        (e.event_type, e.source.code, e.source.sector, e.target.code if e.target else None) for e in doc.events}


def test_a_demonstrator_attacking_its_own_government_is_a_domestic_event():
    doc = run("Georgian demonstrators launched missiles at the Georgian government.", "en", "2019-06-21")
    assert ("GEO", "CVL", "GEO") in {(e.source.code, e.source.sector, e.target.code if e.target else None) for e in doc.events}


@pytest.mark.parametrize("text,expected", [
    ("The Latvian Constitutional Court cancelled the restrictions.", ("Latvian Constitutional Court", "LVA", "JUD")),
    ("Poland's interior minister resigned.", ("Poland's interior minister", "POL", "GOV")),
    ("Ukrainian farmers blocked the road.", ("Ukrainian farmers", "UKR", "AGR")),
    ("French workers went on strike.", ("French workers", "FRA", "LAB")),
    ("Chinese state media accused Japan.", ("Chinese state media", "CHN", "MED")),
    ("Iranian clerics condemned the film.", ("Iranian clerics", "IRN", "REL")),
    ("Nigeria's airlines suspended flights.", ("Nigeria's airlines", "NGA", "BUS")),
])
def test_sector_nouns_join_their_state(text, expected):
    assert expected in _actors(text)


def test_sector_nouns_with_no_state_are_no_actors():
    assert _mentions("The court adjourned and the workers went home.") == []


@pytest.mark.parametrize("lang,text,code", [
    ("uk", "Поліція Казахстану затримала активістів.", "KAZ"),
    ("uk", "У Казахстані тривають протести. Поліція затримала активістів.", "KAZ"),
    ("ru", "В Казахстане продолжаются протесты. Полиция задержала активистов.", "KAZ"),
    ("ru", "Казахстанская полиция задержала активистов.", "KAZ"),
])
def test_uk_ru_police_join_or_take_the_story_state(lang, text, code):
    assert (code, "COP") in {(m.actor.code, m.actor.sector) for m in _mentions(text, lang)}


@pytest.mark.parametrize("lang,text", [
    ("uk", "Поліція затримала активістів."),
    ("ru", "Полиция задержала активистов."),
])
def test_uk_ru_police_with_no_state_are_no_actors(lang, text):
    assert _mentions(text, lang) == []


@pytest.mark.parametrize("text,expected", [
    ("Serb forces shelled the town.", ("Serb forces", "SRB", "MIL")),
    ("Croat forces crossed the river.", ("Croat forces", "HRV", "MIL")),
    ("Bosnian Serbs demanded a truce.", ("Bosnian Serbs", "BIH", "CVL")),
    ("Kampuchean guerrillas attacked a village.", ("Kampuchean guerrillas", "KHM", "REB")),
])
def test_older_and_ethnic_adjectives_of_states(text, expected):
    assert expected in _actors(text)


@pytest.mark.parametrize("text,expected", [
    ("Police killed three ethnic Albanians in southern Serbia.", ("ethnic Albanians", "SRB", "CVL")),
    ("Ethnic Russians in Latvia protested the law.", ("Ethnic Russians", "LVA", "CVL")),
    ("Ethnic Albanian guerrillas attacked a police station in Macedonia.", ("guerrillas", "MKD", "REB")),
])
def test_an_ethnic_minority_belongs_to_the_country_it_lives_in(text, expected):
    found = _actors(text)
    assert expected in found
    assert not {c for _, c, _ in found} & {"ALB", "RUS"} - {expected[1]}


@pytest.mark.parametrize("lang,text,expected", [
    ("uk", "Бойовики ДНР обстріляли місто.", ("Бойовики ДНР", "UKR", "REB")),
    ("ru", "Власти Абхазии обвинили Грузию.", ("Власти Абхазии", "GEO", "REB")),
    ("en", "Transnistria closed its border.", ("Transnistria", "MDA", "REB")),
    ("en", "FARC rebels attacked a patrol.", ("FARC rebels", "COL", "REB")),
])
def test_breakaway_entities_and_groups_with_their_members(lang, text, expected):
    assert expected in _actors(text, lang)


def test_a_rebel_group_attacking_its_own_state_is_coded():
    doc = run("FARC rebels attacked Colombian troops.", "en", "2001-03-01")
    assert ("ASSAULT", "COL", "REB", "COL") in {
        (e.event_type, e.source.code, e.source.sector, e.target.code if e.target else None) for e in doc.events}


@pytest.mark.parametrize("lang,text", [
    ("uk", "На сході Малі тривають бої. Повстанці атакували колону."),
    ("ru", "На севере Мали продолжаются бои. Повстанцы атаковали колонну."),
])
def test_uk_ru_rebels_are_rebels_of_the_story_state(lang, text):
    assert ("MLI", "REB") in {(m.actor.code, m.actor.sector) for m in _mentions(text, lang)}


@pytest.mark.parametrize("lang,text,expected", [
    ("uk", "Угоду ратифікувала Верховна Рада.", ("UKR", "LEG")),
    ("ru", "Госдума приняла закон.", ("RUS", "LEG")),
    ("en", "The Knesset approved the bill.", ("ISR", "LEG")),
    ("en", "The Bundestag voted on Friday.", ("DEU", "LEG")),
    ("en", "The Saudi National Guard was deployed.", ("SAU", "MIL")),
    ("en", "Protests erupted in Mexico. The National Guard was deployed.", ("MEX", "MIL")),
])
def test_named_legislatures_and_the_national_guard(lang, text, expected):
    assert expected in {(m.actor.code, m.actor.sector) for m in _mentions(text, lang)}


@pytest.mark.parametrize("text,expected", [
    ("The president of Russia arrived in Minsk.", ("president of Russia", "RUS", "GOV")),
    ("The government of the Philippines rejected the plan.", ("government of the Philippines", "PHL", "GOV")),
])
def test_english_offices_of_a_state(text, expected):
    assert expected in _actors(text)


def test_an_office_is_not_joined_to_the_next_clause_s_subject():
    found = _actors("Zelenskiy told reporters Kyiv wanted peace.")
    assert ("Kyiv", "UKR", "") in found and not [f for f in found if f[2] == "MED"]
