"""Event types, modes and CAMEO codes, and the semantics coders get wrong (negation,
modality, reported speech, speech acts about other acts, questions, conditions), in uk, ru
and en, on sentences written for these tests; negative sentences must give no event."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from litopys.events import cameo
from litopys.io.reader import from_text
from litopys.model import Document
from litopys.output.records import event_record
from litopys.pipeline import extract


@cache
def run(lang: str, text: str) -> Document:
    return extract(from_text(" date 2024-05-10 " + text, f"t.{lang}.txt", date(2024, 5, 10), lang))


def find(doc: Document, etype: str, src: str | None, tgt: str | None = "*", negated: bool = False):
    return [e for e in doc.events if e.event_type == etype and e.negated == negated
            and (e.source.code if e.source else None) == src
            and (tgt == "*" or (e.target.code if e.target else None) == tgt)]


# lang, sentence, type, cameo, mode, source, target ("*": any)
CASES = [
    # CONSULT modes
    ("en", "Chinese President Xi Jinping arrived in Paris for a state visit.", "CONSULT", "042", "visit", "CHN", "FRA"),
    ("uk", "Президент Польщі Анджей Дуда провів телефонну розмову з президентом Литви.", "CONSULT", "041", "phone", "POL", "LTU"),
    ("en", "Qatar mediated between Israel and Hamas.", "CONSULT", "045", "", "QAT", "*"),
    # RETREAT modes
    ("en", "Serbia lifted a curfew in Montenegro.", "RETREAT", "0813", "", "SRB", "*"),
    ("en", "Five hundred Ugandan rebels surrendered last week.", "RETREAT", "0874", "disarm", "UGA", None),
    ("ru", "Премьер-министр Армении Никол Пашинян ушел в отставку.", "RETREAT", "0831", "resign", "ARM", None),
    ("uk", "Прем'єр-міністр Вірменії Нікол Пашинян пішов у відставку.", "RETREAT", "0831", "resign", "ARM", None),
    ("en", "The United States withdrew its troops from Afghanistan in 2021.", "RETREAT", "0872", "withdraw", "USA", "AFG"),
    # REQUEST / REJECT modes from what is asked or refused
    ("en", "Egypt called for talks between Israel and Hamas.", "REQUEST", "026", "meet", "EGY", "*"),
    ("en", "France demanded the release of prisoners from Iran.", "REQUEST", "1053", "yield", "FRA", "IRN"),
    ("en", "Russia rejected talks with Ukraine.", "REJECT", "125", "meet", "RUS", "UKR"),
    # ACCUSE modes
    ("en", "Estonia accused Russia of jamming GPS signals.", "ACCUSE", "112", "allege", "EST", "RUS"),
    ("en", "The International Criminal Court opened an investigation into Venezuela.", "ACCUSE", "090", "investigate", "ICC", "VEN"),
    # THREATEN with the code of what is threatened
    ("en", "Iran threatened to impose sanctions on Britain.", "THREATEN", "1312", "restrict", "IRN", "GBR"),
    ("en", "Iran could strike Israel with missiles.", "THREATEN", "138", "violence", "IRN", "ISR"),
    # PROTEST modes
    ("ru", "В Минске оппозиционеры объявили голодовку.", "PROTEST", "142", "hunger", "BLR", "BLR"),
    ("en", "Young Algerians blocked roads leading to the city centre of Algiers.", "PROTEST", "144", "obstruct", "DZA", "*"),
    ("uk", "У Тбілісі почався страйк шахтарів.", "PROTEST", "143", "strike", "GEO", "GEO"),
    # MOBILIZE modes
    ("en", "North Korea test-fired an intercontinental ballistic missile.", "MOBILIZE", "150", "weapons", "PRK", "*"),
    ("en", "Israeli troops remained on alert in the West Bank.", "MOBILIZE", "152", "troops", "ISR", "*"),
    # SANCTION modes
    ("en", "Japan halted economic aid to Serbia.", "SANCTION", "162", "discontinue", "JPN", "SRB"),
    ("en", "Latvia expelled Russian diplomats.", "SANCTION", "166", "expel", "LVA", "RUS"),
    ("en", "Mexico broke off diplomatic relations with Ecuador.", "SANCTION", "161", "withdraw", "MEX", "ECU"),
    # COERCE modes
    ("uk", "У Казахстані запровадили комендантську годину.", "COERCE", "1723", "curfew", "KAZ", "KAZ"),
    ("ru", "Россия провела кибератаку на Эстонию.", "COERCE", "176", "cyber", "RUS", "EST"),
    ("en", "Ghanaian authorities have deported 168 Liberians.", "COERCE", "174", "deport", "GHA", "*"),
    ("en", "Iran detained a Swedish citizen.", "COERCE", "173", "arrest", "IRN", "SWE"),
    # ASSAULT modes
    ("en", "Afghan rebels have kidnapped up to 16 Russian civilian advisers.", "ASSAULT", "181", "abduct", "AFG", "RUS"),
    ("ru", "Российские военные пытали пленных украинцев.", "ASSAULT", "1822", "torture", "RUS", "*"),
    ("en", "Israeli tanks shelled positions of the Palestinian security forces.", "ASSAULT", "194", "heavy-weapons", "ISR", "*"),
    ("en", "Israel carried out airstrikes on Lebanon.", "ASSAULT", "195", "aerial", "ISR", "LBN"),
    ("en", "The United States carried out a drone strike on Yemen.", "ASSAULT", "1952", "drone", "USA", "YEM"),
    ("uk", "Російські військові викрали мера Мелітополя.", "ASSAULT", "181", "abduct", "RUS", "*"),
    # types with no PLOVER mode: the code says which kind
    ("en", "India and the United Arab Emirates signed a comprehensive economic partnership agreement.", "SUPPORT", "057", "", "IND", "ARE"),
    ("en", "Denmark delivered F-16 fighter jets to Ukraine.", "AID", "072", "", "DNK", "UKR"),
    ("en", "French and Egyptian warships launched war games in the Mediterranean.", "COOPERATE", "062", "", "*", "*"),
]


@pytest.mark.parametrize("lang,text,etype,code,mode,src,tgt", CASES)
def test_type_mode_and_code(lang, text, etype, code, mode, src, tgt):
    doc = run(lang, text)
    got = [e for e in doc.events if e.event_type == etype and not e.negated
           and (src == "*" or (e.source.code if e.source else None) == src)
           and (tgt == "*" or (e.target.code if e.target else None) == tgt)]
    assert got, [(e.event_type, e.cameo, e.source, e.target) for e in doc.events]
    e = got[0]
    assert e.cameo == code and (e.mode or "") == mode, (e.cameo, e.mode)
    assert cameo.check_event(e) == [] and cameo.check_mode(e.event_type, e.mode) == []


def test_agreement_takes_the_code_of_what_was_agreed():
    doc = run("en", "India and Pakistan agreed to a ceasefire.")
    agree = find(doc, "AGREE", "IND", "PAK")
    assert agree and agree[0].cameo == "0356" and agree[0].rule == "pattern:en.agree+en.ceasefire"
    assert not find(doc, "RETREAT", "IND")  # the ceasefire is what was agreed, not a fact of its own


@pytest.mark.parametrize("lang,text", [
    ("en", "Ukraine said that Russia attacked Kyiv with missiles."),
    ("en", "Russian troops attacked Kyiv with drones overnight, the Ukrainian military said."),
    ("uk", "Україна заявила, що Росія атакувала Київ ракетами."),
    ("uk", "Росія атакувала Київ ракетами, заявили в Міноборони України."),
    ("ru", "Украина заявила, что Россия атаковала Киев ракетами."),
])
def test_reported_speech_codes_the_reported_act_with_its_reporter(lang, text):
    doc = run(lang, text)
    attack = find(doc, "ASSAULT", "RUS", "UKR")
    assert attack and attack[0].reported_by is not None and attack[0].reported_by.code == "UKR"
    assert not find(doc, "ASSAULT", "UKR")  # the reporter did not attack
    assert event_record(doc, attack[0])["reported_by"]["code"] == "UKR"


def test_own_statement_has_no_reporter():
    doc = run("en", "Russia said it attacked Kyiv with missiles.")
    attack = find(doc, "ASSAULT", "RUS", "UKR")
    assert attack and attack[0].reported_by is None


@pytest.mark.parametrize("lang,text", [
    ("en", "Russia did not attack Estonia with missiles."),
    ("ru", "Россия не атаковала Эстонию ракетами."),
    ("uk", "Росія не атакувала Естонію ракетами."),
])
def test_negation_marks_the_event_never_a_positive_one(lang, text):
    doc = run(lang, text)
    assert find(doc, "ASSAULT", "RUS", "EST", negated=True)
    assert not find(doc, "ASSAULT", "RUS", "EST", negated=False)


@pytest.mark.parametrize("lang,text", [
    ("en", "Did Russia attack Ukraine with missiles?"),
    ("uk", "Чи атакувала Росія Україну ракетами?"),
    ("ru", "Атаковала ли Россия Украину ракетами?"),
    ("en", "If Iran attacks Israel with missiles, the United States will respond."),
    ("en", "The weather in Kyiv was sunny."),
    ("uk", "Погода в Києві була сонячною."),
    ("ru", "Погода в Москве была солнечной."),
    ("en", "Exports from Germany declined by two percent."),
])
def test_no_event(lang, text):
    doc = run(lang, text)
    assert [e for e in doc.events if not e.negated] == [], [(e.event_type, e.rule) for e in doc.events]


def test_questions_are_dropped_with_a_reason():
    doc = run("en", "Did Russia attack Ukraine with missiles?")
    assert any(why == "a question: not a fact" for _, why in doc.dropped)


def test_future_act_is_a_promise_with_the_code_of_what_is_promised():
    doc = run("en", "The United States will supply arms to Israel.")
    agree = find(doc, "AGREE", "USA", "ISR")
    assert agree and agree[0].modality == "future" and agree[0].cameo == "0332"


def test_a_sole_actor_acts_without_a_target_but_not_when_another_actor_is_named():
    alone = run("en", "Hizbollah declared a unilateral ceasefire on Wednesday.")
    assert any(e.event_type == "RETREAT" and e.target is None for e in alone.events)
    doc = run("en", "Five hundred Ugandan rebels surrendered last week.")
    assert find(doc, "RETREAT", "UGA", None)
