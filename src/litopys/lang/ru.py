"""Russian: razdel splits sentences, pymorphy3 (ru dictionary) analyses words."""

from __future__ import annotations

import razdel

from litopys.lang.base import Analysis, regex_word_spans
from litopys.lang.morph import Morph


class Russian:
    code = "ru"

    def __init__(self) -> None:
        self._morph = Morph("ru")

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        return [(s.start, s.stop) for s in razdel.sentenize(text)]

    def word_spans(self, text: str) -> list[tuple[int, int]]:
        return regex_word_spans(text)

    def analyse(self, word: str) -> Analysis:
        return self._morph.analyse(word)


LANGUAGE = Russian()
