"""Russian and English articles written for these tests: the same phenomena as the
Ukrainian ones (signing, visits, negation, passive, reported dates, inflected names,
references), read natively in each language."""

from __future__ import annotations

from conftest import has_event, run

RU = (" date 2023-10-13 Президент России Владимир Путин, который находится с визитом в Бишкеке, и президент Киргизии "
      "Садыр Жапаров подписали 12 октября декларацию о дальнейшем углублении союзничества. Накануне стороны провели "
      "переговоры.\n\nВ 2010 году временные власти Киргизии просили Москву ввести миротворцев, но Россия отказалась.\n\n"
      "Казахстан не стал осуждать вторжение России в Украину. Евросоюз ввел санкции против Белоруссии в пятницу.")


def test_ru_signing_by_leaders_and_visit_to_the_capital():
    doc = run(RU, "ru", None)
    assert has_event(doc, "SUPPORT", "RUS", "KGZ", date="2023-10-12")
    assert any(e.mode == "visit" and e.source.code == "RUS" and e.target.code == "KGZ" for e in doc.events)


def test_ru_talks_on_the_eve_by_the_sides():
    doc = run(RU, "ru", None)
    assert has_event(doc, "CONSULT", "RUS", "KGZ", date="2023-10-12")


def test_ru_refusal_targets_who_asked():
    doc = run(RU, "ru", None)
    assert has_event(doc, "REQUEST", "KGZ", "RUS", date="2010")
    assert has_event(doc, "REJECT", "RUS", "KGZ", date="2010")


def test_ru_negated_condemnation_and_sanctions_with_weekday():
    doc = run(RU, "ru", None)
    assert has_event(doc, "ACCUSE", "KAZ", "RUS", negated=True)
    assert not has_event(doc, "ACCUSE", "KAZ", "RUS", negated=False)
    assert has_event(doc, "SANCTION", "EU", "BLR", date="2023-10-13")


def test_ru_inflected_names():
    doc = run(" date 2024-07-04 Путин встретился с Реджепом Тайипом Эрдоганом и Си Цзиньпином в Астане.", "ru", None)
    codes = {(m.text, m.actor.code) for m in doc.mentions}
    assert ("Реджепом Тайипом Эрдоганом", "TUR") in codes and ("Астане", "KAZ") in codes
    assert has_event(doc, "CONSULT", "RUS", "TUR", date="2024-07-04")


EN = (" date 2017-08-09 North Korea said on Wednesday it was examining a plan to strike the United States, hours after President "
      "Donald Trump warned Pyongyang. The U.N. Security Council on Saturday imposed new sanctions on North Korea.\n\n"
      "Brazil's president did not meet Zelenskiy. The treaty was signed by Russia and Ukraine in 1997.")


def test_en_threats_and_dates_from_weekdays():
    doc = run(EN, "en", None)
    assert has_event(doc, "THREATEN", "USA", "PRK", date="2017-08-09")
    assert has_event(doc, "THREATEN", "PRK", "USA", date="2017-08-09")  # "it" is North Korea


def test_en_sanctions_by_a_body_of_the_un():
    doc = run(EN, "en", None)
    assert has_event(doc, "SANCTION", "UN", "PRK", date="2017-08-05")


def test_en_negation_with_a_contraction_free_auxiliary():
    doc = run(EN, "en", None)
    assert has_event(doc, "CONSULT", "BRA", "UKR", negated=True)
    assert not has_event(doc, "CONSULT", "BRA", "UKR", negated=False)


def test_en_passive_agent_is_the_source():
    doc = run(EN, "en", None)
    assert has_event(doc, "SUPPORT", "RUS", "UKR", date="1997")


def test_en_future_commitment_is_agree():
    doc = run(" date 2023-05-21 Washington would support a joint effort to train Ukrainian pilots.", "en", None)
    e = [x for x in doc.events if x.source and x.source.code == "USA"]
    assert e and e[0].event_type == "AGREE" and e[0].modality == "future" and e[0].target.code == "UKR"


def test_en_conditions_and_nouns_without_actors_are_not_events():
    doc = run(" date 2017-08-09 Trump said North Korea would face fire if it kept threatening the United States, "
              "a day of talks and fresh sanctions against Russia.", "en", None)
    assert not has_event(doc, "THREATEN", "PRK", "USA")
    assert not any(e.event_type == "SANCTION" for e in doc.events)


def test_en_a_lone_actor_agreeing_is_coded_without_a_target():
    doc = run(" date 2000-01-01 Ethiopia has agreed to re-open its borders.", "en", None)
    assert [(e.event_type, e.source.code, e.target) for e in doc.events] == [("AGREE", "ETH", None)]


def test_en_two_actors_and_no_target_found_is_no_event():
    doc = run(" date 2000-01-01 Ethiopia said Kenya's plan was agreed.", "en", None)
    assert not any(e.event_type == "AGREE" and e.target is None for e in doc.events)


def test_en_sanctions_without_a_named_target_go_to_the_state_of_the_story():
    doc = run(" date 2017-08-09 North Korea tested two missiles. North Korea threatened Guam. The exchange followed a vote "
              "by the U.N. Security Council on Saturday to impose new sanctions over its ballistic missile tests in July.", "en", None)
    assert has_event(doc, "SANCTION", "UN", "PRK", date="2017-08-05")
