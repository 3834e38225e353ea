"""The language interface and the language-blind sentence/token analysis built on it.

A language module knows how to split sentences and words and how to analyse one word
(lemmas, part of speech, case, tense). Everything downstream reads only Token fields,
so stages stay language-blind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import Protocol

from litopys.model import Document, Sentence, Token

WORD_RE = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|[A-Za-z]+(?=n[’']t\b)|n[’']t\b"  # didn't → did + n't
    r"|\$?\d+(?:[.,:]\d+)*(?:-[^\W\d_]+|s\b)?"  # 1992-го, 3,000, $375, 1990s
    r"|[^\W\d_]+(?:[’'ʼ\-‑][^\W\d_]+)*"  # words with apostrophes and hyphens
    r"|\S",
    re.UNICODE,
)
PARA_RE = re.compile(r"\n[ \t\r]*\n+")


def normalise(word: str) -> str:
    """One spelling for lookups: lowercase, one apostrophe, е for ё, plain hyphen."""
    return (
        word.lower()
        .replace("’", "'")
        .replace("ʼ", "'")
        .replace("`", "'")
        .replace("ё", "е")
        .replace("‑", "-")
    )


@dataclass(frozen=True, slots=True)
class Analysis:
    lemma: str
    keys: frozenset[str]
    pos: str
    cases: frozenset[str]
    tense: str
    # the cases each reading allows: "Путина" is "путин" (gen, acc) or "путина" (nom)
    lemma_cases: tuple[tuple[str, frozenset[str]], ...] = ()


class Language(Protocol):
    code: str

    def sentence_spans(self, text: str) -> list[tuple[int, int]]: ...

    def word_spans(self, text: str) -> list[tuple[int, int]]: ...

    def analyse(self, word: str) -> Analysis: ...


def regex_word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD_RE.finditer(text)]


_MODULES = {"uk": "litopys.lang.uk", "ru": "litopys.lang.ru", "en": "litopys.lang.en"}


def supported_languages() -> list[str]:
    return list(_MODULES)


@cache
def get_language(code: str) -> Language:
    if code not in _MODULES:
        raise KeyError(code)
    return import_module(_MODULES[code]).LANGUAGE


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for m in PARA_RE.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def analyse_document(doc: Document, lang: Language) -> Document:
    """Fill doc.sentences with analysed tokens; offsets refer to doc.text."""
    text = doc.text
    sentences: list[Sentence] = []
    for p_index, (ps, pe) in enumerate(paragraphs(text, doc.body_start, len(text))):
        chunk = text[ps:pe]
        for ss, se in lang.sentence_spans(chunk):
            raw = chunk[ss:se]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            s0 = ps + ss + lead
            s1 = s0 + len(stripped)
            sent = Sentence(len(sentences), s0, s1, text[s0:s1], p_index)
            for i, (ws, we) in enumerate(lang.word_spans(sent.text)):
                word = sent.text[ws:we]
                a = lang.analyse(word)
                sent.tokens.append(
                    Token(word, s0 + ws, s0 + we, i, a.lemma, a.keys, a.pos, a.cases, a.tense, a.lemma_cases)
                )
            refine = getattr(lang, "refine", None)
            if refine is not None:
                refine(sent.tokens)
            sentences.append(sent)
    doc.sentences = sentences
    return doc
