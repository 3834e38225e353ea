"""pymorphy3 analysis shared by the Ukrainian and Russian modules, memoised per word."""

from __future__ import annotations

from functools import lru_cache

from litopys.lang.base import Analysis, normalise

POS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "PRTF": "PRTCP", "PRTS": "PRTCP",
    "VERB": "VERB", "INFN": "VERB", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV",
    "NPRO": "PRON", "PREP": "PREP", "CONJ": "CONJ", "PRCL": "PART", "INTJ": "X",
}
CASES = {
    "nomn": "nom", "gent": "gen", "gen2": "gen", "datv": "dat", "accs": "acc",
    "ablt": "ins", "loct": "loc", "loc2": "loc", "voct": "voc",
}
TENSES = {"past": "past", "pres": "pres", "futr": "fut", "INFN": "inf", "infn": "inf"}


class Morph:
    """Wraps one pymorphy3 analyser; the cache makes repeated news vocabulary cheap."""

    def __init__(self, lang: str) -> None:
        try:
            import pymorphy3
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError(
                f"E001 pymorphy3 with its '{lang}' dictionary is needed: "
                f"pip install 'pymorphy3[fast]' pymorphy3-dicts-{lang}"
            ) from exc
        self._m = pymorphy3.MorphAnalyzer(lang=lang)
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)

    def _analyse(self, word: str) -> Analysis:
        norm = normalise(word)
        if not any(ch.isalpha() for ch in word):
            pos = "NUM" if any(ch.isdigit() for ch in word) else "PUNCT"
            return Analysis(norm, frozenset({norm}), pos, frozenset(), "")
        parses = self._m.parse(norm)
        if not parses:
            return Analysis(norm, frozenset({norm}), "X", frozenset(), "")
        top = parses[0]
        lemma = normalise(top.normal_form)
        keys = {norm, lemma}
        keys.update(normalise(p.normal_form) for p in parses[:4])
        cases = set()
        tense = ""
        for p in parses:
            if normalise(p.normal_form) != lemma:
                continue
            c = CASES.get(p.tag.case or "")
            if c:
                cases.add(c)
        by_lemma: dict[str, set[str]] = {}
        for p in parses:
            c = CASES.get(p.tag.case or "")
            if c:
                by_lemma.setdefault(normalise(p.normal_form), set()).add(c)
        tag = top.tag
        pos = POS.get(tag.POS or "", "X")
        if tag.POS == "INFN" or "infn" in str(tag).replace(",", " ").split():
            tense = "inf"
        elif tag.POS in ("VERB", "GRND"):
            tense = TENSES.get(tag.tense or "", "")
        return Analysis(lemma, frozenset(keys), pos, frozenset(cases), tense,
                        tuple((k, frozenset(v)) for k, v in by_lemma.items()))
