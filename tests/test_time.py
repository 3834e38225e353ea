"""Time expressions resolved against the publication date, with precision."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import run


@pytest.mark.parametrize("text,value,precision", [
    ("Угоду підписали 12 листопада.", "2025-11-12", "day"),
    ("Угоду підписали 28 лютого.", "2025-02-28", "day"),
    ("Угоду підписали 6 серпня 1945 року.", "1945-08-06", "day"),
    ("Угоду підписали у 1998 році.", "1998", "year"),
    ("Угоду 1992-го підписали.", "1992", "year"),
    ("Угоду підписали у березні 2014 року.", "2014-03", "month"),
    ("Угоду підписали у вересні.", "2025-09", "month"),
    ("Угоду підписали у четвер.", "2025-11-06", "day"),
    ("Угоду підписали напередодні.", "2025-11-11", "day"),
    ("Угоду підписали торік.", "2024", "year"),
])
def test_uk_expressions(text, value, precision):
    doc = run(" date 2025-11-12 " + text, "uk", None)
    assert [(t.value, t.precision) for t in doc.timexes] == [(value, precision)]


def test_same_year_anaphora():
    doc = run(" date 2022-06-24 У березні 2014 року підписали одну частину, а у червні того ж року – другу.", "uk", None)
    assert [t.value for t in doc.timexes] == ["2014-03", "2014-06"]


def test_relative_shift_dates_the_earlier_event():
    doc = run(" date 2025-11-12 Президент Казахстану прибув до Москви через тиждень після поїздки до Вашингтона.", "uk", None)
    dates = {e.target.code: (e.date, e.date_precision) for e in doc.events}
    assert dates["USA"] == ("2025-11-05", "week")
    assert dates["RUS"] == ("2025-11-12", "day")


def test_invalid_day_is_not_a_date():
    doc = run(" date 2025-11-12 Угоду підписали 31 лютого.", "uk", None)
    assert all(t.value != "2025-02-31" for t in doc.timexes)


@pytest.mark.parametrize("lang,text,value,precision", [
    ("ru", "Соглашение подписали 12 ноября.", "2025-11-12", "day"),
    ("ru", "Соглашение подписали в 1998 году.", "1998", "year"),
    ("ru", "Соглашение подписали в прошлую пятницу.", "2025-11-07", "day"),
    ("ru", "Соглашение подписали накануне.", "2025-11-13", "day"),
    ("ru", "Соглашение подписали в марте 2014 года.", "2014-03", "month"),
    ("en", "The deal was signed last Tuesday.", "2025-11-11", "day"),
    ("en", "The deal was signed on Nov. 12.", "2025-11-12", "day"),
    ("en", "The deal was signed on Aug. 6, 1945.", "1945-08-06", "day"),
    ("en", "Ties worsened in the 1990s.", "1990", "decade"),
    ("en", "The deal was signed last year.", "2024", "year"),
    ("en", "The deal was signed in February 2015.", "2015-02", "month"),
])
def test_ru_en_expressions(lang, text, value, precision):
    doc = run(" date 2025-11-14 " + text, lang, None)
    assert [(t.value, t.precision) for t in doc.timexes] == [(value, precision)]


def test_en_earlier_shifts_the_anchor():
    doc = run(" date 2023-05-21 Two days earlier, Biden met Zelenskyy.", "en", None)
    assert [(e.date, e.date_precision) for e in doc.events] == [("2023-05-19", "day")]


@pytest.mark.parametrize("lang,text,expr,modifier", [
    ("en", "Sanctions followed interference in the 2020 election.", "2020", True),
    ("en", "Russia's 2014 annexation of Crimea was condemned.", "2014", True),
    ("en", "The Sept. 11 attacks changed the alliance.", "Sept. 11", True),
    ("en", "Biden won in 2020 and took office.", "2020", False),
    ("en", "The deal was signed on Aug. 6, 1945.", "Aug. 6, 1945", False),
    ("uk", "Вибори 2019 року виграв Зеленський.", "2019 року", True),
    ("uk", "Анексія Криму 2014 року стала порушенням.", "2014 року", True),
    ("uk", "На початку 2019 року Росія напала.", "2019 року", False),
    ("uk", "У 2019 році Росія напала.", "2019 році", False),
    ("ru", "Выборы 2018 года прошли спокойно.", "2018 года", True),
    ("ru", "Россия и Китай провели учения «Морское взаимодействие – 2014» в Шанхае.", "2014", True),
    ("ru", "В 2014 году Россия и Китай провели учения.", "2014 году", False),
])
def test_modifier_years_are_flagged(lang, text, expr, modifier):
    """A date that belongs to a noun or a quoted name (`the 2020 election`) is flagged
    `:modifier`, so event dating can leave the sentence's other events alone."""
    doc = run(" date 2021-06-16 " + text, lang, None)
    [t] = [t for t in doc.timexes if t.text == expr]
    assert t.rule.endswith(":modifier") is modifier


@pytest.mark.parametrize("lang,text", [
    ("uk", "Угоду підписали минулого тижня."),
    ("ru", "Соглашение подписали на прошлой неделе."),
    ("en", "The deal was signed last week."),
])
def test_last_week_has_week_precision(lang, text):
    doc = run(" date 2021-06-16 " + text, lang, None)
    assert [(t.value, t.precision) for t in doc.timexes] == [("2021-06-09", "week")]


@pytest.mark.parametrize("lang,words,text", [
    ("uk", ["наступного", "тижня"], "Лідери зустрінуться наступного тижня."),
    ("ru", ["следующий", "неделя"], "Тиллерсон посетит Москву на следующей неделе."),
    ("en", ["next", "week"], "Tillerson will visit Moscow next week."),
])
def test_next_week_phrase_counts_forward(lang, words, text):
    """`next week` is data (`time.relative_phrases` with offset 1): the finder dates it a
    week after publication at week precision."""
    from litopys.events.patterns import compile_patterns
    from litopys.io.reader import from_text
    from litopys.lang.base import analyse_document, get_language
    from litopys.lexicon.load import load_lexicon
    from litopys.time.expressions import TimeFinder

    lang_mod = get_language(lang)
    data = dict(load_lexicon().patterns[lang])
    data["time"] = dict(data["time"], relative_phrases=[{"words": words, "unit": "week", "offset": 1}])
    finder = TimeFinder(compile_patterns(data, lang_mod).time)
    doc = finder(analyse_document(from_text(text, f"t.{lang}.txt", date(2017, 4, 7), lang), lang_mod))
    assert [(t.value, t.precision) for t in doc.timexes] == [("2017-04-14", "week")]
