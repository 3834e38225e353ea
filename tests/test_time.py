"""Time expressions resolved against the publication date, with precision."""

from __future__ import annotations

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
