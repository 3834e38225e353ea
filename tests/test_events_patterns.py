"""The pattern loader: context words (`with_any`, `without`) written as several words
match only as a phrase of adjacent words, never by one of their parts."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from litopys.events.patterns import compile_patterns
from litopys.io.reader import from_text
from litopys.lang.base import analyse_document, get_language
from litopys.pipeline import extract

PATTERNS = {
    "lang": "en", "grammar": {}, "relations": [], "time": {},
    "events": [{"id": "t.send", "triggers": ["send"], "with_any": ["air defence", "tank"],
                "without": ["prisoners of war"], "type": "AID", "cameo": "072"}],
}


@cache
def compiled():
    return compile_patterns(PATTERNS, get_language("en"))


def tokens(text: str):
    doc = analyse_document(from_text(" date 2024-05-10 " + text, "t.en.txt", date(2024, 5, 10), "en"), get_language("en"))
    return doc.sentences[0].tokens


@pytest.mark.parametrize("text, found", [
    ("They will send air defence systems.", True),
    ("They sent more air defences.", True),          # the phrase matches by lemma
    ("They will send tanks.", True),                 # single words still match
    ("They will send an air ambulance.", False),     # "air" alone is not "air defence"
    ("The defence of the air base was sent in.", False),  # both words, not adjacent
])
def test_multi_word_with_any_matches_only_as_a_phrase(text, found):
    with_any = compiled().events[0].with_any
    assert with_any.found(tokens(text)) is found


def test_multi_word_without_excludes_only_the_phrase():
    without = compiled().events[0].without
    assert without.found(tokens("Russia freed prisoners of war."))
    assert not without.found(tokens("The war prisoners were freed."))
    assert not without.found(tokens("Prisoners were sent to the war zone."))


@cache
def run(lang: str, text: str):
    return extract(from_text(" date 2024-05-10 " + text, f"t.{lang}.txt", date(2024, 5, 10), lang))


@pytest.mark.parametrize("text, expected", [
    ("Germany delivered air defence systems to Ukraine.", True),
    ("Germany delivered air tickets to Ukraine.", False),
])
def test_en_delivery_of_air_defence_is_aid_but_not_of_anything_airborne(text, expected):
    doc = run("en", text)
    aid = [e for e in doc.events if e.event_type == "AID" and e.rule == "pattern:en.aid.deliver"]
    assert bool(aid) is expected
