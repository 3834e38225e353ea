"""Actor recognition: a surname is matched by its own nominative, not by a form that
merely inflects like it; security services are their state's bodies."""

from __future__ import annotations

import pytest

from conftest import run


def _actors(text: str, lang: str, published: str) -> list[tuple[str, str, str]]:
    return [(m.actor.kind, m.actor.code, m.actor.sector) for m in run(text, lang, published).mentions]


@pytest.mark.parametrize("lang,text", [
    ("ru", "Правительство Башара Асада отвергло обвинения."),
    ("ru", "Москва поддержала Асада."),
    ("uk", "Москва підтримала Асада."),
    ("uk", "Уряд Башара Асада відкинув звинувачення."),
    ("en", "Moscow backed Bashar al-Assad."),
])
def test_assad_is_syria_not_asadov(lang, text):
    codes = {code for kind, code, _ in _actors(text, lang, "2017-04-07") if kind == "person"}
    assert codes == {"SYR"}


def test_asadov_still_resolves_to_himself():
    assert ("person", "AZE", "GOV") in _actors("Асадов прибыл в Москву.", "ru", "2020-01-10")


def test_assad_after_his_fall_is_a_former_president():
    doc = run("Асад прибыл в Москву.", "ru", "2025-01-10")
    person = next(m for m in doc.mentions if m.actor.kind == "person")
    assert (person.actor.code, person.actor.sector, person.actor.role) == ("SYR", "ELI", "former president")


@pytest.mark.parametrize("lang,text,code,sector", [
    ("uk", "ФСБ звинуватила українських моряків.", "RUS", "SPY"),
    ("ru", "ФСБ обвинила украинских моряков.", "RUS", "SPY"),
    ("en", "The FSB accused the Ukrainian sailors.", "RUS", "SPY"),
    ("uk", "СБУ затримала агента.", "UKR", "SPY"),
    ("en", "The CIA warned Congress.", "USA", "SPY"),
    ("ru", "Моссад провел операцию.", "ISR", "SPY"),
    ("en", "MI6 chief Richard Moore spoke.", "GBR", "SPY"),
])
def test_security_services_are_their_states(lang, text, code, sector):
    assert ("group", code, sector) in _actors(text, lang, "2018-11-26")


def test_fsb_accusation_is_coded_to_russia():
    doc = run("ФСБ обвинила Украину в провокации.", "ru", "2018-11-26")
    assert [(e.event_type, e.source.code, e.source.sector, e.target.code) for e in doc.events] == [
        ("ACCUSE", "RUS", "SPY", "UKR")]



@pytest.mark.parametrize("lang,text,code", [
    ("uk", "Спецслужби Росії стежили за активістами.", "RUS"),
    ("ru", "Американская разведка сообщила о подготовке удара.", "USA"),
    ("en", "Russian intelligence agencies hacked the servers.", "RUS"),
])
def test_nameless_services_join_their_state(lang, text, code):
    assert ("role", code, "SPY") in _actors(text, lang, "2021-06-16")


def test_a_service_with_no_state_named_is_no_actor():
    assert _actors("Спецслужби стежили за активістами.", "uk", "2021-06-16") == []
