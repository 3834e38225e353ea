"""Offline language identification for the three languages litopys reads.

Scripts and a handful of letters separate them cleanly in news text: і ї є ґ are
Ukrainian, ы э ъ ё Russian; Latin text is English when English function words make up
a fair share of it. Anything else is reported as unknown, never guessed."""

from __future__ import annotations

import re

UK_ONLY = set("іїєґІЇЄҐ")
RU_ONLY = set("ыэъёЫЭЪЁ")
EN_WORDS = {"the", "of", "and", "to", "in", "a", "is", "on", "that", "for", "with", "was", "said", "by", "as", "it", "at", "from"}
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
        if words and sum(1 for w in words if w in EN_WORDS) / len(words) > 0.08:
            return "en"
    return None
