"""Offline language identification for the three languages litopys reads.

Scripts and a handful of letters separate them cleanly in news text: і ї є ґ are
Ukrainian, ы э ъ ё Russian; Latin text is English when English function words make up
a fair share of it. Anything else is reported as unknown, never guessed."""

from __future__ import annotations

import re

UK_ONLY = set("іїєґІЇЄҐ")
RU_ONLY = set("ыэъёЫЭЪЁ")
EN_WORDS = {"the", "of", "and", "to", "in", "is", "on", "that", "for", "with", "was", "said", "by", "it", "at", "from", "has", "were"}
# frequent words of other Latin-script languages: a text richer in these is not English
OTHER_WORDS = {"le", "la", "les", "des", "du", "et", "est", "une", "der", "die", "und", "das", "den", "el", "los", "las",
               "que", "de", "il", "di", "che", "och", "het", "een", "en", "z", "w", "na", "ve", "ir", "ja", "ist", "sur", "avec"}
WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    sample = text[:5000]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 3:
        return None
    cyr = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in letters if ch.isascii())
    if cyr / len(letters) > 0.5:
        uk = sum(1 for ch in letters if ch in UK_ONLY)
        ru = sum(1 for ch in letters if ch in RU_ONLY)
        if uk > ru:
            return "uk"
        if ru > uk:
            return "ru"
        return "ru" if cyr > 40 else None
    if latin / len(letters) > 0.8:
        words = WORD.findall(sample.lower())
        en = sum(1 for w in words if w in EN_WORDS)
        other = sum(1 for w in words if w in OTHER_WORDS)
        if words and en / len(words) > 0.08 and en > other:
            return "en"
    return None
