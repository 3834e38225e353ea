"""Dating events with no time expression of their own: they take the date of the episode
they continue (the same pair, else the same source, and no other place), never the last
weekday named in a previous sentence about something else; reactions with no episode of
their own are the news of the day (the lead's date, else the publication date)."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from litopys.io.reader import from_text
from litopys.model import Document
from litopys.pipeline import extract

PUB = "2024-05-10"  # a Friday; Tuesday is 05-07, Monday 05-06, Thursday 05-09


@cache
def run(lang: str, text: str) -> Document:
    return extract(from_text(f" date {PUB} " + text, f"t.{lang}.txt", date(2024, 5, 10), lang))


def dates(doc: Document, etype: str, src: str, tgt: str | None = "*") -> set[str | None]:
    return {e.date for e in doc.events if e.event_type == etype and e.source and e.source.code == src
            and (tgt == "*" or (e.target.code if e.target else None) == tgt)}


@pytest.mark.parametrize("lang, text, etype, src, tgt, expected", [
    # a reaction by another actor is not dated by the weekday of the act it reacts to
    ("en", "Russia struck Ukraine with missiles on Tuesday. Germany condemned the strike.", "ACCUSE", "DEU", "*", PUB),
    ("ru", "США во вторник нанесли ракетный удар по Сирии. Кремль осудил удар.", "ACCUSE", "RUS", "*", PUB),
    ("uk", "Росія у вівторок завдала ракетного удару по Україні. Німеччина засудила удар.", "ACCUSE", "DEU", "*", PUB),
    # the same actor going on: the episode's date (negative cases for the rule above)
    ("en", "Russia struck Ukraine with missiles on Tuesday. Russia also hit Kharkiv with drones.", "ASSAULT", "RUS", "*", "2024-05-07"),
    ("ru", "США во вторник нанесли ракетный удар по Сирии. США также нанесли удар по Ираку.", "ASSAULT", "USA", "IRQ", "2024-05-07"),
    ("uk", "Росія у вівторок завдала ракетного удару по Україні. Росія також обстріляла Харків ракетами.", "ASSAULT", "RUS", "*", "2024-05-07"),
])
def test_an_undated_sentence_continues_only_its_own_episode(lang, text, etype, src, tgt, expected):
    assert dates(run(lang, text), etype, src, tgt) == {expected}


@pytest.mark.parametrize("lang, text", [
    ("uk", "Прем'єр-міністр Індії Нарендра Моді в п'ятницю прибув із візитом до Києва.\n\n"
           "Напередодні у Варшаві він провів переговори з прем'єр-міністром Польщі Дональдом Туском.\n\n"
           "У Києві Моді зустрівся з президентом України Володимиром Зеленським."),
    ("ru", "Премьер-министр Индии Нарендра Моди в пятницу прибыл с визитом в Киев.\n\n"
           "Накануне в Варшаве он провел переговоры с премьер-министром Польши Дональдом Туском.\n\n"
           "В Киеве Моди встретился с президентом Украины Владимиром Зеленским."),
    ("en", "Indian Prime Minister Narendra Modi arrived in Kyiv on Friday.\n\n"
           "On Thursday in Warsaw he held talks with Polish Prime Minister Donald Tusk.\n\n"
           "In Kyiv Modi met Ukrainian President Volodymyr Zelenskyy."),
])
def test_the_day_before_elsewhere_does_not_date_the_visit(lang, text):
    doc = run(lang, text)
    assert dates(doc, "CONSULT", "IND", "POL") == {"2024-05-09"}
    assert dates(doc, "CONSULT", "IND", "UKR") == {PUB}


def test_a_weekday_in_a_relative_clause_does_not_date_the_next_sentence():
    doc = run("en", "The European Union imposed sanctions on Iran on Thursday, a week after Iranian forces attacked "
                    "Israel with drones on Monday.\n\nThe bloc also closed the borders of its members with Iran.")
    froze = [e for e in doc.events if e.evidence.sentence == 1]
    assert froze and all(e.date != "2024-05-06" for e in froze)


@pytest.mark.parametrize("lang, text, src", [
    ("en", "Britain and France signed a defence pact on Monday.\n\nThe Russian invasion of Ukraine changed Europe.", "RUS"),
    ("uk", "Британія та Франція у понеділок підписали оборонний договір.\n\nРосійське вторгнення в Україну забрало тисячі життів.", "RUS"),
])
def test_a_conflict_outside_the_episodes_of_the_story_is_not_dated_by_them(lang, text, src):
    assert "2024-05-06" not in dates(run(lang, text), "ASSAULT", src)


def test_a_year_that_modifies_a_noun_does_not_date_the_other_events():
    doc = run("en", "The ambassador left Moscow in April after the United States imposed sanctions "
                    "over interference in the 2020 election.")
    sanctions = [e for e in doc.events if e.event_type == "SANCTION"]
    assert sanctions and all(e.date != "2020" for e in sanctions)


@pytest.mark.parametrize("text,lang", [
    ("Тиллерсон посетит Москву на следующей неделе.", "ru"),
    ("Міністр відвідає Варшаву наступного тижня.", "uk"),
    ("The minister will visit Warsaw next week.", "en"),
])
def test_next_week_is_a_week_after_publication(text, lang):
    doc = run(lang, text)
    weeks = [t for t in doc.timexes if t.precision == "week"]
    assert weeks and weeks[0].value == "2024-05-17", [(t.text, t.value) for t in doc.timexes]
