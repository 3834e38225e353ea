"""Ukrainian articles in the seed's style, written for these tests: signing, visits,
talks, negation, historical dates, inflected names, coreference, relations."""

from __future__ import annotations

from conftest import events, has_event, run

ARTICLE = (
    " date 2024-07-05 Президент Польщі Анджей Дуда, який перебуває з офіційним візитом у Вільнюсі, і президент Литви "
    "Гітанас Науседа підписали 5 липня меморандум про оборонну співпрацю. Підписання відбулося після переговорів "
    "лідерів двох країн.\n\n"
    "У 2004 році сторони підписали угоду про спільні навчання. 1994-го було підписано договір про дружбу.\n\n"
    "До литовської столиці Дуда прибув через тиждень після поїздки до Берліна, де він зустрічався з канцлером "
    "Німеччини Олафом Шольцом.\n\n"
    "Після вторгнення Росії в Україну Угорщина не стала засуджувати агресію сусідньої держави. "
    "Литва не визнає захоплені Росією українські землі частиною РФ."
)


def test_signing_by_coordinated_leaders_across_a_relative_clause():
    doc = run(ARTICLE, "uk", None)
    assert has_event(doc, "SUPPORT", "POL", "LTU", date="2024-07-05")


def test_visit_is_coded_from_the_relative_clause_to_the_capital():
    doc = run(ARTICLE, "uk", None)
    visit = [e for e in doc.events if e.mode == "visit" and e.target and e.target.code == "LTU"]
    assert visit and visit[0].source.code == "POL" and visit[0].location.country == "LTU"


def test_talks_of_the_two_leaders_resolve_to_the_main_pair():
    doc = run(ARTICLE, "uk", None)
    assert has_event(doc, "CONSULT", "POL", "LTU", date="2024-07-05")
    # talks (046) or a meeting (040): PLOVER gives CONSULT no mode for either
    assert any(e.cameo in ("040", "046") and not e.mode and {e.source.code, e.target.code} == {"POL", "LTU"} for e in doc.events)


def test_historical_signings_keep_their_years():
    doc = run(ARTICLE, "uk", None)
    assert has_event(doc, "SUPPORT", "POL", "LTU", date="2004")
    assert has_event(doc, "SUPPORT", "POL", "LTU", date="1994")  # impersonal: the document's main pair


def test_week_before_anchor_and_pronoun():
    doc = run(ARTICLE, "uk", None)
    trip = [e for e in doc.events if e.target and e.target.code == "DEU"]
    assert trip, events(doc)
    assert all(e.date == "2024-06-28" and e.date_precision == "week" for e in trip)
    assert any(e.event_type == "CONSULT" and e.cameo in ("040", "046") and e.source.code == "POL" for e in trip)


def test_negated_condemnation_has_no_date_and_targets_the_aggressor():
    doc = run(ARTICLE, "uk", None)
    assert has_event(doc, "ACCUSE", "HUN", "RUS", date=None, negated=True)
    assert not has_event(doc, "ACCUSE", "HUN", "RUS", negated=False)
    assert has_event(doc, "ASSAULT", "RUS", "UKR", date=None)


def test_non_recognition_is_a_negated_recognition_and_a_relation():
    doc = run(ARTICLE, "uk", None)
    assert has_event(doc, "SUPPORT", "LTU", "RUS", negated=True, date="2024-07-05")
    assert any(r.type == "does_not_recognize" and r.subject.code == "LTU" for r in doc.relations)


def test_membership_list_in_parentheses_and_coordinated_organisations():
    text = (" date 2024-03-01 Вірменія входить до Євразійського економічного союзу (його членами є, окрім Росії та "
            "Вірменії, Казахстан, Білорусь та Киргизстан) та до Співдружності Незалежних Держав.")
    doc = run(text, "uk", None)
    rels = {(r.type, r.subject.code, r.object.code) for r in doc.relations}
    for code in ("ARM", "RUS", "KAZ", "BLR", "KGZ"):
        assert ("member_of", code, "EAEU") in rels
    assert ("member_of", "ARM", "CIS") in rels
    assert ("member_of", "RUS", "CIS") not in rels


def test_relation_level_with_value_and_since():
    text = (" date 2023-05-19 Президент Узбекистану Шавкат Мірзійоєв і президент Казахстану Касим-Жомарт Токаєв "
            "підписали 19 травня декларацію про перехід відносин на рівень союзництва.")
    doc = run(text, "uk", None)
    level = [r for r in doc.relations if r.type == "relation_level"]
    assert level and {level[0].subject.code, level[0].object.code} == {"UZB", "KAZ"}
    assert level[0].value == "союзництва" and level[0].since == "2023-05-19"


def test_inflected_names_resolve_in_every_case():
    text = (" date 2025-11-12 Делегація прибула до Казахстану. Переговори в Москві почалися. "
            "Прем’єр зустрівся з Токаєвим, а потім із Дональдом Трампом.")
    doc = run(text, "uk")
    codes = [(m.text, m.actor.code) for m in doc.mentions]
    assert ("Казахстану", "KAZ") in codes and ("Москві", "RUS") in codes
    assert ("Токаєвим", "KAZ") in codes and ("Дональдом Трампом", "USA") in codes


def test_person_is_coded_by_the_office_held_on_the_document_date():
    old = run(" date 2016-05-01 Байден заявив про підтримку України.", "uk", None)
    new = run(" date 2023-05-01 Байден заявив про підтримку України.", "uk", None)
    role_old = next(m.actor for m in old.mentions if m.text == "Байден")
    role_new = next(m.actor for m in new.mentions if m.text == "Байден")
    assert role_old.code == role_new.code == "USA"
    assert role_old.role == "vice president" and role_new.role == "president"


def test_sentence_without_events_gives_none():
    doc = run(" date 2025-01-10 Погода в Києві була холодною, а ціни на хліб не змінилися.", "uk", None)
    assert doc.events == []


def test_evidence_offsets_point_into_the_whole_file():
    doc = run(ARTICLE, "uk", None)
    assert doc.events and doc.relations
    for item in list(doc.events) + list(doc.relations):
        ev = item.evidence
        assert doc.text[ev.start:ev.end] == ev.text
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text


def test_refusal_negates_the_signing_of_a_treaty_and_targets_its_other_party():
    text = (" date 2022-06-24 У листопаді 2013 року тодішній президент Віктор Янукович відмовився підписати "
            "Угоду про асоціацію з ЄС.")
    doc = run(text, "uk", None)
    assert has_event(doc, "SUPPORT", "UKR", "EU", date="2013-11", negated=True)
    assert not any(e.event_type == "REJECT" for e in doc.events)  # the refusal became the negation


def test_gapping_repeats_the_event_with_the_new_subject_and_date():
    text = (" date 2022-06-24 Угоду про асоціацію з ЄС підписали частинами. Політичну частину угоди у березні 2014 "
            "року підписав прем’єр-міністр Арсеній Яценюк, економічну – у червні того ж року президент Петро Порошенко.")
    doc = run(text, "uk", None)
    assert has_event(doc, "SUPPORT", "UKR", "EU", date="2014-03")
    assert has_event(doc, "SUPPORT", "UKR", "EU", date="2014-06")


def test_application_goes_to_the_organisation_of_the_story_and_invasion_to_its_state():
    text = (" date 2022-06-24 Лідери ЄС надали Молдові статус кандидата. Молдова подала заявку на вступ 3 березня, "
            "через тиждень після початку вторгнення Росії.")
    doc = run(text, "uk", None)
    assert has_event(doc, "REQUEST", "MDA", "EU", date="2022-03-03")
    assert has_event(doc, "ASSAULT", "RUS", "MDA", date="2022-02-24")


def test_an_association_is_the_grouping_the_story_is_about():
    text = (" date 2024-10-25 Саміт БРІКС завершився в Казані. Міжнародний кримінальний суд видав ордер. "
            "Розширення обʼєднання триває: торік до Бразилії та Індії приєдналися Єгипет та Ефіопія.")
    doc = run(text, "uk", None)
    rels = {(r.subject.code, r.object.code) for r in doc.relations if r.type == "member_of"}
    assert {("BRA", "BRICS"), ("IND", "BRICS"), ("EGY", "BRICS"), ("ETH", "BRICS")} <= rels
    assert not any(obj == "ICC" for _, obj in rels)


def test_eve_of_an_event_is_not_the_eve_of_publication():
    doc = run(" date 2019-12-10 У неділю, напередодні саміту, тисячі людей протестували в Києві.", "uk", None)
    assert [(t.value, t.precision) for t in doc.timexes] == [("2019-12-08", "day")]
    assert has_event(doc, "PROTEST", "UKR", "UKR", date="2019-12-08")


def test_a_visit_to_a_city_from_the_gazetteer():
    doc = run(" date 2024-10-25 Президент Бразилії до Казані не приїхав.", "uk", None)
    e = [x for x in doc.events if x.event_type == "CONSULT"]
    assert e and e[0].negated and e[0].target.code == "RUS" and e[0].location.name == "Kazan"
    assert e[0].location.lat and abs(e[0].location.lat - 55.79) < 0.1
