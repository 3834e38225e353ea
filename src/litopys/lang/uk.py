"""Ukrainian: tokenize-uk splits sentences, pymorphy3 (uk dictionary) analyses words."""

from __future__ import annotations

import tokenize_uk

from litopys.lang.base import Analysis, regex_word_spans
from litopys.lang.morph import Morph


class Ukrainian:
    code = "uk"

    def __init__(self) -> None:
        self._morph = Morph("uk")

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        return [(s, e) for _, s, e in tokenize_uk.tokenize_sents_with_spans(text)]

    def word_spans(self, text: str) -> list[tuple[int, int]]:
        return regex_word_spans(text)

    def analyse(self, word: str) -> Analysis:
        return self._morph.analyse(word)


LANGUAGE = Ukrainian()
