"""English: a rule-based sentence splitter aware of news abbreviations; simplemma lemmas.

English has no case endings, so `cases` stays empty and the stages read word order and
prepositions instead."""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from litopys.lang.base import Analysis, normalise, regex_word_spans

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sen", "rep", "gov", "st", "no",
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "jr", "sr",
    "vs", "etc", "inc", "co", "corp", "ltd", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m",
}
INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
SENT_END = re.compile(r"[.!?…]+[\"”’»)]*(?=\s+[\"“‘«(]?[A-Z0-9])|\n")

PREPOSITIONS = {
    "in", "on", "at", "with", "to", "from", "by", "of", "for", "into", "onto", "against",
    "over", "about", "after", "before", "since", "until", "during", "between", "among",
    "across", "toward", "towards", "upon", "via", "within", "without", "under", "through",
}
CONJUNCTIONS = {"and", "or", "but", "nor", "while", "whereas", "although", "though", "as"}
PRONOUNS = {
    "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "who", "which",
    "that", "we", "i", "you", "our", "us",
}
PARTICLES = {"not", "n't", "never", "no"}
IRREGULAR_PAST = {
    "met", "said", "told", "held", "made", "took", "gave", "went", "came", "sent", "led",
    "won", "lost", "sought", "brought", "began", "fought", "struck", "left", "kept", "spoke",
    "broke", "threw", "wrote", "withdrew", "stood", "put", "set", "cut", "hit", "shot", "flew",
    "was", "were", "had", "did", "saw", "got", "bought", "paid", "read", "ran", "drew",
    "froze", "chose", "swore", "undertook", "overtook", "upheld", "forbade", "seized",
}
PRESENT = {"is", "are", "has", "have", "does", "do", "says", "remains"}
NOUN_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ship", "ism", "ity", "ery")
EVENT_NOUNS = {"talks", "war", "aid", "sanctions", "summit", "treaty", "deal", "truce", "ceasefire", "veto", "protests",
               "rally", "threat", "threats", "strike", "strikes", "airstrike", "airstrikes", "visit", "trip", "attack",
               "attacks", "invasion", "meeting", "call", "appeal", "demand", "criticism", "support", "offer", "exchange"}
MODALS = {"will", "would", "can", "could", "may", "might", "shall", "should", "must", "to", "n't", "not", "did", "does"}
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "new", "first"}


@lru_cache(maxsize=200_000)
def _analyse(word: str) -> Analysis:
    norm = normalise(word)
    if not any(ch.isalpha() for ch in word):
        pos = "NUM" if any(ch.isdigit() for ch in word) else "PUNCT"
        return Analysis(norm, frozenset({norm}), pos, frozenset(), "")
    base = norm[:-2] if norm.endswith("'s") else norm
    lemma = normalise(simplemma.lemmatize(base, lang="en"))
    keys = {norm, base, lemma}
    if norm in PREPOSITIONS:
        pos = "PREP"
    elif norm in CONJUNCTIONS:
        pos = "CONJ"
    elif norm in PRONOUNS:
        pos = "PRON"
    elif norm in PARTICLES:
        pos = "PART"
    elif norm.endswith(NOUN_SUFFIXES) or norm in EVENT_NOUNS and not norm.endswith("ed"):
        pos = "NOUN"
    else:
        pos = "X"
    tense = ""
    if norm in IRREGULAR_PAST or (norm.endswith("ed") and len(norm) > 4):
        tense = "past"
    elif norm in PRESENT:
        tense = "pres"
    return Analysis(lemma, frozenset(keys), pos, frozenset(), tense)


class English:
    code = "en"

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in SENT_END.finditer(text):
            end = m.end()
            before = text[start:m.start()].rsplit(None, 1)
            last = before[-1].lower().rstrip(".") if before else ""
            if m.group().startswith(".") and (
                last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or INITIALS.fullmatch(before[-1] if before else "")
            ):
                continue
            spans.append((start, end))
            start = end
        if text[start:].strip():
            spans.append((start, len(text)))
        return spans

    def word_spans(self, text: str) -> list[tuple[int, int]]:
        return regex_word_spans(text)

    def analyse(self, word: str) -> Analysis:
        return _analyse(word)

    def refine(self, tokens: list) -> None:
        """Context the word list cannot give: after a determiner, `visit` is a noun and
        `occupied` a participle; `visited` after `was` stays a verb (the passive)."""
        for k in range(1, len(tokens)):
            prev, t = tokens[k - 1], tokens[k]
            if prev.lower in MODALS and t.pos == "NOUN" and not t.lower.endswith(NOUN_SUFFIXES):
                t.pos = "VERB"  # "would support", "to attack": a verb after a modal or `to`
                continue
            if prev.text == "," and t.tense == "past" and t.lower.endswith("ed") and k + 1 < len(tokens) and tokens[k + 1].lower in ("in", "by", "at", "for", "over"):
                t.pos = "PRTCP"  # "China, criticised in the communique": a participle, not a verb
                continue
            if prev.lower in DETERMINERS or prev.lower.endswith("'s") or prev.lower.endswith("’s"):
                if t.lower.endswith("ed") and t.pos == "X":
                    t.pos = "PRTCP"
                elif t.pos == "X" and t.tense == "":
                    t.pos = "NOUN"


LANGUAGE = English()
