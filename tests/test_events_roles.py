"""Who acts on whom in constructions that turn the roles round: a verb of receiving
(the receiver is the target, the giver the source) and a response to an act named by a
noun (its target is the one who did or offered that act); with negative cases."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from litopys.io.reader import from_text
from litopys.model import Document
from litopys.pipeline import extract


@cache
def run(lang: str, text: str) -> Document:
    return extract(from_text(" date 2024-05-10 " + text, f"t.{lang}.txt", date(2024, 5, 10), lang))


def pairs(doc: Document, etype: str, negated: bool = False) -> set[tuple[str | None, str | None]]:
    return {(e.source.code if e.source else None, e.target.code if e.target else None)
            for e in doc.events if e.event_type == etype and e.negated == negated}


@pytest.mark.parametrize("lang, text, etype, pair", [
    ("uk", "Україна отримала гуманітарну допомогу від Японії.", "AID", ("JPN", "UKR")),
    ("ru", "Украина получила гуманитарную помощь от Японии.", "AID", ("JPN", "UKR")),
    ("en", "Ukraine received military aid from Germany.", "AID", ("DEU", "UKR")),
    ("uk", "Молдова отримала статус кандидата від Європейського Союзу.", "SUPPORT", ("EU", "MDA")),
    ("ru", "Молдавия получила статус кандидата от Европейского союза.", "SUPPORT", ("EU", "MDA")),
    ("en", "Moldova received candidate status from the European Union.", "SUPPORT", ("EU", "MDA")),
])
def test_the_receiver_is_the_target_and_the_giver_the_source(lang, text, etype, pair):
    found = pairs(run(lang, text), etype)
    assert pair in found and pair[::-1] not in found


@pytest.mark.parametrize("lang, text", [
    ("uk", "Євросоюз надав Україні статус кандидата. Грузія статусу кандидата не отримала."),
    ("ru", "Евросоюз предоставил Украине статус кандидата. Грузия статуса кандидата не получила."),
    ("en", "The European Union granted Ukraine candidate status. Georgia did not receive candidate status."),
])
def test_not_receiving_what_another_was_given_is_the_givers_negated_act(lang, text):
    doc = run(lang, text)
    assert ("EU", "GEO") in pairs(doc, "SUPPORT", negated=True)
    assert ("EU", "GEO") not in pairs(doc, "SUPPORT")


@pytest.mark.parametrize("lang, text", [
    ("uk", "Україна отримала статус кандидата."),   # nobody gave it before: no giver, no event
    ("en", "Ukraine received candidate status."),
])
def test_a_receiver_with_no_giver_gives_no_event(lang, text):
    assert not [e for e in run(lang, text).events if e.event_type == "SUPPORT"]


@pytest.mark.parametrize("lang, text", [
    ("uk", "Генсек ООН Антоніу Гутерреш хотів приїхати в Україну, але Зеленський цей візит не погодив."),
    ("ru", "Генсек ООН Антониу Гутерриш хотел приехать в Украину, но Зеленский этот визит не согласовал."),
])
def test_a_response_to_an_act_named_by_a_noun_targets_its_actor(lang, text):
    assert ("UKR", "UN") in pairs(run(lang, text), "AGREE", negated=True)


def test_a_response_with_no_earlier_act_of_that_kind_has_no_target_from_it():
    doc = run("uk", "Зеленський цей візит не погодив.")
    assert not [e for e in doc.events if e.event_type == "AGREE" and e.target is not None]


@pytest.mark.parametrize("lang, text", [
    ("en", "Germany said Russia must withdraw its troops."),
    ("ru", "Германия заявила, что Россия должна вывести свои войска."),
    ("uk", "Німеччина заявила, що Росія повинна вивести свої війська."),
])
def test_what_a_speaker_says_another_must_do_is_the_speakers_demand(lang, text):
    doc = run(lang, text)
    assert ("DEU", "RUS") in pairs(doc, "REQUEST")
    assert not pairs(doc, "RETREAT")  # the withdrawal is asked for, not done


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia must withdraw its troops."),              # the writer's view: nobody demands it
    ("en", "Germany said it must increase defence spending."),  # one's own duty
    ("ru", "Россия должна вывести свои войска."),
    ("uk", "Німеччина заявила, що повинна збільшити витрати на оборону."),
])
def test_an_obligation_no_one_demands_of_another_is_no_request(lang, text):
    assert not pairs(run(lang, text), "REQUEST")


@pytest.mark.parametrize("lang, text", [
    ("en", 'Mattis warned Pyongyang against actions "that would lead to the destruction of its people."'),
    ("en", "The talks could lead to an attack on Iran by Israel."),
])
def test_a_noun_event_in_a_clause_under_a_modal_is_no_fact(lang, text):
    doc = run(lang, text)
    assert not [e for e in doc.events if e.event_type in ("COERCE", "ASSAULT")]


@pytest.mark.parametrize("lang, text", [
    ("en", "The European Union will impose sanctions on Russia."),
    ("ru", "Евросоюз может ввести санкции против России."),
    ("uk", "Євросоюз може запровадити санкції проти Росії."),
])
def test_a_noun_governed_by_a_future_verb_is_a_threat_not_a_fact(lang, text):
    doc = run(lang, text)
    assert ("EU", "RUS") in pairs(doc, "THREATEN") and not pairs(doc, "SANCTION")


@pytest.mark.parametrize("lang, text", [
    ("uk", "Зеленський і Путін зустрілися в Парижі. Попередній саміт «нормандської четвірки» відбувся в жовтні 2016 року в Берліні."),
    ("ru", "Зеленский и Путин встретились в Париже. Предыдущий саммит «нормандской четверки» состоялся в октябре 2016 года в Берлине."),
    ("en", "Zelenskiy and Putin met in Paris. The previous Normandy Four summit was held in Berlin in October 2016."),
])
def test_a_summit_of_a_group_is_a_meeting_of_the_storys_pair_of_members(lang, text):
    doc = run(lang, text)
    assert [e for e in doc.events if e.event_type == "CONSULT" and e.date == "2016-10"
            and {e.source.code, e.target.code} == {"UKR", "RUS"}]


@pytest.mark.parametrize("lang, text", [
    ("ru", "Индия и Пакистан вступили в ШОС в 2017 году на саммите, который также проходил в Астане."),
    ("uk", "Путін провів переговори з Гутеррешем. Перший саміт БРІК відбувся 2009 року в Єкатеринбурзі."),
])
def test_a_summit_of_no_group_whose_members_the_story_is_about_is_not_coded(lang, text):
    doc = run(lang, text)
    assert not [e for e in doc.events if e.rule.endswith(".summit")]


@pytest.mark.parametrize("lang, text", [
    ("ru", "В четверг в Казахстан начали прибывать российские десантники – основа миротворческих сил ОДКБ."),
    ("uk", "У четвер до Казахстану почали прибувати російські десантники – основа миротворчих сил ОДКБ."),
])
def test_peacekeepers_of_an_organisation_in_an_apposition_aid_the_destination(lang, text):
    assert ("CSTO", "KAZ") in pairs(run(lang, text), "AID")


@pytest.mark.parametrize("lang, text", [
    ("ru", "Однако пресс-секретарь Кремля Дмитрий Песков на вопрос, может ли Эрдоган стать посредником, ответил: «Нет, невозможно»."),
    ("uk", "Проте речник Кремля Дмитро Пєсков на запитання, чи може Ердоган стати посередником, відповів: «Ні, неможливо»."),
])
def test_answering_no_to_an_offer_asked_about_rejects_the_one_who_offered(lang, text):
    assert ("RUS", "TUR") in pairs(run(lang, text), "REJECT")


@pytest.mark.parametrize("lang, text", [
    ("ru", "Пресс-секретарь Кремля Дмитрий Песков ответил, что Россия готова к переговорам."),
    ("uk", "Речник Кремля Дмитро Пєсков відповів, що Росія готова до переговорів."),
])
def test_a_reply_without_no_is_no_rejection(lang, text):
    assert not pairs(run(lang, text), "REJECT")


@pytest.mark.parametrize("lang, text", [
    ("uk", "Гутерреш повторив Путіну свою позицію: російське вторгнення в Україну порушило Статут ООН."),
    ("ru", "Гутерриш повторил Путину свою позицию: российское вторжение в Украину нарушило Устав ООН."),
    ("en", "Guterres said that Russia's invasion of Ukraine violated the UN Charter."),
])
def test_a_third_party_stating_that_one_side_attacked_another_accuses_it(lang, text):
    doc = run(lang, text)
    assert ("UN", "RUS") in pairs(doc, "ACCUSE")
    assert ("RUS", "UKR") in pairs(doc, "ASSAULT")


@pytest.mark.parametrize("lang, text", [
    ("en", "Ukraine said Russian troops attacked Kharkiv with missiles."),        # the victim's own report
    ("uk", "Україна заявила, що російські війська атакували Харків ракетами."),
])
def test_the_victims_report_of_an_attack_is_no_accusation(lang, text):
    assert not pairs(run(lang, text), "ACCUSE")


@pytest.mark.parametrize("lang, text", [
    ("en", "Zelenskiy told reporters Kyiv wanted to regain control of its border with Russia, a demand Moscow did not accept."),
    ("uk", "Зеленський сказав, що Київ хоче відновити контроль над кордоном, вимога, яку Москва не прийняла."),
    ("ru", "Зеленский сказал, что Киев хочет восстановить контроль над границей, требование, которое Москва не приняла."),
])
def test_a_speech_act_noun_after_a_comma_names_the_act_of_the_clause_before(lang, text):
    assert ("UKR", "RUS") in pairs(run(lang, text), "REQUEST")


@pytest.mark.parametrize("lang, text", [
    # a list of things after a comma, not a noun naming the clause's act
    ("en", "Zelenskyy left the summit with a new U.S. weapons package, fresh Western sanctions against Russia and a meeting with Modi."),
])
def test_a_listed_noun_after_a_comma_does_not_take_the_clause_subject(lang, text):
    assert ("UKR", "RUS") not in pairs(run(lang, text), "SANCTION")
